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
