"""Noise schedules: how much noise there is at each training timestep, and which ones we sample at.

Ho et al. 2020, "Denoising Diffusion Probabilistic Models" (DDPM): the forward process adds noise
with variances β_t, t = 0..999, so that x_t = √ᾱ_t x_0 + √(1-ᾱ_t) ε with ᾱ_t = Π_{s≤t} (1-β_s).
Karras et al. 2022, "Elucidating the Design Space of Diffusion-Based Generative Models": the same
process seen as x = x_0 + σ ε with σ_t = √((1-ᾱ_t)/ᾱ_t) (divide x_t by √ᾱ_t), and a schedule of
σ's (the "Karras" sigmas, ρ = 7) that spends more steps at low noise.

All pure functions. The numbers are computed the way diffusers computes them (same dtypes, same
rounding), so ``tests/test_schedules.py`` can compare them to the schedulers' attributes exactly.
Stable Diffusion 1.x: ``betas(1000, 0.00085, 0.012, "scaled_linear")``, "leading" spacing with
``steps_offset=1``.
"""
from __future__ import annotations

import numpy as np
import torch

SPACINGS = ("leading", "trailing", "linspace")
STYLES = ("euler", "ddim", "dpm")

# SD 1.5's scheduler_config.json: the schedule the SD 1.x UNets (and the bundled model) were trained with, used
# wherever a model comes without one (a single-file checkpoint has none)
SD15_SCHEDULER_CONFIG = {"num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012,
                         "beta_schedule": "scaled_linear", "steps_offset": 1, "set_alpha_to_one": False,
                         "clip_sample": False, "skip_prk_steps": True}


def betas(num_train_timesteps: int = 1000, beta_start: float = 0.00085, beta_end: float = 0.012,
          kind: str = "scaled_linear") -> torch.Tensor:
    """β_t for t = 0..T-1: "linear" in β (DDPM) or "scaled_linear", linear in √β (SD 1.x). (T,) fp32."""
    if num_train_timesteps < 1:
        raise ValueError(f"num_train_timesteps={num_train_timesteps} must be >= 1 (SD 1.x uses 1000).")
    if not 0 < beta_start <= beta_end < 1:
        raise ValueError(f"beta_start={beta_start}, beta_end={beta_end}: need 0 < beta_start <= beta_end < 1 "
                         "(SD 1.x uses 0.00085 and 0.012).")
    # on the CPU, named: the tables are made there in fp32 as diffusers makes them, whatever device the parts use
    if kind == "linear":
        return torch.linspace(beta_start, beta_end, num_train_timesteps, dtype=torch.float32, device="cpu")
    if kind == "scaled_linear":
        return torch.linspace(beta_start ** 0.5, beta_end ** 0.5, num_train_timesteps, dtype=torch.float32,
                              device="cpu") ** 2
    raise ValueError(f"kind={kind!r} is not a beta schedule; use 'scaled_linear' (SD 1.x) or 'linear'.")


def alphas_cumprod(betas: torch.Tensor) -> torch.Tensor:
    """ᾱ_t = Π_{s≤t} (1 - β_s): the fraction of signal variance left at timestep t."""
    if betas.ndim != 1 or not bool(((betas > 0) & (betas < 1)).all()):
        raise ValueError(f"betas of shape {tuple(betas.shape)}: need a 1-d tensor with every value in (0, 1).")
    return torch.cumprod(1.0 - betas, dim=0)


def training_alphas_cumprod(scheduler_config: dict | None = None) -> torch.Tensor:
    """ᾱ_t, t = 0..T-1, of the schedule a diffusers scheduler config describes (SD 1.x's when empty or None);
    missing keys take diffusers' defaults. Training and sampling must use the same ᾱ's: both read them here."""
    cfg = scheduler_config or SD15_SCHEDULER_CONFIG
    return alphas_cumprod(betas(cfg.get("num_train_timesteps", 1000), cfg.get("beta_start", 0.0001),
                                cfg.get("beta_end", 0.02), cfg.get("beta_schedule", "linear")))


def add_noise(x0: torch.Tensor, noise: torch.Tensor, alpha_bar: torch.Tensor) -> torch.Tensor:
    """The forward process q(x_t | x_0): x_t = √ᾱ_t x_0 + √(1-ᾱ_t) ε, one ᾱ per row of the batch (B,)."""
    a = alpha_bar.view(-1, *([1] * (x0.ndim - 1)))  # (B, 1, 1, 1): broadcast over the latent's C, h, w
    return a.sqrt() * x0 + (1 - a).sqrt() * noise


def sigmas_from_alphas_cumprod(alphas_cumprod: torch.Tensor) -> torch.Tensor:
    """σ_t = √((1 - ᾱ_t) / ᾱ_t): the noise-to-signal ratio, for t = 0..T-1 (ascending)."""
    return ((1 - alphas_cumprod) / alphas_cumprod) ** 0.5


def timesteps(num_steps: int, spacing: str = "leading", steps_offset: int = 0,
              num_train_timesteps: int = 1000, style: str = "euler") -> np.ndarray:
    """The training timesteps to sample at, descending, as diffusers' ``set_timesteps`` picks them.

    Lin et al. 2023 ("Common Diffusion Noise Schedules and Sample Steps are Flawed", Table 2):
    "leading" = 0, k, 2k, ... (+ steps_offset), never reaching T-1; "trailing" = T-1, T-1-k, ...;
    "linspace" = evenly from 0 to T-1. ``style`` names the diffusers family whose quirks to copy:
    "euler" (Euler, Heun, LMS: float, linspace not rounded), "ddim" (ints, linspace rounded),
    "dpm" (DPM-Solver: spaces num_steps + 1 points and drops the last).
    """
    if num_steps < 1 or num_steps > num_train_timesteps:
        raise ValueError(f"num_steps={num_steps} must be in [1, {num_train_timesteps}] (num_train_timesteps).")
    if spacing not in SPACINGS:
        raise ValueError(f"spacing={spacing!r} is not one of {SPACINGS}; SD 1.5 uses 'leading'.")
    if style not in STYLES:
        raise ValueError(f"style={style!r} is not one of {STYLES}.")
    T = num_train_timesteps
    if style == "dpm":
        if spacing == "linspace":
            return np.linspace(0, T - 1, num_steps + 1).round()[::-1][:-1].astype(np.int64)
        if spacing == "leading":
            ratio = T // (num_steps + 1)
            return (np.arange(0, num_steps + 1) * ratio).round()[::-1][:-1].astype(np.int64) + steps_offset
    if spacing == "linspace":
        if style == "ddim":
            return np.linspace(0, T - 1, num_steps).round()[::-1].astype(np.int64)
        return np.linspace(0, T - 1, num_steps, dtype=np.float32)[::-1].copy()
    if spacing == "leading":
        t = (np.arange(0, num_steps) * (T // num_steps)).round()[::-1] + steps_offset
    else:  # trailing
        t = np.arange(T, 0, -T / num_steps).round() - 1
    return t.astype(np.float32 if style == "euler" else np.int64)


def sigmas_at(alphas_cumprod: torch.Tensor, timesteps, final_sigma: float = 0.0) -> torch.Tensor:
    """σ at each (possibly fractional) timestep by linear interpolation in σ (as diffusers does),
    with ``final_sigma`` appended (0: the sampler ends on a clean image). (n+1,) fp32."""
    table = sigmas_from_alphas_cumprod(alphas_cumprod).numpy()
    s = np.interp(np.asarray(timesteps, dtype=np.float64), np.arange(len(table)), table)
    return torch.from_numpy(np.concatenate([s, [final_sigma]]).astype(np.float32))


def karras_sigmas(sigma_min: float, sigma_max: float, n: int, rho: float = 7.0) -> torch.Tensor:
    """Karras et al. (eq. 5): σ_i = (σ_max^(1/ρ) + i/(n-1) (σ_min^(1/ρ) - σ_max^(1/ρ)))^ρ, then 0. (n+1,) fp32."""
    if not 0 < sigma_min < sigma_max:
        raise ValueError(f"sigma_min={sigma_min}, sigma_max={sigma_max}: need 0 < sigma_min < sigma_max.")
    if n < 1:
        raise ValueError(f"n={n} must be >= 1 (the number of sampling steps).")
    ramp = np.linspace(0, 1, n)
    lo, hi = sigma_min ** (1 / rho), sigma_max ** (1 / rho)
    s = (hi + ramp * (lo - hi)) ** rho
    return torch.from_numpy(np.concatenate([s, [0.0]]).astype(np.float32))


def sigma_to_t(sigma, alphas_cumprod: torch.Tensor, quantize: bool = False) -> torch.Tensor:
    """The (fractional) timestep of σ: interpolate linearly in log σ between the two nearest table
    entries (k-diffusion's ``DiscreteSchedule.sigma_to_t``); ``quantize`` rounds to the nearest one."""
    log_sigmas = np.log(sigmas_from_alphas_cumprod(alphas_cumprod).numpy())  # (T,) ascending
    sigma = np.asarray(sigma, dtype=np.float32)
    log_sigma = np.log(np.maximum(sigma, 1e-10)).reshape(-1)
    dists = log_sigma - log_sigmas[:, None]  # (T, n)
    low = np.cumsum(dists >= 0, axis=0).argmax(axis=0).clip(max=len(log_sigmas) - 2)
    w = np.clip((log_sigmas[low] - log_sigma) / (log_sigmas[low] - log_sigmas[low + 1]), 0, 1)
    t = (1 - w) * low + w * (low + 1)
    if quantize:
        t = t.round()
    return torch.from_numpy(np.asarray(t, dtype=np.float32).reshape(sigma.shape))


def t_to_sigma(t, alphas_cumprod: torch.Tensor) -> torch.Tensor:
    """σ at a fractional timestep t: interpolate linearly in log σ (k-diffusion's ``t_to_sigma``)."""
    log_sigmas = sigmas_from_alphas_cumprod(alphas_cumprod).log()
    t = torch.as_tensor(t, dtype=torch.float32, device="cpu")
    if bool((t < 0).any()) or bool((t > len(log_sigmas) - 1).any()):
        raise ValueError(f"t={t.tolist()} outside [0, {len(log_sigmas) - 1}]: timesteps index the training table.")
    low, high = t.floor().long(), t.ceil().long()
    w = t - low
    return ((1 - w) * log_sigmas[low] + w * log_sigmas[high]).exp()


# DPMSolverSDEScheduler takes the Euler family's σ's (Karras: from the spaced σ_min, σ_max) and feeds the UNet
# unrounded timesteps t(σ), at each midpoint σ_mid = e^{-(λ_i + λ_{i+1})/2}, λ = -log σ, as well.
_FAMILY = {"EulerDiscreteScheduler": "euler", "EulerAncestralDiscreteScheduler": "euler",
           "HeunDiscreteScheduler": "euler", "LMSDiscreteScheduler": "euler",
           "DPMSolverSDEScheduler": "euler", "DPMSolverMultistepScheduler": "dpm", "UniPCMultistepScheduler": "dpm",
           "DDIMScheduler": "ddim", "PNDMScheduler": "ddim", "DDPMScheduler": "ddpm"}


def sampling_sigmas(scheduler: str, alphas_cumprod: torch.Tensor, num_steps: int, spacing: str = "leading",
                    steps_offset: int = 1, karras: bool = False, set_alpha_to_one: bool = False):
    """The σ's the diffusers ``scheduler`` (class name) steps through, and whether it feeds the UNet
    rounded timesteps (``quantize`` for ``samplers.Denoiser``). Returns (sigmas (n+1,) fp32, quantize).

    DDIM and PNDM end at ᾱ_0 unless ``set_alpha_to_one`` (SD 1.x: False), so their last σ is σ_0,
    not 0: divide the result by √(σ_last² + 1) to get the latent diffusers decodes.

    A diffusers quirk these σ's do not reproduce: DDIMScheduler and PNDMScheduler step from t to
    t - T//n, which is the next listed timestep only if the spacing steps by exactly T//n ("leading"
    always; "trailing" when n divides T; "linspace" practically never). Otherwise they land on σ(t - T//n)
    and then evaluate the UNet at the next listed timestep as if the latent were there (they keep
    x/√(σ²+1) and change only its label). Trailing, 7 steps: 999 → 857, evaluated as 856; linspace,
    3 steps: 999 → 666 called 500, 500 → 167 called 0, so diffusers ends with noise σ ≈ 0.5 left in.
    A sampler over one list of σ's cannot do that, so our DDIM and PLMS differ from diffusers there
    (latents of size ~1.5 differ by ~1e-2 for trailing, 0.1 to over 1 for linspace; the cases are
    marked in tests/test_samplers.py). DDPMScheduler steps to the next listed timestep: it agrees.
    """
    if scheduler not in _FAMILY:
        raise ValueError(f"scheduler={scheduler!r} is not one of {sorted(_FAMILY)}.")
    family = _FAMILY[scheduler]
    table = sigmas_from_alphas_cumprod(alphas_cumprod)
    if family == "euler":
        t = timesteps(num_steps, spacing, steps_offset, len(table))
        if scheduler == "DPMSolverSDEScheduler" and spacing == "linspace":  # it spaces in float64, not float32:
            t = np.linspace(0, len(table) - 1, num_steps)[::-1]  # its Brownian noise notices the difference
        sigmas = sigmas_at(alphas_cumprod, t)
        if karras:
            sigmas = karras_sigmas(float(sigmas[-2]), float(sigmas[0]), num_steps)
        return sigmas, False
    if family == "dpm":
        if karras:
            return karras_sigmas(float(table[0]), float(table[-1]), num_steps), True
        return sigmas_at(alphas_cumprod, timesteps(num_steps, spacing, steps_offset, len(table), "dpm")), False
    if karras:
        raise ValueError(f"karras=True: {scheduler} has no Karras sigmas; use a k-diffusion style sampler.")
    final = 0.0 if family == "ddpm" or set_alpha_to_one else float(table[0])
    t = timesteps(num_steps, spacing, steps_offset, len(table), "ddim")
    return sigmas_at(alphas_cumprod, t, final_sigma=final), False
