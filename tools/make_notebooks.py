"""Generate the learner notebooks in notebooks/ from the solution notebooks in solutions/.

solutions/NN_*.ipynb is the single source of truth. In each code cell, the lines between

    ### BEGIN SOLUTION hint: apply the lowest-ranked merge first
    ...the answer...
    ### END SOLUTION

become, at the indentation of the BEGIN line,

    # YOUR CODE HERE
    raise NotImplementedError("apply the lowest-ranked merge first")

Cells tagged ``solution-only`` are left out. Outputs and execution counts are dropped and the
metadata is fixed, so generating twice gives byte-identical files.

    python tools/make_notebooks.py            regenerate every learner notebook
    python tools/make_notebooks.py --check    list the out-of-date ones, exit 1 if any (writes nothing)
    python tools/make_notebooks.py --execute  run each solution notebook in place first, then regenerate
    python tools/make_notebooks.py --execute 06 07   the same for solutions/06_* and 07_* only
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import nbformat

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
DEFAULT_HINT = "Write this part, then run the check below."
SOLUTION_ONLY = "solution-only"
REPO_ROOT = Path(__file__).resolve().parents[1]
METADATA = {  # the only notebook metadata a learner notebook gets: no versions, so nothing changes between machines
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


class MarkerError(ValueError):
    """A ``### BEGIN SOLUTION`` without its ``### END SOLUTION``, or the other way round."""


class ExecutionFailed(RuntimeError):
    """A solution notebook raised an error while ``--execute`` ran it."""


# ---- one cell, one notebook -----------------------------------------------------------------

def stub_source(source: str, where: str = "cell") -> str:
    """Replace every BEGIN/END SOLUTION block of one code cell's source by a stub."""
    out: list[str] = []
    inside = False
    for number, line in enumerate(source.split("\n"), start=1):
        text = line.strip()
        if text.startswith(BEGIN):
            if inside:
                raise MarkerError(f"{where}, line {number}: '{BEGIN}' inside another solution block; "
                                  f"close the first one with '{END}'.")
            indent = line[: len(line) - len(line.lstrip())]
            hint = _quote(_hint(text, where, number))
            out += [f"{indent}# YOUR CODE HERE", f"{indent}raise NotImplementedError({hint})"]
            inside = True
        elif text.startswith(END):
            if not inside or text != END:
                problem = "without a matching BEGIN" if not inside else "with text after it"
                raise MarkerError(f"{where}, line {number}: '{END}' {problem}.")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise MarkerError(f"{where}: '{BEGIN}' is never closed; add a '{END}' line after the solution.")
    return "\n".join(out)


def _hint(marker: str, where: str, number: int) -> str:
    """'### BEGIN SOLUTION hint: merge lowest rank first' -> 'merge lowest rank first'."""
    rest = marker[len(BEGIN):].strip()
    if not rest:
        return DEFAULT_HINT
    if not rest.startswith("hint:"):
        raise MarkerError(f"{where}, line {number}: write '{BEGIN}' alone or '{BEGIN} hint: ...', not {marker!r}.")
    return rest[len("hint:"):].strip() or DEFAULT_HINT


def _quote(text: str) -> str:
    """A Python string literal for ``text``, in double quotes unless the text holds one."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1] + '"'
    return literal


def generate(solution_nb: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """The learner version of a solution notebook: stubs for solutions, no outputs, fixed metadata."""
    learner = nbformat.v4.new_notebook(metadata=METADATA)
    for index, cell in enumerate(solution_nb.cells):
        tags = list(cell.get("metadata", {}).get("tags", []))
        if SOLUTION_ONLY in tags:
            continue
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(stub_source(cell.source, where=f"{name}, cell {index}"))
        elif cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_raw_cell(cell.source)
        if cell.get("attachments"):  # images pasted into a markdown cell
            new.attachments = cell.attachments
        new.id = cell.get("id", f"cell-{index}")  # the solution cell's id: stable, so regenerating changes nothing
        if tags:
            new.metadata["tags"] = tags
        learner.cells.append(new)
    return learner


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook as it is on disk.

    nbformat.read would give cells without an id a random one, and random ids would make the
    learner notebook change at every run; generate() derives those from the cell's index instead.
    """
    nb = nbformat.v4.reads(Path(path).read_text(encoding="utf-8"))  # the plain reader: no validation, no repair
    if nb.get("nbformat") != 4:
        raise ValueError(f"{path} is nbformat {nb.get('nbformat')}; open and save it in Jupyter to upgrade it to 4.")
    return nb


def render(nb: nbformat.NotebookNode) -> str:
    """The exact text written to disk (nbformat sorts keys and indents by 1)."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


# ---- the whole repository -------------------------------------------------------------------

def expected_notebooks(repo_root: Path) -> dict[Path, str]:
    """notebooks/NAME -> the text it should have, for every solutions/NAME."""
    repo_root = Path(repo_root)
    expected = {}
    for path in sorted((repo_root / "solutions").glob("*.ipynb")):
        nb = read_notebook(path)
        expected[repo_root / "notebooks" / path.name] = render(generate(nb, name=f"solutions/{path.name}"))
    return expected


def check(repo_root: Path = REPO_ROOT) -> list[str]:
    """Problems, one line each: learner notebooks missing, out of date, or without a solution."""
    repo_root = Path(repo_root)
    problems = []
    try:
        expected = expected_notebooks(repo_root)
    except ValueError as error:  # a MarkerError, or a file that is not a notebook
        return [str(error)]
    for path, text in expected.items():
        if not path.exists():
            problems.append(f"notebooks/{path.name} is missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"notebooks/{path.name} is out of date with solutions/{path.name}")
    for path in sorted((repo_root / "notebooks").glob("*.ipynb")):
        if path not in expected:
            problems.append(f"notebooks/{path.name} has no solutions/{path.name} to be generated from")
    return problems


def write_all(repo_root: Path = REPO_ROOT) -> list[Path]:
    """Write every learner notebook whose text changed; return the ones written.

    A learner notebook about to be replaced may hold a learner's work, so it is first copied to
    notebooks/.backup/NAME-YYYYmmdd-HHMMSS.ipynb (that folder is not tracked by git).
    """
    written = []
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for path, text in expected_notebooks(repo_root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                backup = path.parent / ".backup" / f"{path.stem}-{stamp}.ipynb"
                backup.parent.mkdir(exist_ok=True)
                shutil.copy2(path, backup)
                print(f"kept the previous {path.name} as {backup.relative_to(path.parent.parent)}")
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(path)
    return written


def execute_solutions(repo_root: Path = REPO_ROOT, timeout: int = 600, names=()) -> None:
    """Run each solution notebook (or those whose names start with one of ``names``, e.g. "07") top to bottom
    (cwd solutions/) and save it with its outputs."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    paths = sorted((Path(repo_root) / "solutions").glob("*.ipynb"))
    chosen = [p for p in paths if not names or p.name.startswith(tuple(names))]
    if not chosen:
        raise ValueError(f"no solution notebook starts with {', '.join(names)}: "
                         f"choose from {', '.join(p.stem for p in paths)}.")
    for path in chosen:
        print(f"executing solutions/{path.name} ...", flush=True)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
        except CellExecutionError as error:
            raise ExecutionFailed(f"solutions/{path.name} failed, so it was not saved:\n{error}") from None
        nbformat.write(nb, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate notebooks/ from solutions/.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="only report out-of-date notebooks; exit 1 if any")
    mode.add_argument("--execute", nargs="*", metavar="NN", default=None,
                      help="execute the solution notebooks in place first (only those starting with NN, if given)")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="the repository root (default: this one)")
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = check(args.root)
            for problem in problems:
                print(problem)
            if problems:
                print("Run `python tools/make_notebooks.py` to regenerate the learner notebooks (learners: work in "
                      "work/, from `make start`, which this never touches).")
            return 1 if problems else 0
        if args.execute is not None:
            execute_solutions(args.root, names=args.execute)
        written = write_all(args.root)
    except (ValueError, ExecutionFailed) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote notebooks/{path.name}")
    print(f"{len(written)} notebook(s) written, the others were up to date.")
    for problem in check(args.root):
        print(f"warning: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
