"""Text to image with SD3 (no T5): the MMDiT walks a rectified flow from noise to latents, guided by the prompt.

Esser et al. 2024, "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis":

    prompt, negative prompt --encode_prompt_sd3--> context (B, 77 + 256, 4096), pooled (B, 2048) (course.nets.sd3_text)
    noise ε (B, 16, H/8, W/8) = x at σ = 1 --flow sampler, each step v̂ from the guided MMDiT--> z_0
    z_0 / scaling_factor + shift_factor --vae.decode--> image (B, 3, H, W) in [-1, 1] --> PIL

Against SD 1.x's pipeline (course.pipeline) three things change, each a module of its own: the denoiser is the
MMDiT, which predicts a velocity v = ε - x_0 and reads the pooled text as well as the context (course.nets.mmdit);
the σ's run from 1 to 0 on SD3's shifted flow schedule and D(x, σ) = x - σ v̂ (course.sampling.flow: the same
k-diffusion samplers, another schedule); the VAE has 16 channels and centres its latents (shift_factor).

Built to give the numbers of diffusers' StableDiffusion3Pipeline with ``text_encoder_3=None`` and
FlowMatchEulerDiscreteScheduler ("flow_euler") for the same seed: tests/test_pipeline_sd3.py checks it.
``course.pipeline.text_to_image`` hands SD3 parts (``parts.transformer`` set) to ``text_to_image_sd3``.
"""
from __future__ import annotations

import torch
from tqdm.auto import tqdm

from course.io.images import to_pil
from course.nets.sd3_text import T5_TOKENS, encode_prompt_sd3
from course.sampling.arguments import (
    LIMITS,
    _guidance,
    _is_integer,
    _whole,
    check_output,
    check_placement,
    check_seed,
    finite,
    latent_factor,
)
from course.sampling.flow import FLOW_SAMPLERS, FlowDenoiser, flow_config, flow_mu, flow_sigmas
from course.sampling.samplers import SamplerInfo

__all__ = ["text_to_image_sd3", "SD3_DEFAULTS", "sd3_call"]

# diffusers' StableDiffusion3Pipeline defaults (num_inference_steps=28, guidance_scale=7.0) and its scheduler
SD3_DEFAULTS = {"steps": 28, "guidance_scale": 7.0, "sampler": "flow_euler"}
# the same ODE solvers on the flow schedule: the SD names are taken to mean them
ALIASES = {"euler": "flow_euler", "heun": "flow_heun"}
# text_to_image's arguments that SD3 has no use for, and the value that means "not used"
SD_ONLY = {"control": None, "control_start": 0.0, "control_end": 1.0, "guess_mode": False, "ip_adapter_image": None,
           "ip_adapter_image_embeds": None, "ip_adapter_scale": None, "denoising_end": None, "original_size": None,
           "crops_coords_top_left": None, "target_size": None, "negative_original_size": None,
           "negative_crops_coords_top_left": None, "negative_target_size": None}


def sd3_call(arguments: dict) -> dict:
    """``course.pipeline.text_to_image``'s arguments (its ``locals()``) -> those of ``text_to_image_sd3``; an
    SD/SDXL-only one that is set is refused by name. clip_skip 0 (text_to_image's default) is None here."""
    unset = lambda v, off: v is off or (isinstance(v, (bool, int, float)) and v == off)  # noqa: E731
    used = sorted(k for k, off in SD_ONLY.items() if not unset(arguments.get(k, off), off))
    if used:
        raise ValueError(f"{', '.join(used)}: not available for SD3 parts (an MMDiT, parts.transformer): the course's "
                         "ControlNet, IP-Adapter, refiner hand-off and size conditioning are for SD 1.x and SDXL "
                         "UNets. Leave them out.")
    kept = {k: v for k, v in arguments.items() if k not in SD_ONLY}
    kept["clip_skip"] = kept.get("clip_skip") or None
    return kept


def _sampler(name) -> SamplerInfo:
    if isinstance(name, SamplerInfo) and name.schedule == "flow":
        return name
    key = ALIASES.get(name, name) if isinstance(name, str) else None
    if key not in FLOW_SAMPLERS:
        raise ValueError(f"sampler={name!r}: SD3 samples a rectified flow (σ from 1 to 0); use one of "
                         f"{sorted(FLOW_SAMPLERS)} (course.sampling.flow.FLOW_SAMPLERS; 'euler' and 'heun' mean them "
                         "too). The SD 1.x samplers run on the ᾱ table SD3 does not have.")
    return FLOW_SAMPLERS[key]


def _check(parts, height, width, num_images, output_type, callback):
    """The image size (a multiple of the VAE's factor × the patch size), the batch, what to return."""
    check_placement(parts)
    if parts.transformer is None or parts.text_encoder is None or parts.text_encoder_2 is None:
        raise ValueError("text_to_image_sd3 needs SD3 parts: parts.transformer (the MMDiT), text_encoder (CLIP-L) and "
                         "text_encoder_2 (CLIP-G): from_reference(StableDiffusion3Pipeline) makes them.")
    f, p = latent_factor(parts.vae), parts.transformer.config.patch_size
    step = f * p  # one token covers p×p latents, each f×f pixels
    for name, value in (("height", height), ("width", width)):
        if not _is_integer(value) or value < step or value % step:
            near = step * max(1, round(value / step)) if _is_integer(value) else 1024
            raise ValueError(f"{name}={value!r} must be a positive multiple of {step} (the VAE's factor {f} × the "
                             f"MMDiT's patch size {p}), e.g. {near}.")
    num_images = _whole("num_images_per_prompt", num_images, 1, "1 to 8 is usual")
    check_output(output_type, callback, "the MMDiT's latents")
    return int(height), int(width), num_images


@torch.no_grad()
def text_to_image_sd3(parts, prompt, *, negative_prompt=None, prompt_2=None, negative_prompt_2=None,
                      steps: int | None = None, guidance_scale: float | None = None, sampler=None,
                      seed: int | None = None, generator: torch.Generator | None = None, height: int | None = None,
                      width: int | None = None, num_images_per_prompt: int = 1, clip_skip: int | None = None,
                      max_sequence_length: int = T5_TOKENS, output_type: str = "pil", callback=None,
                      progress: bool = True):
    """Prompt(s) -> images with SD3 parts (``from_reference(StableDiffusion3Pipeline)``, no T5), as diffusers'
    StableDiffusion3Pipeline with ``text_encoder_3=None``. Left out, ``steps``, ``guidance_scale`` and ``sampler`` come
    from ``parts.defaults``, else diffusers' 28, 7.0 and "flow_euler" (FlowMatchEulerDiscreteScheduler;
    "flow_heun" is its Heun); height and width from ``parts.defaults``, else the MMDiT's sample_size × the VAE's
    factor (SD3: 128 × 8 = 1024). ``negative_prompt`` None encodes "" (SD3 has no zeros rule); ``prompt_2`` /
    ``negative_prompt_2``: what CLIP-G reads instead; ``clip_skip``: as SDXL's, for both sides;
    ``max_sequence_length``: how many T5 tokens (zeros) follow CLIP's 77. ``guidance_scale`` 1 skips the
    unconditional pass; other values apply CFG (diffusers turns it off at <= 1). ``seed`` / ``generator``,
    ``callback``, ``output_type`` ("pil", "pt", "latent") as ``course.pipeline.text_to_image``."""
    d = {**SD3_DEFAULTS, **(getattr(parts, "defaults", None) or {})}
    info = _sampler(d["sampler"] if sampler is None else sampler)
    cfg = flow_config(parts.scheduler_config)
    steps = _whole("steps", d["steps"] if steps is None else steps, 1, "28 is SD3's", cfg["num_train_timesteps"],
                   "more steps than training noise levels add nothing")
    scale = _guidance(d["guidance_scale"] if guidance_scale is None else guidance_scale)
    side = parts.transformer.config.sample_size * latent_factor(parts.vae) if parts.transformer is not None else None
    height, width, n = _check(parts, d.get("height", side) if height is None else height,
                              d.get("width", side) if width is None else width, num_images_per_prompt, output_type,
                              callback)
    seed, generator = check_seed(seed, generator)
    count = 1 if isinstance(prompt, str) else len(prompt) if isinstance(prompt, (list, tuple)) else 1
    if count * n > LIMITS["max_batch"] or count * n * height * width > LIMITS["max_pixels"]:
        raise ValueError(f"{count * n} images of {width}×{height} is beyond course.pipeline.LIMITS "
                         f"({LIMITS['max_batch']} images, {LIMITS['max_pixels']} pixels per call): make fewer at once.")

    mmdit, guided = parts.transformer, scale != 1
    embeds = encode_prompt_sd3([parts.tokenizer, parts.tokenizer_2], [parts.text_encoder, parts.text_encoder_2],
                               prompt, prompt_2, negative_prompt, negative_prompt_2,
                               joint_attention_dim=mmdit.config.joint_attention_dim,
                               max_sequence_length=max_sequence_length, num_images_per_prompt=n, clip_skip=clip_skip,
                               guidance=guided)
    param = next(mmdit.parameters())
    context, pooled = embeds.context, embeds.pooled
    if guided:  # one batch, unconditional rows first, as diffusers
        context, pooled = torch.cat([embeds.negative_context, context]), torch.cat([embeds.negative_pooled, pooled])
    context, pooled = context.to(param), pooled.to(param)

    f, batch = latent_factor(parts.vae), context.shape[0] // (2 if guided else 1)
    shape = (batch, mmdit.config.in_channels, height // f, width // f)
    noise_device = generator.device if generator is not None else param.device  # a seed draws on the CPU
    x = torch.randn(shape, generator=generator, device=noise_device, dtype=param.dtype).to(param.device)
    mu = None
    if cfg["use_dynamic_shifting"]:  # μ from the token count (SD3.5 configs may set it)
        p = mmdit.config.patch_size
        mu = flow_mu((shape[2] // p) * (shape[3] // p), cfg["base_image_seq_len"], cfg["max_image_seq_len"],
                     cfg["base_shift"], cfg["max_shift"])
    sigmas = flow_sigmas(steps, parts.scheduler_config, mu=mu).to(x.device)

    def velocity(x_t, t):
        if not guided:
            return mmdit(x_t, t, context, pooled)
        v_uncond, v_cond = mmdit(torch.cat([x_t, x_t]), t, context, pooled).chunk(2)  # (2B, C, h, w) -> 2 × (B, ...)
        return v_uncond + scale * (v_cond - v_uncond)

    bar = tqdm(total=steps, disable=not progress, desc=getattr(info.fn, "__name__", "sampler"))

    def on_step(d):
        bar.update(1)
        finite(d["x"], f"the latents after step {d['i']} of 0..{steps - 1} (σ = {float(d['sigma']):.4g})", scale)
        if callback is not None:
            callback(d)

    try:
        latents = info.fn(FlowDenoiser(velocity, cfg["num_train_timesteps"]), x, sigmas, generator=generator,
                          callback=on_step)
    finally:
        bar.close()
    if output_type == "latent":
        return latents
    vae = parts.vae
    images = finite(vae.from_latent(latents.to(next(vae.parameters()).dtype)), "the VAE's decoded pixels", scale)
    if output_type == "pt":
        return (images / 2 + 0.5).clamp(0, 1)  # (B, 3, H, W) in [0, 1]
    pictures = to_pil(images)
    for picture in pictures:
        if seed is not None:
            picture.info["seed"] = seed
    return pictures
