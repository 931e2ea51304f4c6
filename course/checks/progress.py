"""What a learner has finished, hints that get more concrete, and cells that wait for an unfinished exercise.

Every check records whether it passed (``verdict`` calls ``record``). That gives three things:

- **Hints in tiers.** Each exercise registers a few hints (``register``), from a nudge in words to the idea
  spelt out, never the code; the answer itself is in ``solutions/``. A check that fails shows the first tier;
  failing again shows the next. ``course.checks.hint("ddpm_loss", 2)`` asks for a tier directly.
- **No silent cascades.** A cell that uses an exercise starts with ``course.checks.require("ddpm_loss")``: when
  that check has not passed (not written yet, failing, or not run since the kernel started) the cell stops with
  one line saying what to finish first, instead of running on and printing numbers that contradict the prose.
- **Where the answer is.** The last tier names the solution notebook and section.
"""
from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

PASSED: dict[str, bool] = {}   # check name -> did its last run pass
FAILURES: Counter = Counter()  # check name -> failed runs since it last passed


@dataclass
class Exercise:
    """An exercise's place in the course and its hints, vaguest first (words only: a test keeps code out)."""

    name: str
    notebook: str   # "05_sampling"
    section: str    # "§3"
    tiers: list[str] = field(default_factory=list)

    @property
    def answer(self) -> str:
        return f"the answer is in solutions/{self.notebook}.ipynb, {self.section}"


EXERCISES: dict[str, Exercise] = {}


def register(name: str, notebook: str, section: str, *tiers: str) -> None:
    """Declare exercise ``name`` (the name its check prints) with its hints, vaguest first."""
    EXERCISES[name] = Exercise(name, notebook, section, list(tiers))


def record(name: str, passed: bool) -> str:
    """Note a check's result; return the extra hint a repeated failure earns ("" when none)."""
    PASSED[name] = passed
    if passed:
        FAILURES.pop(name, None)
        return ""
    FAILURES[name] += 1
    exercise = EXERCISES.get(name)
    if exercise is None or FAILURES[name] < 2:
        return ""  # the first failure shows the check's own hint only
    level = FAILURES[name]  # second failure: tier 2, and so on; past the last tier, where the answer is
    return f"\n  closer hint ({_ordinal(FAILURES[name])} try): {hint(name, level, quiet=True)}"


def hint(name: str, level: int = 1, quiet: bool = False) -> str:
    """Hint ``level`` (1 = vaguest) for exercise ``name``; past the last tier, where the answer is."""
    exercise = EXERCISES.get(name)
    if exercise is None:
        known = ", ".join(sorted(EXERCISES)) or "none registered yet: run the notebook's first cells"
        raise ValueError(f"no exercise named {name!r}; the exercises are: {known}.")
    if not isinstance(level, int) or isinstance(level, bool) or level < 1:
        raise ValueError(f"level={level!r}: hints are numbered from 1 (vaguest) to {len(exercise.tiers)}.")
    text = exercise.tiers[level - 1] if level <= len(exercise.tiers) else f"no more hints: {exercise.answer}."
    if not quiet:
        print(text)
    return text


class NotReady(Exception):
    """A cell used an exercise whose check has not passed. Jupyter shows only the message (one line)."""

    def _render_traceback_(self):  # IPython's hook: what to print instead of a stack trace
        return [f"⛔ {self}"]


def require(*names: str) -> None:
    """Stop this cell unless every named exercise's check has passed, saying which to finish first and why."""
    for name in names:
        exercise = EXERCISES.get(name)
        where = f"{exercise.section} " if exercise else ""
        if name not in PASSED:
            raise NotReady(f"finish {where}`{name}` first: its check has not run yet in this session (run the cells "
                           "of that section, the check included, then this one again).")
        if not PASSED[name]:
            raise NotReady(f"finish {where}`{name}` first: its check does not pass yet, so what follows would show "
                           "wrong results.")


@contextmanager
def unrecorded():
    """Checks run inside this block leave the record as it was and earn no closer hint: a check built on another
    check (a comparison first, then a diagnosis or a gradient test) records one verdict, its own, so one failure
    counts once."""
    global PASSED, FAILURES
    saved = PASSED, FAILURES
    PASSED, FAILURES = {}, Counter()  # what runs inside records here, and is forgotten
    try:
        yield
    finally:
        PASSED, FAILURES = saved


def _ordinal(n: int) -> str:
    return {2: "2nd", 3: "3rd"}.get(n, f"{n}th")
