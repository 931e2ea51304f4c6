"""Try the course on the newest torch, transformers, diffusers and the notebook stack (`make test-latest`).

The course pins every package in constraints.txt, so `make test` stays green whatever the libraries release. Learners
do not always install into a fresh environment, and pins age out; this command shows what the next release breaks
before a learner finds it. It is NOT part of `make test` and CI never runs it: a library's release must not turn
CI red.

It builds a second virtual environment, .venv-latest/ (with the same Python as .venv), installs torch first (a CPU
build, from TORCH_LATEST), then the course's dependencies and its `dev` extra with no constraints and `--upgrade`,
so each package is the newest release that installs beside that torch. Then it runs, with pytest from that
environment, the parity tests (every test file that touches diffusers, transformers or peft: each component,
sampler and pipeline against the reference, and the folders the libraries write), the bundled-model tests and
nbval over solutions/, and prints one report: each package's pinned and installed version, then each test file's
outcome. The report is also written to .venv-latest/report.md. docs/compatibility.md records the runs and what broke.

    python tools/test_latest.py                         the newest of everything (torch: TORCH_LATEST)
    python tools/test_latest.py --venv .venv-oldest --pin transformers==5.6.0 --pin diffusers==0.41.0
        --no-notebooks -- -m "not slow and not browser"     (one command) the parity tests on a range's low end
    python tools/test_latest.py --skip-install          run the tests again in the environment already built
    python tools/test_latest.py --skip-install --files tests/test_vae.py -- -x -m "not slow"
                                                        chosen files, with more pytest arguments after --

torch is the one package not taken from PyPI's newest: PyPI's Linux x86_64 torch wheels are CUDA builds of several
GB. TORCH_LATEST (a pip requirement, default below) and TORCH_LATEST_INDEX (an index URL, e.g.
https://download.pytorch.org/whl/cpu where it is reachable) choose it; everything else is then held to the torch
that got installed, so no later step can swap it for a CUDA build.

This file is also a pytest plugin (loaded with `-p test_latest`): it records each test file's outcomes as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# what this machine can install as a CPU build: its one local CPU wheel (docs/compatibility.md says why)
DEFAULT_TORCH = "torch==2.13.0"
# a test file touches the references if it imports one, imports tests/reference_parts.py (tiny parts and folders
# the libraries build and write), or asks for conftest's fixtures built on them
REFERENCE_USE = re.compile(r"^\s*(?:from|import)\s+(?:diffusers|transformers|peft|reference_parts)\b"
                           r"|^\s*def test_\w+\([^)]*\b(?:pipe|parts|model_folder)\b", re.MULTILINE)
ALWAYS = ["tests/test_bundled.py"]  # the shipped model: loads, follows prompts (imports no reference library)
# the rows of the version table: the references, the numerics under them, and the notebook stack nbval runs
TABLE_PACKAGES = ["torch", "transformers", "diffusers", "peft", "safetensors", "tokenizers", "huggingface-hub",
                  "accelerate", "numpy", "scipy", "pillow", "opencv-python-headless", "open-clip-torch", "torchsde",
                  "jupyterlab", "notebook-shim", "ipykernel", "ipywidgets", "nbclient", "nbformat", "nbval", "pytest",
                  "hypothesis"]
REPORT_ENV = "COURSE_TEST_LATEST_REPORT"


# ---- pure parts: names, constraints, dependencies, the report ------------------------------------------------

def canonical(name: str) -> str:
    """A distribution's name as pip compares them (PEP 503): lower case, runs of -_. as one '-'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_constraints(text: str) -> dict[str, str]:
    """``name==version`` lines of a constraints file, by canonical name (comments and other specifiers skipped)."""
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([^\s;,]+)", line)
        if match:
            pins[canonical(match[1])] = match[2]
    return pins


def makefile_torch(text: str) -> str | None:
    """The torch version `make setup` installs first (the Makefile's ``TORCH ?= torch==X``): it is not in
    constraints.txt, since the CPU or CUDA build is the learner's choice."""
    match = re.search(r"^TORCH\s*\??=\s*torch==(\S+)", text, re.MULTILINE)
    return match[1] if match else None


def requirement_name(requirement: str) -> str:
    """The distribution name a requirement string starts with: ``torch>=2.4,<3`` → ``torch``."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if not match:
        raise ValueError(f"{requirement!r} is not a requirement: it must start with a package name")
    return canonical(match[1])


def project_requirements(pyproject_text: str, extras: tuple[str, ...] = ("dev",)) -> list[str]:
    """The ``[project] dependencies`` and the named optional dependencies of a pyproject.toml, in order."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: the arrays this project writes are lists of quoted strings
        return _requirements_by_hand(pyproject_text, extras)
    project = tomllib.loads(pyproject_text)["project"]
    wanted = list(project.get("dependencies", []))
    for extra in extras:
        wanted += project.get("optional-dependencies", {}).get(extra, [])
    return list(dict.fromkeys(wanted))


def _requirements_by_hand(text: str, extras: tuple[str, ...]) -> list[str]:
    wanted = []
    for key in ("dependencies", *extras):
        match = re.search(rf"^{re.escape(key)}\s*=\s*\[(.*?)\]", text, re.MULTILINE | re.DOTALL)
        if match:
            body = re.sub(r"#[^\n]*", "", match[1])
            wanted += re.findall(r'"([^"]+)"', body)
    return list(dict.fromkeys(wanted))


def parity_test_files(repo: Path = REPO) -> list[str]:
    """Every tests/test_*.py that touches a reference library, the bundled-model tests, then solutions/."""
    found = [f"tests/{p.name}" for p in sorted((repo / "tests").glob("test_*.py"))
             if REFERENCE_USE.search(p.read_text(encoding="utf-8"))]
    return sorted(set(found) | {f for f in ALWAYS if (repo / f).exists()}) + ["solutions"]


def version_rows(pinned: dict[str, str], installed: dict[str, str], packages=TABLE_PACKAGES) -> list[list[str]]:
    """One row per package: name, pinned version, installed version, and whether the two differ."""
    rows = []
    for name in packages:
        key = canonical(name)
        pin, now = pinned.get(key, "-"), installed.get(key, "not installed")
        same = pin.split("+")[0] == now.split("+")[0]
        rows.append([name, pin, now, "" if same else ("newer" if pin != "-" else "unpinned")])
    return rows


def other_changes(pinned: dict[str, str], installed: dict[str, str], packages=TABLE_PACKAGES) -> list[str]:
    """The packages outside the table that moved: ``name pinned→installed``, or ``name (new)`` for one that
    constraints.txt does not know (a new dependency of a newer release)."""
    shown = {canonical(p) for p in packages} | {"pip", "setuptools", "wheel"}
    moved = []
    for key in sorted(set(installed) - shown):
        pin = pinned.get(key)
        if pin is None:
            moved.append(f"{key} {installed[key]} (new)")
        elif pin != installed[key]:
            moved.append(f"{key} {pin}→{installed[key]}")
    return moved


def outcome_rows(outcomes: dict[str, dict]) -> list[list[str]]:
    """One row per test file: name, passed, failed (errors included), skipped, PASS/FAIL and the first failure."""
    rows = []
    for path in sorted(outcomes):
        counts = outcomes[path]
        bad = counts.get("failed", 0) + counts.get("error", 0)
        verdict = "FAIL" if bad else ("pass" if counts.get("passed", 0) else "skipped")
        rows.append([path, str(counts.get("passed", 0)), str(bad), str(counts.get("skipped", 0)), verdict,
                     counts.get("first_failure", "")])
    return rows


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured Markdown table, columns padded so it also reads as plain text."""
    cells = [header] + [[str(c).replace("|", "\\|") for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    line = lambda row: "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"  # noqa: E731
    return "\n".join([line(cells[0]), "| " + " | ".join("-" * w for w in widths) + " |"] + [line(r) for r in cells[1:]])


def report(pinned, installed, outcomes, *, seconds: dict[str, float], torch_note: str, date: str,
           where: str = ".venv-latest") -> str:
    """The whole report: the version table, the test-file table, and the times."""
    failed = [r[0] for r in outcome_rows(outcomes) if r[4] == "FAIL"]
    summary = (f"{len(outcomes) - len(failed)} of {len(outcomes)} test files pass in {where}"
               + (f"; failing: {', '.join(failed)}" if failed else ""))
    times = ", ".join(f"{k} {v / 60:.1f} min" for k, v in seconds.items())
    return "\n\n".join([
        f"## tools/test_latest.py in {where}, {date}",
        "Not part of `make test`: CI never runs this, so a library's release cannot turn it red.",
        markdown_table(["package", "pinned (constraints.txt)", f"installed ({where})", ""],
                       version_rows(pinned, installed)),
        torch_note,
        "Other packages that moved: " + (", ".join(other_changes(pinned, installed)) or "none") + ".",
        markdown_table(["test file", "passed", "failed", "skipped", "result", "first failure"], outcome_rows(outcomes)),
        summary + f". Time: {times}.",
    ]) + "\n"


# ---- the pytest plugin: each test file's outcomes --------------------------------------------------------------

_outcomes: dict[str, Counter] = {}
_first_failure: dict[str, str] = {}


def _record(path: str, outcome: str, nodeid: str = "", message: str = "") -> None:
    _outcomes.setdefault(path, Counter())[outcome] += 1
    if outcome in ("failed", "error") and path not in _first_failure:
        last = message.strip().splitlines()[-1] if message.strip() else ""
        _first_failure[path] = f"{nodeid.split('::', 1)[-1]}: {last}"[:200]


def pytest_runtest_logreport(report):
    path = report.nodeid.split("::")[0]
    if report.when == "call":
        _record(path, report.outcome, report.nodeid, report.longreprtext if report.failed else "")
    elif report.failed:  # a fixture or teardown that broke
        _record(path, "error", report.nodeid, report.longreprtext)
    elif report.skipped and report.when == "setup":
        _record(path, "skipped")


def pytest_collectreport(report):
    if report.failed:
        _record(report.nodeid.split("::")[0] or "collection", "error", report.nodeid, report.longreprtext)


def pytest_sessionfinish(session):
    target = os.environ.get(REPORT_ENV)
    if target:
        data = {path: {**counts, "first_failure": _first_failure.get(path, "")} for path, counts in _outcomes.items()}
        Path(target).write_text(json.dumps(data, indent=1), encoding="utf-8")


# ---- the environment and the run ---------------------------------------------------------------------------

def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def build(venv: Path, python: str, torch_spec: str, torch_index: str, pins: list[str]) -> str:
    """Create or refresh ``venv``; returns the installed torch's version."""
    py = venv_python(venv)
    if not py.exists():
        run([python, "-m", "venv", str(venv)])
    pip = [str(py), "-m", "pip", "install", "-q"]
    run(pip + [torch_spec] + (["--index-url", torch_index] if torch_index else []))
    torch_version = subprocess.run([str(py), "-c", "import torch; print(torch.__version__)"], check=True,
                                   capture_output=True, text=True).stdout.strip()
    # hold torch to the build just installed: a dependency asking for a newer torch would otherwise pull a CUDA build
    held = venv / "held.txt"
    held.write_text("\n".join([f"torch=={torch_version}", *pins]) + "\n", encoding="utf-8")
    wanted = [r for r in project_requirements((REPO / "pyproject.toml").read_text(encoding="utf-8"))
              if requirement_name(r) != "torch"]
    run(pip + ["--upgrade", "--upgrade-strategy", "eager", "-c", str(held)] + wanted)
    # the real CLIP vocabulary ships in this wheel; --no-deps keeps torchvision out (as `make setup` does)
    run(pip + ["--upgrade", "--no-deps", "-c", str(held), "open-clip-torch"])
    return torch_version


def installed_versions(venv: Path) -> dict[str, str]:
    out = subprocess.run([str(venv_python(venv)), "-m", "pip", "list", "--format=json"], check=True,
                         capture_output=True, text=True).stdout
    return {canonical(d["name"]): d["version"] for d in json.loads(out)}


def run_tests(venv: Path, files: list[str], extra: list[str]) -> dict[str, dict]:
    result = venv / "outcomes.json"
    result.unlink(missing_ok=True)
    env = {**os.environ, REPORT_ENV: str(result),
           # the course from this checkout (not installed into the environment), and this file as a plugin
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), str(REPO / "tools"), os.environ.get("PYTHONPATH")]))}
    marks = [] if "-m" in extra else ["-m", "not browser"]  # the browser tests install Chromium: not about libraries
    cmd = [str(venv_python(venv)), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "test_latest", *marks,
           "--continue-on-collection-errors",  # one file that cannot import must not hide the others
           *extra, *files]
    print("+", " ".join(cmd), flush=True)
    code = subprocess.run(cmd, cwd=REPO, env=env).returncode
    if not result.exists():
        raise SystemExit(f"pytest stopped before it could report (exit status {code}); its output is above")
    return json.loads(result.read_text(encoding="utf-8"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--venv", type=Path, default=REPO / ".venv-latest",
                        help="the environment (default .venv-latest)")
    parser.add_argument("--python", default=sys.executable, help="the Python that creates it (default: this one)")
    parser.add_argument("--torch", default=os.environ.get("TORCH_LATEST") or DEFAULT_TORCH,
                        help=f"pip requirement for torch (env TORCH_LATEST, default {DEFAULT_TORCH})")
    parser.add_argument("--torch-index", default=os.environ.get("TORCH_LATEST_INDEX", ""),
                        help="index URL for torch only (env TORCH_LATEST_INDEX)")
    parser.add_argument("--pin", action="append", default=[], metavar="NAME==VERSION",
                        help="hold a package to a version (repeat; for the low end of a range)")
    parser.add_argument("--skip-install", action="store_true", help="reuse the environment as it is")
    parser.add_argument("--all", action="store_true", help="run the whole test suite, not only the parity tests")
    parser.add_argument("--no-notebooks", action="store_true", help="leave out nbval over solutions/ (quicker)")
    parser.add_argument("--files", nargs="+", metavar="PATH", help="these test files or folders instead")
    parser.add_argument("pytest_args", nargs="*", help="more pytest arguments, after -- (a -m replaces 'not browser')")
    args = parser.parse_args(argv)
    venv = args.venv if args.venv.is_absolute() else (Path.cwd() / args.venv)

    seconds = {}
    start = time.perf_counter()
    if args.skip_install:
        torch_note_version = installed_versions(venv).get("torch", "?")
    else:
        torch_note_version = build(venv, args.python, args.torch, args.torch_index, args.pin)
        seconds["install"] = time.perf_counter() - start
    files = args.files or (["tests", "solutions"] if args.all else parity_test_files())
    if args.no_notebooks:
        files = [f for f in files if f != "solutions"]
    start_tests = time.perf_counter()
    outcomes = run_tests(venv, files, args.pytest_args)
    seconds["tests"] = time.perf_counter() - start_tests
    seconds["total"] = time.perf_counter() - start

    pinned = parse_constraints((REPO / "constraints.txt").read_text(encoding="utf-8"))
    torch_pin = makefile_torch((REPO / "Makefile").read_text(encoding="utf-8"))
    if torch_pin:
        pinned.setdefault("torch", torch_pin)
    note = (f"torch: {torch_note_version}, from `{args.torch}`"
            + (f" ({args.torch_index})" if args.torch_index else "")
            + (f"; held: {', '.join(args.pin)}" if args.pin else "")
            + (". torch is the newest CPU build this machine can install, not PyPI's newest: PyPI's Linux x86_64 "
               "torch wheels are CUDA builds (docs/compatibility.md)" if args.torch == DEFAULT_TORCH else "") + ".")
    text = report(pinned, installed_versions(venv), outcomes, seconds=seconds, torch_note=note,
                  date=time.strftime("%Y-%m-%d"), where=venv.name)
    (venv / "report.md").write_text(text, encoding="utf-8")
    print("\n" + text + f"\n(also in {venv / 'report.md'})")
    return 1 if any(r[4] == "FAIL" for r in outcome_rows(outcomes)) else 0


if __name__ == "__main__":
    sys.exit(main())
