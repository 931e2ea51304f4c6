"""What a pipeline call may ask for: every argument checked before any work, and the limits on the work.

Each bad argument is refused with one ValueError that says the rule and the fix. Numbers of any type are
accepted (numpy's too) and converted to Python int/float, so the picture is the same as with plain numbers. The
size of a call is bounded (``LIMITS``) before anything is allocated; seeds are whole numbers in [0, 2**32) (-1
draws one); latents that turn NaN or inf stop the run (``NonFiniteError``) rather than give a black picture.
``course.pipeline`` imports all of this and re-exports ``LIMITS``, ``NonFiniteError`` and ``SEEDS``.
"""
from __future__ import annotations

import math
import numbers
import secrets
from types import SimpleNamespace

import torch

from course.sampling.samplers import get_sampler
from course.sampling.schedules import SD15_SCHEDULER_CONFIG, sigma_to_t, sigmas_from_alphas_cumprod

# Refused before anything is allocated; raise them for a bigger machine, e.g. LIMITS["max_pixels"] = 2 ** 24.
LIMITS = {
    "max_pixels": 4 * 1024 * 1024,  # images × height × width per call: four 1024² pictures, or sixteen 512² ones
    "max_batch": 1024,  # images per call (prompts × num_images_per_prompt); more is better done in several calls
    # |guidance_scale|, times an AND part's weight: ComfyUI's upper limit (A1111's slider stops at 30). Past it
    # the step is all s·(cond - uncond): most pixels clip, and float16 latents overflow soon after.
    "max_guidance": 100.0,
    # 75-token chunks per prompt (each BREAK starts one): 32 is 2,400 tokens, far past what changes a picture
    "max_prompt_chunks": 32,
    # |(word:w)| and nested emphasis: A1111's usual range is 0.5 to 1.5, and past a few the words' vectors swamp
    # the rest of the context (the mean is renormalised, so the other words fade to nothing)
    "max_prompt_weight": 100.0,
}
# Seeds are whole numbers in [0, 2**32), as A1111's. torch's CPU generator (mt19937) keeps the seed's low 32 bits
# only, so seed + 2**32 would silently give seed's picture again. -1 asks for a random seed.
SEEDS, RANDOM_SEED = 2 ** 32, -1


class NonFiniteError(ValueError):
    """The latents (or the decoded pixels) hold NaN or inf: the run stops instead of returning a black picture."""


def latent_factor(vae) -> int:
    """f, the VAE's downscale (8 for SD): each block after the first halves H and W. Read from the config, so any
    VAE with a diffusers-style config works here (the one a learner writes in notebook 04 too)."""
    return 2 ** (len(vae.config.block_out_channels) - 1)


def _is_integer(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _whole(name: str, value, low: int, usual: str, high: int | None = None, why_high: str = "") -> int:
    """``value`` as a Python int (numpy integers too) in [low, high], else one ValueError saying the rule."""
    if _is_integer(value) and int(value) >= low and (high is None or int(value) <= high):
        return int(value)
    if _is_integer(value) and high is not None and int(value) > high:
        raise ValueError(f"{name}={value!r} is more than {high}: {why_high}; {usual}.")
    if _is_real(value) and math.isfinite(value) and float(value).is_integer() and value >= low:
        raise ValueError(f"{name}={value!r} is a {type(value).__name__}: pass a whole number (int), "
                         f"e.g. {name}={int(value)}.")
    raise ValueError(f"{name}={value!r} must be a whole number >= {low} ({usual}).")


def _guidance(value) -> float:
    if not _is_real(value) or math.isnan(value):
        raise ValueError(f"guidance_scale={value!r} must be a number, not NaN (SD 1.5: 7.5; 1.0 = no CFG).")
    if not math.isfinite(value):
        raise ValueError(f"guidance_scale={value!r} must be a finite number (SD 1.5: 7.5; 1.0 = no CFG).")
    top = LIMITS["max_guidance"]
    if abs(value) > top:
        raise ValueError(f"guidance_scale={value!r} is beyond ±{top:g}, past which the guided step is all "
                         "s·(cond - uncond): most pixels clip and float16 overflows. Use 3 to 12 (SD 1.5: 7.5), "
                         f"or raise course.pipeline.LIMITS['max_guidance'] (now {top:g}).")
    return float(value)


def check_placement(parts) -> None:
    """The networks on one device (a network moved by hand, the others not, would fail deep in a layer)."""
    where = {name: next(getattr(parts, name).parameters()) for name in ("text_encoder", "text_encoder_2", "unet", "vae")
             if getattr(parts, name, None) is not None}
    if len({p.device for p in where.values()}) > 1:
        found = ", ".join(f"{name} on {p.device}" for name, p in where.items())
        raise ValueError(f"the networks are on different devices ({found}): move them together with "
                         "parts.to(device) (e.g. parts.to('cuda', torch.float16)), or load them with "
                         "load_bundled(device=...) / load_folder(path, device=...).")


def check_call(parts, prompt, negative_prompt, steps, guidance_scale, sampler, height, width, num_images, output_type,
           clip_skip, callback) -> SimpleNamespace:
    """Refuse a bad argument before any work; return the numbers as Python ints and floats."""
    check_placement(parts)
    if not isinstance(prompt, str) and not (isinstance(prompt, (list, tuple)) and prompt
                                            and all(isinstance(p, str) for p in prompt)):
        raise ValueError(f"prompt={prompt!r}: pass a str or a non-empty list of str.")
    if negative_prompt is not None and not isinstance(negative_prompt, str):
        if not isinstance(negative_prompt, (list, tuple)) or not all(isinstance(p, str) for p in negative_prompt):
            raise ValueError(f"negative_prompt={negative_prompt!r}: pass a str, a list of str, or None.")
        n = 1 if isinstance(prompt, str) else len(prompt)
        if len(negative_prompt) != n:
            raise ValueError(f"negative_prompt has {len(negative_prompt)} entries but there are {n} prompts: pass one "
                             "negative prompt per prompt, or a single str for all of them.")
    cfg = parts.scheduler_config or SD15_SCHEDULER_CONFIG
    trained = cfg.get("num_train_timesteps", 1000)
    steps = _whole("steps", steps, 1, "20 to 50 is usual", trained, f"the model was trained on {trained} noise "
                   "levels (num_train_timesteps), and more steps than that add nothing (diffusers refuses them too)")
    guidance_scale = _guidance(guidance_scale)
    info = get_sampler(sampler)  # raises a ValueError listing the known names
    if info.diffusers in ("DDIMScheduler", "DDPMScheduler") and (cfg.get("clip_sample") or cfg.get("thresholding")):
        raise ValueError(f"the scheduler config asks for clip_sample={cfg.get('clip_sample')}, thresholding="
                         f"{cfg.get('thresholding')}, which this pipeline does not do (SD 1.x sets both False): "
                         "set them to False in parts.scheduler_config, or pick another sampler.")
    f = latent_factor(parts.vae)
    size = {}
    for name, value in (("height", height), ("width", width)):
        if _is_integer(value) and value >= 8 and not value % 8 and not value % f:
            size[name] = int(value)
            continue
        near = 8 * max(1, round(value / 8)) if _is_real(value) and math.isfinite(value) else 512
        kind = "an int, " if _is_real(value) and not _is_integer(value) else ""
        raise ValueError(f"{name}={value!r} must be {kind}a positive multiple of 8 (the VAE's factor, here {f}), "
                         f"e.g. {near}.")
    num_images = _whole("num_images_per_prompt", num_images, 1, "1 to 8 is usual")
    if clip_skip is not None and _is_integer(clip_skip):
        clip_skip = int(clip_skip)  # the text encoder checks its range
    check_output(output_type, callback, "the UNet's latent")
    return SimpleNamespace(info=info, steps=steps, guidance_scale=guidance_scale, height=size["height"],
                           width=size["width"], num_images=num_images, clip_skip=clip_skip)


def check_output(output_type, callback, latent: str) -> None:
    """The two arguments every pipeline call shares: what to return (``latent`` names the network whose latents
    'latent' returns) and the per-step callback."""
    if output_type not in ("pil", "pt", "latent"):
        raise ValueError(f"output_type={output_type!r}: use 'pil' (list of images), 'pt' (tensor in [0, 1]) "
                         f"or 'latent' ({latent}, before the VAE).")
    if callback is not None and not callable(callback):
        raise ValueError(f"callback={callback!r} is not callable: pass a function of one dict (x, denoised, i, "
                         "sigma), or None.")


def check_seed(seed, generator):
    """(seed or None, generator or None). -1 draws a random seed; a generator given alone is used as it is."""
    if generator is not None:
        if not isinstance(generator, torch.Generator):
            raise ValueError(f"generator={generator!r}: pass a torch.Generator, e.g. torch.Generator()."
                             "manual_seed(3), or seed=3 instead.")
        if seed is not None:
            raise ValueError(f"seed={seed!r} and a generator were both given, and the seed would be ignored: "
                             "pass one of them.")
        return None, generator
    if seed is None:
        return None, None
    if _is_integer(seed) and seed == RANDOM_SEED:
        seed = secrets.randbelow(SEEDS)
    if not _is_integer(seed) or not 0 <= seed < SEEDS:
        wraps = " (torch's generator keeps 32 bits: it would repeat another seed's picture)" \
            if _is_integer(seed) and seed >= SEEDS else ""
        raise ValueError(f"seed={seed!r} must be a whole number from 0 to {SEEDS - 1} (2**32 - 1){wraps}, or -1 "
                         "for a random seed (then image.info['seed'] tells which).")
    return int(seed), torch.Generator().manual_seed(int(seed))


def image_count_and_size(image):
    """(count, height, width) of a picture argument without converting it, or None when it is no picture."""
    shape = getattr(image, "shape", None)
    if hasattr(image, "size") and hasattr(image, "mode") and not callable(image.size):  # PIL: size = (W, H)
        return 1, image.size[1], image.size[0]
    if shape is not None and len(shape) in (2, 3, 4):
        if len(shape) == 4:
            return shape[0], shape[2], shape[3]
        channels_first = isinstance(image, torch.Tensor) and len(shape) == 3
        return (1, shape[1], shape[2]) if channels_first else (1, shape[0], shape[1])
    return None


FALLBACK_DEFAULTS = {"sampler": "euler", "steps": 20, "guidance_scale": 7.5}


def with_defaults(parts, steps, guidance_scale, sampler):
    """Fill what a call left out (None) from the model's recommended ``parts.defaults``, then SD's usual
    settings (``FALLBACK_DEFAULTS``). SD3 parts are refused: text_to_image hands them to course.sampling.sd3 first,
    and the other tools are not made for them."""
    if getattr(parts, "transformer", None) is not None:
        raise ValueError("these are SD3 parts (an MMDiT, parts.transformer): the course makes text to image with them "
                         "(course.pipeline.text_to_image, which calls course.sampling.sd3.text_to_image_sd3); "
                         "image_to_image, inpaint, the widgets and the command line take SD 1.x and SDXL parts.")
    d = {**FALLBACK_DEFAULTS, **(getattr(parts, "defaults", None) or {})}
    return (d["steps"] if steps is None else steps, d["guidance_scale"] if guidance_scale is None else guidance_scale,
            d["sampler"] if sampler is None else sampler)


def trained_size(parts):
    """(height, width) the model was made for: its defaults, else the UNet's sample size in pixels."""
    defaults = getattr(parts, "defaults", None) or {}
    if "height" in defaults and "width" in defaults:
        return defaults["height"], defaults["width"]
    side = parts.unet.config.sample_size
    if side is None:
        return None
    h, w = (side, side) if isinstance(side, int) else side
    return h * latent_factor(parts.vae), w * latent_factor(parts.vae)


def check_work(parts, prompt, num_images, images, height, width):
    """Refuse a call bigger than ``LIMITS`` before anything is allocated (values not yet checked are skipped: the
    argument checks refuse them)."""
    if not all(_is_integer(v) and v >= 1 for v in (num_images, images, height, width)):
        return
    prompts = len(prompt) if isinstance(prompt, (list, tuple)) else 1
    batch = max(prompts, int(images)) * int(num_images)
    if batch > LIMITS["max_batch"]:
        raise ValueError(f"{batch} images in one call (prompts × num_images_per_prompt) is more than "
                         f"course.pipeline.LIMITS['max_batch'] = {LIMITS['max_batch']}: make several calls, or "
                         "raise the limit.")
    pixels = batch * int(height) * int(width)
    if pixels > LIMITS["max_pixels"]:
        raise ValueError(f"{batch} image(s) of {width}×{height} (width×height) are {pixels:,} pixels, more than "
                         f"course.pipeline.LIMITS['max_pixels'] = {LIMITS['max_pixels']:,}: make fewer or smaller "
                         f"images (resize the picture), or raise the limit: LIMITS['max_pixels'] = {pixels}.")


def start_step(strength, steps: int) -> tuple[int, float]:
    """SDEdit: how many of the ``steps`` to skip, as diffusers' get_timesteps: steps - int(steps · strength);
    and the strength as a float."""
    if not _is_real(strength) or not 0 <= strength <= 1:
        raise ValueError(f"strength={strength!r} must be a number in [0, 1]: 0 keeps the image, 1 repaints it "
                         "from pure noise (0.5 to 0.8 is usual).")
    strength = float(strength)
    run = min(int(steps * strength), steps)
    if run < 1:
        raise ValueError(f"strength={strength} with steps={steps} runs int({steps}·{strength}) = 0 steps, so nothing "
                         f"would change: raise strength to at least {1 / steps:.3g}, or raise steps.")
    return steps - run, strength


def check_fraction(name: str, value) -> float | None:
    """``denoising_end`` / ``denoising_start``: None, or a number strictly between 0 and 1."""
    if value is None:
        return None
    if not _is_real(value) or not 0 < value < 1:
        raise ValueError(f"{name}={value!r} must be a number strictly between 0 and 1, the fraction of the noise "
                         "schedule where the hand-off between two models happens (SDXL base -> refiner: 0.8 on both "
                         f"sides), or None for the whole schedule.")
    return float(value)


def steps_above(fraction: float, sigmas: torch.Tensor, alphas_cumprod: torch.Tensor, quantize: bool) -> int:
    """How many sampling steps start at a timestep t >= T·(1 - ``fraction``) (rounded), as diffusers' SDXL pipelines
    cut the schedule for ``denoising_end`` (the base stops after them) and ``denoising_start`` (the refiner skips
    them). t and σ grow together, so the test is σ_i >= σ(cutoff); samplers fed rounded timesteps round first."""
    cutoff = int(round(len(alphas_cumprod) * (1 - fraction)))
    table = sigmas_from_alphas_cumprod(alphas_cumprod)
    if quantize:
        return int((sigma_to_t(sigmas[:-1], alphas_cumprod, quantize=True) >= cutoff).sum())
    return int((sigmas[:-1] >= table[cutoff]).sum())


def finite(x: torch.Tensor, what: str, guidance_scale: float) -> torch.Tensor:
    """x, unless it holds NaN or inf: then a NonFiniteError saying where, and what to try."""
    if not bool(torch.isfinite(x).all()):
        raise NonFiniteError(f"{what} hold NaN or inf, so no picture is returned. Try float32 instead of float16, "
                             f"a lower guidance_scale (now {guidance_scale:g}; SD 1.5: 7.5), or check the model's "
                             "weights for NaN/inf (a damaged file, a bad LoRA).")
    return x
