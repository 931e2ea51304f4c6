"""Text to image, image to image, inpainting: the arrows of the data flow, each one short function.

Rombach et al. 2022, "High-Resolution Image Synthesis with Latent Diffusion Models" (Stable Diffusion):

    prompt, negative prompt --encode_prompt--> cond, uncond (B, 77·k, D)
    noise (B, 4, H/8, W/8) · σ_max --sampler loop, each step D(x, σ) from the guided UNet--> z_0
    z_0 / scaling_factor --vae.decode--> image (B, 3, H, W) in [-1, 1] --> PIL

image_to_image is SDEdit (Meng et al. 2022): encode the image to z_0, add noise up to the σ where the
schedule is entered (strength 0.75 skips the first quarter of the steps), and run the rest of the loop.
inpaint does the same and, after every step, pastes the known region back, noised to the current σ; an
inpainting UNet (9 input channels) also sees the mask and the latents of the masked image.

Built to give the same numbers as diffusers' StableDiffusionPipeline, StableDiffusionImg2ImgPipeline and
StableDiffusionInpaintPipeline with the matching scheduler (``course.sampling.samplers.SAMPLERS[name].diffusers``) and
the same seed, random draws in the same order: tests/test_pipeline.py and tests/test_img2img.py check it.

Every argument is checked before any work, each bad one refused with one ValueError that says the rule and
the fix: numbers of any type (numpy's too: they are converted to int/float, so the picture is the same),
seeds, and the size of the work (``LIMITS``). Latents that turn NaN or inf stop the run with a
``NonFiniteError``: no black picture is ever returned.
"""
from __future__ import annotations

import contextlib
import copy
import dataclasses
import warnings
from types import SimpleNamespace

import torch
from tqdm.auto import tqdm

from course.io.images import image_tensor, mask_tensor, to_pil
from course.sampling.arguments import (
    LIMITS,
    SEEDS,
    NonFiniteError,
    check_call,
    check_seed,
    check_work,
    finite,
    image_count_and_size,
    latent_factor,
    start_step,
    trained_size,
)
from course.sampling.conditioning import Conditioning
from course.sampling.control import Control
from course.sampling.denoiser import denoiser_for, schedule_for
from course.sampling.guidance import classifier_free_guidance
from course.sampling.image_prompt import image_prompt
from course.sampling.samplers import brownian_tree_noise, sample_dpmpp_sde

__all__ = ["text_to_image", "image_to_image", "inpaint", "with_defaults", "compile_parts", "LIMITS", "NonFiniteError",
           "SEEDS"]

def _randn(shape, generator, like: torch.Tensor) -> torch.Tensor:
    """N(0, I) drawn on the generator's device (the CPU for seed=N), as diffusers' randn_tensor draws it."""
    device = generator.device if generator is not None else like.device
    return torch.randn(shape, generator=generator, device=device, dtype=like.dtype).to(like.device)


def _sample(parts, info, cond: Conditioning, x, sigmas, ac, quantize, guidance_scale, generator, callback,
            progress, first_step=0, unet_extra=None, paste=None, control=None, picture=None):
    """The loop: the sampler walks x from sigmas[first_step] to sigmas[-1] on the guided UNet, as a denoiser D(x, σ).
    ``unet_extra`` (B, 5, h, w) is appended to the UNet's input channels (the inpainting UNet's mask and
    masked-image latents); ``paste(i, x)`` may replace x after step i (inpainting's known region); ``control``
    (a ``course.sampling.control.Control``) gives the UNet its ControlNet residuals at each step; ``picture`` (a
    ``course.sampling.image_prompt.ImagePrompt``) its IP-Adapter image embeddings, row by row.
    Each step's x is checked for NaN/inf (one reduction a step): a NonFiniteError names the step and its σ."""
    kwargs = {}
    if info.fn is sample_dpmpp_sde and generator is not None:  # diffusers' Brownian tree spans the whole schedule
        kwargs["noise_sampler"] = brownian_tree_noise(x, sigmas, generator.initial_seed())
    steps = len(sigmas) - 1
    sigmas = sigmas[first_step:]
    unet, step = parts.unet, {"i": first_step}  # the step counter picks the prompt's text at each step
    if picture is not None:
        picture.bind(cond, x)  # encode the picture prompt, one embedding per image of the batch

    def model(x_in, t, context):  # the whole guidance batch at once: ControlNets see the same rows as the UNet
        extra = control.residuals(x_in, t, context, step["i"]) if control is not None else {}
        if picture is not None:  # the ControlNets get the text alone, as in diffusers
            extra = {**extra, "image_embeds": picture.rows(x_in.shape[0])}
        return unet(x_in, t, context, **extra)

    guided = classifier_free_guidance(model, guidance_scale)

    def unet_fn(x_t, t):
        if unet_extra is not None:
            x_t = torch.cat([x_t, unet_extra], dim=1)  # (B, 4 + 1 + 4, h, w): latents, mask, masked-image latents
        return guided(x_t, t, *cond.at(step["i"]))

    denoiser = denoiser_for(parts, unet_fn, ac, quantize)
    bar = tqdm(total=len(sigmas) - 1, disable=not progress, desc=info.a1111 or getattr(info.fn, "__name__", "sampler"))

    def on_step(d):
        bar.update(1)
        x_new = paste(d["i"], d["x"]) if paste is not None else None
        finite(d["x"] if x_new is None else x_new, f"the latents after step {step['i']} of 0..{steps - 1} "
                f"(σ = {float(d['sigma']):.4g})", guidance_scale)
        step["i"] += 1
        if callback is not None:
            callback(d if x_new is None else {**d, "x": x_new})
        return x_new

    try:
        with picture if picture is not None else contextlib.nullcontext():  # ip_adapter_scale, for this call only
            x = info.fn(denoiser, x, sigmas.to(x.device), generator=generator, callback=on_step, **kwargs)
    finally:
        bar.close()
    return x / (sigmas[-1] ** 2 + 1) ** 0.5  # DDIM/PLMS stop at σ_0 > 0: back to the latent they decode


def _finish(vae, latents, output_type, run):
    """Latents -> what ``output_type`` asks for, never a picture made of NaN; PIL images carry their seed."""
    finite(latents, "the final latents", run.guidance_scale)
    if output_type == "latent":
        return latents
    latents = latents.to(next(vae.parameters()).dtype)  # a float32 VAE beside half-precision parts (upcast_vae)
    images = finite(vae.decode(latents / vae.scaling_factor), "the VAE's decoded pixels", run.guidance_scale)
    if output_type == "pt":
        return (images / 2 + 0.5).clamp(0, 1)  # (B, 3, H, W) in [0, 1]
    pictures = to_pil(images)
    for picture in pictures:
        if run.seed is not None:
            picture.info["seed"] = run.seed  # how to make it again, also when seed=-1 drew it
    return pictures


FALLBACK_DEFAULTS = {"sampler": "euler", "steps": 20, "guidance_scale": 7.5}


def with_defaults(parts, steps, guidance_scale, sampler):
    """Fill what a call left out (None) from the model's recommended ``parts.defaults``, then SD's usual
    settings (``FALLBACK_DEFAULTS``)."""
    d = {**FALLBACK_DEFAULTS, **(getattr(parts, "defaults", None) or {})}
    return (d["steps"] if steps is None else steps, d["guidance_scale"] if guidance_scale is None else guidance_scale,
            d["sampler"] if sampler is None else sampler)


def _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, height, width,
           num_images_per_prompt, clip_skip, output_type, callback) -> SimpleNamespace:
    """Check every argument, then encode the prompts. Returns the checked numbers (run.steps, run.height, ...),
    run.info (the sampler), run.seed (None, or the seed used), run.generator, run.param and run.cond."""
    run = check_call(parts, prompt, negative_prompt, steps, guidance_scale, sampler, height, width,
                     num_images_per_prompt, output_type, clip_skip, callback)
    run.seed, run.generator = check_seed(seed, generator)  # a seed's generator is on the CPU: the same noise everywhere
    trained = trained_size(parts)
    if trained is not None and any(not t / 2 <= v <= 2 * t for v, t in zip((run.height, run.width), trained)):
        # stacklevel 4: past _setup, text_to_image (or image_to_image, inpaint) and torch.no_grad's wrapper
        warnings.warn(f"{run.width}×{run.height} (width×height) is far from the {trained[1]}×{trained[0]} this "
                      "model was trained at (a side over 2× or under ½×): expect repeated or broken subjects; it "
                      f"expects {trained[1]}×{trained[0]}.", UserWarning, stacklevel=4)
    run.param = next(parts.unet.parameters())
    run.cond = Conditioning(parts, prompt, negative_prompt, run.steps, run.clip_skip, run.num_images, run.param)
    text, weight = run.cond.heaviest  # an AND part's weight multiplies the guidance scale
    if abs(weight * run.guidance_scale) > LIMITS["max_guidance"]:
        raise ValueError(f"the AND part {text[:40]!r} has weight {weight:g}, which times guidance_scale="
                         f"{run.guidance_scale:g} is beyond ±{LIMITS['max_guidance']:g} "
                         "(course.pipeline.LIMITS['max_guidance']): use part weights of about 0.5 to 1.5.")
    return run


@torch.no_grad()
def text_to_image(parts, prompt, *, negative_prompt="", steps: int | None = None, guidance_scale: float | None = None,
                  sampler=None, seed: int | None = None, generator: torch.Generator | None = None,
                  height: int | None = None, width: int | None = None, num_images_per_prompt: int = 1,
                  clip_skip: int = 0, output_type: str = "pil", callback=None, progress: bool = True,
                  control=None, control_start=0.0, control_end=1.0, guess_mode: bool = False,
                  ip_adapter_image=None, ip_adapter_image_embeds=None, ip_adapter_scale: float | None = None):
    """Prompt(s) -> images. ``parts``: a ``course.parts.Parts``; ``sampler``: a key of ``SAMPLERS``, an
    A1111 name or a ``SamplerInfo``; ``callback`` gets the sampler's dict {"x", "denoised", "i", "sigma"} each
    step. ``steps``, ``guidance_scale``, ``sampler`` (and height/width) left out come from ``parts.defaults`` (the
    bundled model's), else 20, 7.5, "euler". Numbers may be numpy's (np.int64, np.float32): the same picture.
    Returns a list of PIL images, a (B, 3, H, W) tensor in [0, 1] ("pt"), or the latents ("latent").

    ``seed``: a whole number in [0, 2**32) fixes the noise (torch's CPU generator keeps 32 bits, so larger seeds
    would repeat smaller ones' pictures and are refused); -1 draws a random one (``secrets.randbelow(2**32)``).
    Each PIL image carries the seed it was made with as ``image.info["seed"]``: pass it back to make it again.
    Or pass a ``generator`` instead (not both). Work beyond ``LIMITS`` (images × pixels, batch, guidance) is
    refused before anything is allocated, and a size far from the model's own (``parts.defaults``, else the
    UNet's sample size) gives a UserWarning. Latents that turn NaN or inf stop the run: ``NonFiniteError``.

    Prompts use A1111's syntax: (word:1.2) weights, BREAK, any length (75-token chunks), [cat:dog:0.5] prompt
    editing, and "a cat AND a hat :0.6" composition. ``guidance_scale`` 1 skips the unconditional pass; below 1
    we still apply the formula (0 = the negative prompt alone; diffusers turns guidance off at <= 1 instead).

    ControlNet (Zhang et al. 2023): ``control=[(controlnet, hint_image, scale), ...]``, a hint per ControlNet (one
    picture for all prompts, or one per prompt; height and width follow it when left out); ``control_start`` /
    ``control_end`` (one number or one per ControlNet): the fraction of the steps where it acts; ``guess_mode``:
    it controls the conditional prediction only, its residuals weighted 0.1 ... 1 (diffusers' semantics).
    Steps are counted as sampler steps: for Heun, DPM++ SDE and PLMS diffusers counts its timesteps list instead.

    IP-Adapter (Ye et al. 2023), after ``load_ip_adapter(parts.unet, path)``: ``ip_adapter_image`` (a PIL image or a
    tensor (3, H, W) / (B, 3, H, W) in [0, 1]; one for all prompts or one per prompt) goes through CLIP's
    preprocessing and ``parts.image_encoder``; or pass ``ip_adapter_image_embeds`` (1 or P, D) / (1 or P, k, D), the
    conditional embeddings alone. ``ip_adapter_scale``: λ for this call (else the adapter's own). The unconditional
    rows get zeros, as diffusers' (course.sampling.image_prompt)."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    picture = image_prompt(parts, prompt, ip_adapter_image, ip_adapter_image_embeds, ip_adapter_scale)
    f = latent_factor(parts.vae)  # 8 for SD
    defaults = getattr(parts, "defaults", None) or {}
    if control is not None:
        control = Control(control, control_start, control_end, guess_mode)
        height = height if height is not None else control.size[0]  # the hint's size: diffusers' default too
        width = width if width is not None else control.size[1]
    height = height if height is not None else defaults.get("height", parts.unet.config.sample_size * f)
    width = width if width is not None else defaults.get("width", parts.unet.config.sample_size * f)
    check_work(parts, prompt, num_images_per_prompt, 1, height, width)
    run = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, height, width,
                 num_images_per_prompt, clip_skip, output_type, callback)
    control = control.bind(run.cond, run.param, run.height, run.width, run.steps) if control is not None else None
    sigmas, quantize, ac, init_scale = schedule_for(run.info, parts.scheduler_config, run.steps)
    c = parts.vae.config.latent_channels
    if parts.unet.config.in_channels != c:
        raise ValueError(f"the UNet takes {parts.unet.config.in_channels} input channels, not the {c} of a latent: "
                         "an inpainting model makes images with course.pipeline.inpaint(parts, prompt, image, mask).")
    shape = (run.cond.batch, c, run.height // f, run.width // f)
    x = _randn(shape, run.generator, run.param) * init_scale.to(run.param)
    latents = _sample(parts, run.info, run.cond, x, sigmas, ac, quantize, run.guidance_scale, run.generator, callback,
                      progress, control=control, picture=picture)
    return _finish(parts.vae, latents, output_type, run)


@torch.no_grad()
def image_to_image(parts, prompt, image, *, strength: float = 0.8, negative_prompt="", steps: int | None = None,
                   guidance_scale: float | None = None, sampler=None, seed: int | None = None,
                   generator: torch.Generator | None = None, num_images_per_prompt: int = 1, clip_skip: int = 0,
                   output_type: str = "pil", callback=None, progress: bool = True, ip_adapter_image=None,
                   ip_adapter_image_embeds=None, ip_adapter_scale: float | None = None):
    """Prompt(s) + image -> images (SDEdit). ``image``: a PIL image, or a tensor (3, H, W) / (B, 3, H, W) in
    [0, 1], H and W multiples of 8; one image, or one per prompt. ``strength`` in [0, 1]: the share of the
    ``steps`` that run, so the image is noised to the σ of step ``steps - int(steps · strength)``.
    The rest as ``text_to_image`` (seeds, limits: a picture beyond ``LIMITS`` is refused before it is read; IP-Adapter's
    ``ip_adapter_image`` is the picture prompt, not ``image``, the picture to start from)."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    picture = image_prompt(parts, prompt, ip_adapter_image, ip_adapter_image_embeds, ip_adapter_scale)
    check_work(parts, prompt, num_images_per_prompt, *(image_count_and_size(image) or (0, 0, 0)))
    pixels = image_tensor(image, "image").to(next(parts.vae.parameters()))  # (b, 3, H, W) in [-1, 1]
    run = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, pixels.shape[2],
                 pixels.shape[3], num_images_per_prompt, clip_skip, output_type, callback)
    start, _ = start_step(strength, run.steps)
    param, generator = run.param, run.generator
    z0 = run.cond.per_image(parts.vae.to_latent(pixels, generator).to(param), "image")  # the VAE's sample draws first
    sigmas, quantize, ac, _ = schedule_for(run.info, parts.scheduler_config, run.steps)
    x = z0 + sigmas[start].to(param) * _randn(z0.shape, generator, param)  # x = z_0 + σ ε at the start step
    finite(x, "the image's latents (from the VAE's encoder)", run.guidance_scale)
    latents = _sample(parts, run.info, run.cond, x, sigmas, ac, quantize, run.guidance_scale, generator, callback,
                      progress, first_step=start, picture=picture)
    return _finish(parts.vae, latents, output_type, run)


@torch.no_grad()
def inpaint(parts, prompt, image, mask, *, strength: float = 1.0, negative_prompt="", steps: int | None = None,
            guidance_scale: float | None = None, sampler=None, seed: int | None = None,
            generator: torch.Generator | None = None, num_images_per_prompt: int = 1, clip_skip: int = 0,
            output_type: str = "pil", callback=None, progress: bool = True, ip_adapter_image=None,
            ip_adapter_image_embeds=None, ip_adapter_scale: float | None = None):
    """Repaint the masked region of ``image`` from the prompt. ``mask``: a PIL image or a tensor (H, W) /
    (1, H, W) / (B, 1, H, W) in [0, 1], the same size as the image; white (>= 0.5) is repainted, black kept.
    With a 4-channel UNet the known region is noised to σ_{i+1} and pasted back after every step; a 9-channel
    inpainting UNet also gets [mask, latents of the masked image] as extra input channels.
    ``strength`` < 1 starts from the noised image instead of pure noise. The rest as ``image_to_image``."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    picture = image_prompt(parts, prompt, ip_adapter_image, ip_adapter_image_embeds, ip_adapter_scale)
    in_channels = parts.unet.config.in_channels
    if in_channels not in (4, 9):
        raise ValueError(f"the UNet has {in_channels} input channels: inpaint needs 4 (any SD 1.x model) or "
                         "9 (an inpainting model: latents + mask + masked-image latents).")
    check_work(parts, prompt, num_images_per_prompt, *(image_count_and_size(image) or (0, 0, 0)))
    param, vae_param = next(parts.unet.parameters()), next(parts.vae.parameters())
    pixels = image_tensor(image, "image").to(vae_param)  # (b, 3, H, W) in [-1, 1], in the VAE's dtype
    keep_out = mask_tensor(mask, pixels.shape).to(vae_param)  # (b, 1, H, W): 1 = repaint, 0 = keep
    run = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, pixels.shape[2],
                 pixels.shape[3], num_images_per_prompt, clip_skip, output_type, callback)
    steps, generator, cond = run.steps, run.generator, run.cond
    start, strength = start_step(strength, steps)
    sigmas, quantize, ac, init_scale = schedule_for(run.info, parts.scheduler_config, steps)
    vae = parts.vae
    # random draws in diffusers' order: the image's latent sample, the noise, the masked image's latent sample
    z0 = (cond.per_image(vae.to_latent(pixels, generator).to(param), "image")
          if in_channels == 4 or strength < 1 else None)
    f = latent_factor(vae)  # 8 for SD
    h, w = pixels.shape[2] // f, pixels.shape[3] // f
    noise = _randn((cond.batch, vae.config.latent_channels, h, w), generator, param)
    x = noise * init_scale.to(param) if strength == 1 else z0 + sigmas[start].to(param) * noise
    masked = vae.to_latent(pixels * (keep_out < 0.5), generator).to(param)  # drawn even when unused, as diffusers does
    finite(x, "the image's latents (from the VAE's encoder)", run.guidance_scale)
    latent_mask = cond.per_image(torch.nn.functional.interpolate(keep_out, size=(h, w)).to(param), "mask")  # nearest
    extra, paste = None, None
    if in_channels == 9:
        extra = torch.cat([latent_mask, cond.per_image(masked, "image")], dim=1)  # (B, 1 + 4, h, w)
    else:
        def paste(i, x):  # known region: z_0 noised to σ_{i+1} with the starting noise; clean after the last step
            s = sigmas[start + i + 1].to(param)  # i counts the steps run, from the start step
            known = z0 + s * noise if start + i < steps - 1 else z0 * (s ** 2 + 1) ** 0.5
            return latent_mask * x + (1 - latent_mask) * known
    latents = _sample(parts, run.info, cond, x, sigmas, ac, quantize, run.guidance_scale, generator, callback,
                      progress, first_step=start, unet_extra=extra, paste=paste, picture=picture)
    return _finish(vae, latents, output_type, run)


def compile_parts(parts, mode: str = "default", *, vae_decoder: bool = True, backend: str = "inductor"):
    """Parts whose UNet (and VAE decoder) run through ``torch.compile``: the same pictures within floating-point
    tolerance, faster once compiled. The first call compiles (tens of seconds); a new image size compiles again.

    ``mode``: torch.compile's ("default", "reduce-overhead": CUDA graphs, "max-autotune"); ``backend``:
    "inductor" generates fused kernels, "eager" only traces (to see that compiling works, quickly). The
    networks' weights are shared, not copied: a LoRA merged into ``parts`` shows in both. Forward hooks are
    not run by compiled code, so attention maps and the widgets take the uncompiled parts.
    """
    if mode not in ("default", "reduce-overhead", "max-autotune", "max-autotune-no-cudagraphs"):
        raise ValueError(f"mode={mode!r}: torch.compile's modes are 'default', 'reduce-overhead', 'max-autotune' "
                         "and 'max-autotune-no-cudagraphs'; 'default' is the one to start with.")
    unet = torch.compile(parts.unet, mode=mode, backend=backend)
    vae = parts.vae
    if vae_decoder:
        vae = copy.copy(parts.vae)  # a second VAE object over the same weights: ``parts`` stays uncompiled
        vae._modules = dict(parts.vae._modules)
        vae.decoder = torch.compile(parts.vae.decoder, mode=mode, backend=backend)
    return dataclasses.replace(parts, unet=unet, vae=vae)
