"""Checks for notebook 05: noising, the training objective, and samplers.

Function checks (σ from ᾱ, ``add_noise``, the DDPM loss) compare values with the formulas of
course.schedules; when a value is wrong they also try the usual slips (the VP form instead of the VE
form, a missing square root, x_0 as the target, ...) and name the one that matches.

Sampler checks run the learner's sampler and the reference (course.samplers) on the same fixed denoiser,
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
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import torch
import torch.nn.functional as F
from torch import nn

from course import samplers as ref
from course import schedules
from course.checks.core import (CheckResult, Labelled, compare, describe_error, first_difference, named, not_written,
                                randn, short, type_name, unlabel, verdict)

__all__ = ["check_sigma_from_alpha_bar", "check_add_noise", "check_ddpm_loss", "check_sampler", "check_sample_euler",
           "check_sample_ddim"]

AC = schedules.alphas_cumprod(schedules.betas())  # SD 1.x: scaled-linear betas 0.00085 -> 0.012, 1000 steps
AC_LINEAR = schedules.alphas_cumprod(schedules.betas(1000, 1e-4, 0.02, "linear"))  # DDPM's
TABLE = schedules.sigmas_from_alphas_cumprod(AC)  # σ_0 ... σ_999, ascending


def _first_slip(got: Any, args: tuple, slips: Sequence[tuple[str, Callable]], atol: float, rtol: float) -> str | None:
    """The description of the first slip whose value on ``args`` is ``got``: 'you used the VP form ...'."""
    for words, slip in slips:
        try:
            with torch.no_grad():
                value = slip(*args)
        except Exception:  # a slip that cannot even be computed on these inputs is not what happened
            continue
        if first_difference(value, got, atol, rtol) is None:
            return words
    return None


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


# ---- samplers ------------------------------------------------------------------------------------

_MIX = randn(4, 4, seed=1234, scale=0.5)
_PHASE = randn(4, seed=1235)


def _fake_eps(x_t: torch.Tensor, t, cond: torch.Tensor | None = None) -> torch.Tensor:
    """A fixed, smooth, nonlinear stand-in for the UNet's ε̂(x_t, t, cond) on (B, 4, h, w) latents."""
    t = torch.as_tensor(t, dtype=torch.float32)
    mixed = (_MIX @ x_t.flatten(2)).view_as(x_t)  # (4, 4) @ (B, 4, h·w): mixes the channels
    eps = 0.9 * x_t + 0.2 * torch.tanh(mixed) + 0.1 * torch.sin(t / 100 + _PHASE)[None, :, None, None]
    return eps if cond is None else eps + 0.1 * cond


DENOISER = ref.Denoiser(_fake_eps, AC)  # D(x, σ) = x - σ ε̂(x/√(σ²+1), t(σ))


@dataclass(frozen=True)
class SamplerCase:
    """One run: the σ's, the shape of x (drawn from ``seed``, times σ_0), the extra_args, and, when
    ``replace_at`` is set, a callback that returns a new x after that step (as inpainting does)."""

    label: str
    sigmas: torch.Tensor
    shape: tuple
    seed: int
    extra_args: dict | None = None
    replace_at: int | None = None

    def start(self) -> torch.Tensor:
        return randn(*self.shape, seed=self.seed) * float(self.sigmas[0])


def _sampler_cases() -> list[SamplerCase]:
    leading = schedules.sigmas_at(AC, schedules.timesteps(10, "leading", 1))
    karras = schedules.karras_sigmas(float(TABLE[0]), float(TABLE[-1]), 6)
    to_sigma_0 = schedules.sigmas_at(AC, schedules.timesteps(4, "leading", 1, style="ddim"),
                                     final_sigma=float(TABLE[0]))  # DDIM's: the last step lands on t = 0
    trailing = schedules.sigmas_at(AC, schedules.timesteps(2, "trailing", 1))
    return [
        SamplerCase("SD 1.5's σ's, 10 steps", leading, (2, 4, 8, 8), 0, {"cond": randn(2, 4, 1, 1, seed=20)}),
        SamplerCase("Karras σ's, 6 steps, extra_args=None", karras, (1, 4, 4, 4), 1),
        SamplerCase("4 steps ending at σ_0 = 0.029, as DDIM's schedule does", to_sigma_0, (1, 4, 4, 4), 2,
                    {"cond": randn(1, 4, 1, 1, seed=21)}),
        SamplerCase("2 steps", trailing, (3, 4, 2, 2), 3, {"cond": randn(3, 4, 1, 1, seed=22)}),
        SamplerCase("10 steps; the callback returns a new x after step 1, as inpainting does", leading, (1, 4, 4, 4), 4,
                    {"cond": randn(1, 4, 1, 1, seed=23)}, replace_at=1),
    ]


def _replacement(x: torch.Tensor) -> torch.Tensor:
    return 0.5 * x + 0.25  # what the check's callback hands back at ``replace_at``


class _CallbackMisuse(Exception):
    pass


@dataclass
class _Trace:
    steps: list = field(default_factory=list)   # the dicts the callback got, tensors cloned
    starts: list = field(default_factory=list)  # the x each step started from (filled for the reference)
    out: Any = None
    calls: int = 0
    error: BaseException | None = None


def _clone(value):
    return value.detach().clone() if isinstance(value, torch.Tensor) else value


def _run(fn: Callable, case: SamplerCase, kwargs: dict) -> _Trace:
    trace = _Trace()
    x = case.start()
    trace.starts.append(x.clone())

    def denoiser(x, sigma, **extra):
        trace.calls += 1
        return DENOISER(x, sigma, **extra)

    def callback(*args, **kw):
        if kw or len(args) != 1 or not isinstance(args[0], dict):
            raise _CallbackMisuse("callback must get one dict: callback({'x': x, 'denoised': denoised, 'i': i, "
                                  "'sigma': sigmas[i]})")
        d = args[0]
        trace.steps.append({k: _clone(v) for k, v in d.items()})
        new = _replacement(d["x"]) if case.replace_at is not None and d.get("i") == case.replace_at \
            and isinstance(d.get("x"), torch.Tensor) else None
        trace.starts.append(_clone(new if new is not None else d.get("x")))
        return new

    extra = None if case.extra_args is None else dict(case.extra_args)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            trace.out = fn(denoiser, x, case.sigmas.clone(), generator=torch.Generator().manual_seed(100 + case.seed),
                           callback=callback, extra_args=extra, **kwargs)
    except Exception as error:  # the learner's bug: reported, never raised
        trace.error = error
    return trace


def _number(value) -> float | None:
    try:
        return float(value)
    except Exception:
        return None


def _slip_for_step(got: torch.Tensor, start: torch.Tensor, case: SamplerCase, i: int,
                   slips: Sequence[tuple[str, Callable]]) -> str | None:
    s, s_next = case.sigmas[i], case.sigmas[i + 1]
    denoised = DENOISER(start, s, **(case.extra_args or {}))
    return _first_slip(got, (start, denoised, s, s_next), slips, 1e-5, 1e-4)


def _denoised_slips(case: SamplerCase) -> list[tuple[str, Callable]]:
    extra = case.extra_args or {}
    slips = [("you called the denoiser at σ_{i+1}; this step's denoised is D(x, σ_i), at the σ x is at now.",
              lambda x, d, s, s_next: DENOISER(x, s_next, **extra))]
    if extra:
        slips.append(("extra_args did not reach the denoiser: call denoiser(x, sigmas[i], **(extra_args or {})) "
                      "(in the pipeline they carry the prompt's conditioning).",
                      lambda x, d, s, s_next: DENOISER(x, s)))
    return slips


def _describe_step(case: SamplerCase, index: int, total: int, i: int) -> str:
    s, s_next = float(case.sigmas[i]), float(case.sigmas[i + 1])
    before = "" if i == 0 else " (step 0 matches)" if i == 1 else f" (steps 0–{i - 1} match)"
    return (f"case {index} of {total} ({case.label}, x {case.shape}): step {i} of {len(case.sigmas) - 1} "
            f"(σ {s:.4g} → {s_next:.4g}) is the first that differs{before}")


def _error_verdict(name: str, hint: str, case: SamplerCase, index: int, total: int, trace: _Trace) -> CheckResult:
    error = trace.error
    if isinstance(error, NotImplementedError):
        return not_written(name, hint, error)
    where = f"during step {len(trace.steps)}" if len(trace.steps) < len(case.sigmas) - 1 else "after the last step"
    text = describe_error(error)
    advice = hint
    if isinstance(error, _CallbackMisuse):
        text = str(error)
    elif "argument after ** must be a mapping" in text:
        advice = "extra_args may be None: call denoiser(x, sigmas[i], **(extra_args or {}))."
    elif "got an unexpected keyword argument" in text:
        advice = (f"keep the signature {name}(denoiser, x, sigmas, generator=None, callback=None, extra_args=None"
                  f"{', eta=0.0' if name == 'sample_ddim' else ''}): the pipeline calls it with these keywords.")
    return verdict(False, f"✗ {name}: case {index} of {total} ({case.label}, x {case.shape}): it raised "
                          f"{where}:\n    {text}\n  hint: {advice}")


def _compare_runs(case: SamplerCase, index: int, total: int, mine: _Trace, theirs: _Trace,
                  slips: Sequence[tuple[str, Callable]], atol: float, rtol: float) -> str | None:
    """The first difference between the learner's run and the reference's, described; None when they agree."""
    n, where = len(case.sigmas) - 1, f"case {index} of {total} ({case.label})"
    for i, (got, want) in enumerate(zip(mine.steps, theirs.steps)):
        missing = [key for key in ("x", "denoised", "i", "sigma") if key not in got]
        if missing:
            return (f"{where}: the dict your sampler gave the callback at step {i} has no "
                    f"{', '.join(repr(k) for k in missing)}. Give it {{'x': x, 'denoised': denoised, 'i': i, "
                    "'sigma': sigmas[i]}: the pipeline's progress bar, the widgets and inpainting read it.")
        if _number(got["i"]) != i:
            return (f"{where}: callback call number {i} says 'i': {short(got['i'])}; it should be the step index "
                    f"{i} (0, 1, 2, ...).")
        sigma = _number(got["sigma"])
        if sigma is None or abs(sigma - float(case.sigmas[i])) > 1e-5 * max(1.0, float(case.sigmas[i])):
            return (f"{where}: at step {i} the callback got 'sigma': {short(got['sigma'])}, expected sigmas[{i}] = "
                    f"{float(case.sigmas[i]):.6g} (the σ the step starts from).")
        denoised_slips = _denoised_slips(case)
        if case.replace_at is not None and i == case.replace_at + 1:
            unreplaced = theirs.steps[i - 1]["x"]
            denoised_slips.insert(0, (
                f"your sampler ignored what the callback returned after step {case.replace_at}. When "
                "callback(...) returns a tensor, go on from that x (inpainting pastes the known region back this way).",
                lambda x, d, s, s_next: DENOISER(unreplaced, s, **(case.extra_args or {}))))
        for key, what, key_slips in (("denoised", "denoised (D(x, σ_i), what the callback got)", denoised_slips),
                                     ("x", "x after the step", slips)):
            value = got[key]
            if isinstance(value, torch.Tensor) and value.shape == want[key].shape \
                    and not bool(torch.isfinite(value).all()):
                return (f"{_describe_step(case, index, total, i)}.\n    {what} has NaN or inf values: a division by "
                        f"zero? σ_{{i+1}} is {float(case.sigmas[i + 1]):.4g} on this step.")
            difference = first_difference(want[key], value, atol, rtol)
            if difference:
                text = f"{_describe_step(case, index, total, i)}.\n    {what}: {difference}"
                slip = _slip_for_step(value, theirs.starts[i], case, i, key_slips) \
                    if isinstance(value, torch.Tensor) else None
                return text + (f"\n  it looks like {slip}" if slip else "")
    if len(mine.steps) != n:
        return (f"{where}: your sampler called callback {len(mine.steps)} times for {n} steps; call it once at the "
                "end of every step (and only there) with {'x': x, 'denoised': denoised, 'i': i, 'sigma': sigmas[i]}.")
    if mine.out is None:
        return f"{where}: your sampler returned None: does it end with `return x`?"
    difference = first_difference(theirs.out, mine.out, atol, rtol)
    if difference:
        return f"{where}: every step matches, but the returned x differs: {difference}"
    return None


def check_sampler(fn: Callable, reference: Callable, *, name: str | None = None, hint: str | None = None,
                  slips: Sequence[tuple[str, Callable]] = (), atol: float = 1e-5, rtol: float = 1e-4,
                  **kwargs) -> CheckResult:
    """Run ``fn`` and ``reference`` (both ``(denoiser, x, sigmas, generator=None, callback=None, extra_args=None)``,
    ``**kwargs`` passed to both) on five cases and compare every step's ``denoised`` and ``x``, then the result.

    Both get the same fixed denoiser, σ's, starting x and a generator seeded alike, so an ancestral sampler
    matches only if it draws its noise from ``generator`` as the reference does. ``slips`` are (words, fn(x, D, σ_i,
    σ_{i+1})) pairs: when the learner's x after a step equals one, the verdict says "it looks like <words>".
    E.g. ``check_sampler(sample_heun, course.samplers.sample_heun)``.
    """
    name = name or getattr(fn, "__name__", "sampler")
    reference_name = getattr(reference, "__name__", "the reference")
    hint = hint or f"compare your loop with the reference, {reference_name}, step by step."
    if not callable(fn):
        return verdict(False, f"✗ {name}: expected a function, got {type_name(fn)}. Pass the function itself, without "
                              f"calling it: check_{name}({name}), not check_{name}({name}(...)).")
    cases = _sampler_cases()
    steps, note = 0, ""
    for index, case in enumerate(cases, start=1):
        theirs = _run(reference, case, kwargs)
        if theirs.error is not None:  # a bug of the course, not the learner's
            raise theirs.error
        mine = _run(fn, case, kwargs)
        if mine.error is not None:
            return _error_verdict(name, hint, case, index, len(cases), mine)
        if mine.out is not None and not isinstance(mine.out, torch.Tensor):
            return verdict(False, f"✗ {name}: case {index} of {len(cases)} ({case.label}): your sampler returned "
                                  f"{type_name(mine.out)}; return the final x, a tensor of shape {case.shape}.\n"
                                  f"  hint: {hint}")
        problem = _compare_runs(case, index, len(cases), mine, theirs, slips, atol, rtol)
        if problem:
            return verdict(False, f"✗ {name}: {problem}\n  hint: {hint}")
        steps += len(case.sigmas) - 1
        if not note and mine.calls != theirs.calls:
            note = (f"\n  note: yours called the denoiser {mine.calls} times in case {index}, the reference "
                    f"{theirs.calls} times: each call is a UNet call, the costly part of sampling.")
    return verdict(True, f"✓ {name}: all {len(cases)} cases match the reference step by step "
                         f"(x and denoised at each of {steps} steps, and the result).{note}")


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
    """The learner's Euler sampler against course.samplers.sample_euler, step by step."""
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
    """The learner's DDIM sampler, called with ``eta=eta``, against course.samplers.sample_ddim, step by step
    (with η > 0 both draw their noise from the same seeded generator)."""
    hint = ("with ᾱ = 1/(1 + σ²) at σ_i (ᾱ_t) and at σ_{i+1} (ᾱ_prev): ε̂ = (x - denoised)/σ_i; σ_t = η "
            "√((1 - ᾱ_prev)/(1 - ᾱ_t)) √(1 - ᾱ_t/ᾱ_prev); x_prev = √ᾱ_prev · denoised + √(1 - ᾱ_prev - σ_t²) · ε̂"
            + (" + σ_t · torch.randn(x.shape, generator=generator, dtype=x.dtype) (one draw per step, only when "
               "eta > 0)" if eta > 0 else "")
            + "; x = x_prev / √ᾱ_prev; then the callback, as in sample_euler.")
    return check_sampler(fn, functools.partial(ref.sample_ddim, eta=eta), name="sample_ddim", hint=hint,
                         slips=_ddim_slips(eta), eta=eta)
