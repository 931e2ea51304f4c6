"""Tests for tools/make_notebooks.py, and the sync test: notebooks/ must be generated from solutions/."""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import make_notebooks  # noqa: E402  (tools/ is a folder of scripts, not a package)
from make_notebooks import MarkerError, check, generate, render, stub_source  # noqa: E402

STUB = '# YOUR CODE HERE\nraise NotImplementedError("Write this part, then run the check below.")'


def notebook(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    for i, cell in enumerate(nb.cells):
        cell.id = f"solution-cell-{i}"
    return nb


def code(source: str, tags: list[str] | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    if tags:
        cell.metadata["tags"] = tags
    return cell


def save(path: Path, nb: nbformat.NotebookNode) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(nb), encoding="utf-8")


SOLUTION = notebook(
    nbformat.v4.new_markdown_cell("# Tokenizer\nRebuild it."),
    code("import math"),
    code("def f(x):\n    ### BEGIN SOLUTION hint: square it\n    return x * x\n    ### END SOLUTION\n\nf(3)"),
    code("secret = 42", tags=["solution-only"]),
)


# ---- (a) the sync test ----------------------------------------------------------------------

def test_learner_notebooks_are_generated_from_the_solutions():
    problems = check(ROOT)
    assert not problems, ("notebooks/ is out of sync with solutions/:\n  " + "\n  ".join(problems)
                          + "\nIf you wrote your answers in notebooks/, keep them first: copy the notebook into work/ "
                          "(`cp notebooks/NN_name.ipynb work/`; `make start` puts every notebook there, where "
                          "nothing overwrites it). If you changed solutions/, run `python tools/make_notebooks.py` "
                          "(it also keeps a backup of any learner notebook it replaces) and commit both.")


def test_check_reports_missing_stale_and_orphan_notebooks(tmp_path):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "notebooks").mkdir()
    assert check(tmp_path) == []  # empty folders: nothing to do

    save(tmp_path / "solutions" / "01_demo.ipynb", SOLUTION)
    assert check(tmp_path) == ["notebooks/01_demo.ipynb is missing"]

    assert make_notebooks.write_all(tmp_path) == [tmp_path / "notebooks" / "01_demo.ipynb"]
    assert check(tmp_path) == []
    assert make_notebooks.write_all(tmp_path) == []  # nothing changed, nothing written

    stale = generate(SOLUTION)
    stale.cells[1].source = "import math  # edited by hand"
    save(tmp_path / "notebooks" / "01_demo.ipynb", stale)
    assert check(tmp_path) == ["notebooks/01_demo.ipynb is out of date with solutions/01_demo.ipynb"]

    save(tmp_path / "notebooks" / "02_orphan.ipynb", generate(SOLUTION))
    assert "notebooks/02_orphan.ipynb has no solutions/02_orphan.ipynb to be generated from" in check(tmp_path)


def test_regenerating_keeps_a_learners_edited_notebook_as_a_backup(tmp_path, capsys):
    save(tmp_path / "solutions" / "01_demo.ipynb", SOLUTION)
    make_notebooks.write_all(tmp_path)
    worked = generate(SOLUTION)
    worked.cells[2].source = "def f(x):\n    return x ** 2  # my answer"
    save(tmp_path / "notebooks" / "01_demo.ipynb", worked)
    make_notebooks.write_all(tmp_path)
    backups = list((tmp_path / "notebooks" / ".backup").glob("01_demo-*.ipynb"))
    assert len(backups) == 1 and "my answer" in backups[0].read_text(encoding="utf-8")
    assert "kept the previous 01_demo.ipynb" in capsys.readouterr().out
    assert check(tmp_path) == []  # the learner notebook itself is regenerated


def test_check_mode_of_the_command_line_reports_and_writes_nothing(tmp_path, capsys):
    save(tmp_path / "solutions" / "01_demo.ipynb", SOLUTION)
    assert make_notebooks.main(["--check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "notebooks/01_demo.ipynb is missing" in out and "python tools/make_notebooks.py" in out
    assert not (tmp_path / "notebooks" / "01_demo.ipynb").exists()

    assert make_notebooks.main(["--root", str(tmp_path)]) == 0
    assert (tmp_path / "notebooks" / "01_demo.ipynb").exists()
    assert make_notebooks.main(["--check", "--root", str(tmp_path)]) == 0


def test_check_names_the_notebook_with_unbalanced_markers(tmp_path, capsys):
    save(tmp_path / "solutions" / "03_bad.ipynb", notebook(code("x = 1"), code("### BEGIN SOLUTION\ny = 2")))
    assert check(tmp_path) == ["solutions/03_bad.ipynb, cell 1: '### BEGIN SOLUTION' is never closed; "
                               "add a '### END SOLUTION' line after the solution."]
    assert make_notebooks.main(["--root", str(tmp_path)]) == 1
    assert "solutions/03_bad.ipynb, cell 1" in capsys.readouterr().err


# ---- (b) the stub transformation --------------------------------------------------------------

def test_a_block_becomes_a_stub_at_the_marker_indentation_with_its_hint():
    learner = generate(SOLUTION)
    assert learner.cells[2].source == ("def f(x):\n    # YOUR CODE HERE\n    raise NotImplementedError(\"square it\")"
                                       "\n\nf(3)")


def test_a_block_without_hint_gets_the_default_hint():
    assert stub_source("### BEGIN SOLUTION\nx = 1\n### END SOLUTION") == STUB


def test_several_blocks_in_one_cell_and_the_rest_untouched():
    source = ("a = 1\n### BEGIN SOLUTION\nb = 2\n### END SOLUTION\nc = 3\n"
              "for i in range(3):\n        ### BEGIN SOLUTION hint: print i\n        print(i)\n"
              "        ### END SOLUTION\n")
    assert stub_source(source) == (f"a = 1\n{STUB}\nc = 3\nfor i in range(3):\n        # YOUR CODE HERE\n"
                                   f"        raise NotImplementedError(\"print i\")\n")


def test_hints_with_quotes_stay_valid_python():
    for hint in ['use "min"', "it's the lowest", "both ' and \""]:
        stub = stub_source(f"### BEGIN SOLUTION hint: {hint}\nx = 1\n### END SOLUTION")
        with pytest.raises(NotImplementedError, match="lowest|min|both") as raised:
            exec(stub, {})
        assert str(raised.value) == hint


def test_solution_only_cells_are_dropped_and_markdown_is_kept():
    learner = generate(SOLUTION)
    assert [c.cell_type for c in learner.cells] == ["markdown", "code", "code"]
    assert all("secret" not in c.source for c in learner.cells)
    assert learner.cells[0].source == "# Tokenizer\nRebuild it."


@pytest.mark.parametrize("source, message", [
    ("### BEGIN SOLUTION\nx = 1", "cell 2: '### BEGIN SOLUTION' is never closed"),
    ("x = 1\n### END SOLUTION", "cell 2, line 2: '### END SOLUTION' without a matching BEGIN"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "cell 2, line 2: '### BEGIN SOLUTION' inside another"),
    ("### BEGIN SOLUTION please\nx = 1\n### END SOLUTION", "cell 2, line 1: write '### BEGIN SOLUTION' alone"),
])
def test_unbalanced_markers_name_the_notebook_and_cell(source, message):
    nb = notebook(code("x = 0"), nbformat.v4.new_markdown_cell("text"), code(source))
    with pytest.raises(MarkerError, match="solutions/07_demo.ipynb, " + message.replace("(", r"\(")):
        generate(nb, name="solutions/07_demo.ipynb")


def test_outputs_counts_and_metadata_are_stripped():
    nb = notebook(code("print(1)"), code("2", tags=["nbval-skip"]))
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="1\n")]
    nb.cells[0].execution_count = 7
    nb.cells[0].metadata["execution"] = {"iopub.status.idle": "2024-01-01T00:00:00"}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.4"}
    nb.metadata["widgets"] = {"state": {}}
    learner = generate(nb)
    assert learner.cells[0].outputs == [] and learner.cells[0].execution_count is None
    assert learner.cells[0].metadata == {}
    assert learner.cells[1].metadata == {"tags": ["nbval-skip"]}  # tags stay: nbval and Jupyter read them
    assert learner.metadata == {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                "language_info": {"name": "python"}}


def test_generation_is_deterministic_and_idempotent():
    first = render(generate(SOLUTION))
    assert render(generate(SOLUTION)) == first
    assert [c.id for c in generate(SOLUTION).cells] == ["solution-cell-0", "solution-cell-1", "solution-cell-2"]
    learner = nbformat.reads(first, as_version=4)
    assert render(generate(learner)) == first  # a learner notebook has no markers left: generating again is a no-op
    nbformat.validate(learner)


def test_cells_without_ids_get_ids_from_their_index(tmp_path):
    path = tmp_path / "old.ipynb"
    text = render(SOLUTION)
    for i in range(4):
        text = text.replace(f'   "id": "solution-cell-{i}",\n', "")
    path.write_text(text, encoding="utf-8")
    ids = [c.id for c in generate(make_notebooks.read_notebook(path)).cells]
    assert ids == ["cell-0", "cell-1", "cell-2"]


def test_execute_runs_the_solution_in_place_then_regenerates(tmp_path):
    save(tmp_path / "solutions" / "01_run.ipynb",
         notebook(code("from pathlib import Path\nprint(Path.cwd().name)"),
                  code("### BEGIN SOLUTION\nprint(6 * 7)\n### END SOLUTION")))
    assert make_notebooks.main(["--execute", "--root", str(tmp_path)]) == 0
    solution = nbformat.read(tmp_path / "solutions" / "01_run.ipynb", as_version=4)
    assert solution.cells[0].outputs[0].text == "solutions\n"  # it ran inside solutions/
    assert solution.cells[1].outputs[0].text == "42\n"
    learner = nbformat.read(tmp_path / "notebooks" / "01_run.ipynb", as_version=4)
    assert learner.cells[1].source == STUB and learner.cells[1].outputs == []


def test_execute_some_runs_only_those(tmp_path, capsys):
    for name in ("01_a", "02_b"):
        save(tmp_path / "solutions" / f"{name}.ipynb", notebook(code("print(1)")))
    assert make_notebooks.main(["--execute", "02", "--root", str(tmp_path)]) == 0
    ran = {name: bool(nbformat.read(tmp_path / "solutions" / f"{name}.ipynb", as_version=4).cells[0].outputs)
           for name in ("01_a", "02_b")}
    assert ran == {"01_a": False, "02_b": True}
    assert make_notebooks.main(["--execute", "09", "--root", str(tmp_path)]) == 1
    assert "no solution notebook starts with 09: choose from 01_a, 02_b" in capsys.readouterr().err


# ---- (c) what learners get ----------------------------------------------------------------------

def test_learner_notebooks_have_no_outputs_and_no_solutions():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for index, cell in enumerate(nb.cells):
            where = f"{path.name}, cell {index}"
            assert "### BEGIN SOLUTION" not in cell.source and "### END SOLUTION" not in cell.source, where
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, where
