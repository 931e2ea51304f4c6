"""Checks for notebook 05: noising, the training objective, and samplers.

Function checks (σ from ᾱ, ``add_noise``, the DDPM loss) compare values with the formulas of
course.sampling.schedules; when a value is wrong they also try the usual slips (the VP form instead of the VE
form, a missing square root, x_0 as the target, ...) and name the one that matches.

Sampler checks run the learner's sampler and the reference (course.sampling.samplers) on the same fixed denoiser,
σ schedule, starting x and generator, record every step through the callback, and report the first step
whose ``denoised`` or ``x`` differs, with σ_i → σ_{i+1} and max |Δ|:

    ✗ sample_euler: case 1 of 5 (SD 1.5's σ's, 10 steps, x (2, 4, 8, 8)): step 0 of 10 (σ 8.391 → 5.134) is the
    first that differs.
        x after the step: 512 of 512 values differ; max |Δ| = 7.43 at index (1, 1, 2, 1): expected 21.2617, got ...
      it looks like you divided by σ_{i+1} instead of σ_i: the slope d = (x - denoised)/σ_i is taken where x is now.
      hint: for each i: denoised = denoiser(x, sigmas[i], **(extra_args or {})); d = (x - denoised) / sigmas[i]; ...
"""
from __future__ import annotations

import contextlib
import functools
import io
from typing import Callable, Sequence

import torch
import torch.nn.functional as F
from torch import nn

from course.checks.core import (
    CheckResult,
    Labelled,
    compare,
    describe_error,
    first_difference,
    named,
    randn,
    unlabel,
    verdict,
)
from course.checks.samplers import AC, _first_slip, check_sampler
from course.sampling import samplers as ref
from course.sampling import schedules

__all__ = ["check_sigma_from_alpha_bar", "check_add_noise", "check_ddpm_loss", "check_sampler", "check_sample_euler",
           "check_sample_ddim"]  # check_sampler comes from course.checks.samplers

AC_LINEAR = schedules.alphas_cumprod(schedules.betas(1000, 1e-4, 0.02, "linear"))  # DDPM's


def _compare_with_slips(fn: Callable, reference: Callable, inputs: list[tuple], slips: Sequence[tuple[str, Callable]],
                        *, name: str, hint: str, atol: float = 1e-5, rtol: float = 1e-4) -> CheckResult:
    """``compare``, and when a value is wrong, name the slip that gives the learner's value on the first bad input."""
    with contextlib.redirect_stdout(io.StringIO()):  # one verdict in the end
        result = compare(fn, reference, inputs, name=name, hint=hint, atol=atol, rtol=rtol)
    if result or "not written yet" in result.message:
        return verdict(result.passed, result.message)
    for args in inputs:
        values = [unlabel(arg) for arg in args]
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                got = fn(*values)
        except Exception:  # the verdict explains errors already
            continue
        if first_difference(reference(*values), got, atol, rtol) is None:
            continue
        words = _first_slip(got, tuple(values), slips, atol, rtol)
        if words:
            return verdict(False, result.message.replace("\n  hint:", f"\n  it looks like {words}\n  hint:", 1))
        break
    return verdict(False, result.message)


# ---- σ and ᾱ, noising --------------------------------------------------------------------------

def check_sigma_from_alpha_bar(fn: Callable[[torch.Tensor], torch.Tensor]) -> CheckResult:
    """``fn(alpha_bar)`` = √((1 - ᾱ) / ᾱ), elementwise."""
    inputs = [(named("alphas_cumprod (SD 1.5)", AC),), (named("alphas_cumprod (DDPM, linear betas)", AC_LINEAR),),
              (Labelled(torch.tensor([0.5, 0.9999, 1e-4, 0.2]), "tensor([0.5, 0.9999, 1e-4, 0.2])"),)]
    slips = [("you wrote √(1 - ᾱ): that is the noise's factor in the VP form x_t = √ᾱ x_0 + √(1 - ᾱ) ε; "
              "σ is that divided by √ᾱ.", lambda a: (1 - a) ** 0.5),
             ("you left out the square root.", lambda a: (1 - a) / a),
             ("you wrote √(ᾱ / (1 - ᾱ)), the square root of the signal-to-noise ratio: σ is its inverse.",
              lambda a: (a / (1 - a)) ** 0.5)]
    return _compare_with_slips(fn, schedules.sigmas_from_alphas_cumprod, inputs, slips, name="sigma_from_alpha_bar",
                               hint="divide x_t = √ᾱ x_0 + √(1 - ᾱ) ε by √ᾱ: x_0 + √((1 - ᾱ)/ᾱ) ε, so "
                                    "σ = ((1 - alpha_bar) / alpha_bar) ** 0.5.")


def _per_sample(sigma, x0: torch.Tensor) -> torch.Tensor:
    """σ as a float, a 0-d tensor or one per sample (B,), shaped to broadcast against x0 (B, ...)."""
    sigma = torch.as_tensor(sigma, dtype=x0.dtype)
    return sigma.reshape(-1, *[1] * (x0.ndim - 1)) if sigma.ndim == 1 else sigma


def _add_noise_reference(x0: torch.Tensor, noise: torch.Tensor, sigma) -> torch.Tensor:
    return x0 + _per_sample(sigma, x0) * noise


def check_add_noise(fn: Callable) -> CheckResult:
    """``fn(x0, noise, sigma)`` = x0 + σ · noise; σ is a float, a 0-d tensor, or one per sample (B,)."""
    inputs = [
        (named("x0", randn(2, 4, 8, 8, seed=1)), named("noise", randn(2, 4, 8, 8, seed=2)), 3.5),
        (named("x0", randn(1, 3, 16, 16, seed=3).clamp(-1, 1)), named("noise", randn(1, 3, 16, 16, seed=4)),
         Labelled(torch.tensor(0.8), "tensor(0.8)")),
        (named("x0", randn(3, 4, 4, 4, seed=5)), named("noise", randn(3, 4, 4, 4, seed=6)),
         Labelled(torch.tensor([0.03, 1.0, 14.6]), "sigma tensor([0.03, 1.0, 14.6]) (one per sample)")),
        (named("x0", randn(5, 2, seed=7)), named("noise", randn(5, 2, seed=8)),
         Labelled(torch.tensor([0.1, 0.5, 1.0, 2.0, 8.0]), "sigma tensor([0.1, 0.5, 1.0, 2.0, 8.0]) (one per sample)")),
    ]

    def vp(x0, noise, sigma):
        s = _per_sample(sigma, x0)
        return (x0 + s * noise) / (s ** 2 + 1) ** 0.5

    slips = [("you wrote the VP form √ᾱ x_0 + √(1 - ᾱ) ε (= (x_0 + σ ε)/√(σ² + 1)): that is what the UNet sees; "
              "here we want the VE form x_0 + σ ε.", vp),
             ("you multiplied the noise by σ² instead of σ.",
              lambda x0, noise, sigma: x0 + _per_sample(sigma, x0) ** 2 * noise),
             ("you swapped x0 and noise: it is the noise that gets multiplied by σ.",
              lambda x0, noise, sigma: noise + _per_sample(sigma, x0) * x0)]
    return _compare_with_slips(fn, _add_noise_reference, inputs, slips, name="add_noise",
                               hint="return x0 + sigma * noise. When sigma is a tensor with one value per sample, "
                                    "shape (B,), reshape it so it broadcasts over the other dimensions: "
                                    "sigma.reshape(-1, *[1] * (x0.ndim - 1)).")


# ---- the DDPM loss ---------------------------------------------------------------------------------

class _TinyEpsImage(nn.Module):
    """A stand-in ε-model for (B, 4, h, w) latents: one conv, plus a shift that depends on t."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 4, 3, padding=1)
        self.time = nn.Linear(1, 4)

    def forward(self, x_t: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        shift = self.time(t.float().reshape(-1, 1) / 1000)  # (B, 4)
        return self.conv(x_t) + shift[:, :, None, None]


class _TinyEpsPoints(nn.Module):
    """A stand-in ε-model for (B, 2) points: a small MLP on [x, t/1000]."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, 16), nn.SiLU(), nn.Linear(16, 2))

    def forward(self, x_t: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([x_t, t.float().reshape(-1, 1) / 1000], dim=1))


def _seeded(cls: type, seed: int) -> nn.Module:
    with torch.random.fork_rng(devices=[]):  # the learner's random state stays as it was
        torch.manual_seed(seed)
        return cls()


def _x_t(x0, t, noise, ac, vp=True, roots=True):
    a = ac[t].reshape(-1, *[1] * (x0.ndim - 1))
    if not vp:
        return x0 + ((1 - a) / a) ** 0.5 * noise
    return a ** 0.5 * x0 + (1 - a) ** 0.5 * noise if roots else a * x0 + (1 - a) * noise


def _ddpm_loss_reference(model, x0, t, noise, alphas_cumprod):
    return F.mse_loss(model(_x_t(x0, t, noise, alphas_cumprod), t), noise)


def check_ddpm_loss(fn: Callable) -> CheckResult:
    """``fn(model, x0, t, noise, alphas_cumprod)`` = mean ‖ε - model(√ᾱ_t x0 + √(1-ᾱ_t) ε, t)‖², a 0-d tensor
    that gradients flow through."""
    image_model = Labelled(_seeded(_TinyEpsImage, 0), "model (a conv ε-model)")
    point_model = Labelled(_seeded(_TinyEpsPoints, 1), "model (an MLP ε-model on 2-d points)")
    sd, linear = named("alphas_cumprod (SD 1.5)", AC), named("alphas_cumprod (DDPM)", AC_LINEAR)
    inputs = [
        (image_model, named("x0", randn(4, 4, 8, 8, seed=11)), Labelled(torch.tensor([0, 250, 500, 999]),
         "t tensor([0, 250, 500, 999])"), named("noise", randn(4, 4, 8, 8, seed=12)), sd),
        (point_model, named("x0", randn(6, 2, seed=13)), Labelled(torch.tensor([5, 50, 200, 400, 800, 990]),
         "t tensor([5, 50, 200, 400, 800, 990])"), named("noise", randn(6, 2, seed=14)), sd),
        (image_model, named("x0", randn(2, 4, 4, 4, seed=15)), Labelled(torch.tensor([999, 10]), "t tensor([999, 10])"),
         named("noise", randn(2, 4, 4, 4, seed=16)), linear),
    ]
    slips = [
        ("the target is x0: the model predicts the noise ε, so compare its output with noise.",
         lambda m, x0, t, n, ac: F.mse_loss(m(_x_t(x0, t, n, ac), t), x0)),
        ("the model got x0 + σ ε (the VE form); the UNet is trained on x_t = √ᾱ_t x0 + √(1 - ᾱ_t) ε.",
         lambda m, x0, t, n, ac: F.mse_loss(m(_x_t(x0, t, n, ac, vp=False), t), n)),
        ("the square roots are missing: x_t = √ᾱ_t · x0 + √(1 - ᾱ_t) · ε (they make the variance 1).",
         lambda m, x0, t, n, ac: F.mse_loss(m(_x_t(x0, t, n, ac, roots=False), t), n)),
        ("the model got the clean x0 instead of the noised x_t.", lambda m, x0, t, n, ac: F.mse_loss(m(x0, t), n)),
        ("you summed the squared errors; take their mean (F.mse_loss does).",
         lambda m, x0, t, n, ac: ((m(_x_t(x0, t, n, ac), t) - n) ** 2).sum()),
    ]
    hint = ("a = alphas_cumprod[t], reshaped to (B, 1, 1, 1) (or (B, 1) for points: "
            "a.reshape(-1, *[1] * (x0.ndim - 1))); x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise; "
            "return F.mse_loss(model(x_t, t), noise).")
    with contextlib.redirect_stdout(io.StringIO()):
        result = _compare_with_slips(fn, _ddpm_loss_reference, inputs, slips, name="ddpm_loss", hint=hint, rtol=1e-4,
                                     atol=1e-6)
    if not result:
        return verdict(False, result.message)
    model, x0, t, noise, ac = (unlabel(arg) for arg in inputs[1])
    model.zero_grad()
    try:
        loss = fn(model, x0, t, noise, ac)
        if loss.requires_grad:
            loss.backward()
    except Exception as error:
        return verdict(False, f"✗ ddpm_loss: the values are right, but backpropagating through the loss raised\n"
                              f"    {describe_error(error)}")
    grads = [p.grad for p in model.parameters()]
    model.zero_grad()
    if not loss.requires_grad or any(g is None for g in grads):
        return verdict(False, "✗ ddpm_loss: the values are right, but no gradient reaches the model's weights, so "
                              "training could not learn from it. Don't use torch.no_grad(), .detach(), .item() or "
                              "numpy inside ddpm_loss.")
    return verdict(True, result.message + "\n  Gradients reach every weight of the model: it can train on this loss.")


EULER_SLIPS = [
    ("you divided by σ_{i+1} instead of σ_i: the slope d = (x - denoised)/σ_i is taken where x is now.",
     lambda x, d, s, s_next: x + (x - d) / s_next * (s_next - s)),
    ("the step goes the wrong way: dt = σ_{i+1} - σ_i is negative (σ goes down).",
     lambda x, d, s, s_next: x + (x - d) / s * (s - s_next)),
    ("you forgot to divide x - denoised by σ_i.", lambda x, d, s, s_next: x + (x - d) * (s_next - s)),
    ("x did not change in this step: did you assign the new x before calling the callback?",
     lambda x, d, s, s_next: x),
    ("the new x is denoised itself: that is where the step lands at σ = 0, not at σ_{i+1}.",
     lambda x, d, s, s_next: d),
]

EULER_HINT = ("for each i: denoised = denoiser(x, sigmas[i], **(extra_args or {})); d = (x - denoised) / sigmas[i]; "
              "x = x + d * (sigmas[i + 1] - sigmas[i]); then callback({'x': x, 'denoised': denoised, 'i': i, "
              "'sigma': sigmas[i]}) if there is one, going on with what it returns when that is a tensor.")


def check_sample_euler(fn: Callable) -> CheckResult:
    """The learner's Euler sampler against course.sampling.samplers.sample_euler, step by step."""
    return check_sampler(fn, ref.sample_euler, name="sample_euler", hint=EULER_HINT, slips=EULER_SLIPS)


def _ddim_slips(eta: float) -> list[tuple[str, Callable]]:
    def vp(x, d, s, s_next):  # the η = 0 step, left in the VP form √ᾱ x_0 + √(1 - ᾱ) ε
        return (d + s_next * (x - d) / s) / (s_next ** 2 + 1) ** 0.5

    slips = [("you stayed in the VP form x_prev = √ᾱ_prev x_0 + √(1 - ᾱ_prev) ε: divide it by √ᾱ_prev (multiply by "
              "√(σ_{i+1}² + 1)) to get back to x = x_0 + σ ε, the form the sampler walks in.", vp),
             ("you took ε̂ = (x - denoised)/σ_{i+1}; the noise prediction belongs to the current σ_i.",
              lambda x, d, s, s_next: d + s_next * (x - d) / s_next)]
    if eta > 0:
        slips.insert(0, (f"η = {eta:g} was ignored: your step is the deterministic η = 0 step, without σ_t's noise.",
                         lambda x, d, s, s_next: d + s_next * (x - d) / s))
    return slips + EULER_SLIPS


def check_sample_ddim(fn: Callable, eta: float = 0.0) -> CheckResult:
    """The learner's DDIM sampler, called with ``eta=eta``, against course.sampling.samplers.sample_ddim, step by step
    (with η > 0 both draw their noise from the same seeded generator)."""
    hint = ("with ᾱ = 1/(1 + σ²) at σ_i (ᾱ_t) and at σ_{i+1} (ᾱ_prev): ε̂ = (x - denoised)/σ_i; σ_t = η "
            "√((1 - ᾱ_prev)/(1 - ᾱ_t)) √(1 - ᾱ_t/ᾱ_prev); x_prev = √ᾱ_prev · denoised + √(1 - ᾱ_prev - σ_t²) · ε̂"
            + (" + σ_t · torch.randn(x.shape, generator=generator, dtype=x.dtype) (one draw per step, only when "
               "eta > 0)" if eta > 0 else "")
            + "; x = x_prev / √ᾱ_prev; then the callback, as in sample_euler.")
    return check_sampler(fn, functools.partial(ref.sample_ddim, eta=eta), name="sample_ddim", hint=hint,
                         slips=_ddim_slips(eta), eta=eta)
