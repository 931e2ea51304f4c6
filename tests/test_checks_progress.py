"""course.checks.progress: hints in tiers, the record of passed checks, and cells that wait for an exercise."""
import pytest

from course.checks import progress
from course.checks.core import compare


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())
    monkeypatch.setattr(progress, "EXERCISES", {})
    progress.register("double", "00_demo", "§1", "multiply by a small number", "the number is two")


def double(x):
    return 2 * x


def test_require_before_the_check_ran_says_to_run_it():
    with pytest.raises(progress.NotReady, match=r"finish §1 `double` first: its check has not run yet"):
        progress.require("double")


def test_require_after_a_failing_check_stops_the_cell_in_one_line(capsys):
    compare(lambda x: 3 * x, double, [(1,)], name="double")
    with pytest.raises(progress.NotReady) as info:
        progress.require("double")
    assert "does not pass yet" in str(info.value)
    assert info.value._render_traceback_() == [f"⛔ {info.value}"]  # what Jupyter shows: one line, no stack


def test_require_after_a_passing_check_lets_the_cell_run(capsys):
    compare(double, double, [(1,)], name="double")
    progress.require("double")


def test_a_stub_counts_as_not_passed(capsys):
    def stub(x):
        raise NotImplementedError("multiply")
    compare(stub, double, [(1,)], name="double")
    with pytest.raises(progress.NotReady, match="does not pass yet"):
        progress.require("double")


def test_hints_get_closer_with_each_failure_then_point_to_the_answer(capsys):
    wrong = lambda x: 3 * x  # noqa: E731
    first = compare(wrong, double, [(1,)], name="double").message
    assert "closer hint" not in first
    second = compare(wrong, double, [(1,)], name="double").message
    assert "closer hint (2nd try): the number is two" in second
    third = compare(wrong, double, [(1,)], name="double").message
    assert "no more hints: the answer is in solutions/00_demo.ipynb, §1" in third
    compare(double, double, [(1,)], name="double")
    assert "closer hint" not in compare(wrong, double, [(1,)], name="double").message  # counting starts again


def test_hint_by_level_and_its_errors(capsys):
    assert progress.hint("double", 1) == "multiply by a small number"
    assert capsys.readouterr().out.strip() == "multiply by a small number"
    assert "solutions/00_demo.ipynb" in progress.hint("double", 3)
    with pytest.raises(ValueError, match="no exercise named 'triple'; the exercises are: double"):
        progress.hint("triple")
    with pytest.raises(ValueError, match="level=0"):
        progress.hint("double", 0)
