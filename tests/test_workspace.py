"""`python -m course start`: the learner's copies in work/, never overwritten, and what a newer course does."""
import json

import pytest

from course.notebook.workspace import REPO, report, start


def course_with(tmp_path, **notebooks):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name, text in notebooks.items():
        (folder / f"{name}.ipynb").write_text(text)
    return folder


def test_start_copies_every_learner_notebook(tmp_path):
    nbs = course_with(tmp_path, **{"01_a": "one", "02_b": "two"})
    done = start(tmp_path / "work", nbs)
    assert done == {"copied": ["01_a.ipynb", "02_b.ipynb"], "kept": [], "newer": []}
    assert (tmp_path / "work" / "02_b.ipynb").read_text() == "two"


def test_a_learners_edits_survive_start_again(tmp_path):
    nbs = course_with(tmp_path, **{"01_a": "course"})
    start(tmp_path / "work", nbs)
    (tmp_path / "work" / "01_a.ipynb").write_text("my answers")
    assert start(tmp_path / "work", nbs)["kept"] == ["01_a.ipynb"]
    assert (tmp_path / "work" / "01_a.ipynb").read_text() == "my answers"


def test_a_newer_course_notebook_goes_beside_the_learners(tmp_path):
    nbs = course_with(tmp_path, **{"01_a": "course v1"})
    start(tmp_path / "work", nbs)
    (tmp_path / "work" / "01_a.ipynb").write_text("my answers")
    (nbs / "01_a.ipynb").write_text("course v2")  # git pull
    done = start(tmp_path / "work", nbs)
    assert done["newer"] == ["01_a.ipynb"]
    assert (tmp_path / "work" / "01_a.ipynb").read_text() == "my answers"
    assert (tmp_path / "work" / "01_a.new.ipynb").read_text() == "course v2"
    assert "yours is kept" in report(done, tmp_path / "work")


def test_a_new_notebook_in_the_course_is_copied_and_the_others_kept(tmp_path):
    nbs = course_with(tmp_path, **{"01_a": "one"})
    start(tmp_path / "work", nbs)
    (nbs / "08_new.ipynb").write_text("eight")
    done = start(tmp_path / "work", nbs)
    assert done["copied"] == ["08_new.ipynb"] and done["kept"] == ["01_a.ipynb"]
    assert json.loads((tmp_path / "work" / ".course-versions.json").read_text()).keys() == {"01_a.ipynb",
                                                                                           "08_new.ipynb"}


def test_no_notebooks_says_to_use_a_clone(tmp_path):
    with pytest.raises(FileNotFoundError, match="clone of the course"):
        start(tmp_path / "work", tmp_path / "nothing")


def test_the_real_course_starts_into_any_folder(tmp_path):
    done = start(tmp_path / "work")
    assert done["copied"] == sorted(p.name for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_tests_never_use_the_learners_workspace():
    # work/ is the learner's: git ignores it and pytest collects only tests/ and solutions/
    ignored = (REPO / ".gitignore").read_text().splitlines()
    assert "/work/" in ignored
    line = next(l for l in (REPO / "pyproject.toml").read_text().splitlines() if l.startswith("testpaths"))
    assert line == 'testpaths = ["tests", "solutions"]'


def test_the_command_line_start_says_where_and_what(tmp_path, capsys):
    from course.__main__ import main

    assert main(["start", "--dir", str(tmp_path / "mine")]) == 0
    out = capsys.readouterr().out
    assert f"your notebooks are in {tmp_path / 'mine'}/" in out and "copied: 01_tokenizer.ipynb" in out
    assert main(["start", "--dir", str(tmp_path / "mine")]) == 0
    assert "kept as you left them: 01_tokenizer.ipynb" in capsys.readouterr().out
