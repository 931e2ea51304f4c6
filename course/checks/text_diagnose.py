"""Checks that diagnose (notebooks 01 and 02): when an answer is wrong, name the known mistake that gives exactly it.

A *slip* is ``(words, fn)``: ``fn`` computes what one known mistake gives on the same arguments (for a module
check, on the reference module: ``fn(module, *inputs, **kwargs)``). When a slip reproduces the learner's wrong
value, the verdict says so in a sentence, above the numeric report of the first difference:

    ✗ causal_attention: it looks like the softmax runs over the queries (dim -2); it should run over the keys, ...
      1 of 6 inputs match; first mismatch:
        input:       causal_attention(tensor of shape (1, 1, 4, 8), torch.float32, ...)
        ...
      hint: ...

An *error hint* is ``(pattern, words)``: when the learner's code raised and the error's text (``describe_error``)
matches the regex ``pattern``, the words explain the likely cause. ``needs`` names the exercises a function or
module is built from: when one of their checks fails, the verdict says to fix that one first.

The comparison itself is ``core.compare`` / ``modules.compare_module``, run without printing or recording; then
the verdict is printed and recorded once (so a first failure shows the first hint, not the second).
"""
from __future__ import annotations

import contextlib
import io
import re
from typing import Any, Callable, Iterable, Iterator, Sequence

import torch
from torch import nn

from course.checks import progress
from course.checks.core import CheckResult, compare, describe_error, first_difference, unlabel, verdict
from course.checks.modules import Call, Case, compare_module, nudge

__all__ = ["Slip", "ErrorHint", "check_with_slips", "check_module_with_slips", "with_diagnosis"]

Slip = tuple[str, Callable[..., Any]]
ErrorHint = tuple[str, str]


@contextlib.contextmanager
def _unrecorded(name: str) -> Iterator[None]:
    """Run a check without printing and without touching the record (the final verdict records it, once); with no
    failures counted inside, the inner verdict adds no 'closer hint' of its own."""
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):
        progress.FAILURES.pop(name, None)
        yield


def with_diagnosis(message: str, name: str, words: str) -> str:
    """Put ``it looks like <words>`` on the verdict's first line, above the numeric report, which moves one line
    down and stays as it was (``6 of 7 inputs match; first mismatch: ...``), as the other notebooks' checks do."""
    head = f"✗ {name}: "
    if not message.startswith(head):
        return message
    return f"{head}it looks like {words}\n  {message[len(head):]}"


def _fresh(value: Any) -> Any:
    """A copy the learner's code may change in place without changing what the reference and slips see."""
    if isinstance(value, torch.Tensor):
        return value.clone()
    if isinstance(value, list):
        return list(value)
    return value


def _value(slip: Callable, args: tuple, kwargs: dict) -> tuple[bool, Any]:
    """(True, what the slip gives), or (False, None) when it cannot even be computed on these inputs."""
    try:
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            return True, slip(*args, **kwargs)
    except Exception:
        return False, None


def _gives(slip: Callable, runs: list, indices: Sequence[int], atol: float, rtol: float) -> bool:
    """Does ``slip`` give the learner's value on each run of ``indices``?"""
    for i in indices:
        args, kwargs, _, got = runs[i]
        ok, value = _value(slip, args, kwargs)
        if not ok or first_difference(value, got, atol, rtol) is not None:
            return False
    return True


def _error_words(error: Exception, errors: Sequence[ErrorHint]) -> str | None:
    text = describe_error(error)
    return next((words for pattern, words in errors if re.search(pattern, text)), None)


def _unfinished(needs: Sequence[str]) -> str | None:
    failing = [name for name in needs if progress.PASSED.get(name) is False]
    if not failing:
        return None
    where = ", ".join(f"{progress.EXERCISES[n].section + ' ' if n in progress.EXERCISES else ''}`{n}`"
                      for n in failing)
    return (f"a piece it is built from does not pass its own check yet ({where}); fix that first, then run this "
            "check again.")


def _diagnose(attempts: Iterable[tuple[tuple, dict, Callable, Callable]], slips: Sequence[Slip],
              errors: Sequence[ErrorHint], needs: Sequence[str], atol: float, rtol: float) -> str | None:
    """The words for what went wrong, or None.

    ``attempts``: (slip args, slip kwargs, expected(), got()) per input. First choice: the slip that gives the
    learner's value on EVERY input where the learner returned one (two slips can agree on one input and not on the
    next); then the first slip that gives the first wrong value; then a hint for the error the learner's code
    raised; then a piece it is built from that fails its own check.
    """
    runs, from_error = [], None  # runs: (args, kwargs, expected, got) where the learner returned a value
    for args, kwargs, expected, got in attempts:
        want = expected()
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                value = got()
        except NotImplementedError:
            return None
        except Exception as error:
            from_error = from_error or _error_words(error, errors)
            continue
        runs.append((args, kwargs, want, value))
    wrong = [i for i, (_, _, want, value) in enumerate(runs) if first_difference(want, value, atol, rtol) is not None]
    if wrong:
        everywhere = range(len(runs))
        words = next((w for w, slip in slips if _gives(slip, runs, everywhere, atol, rtol)), None)
        words = words or next((w for w, slip in slips if _gives(slip, runs, wrong[:1], atol, rtol)), None)
        if words:
            return words
    return from_error or _unfinished(needs)


def _finish(result: CheckResult, name: str, words: str | None) -> CheckResult:
    message = result.message
    if not result.passed and words and "not written yet" not in message:
        message = with_diagnosis(message, name, words)
    return verdict(result.passed, message)


def check_with_slips(fn: Callable, reference: Callable, inputs: Sequence[tuple], slips: Sequence[Slip] = (), *,
                     name: str, hint: str, errors: Sequence[ErrorHint] = (), needs: Sequence[str] = (),
                     atol: float = 1e-5, rtol: float = 1e-4, show: Callable[..., str] | None = None) -> CheckResult:
    """``core.compare``; when it fails, the slip (``fn(*args)``) or error hint that explains it, in words."""
    with _unrecorded(name):
        result = compare(fn, reference, inputs, name=name, hint=hint, atol=atol, rtol=rtol, show=show)
    words = None
    if not result.passed and callable(fn):
        def attempts():
            for args in inputs:
                values = tuple(unlabel(arg) for arg in args)
                yield values, {}, lambda v=values: reference(*v), lambda v=values: fn(*(_fresh(x) for x in v))
        words = _diagnose(attempts(), slips, errors, needs, atol, rtol)
    return _finish(result, name, words)


def _built(cls: type, reference_factory: Callable[..., nn.Module], case: Case, seed: int
           ) -> tuple[nn.Module, nn.Module]:
    """The two modules of one case exactly as ``compare_module`` builds them: the reference's weights in both."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        theirs = nudge(reference_factory(*case.args), seed + 1).eval()
        mine = cls(*case.args)
    with torch.no_grad():
        for key, value in theirs.named_parameters():
            mine.get_parameter(key).copy_(value)
    return mine.eval(), theirs


def check_module_with_slips(cls: Any, reference_factory: Callable[..., nn.Module], cases: Sequence[Case],
                            slips: Sequence[Slip] = (), *, name: str, hint: str, errors: Sequence[ErrorHint] = (),
                            needs: Sequence[str] = (), reference_calls: dict[str, Callable] | None = None,
                            atol: float = 1e-5, rtol: float = 1e-4, seed: int = 0, **kwargs) -> CheckResult:
    """``modules.compare_module``; when the outputs differ, the slip (``fn(reference_module, *inputs, **kwargs)``)
    or error hint that explains it, in words. ``kwargs`` go to ``compare_module`` (names_hint, shapes_hint)."""
    with _unrecorded(name):
        result = compare_module(cls, reference_factory, cases, name=name, hint=hint, reference_calls=reference_calls,
                                atol=atol, rtol=rtol, seed=seed, **kwargs)
    words = None
    message = result.message
    compared = isinstance(cls, type) and issubclass(cls, nn.Module) and not any(
        what in message for what in ("not written yet", "cannot be compared yet", f"✗ {name}: building "))
    if not result.passed and compared:  # it built, the weights fit, and an output was wrong: which slip?
        special = reference_calls or {}

        def run(module: nn.Module, call: Call, special: dict) -> Any:
            inputs = [unlabel(x) for x in call.inputs]
            with torch.no_grad():
                if call.method in special:
                    return special[call.method](module, *inputs, **call.kwargs)
                method = module if call.method == "forward" else getattr(module, call.method)
                return method(*inputs, **call.kwargs)

        def attempts():
            for case in cases:
                try:
                    mine, theirs = _built(cls, reference_factory, case, seed)
                except Exception:
                    return
                for call in case.calls:
                    inputs = tuple(unlabel(x) for x in call.inputs)
                    yield ((theirs, *inputs), dict(call.kwargs), lambda t=theirs, c=call: run(t, c, special),
                           lambda m=mine, c=call: run(m, c, {}))
        words = _diagnose(attempts(), slips, errors, needs, atol, rtol)
    return _finish(result, name, words)
