"""Rectified flow: the straight path from data to noise, its σ schedule, its denoiser and its training loss.

Liu et al. 2022, "Flow Straight and Fast: Learning to Generate and Transfer Data with Rectified Flow", and
Esser et al. 2024, "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis" (SD3): the forward
process is the straight line x_σ = (1 - σ) x_0 + σ ε, σ ∈ [0, 1] (σ = 1 is pure noise), and the network predicts
the velocity along it, v = dx_σ/dσ = ε - x_0, at timestep t = σ·T (T = 1000).

Why the course's k-diffusion samplers need no change. Every k-diffusion ODE solver integrates dx/dσ = (x - D)/σ.
That equation holds for any forward process x = x_0 + σ c whose paths are straight lines in σ through x_0 at σ = 0
(c not depending on σ): then dx/dσ = c = (x - x_0)/σ, and the probability-flow ODE, which moves each x with the
mean velocity of the paths through it, is dx/dσ = E[c | x] = (x - E[x_0 | x])/σ = (x - D(x, σ))/σ.
 - SD 1.x ("variance exploding" form): x = x_0 + σ ε, c = ε, σ ∈ [0, ∞); D = x - σ ε̂.
 - Rectified flow: x = (1 - σ) x_0 + σ ε = x_0 + σ (ε - x_0), c = v, σ ∈ [0, 1]; D = x - σ v̂ (``FlowDenoiser``).
With that D, d = (x - D)/σ = v̂, and ``sample_euler``'s x ← x + d (σ_{i+1} - σ_i) is x + (σ_{i+1} - σ_i) v̂,
which is diffusers' ``FlowMatchEulerDiscreteScheduler.step`` (``sample + dt * model_output``); ``sample_heun``
is ``FlowMatchHeunDiscreteScheduler`` the same way (tests/test_flow.py checks both step by step).
What differs from the ε form is the (1 - σ) factor on x_0: the flow keeps x of order one (so the model sees x
itself, no 1/√(σ²+1), and sampling starts from ε, not σ_max ε), and σ starts at 1 instead of σ_max ≈ 14.6.
It is the same probability-flow ODE in another parametrisation: x_flow = (1 - σ) x_VE with s = σ/(1 - σ) turns
dx/dσ = (x - D)/σ into dx_VE/ds = (x_VE - D)/s, same D (``flow_to_ve``); Euler steps in σ and in s are two
different discretisations of it (tests/test_flow.py: fine Heun agrees in both, 3 Euler steps do not).

Schedules (``flow_sigmas``) follow ``FlowMatchEulerDiscreteScheduler.set_timesteps`` number for number: SD3's
static shift σ' = sσ/(1 + (s-1)σ) spends more steps at high noise (larger images need more noise to destroy
them); Flux shifts by μ, a line in the image's token count (``flow_mu``). Training (``flow_matching_loss``)
follows diffusers' train_dreambooth_sd3.py with ``diffusers.training_utils``: t ~ logit-normal(0, 1) (SD3's
choice, no loss weight), looked up in the training scheduler's shifted σ table.
"""
from __future__ import annotations

import math
from typing import Callable

import numpy as np
import torch

from course.sampling.samplers import SamplerInfo, sample_euler, sample_heun

# FlowMatchEulerDiscreteScheduler's config keys and defaults; FlowMatchHeunDiscreteScheduler has the first two
FLOW_DEFAULTS = {"num_train_timesteps": 1000, "shift": 1.0, "use_dynamic_shifting": False, "base_shift": 0.5,
                 "max_shift": 1.15, "base_image_seq_len": 256, "max_image_seq_len": 4096, "invert_sigmas": False,
                 "shift_terminal": None, "use_karras_sigmas": False, "use_exponential_sigmas": False,
                 "use_beta_sigmas": False, "time_shift_type": "exponential", "stochastic_sampling": False}
_REFUSED = {"invert_sigmas": "Mochi's inverted σ's run upwards (1 - σ), and the course's samplers walk σ down",
            "stochastic_sampling": "it re-noises x̂_0 to σ_{i+1} with fresh noise each step, a different sampler "
                                   "from the ODE solvers here"}

# Not in samplers.SAMPLERS: every entry there runs on the SD 1.x ᾱ table (denoiser.schedule_for, and the tests that
# run each of them through the UNet pipelines). The flow samplers are the same functions over another schedule
# (flow_sigmas) and another denoiser (FlowDenoiser), so they get their own table of the same shape.
FLOW_SAMPLERS: dict[str, SamplerInfo] = {
    "flow_euler": SamplerInfo(sample_euler, "flow", None, "sample_euler", "FlowMatchEulerDiscreteScheduler"),
    "flow_heun": SamplerInfo(sample_heun, "flow", None, "sample_heun", "FlowMatchHeunDiscreteScheduler"),
}


def flow_config(scheduler_config: dict | None = None) -> dict:
    """A flow scheduler config with diffusers' defaults filled in; unknown keys and unsupported options refused."""
    cfg = {k: v for k, v in (scheduler_config or {}).items() if not k.startswith("_")}  # _class_name, ...
    unknown = sorted(set(cfg) - set(FLOW_DEFAULTS))
    if unknown:
        raise ValueError(f"scheduler config keys {unknown} are not FlowMatchEulerDiscreteScheduler options; "
                         f"known: {sorted(FLOW_DEFAULTS)}.")
    cfg = {**FLOW_DEFAULTS, **cfg}
    for key, why in _REFUSED.items():
        if cfg[key]:
            raise ValueError(f"{key}=True is not supported: {why}. Use a config without it.")
    if sum(bool(cfg[k]) for k in ("use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas")) > 1:
        raise ValueError("use_karras_sigmas, use_exponential_sigmas, use_beta_sigmas: set at most one of them.")
    if cfg["time_shift_type"] not in ("exponential", "linear"):
        raise ValueError(f"time_shift_type={cfg['time_shift_type']!r}: use 'exponential' (Flux) or 'linear'.")
    if not cfg["shift"] > 0:
        raise ValueError(f"shift={cfg['shift']} must be > 0 (1: no shift; SD3 uses 3.0).")
    return cfg


def shift_sigmas(sigmas, shift: float):
    """SD3's static shift σ' = sσ / (1 + (s - 1)σ) (Esser et al.'s resolution-dependent shifting, s = √(m/n) from
    n to m pixels): s > 1 moves every step towards more noise, which a larger image needs to be destroyed as much."""
    return shift * sigmas / (1 + (shift - 1) * sigmas)


def time_shift(sigmas, mu: float, kind: str = "exponential"):
    """Flux's shift by μ: σ' = e^μ / (e^μ + (1/σ - 1)) ("exponential", = shift_sigmas with s = e^μ), or with μ
    in place of e^μ ("linear")."""
    m = math.exp(mu) if kind == "exponential" else mu
    return m / (m + (1 / sigmas - 1) ** 1.0)


def flow_mu(image_seq_len: int, base_seq_len: int = 256, max_seq_len: int = 4096, base_shift: float = 0.5,
            max_shift: float = 1.15) -> float:
    """μ on the line through (base_seq_len, base_shift) and (max_seq_len, max_shift): more tokens, more shift.
    image_seq_len counts the transformer's tokens: (h/p)·(w/p) for latents of h×w and patch size p (Flux: p = 2)."""
    slope = (max_shift - base_shift) / (max_seq_len - base_seq_len)
    return image_seq_len * slope + (base_shift - slope * base_seq_len)


def _respace(s: np.ndarray, n: int, cfg: dict) -> np.ndarray:
    """Karras (ρ = 7), exponential or Beta(0.6, 0.6) spacing between the schedule's first and last σ."""
    lo, hi = float(s[-1]), float(s[0])
    if cfg["use_karras_sigmas"]:
        ramp = np.linspace(0, 1, n)
        return (hi ** (1 / 7) + ramp * (lo ** (1 / 7) - hi ** (1 / 7))) ** 7
    if cfg["use_exponential_sigmas"]:
        return np.exp(np.linspace(math.log(hi), math.log(lo), n))
    try:
        import scipy.stats
    except ImportError:
        raise ValueError("use_beta_sigmas needs scipy (pip install scipy), or choose another spacing.") from None
    return np.array([lo + scipy.stats.beta.ppf(u, 0.6, 0.6) * (hi - lo) for u in 1 - np.linspace(0, 1, n)])


def flow_sigmas(num_steps: int | None = None, scheduler_config: dict | None = None, mu: float | None = None,
                sigmas=None) -> torch.Tensor:
    """The σ's ``FlowMatchEulerDiscreteScheduler(**scheduler_config).set_timesteps(num_steps, sigmas=, mu=)``
    steps through, 0 appended: (n+1,) fp32, descending from ≈ 1. The model's timesteps are ``flow_timesteps``.

    Without ``sigmas``: n points evenly from T to the table's smallest t, over T. diffusers takes those ends from
    its training table, which a static shift has already shifted, and then shifts again: that is kept here, it
    is what SD3 samples with. ``sigmas``: a list to start from instead (Flux passes linspace(1, 1/n, n)).
    ``mu``: required with use_dynamic_shifting (``flow_mu``); then μ replaces the static shift.
    """
    cfg = flow_config(scheduler_config)
    T = cfg["num_train_timesteps"]
    if sigmas is None and (num_steps is None or num_steps < 1):
        raise ValueError(f"num_steps={num_steps} must be >= 1 (or pass sigmas=[...]).")
    if sigmas is not None and num_steps is not None and len(sigmas) != num_steps:
        raise ValueError(f"{len(sigmas)} sigmas for num_steps={num_steps}: give one σ per step, or num_steps=None.")
    if cfg["use_dynamic_shifting"] and mu is None:
        raise ValueError("use_dynamic_shifting=True needs mu: mu=flow_mu(image_seq_len, ...) as Flux computes it.")
    if sigmas is None:
        # the training table's ends, as diffusers' __init__ leaves them: statically shifted unless dynamic
        table = torch.from_numpy(np.linspace(1, T, T, dtype=np.float32)[::-1].copy()) / T
        if not cfg["use_dynamic_shifting"]:
            table = shift_sigmas(table, cfg["shift"])
        s = np.linspace(table[0].item() * T, table[-1].item() * T, num_steps) / T
    else:
        s = np.array(sigmas).astype(np.float32)
    n = len(s)
    s = time_shift(s, mu, cfg["time_shift_type"]) if cfg["use_dynamic_shifting"] else shift_sigmas(s, cfg["shift"])
    if cfg["shift_terminal"]:  # stretch so the last σ is shift_terminal (LTX-Video): scale 1 - σ
        one_minus = 1 - s
        if not one_minus[-1] > 0:  # diffusers divides by 0 here and returns NaN
            raise ValueError(f"shift_terminal={cfg['shift_terminal']} stretches 1 - σ by 1 - σ_last, which is 0 here "
                             f"(σ_last = {float(s[-1])}): use num_steps >= 2, or no shift_terminal.")
        s = 1 - one_minus / (one_minus[-1] / (1 - cfg["shift_terminal"]))
    if cfg["use_karras_sigmas"] or cfg["use_exponential_sigmas"] or cfg["use_beta_sigmas"]:
        s = _respace(s, n, cfg)
    s = torch.from_numpy(np.asarray(s)).to(torch.float32)
    return torch.cat([s, torch.zeros(1)])


def flow_timesteps(sigmas: torch.Tensor, num_train_timesteps: int = 1000) -> torch.Tensor:
    """t = σ·T at each step (the terminal 0 left out), fp32 as diffusers multiplies them."""
    return sigmas[:-1] * num_train_timesteps


class FlowDenoiser:
    """D(x, σ) = x - σ v̂ ≈ x_0 from a velocity model ``model_fn(x, t, **kwargs)`` with t = σ·T (SD3's convention;
    Flux's transformer takes t/1000: wrap it). The model sees x itself, unscaled."""

    def __init__(self, model_fn: Callable, num_train_timesteps: int = 1000):
        self.model_fn, self.num_train_timesteps = model_fn, num_train_timesteps

    def __call__(self, x: torch.Tensor, sigma, **kwargs) -> torch.Tensor:
        sigma = torch.as_tensor(sigma, dtype=torch.float32, device=x.device)
        v = self.model_fn(x, sigma * self.num_train_timesteps, **kwargs)
        return x - sigma * v


# ε / v / x_0 in one place. x_t = (1 - σ) x_0 + σ ε and v = ε - x_0 give x_0 = x_t - σ v and ε = x_t + (1 - σ) v.
def _b(sigma, like: torch.Tensor) -> torch.Tensor:
    """σ as a scalar or one per batch row, broadcast over the rest: (B,) -> (B, 1, 1, 1)."""
    sigma = torch.as_tensor(sigma, dtype=like.dtype, device=like.device)
    return sigma.view(-1, *([1] * (like.ndim - 1))) if sigma.ndim == 1 else sigma


def flow_noisy(x0: torch.Tensor, noise: torch.Tensor, sigma) -> torch.Tensor:
    """The forward process: x_σ = (1 - σ) x_0 + σ ε (diffusers' ``scale_noise``)."""
    s = _b(sigma, x0)
    return (1 - s) * x0 + s * noise


def flow_velocity(x0: torch.Tensor, noise: torch.Tensor) -> torch.Tensor:
    """The training target: v = dx_σ/dσ = ε - x_0 (the same at every σ: the path is straight)."""
    return noise - x0


def x0_from_v(x: torch.Tensor, v: torch.Tensor, sigma) -> torch.Tensor:
    return x - _b(sigma, x) * v


def eps_from_v(x: torch.Tensor, v: torch.Tensor, sigma) -> torch.Tensor:
    return x + (1 - _b(sigma, x)) * v


def v_from_x0(x: torch.Tensor, x0: torch.Tensor, sigma) -> torch.Tensor:
    """v = (x_σ - x_0)/σ (undefined at σ = 0, where x_σ = x_0)."""
    return (x - x0) / _b(sigma, x)


def v_from_eps(x: torch.Tensor, eps: torch.Tensor, sigma) -> torch.Tensor:
    """v = (ε - x_σ)/(1 - σ) (undefined at σ = 1, where x_σ = ε)."""
    return (eps - x) / (1 - _b(sigma, x))


def flow_to_ve(x: torch.Tensor, sigma):
    """The same point in SD 1.x's form x = x_0 + s ε: divide by the signal scale 1 - σ; s = σ/(1 - σ)."""
    sigma = torch.as_tensor(sigma, dtype=torch.float32)
    return x / (1 - _b(sigma, x)), sigma / (1 - sigma)


# training: t's distribution, the σ it lands on, the loss weight, the loss
def logit_normal_timesteps(n: int, mean: float = 0.0, std: float = 1.0, generator=None, device="cpu"):
    """u = sigmoid(N(mean, std²)) ∈ (0, 1), n of them: SD3's "rf/lognorm(0.00, 1.00)", more draws mid-path."""
    return torch.sigmoid(torch.normal(mean=mean, std=std, size=(n,), generator=generator, device=device))


def mode_timesteps(n: int, scale: float = 1.29, generator=None, device="cpu"):
    """SD3's "mode sampling with heavy tails": u ~ U(0, 1), then 1 - u - scale (cos²(πu/2) - 1 + u)."""
    u = torch.rand(size=(n,), generator=generator, device=device)
    return 1 - u - scale * (torch.cos(math.pi * u / 2) ** 2 - 1 + u)


def training_sigmas(u: torch.Tensor, scheduler_config: dict | None = None):
    """σ and t = σ·T for draws u ∈ [0, 1), as diffusers' SD3 scripts take them: entry ⌊u T⌋ of the training
    scheduler's table σ_k = shift((T - k)/T), so u → 1 - u rounded to 1/T (u's law is symmetric about 1/2 for
    logit-normal(0, ·)) and the config's static shift applies (SD3: 3.0; with use_dynamic_shifting, none)."""
    cfg = flow_config(scheduler_config)
    T = cfg["num_train_timesteps"]
    table = torch.from_numpy(np.linspace(1, T, T, dtype=np.float32)[::-1].copy()) / T
    if not cfg["use_dynamic_shifting"]:
        table = shift_sigmas(table, cfg["shift"])
    sigmas = table[(u.cpu() * T).long()].to(u.device)
    return sigmas, sigmas * T


def loss_weighting(scheme: str, sigmas: torch.Tensor) -> torch.Tensor:
    """SD3's per-sample loss weights: "sigma_sqrt" 1/σ², "cosmap" 2/(π(1 - 2σ + 2σ²)); the schemes that shape
    the sampling of t instead ("logit_normal", "mode", "none") weigh every sample 1."""
    if scheme == "sigma_sqrt":
        return (sigmas ** -2.0).float()
    if scheme == "cosmap":
        return 2 / (math.pi * (1 - 2 * sigmas + 2 * sigmas ** 2))
    if scheme in ("logit_normal", "mode", "none"):
        return torch.ones_like(sigmas)
    raise ValueError(f"weighting_scheme={scheme!r}: use 'logit_normal' (SD3), 'mode', 'cosmap', 'sigma_sqrt' "
                     "or 'none'.")


def sample_training_u(n: int, scheme: str = "logit_normal", generator=None, device="cpu", logit_mean: float = 0.0,
                      logit_std: float = 1.0, mode_scale: float = 1.29) -> torch.Tensor:
    """u for ``training_sigmas``: logit-normal, mode, or uniform for the post-weighted schemes."""
    if scheme == "logit_normal":
        return logit_normal_timesteps(n, logit_mean, logit_std, generator, device)
    if scheme == "mode":
        return mode_timesteps(n, mode_scale, generator, device)
    loss_weighting(scheme, torch.zeros(1))  # refuses an unknown name here rather than after the model call
    return torch.rand(size=(n,), generator=generator, device=device)


def flow_matching_loss(model: Callable, x0: torch.Tensor, generator=None, scheduler_config: dict | None = None,
                       weighting_scheme: str = "logit_normal", logit_mean: float = 0.0, logit_std: float = 1.0,
                       mode_scale: float = 1.29, **model_kwargs) -> torch.Tensor:
    """E‖v̂(x_σ, σT) - (ε - x_0)‖² weighted, one σ per image: ``model(x_t, t, **model_kwargs)`` -> v̂.
    Draws ε (like x0) then u from ``generator``, in that order (the script draws ε first too)."""
    if x0.ndim < 2 or not torch.is_floating_point(x0):
        raise ValueError(f"x0 of shape {tuple(x0.shape)}, dtype {x0.dtype}: need a float batch (B, C, h, w).")
    noise = torch.randn(x0.shape, generator=generator, dtype=x0.dtype,
                        device=generator.device if generator is not None else x0.device).to(x0.device)
    u = sample_training_u(len(x0), weighting_scheme, generator, noise.device, logit_mean, logit_std, mode_scale)
    sigmas, t = training_sigmas(u.to(x0.device), scheduler_config)
    pred = model(flow_noisy(x0, noise, sigmas.to(x0.dtype)), t, **model_kwargs)
    w = _b(loss_weighting(weighting_scheme, sigmas), x0).float()
    per_image = (w * (pred.float() - flow_velocity(x0, noise).float()) ** 2).reshape(len(x0), -1).mean(1)
    return per_image.mean()
