"""Text to image: the arrows of the data flow, in one function you can read top to bottom.

Rombach et al. 2022, "High-Resolution Image Synthesis with Latent Diffusion Models" (Stable Diffusion):

    prompt, negative prompt --encode_prompt--> cond, uncond (B, 77·k, D)
    noise (B, 4, H/8, W/8) · σ_max --sampler loop, each step D(x, σ) from the guided UNet--> z_0
    z_0 / scaling_factor --vae.decode--> image (B, 3, H, W) in [-1, 1] --> PIL

Built to give the same numbers as diffusers' ``StableDiffusionPipeline`` with the matching scheduler
(``course.samplers.SAMPLERS[name].diffusers``) and the same seed: tests/test_pipeline.py checks it.
"""
from __future__ import annotations

import math

import torch
from tqdm.auto import tqdm

from course.guidance import classifier_free_guidance
from course.samplers import Denoiser, get_sampler
from course.schedules import alphas_cumprod, betas, sampling_sigmas
from course.text_encoder import encode_prompt

__all__ = ["text_to_image", "schedule_for", "to_pil", "SD15_SCHEDULER_CONFIG"]

# SD 1.5's scheduler_config.json: used when parts.scheduler_config is empty (a single-file checkpoint has none)
SD15_SCHEDULER_CONFIG = {"num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012,
                         "beta_schedule": "scaled_linear", "steps_offset": 1, "set_alpha_to_one": False,
                         "clip_sample": False, "skip_prk_steps": True}
# diffusers' default timestep_spacing per scheduler class, used when the scheduler config has none
# (SD 1.5's own scheduler_config.json predates the option; from_config then takes the class default)
_DEFAULT_SPACING = {"DDIMScheduler": "leading", "PNDMScheduler": "leading", "DDPMScheduler": "leading"}


def schedule_for(sampler, scheduler_config: dict, steps: int):
    """The σ's the sampler's diffusers scheduler, built from ``scheduler_config`` + its options, steps through.
    Missing keys take diffusers' class defaults; an empty config means SD 1.5's (``SD15_SCHEDULER_CONFIG``).

    Returns (sigmas (steps+1,), quantize, alphas_cumprod, init_scale): the initial N(0, I) noise is multiplied
    by ``init_scale`` (diffusers' ``init_noise_sigma``, in our "x = x_0 + σ ε" form).
    """
    info = get_sampler(sampler) if isinstance(sampler, str) else sampler
    cfg = {**(scheduler_config or SD15_SCHEDULER_CONFIG), **info.diffusers_options}
    ac = alphas_cumprod(betas(cfg.get("num_train_timesteps", 1000), cfg.get("beta_start", 0.0001),
                              cfg.get("beta_end", 0.02), cfg.get("beta_schedule", "linear")))
    spacing = cfg.get("timestep_spacing", _DEFAULT_SPACING.get(info.diffusers, "linspace"))
    sigmas, quantize = sampling_sigmas(info.diffusers, ac, steps, spacing, cfg.get("steps_offset", 0),
                                       karras=info.schedule == "karras",
                                       set_alpha_to_one=cfg.get("set_alpha_to_one", True))
    # diffusers' Euler family starts from σ_max·ε only with linspace/trailing spacing, else from √(σ_max²+1)·ε;
    # the others keep x/√(σ²+1) ("variance preserving") and start from ε, which is √(σ_max²+1)·ε here.
    euler_family = info.diffusers in ("EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler",
                                      "HeunDiscreteScheduler", "LMSDiscreteScheduler")
    init_scale = sigmas[0] if euler_family and spacing in ("linspace", "trailing") else (sigmas[0] ** 2 + 1) ** 0.5
    return sigmas, quantize, ac, init_scale


def to_pil(images: torch.Tensor) -> list:
    """(B, 3, H, W) in [-1, 1] -> list of PIL images, as diffusers rounds: uint8(round(255 · clamp(x/2 + 0.5)))."""
    from PIL import Image

    x = (images / 2 + 0.5).clamp(0, 1).cpu().permute(0, 2, 3, 1).float().numpy()  # (B, H, W, 3)
    return [Image.fromarray((im * 255).round().astype("uint8")) for im in x]


def _check(parts, prompt, negative_prompt, steps, guidance_scale, sampler, height, width, num_images, output_type):
    if not isinstance(prompt, str) and not (isinstance(prompt, (list, tuple)) and prompt
                                            and all(isinstance(p, str) for p in prompt)):
        raise ValueError(f"prompt={prompt!r}: pass a str or a non-empty list of str.")
    if not isinstance(negative_prompt, str):
        if not isinstance(negative_prompt, (list, tuple)) or not all(isinstance(p, str) for p in negative_prompt):
            raise ValueError(f"negative_prompt={negative_prompt!r}: pass a str or a list of str.")
        n = 1 if isinstance(prompt, str) else len(prompt)
        if len(negative_prompt) != n:
            raise ValueError(f"negative_prompt has {len(negative_prompt)} entries but there are {n} prompts: pass one "
                             "negative prompt per prompt, or a single str for all of them.")
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps={steps!r} must be a whole number >= 1 (20 to 50 is usual).")
    if isinstance(guidance_scale, bool) or not isinstance(guidance_scale, (int, float)) or math.isnan(guidance_scale):
        raise ValueError(f"guidance_scale={guidance_scale!r} must be a number, not NaN (SD 1.5: 7.5; 1.0 = no CFG).")
    info = get_sampler(sampler)  # raises a ValueError listing the known names
    cfg = parts.scheduler_config or SD15_SCHEDULER_CONFIG
    if info.diffusers in ("DDIMScheduler", "DDPMScheduler") and (cfg.get("clip_sample") or cfg.get("thresholding")):
        raise ValueError(f"the scheduler config asks for clip_sample={cfg.get('clip_sample')}, thresholding="
                         f"{cfg.get('thresholding')}, which this pipeline does not do (SD 1.x sets both False): "
                         "set them to False in parts.scheduler_config, or pick another sampler.")
    f = 2 ** (len(parts.vae.config.block_out_channels) - 1)
    for name, value in (("height", height), ("width", width)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 8 or value % 8 or value % f:
            near = 8 * max(1, round(value / 8)) if isinstance(value, (int, float)) else 512
            raise ValueError(f"{name}={value!r} must be a positive multiple of 8 (the VAE's factor, here {f}), "
                             f"e.g. {near}.")
    if isinstance(num_images, bool) or not isinstance(num_images, int) or num_images < 1:
        raise ValueError(f"num_images_per_prompt={num_images!r} must be a whole number >= 1.")
    if output_type not in ("pil", "pt", "latent"):
        raise ValueError(f"output_type={output_type!r}: use 'pil' (list of images), 'pt' (tensor in [0, 1]) "
                         "or 'latent' (the UNet's latent, before the VAE).")


@torch.no_grad()
def text_to_image(parts, prompt, *, negative_prompt="", steps: int = 20, guidance_scale: float = 7.5,
                  sampler: str = "euler", seed: int | None = None, generator: torch.Generator | None = None,
                  height: int | None = None, width: int | None = None, num_images_per_prompt: int = 1,
                  clip_skip: int = 0, output_type: str = "pil", callback=None, progress: bool = True):
    """Prompt(s) -> images. ``parts``: a ``course.loading.Parts``; ``sampler``: a key of ``SAMPLERS`` or an
    A1111 name; ``seed`` (or a ``generator``) fixes the noise; ``callback`` gets the sampler's dict each step.
    Returns a list of PIL images, a (B, 3, H, W) tensor in [0, 1] ("pt"), or the latents ("latent").

    Prompts use A1111's syntax (weights, BREAK, any length: 75-token chunks). ``guidance_scale`` 1 skips the
    unconditional pass; below 1 we still apply the formula (diffusers then turns guidance off instead)."""
    unet, vae = parts.unet, parts.vae
    scale = 2 ** (len(vae.config.block_out_channels) - 1)  # 8 for SD
    height = height if height is not None else unet.config.sample_size * scale
    width = width if width is not None else unet.config.sample_size * scale
    _check(parts, prompt, negative_prompt, steps, guidance_scale, sampler, height, width, num_images_per_prompt,
           output_type)
    info = get_sampler(sampler)
    prompts = [prompt] if isinstance(prompt, str) else list(prompt)
    negatives = [negative_prompt] * len(prompts) if isinstance(negative_prompt, str) else list(negative_prompt)
    if generator is None and seed is not None:
        generator = torch.Generator().manual_seed(seed)  # on the CPU: the same noise on every device
    param = next(unet.parameters())

    # 1. text -> contexts (B, 77·k, D); the prompt and negative prompt get the same number of chunks
    #    (one call: encode_prompt pads every prompt of a batch with empty chunks to the longest one's count)
    uncond, cond = encode_prompt(parts.text_encoder, parts.tokenizer, negatives + prompts, clip_skip).chunk(2)
    cond = cond.repeat_interleave(num_images_per_prompt, dim=0).to(param)  # (B·n, 77·k, D): p0, p0, p1, p1, ...
    uncond = uncond.repeat_interleave(num_images_per_prompt, dim=0).to(param)

    # 2. the schedule, and the starting noise drawn as diffusers' randn_tensor draws it
    sigmas, quantize, ac, init_scale = schedule_for(info, parts.scheduler_config, steps)
    shape = (cond.shape[0], unet.config.in_channels, height // scale, width // scale)
    gen_device = generator.device if generator is not None else param.device
    noise = torch.randn(shape, generator=generator, device=gen_device, dtype=param.dtype).to(param.device)
    x = noise * init_scale.to(param)

    # 3. the sampler loop on the denoiser D(x, σ), which wraps the guided UNet: ε̂ = ε̂_u + s (ε̂_c - ε̂_u)
    #    (guiding ε̂ or D is the same math; guiding ε̂ as diffusers does gives its numbers bit for bit)
    guided_unet = classifier_free_guidance(lambda x_t, t, context: unet(x_t, t, context), guidance_scale)
    prediction_type = (parts.scheduler_config or SD15_SCHEDULER_CONFIG).get("prediction_type", "epsilon")
    denoiser = Denoiser(guided_unet, ac, prediction_type, quantize=quantize)
    bar = tqdm(total=steps, disable=not progress, desc=f"{sampler} ({steps} steps)")

    def on_step(d):
        bar.update(1)
        if callback is not None:
            callback(d)

    latents = info.fn(denoiser, x, sigmas.to(param.device), generator=generator, callback=on_step,
                      extra_args={"cond": cond, "uncond": None if guidance_scale == 1 else uncond})
    bar.close()
    latents = latents / (sigmas[-1] ** 2 + 1) ** 0.5  # DDIM/PLMS stop at σ_0 > 0: back to the latent they decode

    # 4. latent -> image
    if output_type == "latent":
        return latents
    images = vae.decode(latents / vae.scaling_factor)  # (B, 3, H, W) in about [-1, 1]
    if output_type == "pt":
        return (images / 2 + 0.5).clamp(0, 1)
    return to_pil(images)
