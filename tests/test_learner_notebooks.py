"""The learner notebooks as a learner first meets them: every exercise still a stub.

- A stub says in words what to do: its message carries none of the solution's code (the answer is in
  solutions/, and the notebook says so at the top).
- Run top to bottom with every stub in place, a notebook stops each cell that needs an unfinished exercise with
  one line (course.checks.require -> NotReady), and its checks say "not written yet": no other error, no stack
  trace, and no cell that runs on with a stub and prints numbers that contradict the prose.
"""
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
LEARNER = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"

# what code looks like in a hint: a call, indexing, an assignment, an operator only code uses
CODE = re.compile(r"[A-Za-z_][\w.]*\s*\(|\w\[|(?<![<>=!])=(?!=)|==|\*\*|//|\.view\b|\.transpose\b|\.permute\b")


def blocks(path: Path):
    """(cell index, hint, solution code) for every BEGIN/END SOLUTION block of a solution notebook."""
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        lines, hint, inside = [], None, False
        for line in cell.source.split("\n"):
            text = line.strip()
            if text.startswith(BEGIN):
                inside, lines = True, []
                hint = text[len(BEGIN):].strip().removeprefix("hint:").strip()
            elif text.startswith(END):
                inside = False
                yield index, hint, "\n".join(lines)
            elif inside:
                lines.append(text)


def code_in(hint: str, solution: str) -> list[str]:
    """The pieces of ``hint`` that are code: code-like syntax, or 16+ characters of the solution itself."""
    found = [m.group(0) for m in CODE.finditer(hint)]
    squeezed = " ".join(solution.split())
    words = hint.split()
    for n in range(len(words)):
        for m in range(n + 1, len(words) + 1):
            piece = " ".join(words[n:m])
            if len(piece) >= 16 and piece in squeezed:
                found.append(piece)
    return found


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_stub_hints_are_words_not_the_solutions_code(path):
    leaks = [f"cell {i}: {hint!r} shows {code_in(hint, code)}" for i, hint, code in blocks(path)
             if code_in(hint, code)]
    assert not leaks, f"{path.name}: these stub hints hand out code (say it in words; the answer is in " \
                      "solutions/):\n" + "\n".join(leaks)


def test_the_code_detector_sees_code_and_lets_words_pass():
    assert code_in("return torch.softmax(scores, dim=-1)", "")
    assert code_in("x[:, None]", "")
    assert code_in("weights times the values", "return weights @ values times the values")  # 16+ chars of it
    assert not code_in("softmax over the last axis: the text tokens, not the queries", "")
    assert not code_in("divide by the square root of the head size d, not of the channels C", "")


@pytest.mark.parametrize("path", LEARNER, ids=lambda p: p.stem)
def test_learner_notebooks_say_where_the_answers_are(path):
    first = nbformat.read(path, as_version=4).cells[0].source
    assert "solutions/" in first, f"{path.name}: its first cell should say the answers are in solutions/"


@pytest.mark.parametrize("path", LEARNER, ids=lambda p: p.stem)
def test_all_stubs_stop_cleanly(path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True, resources={
        "metadata": {"path": str(ROOT / "notebooks")}}).execute()
    problems = []
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error" and out.ename != "NotReady":
                problems.append(f"cell {index} raised {out.ename}: {out.evalue[:200]}")
            text = out.get("text", "") if out.output_type == "stream" else ""
            if "Traceback" in text:
                problems.append(f"cell {index} printed a traceback")
    assert not problems, f"{path.name} with every stub in place:\n" + "\n".join(problems)
