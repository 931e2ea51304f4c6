"""Naming the mistake, for the checks of notebook 03: which known slip explains every wrong result.

A slip is a known mistake written as code, ``(words, fn)``: ``fn`` computes what that mistake gives on the same
inputs as the reference (for a module check: the reference module, which holds the very weights the learner's module
got, then the call's inputs), and ``words`` says it in one sentence with the fix, or is a function of the same
inputs that returns the sentence (to quote the sizes at hand). When one slip gives the learner's value, or raises
the learner's error (the same type and message: the same operation failed on the same shapes), on *every* input
where the learner differs from the reference, the verdict says so above the numeric first-difference report:

    ✗ cross_attention: it looks like the softmax runs over the queries (dim −2, the pixels); it should run ...
      0 of 7 inputs match; first mismatch:
        input:       cross_attention(x (2, 64, 32), context (2, 77, 16), ...)
        ...
      hint: ...

Requiring every wrong input keeps two slips apart that agree on one input (√C and √(heads·d) are the same number
when heads·d = C) and says nothing when the learner made two mistakes at once.
"""
from __future__ import annotations

import contextlib
import io
from typing import Any, Callable, Sequence

import torch
from torch import nn

from course.checks import progress
from course.checks.core import CheckResult, compare, first_difference, unlabel, verdict
from course.checks.modules import SHAPES_HINT, Case, _build, compare_module

Slip = tuple  # (words: a sentence, or a function of the inputs returning one; fn: the inputs -> what it gives)


def outcome(fn: Callable, values: Sequence) -> tuple[Any, str | None]:
    """``(value, None)``, or ``(None, 'TypeName: message')`` when ``fn`` raised."""
    try:
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            return fn(*values), None
    except Exception as error:  # a learner's (or a slip's) error, compared as text
        return None, f"{type(error).__name__}: {error}"


def reproduces(slip: Callable, values: Sequence, got: Any, error: str | None, atol: float, rtol: float) -> bool:
    """Does ``slip(*values)`` give ``got``, or raise ``error``?"""
    value, slip_error = outcome(slip, values)
    if error is not None:
        return slip_error == error
    return slip_error is None and first_difference(value, got, atol, rtol) is None


def first_slip(wrong: Sequence[tuple[Sequence, Any, str | None]], slips: Sequence[Slip], atol: float = 1e-5,
               rtol: float = 1e-4) -> str | None:
    """The sentence of the first slip that reproduces every wrong outcome ``(values, got, error)``, said with the
    first one's inputs; None when no slip explains them all."""
    if not wrong:
        return None
    for words, slip in slips:
        if all(reproduces(slip, values, got, error, atol, rtol) for values, got, error in wrong):
            return words(*wrong[0][0]) if callable(words) else words
    return None


def with_diagnosis(message: str, name: str, words: str | None) -> str:
    """``✗ name: it looks like <words>`` on the first line, then the verdict's report, one line down."""
    head = f"✗ {name}: "
    if not words or not message.startswith(head):
        return message
    return f"{head}it looks like {words}\n  {message[len(head):]}"


@contextlib.contextmanager
def silent():
    """A comparison that is only the first half of a check: nothing printed, nothing recorded (the check's own
    verdict is the one that counts, and this one must not add a 'closer hint' of its own)."""
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):
        yield


def check_function(fn: Callable, reference: Callable, inputs: Sequence[tuple], slips: Sequence[Slip], *, name: str,
                   hint: str, atol: float = 1e-5, rtol: float = 1e-4) -> CheckResult:
    """``compare``, and the slip that explains every wrong input, if one does."""
    with silent():
        result = compare(fn, reference, inputs, name=name, hint=hint, atol=atol, rtol=rtol)
    wrong = []
    if not result.passed and callable(fn) and "not written yet" not in result.message:
        for args in inputs:
            values = [unlabel(arg) for arg in args]
            got, error = outcome(fn, values)
            if error is not None or first_difference(outcome(reference, values)[0], got, atol, rtol) is not None:
                wrong.append((values, got, error))
    return verdict(result.passed, with_diagnosis(result.message, name, first_slip(wrong, slips, atol, rtol)))


def check_module(learner_cls: Any, reference_factory: Callable[..., nn.Module], cases: Sequence[Case],
                 slips: Sequence[Slip], *, name: str, hint: str, names_hint: str, atol: float = 1e-5,
                 rtol: float = 1e-4, seed: int = 0) -> CheckResult:
    """``compare_module`` (forward calls), and the slip ``fn(reference_module, *inputs)`` that explains every wrong
    call, if one does."""
    options = dict(name=name, hint=hint, names_hint=names_hint, shapes_hint=SHAPES_HINT, seed=seed)
    pairs = []
    with silent():
        result = compare_module(learner_cls, reference_factory, cases, atol=atol, rtol=rtol, **options)
        if not result.passed and "not written yet" not in result.message and isinstance(learner_cls, type):
            for case in cases:  # the same seed: the same weights as in the comparison
                pair = _build(learner_cls, reference_factory, case, name, **options)
                if isinstance(pair, CheckResult):  # it does not build, or the weights do not fit: said already
                    pairs = []
                    break
                pairs.append((case, *pair))
    wrong = []
    for case, mine, theirs in pairs:
        for call in case.calls:
            values = [unlabel(x) for x in call.inputs]
            got, error = outcome(mine, values)
            if error is not None or first_difference(outcome(theirs, values)[0], got, atol, rtol) is not None:
                wrong.append(([theirs, *values], got, error))
    return verdict(result.passed, with_diagnosis(result.message, name, first_slip(wrong, slips, atol, rtol)))
