"""Assertions on what a course.checks function printed and returned (shared by the tests of the checks), and a
fixture that gives each test a fresh record of passed checks (import ``fresh_record`` to use it)."""
import pytest
import torch

from course.checks import progress


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())
    torch.set_num_threads(1)  # small tensors: as fast, and the machine is shared


def passes(result, capsys) -> str:
    out = capsys.readouterr().out
    assert result and result.passed, out
    assert out.startswith("✓"), out
    return out


def fails(result, capsys) -> str:
    out = capsys.readouterr().out
    assert not result and not result.passed, out
    assert out.startswith("✗") and "Traceback" not in out, out
    assert out.strip() == result.message.strip()
    return out


def diagnosed(result, capsys, words: str, looks_like: bool = False) -> str:
    """The check failed, printed once as returned, and named the mistake by ``words`` on its first line (after
    "it looks like", when ``looks_like``)."""
    out = fails(result, capsys)
    first = out.split("\n", 1)[0]
    if looks_like:
        assert first.startswith(f"✗ {result.message[2:].split(':', 1)[0]}: it looks like "), out
    assert words in first, f"expected {words!r} on the first line:\n{out}"
    return out


def registered_with_word_hints(name: str, notebook: str, section: str) -> None:
    """Exercise ``name`` is registered for ``notebook``'s ``section`` with at least three hints, all in words (no
    code: no brackets, no "=", nothing the stub-hint detector calls code), and the last tier points to the answer."""
    from test_learner_notebooks import code_in  # the detector the stub hints pass

    exercise = progress.EXERCISES[name]
    assert exercise.notebook == notebook and exercise.section == section and len(exercise.tiers) >= 3
    for tier in exercise.tiers:
        assert "(" not in tier and "=" not in tier and not code_in(tier, ""), tier
    last = progress.hint(name, len(exercise.tiers) + 1, quiet=True)
    assert last == f"no more hints: the answer is in solutions/{notebook}.ipynb, {section}."


def closer_hint_on_the_second_failure(check, name: str, section: str, mistake, good, closer: str, capsys) -> None:
    """``require`` waits until the check has run and passed; the first failure names the mistake without the closer
    hint, the second adds it once (``closer`` is how it starts); a right answer then lets ``require`` through."""
    with pytest.raises(progress.NotReady, match="its check has not run yet"):
        progress.require(name)
    assert "closer hint" not in fails(check(mistake), capsys)
    second = fails(check(mistake), capsys)
    assert second.count(f"closer hint (2nd try): {closer}") == 1 and second.count("it looks like") == 1, second
    with pytest.raises(progress.NotReady, match=f"finish {section} `{name}` first"):
        progress.require(name)
    passes(check(good), capsys)
    progress.require(name)


def stub(*args, **kwargs):
    """A learner's exercise as the notebook hands it out."""
    raise NotImplementedError("write it")


def broken(*args, **kwargs):
    """A learner's exercise that fails with an error of its own."""
    raise ValueError("my own bug")


def not_written_yet(result, capsys) -> str:
    """The check of a stub says so on its first line and gives the exercise's hint, in words."""
    from test_learner_notebooks import code_in  # the detector the stub hints pass

    out = fails(result, capsys)
    assert "not written yet" in out.split("\n", 1)[0] and "raises NotImplementedError" in out
    hint = out.split("hint: ", 1)[1]
    assert "(" not in hint and "=" not in hint and not code_in(hint, ""), hint
    return out
