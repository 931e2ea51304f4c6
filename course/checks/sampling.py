"""Checks for notebook 05: noising and the training objective (the samplers' checks: course.checks.sampler_steps).

Each check compares values with the formulas of course.sampling.schedules; when a value is wrong it also tries the
mistakes learners make (the VP form instead of the VE form, a missing square root, ᾱ at t − 1, x_0 as the target,
...) and, when one reproduces the learner's value, says it first, in a sentence, above the numeric report:

    ✗ ddpm_loss: it looks like you took ᾱ at t − 1: the paper counts t from 1 to T, ...
      1 of 4 inputs match; first mismatch:
        input:       ddpm_loss(model (a conv ε-model), x0 (4, 4, 6, 4), t tensor([0, 3, 6, 9]), ...)
        ...
      hint: look up ᾱ at each sample's own t, ...

The inputs are chosen so that the mistakes show: a coarse 10-step schedule where ᾱ_t and ᾱ_{t-1} differ by a lot,
ε-models whose output depends strongly on t, a batch whose size equals the last dimension (a σ that was not
reshaped per sample then broadcasts silently over the wrong axis, and the check can say so).
"""
from __future__ import annotations

from typing import Callable

import torch
import torch.nn.functional as F
from torch import nn

from course.checks import progress
from course.checks.core import CheckResult, Labelled, describe_error, named, randn, unlabel, verdict
from course.checks.sampler_steps import check_sample_ddim, check_sample_euler
from course.checks.samplers import AC, _first_slip, check_sampler  # noqa: F401  (_first_slip: kept importable here)
from course.checks.slips import bare, compare_with_slips, unrecorded
from course.sampling import schedules

__all__ = ["check_sigma_from_alpha_bar", "check_add_noise", "check_ddpm_loss", "check_sampler", "check_sample_euler",
           "check_sample_ddim"]  # check_sampler comes from course.checks.samplers

AC_LINEAR = schedules.alphas_cumprod(schedules.betas(1000, 1e-4, 0.02, "linear"))  # DDPM's
# a coarse schedule of 10 steps: ᾱ_t and ᾱ_{t-1} differ by a lot, so an index off by one changes the loss clearly
AC_COARSE = torch.tensor([0.98, 0.9, 0.75, 0.55, 0.36, 0.2, 0.1, 0.045, 0.02, 0.008])

SIGMA_TIERS = (
    "take the VP form of a noised latent, the square root of ᾱ times x₀ plus the square root of 1 − ᾱ times ε, and "
    "divide all of it by the square root of ᾱ: the factor left on ε is σ.",
    "σ is the square root of the ratio of 1 − ᾱ to ᾱ, elementwise on the whole tensor; the square root covers the "
    "whole ratio, numerator and denominator both.",
    "test it on one value: ᾱ of one half gives σ of exactly 1, and ᾱ close to 1 gives a σ close to 0.",
)
ADD_NOISE_TIERS = (
    "the VE form adds the noise, scaled by σ, to the clean latent, and leaves the clean latent as it is: no square "
    "root of ᾱ anywhere.",
    "when sigma is a tensor with one value per sample, give it trailing singleton dimensions, one for each "
    "dimension of x0 after the batch, so that each sample is scaled by its own σ.",
    "turn sigma into a tensor of x0's dtype first; a float, a 0-d tensor and a tensor of one σ per sample must all "
    "work, and only the last one needs the new dimensions.",
)
DDPM_TIERS = (
    "look up ᾱ at each sample's own t, noise x0 in the VP form, the form the UNet sees, and compare the model's "
    "prediction at that noised latent and t with the noise you added.",
    "index alphas_cumprod with t itself, since t counts from 0 here, not from 1 as in the paper, and give the result "
    "one singleton dimension for each dimension of x0 after the batch; the noised latent is the square root of ᾱ times "
    "x0 plus the square root of 1 − ᾱ times the noise.",
    "the loss is the mean squared error over every value of the batch: the mean, not the sum, with the noise as the "
    "target, not x0. Keep it a tensor that gradients flow through: no item, no detach, no no_grad.",
)
progress.register("sigma_from_alpha_bar", "05_sampling", "§1", *SIGMA_TIERS)
progress.register("add_noise", "05_sampling", "§1", *ADD_NOISE_TIERS)
progress.register("ddpm_loss", "05_sampling", "§2", *DDPM_TIERS)

# kept for other notebooks' checks written on the model of these (same signature as before)
_compare_with_slips = compare_with_slips


# ---- σ and ᾱ, noising --------------------------------------------------------------------------

SIGMA_SLIPS = [
    ("you wrote √(1 − ᾱ): that is the noise's factor in the VP form x_t = √ᾱ x_0 + √(1 − ᾱ) ε; σ is that divided "
     "by √ᾱ.", lambda a: (1 - a) ** 0.5),
    ("you left out the square root: (1 − ᾱ)/ᾱ is σ², the noise's variance; σ is its square root.",
     lambda a: (1 - a) / a),
    ("you wrote √(ᾱ/(1 − ᾱ)), the square root of the signal-to-noise ratio: σ is its inverse, √((1 − ᾱ)/ᾱ).",
     lambda a: (a / (1 - a)) ** 0.5),
    ("the square root covers only the numerator: √(1 − ᾱ)/ᾱ. Divide by √ᾱ, not by ᾱ: σ = √((1 − ᾱ)/ᾱ).",
     lambda a: (1 - a) ** 0.5 / a),
    ("you wrote √(1/ᾱ), the factor that takes x_t back to the VE form; σ is √(1/ᾱ − 1), the 1 subtracted inside "
     "the root.", lambda a: (1 / a) ** 0.5),
]


def check_sigma_from_alpha_bar(fn: Callable[[torch.Tensor], torch.Tensor]) -> CheckResult:
    """``fn(alpha_bar)`` = √((1 - ᾱ) / ᾱ), elementwise."""
    inputs = [(named("alphas_cumprod (SD 1.5)", AC),), (named("alphas_cumprod (DDPM, linear betas)", AC_LINEAR),),
              (Labelled(torch.tensor([0.5, 0.9999, 1e-4, 0.2]), "tensor([0.5, 0.9999, 1e-4, 0.2])"),)]
    return compare_with_slips(fn, schedules.sigmas_from_alphas_cumprod, inputs, SIGMA_SLIPS,
                              name="sigma_from_alpha_bar", hint=SIGMA_TIERS[0])


def _per_sample(sigma, x0: torch.Tensor) -> torch.Tensor:
    """σ as a float, a 0-d tensor or one per sample (B,), shaped to broadcast against x0 (B, ...)."""
    sigma = torch.as_tensor(sigma, dtype=x0.dtype)
    return sigma.reshape(-1, *[1] * (x0.ndim - 1)) if sigma.ndim == 1 else sigma


def _add_noise_reference(x0: torch.Tensor, noise: torch.Tensor, sigma) -> torch.Tensor:
    return x0 + _per_sample(sigma, x0) * noise


def _vp(x0, noise, sigma):
    s = _per_sample(sigma, x0)
    return (x0 + s * noise) / (s ** 2 + 1) ** 0.5


NOT_PER_SAMPLE = ("a σ per sample, shape (B,), was not reshaped: it lines up with the last axis of x0 (B, C, h, w), "
                  "not with the batch. Give it trailing singleton dimensions, (B, 1, 1, 1), so each sample gets its "
                  "own σ.")
ADD_NOISE_SLIPS = [
    ("you wrote the VP form √ᾱ x_0 + √(1 − ᾱ) ε (that is (x_0 + σ ε)/√(σ² + 1)): that is what the UNet sees; "
     "here we want the VE form x_0 + σ ε.", _vp),
    ("you multiplied the noise by σ² instead of σ: σ is the noise's standard deviation, σ² its variance.",
     lambda x0, noise, sigma: x0 + _per_sample(sigma, x0) ** 2 * noise),
    ("you multiplied the noise by √σ: σ is already the standard deviation, use it as it is.",
     lambda x0, noise, sigma: x0 + _per_sample(sigma, x0) ** 0.5 * noise),
    ("you swapped x0 and noise: it is the noise that gets multiplied by σ.",
     lambda x0, noise, sigma: noise + _per_sample(sigma, x0) * x0),
    (NOT_PER_SAMPLE, lambda x0, noise, sigma: x0 + torch.as_tensor(sigma, dtype=x0.dtype) * noise),
]
BROADCAST_ERRORS = [("must match the size of tensor", NOT_PER_SAMPLE)]


def check_add_noise(fn: Callable) -> CheckResult:
    """``fn(x0, noise, sigma)`` = x0 + σ · noise; σ is a float, a 0-d tensor, or one per sample (B,)."""
    inputs = [
        (named("x0", randn(2, 4, 8, 8, seed=1)), named("noise", randn(2, 4, 8, 8, seed=2)), 3.5),
        (named("x0", randn(1, 3, 16, 16, seed=3).clamp(-1, 1)), named("noise", randn(1, 3, 16, 16, seed=4)),
         Labelled(torch.tensor(0.8), "tensor(0.8)")),
        (named("x0", randn(3, 4, 4, 5, seed=5)), named("noise", randn(3, 4, 4, 5, seed=6)),
         Labelled(torch.tensor([0.03, 1.0, 14.6]), "sigma tensor([0.03, 1.0, 14.6]) (one per sample)")),
        (named("x0", randn(4, 2, 3, 4, seed=9)), named("noise", randn(4, 2, 3, 4, seed=10)),
         Labelled(torch.tensor([0.1, 0.5, 2.0, 8.0]), "sigma tensor([0.1, 0.5, 2.0, 8.0]) (one per sample)")),
        (named("x0", randn(5, 2, seed=7)), named("noise", randn(5, 2, seed=8)),
         Labelled(torch.tensor([0.1, 0.5, 1.0, 2.0, 8.0]), "sigma tensor([0.1, 0.5, 1.0, 2.0, 8.0]) (one per sample)")),
    ]
    return compare_with_slips(fn, _add_noise_reference, inputs, ADD_NOISE_SLIPS, name="add_noise",
                              hint=ADD_NOISE_TIERS[0], errors=BROADCAST_ERRORS)


# ---- the DDPM loss ---------------------------------------------------------------------------------

def _time_features(t: torch.Tensor) -> torch.Tensor:
    """(B, 6) sines and cosines of t at three frequencies: t and t ± 1 give clearly different features."""
    t = t.float().reshape(-1, 1)
    angles = t * torch.tensor([1.0, 0.1, 0.01])
    return torch.cat([angles.sin(), angles.cos()], dim=1)


class _TinyEpsImage(nn.Module):
    """A stand-in ε-model for (B, 4, h, w) latents: one conv, plus a shift that depends on t."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 4, 3, padding=1)
        self.time = nn.Linear(6, 4)

    def forward(self, x_t: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        shift = self.time(_time_features(t))  # (B, 4)
        return self.conv(x_t) + shift[:, :, None, None]


class _TinyEpsPoints(nn.Module):
    """A stand-in ε-model for (B, 2) points: a small MLP on [x, features of t]."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.SiLU(), nn.Linear(16, 2))

    def forward(self, x_t: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([x_t, _time_features(t)], dim=1))


def _seeded(cls: type, seed: int) -> nn.Module:
    with torch.random.fork_rng(devices=[]):  # the learner's random state stays as it was
        torch.manual_seed(seed)
        return cls()


def _ab(ac: torch.Tensor, t: torch.Tensor, x0: torch.Tensor) -> torch.Tensor:
    """ᾱ_t per sample, (B, 1, ...) to broadcast against x0."""
    return ac[t].reshape(-1, *[1] * (x0.ndim - 1))


def _x_t(x0, t, noise, ac, vp=True, roots=True):
    a = _ab(ac, t, x0)
    if not vp:
        return x0 + ((1 - a) / a) ** 0.5 * noise
    return a ** 0.5 * x0 + (1 - a) ** 0.5 * noise if roots else a * x0 + (1 - a) * noise


def _ddpm_loss_reference(model, x0, t, noise, alphas_cumprod):
    return F.mse_loss(model(_x_t(x0, t, noise, alphas_cumprod), t), noise)


def _with_a(a: torch.Tensor, model, x0, t, noise):
    """The right loss, but with ᾱ given: the slips that look ᾱ up in the wrong place."""
    return F.mse_loss(model(a ** 0.5 * x0 + (1 - a) ** 0.5 * noise, t), noise)


DDPM_SLIPS = [
    ("you took ᾱ at t − 1 (the paper counts t from 1 to T; here t runs from 0 to T − 1, so t = 0 wrapped around to "
     "the last ᾱ): index alphas_cumprod with t itself.",
     lambda m, x0, t, n, ac: _with_a(_ab(ac, t - 1, x0), m, x0, t, n)),
    ("you took ᾱ at t − 1 (the paper counts t from 1 to T; here t runs from 0 to T − 1): index alphas_cumprod with "
     "t itself, no shift and no clamping.",
     lambda m, x0, t, n, ac: _with_a(_ab(ac, (t - 1).clamp(min=0), x0), m, x0, t, n)),
    ("you took ᾱ at t + 1: ᾱ_t is alphas_cumprod at t itself.",
     lambda m, x0, t, n, ac: _with_a(_ab(ac, (t + 1).clamp(max=len(ac) - 1), x0), m, x0, t, n)),
    ("the model got t − 1: give it the t that x_t was noised to.",
     lambda m, x0, t, n, ac: F.mse_loss(m(_x_t(x0, t, n, ac), t - 1), n)),
    ("the target is x0: the model predicts the noise ε, so compare its output with noise.",
     lambda m, x0, t, n, ac: F.mse_loss(m(_x_t(x0, t, n, ac), t), x0)),
    ("the model got x0 + σ ε (the VE form); the UNet is trained on x_t = √ᾱ_t x0 + √(1 − ᾱ_t) ε.",
     lambda m, x0, t, n, ac: F.mse_loss(m(_x_t(x0, t, n, ac, vp=False), t), n)),
    ("the square roots are missing: x_t = √ᾱ_t · x0 + √(1 − ᾱ_t) · ε (they make the variance 1).",
     lambda m, x0, t, n, ac: F.mse_loss(m(_x_t(x0, t, n, ac, roots=False), t), n)),
    ("the two factors are swapped: the signal x0 gets √ᾱ_t and the noise gets √(1 − ᾱ_t) (at small t, x_t is nearly "
     "x0).", lambda m, x0, t, n, ac: _with_a(1 - _ab(ac, t, x0), m, x0, t, n)),
    ("the model got the clean x0 instead of the noised x_t.", lambda m, x0, t, n, ac: F.mse_loss(m(x0, t), n)),
    ("you summed the squared errors; take their mean over every value (as F.mse_loss does).",
     lambda m, x0, t, n, ac: ((m(_x_t(x0, t, n, ac), t) - n) ** 2).sum()),
    ("you summed each sample's squared errors and averaged over the batch; the loss is the mean over every value.",
     lambda m, x0, t, n, ac: ((m(_x_t(x0, t, n, ac), t) - n) ** 2).flatten(1).sum(dim=1).mean()),
    ("you took the mean absolute error; the simple loss squares the errors (mean squared error).",
     lambda m, x0, t, n, ac: F.l1_loss(m(_x_t(x0, t, n, ac), t), n)),
    ("ᾱ_t was spread over the last axis of x0, not over the batch: the ᾱ's looked up for the batch, shape (B,), need "
     "trailing singleton dimensions, (B, 1, 1, 1), before they multiply x0 and the noise.",
     lambda m, x0, t, n, ac: _with_a(ac[t], m, x0, t, n)),
]
DDPM_ERRORS = [("must match the size of tensor",
                "ᾱ_t, one per sample (B,), did not broadcast against x0 (B, C, h, w): it lines up with the last axis. "
                "Give it trailing singleton dimensions, (B, 1, 1, 1) or (B, 1) for points, as in add_noise.")]


def _ddpm_inputs() -> list[tuple]:
    image_model = Labelled(_seeded(_TinyEpsImage, 0), "model (a conv ε-model)")
    point_model = Labelled(_seeded(_TinyEpsPoints, 1), "model (an MLP ε-model on 2-d points)")
    coarse = named("alphas_cumprod (10 coarse steps)", AC_COARSE)

    def t(*values):
        return Labelled(torch.tensor(values), f"t tensor({list(values)})")

    return [
        (image_model, named("x0", randn(4, 4, 6, 4, seed=11)), t(0, 3, 6, 9),
         named("noise", randn(4, 4, 6, 4, seed=12)), coarse),
        (point_model, named("x0", randn(6, 2, seed=13)), t(1, 2, 4, 5, 7, 8), named("noise", randn(6, 2, seed=14)),
         coarse),
        (image_model, named("x0", randn(4, 4, 8, 8, seed=15)), t(0, 250, 500, 999),
         named("noise", randn(4, 4, 8, 8, seed=16)), named("alphas_cumprod (SD 1.5)", AC)),
        (image_model, named("x0", randn(2, 4, 4, 4, seed=17)), t(999, 10), named("noise", randn(2, 4, 4, 4, seed=18)),
         named("alphas_cumprod (DDPM)", AC_LINEAR)),
    ]


def check_ddpm_loss(fn: Callable) -> CheckResult:
    """``fn(model, x0, t, noise, alphas_cumprod)`` = mean ‖ε - model(√ᾱ_t x0 + √(1-ᾱ_t) ε, t)‖², a 0-d tensor
    that gradients flow through."""
    inputs = _ddpm_inputs()
    with unrecorded():
        result = compare_with_slips(fn, _ddpm_loss_reference, inputs, DDPM_SLIPS, name="ddpm_loss", hint=DDPM_TIERS[0],
                                    atol=1e-6, rtol=1e-4, errors=DDPM_ERRORS)
    if not result:
        return verdict(False, bare(result.message))
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
    return verdict(True, bare(result.message) + "\n  Gradients reach every weight of the model: it can train on this "
                                                "loss.")
