"""The one place a denoiser D(x, σ) is assembled from a model's parts, and the σ's a sampler walks.

Karras et al. 2022 write every sampler over a denoiser D(x, σ) ≈ x_0 of x = x_0 + σ ε; SD's UNet instead
predicts ε (or v) from x_t = x/√(σ²+1) at a training timestep t. ``course.sampling.samplers.Denoiser`` does that
conversion; this module decides its inputs from the model's scheduler config (which ᾱ's, ε or v, whether t
is rounded to a training step) so that the pipeline, the widgets and the checks cannot disagree about them.
"""
from __future__ import annotations

from course.sampling.samplers import Denoiser, get_sampler
from course.sampling.schedules import SD15_SCHEDULER_CONFIG, sampling_sigmas, training_alphas_cumprod

# diffusers' default timestep_spacing per scheduler class, used when the scheduler config has none
# (SD 1.5's own scheduler_config.json predates the option; from_config then takes the class default)
_DEFAULT_SPACING = {"DDIMScheduler": "leading", "PNDMScheduler": "leading", "DDPMScheduler": "leading"}
# diffusers' Euler family starts from σ_max·ε only with linspace/trailing spacing, else from √(σ_max²+1)·ε
_EULER_FAMILY = ("EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "HeunDiscreteScheduler",
                 "LMSDiscreteScheduler", "DPMSolverSDEScheduler")


def schedule_for(sampler, scheduler_config: dict, steps: int):
    """The σ's the sampler's diffusers scheduler, built from ``scheduler_config`` + its options, steps through.
    Missing keys take diffusers' class defaults; an empty config means SD 1.5's (``SD15_SCHEDULER_CONFIG``).

    Returns (sigmas (steps+1,), quantize, alphas_cumprod, init_scale): the initial N(0, I) noise is multiplied
    by ``init_scale`` (diffusers' ``init_noise_sigma``, in our "x = x_0 + σ ε" form).
    """
    info = get_sampler(sampler)
    cfg = {**(scheduler_config or SD15_SCHEDULER_CONFIG), **info.diffusers_options}
    ac = training_alphas_cumprod(cfg)
    spacing = cfg.get("timestep_spacing", _DEFAULT_SPACING.get(info.diffusers, "linspace"))
    sigmas, quantize = sampling_sigmas(info.diffusers, ac, steps, spacing, cfg.get("steps_offset", 0),
                                       karras=info.schedule == "karras",
                                       set_alpha_to_one=cfg.get("set_alpha_to_one", True))
    # the others keep x/√(σ²+1) ("variance preserving") and start from ε, which is √(σ_max²+1)·ε here
    euler = info.diffusers in _EULER_FAMILY and spacing in ("linspace", "trailing")
    init_scale = sigmas[0] if euler else (sigmas[0] ** 2 + 1) ** 0.5
    return sigmas, quantize, ac, init_scale


def keeps_vp_latents(sampler) -> bool:
    """Whether the sampler's diffusers scheduler holds its latents as x/√(σ²+1) (DDIM, PLMS, DPM-Solver, UniPC,
    DDPM: "variance preserving") rather than as our x = x_0 + σ ε (the Euler family). Noisy latents handed from one
    pipeline call to the next (SDXL's denoising_end / denoising_start) are in that scheduler's form, as diffusers'."""
    return get_sampler(sampler).diffusers not in _EULER_FAMILY


def denoiser_for(parts, unet_fn, alphas_cumprod, quantize: bool = False) -> Denoiser:
    """D(x, σ) over ``unet_fn(x_t, t, ...)`` with the prediction type (ε or v) of the parts' scheduler config."""
    prediction = (parts.scheduler_config or SD15_SCHEDULER_CONFIG).get("prediction_type", "epsilon")
    return Denoiser(unet_fn, alphas_cumprod, prediction, quantize=quantize)
