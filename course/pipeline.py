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
"""
from __future__ import annotations

import math

import torch
from tqdm.auto import tqdm

from course.io.images import image_tensor, mask_tensor, to_pil
from course.sampling.conditioning import Conditioning
from course.sampling.control import Control
from course.sampling.denoiser import denoiser_for, schedule_for
from course.sampling.guidance import classifier_free_guidance
from course.sampling.samplers import brownian_tree_noise, get_sampler, sample_dpmpp_sde
from course.sampling.schedules import SD15_SCHEDULER_CONFIG

__all__ = ["text_to_image", "image_to_image", "inpaint", "with_defaults"]

def _is_int(value, low: int) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and value >= low


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
    if not _is_int(steps, 1):
        raise ValueError(f"steps={steps!r} must be a whole number >= 1 (20 to 50 is usual).")
    if isinstance(guidance_scale, bool) or not isinstance(guidance_scale, (int, float)) or math.isnan(guidance_scale):
        raise ValueError(f"guidance_scale={guidance_scale!r} must be a number, not NaN (SD 1.5: 7.5; 1.0 = no CFG).")
    info = get_sampler(sampler)  # raises a ValueError listing the known names
    cfg = parts.scheduler_config or SD15_SCHEDULER_CONFIG
    if info.diffusers in ("DDIMScheduler", "DDPMScheduler") and (cfg.get("clip_sample") or cfg.get("thresholding")):
        raise ValueError(f"the scheduler config asks for clip_sample={cfg.get('clip_sample')}, thresholding="
                         f"{cfg.get('thresholding')}, which this pipeline does not do (SD 1.x sets both False): "
                         "set them to False in parts.scheduler_config, or pick another sampler.")
    f = parts.vae.downscale
    for name, value in (("height", height), ("width", width)):
        if not _is_int(value, 8) or value % 8 or value % f:
            near = 8 * max(1, round(value / 8)) if isinstance(value, (int, float)) else 512
            raise ValueError(f"{name}={value!r} must be a positive multiple of 8 (the VAE's factor, here {f}), "
                             f"e.g. {near}.")
    if not _is_int(num_images, 1):
        raise ValueError(f"num_images_per_prompt={num_images!r} must be a whole number >= 1.")
    if output_type not in ("pil", "pt", "latent"):
        raise ValueError(f"output_type={output_type!r}: use 'pil' (list of images), 'pt' (tensor in [0, 1]) "
                         "or 'latent' (the UNet's latent, before the VAE).")


def _start_step(strength, steps: int) -> int:
    """SDEdit: how many of the ``steps`` to skip, as diffusers' get_timesteps: steps - int(steps · strength)."""
    if isinstance(strength, bool) or not isinstance(strength, (int, float)) or not 0 <= strength <= 1:
        raise ValueError(f"strength={strength!r} must be a number in [0, 1]: 0 keeps the image, 1 repaints it "
                         "from pure noise (0.5 to 0.8 is usual).")
    run = min(int(steps * strength), steps)
    if run < 1:
        raise ValueError(f"strength={strength} with steps={steps} runs int({steps}·{strength}) = 0 steps, so nothing "
                         f"would change: raise strength to at least {1 / steps:.3g}, or raise steps.")
    return steps - run


def _randn(shape, generator, like: torch.Tensor) -> torch.Tensor:
    """N(0, I) drawn on the generator's device (the CPU for seed=N), as diffusers' randn_tensor draws it."""
    device = generator.device if generator is not None else like.device
    return torch.randn(shape, generator=generator, device=device, dtype=like.dtype).to(like.device)


def _sample(parts, info, cond: Conditioning, x, sigmas, ac, quantize, guidance_scale, generator, callback,
            progress, first_step=0, unet_extra=None, paste=None, control=None):
    """The loop: the sampler walks x from sigmas[first_step] to sigmas[-1] on the guided UNet, as a denoiser D(x, σ).
    ``unet_extra`` (B, 5, h, w) is appended to the UNet's input channels (the inpainting UNet's mask and
    masked-image latents); ``paste(i, x)`` may replace x after step i (inpainting's known region); ``control``
    (a ``course.sampling.control.Control``) gives the UNet its ControlNet residuals at each step."""
    kwargs = {}
    if info.fn is sample_dpmpp_sde and generator is not None:  # diffusers' Brownian tree spans the whole schedule
        kwargs["noise_sampler"] = brownian_tree_noise(x, sigmas, generator.initial_seed())
    sigmas = sigmas[first_step:]
    unet, step = parts.unet, {"i": first_step}  # the step counter picks the prompt's text at each step

    def model(x_in, t, context):  # the whole guidance batch at once: ControlNets see the same rows as the UNet
        extra = control.residuals(x_in, t, context, step["i"]) if control is not None else {}
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
        step["i"] += 1
        x_new = paste(d["i"], d["x"]) if paste is not None else None
        if callback is not None:
            callback(d if x_new is None else {**d, "x": x_new})
        return x_new

    x = info.fn(denoiser, x, sigmas.to(x.device), generator=generator, callback=on_step, **kwargs)
    bar.close()
    return x / (sigmas[-1] ** 2 + 1) ** 0.5  # DDIM/PLMS stop at σ_0 > 0: back to the latent they decode


def _finish(vae, latents, output_type):
    if output_type == "latent":
        return latents
    images = vae.decode(latents / vae.scaling_factor)  # (B, 3, H, W) in about [-1, 1]
    return (images / 2 + 0.5).clamp(0, 1) if output_type == "pt" else to_pil(images)


FALLBACK_DEFAULTS = {"sampler": "euler", "steps": 20, "guidance_scale": 7.5}


def with_defaults(parts, steps, guidance_scale, sampler):
    """Fill what a call left out (None) from the model's recommended ``parts.defaults``, then SD's usual
    settings (``FALLBACK_DEFAULTS``)."""
    d = {**FALLBACK_DEFAULTS, **(getattr(parts, "defaults", None) or {})}
    return (d["steps"] if steps is None else steps, d["guidance_scale"] if guidance_scale is None else guidance_scale,
            d["sampler"] if sampler is None else sampler)


def _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, height, width,
           num_images_per_prompt, clip_skip, output_type):
    _check(parts, prompt, negative_prompt, steps, guidance_scale, sampler, height, width, num_images_per_prompt,
           output_type)
    if generator is None and seed is not None:
        generator = torch.Generator().manual_seed(seed)  # on the CPU: the same noise on every device
    param = next(parts.unet.parameters())
    cond = Conditioning(parts, prompt, negative_prompt, steps, clip_skip, num_images_per_prompt, param)
    return get_sampler(sampler), generator, param, cond


@torch.no_grad()
def text_to_image(parts, prompt, *, negative_prompt="", steps: int | None = None, guidance_scale: float | None = None,
                  sampler=None, seed: int | None = None, generator: torch.Generator | None = None,
                  height: int | None = None, width: int | None = None, num_images_per_prompt: int = 1,
                  clip_skip: int = 0, output_type: str = "pil", callback=None, progress: bool = True,
                  control=None, control_start=0.0, control_end=1.0, guess_mode: bool = False):
    """Prompt(s) -> images. ``parts``: a ``course.parts.Parts``; ``sampler``: a key of ``SAMPLERS``, an
    A1111 name or a ``SamplerInfo``; ``seed`` (or a ``generator``) fixes the noise; ``callback`` gets the
    sampler's dict {"x", "denoised", "i", "sigma"} each step. ``steps``, ``guidance_scale``, ``sampler`` (and
    height/width) left out come from ``parts.defaults`` (the bundled model's), else 20, 7.5, "euler".
    Returns a list of PIL images, a (B, 3, H, W) tensor in [0, 1] ("pt"), or the latents ("latent").

    Prompts use A1111's syntax: (word:1.2) weights, BREAK, any length (75-token chunks), [cat:dog:0.5] prompt
    editing, and "a cat AND a hat :0.6" composition. ``guidance_scale`` 1 skips the unconditional pass; below 1
    we still apply the formula (0 = the negative prompt alone; diffusers turns guidance off at <= 1 instead).

    ControlNet (Zhang et al. 2023): ``control=[(controlnet, hint_image, scale), ...]``, a hint per ControlNet (one
    picture for all prompts, or one per prompt; height and width follow it when left out); ``control_start`` /
    ``control_end`` (one number or one per ControlNet): the fraction of the steps where it acts; ``guess_mode``:
    it controls the conditional prediction only, its residuals weighted 0.1 ... 1 (diffusers' semantics).
    Steps are counted as sampler steps: for Heun, DPM++ SDE and PLMS diffusers counts its timesteps list instead."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    f = parts.vae.downscale  # 8 for SD
    defaults = getattr(parts, "defaults", None) or {}
    if control is not None:
        control = Control(control, control_start, control_end, guess_mode)
        height = height if height is not None else control.size[0]  # the hint's size: diffusers' default too
        width = width if width is not None else control.size[1]
    height = height if height is not None else defaults.get("height", parts.unet.config.sample_size * f)
    width = width if width is not None else defaults.get("width", parts.unet.config.sample_size * f)
    info, generator, param, cond = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed,
                                          generator, height, width, num_images_per_prompt, clip_skip, output_type)
    control = control.bind(cond, param, height, width, steps) if control is not None else None
    sigmas, quantize, ac, init_scale = schedule_for(info, parts.scheduler_config, steps)
    c = parts.vae.config.latent_channels
    if parts.unet.config.in_channels != c:
        raise ValueError(f"the UNet takes {parts.unet.config.in_channels} input channels, not the {c} of a latent: "
                         "an inpainting model makes images with course.pipeline.inpaint(parts, prompt, image, mask).")
    x = _randn((cond.batch, c, height // f, width // f), generator, param) * init_scale.to(param)
    latents = _sample(parts, info, cond, x, sigmas, ac, quantize, guidance_scale, generator, callback, progress,
                      control=control)
    return _finish(parts.vae, latents, output_type)


@torch.no_grad()
def image_to_image(parts, prompt, image, *, strength: float = 0.8, negative_prompt="", steps: int | None = None,
                   guidance_scale: float | None = None, sampler=None, seed: int | None = None,
                   generator: torch.Generator | None = None, num_images_per_prompt: int = 1, clip_skip: int = 0,
                   output_type: str = "pil", callback=None, progress: bool = True):
    """Prompt(s) + image -> images (SDEdit). ``image``: a PIL image, or a tensor (3, H, W) / (B, 3, H, W) in
    [0, 1], H and W multiples of 8; one image, or one per prompt. ``strength`` in [0, 1]: the share of the
    ``steps`` that run, so the image is noised to the σ of step ``steps - int(steps · strength)``.
    The rest as ``text_to_image``."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    pixels = image_tensor(image, "image").to(next(parts.unet.parameters()))  # (b, 3, H, W) in [-1, 1]
    info, generator, param, cond = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed,
                                          generator, pixels.shape[2], pixels.shape[3], num_images_per_prompt,
                                          clip_skip, output_type)
    start = _start_step(strength, steps)
    z0 = cond.per_image(parts.vae.to_latent(pixels, generator), "image")  # the VAE's sample draws first
    sigmas, quantize, ac, _ = schedule_for(info, parts.scheduler_config, steps)
    x = z0 + sigmas[start].to(param) * _randn(z0.shape, generator, param)  # x = z_0 + σ ε at the start step
    latents = _sample(parts, info, cond, x, sigmas, ac, quantize, guidance_scale, generator, callback, progress,
                      first_step=start)
    return _finish(parts.vae, latents, output_type)


@torch.no_grad()
def inpaint(parts, prompt, image, mask, *, strength: float = 1.0, negative_prompt="", steps: int | None = None,
            guidance_scale: float | None = None, sampler=None, seed: int | None = None,
            generator: torch.Generator | None = None, num_images_per_prompt: int = 1, clip_skip: int = 0,
            output_type: str = "pil", callback=None, progress: bool = True):
    """Repaint the masked region of ``image`` from the prompt. ``mask``: a PIL image or a tensor (H, W) /
    (1, H, W) / (B, 1, H, W) in [0, 1], the same size as the image; white (>= 0.5) is repainted, black kept.
    With a 4-channel UNet the known region is noised to σ_{i+1} and pasted back after every step; a 9-channel
    inpainting UNet also gets [mask, latents of the masked image] as extra input channels.
    ``strength`` < 1 starts from the noised image instead of pure noise. The rest as ``image_to_image``."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    in_channels = parts.unet.config.in_channels
    if in_channels not in (4, 9):
        raise ValueError(f"the UNet has {in_channels} input channels: inpaint needs 4 (any SD 1.x model) or "
                         "9 (an inpainting model: latents + mask + masked-image latents).")
    param = next(parts.unet.parameters())
    pixels = image_tensor(image, "image").to(param)  # (b, 3, H, W) in [-1, 1]
    keep_out = mask_tensor(mask, pixels.shape).to(param)  # (b, 1, H, W): 1 = repaint, 0 = keep
    info, generator, param, cond = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed,
                                          generator, pixels.shape[2], pixels.shape[3], num_images_per_prompt,
                                          clip_skip, output_type)
    start = _start_step(strength, steps)
    sigmas, quantize, ac, init_scale = schedule_for(info, parts.scheduler_config, steps)
    vae = parts.vae
    # random draws in diffusers' order: the image's latent sample, the noise, the masked image's latent sample
    z0 = cond.per_image(vae.to_latent(pixels, generator), "image") if in_channels == 4 or strength < 1 else None
    f = vae.downscale  # 8 for SD
    h, w = pixels.shape[2] // f, pixels.shape[3] // f
    noise = _randn((cond.batch, vae.config.latent_channels, h, w), generator, param)
    x = noise * init_scale.to(param) if strength == 1 else z0 + sigmas[start].to(param) * noise
    masked = vae.to_latent(pixels * (keep_out < 0.5), generator)  # drawn even when unused, as diffusers does
    latent_mask = cond.per_image(torch.nn.functional.interpolate(keep_out, size=(h, w)), "mask")  # nearest
    extra, paste = None, None
    if in_channels == 9:
        extra = torch.cat([latent_mask, cond.per_image(masked, "image")], dim=1)  # (B, 1 + 4, h, w)
    else:
        def paste(i, x):  # known region: z_0 noised to σ_{i+1} with the starting noise; clean after the last step
            s = sigmas[start + i + 1].to(param)  # i counts the steps run, from the start step
            known = z0 + s * noise if start + i < steps - 1 else z0 * (s ** 2 + 1) ** 0.5
            return latent_mask * x + (1 - latent_mask) * known
    latents = _sample(parts, info, cond, x, sigmas, ac, quantize, guidance_scale, generator, callback, progress,
                      first_step=start, unet_extra=extra, paste=paste)
    return _finish(vae, latents, output_type)
