"""Checks that name the mistake: try each known slip on the input where the learner's value is wrong.

A slip is ``(words, fn)``: ``fn`` computes what one usual mistake gives (the VP form instead of the VE form,
ᾱ at t − 1, the thresholds swapped, ...) and ``words`` says it in one sentence that names the mistake and its fix.
When a slip reproduces the learner's wrong value, the verdict says so first, above the numeric report:

    ✗ ddpm_loss: it looks like you took ᾱ at t − 1 (the paper counts t from 1): ...
      1 of 4 inputs match; first mismatch:
        input:       ddpm_loss(...)
        ...
      hint: ...

``errors`` does the same for exceptions: ``(fragment, words)`` pairs, the words shown when the learner's error
message holds the fragment (a shape mismatch that means "σ was not reshaped to broadcast per sample").
Used by notebook 05's and 07's checks (course.checks.sampling, course.checks.canny, course.checks.controlnet).
"""
from __future__ import annotations

import contextlib
import io
from typing import Any, Callable, Sequence

import torch

from course.checks import progress
from course.checks.core import CheckResult, compare, first_difference, unlabel, verdict

__all__ = ["first_slip", "compare_with_slips", "unrecorded", "diagnosed", "bare"]

Slip = tuple[str, Callable]


def first_slip(got: Any, args: Sequence, slips: Sequence[Slip], atol: float = 1e-5, rtol: float = 1e-4) -> str | None:
    """The words of the first slip whose value on ``args`` is ``got`` (NaN where ``got`` is NaN counts as equal)."""
    for words, slip in slips:
        try:
            with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
                value = slip(*args)
        except Exception:  # a slip that cannot even be computed on these inputs is not what happened
            continue
        if first_difference(value, got, atol, rtol) is None:
            return words
    return None


@contextlib.contextmanager
def unrecorded():
    """Run checks whose verdicts are only a step towards the final one: print nothing and record nothing
    (``progress.unrecorded``), so a learner's first failure counts once and the closer hint comes on the second."""
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):
        yield


def bare(message: str) -> str:
    """A verdict's message without the closer hint that ``progress.record`` appended: an inner verdict's message
    becomes part of the final one, which gets its own (one) closer hint when it is recorded."""
    return message.split("\n  closer hint (", 1)[0]


def diagnosed(message: str, name: str, words: str) -> str:
    """``message`` ("✗ name: rest") with "it looks like <words>" put first, the rest below it."""
    head = f"✗ {name}: "
    rest = message[len(head):] if message.startswith(head) else message
    return f"{head}it looks like {words}\n  {rest}"


def first_error(fn: Callable, inputs: Sequence[tuple]) -> tuple[int, Exception] | None:
    """The first input on which ``fn`` raises, with what it raised: run quietly (the learner's prints stay out of
    the verdict) and without gradients, so the words that explain an error can use the sizes of that input."""
    for index, args in enumerate(inputs):
        try:
            with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
                fn(*(unlabel(arg) for arg in args))
        except Exception as error:
            return index, error
    return None


def compare_with_slips(fn: Callable, reference: Callable, inputs: Sequence[tuple], slips: Sequence[Slip], *,
                       name: str, hint: str, atol: float = 1e-5, rtol: float = 1e-4,
                       errors: Sequence[tuple[str, str]] = ()) -> CheckResult:
    """``compare``; when a value is wrong, name the slip that gives the learner's value (tried on each wrong input in
    turn), and when the learner's function raised, the ``errors`` entry whose fragment its message holds."""
    with unrecorded():
        result = compare(fn, reference, inputs, name=name, hint=hint, atol=atol, rtol=rtol)
    message = bare(result.message)
    if result or "not written yet" in message or not callable(fn):
        return verdict(result.passed, message)
    words = _diagnosis(fn, reference, inputs, slips, atol, rtol, errors)
    return verdict(False, diagnosed(message, name, words) if words else message)


def _diagnosis(fn: Callable, reference: Callable, inputs: Sequence[tuple], slips: Sequence[Slip], atol: float,
               rtol: float, errors: Sequence[tuple[str, str]]) -> str | None:
    """The words for what went wrong: on the first input the learner gets wrong, its error's entry in ``errors``, or
    the slip that gives its value there. Among the slips that do, the first that also gives the learner's value on
    every other wrong input wins: one input may not tell two slips apart (a picture without vertical gradient cannot
    tell "gx's sign flipped" from "both signs flipped")."""
    wrong = []  # (args, learner's value) where it differs from the reference
    for args in inputs:
        values = tuple(unlabel(arg) for arg in args)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                got = fn(*values)
        except Exception as error:
            if not wrong:
                text = f"{type(error).__name__}: {error}"
                words = next((w for fragment, w in errors if fragment in text), None)
                if words:
                    return words
            continue
        if first_difference(reference(*values), got, atol, rtol) is not None:
            wrong.append((values, got))
    if not wrong:
        return None
    candidates = [slip for slip in slips if first_slip(wrong[0][1], wrong[0][0], [slip], atol, rtol)]
    for words, slip in candidates:
        if all(first_slip(got, values, [(words, slip)], atol, rtol) for values, got in wrong[1:]):
            return words
    return candidates[0][0] if candidates else None
