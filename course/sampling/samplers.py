"""Samplers: walk a latent from pure noise at σ_max down to σ = 0, asking the denoiser at each step.

Karras et al. 2022, "Elucidating the Design Space of Diffusion-Based Generative Models", and
Katherine Crowson's k-diffusion: every sampler is an ODE/SDE solver for dx/dσ = (x - D(x, σ)) / σ,
where D(x, σ) ≈ x_0 is the denoiser and x = x_0 + σ ε lives in the "variance exploding" space.
The UNet predicts ε from x/√(σ²+1) and a timestep t; ``Denoiser`` adapts it into D(x, σ).
Samplers: Euler, Euler ancestral, Heun (Karras et al. alg. 1/2), LMS, DPM++ 2M and DPM++ SDE (Lu et al. 2022,
"DPM-Solver++"), DDIM (Song et al. 2020), DDPM (Ho et al. 2020) and PLMS (Liu et al. 2022) written in σ,
and UniPC (Zhao et al. 2023).

``SAMPLERS`` is the "Rosetta stone": our name -> A1111 name, k-diffusion function, diffusers
scheduler class and options. Each sampler is step-for-step equal to that diffusers scheduler
(tests/test_samplers.py), given the same σ's (course.sampling.schedules) and the same generator.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch

from course.sampling.schedules import sigma_to_t


class Denoiser:
    """D(x, σ) ≈ x_0 from a UNet that sees x_t = x/√(σ²+1) at timestep t(σ).

    ``unet_fn(x_t, t, **kwargs)`` returns ε ("epsilon", SD 1.x) or v = √ᾱ ε - √(1-ᾱ) x_0
    ("v_prediction", SD 2.x 768). ``quantize`` rounds t to the nearest training timestep
    (what DPM-Solver in diffusers and A1111's default do for Karras σ's).
    """

    def __init__(self, unet_fn: Callable, alphas_cumprod: torch.Tensor, prediction_type: str = "epsilon",
                 quantize: bool = False):
        if prediction_type not in ("epsilon", "v_prediction"):
            raise ValueError(f"prediction_type={prediction_type!r}: use 'epsilon' (SD 1.x) or 'v_prediction' (SD 2.x).")
        self.unet_fn, self.alphas_cumprod = unet_fn, alphas_cumprod
        self.prediction_type, self.quantize = prediction_type, quantize

    def __call__(self, x: torch.Tensor, sigma, **kwargs) -> torch.Tensor:
        sigma = torch.as_tensor(sigma, dtype=torch.float32, device=x.device)
        t = sigma_to_t(sigma.cpu(), self.alphas_cumprod, self.quantize).to(x.device)
        out = self.unet_fn(x / (sigma ** 2 + 1) ** 0.5, t, **kwargs)
        if self.prediction_type == "epsilon":
            return x - sigma * out                                              # x_0 = x - σ ε
        return out * (-sigma / (sigma ** 2 + 1) ** 0.5) + x / (sigma ** 2 + 1)  # x_0 from v


def _check(x: torch.Tensor, sigmas: torch.Tensor):
    if sigmas.ndim != 1 or len(sigmas) < 2:
        raise ValueError(f"sigmas of shape {tuple(sigmas.shape)}: need a 1-d schedule of at least 2 values "
                         "(σ_max ... σ_last), e.g. from course.sampling.schedules.sigmas_at.")
    if bool((sigmas[1:] > sigmas[:-1]).any()) or bool((sigmas < 0).any()):
        raise ValueError("sigmas must be non-negative and non-increasing (noise goes down as we sample).")
    if not sigmas[0] > 0:
        raise ValueError(f"sigmas[0]={float(sigmas[0])}: sampling starts from noise, so the first σ must be > 0 "
                         "(σ_max first, as course.sampling.schedules.sampling_sigmas returns them).")
    if not torch.is_floating_point(x):
        raise ValueError(f"x has dtype {x.dtype}: the latent must be a float tensor.")


def _noise(x: torch.Tensor, generator) -> torch.Tensor:
    """Fresh N(0, I) noise drawn as diffusers' ``randn_tensor`` draws it (on the generator's device)."""
    device = generator.device if generator is not None else x.device
    return torch.randn(x.shape, generator=generator, device=device, dtype=x.dtype).to(x.device)


def _report(callback, x, denoised, i, sigma):
    """Show the callback this step's x (at σ_{i+1}) and denoised (D at σ_i); a tensor it returns replaces x
    (inpainting pastes the known region back this way). Returns the x to go on with."""
    if callback is None:
        return x
    out = callback({"x": x, "denoised": denoised, "i": i, "sigma": sigma})
    return x if out is None else out


@torch.no_grad()
def sample_euler(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
    """Euler: x ← x + (x - D(x, σ_i))/σ_i · (σ_{i+1} - σ_i)."""
    _check(x, sigmas)
    for i in range(len(sigmas) - 1):
        denoised = denoiser(x, sigmas[i], **(extra_args or {}))
        x = x + (x - denoised) / sigmas[i] * (sigmas[i + 1] - sigmas[i])
        x = _report(callback, x, denoised, i, sigmas[i])
    return x


@torch.no_grad()
def sample_euler_ancestral(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
    """Euler ancestral: Euler step down to σ_down, then add σ_up·z, with σ_down² + σ_up² = σ_{i+1}²."""
    _check(x, sigmas)
    for i in range(len(sigmas) - 1):
        denoised = denoiser(x, sigmas[i], **(extra_args or {}))
        s, s_next = sigmas[i], sigmas[i + 1]
        sigma_up = (s_next ** 2 * (s ** 2 - s_next ** 2) / s ** 2) ** 0.5
        sigma_down = (s_next ** 2 - sigma_up ** 2) ** 0.5
        x = x + (x - denoised) / s * (sigma_down - s)
        x = x + _noise(x, generator) * sigma_up  # diffusers draws on every step, the last one too
        x = _report(callback, x, denoised, i, s)
    return x


@torch.no_grad()
def sample_heun(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
    """Heun: Euler predictor x', then x ← x + (d(x, σ_i) + d(x', σ_{i+1}))/2 · (σ_{i+1} - σ_i); Euler at σ=0."""
    _check(x, sigmas)
    for i in range(len(sigmas) - 1):
        s, s_next = sigmas[i], sigmas[i + 1]
        denoised = denoiser(x, s, **(extra_args or {}))
        d = (x - denoised) / s
        x_pred = x + d * (s_next - s)
        if s_next == 0:
            x = x_pred
        else:
            d_next = (x_pred - denoiser(x_pred, s_next, **(extra_args or {}))) / s_next
            x = x + (d + d_next) / 2 * (s_next - s)
        x = _report(callback, x, denoised, i, s)
    return x


def _lms_coefficient(sigmas: np.ndarray, i: int, j: int, order: int) -> float:
    """∫_{σ_i}^{σ_{i+1}} of the Lagrange polynomial through σ_i, σ_{i-1}, ... that is 1 at σ_{i-j}."""
    basis = np.poly1d([1.0])
    for k in range(order):
        if k != j:
            basis = basis * np.poly1d([1.0, -sigmas[i - k]]) / (sigmas[i - j] - sigmas[i - k])
    antiderivative = basis.integ()
    return float(antiderivative(sigmas[i + 1]) - antiderivative(sigmas[i]))


@torch.no_grad()
def sample_lms(denoiser, x, sigmas, generator=None, callback=None, extra_args=None, order=4):
    """LMS: x ← x + Σ_j c_j d_{i-j}, c_j = ∫ Lagrange basis over [σ_i, σ_{i+1}], up to ``order`` past slopes."""
    _check(x, sigmas)
    s64 = sigmas.double().numpy()
    ds = []
    for i in range(len(sigmas) - 1):
        denoised = denoiser(x, sigmas[i], **(extra_args or {}))
        ds = [(x - denoised) / sigmas[i]] + ds[:order - 1]  # newest first
        cur = min(i + 1, order)
        x = x + sum(_lms_coefficient(s64, i, j, cur) * d for j, d in enumerate(ds[:cur]))
        x = _report(callback, x, denoised, i, sigmas[i])
    return x


@torch.no_grad()
def sample_dpmpp_2m(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
    """DPM++ 2M: with λ = -log σ, h = λ_{i+1} - λ_i, r = h_{i-1}/h:
    x ← (σ_{i+1}/σ_i) x - (e^{-h} - 1) ((1 + 1/2r) D_i - (1/2r) D_{i-1}); first order on the first and last step."""
    _check(x, sigmas)
    old_denoised = None
    for i in range(len(sigmas) - 1):
        s, s_next = sigmas[i], sigmas[i + 1]
        denoised = denoiser(x, s, **(extra_args or {}))
        h = s.log() - s_next.log()  # λ_{i+1} - λ_i; inf when σ_{i+1} = 0, and e^{-h} - 1 = -1
        if old_denoised is None or s_next == 0:
            d = denoised
        else:
            r = (sigmas[i - 1].log() - s.log()) / h
            d = (1 + 1 / (2 * r)) * denoised - 1 / (2 * r) * old_denoised
        x = (s_next / s) * x - torch.expm1(-h) * d
        old_denoised = denoised
        x = _report(callback, x, denoised, i, s)
    return x


def brownian_tree_noise(x: torch.Tensor, sigmas: torch.Tensor, seed: int) -> Callable:
    """noise(σ, σ') = (W(σ') - W(σ)) / √|σ' - σ| ~ N(0, I), W one Brownian motion on [σ_min, σ_max] (torchsde's tree,
    as k-diffusion and diffusers build it): steps that overlap in σ get correlated noise, as an SDE's would."""
    try:
        import torchsde
    except ImportError:
        raise ValueError("DPM++ SDE draws its noise from torchsde's Brownian tree, which is not installed: "
                         "pip install torchsde (or the course's 'sde' extra).") from None
    # the tree's ends on the CPU, as k-diffusion and diffusers make them; it draws on x's device
    lo, hi = (torch.as_tensor(s.item(), device="cpu") for s in (sigmas[sigmas > 0].min(), sigmas.max()))
    tree = torchsde.BrownianInterval(t0=lo, t1=hi, size=x.shape, dtype=x.dtype, device=x.device, entropy=seed,
                                     tol=1e-6, pool_size=24, halfway_tree=True)
    return lambda s, s_next: -tree(s_next, s) / (s_next - s).abs().sqrt()  # tree(a, b) = W(b) - W(a), a < b


def _ancestral_dpm_step(x, denoised, lam, lam_to, noise):
    """Euler a's split σ_to² = σ_down² + σ_up², in λ = -log σ: DPM-Solver++(1) from λ to σ_down, then + σ_up z."""
    s, s_to = lam.neg().exp(), lam_to.neg().exp()
    sigma_up = torch.minimum(s_to, (s_to ** 2 * (s ** 2 - s_to ** 2) / s ** 2) ** 0.5)
    lam_down = ((s_to ** 2 - sigma_up ** 2) ** 0.5).log().neg()
    return lam_down.neg().exp() / s * x - (lam - lam_down).expm1() * denoised + noise(s, s_to) * sigma_up


@torch.no_grad()
def sample_dpmpp_sde(denoiser, x, sigmas, generator=None, callback=None, extra_args=None, noise_sampler=None):
    """DPM++ SDE (η = 1, r = 1/2): x' = A(x, D_i; λ_i → λ_mid), x ← A(x, D(x', σ_mid); λ_i → λ_{i+1}), A the ancestral
    step above, λ_mid = (λ_i + λ_{i+1})/2; Euler onto σ = 0. Noise: ``noise_sampler``, else a Brownian tree over
    these σ's seeded with ``generator.initial_seed()`` (no generator: a draw from torch's global RNG, as diffusers)."""
    _check(x, sigmas)
    if noise_sampler is None:
        seed = generator.initial_seed() if generator is not None else torch.randint(0, 2 ** 63 - 1, []).item()
        noise_sampler = brownian_tree_noise(x, sigmas, seed)
    for i in range(len(sigmas) - 1):
        s, s_next = sigmas[i], sigmas[i + 1]
        denoised = denoiser(x, s, **(extra_args or {}))
        if s_next == 0:
            x = x + (x - denoised) / s * (s_next - s)
        else:
            lam, lam_next = s.log().neg(), s_next.log().neg()
            lam_mid = lam + (lam_next - lam) * 0.5
            x_mid = _ancestral_dpm_step(x, denoised, lam, lam_mid, noise_sampler)
            denoised_mid = denoiser(x_mid, lam_mid.neg().exp(), **(extra_args or {}))
            x = _ancestral_dpm_step(x, denoised_mid, lam, lam_next, noise_sampler)
        x = _report(callback, x, denoised, i, s)
    return x


def _unipc_rhos(h: torch.Tensor, rks: list, order: int) -> torch.Tensor:
    """UniC's weights for the bh2 variant: solve R ρ = b, R_ij = r_j^i, b_i = i! φ_{i+1}(-h) h / (e^{-h} - 1)."""
    hh = -h
    h_phi_k, factorial, b = torch.expm1(hh) / hh - 1, 1, []
    for i in range(1, order + 1):
        b.append(h_phi_k * factorial / torch.expm1(hh))
        factorial *= i + 1
        h_phi_k = h_phi_k / hh - 1 / factorial
    if order == 1:
        return torch.tensor([0.5], device=h.device)
    r = torch.stack(rks + [torch.ones((), device=h.device)])  # with the σ's: torch stacks one device only
    return torch.linalg.solve(torch.stack([r ** i for i in range(order)]), torch.stack(b))


@torch.no_grad()
def sample_unipc(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
    """UniPC-bh2 order 2 (Zhao et al. 2023): the DPM++ 2M predictor, then a corrector that reuses the model
    output at the new point: x_i ← (σ_i/σ_{i-1}) x_{i-1} - (e^{-h}-1)(D_{i-1} + ρ_1 ΔD_{i-1} + ρ_2 (D_i - D_{i-1}))."""
    _check(x, sigmas)
    lam = -sigmas.log()  # λ = log(α/σ_VP) = -log σ
    history, x_last, order_last, n = [], None, 1, len(sigmas) - 1
    for i in range(n):
        denoised = denoiser(x, sigmas[i], **(extra_args or {}))
        if i > 0:  # corrector (UniC): redo the last step with D_i known, without a new model call
            h, m0 = lam[i] - lam[i - 1], history[-1]
            rks = [(lam[i - 2] - lam[i - 1]) / h] if order_last == 2 else []
            rhos = _unipc_rhos(h, rks, order_last)
            corr = sum(rho * (m - m0) / rk for rho, m, rk in zip(rhos[:-1], history[-2:-1], rks))
            x = sigmas[i] / sigmas[i - 1] * x_last - torch.expm1(-h) * (m0 + corr + rhos[-1] * (denoised - m0))
        history = (history + [denoised])[-2:]
        order = min(2, n - i, len(history))  # first order on the first and the last step
        x_last, order_last = x, order
        h = lam[i + 1] - lam[i]  # predictor (UniP): DPM++ 2M with ρ = 1/2
        d = denoised
        if order == 2:
            r = (lam[i - 1] - lam[i]) / h
            d = denoised + 0.5 * (history[0] - denoised) / r
        x = sigmas[i + 1] / sigmas[i] * x - torch.expm1(-h) * d
        x = _report(callback, x, denoised, i, sigmas[i])
    return x


_ADAMS_BASHFORTH = {1: [1.0], 2: [3 / 2, -1 / 2], 3: [23 / 12, -16 / 12, 5 / 12],
                    4: [55 / 24, -59 / 24, 37 / 24, -9 / 24]}


@torch.no_grad()
def sample_plms(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
    """PLMS (Liu et al. 2022, PNDM without its Runge-Kutta warm-up): x ← x + (σ_{i+1} - σ_i) Σ_j b_j d_{i-j},
    Adams-Bashforth weights b (equal steps assumed) on up to 4 past slopes d = ε̂; a Heun step first."""
    _check(x, sigmas)
    ds = []  # newest first
    for i in range(len(sigmas) - 1):
        s, s_next = sigmas[i], sigmas[i + 1]
        denoised = denoiser(x, s, **(extra_args or {}))
        ds = [(x - denoised) / s] + ds[:3]
        if i == 0 and len(sigmas) > 2:  # no history yet: average the slopes at both ends (Heun); not for 1 step
            x_pred = x + ds[0] * (s_next - s)
            d = (ds[0] + (x_pred - denoiser(x_pred, s_next, **(extra_args or {}))) / s_next) / 2
        else:
            d = sum(b * d_j for b, d_j in zip(_ADAMS_BASHFORTH[len(ds)], ds))
        x = x + d * (s_next - s)
        x = _report(callback, x, denoised, i, s)
    return x


@torch.no_grad()
def sample_ddim(denoiser, x, sigmas, generator=None, callback=None, extra_args=None, eta=0.0):
    """DDIM(η): Euler ancestral with σ_up scaled by η (DDIM's σ_t, rewritten with ᾱ = 1/(1+σ²));
    x ← x + (x - D)/σ_i (σ_down - σ_i) + σ_up z, σ_up = η σ_{i+1} √(1 - σ_{i+1}²/σ_i²), σ_down² = σ_{i+1}² - σ_up²."""
    _check(x, sigmas)
    if not eta >= 0:
        raise ValueError(f"eta={eta} must be >= 0 (0: deterministic DDIM, 1: DDPM's posterior noise).")
    for i in range(len(sigmas) - 1):
        s, s_next = sigmas[i], sigmas[i + 1]
        denoised = denoiser(x, s, **(extra_args or {}))
        sigma_up = eta * (s_next ** 2 * (s ** 2 - s_next ** 2) / s ** 2) ** 0.5
        sigma_down = (s_next ** 2 - sigma_up ** 2) ** 0.5
        x = x + (x - denoised) / s * (sigma_down - s)
        if eta > 0:
            x = x + _noise(x, generator) * sigma_up
        x = _report(callback, x, denoised, i, s)
    return x


def sample_ddpm(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
    """DDPM (ancestral, posterior variance β̃_t): the same step as DDIM with η = 1."""
    return sample_ddim(denoiser, x, sigmas, generator, callback, extra_args, eta=1.0)


@dataclass(frozen=True)
class SamplerInfo:
    fn: Callable
    schedule: str                # "default": σ at the spaced timesteps; "karras": karras_sigmas
    a1111: str | None            # the name in AUTOMATIC1111's sampler menu
    k_diffusion: str | None      # function in k_diffusion.sampling
    diffusers: str               # scheduler class
    diffusers_options: dict = field(default_factory=dict)


_DPM = {"algorithm_type": "dpmsolver++", "solver_order": 2}
SAMPLERS: dict[str, SamplerInfo] = {
    "ddpm": SamplerInfo(sample_ddpm, "default", None, None, "DDPMScheduler"),
    "ddim": SamplerInfo(sample_ddim, "default", "DDIM", None, "DDIMScheduler"),
    "euler": SamplerInfo(sample_euler, "default", "Euler", "sample_euler", "EulerDiscreteScheduler"),
    "euler_a": SamplerInfo(sample_euler_ancestral, "default", "Euler a", "sample_euler_ancestral",
                           "EulerAncestralDiscreteScheduler"),
    "heun": SamplerInfo(sample_heun, "default", "Heun", "sample_heun", "HeunDiscreteScheduler"),
    "lms": SamplerInfo(sample_lms, "default", "LMS", "sample_lms", "LMSDiscreteScheduler"),
    "dpmpp_2m": SamplerInfo(sample_dpmpp_2m, "default", "DPM++ 2M", "sample_dpmpp_2m",
                            "DPMSolverMultistepScheduler", _DPM),
    "dpmpp_2m_karras": SamplerInfo(sample_dpmpp_2m, "karras", "DPM++ 2M Karras", "sample_dpmpp_2m",
                                   "DPMSolverMultistepScheduler", {**_DPM, "use_karras_sigmas": True}),
    "plms": SamplerInfo(sample_plms, "default", "PLMS", None, "PNDMScheduler", {"skip_prk_steps": True}),
    "unipc": SamplerInfo(sample_unipc, "default", "UniPC", None, "UniPCMultistepScheduler",
                         {"solver_type": "bh2", "solver_order": 2}),
    # its Brownian tree takes generator.initial_seed(): text_to_image(seed=N) = diffusers with noise_sampler_seed=N
    # (without that option diffusers seeds the tree from torch's global RNG: its runs differ unless torch.manual_seed)
    "dpmpp_sde_karras": SamplerInfo(sample_dpmpp_sde, "karras", "DPM++ SDE Karras", "sample_dpmpp_sde",
                                    "DPMSolverSDEScheduler", {"use_karras_sigmas": True}),
}


def get_sampler(name) -> SamplerInfo:
    """Look a sampler up by our key ("euler_a") or its A1111 name ("Euler a"), case-insensitively.
    A ``SamplerInfo`` is returned as it is: ``dataclasses.replace(SAMPLERS["euler"], fn=my_euler)`` runs
    your own step function on Euler's schedule."""
    if isinstance(name, SamplerInfo):
        return name
    wanted = str(name).strip().lower()
    for key, info in SAMPLERS.items():
        if wanted == key or (info.a1111 is not None and wanted == info.a1111.lower()):
            return info
    known = [k for k in SAMPLERS] + [i.a1111 for i in SAMPLERS.values() if i.a1111]
    raise ValueError(f"unknown sampler {name!r}; known names: {', '.join(known)}.")
