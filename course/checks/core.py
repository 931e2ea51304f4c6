"""Checks the notebooks run after each step: does the learner's function agree with the reference?

A check calls the learner's function and the reference on the same inputs and prints a short
verdict, never a stack trace (the first mismatch, compactly, and a hint):

    ✗ clean: 6 of 13 inputs match; first mismatch:
        input:       clean('A Photo of a CAT')
        expected:    'a photo of a cat'
        got:         'A Photo of a CAT'
        difference:  character 0 differs: expected 'a' (U+0061), got 'A' (U+0041)
      hint: NFC-normalise (unicodedata.normalize), turn every run of whitespace into one space, ...

A stub that raises NotImplementedError is "not written yet"; any other exception is reported
by its type, message and input. ``compare`` is the generic core (``course.checks.modules`` builds
module checks on it); the ``check_*`` functions are one per notebook step and return a
``CheckResult``, truthy when passed: ``assert check_clean(clean)``.
"""
from __future__ import annotations

import math
import numbers
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import torch

from course.checks import progress

DEFAULT_HINT = "Re-read the explanation above, then compare your code with it line by line."
MAX_ITEMS = 8  # how many items of a list or dict a message shows


@dataclass
class CheckResult:
    """What a check found: ``passed``, and the ``message`` it printed. Truthy when passed."""

    passed: bool
    message: str

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"CheckResult(passed={self.passed})"

    def _ipython_display_(self) -> None:
        """Show nothing when a check is the last line of a Jupyter cell: it has printed its verdict already."""


def verdict(passed: bool, message: str) -> CheckResult:
    """Print ``message`` and return it as a ``CheckResult``: every check ends here. The check's name (what follows
    ✓ or ✗) is recorded, so a later cell can ``require`` it and a repeated failure earns a closer hint."""
    name = message[2:].split(":", 1)[0].strip() if message[:1] in "✓✗" else ""
    if name:
        message += progress.record(name, passed)
    print(message)
    return CheckResult(passed, message)


def not_written(name: str, hint: str, error: NotImplementedError) -> CheckResult:
    """The verdict on a stub; it names the function that raised (``ResnetBlock.__init__``), which matters when
    the stub is a part of what is checked: a block inside the Encoder."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = "it"
    if tb is not None:
        code = tb.tb_frame.f_code
        where = getattr(code, "co_qualname", code.co_name).rsplit("<locals>.", 1)[-1]  # co_qualname: Python 3.11+
    return verdict(False, f"✗ {name}: not written yet ({where} raises NotImplementedError). Replace the "
                          f"`raise NotImplementedError` line with your code, run that cell, then this check again.\n"
                          f"  hint: {hint}")


def describe_error(error: Exception) -> str:
    """'TypeError: message' on one line, cut to 300 characters: a learner's bug, without the stack trace."""
    text = str(error).strip().replace("\n", " ")
    return f"{type(error).__name__}: {text if len(text) <= 300 else text[:300] + '…'}"


# ---- inputs ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Labelled:
    """An argument that a verdict shows as ``label`` (``x (2, 64, 32)``, ``heads=4``); the functions get ``value``."""

    value: Any
    label: str

    def __repr__(self) -> str:
        return self.label


def named(name: str, tensor: torch.Tensor) -> Labelled:
    """A tensor shown by its name and shape: ``x (2, 4, 8, 8)``."""
    return Labelled(tensor, f"{name} {tuple(tensor.shape)}")


def unlabel(arg: Any) -> Any:
    return arg.value if isinstance(arg, Labelled) else arg


def randn(*shape: int, seed: int, scale: float = 1.0, shift: float = 0.0) -> torch.Tensor:
    """Seeded standard-normal values, ``* scale + shift``; the global random state is not touched."""
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale + shift


# ---- showing values ------------------------------------------------------------------------

def short(value: Any, width: int = 60, max_items: int = MAX_ITEMS) -> str:
    """A one-line view of a value: long strings and lists are cut, tensors show shape and dtype."""
    if isinstance(value, torch.Tensor):
        return f"tensor of shape {tuple(value.shape)}, {value.dtype}"
    if isinstance(value, np.ndarray):
        return f"numpy array of shape {value.shape}, {value.dtype}"
    if isinstance(value, str):
        if len(value) <= width:
            return repr(value)
        return repr(value[:width]) + f"… ({len(value)} characters)"
    if isinstance(value, (list, tuple)):
        items = [short(item, 30, max_items) for item in value[:max_items]]
        if len(value) > max_items:
            items.append(f"… {len(value):,} items")
        if isinstance(value, tuple):
            return "(" + ", ".join(items) + ("," if len(value) == 1 else "") + ")"
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        items = [f"{short(k, 30)}: {short(v, 30)}" for k, v in list(value.items())[:max_items // 2]]
        if len(value) > max_items // 2:
            items.append(f"… {len(value):,} items")
        return "{" + ", ".join(items) + "}"
    if isinstance(value, float):
        return f"{value:.6g}"
    text = repr(value)
    return text if len(text) <= width else text[:width] + "…"


def type_name(value: Any) -> str:
    """'None', 'a list', 'an int'."""
    if value is None:
        return "None"
    if isinstance(value, (torch.Tensor, np.ndarray)):
        return "a " + short(value)
    name = type(value).__name__
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


# ---- finding the first difference ------------------------------------------------------------

def first_difference(expected: Any, got: Any, atol: float = 1e-5, rtol: float = 1e-4, at: str = "") -> str | None:
    """Describe where ``got`` first differs from ``expected`` (None when they agree).

    ``at`` is the path so far, like ``[1][76]`` or ``['key']``. Lists and tuples count as the
    same kind; floats and float tensors agree when |got - expected| <= atol + rtol * |expected|.
    """
    where = f"at {at}: " if at else ""
    if got is None and expected is not None:
        return f"{where}got None: does the function `return` its result?"
    if isinstance(expected, (torch.Tensor, np.ndarray)):
        return _tensor_difference(expected, got, atol, rtol, where)
    if isinstance(expected, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            return f"{where}expected a list of {len(expected)} items, got {type_name(got)}"
        for i, (e, g) in enumerate(zip(expected, got)):
            difference = first_difference(e, g, atol, rtol, f"{at}[{i}]")
            if difference and _is_pair_like(e):  # ('l', 'e</w>') reads better whole than item by item
                return f"at {at}[{i}]: expected {short(e)}, got {short(g)}"
            if difference:
                return difference
        if len(got) != len(expected):
            n = min(len(got), len(expected))
            extra = f"missing {short(expected[n])}" if len(got) < len(expected) else f"extra {short(got[n])}"
            return f"{where}expected {len(expected)} items, got {len(got)}; first {extra} at [{n}]"
        return None
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return f"{where}expected a dict of {len(expected)} items, got {type_name(got)}"
        try:
            keys = sorted(expected)  # smallest key first: 'the first byte that maps wrong'
        except TypeError:  # keys that do not sort (mixed types): the dict's own order
            keys = list(expected)
        for key in keys:
            if key not in got:
                return f"{where}key {short(key)} is missing (expected {short(key)}: {short(expected[key])})"
            difference = first_difference(expected[key], got[key], atol, rtol, f"{at}[{key!r}]")
            if difference:
                return difference
        extra = [key for key in got if key not in expected]
        return f"{where}unexpected key {short(extra[0])} ({len(extra)} in all)" if extra else None
    if isinstance(expected, str):
        if not isinstance(got, str):
            return f"{where}expected a str, got {type_name(got)} {short(got)}"
        return None if got == expected else where + _string_difference(expected, got, inside=bool(at))
    if isinstance(expected, numbers.Real) and not isinstance(expected, bool):
        if not isinstance(got, numbers.Real) or isinstance(got, bool):
            return f"{where}expected a number, got {type_name(got)} {short(got)}"
        if isinstance(expected, numbers.Integral) and isinstance(got, numbers.Integral):
            return None if got == expected else f"{where}expected {expected}, got {got}"
        both_nan = math.isnan(expected) and math.isnan(got)
        if both_nan or math.isclose(got, expected, rel_tol=rtol, abs_tol=atol):
            return None
        return f"{where}expected {short(float(expected))}, got {short(float(got))} (|Δ| = {abs(got - expected):.3g})"
    if type(got) is not type(expected) or got != expected:
        return f"{where}expected {short(expected)}, got {short(got)}"
    return None


def _is_pair_like(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) <= 4 and all(isinstance(v, (str, numbers.Number)) for v in value)


def _string_difference(expected: str, got: str, inside: bool) -> str:
    """Name the first differing character with its code point: 'é' and 'e' + U+0301 look the same when printed."""
    if len(expected) == len(got) == 1:
        return f"expected {_char(expected)}, got {_char(got)}"
    looks_the_same = unicodedata.normalize("NFC", expected) == unicodedata.normalize("NFC", got)
    if inside and max(len(expected), len(got)) <= 30 and not looks_the_same:
        return f"expected {expected!r}, got {got!r}"
    i = next((i for i, (e, g) in enumerate(zip(expected, got)) if e != g), min(len(expected), len(got)))
    if i < min(len(expected), len(got)):
        detail = f"character {i} differs: expected {_char(expected[i])}, got {_char(got[i])}"
        if i >= 30:
            detail += f", near {short(expected[i - 10:i + 10])}"
    elif len(got) < len(expected):
        detail = f"got stops after character {i}; expected {len(expected) - i} more: {short(expected[i:], 20)}"
    else:
        detail = f"got goes on after character {i}; {len(got) - i} extra: {short(got[i:], 20)}"
    if inside:  # an item of a list or dict: the whole strings were not shown yet
        return f"expected {short(expected, 30)}, got {short(got, 30)}; {detail}"
    return detail


def _char(c: str) -> str:
    return f"{c!r} (U+{ord(c):04X})"


def _tensor_difference(expected: Any, got: Any, atol: float, rtol: float, where: str) -> str | None:
    kind, wanted = ("tensor", torch.Tensor) if isinstance(expected, torch.Tensor) else ("numpy array", np.ndarray)
    if not isinstance(got, wanted):
        return f"{where}expected a {kind} of shape {tuple(expected.shape)}, got {type_name(got)}"
    # numpy arrays become tensors too: one code path for both
    e, g = torch.as_tensor(expected).detach().cpu(), torch.as_tensor(got).detach().cpu()
    if e.shape != g.shape:
        return f"{where}expected shape {tuple(e.shape)}, got {tuple(g.shape)}"
    if e.dtype != g.dtype:
        return f"{where}expected dtype {e.dtype}, got {g.dtype}"
    if e.is_floating_point():
        close = torch.isclose(g, e, rtol=rtol, atol=atol, equal_nan=True)
    else:
        close = g == e
    if bool(close.all()):
        return None
    delta = (g.double() - e.double()).abs().nan_to_num(nan=math.inf)
    delta[close] = 0
    index = tuple(int(i) for i in torch.unravel_index(delta.argmax(), e.shape))
    return (f"{where}{int((~close).sum())} of {e.numel()} values differ; max |Δ| = {delta.max().item():.3g} "
            f"at index {index}: expected {short(e[index].item())}, got {short(g[index].item())} "
            f"(allowed: atol={atol:g} + rtol={rtol:g}·|expected|)")


# ---- the generic check ----------------------------------------------------------------------

def compare(learner_fn: Callable, reference_fn: Callable, inputs: Sequence[tuple], *, name: str,
            hint: str = DEFAULT_HINT, atol: float = 1e-5, rtol: float = 1e-4,
            show: Callable[..., str] | None = None) -> CheckResult:
    """Call both functions on every input (a tuple of positional arguments); print and return the verdict.

    The reference runs first on each input, so a learner's function that changes its arguments in
    place cannot change what it is compared with. An argument wrapped in ``Labelled`` reaches both
    functions as its value. ``show(*args)`` is how a verdict shows an input (default: ``name(arg, ...)``).
    """
    if not callable(learner_fn):
        return verdict(False, f"✗ {name}: expected a function, got {type_name(learner_fn)}. Pass the function "
                              f"itself, without calling it: check_{name}({name}), not check_{name}({name}(...)).")
    show = show or (lambda *args: f"{name}({', '.join(short(arg, 40, max_items=4) for arg in args)})")
    matched, failure = 0, None
    for args in inputs:
        values = [unlabel(arg) for arg in args]
        expected = reference_fn(*values)
        try:
            got = learner_fn(*values)
        except NotImplementedError as error:
            return not_written(name, hint, error)
        except Exception as error:  # the learner's bug: explain it, no stack trace
            if failure is None:
                failure = f"{name} raised {type(error).__name__} on input {show(*args)}:\n    {describe_error(error)}"
            continue
        difference = first_difference(expected, got, atol, rtol)
        if difference is None:
            matched += 1
        elif failure is None:
            failure = (f"first mismatch:\n    input:       {show(*args)}\n    expected:    {short(expected)}\n"
                       f"    got:         {short(got)}\n    difference:  {difference}")
    total = len(inputs)
    if failure is None:
        what = "the only input matches" if total == 1 else f"all {total} inputs match"
        return verdict(True, f"✓ {name}: {what} the reference.")
    score = f"{matched} of {total} inputs match; " if total > 1 else ""
    return verdict(False, f"✗ {name}: {score}{failure}\n  hint: {hint}")
