"""Sampler checks: run a learner's sampler and a reference sampler step by step, and say where they part.

Both run on the same fixed denoiser (a smooth stand-in for the UNet), σ schedule, starting x and seeded
generator; every step is recorded through the callback, and the verdict names the first step whose
``denoised`` or ``x`` differs, with σ_i → σ_{i+1} and max |Δ|. When a usual slip gives the learner's x on that
step, the verdict says it first ("it looks like ..."), above the step report; NaN is called a division by σ_{i+1}
only on a step where σ_{i+1} is 0. Notebook 05's checks (course.checks.sampler_steps) are built on
``check_sampler``; an exercise can call it with any reference, e.g.
``check_sampler(my_heun, course.sampling.samplers.sample_heun)``.
"""
from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import torch

from course.checks.core import (
    CheckResult,
    describe_error,
    first_difference,
    not_written,
    randn,
    short,
    type_name,
    verdict,
)
from course.checks.slips import first_slip
from course.sampling import samplers as ref
from course.sampling import schedules

__all__ = ["check_sampler", "DENOISER"]

AC = schedules.alphas_cumprod(schedules.betas())  # SD 1.x: scaled-linear betas 0.00085 -> 0.012, 1000 steps
TABLE = schedules.sigmas_from_alphas_cumprod(AC)  # σ_0 ... σ_999, ascending


def _first_slip(got: Any, args: tuple, slips: Sequence[tuple[str, Callable]], atol: float, rtol: float) -> str | None:
    """The description of the first slip whose value on ``args`` is ``got``: 'you used the VP form ...'."""
    return first_slip(got, args, slips, atol, rtol)


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


def _nan_cause(case: SamplerCase, i: int) -> str:
    """Where NaN or inf comes from on step i: a division by σ_{i+1} only when σ_{i+1} is 0."""
    s_next = float(case.sigmas[i + 1])
    if s_next == 0:
        return "a division by σ_{i+1}? It is 0 on this step (the last one lands on σ = 0)."
    return (f"σ_{{i+1}} is {s_next:.4g} on this step, so it is not a division by σ_{{i+1}}: look for a square root "
            "of a negative number (a ratio of two ᾱ's taken the wrong way round, 1 − ᾱ_t/ᾱ_prev < 0) or a division "
            "by something else that is 0.")


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
            slip = None
            if isinstance(value, torch.Tensor) and value.shape == want[key].shape \
                    and not bool(torch.isfinite(value).all()):
                slip = _slip_for_step(value, theirs.starts[i], case, i, key_slips)
                text = f"{_describe_step(case, index, total, i)}.\n    {what} has NaN or inf values"
                return f"it looks like {slip}\n  {text}." if slip else f"{text}: {_nan_cause(case, i)}"
            difference = first_difference(want[key], value, atol, rtol)
            if difference:
                text = f"{_describe_step(case, index, total, i)}.\n    {what}: {difference}"
                if isinstance(value, torch.Tensor):
                    slip = _slip_for_step(value, theirs.starts[i], case, i, key_slips)
                return f"it looks like {slip}\n  {text}" if slip else text
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
    E.g. ``check_sampler(sample_heun, course.sampling.samplers.sample_heun)``.
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
