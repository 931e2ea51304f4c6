"""Module checks: build the learner's class and the reference with the same arguments, load the reference's
weights into the learner's module, and compare what both return on the same inputs.

The weights load only when every parameter has the reference's name and shape (diffusers' or transformers'
names, so that real SD weights load as they are); otherwise the verdict lists what differs:

    ✗ ResnetBlock2D: the reference weights do not fit your module ResnetBlock2D(32, 32, 128, 8, 1e-05), so it
    cannot be compared yet.
        missing (the reference has them, yours does not): norm1.weight, norm1.bias
        unexpected (yours has them, the reference does not): norm_1.weight, norm_1.bias
      hint: name the parts self.norm1, self.conv1, ...

Then ``compare`` runs the calls, and a verdict shows each as the build and the call: ``Encoder(VAEConfig.tiny())
(tensor of shape (2, 3, 16, 16), torch.float32)``, ``VAE(VAEConfig.tiny()).encode(...)``.

The reference is random (seeded) and ``nudge`` moves every parameter that starts constant (a norm's weight 1 and
bias 0) off its value, so that a swapped or skipped norm changes the output. Modules are built inside
``torch.random.fork_rng``: a check never changes the learner's random state.
"""
from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import torch
from torch import nn

from course.checks import progress
from course.checks.core import (
    CheckResult,
    compare,
    describe_error,
    first_difference,
    not_written,
    short,
    type_name,
    unlabel,
    verdict,
)

SHAPES_HINT = ("take every size from the arguments, and note nn.Linear(in, out) stores its weight as (out, in), "
               "nn.Conv2d(in, out, k) as (out, in, k, k).")
SUPER_HINT = "call super().__init__() first in __init__, before creating any layer."


@dataclass(frozen=True)
class Call:
    """One call on a built module, ``module.method(*inputs, **kwargs)``; "forward" calls the module itself."""

    inputs: tuple
    kwargs: dict = field(default_factory=dict)
    method: str = "forward"


@dataclass(frozen=True)
class Case:
    """Both classes built as ``cls(*args)``, and the calls to compare on them. A verdict shows the build as
    ``Name(label)``; without a label, as ``Name(arg, ...)``."""

    args: tuple
    calls: Sequence[Call]
    label: str = ""


def nudge(module: nn.Module, seed: int = 1, scale: float = 0.2) -> nn.Module:
    """Add seeded noise to every parameter whose values are all the same (a fresh norm's weight 1 and bias 0):
    otherwise swapping norm1 and norm2, or skipping a norm, would not change the output."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            if bool((p == p.flatten()[0]).all()):
                p.add_(scale * torch.randn(p.shape, generator=g))
    return module


def _list(names: list[str], n: int = 5) -> str:
    return ", ".join(names[:n]) + (f", ... and {len(names) - n} more" if len(names) > n else "")


def weights_problem(mine: nn.Module, theirs: nn.Module, *, names_hint: str, shapes_hint: str) -> str | None:
    """Which parameters of ``mine`` the reference's do not fit, in words, with the hints that apply; None when
    every name and shape fits."""
    own, wanted = dict(mine.named_parameters()), dict(theirs.named_parameters())
    missing = [k for k in wanted if k not in own]
    unexpected = [k for k in own if k not in wanted]
    shapes = [f"{k}: expected {tuple(wanted[k].shape)}, yours {tuple(own[k].shape)}"
              for k in wanted if k in own and own[k].shape != wanted[k].shape]
    lines = []
    if missing:
        lines.append(f"    missing (the reference has them, yours does not): {_list(missing)}")
    if unexpected:
        lines.append(f"    unexpected (yours has them, the reference does not): {_list(unexpected)}")
    if shapes:
        lines += [f"    wrong shape: {_list(shapes, 3)}", f"  hint: {shapes_hint}"]
    if missing or unexpected:
        lines.append(f"  hint: {names_hint}")
    return "\n".join(lines) or None


def _build(learner_cls: type, reference_factory: Callable[..., nn.Module], case: Case, built: str, *, name: str,
           hint: str, names_hint: str, shapes_hint: str, seed: int) -> tuple[nn.Module, nn.Module] | CheckResult:
    """Both modules of one case, the reference's weights loaded into the learner's; or the verdict on why not."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        theirs = nudge(reference_factory(*case.args), seed + 1).eval()
        try:
            mine = learner_cls(*case.args)
        except NotImplementedError as error:
            return not_written(name, hint, error)
        except Exception as error:  # the learner's bug: explain it, no stack trace
            extra = SUPER_HINT if "before Module.__init__" in str(error) else hint
            return verdict(False, f"✗ {name}: building {built} raised {type(error).__name__}:\n"
                                  f"    {describe_error(error)}\n  hint: {extra}")
    problem = weights_problem(mine, theirs, names_hint=names_hint, shapes_hint=shapes_hint)
    if problem:
        return verdict(False, f"✗ {name}: the reference weights do not fit your module {built}, so it cannot be "
                              f"compared yet.\n{problem}")
    with torch.no_grad():
        for key, value in theirs.named_parameters():
            mine.get_parameter(key).copy_(value)
    return mine.eval(), theirs


def compare_module(learner_cls: Any, reference_factory: Callable[..., nn.Module], cases: Sequence[Case], *,
                   name: str, hint: str, names_hint: str | None = None, shapes_hint: str = SHAPES_HINT,
                   learner_calls: dict[str, Callable] | None = None, reference_calls: dict[str, Callable] | None = None,
                   atol: float = 1e-5, rtol: float = 1e-4, seed: int = 0) -> CheckResult:
    """Build ``learner_cls(*case.args)`` and ``reference_factory(*case.args)`` for every case, load the reference's
    weights into the learner's module, then ``compare`` every call of every case; print and return the verdict.

    ``names_hint`` (default: ``hint``) follows a list of wrong names, ``shapes_hint`` a list of wrong shapes.
    ``learner_calls`` / ``reference_calls`` map a method to ``fn(module, *inputs, **kwargs)`` where the plain
    call is not what should be compared. The reference is built with ``torch.manual_seed(seed)``.
    """
    if isinstance(learner_cls, nn.Module):
        return verdict(False, f"✗ {name}: expected the class itself, got a module already built. Pass the class: "
                              f"{name}, not {name}(...).")
    if not isinstance(learner_cls, type):
        return verdict(False, f"✗ {name}: expected a class (a subclass of nn.Module), got {type_name(learner_cls)}.")
    if not issubclass(learner_cls, nn.Module):
        return verdict(False, f"✗ {name}: {learner_cls.__name__} is not an nn.Module; write class "
                              f"{learner_cls.__name__}(nn.Module).")
    learners, references, builds = [], [], []
    for case in cases:
        builds.append(f"{name}({case.label or ', '.join(short(arg, 40) for arg in case.args)})")
        pair = _build(learner_cls, reference_factory, case, builds[-1], name=name, hint=hint, seed=seed,
                      names_hint=names_hint or hint, shapes_hint=shapes_hint)
        if isinstance(pair, CheckResult):
            return pair
        learners.append(pair[0])
        references.append(pair[1])

    def runner(modules: list[nn.Module], special: dict[str, Callable]) -> Callable:
        def run(i: int, call: Call) -> Any:
            inputs = [unlabel(x) for x in call.inputs]
            with torch.no_grad():
                if call.method in special:
                    return special[call.method](modules[i], *inputs, **call.kwargs)
                method = modules[i] if call.method == "forward" else getattr(modules[i], call.method)
                return method(*inputs, **call.kwargs)
        return run

    def show(i: int, call: Call) -> str:
        args = [short(x, 40, max_items=4) for x in call.inputs]
        args += [f"{key}={short(value, 40)}" for key, value in call.kwargs.items()]
        return f"{builds[i]}{'' if call.method == 'forward' else '.' + call.method}({', '.join(args)})"

    calls = [(i, call) for i, case in enumerate(cases) for call in case.calls]
    return compare(runner(learners, learner_calls or {}), runner(references, reference_calls or {}), calls,
                   name=name, hint=hint, atol=atol, rtol=rtol, show=show)


# ---- naming the slip: which usual mistake gives the learner's wrong result --------------------------------

Slips = Sequence[tuple[str, Callable]]  # (words, fn computing what that mistake gives), most specific first


def with_diagnosis(message: str, diagnosis: str) -> str:
    """Put a diagnosis in words on the verdict's first line, above the numeric report (which it keeps):
    ``✗ kl: it looks like <diagnosis>`` then the original ``6 of 7 inputs match; first mismatch: ...``."""
    head, _, rest = message.partition(": ")
    return f"{head}: {diagnosis}\n  {rest}"


def slip_that_gives(got: Any, error: Exception | None, args: tuple, kwargs: dict, slips: Slips, atol: float,
                    rtol: float) -> str | None:
    """The words of the first slip that computes ``got`` from ``args`` or, when the learner's call raised ``error``,
    raises the same error (same type, same message: the same operation failed on the same shapes)."""
    for words, slip in slips:
        try:
            with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
                value = slip(*args, **kwargs)
        except Exception as slip_error:  # a slip that fails matches only when the learner's call failed alike
            if error is not None and type(slip_error) is type(error) and str(slip_error) == str(error):
                return words
            continue
        if error is None and first_difference(value, got, atol, rtol) is None:
            return words
    return None


def _first_wrong(calls: Sequence[tuple[Callable, Callable, tuple, dict]], atol: float, rtol: float):
    """(index, got, error) of the first call whose learner result differs from the reference's, or None."""
    for index, (learner, reference, args, kwargs) in enumerate(calls):
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            expected = reference(*args, **kwargs)
            try:
                got, error = learner(*args, **kwargs), None
            except NotImplementedError:
                return None
            except Exception as raised:  # the learner's bug: what it raised is what a slip must raise
                got, error = None, raised
        if error is not None or first_difference(expected, got, atol, rtol) is not None:
            return index, got, error
    return None


def compare_with_slips(fn: Callable, reference: Callable, inputs: Sequence[tuple], slips: Slips, *, name: str,
                       hint: str, atol: float = 1e-5, rtol: float = 1e-4, **options) -> CheckResult:
    """``compare``, and when the first wrong input's result is what one of ``slips`` (words, fn(*inputs)) computes,
    say so in words above the numeric report: ``✗ kl: it looks like the sign is flipped ...``."""
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):  # one verdict, recorded once
        result = compare(fn, reference, inputs, name=name, hint=hint, atol=atol, rtol=rtol, **options)
    words = None
    if not result and callable(fn) and "not written yet" not in result.message:
        calls = [(fn, reference, tuple(unlabel(arg) for arg in args), {}) for args in inputs]
        wrong = _first_wrong(calls, atol, rtol)
        if wrong is not None:
            index, got, error = wrong
            words = slip_that_gives(got, error, calls[index][2], {}, slips, atol, rtol)
    return verdict(result.passed, with_diagnosis(result.message, f"it looks like {words}") if words else result.message)


def compare_module_with_slips(learner_cls: Any, reference_factory: Callable[..., nn.Module], cases: Sequence[Case],
                              slips: dict[str, Slips], *, name: str, hint: str, seed: int = 0, atol: float = 1e-5,
                              rtol: float = 1e-4, **options) -> CheckResult:
    """``compare_module``, and when a call's result is wrong (or it raised), the usual mistake that explains it.

    ``slips`` maps a method ("forward", "encode", or a name of ``learner_calls``) to (words, fn(module, *inputs,
    **kwargs)) pairs, tried in order on the reference module of the first wrong call: it holds the very weights the
    learner's module got, so a slip that gives the learner's result, or raises the error it raised, is what happened.
    """
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):
        result = compare_module(learner_cls, reference_factory, cases, name=name, hint=hint, seed=seed, atol=atol,
                                rtol=rtol, **options)
    if result or "not written yet" in result.message or not isinstance(learner_cls, type):
        return verdict(result.passed, result.message)
    learner_calls, reference_calls = options.get("learner_calls") or {}, options.get("reference_calls") or {}
    for case in cases:
        with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):
            pair = _build(learner_cls, reference_factory, case, name, name=name, hint=hint, seed=seed,
                          names_hint=hint, shapes_hint=SHAPES_HINT)
        if isinstance(pair, CheckResult):
            break
        mine, theirs = pair

        def caller(module: nn.Module, special: dict[str, Callable], method: str) -> Callable:
            if method in special:
                return lambda *inputs, **kwargs: special[method](module, *inputs, **kwargs)
            return lambda *inputs, **kwargs: (module if method == "forward" else getattr(module, method))(
                *inputs, **kwargs)

        calls = [(caller(mine, learner_calls, call.method), caller(theirs, reference_calls, call.method),
                  tuple(unlabel(x) for x in call.inputs), call.kwargs) for call in case.calls]
        wrong = _first_wrong(calls, atol, rtol)
        if wrong is None:
            continue
        index, got, error = wrong
        call = case.calls[index]
        words = slip_that_gives(got, error, (theirs, *calls[index][2]), call.kwargs, slips.get(call.method, ()),
                                atol, rtol)
        if words:
            return verdict(False, with_diagnosis(result.message, f"it looks like {words}"))
        break
    return verdict(False, result.message)
