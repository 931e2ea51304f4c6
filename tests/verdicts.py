"""Assertions on what a course.checks function printed and returned (shared by the tests of the checks)."""


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
