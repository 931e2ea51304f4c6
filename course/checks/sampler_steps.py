"""Checks for notebook 05's samplers, Euler (§3) and DDIM (§4), built on course.checks.samplers.check_sampler.

Both run the learner's sampler and the reference (course.sampling.samplers) on the same fixed denoiser, σ's,
starting x and generator, record every step through the callback, and report the first step whose ``denoised`` or
``x`` differs. Each step is also compared with the usual mistakes (a slip is ``fn(x, denoised, σ_i, σ_{i+1})``, the
x that mistake gives after the step); when one reproduces the learner's x, the verdict says it first:

    ✗ sample_ddim: it looks like you swapped ᾱ_t and ᾱ_prev: ...
      case 1 of 5 (SD 1.5's σ's, 10 steps, x (2, 4, 8, 8)): step 0 of 10 (σ 8.391 → 5.134) is the first that differs.
        x after the step has NaN or inf values.
      hint: convert the two σ's of the step into ᾱ's, ...
"""
from __future__ import annotations

import functools
from typing import Callable

from course.checks import progress
from course.checks.core import CheckResult
from course.checks.samplers import check_sampler
from course.sampling import samplers as ref

__all__ = ["check_sample_euler", "check_sample_ddim", "EULER_SLIPS"]

EULER_TIERS = (
    "at each step ask the denoiser for the clean estimate at the current σ, turn it into a slope, and follow the "
    "slope from σ_i down to σ_{i+1}; then report the step through the callback.",
    "the slope is x minus the denoised estimate, divided by the current σ_i; the step multiplies it by σ_{i+1} − σ_i, "
    "which is negative. Pass the extra arguments on to the denoiser, and treat a missing dict of them as empty.",
    "after the step, call the callback, when there is one, with a dict of the new x, the denoised estimate, the step "
    "index and the current σ; when it returns a tensor, carry on from that tensor. Return x at the end.",
)
DDIM_TIERS = (
    "convert the two σ's of the step into ᾱ's, take the step in the paper's VP form, then divide by the square root "
    "of the new ᾱ to come back to the VE form the sampler walks in.",
    "ᾱ is one over one plus σ squared: ᾱ_t belongs to the current σ_i, the noisier level with the smaller ᾱ, and "
    "ᾱ_prev to σ_{i+1}. The noise estimate is x minus the denoised estimate, divided by σ_i.",
    "with η at zero the new VP latent is the square root of ᾱ_prev times the denoised estimate plus the square root "
    "of 1 − ᾱ_prev times the noise estimate. With η above zero, σ_t takes part of that noise's variance and fresh "
    "noise from the generator, one draw per step, puts it back.",
)
progress.register("sample_euler", "05_sampling", "§3", *EULER_TIERS)
progress.register("sample_ddim", "05_sampling", "§4", *DDIM_TIERS)

EULER_SLIPS = [
    ("you divided by σ_{i+1} instead of σ_i: the slope d = (x − denoised)/σ_i is taken where x is now.",
     lambda x, d, s, s_next: x + (x - d) / s_next * (s_next - s)),
    ("the step goes the wrong way: dt = σ_{i+1} − σ_i is negative (σ goes down), and the slope is x − denoised, not "
     "denoised − x.", lambda x, d, s, s_next: x + (x - d) / s * (s - s_next)),
    ("you forgot to divide x − denoised by σ_i: the slope is (x − denoised)/σ_i.",
     lambda x, d, s, s_next: x + (x - d) * (s_next - s)),
    ("x did not change in this step: did you assign the new x before calling the callback?",
     lambda x, d, s, s_next: x),
    ("the new x is denoised itself: that is where the step lands at σ = 0, not at σ_{i+1}.",
     lambda x, d, s, s_next: d),
]


def check_sample_euler(fn: Callable) -> CheckResult:
    """The learner's Euler sampler against course.sampling.samplers.sample_euler, step by step."""
    return check_sampler(fn, ref.sample_euler, name="sample_euler", hint=EULER_TIERS[0], slips=EULER_SLIPS)


def _ddim_vp(x, d, s, s_next, a_of=lambda s: 1 / (1 + s ** 2), root=True, eps_at=None):
    """The η = 0 DDIM step written as a learner might: ᾱ from ``a_of``, ε̂ at ``eps_at`` (default σ_i), the VP
    x_prev divided by √ᾱ_prev (``root``) or by ᾱ_prev."""
    a_prev = a_of(s_next)
    eps = (x - d) / (s if eps_at is None else eps_at)
    x_prev = a_prev ** 0.5 * d + (1 - a_prev) ** 0.5 * eps
    return x_prev / (a_prev ** 0.5 if root else a_prev)


def _ddim_swapped(x, d, s, s_next, eta=0.0):
    """DDIM with ᾱ_t taken at σ_{i+1} and ᾱ_prev at σ_i: 1 − ᾱ_t/ᾱ_prev < 0, and σ_t its square root, NaN."""
    a, a_prev = 1 / (1 + s_next ** 2), 1 / (1 + s ** 2)
    std = eta * ((1 - a_prev) / (1 - a) * (1 - a / a_prev)) ** 0.5
    eps = (x - d) / s
    return (a_prev ** 0.5 * d + (1 - a_prev - std ** 2) ** 0.5 * eps) / a_prev ** 0.5


SWAPPED = ("you swapped ᾱ_t and ᾱ_prev: ᾱ_t belongs to σ_i, the current (noisier) level, and ᾱ_prev to σ_{i+1}. "
           "Swapped, 1 − ᾱ_t/ᾱ_prev is negative, and σ_t, its square root, is NaN even when η = 0 multiplies it.")


def _ddim_slips(eta: float) -> list[tuple[str, Callable]]:
    slips = [
        ("you stayed in the VP form x_prev = √ᾱ_prev x_0 + √(1 − ᾱ_prev) ε: divide it by √ᾱ_prev (multiply by "
         "√(σ_{i+1}² + 1)) to get back to x = x_0 + σ ε, the form the sampler walks in.",
         lambda x, d, s, s_next: _ddim_vp(x, d, s, s_next) * (1 / (1 + s_next ** 2)) ** 0.5),
        ("you divided x_prev by ᾱ_prev; the way back to the VE form divides by its square root, √ᾱ_prev.",
         functools.partial(_ddim_vp, root=False)),
        (SWAPPED, functools.partial(_ddim_swapped, eta=eta)),
        ("x came out unchanged: the DDIM step returns to x itself when ᾱ_t and ᾱ_prev are swapped, or when ε̂ is "
         "divided by σ_{i+1}; ᾱ_t and ε̂ belong to the current σ_i, ᾱ_prev to σ_{i+1}. (Or the new x was never "
         "assigned before the callback.)", lambda x, d, s, s_next: x),
        ("ᾱ = 1/(1 + σ) is missing the square: ᾱ = 1/(1 + σ²), since σ² = (1 − ᾱ)/ᾱ.",
         functools.partial(_ddim_vp, a_of=lambda s: 1 / (1 + s))),
        ("ε̂ is x − denoised, not divided by σ_i: x = denoised + σ_i ε̂, so ε̂ = (x − denoised)/σ_i.",
         lambda x, d, s, s_next: _ddim_vp(x, d, s, s_next, eps_at=1.0)),
    ]
    if eta > 0:
        slips.insert(0, (f"η = {eta:g} was ignored: your step is the deterministic η = 0 step, without σ_t's noise. "
                         "Add σ_t · z, z = torch.randn(x.shape, generator=generator, dtype=x.dtype), once per step.",
                         _ddim_vp))
    return slips + EULER_SLIPS


def check_sample_ddim(fn: Callable, eta: float = 0.0) -> CheckResult:
    """The learner's DDIM sampler, called with ``eta=eta``, against course.sampling.samplers.sample_ddim, step by step
    (with η > 0 both draw their noise from the same seeded generator)."""
    hint = DDIM_TIERS[0] + (" With η > 0, draw the noise from `generator`, the shape and dtype of x, once per step."
                            if eta > 0 else "")
    return check_sampler(fn, functools.partial(ref.sample_ddim, eta=eta), name="sample_ddim", hint=hint,
                         slips=_ddim_slips(eta), eta=eta)
