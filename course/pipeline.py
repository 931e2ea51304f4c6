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
    FALLBACK_DEFAULTS,
    LIMITS,
    SEEDS,
    NonFiniteError,
    check_call,
    check_fraction,
    check_seed,
    check_work,
    finite,
    image_count_and_size,
    latent_factor,
    start_step,
    steps_above,
    trained_size,
    with_defaults,
)
from course.sampling.conditioning import Conditioning
from course.sampling.control import Control
from course.sampling.denoiser import denoiser_for, keeps_vp_latents, schedule_for
from course.sampling.guidance import classifier_free_guidance
from course.sampling.image_prompt import image_prompt
from course.sampling.samplers import brownian_tree_noise, sample_dpmpp_sde
from course.sampling.sd3 import sd3_call, text_to_image_sd3
from course.sampling.sdxl import micro_conditioning

__all__ = ["text_to_image", "image_to_image", "inpaint", "with_defaults", "compile_parts", "LIMITS", "NonFiniteError",
           "SEEDS", "FALLBACK_DEFAULTS"]

def _randn(shape, generator, like: torch.Tensor) -> torch.Tensor:
    """N(0, I) drawn on the generator's device (the CPU for seed=N), as diffusers' randn_tensor draws it."""
    device = generator.device if generator is not None else like.device
    return torch.randn(shape, generator=generator, device=device, dtype=like.dtype).to(like.device)


def _sample(parts, info, cond: Conditioning, x, sigmas, ac, quantize, guidance_scale, generator, callback,
            progress, first_step=0, unet_extra=None, paste=None, control=None, picture=None, micro=None, stop=None):
    """The loop: the sampler walks x from sigmas[first_step] to sigmas[stop] (default: the last) on the guided UNet,
    a denoiser D(x, σ). ``unet_extra`` (B, 5, h, w) is appended to the UNet's input channels (the inpainting UNet's
    mask and masked-image latents); ``paste(i, x)`` may replace x after step i (inpainting's known region); ``control``
    (a ``course.sampling.control.Control``) gives the UNet its ControlNet residuals at each step; ``picture`` (a
    ``course.sampling.image_prompt.ImagePrompt``) its IP-Adapter image embeddings, row by row; ``micro`` (a
    ``course.sampling.sdxl.MicroConditioning``) SDXL's pooled text and size/crop numbers, row by row.
    Each step's x is checked for NaN/inf (one reduction a step): a NonFiniteError names the step and its σ."""
    kwargs = {}
    if info.fn is sample_dpmpp_sde and generator is not None:  # diffusers' Brownian tree spans the whole schedule
        kwargs["noise_sampler"] = brownian_tree_noise(x, sigmas, generator.initial_seed())
    steps = len(sigmas) - 1
    sigmas = sigmas[first_step:None if stop is None else stop + 1]
    unet, step = parts.unet, {"i": first_step}  # the step counter picks the prompt's text at each step
    if picture is not None:
        picture.bind(cond, x)  # encode the picture prompt, one embedding per image of the batch

    def model(x_in, t, context):  # the whole guidance batch at once: ControlNets see the same rows as the UNet
        sdxl = micro.rows(step["i"], x_in.shape[0]) if micro is not None else {}
        extra = control.residuals(x_in, t, context, step["i"], sdxl) if control is not None else {}
        extra = {**extra, **sdxl}
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
    # DDIM/PLMS stop at σ_0 > 0, denoising_end anywhere: back to the latents their diffusers scheduler holds
    return x / (sigmas[-1] ** 2 + 1) ** 0.5 if keeps_vp_latents(info) else x


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
    for picture in pictures if run.seed is not None else ():
        picture.info["seed"] = run.seed  # how to make it again, also when seed=-1 drew it
    return pictures


def _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, height, width,
           num_images_per_prompt, clip_skip, output_type, callback, micro=None) -> SimpleNamespace:
    """Check every argument, then encode the prompts. Returns the checked numbers (run.steps, run.height, ...),
    run.info (the sampler), run.seed (None, or the seed used), run.generator, run.param and run.cond; SDXL's
    ``micro`` (course.sampling.sdxl) gets its numbers for this size."""
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
    second = {} if micro is None else {"prompt_2": micro.prompt_2, "negative_prompt_2": micro.negative_prompt_2}
    run.cond = Conditioning(parts, prompt, negative_prompt, run.steps, run.clip_skip, run.num_images, run.param,
                            **second)
    if micro is not None:
        micro.bind(run.cond, run.height, run.width, run.param)
    text, weight = run.cond.heaviest  # an AND part's weight multiplies the guidance scale
    if abs(weight * run.guidance_scale) > LIMITS["max_guidance"]:
        raise ValueError(f"the AND part {text[:40]!r} has weight {weight:g}, which times guidance_scale="
                         f"{run.guidance_scale:g} is beyond ±{LIMITS['max_guidance']:g} "
                         "(course.pipeline.LIMITS['max_guidance']): use part weights of about 0.5 to 1.5.")
    return run


@torch.no_grad()
def text_to_image(parts, prompt, *, negative_prompt=None, steps: int | None = None, guidance_scale: float | None = None,
                  sampler=None, seed: int | None = None, generator: torch.Generator | None = None,
                  height: int | None = None, width: int | None = None, num_images_per_prompt: int = 1,
                  clip_skip: int = 0, output_type: str = "pil", callback=None, progress: bool = True,
                  control=None, control_start=0.0, control_end=1.0, guess_mode: bool = False,
                  ip_adapter_image=None, ip_adapter_image_embeds=None, ip_adapter_scale: float | None = None,
                  denoising_end: float | None = None, prompt_2=None, negative_prompt_2=None, original_size=None,
                  crops_coords_top_left=None, target_size=None, negative_original_size=None,
                  negative_crops_coords_top_left=None, negative_target_size=None):
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
    rows get zeros, as diffusers' (course.sampling.image_prompt).

    SDXL parts (Podell et al. 2023; ``parts.text_encoder_2``): the same call, as diffusers' StableDiffusionXLPipeline.
    ``negative_prompt`` None gives zeros (``parts.force_zeros_for_empty_prompt``; "" encodes the empty text);
    ``prompt_2`` / ``negative_prompt_2``: what the second text encoder reads instead; ``original_size``,
    ``crops_coords_top_left``, ``target_size`` (height, width) / (top, left) in pixels and their ``negative_``
    twins: the size/crop conditioning (course.sampling.sdxl; default: the image's size, (0, 0)). The size defaults
    to the UNet's sample_size × the VAE's factor (SDXL: 128 × 8). ``denoising_end`` in (0, 1): stop before the
    timesteps below T·(1 - denoising_end); ``output_type="latent"`` gives those noisy latents (as the sampler's
    diffusers scheduler holds them) to the refiner: ``image_to_image(refiner, prompt, latents, denoising_start=)``.
    SD3 parts (``parts.transformer``, no T5): ``course.sampling.sd3.text_to_image_sd3`` with these arguments."""
    if getattr(parts, "transformer", None) is not None:  # an MMDiT on a rectified flow, not a UNet on ᾱ's
        return text_to_image_sd3(**sd3_call(locals()))
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    denoising_end = check_fraction("denoising_end", denoising_end)
    micro = micro_conditioning(parts, prompt_2=prompt_2, negative_prompt_2=negative_prompt_2,
                               original_size=original_size, crops_coords_top_left=crops_coords_top_left,
                               target_size=target_size, negative_original_size=negative_original_size,
                               negative_crops_coords_top_left=negative_crops_coords_top_left,
                               negative_target_size=negative_target_size)
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
                 num_images_per_prompt, clip_skip, output_type, callback, micro)
    control = control.bind(run.cond, run.param, run.height, run.width, run.steps) if control is not None else None
    sigmas, quantize, ac, init_scale = schedule_for(run.info, parts.scheduler_config, run.steps)
    stop = None
    if denoising_end is not None:  # the base's share of an ensemble of experts: stop at the hand-off
        kept = steps_above(denoising_end, sigmas, ac, quantize)
        if kept < 1:
            raise ValueError(f"denoising_end={denoising_end} with steps={run.steps} leaves no step to run (the first "
                             "timestep is already past the hand-off): raise denoising_end or steps.")
        stop = kept
    c = parts.vae.config.latent_channels
    if parts.unet.config.in_channels != c:
        raise ValueError(f"the UNet takes {parts.unet.config.in_channels} input channels, not the {c} of a latent: "
                         "an inpainting model makes images with course.pipeline.inpaint(parts, prompt, image, mask).")
    shape = (run.cond.batch, c, run.height // f, run.width // f)
    x = _randn(shape, run.generator, run.param) * init_scale.to(run.param)
    latents = _sample(parts, run.info, run.cond, x, sigmas, ac, quantize, run.guidance_scale, run.generator, callback,
                      progress, control=control, picture=picture, micro=micro, stop=stop)
    return _finish(parts.vae, latents, output_type, run)


@torch.no_grad()
def image_to_image(parts, prompt, image, *, strength: float = 0.8, negative_prompt=None, steps: int | None = None,
                   guidance_scale: float | None = None, sampler=None, seed: int | None = None,
                   generator: torch.Generator | None = None, num_images_per_prompt: int = 1, clip_skip: int = 0,
                   output_type: str = "pil", callback=None, progress: bool = True, ip_adapter_image=None,
                   ip_adapter_image_embeds=None, ip_adapter_scale: float | None = None,
                   denoising_start: float | None = None, prompt_2=None, negative_prompt_2=None, original_size=None,
                   crops_coords_top_left=None, target_size=None, negative_original_size=None,
                   negative_crops_coords_top_left=None, negative_target_size=None, aesthetic_score=None,
                   negative_aesthetic_score=None):
    """Prompt(s) + image -> images (SDEdit). ``image``: a PIL image, or a tensor (3, H, W) / (B, 3, H, W) in [0, 1], H
    and W multiples of 8; one image, or one per prompt; or latents (B, 4, h, w) (``output_type="latent"``). ``strength``
    in [0, 1]: the share of the ``steps`` that run: the image is noised to step ``steps - int(steps · strength)``.
    The rest as ``text_to_image`` (seeds, limits: a picture beyond ``LIMITS`` is refused before it is read; IP-Adapter's
    ``ip_adapter_image`` is the picture prompt, not ``image``, the picture to start from; SDXL's arguments).

    SDXL's refiner (Podell et al. 2023, §2.5), as diffusers' StableDiffusionXLImg2ImgPipeline: its UNet reads
    ``aesthetic_score`` (default 6) and ``negative_aesthetic_score`` (2.5) instead of the target size.
    ``denoising_start`` in (0, 1): ``image`` is the noisy latents of ``text_to_image(..., denoising_end=d,
    output_type="latent")`` with the same sampler and steps; the steps before the hand-off are skipped, no noise
    is added, and ``strength`` is not used."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    denoising_start = check_fraction("denoising_start", denoising_start)
    micro = micro_conditioning(parts, prompt_2=prompt_2, negative_prompt_2=negative_prompt_2,
                               original_size=original_size, crops_coords_top_left=crops_coords_top_left,
                               target_size=target_size, negative_original_size=negative_original_size,
                               negative_crops_coords_top_left=negative_crops_coords_top_left,
                               negative_target_size=negative_target_size, aesthetic_score=aesthetic_score,
                               negative_aesthetic_score=negative_aesthetic_score)
    picture = image_prompt(parts, prompt, ip_adapter_image, ip_adapter_image_embeds, ip_adapter_scale)
    given, f = _latents(parts, image, denoising_start), latent_factor(parts.vae)
    if given is None:
        check_work(parts, prompt, num_images_per_prompt, *(image_count_and_size(image) or (0, 0, 0)))
        pixels = image_tensor(image, "image").to(next(parts.vae.parameters()))  # (b, 3, H, W) in [-1, 1]
        height, width = pixels.shape[2:]
    else:
        height, width = given.shape[2] * f, given.shape[3] * f
        check_work(parts, prompt, num_images_per_prompt, given.shape[0], height, width)
    run = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, height, width,
                 num_images_per_prompt, clip_skip, output_type, callback, micro)
    param, generator = run.param, run.generator
    sigmas, quantize, ac, _ = schedule_for(run.info, parts.scheduler_config, run.steps)
    if denoising_start is None:
        start, _ = start_step(strength, run.steps)
    else:  # the refiner's share of an ensemble of experts: start at the hand-off
        start = steps_above(denoising_start, sigmas, ac, quantize)
        if start >= run.steps:
            raise ValueError(f"denoising_start={denoising_start} with steps={run.steps} leaves no step to run (every "
                             "timestep is before the hand-off): lower denoising_start or raise steps.")
    latents = given.to(param) if given is not None else parts.vae.to_latent(pixels, generator).to(param)
    z0 = run.cond.per_image(latents, "image")  # the VAE's sample draws first
    if denoising_start is None:
        x = z0 + sigmas[start].to(param) * _randn(z0.shape, generator, param)  # x = z_0 + σ ε at the start step
    else:  # the base's noisy latents, as its diffusers scheduler held them: back to x = x_0 + σ ε
        x = z0 * (sigmas[start].to(param) ** 2 + 1) ** 0.5 if keeps_vp_latents(run.info) else z0
    finite(x, "the image's latents (from the VAE's encoder)", run.guidance_scale)
    latents = _sample(parts, run.info, run.cond, x, sigmas, ac, quantize, run.guidance_scale, generator, callback,
                      progress, first_step=start, picture=picture, micro=micro)
    return _finish(parts.vae, latents, output_type, run)


def _latents(parts, image, denoising_start):
    """``image`` when it is latents (B, latent channels, h, w), else None; ``denoising_start`` needs latents."""
    c = parts.vae.config.latent_channels
    if isinstance(image, torch.Tensor) and image.ndim == 4 and image.shape[1] == c and image.is_floating_point():
        return image
    if denoising_start is not None:
        raise ValueError(f"denoising_start={denoising_start} continues from noisy latents, (B, {c}, h, w): pass what "
                         "text_to_image(..., denoising_end=..., output_type='latent') returned as image; to start from "
                         "a picture use strength instead.")
    return None


@torch.no_grad()
def inpaint(parts, prompt, image, mask, *, strength: float = 1.0, negative_prompt=None, steps: int | None = None,
            guidance_scale: float | None = None, sampler=None, seed: int | None = None,
            generator: torch.Generator | None = None, num_images_per_prompt: int = 1, clip_skip: int = 0,
            output_type: str = "pil", callback=None, progress: bool = True, ip_adapter_image=None,
            ip_adapter_image_embeds=None, ip_adapter_scale: float | None = None):
    """Repaint the masked region of ``image`` from the prompt. ``mask``: a PIL image or a tensor (H, W) /
    (1, H, W) / (B, 1, H, W) in [0, 1], the same size as the image; white (>= 0.5) is repainted, black kept.
    With a 4-channel UNet the known region is noised to σ_{i+1} and pasted back after every step; a 9-channel
    inpainting UNet also gets [mask, latents of the masked image] as extra input channels.
    ``strength`` < 1 starts from the noised image instead of pure noise. The rest as ``image_to_image`` (SDXL parts:
    the size conditioning is the image's own, not checked against diffusers' StableDiffusionXLInpaintPipeline)."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    picture, micro = image_prompt(parts, prompt, ip_adapter_image, ip_adapter_image_embeds, ip_adapter_scale), \
        micro_conditioning(parts)
    in_channels = parts.unet.config.in_channels
    if in_channels not in (4, 9):
        raise ValueError(f"the UNet has {in_channels} input channels: inpaint needs 4 (any SD 1.x model) or "
                         "9 (an inpainting model: latents + mask + masked-image latents).")
    check_work(parts, prompt, num_images_per_prompt, *(image_count_and_size(image) or (0, 0, 0)))
    param, vae_param = next(parts.unet.parameters()), next(parts.vae.parameters())
    pixels = image_tensor(image, "image").to(vae_param)  # (b, 3, H, W) in [-1, 1], in the VAE's dtype
    keep_out = mask_tensor(mask, pixels.shape).to(vae_param)  # (b, 1, H, W): 1 = repaint, 0 = keep
    run = _setup(parts, prompt, negative_prompt, steps, guidance_scale, sampler, seed, generator, pixels.shape[2],
                 pixels.shape[3], num_images_per_prompt, clip_skip, output_type, callback, micro)
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
                      progress, first_step=start, unet_extra=extra, paste=paste, picture=picture, micro=micro)
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
