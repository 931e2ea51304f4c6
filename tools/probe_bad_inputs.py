"""How does the course answer bad inputs? A probe that runs each one and sorts the answer into a class.

Issue 21 asks for before/after counts. Each case of ``tools/bad_inputs_cases.py`` (a name, a category, whether
the input should be refused or accepted, and the call) runs in its own forked process, after torch, the course,
the bundled model and a tiny random model were loaded once in this process; the child has a time limit
(``--limit``, 20 s, its preparation included; the training cases more) and an address-space limit
(``--mem-gib``, 8 GiB), so a huge allocation fails at once instead of swapping. The class follows from the
outcome alone, never from the case:

- clear: ONE ValueError (or FileNotFoundError) raised in the course's own code (the innermost traceback frame is
  in <tree>/course/) whose message names the value: it contains one of the fragments the case lists (the
  parameter, file or value as printed; any case). From the CLI: exit status 2, no traceback, an ``error:`` line
  (argparse's usage line before it is allowed), and stderr names the value.
- confusing: any other exception, one raised inside torch/PIL/json/safetensors (a json.JSONDecodeError is a
  ValueError, but raised in json), one that does not name the value, or a traceback (or another status) from
  the CLI.
- silent: no error, and the case's check of the result finds it wrong (a picture of one colour: NaN; the same
  picture as seed 0; the resumed run kept the old lr; the folder mixes two saves; the pixels have wrong colours).
  A refused-input case without a check is silent whenever it returns.
- hang/crash: over the time limit, killed by a signal, or out of memory (MemoryError, "can't allocate memory").
- ok: a refused-input case whose check finds the result right (e.g. the 16-bit PNG was scaled correctly, the
  adversarial prompt drew a normal picture in time): the input was handled, not silently wrong.
Inputs that should WORK (numpy numbers, seed -1, the largest seed) are "ok" (it worked and the check passed:
e.g. the same picture as with Python numbers) or "fail" (refused, wrong result, or hung).
probe-error: the case's own code failed (its preparation or check, or an error raised in tools/): the probe's
fault, not the course's.

Run (from the repository root; a few minutes per tree, one case at a time):

    .venv/bin/python tools/probe_bad_inputs.py --json /work/scratch/probe_now.json
    git worktree add /work/scratch/before aaea51a      # once: the tree before issue 21's hardening
    .venv/bin/python tools/probe_bad_inputs.py --tree /work/scratch/before \\
        --json /work/scratch/probe_before.json --md /work/scratch/probe_before.md

``--tree`` puts that tree first on sys.path; if it has the old flat layout (course/prompts.py), an import alias
maps the new module names (course.text.prompts, course.io.loading, ...) to the old ones, so one case list runs
on both. ``--only REGEX`` runs the cases whose name or category matches.
"""
from __future__ import annotations

import argparse
import collections
import importlib
import importlib.abc
import importlib.util
import json
import os
import re
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFUSE_CLASSES = ("clear", "confusing", "silent", "hang/crash", "ok", "probe-error")
ACCEPT_CLASSES = ("ok", "fail", "probe-error")

# ---- running the new case list on the old flat layout ----------------------------------------------------------
OLD_NAMES = {f"course.{new}": f"course.{old}" for new, old in {
    "text.tokenizer": "tokenizer", "text.prompts": "prompts", "text.prompt_schedule": "prompts",
    "nets.text_encoder": "text_encoder",
    **{f"nets.{m}": m for m in ("attention", "unet_blocks", "unet", "vae", "controlnet", "lora")},
    **{f"sampling.{m}": m for m in ("schedules", "samplers", "guidance", "conditioning")},
    **{f"io.{m}": m for m in ("loading", "keymap", "lora_files", "images", "canny")},
    "training.stage": "stage", "training.data": "data", "training.bundled": "train", "training.lora": "lora_train",
    "training.controlnet": "controlnet_train", "notebook.widgets": "widgets"}.items()}
NEW_PACKAGES = {f"course.{p}" for p in ("text", "nets", "sampling", "io", "training", "notebook")}
# course.parts did not exist: its names lived in course.loading and course.train
OLD_PARTS = {"Parts": "course.loading", "BUNDLED_DIR": "course.train", "BUNDLED_CONTROLNET_DIR": "course.loading"}


class OldLayout(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """A meta-path finder: ``import course.io.loading`` gives the old ``course.loading`` module itself (the same
    object, so patching one patches the other); the new packages are empty modules; course.parts is made up."""

    def find_spec(self, name, path=None, target=None):
        if name in OLD_NAMES or name in NEW_PACKAGES or name == "course.parts":
            return importlib.util.spec_from_loader(name, self, is_package=name in NEW_PACKAGES)
        return None

    def create_module(self, spec):
        if spec.name not in OLD_NAMES:
            return None  # a fresh empty module
        module = importlib.import_module(OLD_NAMES[spec.name])
        module.__dict__.setdefault("__probe_spec__", module.__spec__)  # the import system overwrites __spec__
        return module

    def exec_module(self, module):
        if "__probe_spec__" in module.__dict__:
            module.__spec__ = module.__dict__["__probe_spec__"]
        elif module.__name__ == "course.parts":
            def old_home(name):
                if name not in OLD_PARTS:
                    raise AttributeError(f"module 'course.parts' has no attribute {name!r}")
                return getattr(importlib.import_module(OLD_PARTS[name]), name)
            module.__getattr__ = old_home


def use_tree(tree: Path) -> bool:
    """Import the course from ``tree``; True when it has the old flat layout (then the alias is installed)."""
    sys.path.insert(0, str(tree))
    old = (tree / "course" / "prompts.py").is_file()
    if old:
        sys.meta_path.insert(0, OldLayout())
    import course
    if Path(course.__file__).resolve().parent != (tree / "course").resolve():
        sys.exit(f"course was imported from {course.__file__}, not from {tree}")
    return old


# ---- one case in a child process ---------------------------------------------------------------------------------
def _where(tb, tree: Path) -> tuple[str, str]:
    """('course' | 'probe' | 'library', file:line) of the innermost traceback frame."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return "library", "?"
    last = frames[-1]
    path = Path(last.filename).resolve()
    if path.is_relative_to((tree / "course").resolve()):
        kind = "course"
    elif path.parent == HERE:
        kind = "probe"
    else:
        kind = "library"
    return kind, f"{path.name}:{last.lineno}"


def _out_of_memory(err: BaseException) -> bool:
    text = str(err).lower()
    return isinstance(err, MemoryError) or any(s in text for s in ("can't allocate memory", "out of memory",
                                                                    "not enough memory", "cannot allocate memory"))


def describe_error(err: BaseException, tree: Path) -> dict:
    kind, line = _where(err.__traceback__, tree)
    return {"type": type(err).__name__, "message": str(err)[:2000], "where": kind, "line": line,
            "value_error": isinstance(err, (ValueError, FileNotFoundError)), "oom": _out_of_memory(err)}


def _child(case, env, tree: Path, write_fd: int, tmp: Path) -> None:
    """Prepare the case, time its call, check its result; one JSON report into the pipe."""
    import torch
    report: dict = {}
    try:
        torch.set_num_threads(1)
        log = os.open(tmp / "output.log", os.O_WRONLY | os.O_CREAT, 0o644)
        os.dup2(log, 1), os.dup2(log, 2)  # the course's progress bars and prints stay out of the table
        os.chdir(tmp)
        env.tmp = tmp
        try:
            prepared = case.run(env)
        except BaseException as err:  # noqa: BLE001 - the probe's own failure, reported as such
            report = {"outcome": "probe-error", "error": describe_error(err, tree)}
            raise SystemExit
        call, check = prepared if isinstance(prepared, tuple) else (prepared, None)
        start = time.perf_counter()
        try:
            result = call()
        except BaseException as err:  # noqa: BLE001 - every exception is an outcome here
            report = {"outcome": "raised", "seconds": time.perf_counter() - start, "error": describe_error(err, tree)}
            raise SystemExit
        seconds = time.perf_counter() - start
        report = {"outcome": "returned", "seconds": seconds, "summary": env.summary(result)}
        if hasattr(result, "rc"):  # a CLI run
            report["cli"] = {"rc": result.rc, "stderr": result.err[-3000:], "stdout": result.out[-500:],
                             "error": describe_error(result.exc, tree) if result.exc is not None else None}
        try:
            report["problem"] = check(result) if check is not None else case.default_problem(env, result)
        except BaseException as err:  # noqa: BLE001
            report = {"outcome": "probe-error", "error": describe_error(err, tree), "in": "check"}
    except SystemExit:
        pass
    finally:
        data = json.dumps(report, default=str).encode()
        while data:
            data = data[os.write(write_fd, data):]
        os._exit(0)


def run_case(case, env, tree: Path, limit: float, mem_bytes: int, root: Path) -> dict:
    tmp = Path(tempfile.mkdtemp(dir=root))
    tmp.chmod(0o755)  # a case may drop to an unprivileged user (the read-only folder case)
    read_fd, write_fd = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))
        _child(case, env, tree, write_fd, tmp)
    os.close(write_fd)
    chunks, deadline, timed_out = [], started + limit, False
    try:
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if ready:
                data = os.read(read_fd, 1 << 16)
                if not data:
                    break
                chunks.append(data)
    finally:  # also when the probe itself is stopped: no case process outlives it
        if timed_out or sys.exc_info()[0] is not None:
            os.kill(pid, signal.SIGKILL)
        os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    shutil.rmtree(tmp, ignore_errors=True)
    wall = time.perf_counter() - started
    if timed_out:
        return {"outcome": "timeout", "seconds": wall, "limit": limit}
    try:
        return json.loads(b"".join(chunks) or b"{}") or {"outcome": "died", "status": status, "seconds": wall}
    except json.JSONDecodeError:
        return {"outcome": "died", "status": status, "seconds": wall}


# ---- the class, from the outcome ---------------------------------------------------------------------------------
def _names_value(text: str, says: tuple[str, ...]) -> bool:
    return any(s.lower() in text.lower() for s in says)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def classify(case, report: dict) -> tuple[str, str]:
    """(class, the first line of what the user saw) for one case's report."""
    outcome = report.get("outcome")
    if outcome == "probe-error":
        e = report["error"]
        return "probe-error", f"{e['type']} at {e['line']}: {_first_line(e['message'])}"
    if outcome in ("timeout", "died"):
        what = (f"over the {report['limit']:.0f} s limit" if outcome == "timeout"
                else f"child died (wait status {report.get('status')})")
        return ("hang/crash" if case.expect == "refuse" else "fail"), what
    if outcome == "raised":
        e = report["error"]
        seen = f"{e['type']}: {_first_line(e['message'])}"
        if e["where"] == "probe":  # the case's own call went wrong (e.g. a name missing in this tree)
            return "probe-error", f"{seen} at {e['line']}"
        if e["oom"]:
            return ("hang/crash" if case.expect == "refuse" else "fail"), f"out of memory: {seen}"
        if case.expect == "accept":
            return "fail", f"refused: {seen}"
        if e["value_error"] and e["where"] == "course" and _names_value(e["message"], case.says):
            return "clear", seen
        why = ("raised in " + e["line"] if e["where"] != "course" else
               "message does not name " + " / ".join(case.says) if e["value_error"] else "not a ValueError")
        return "confusing", f"{seen} [{why}]"
    cli, problem = report.get("cli"), report.get("problem")
    if cli is not None and cli["rc"] != 0:  # a CLI run that stopped with an error
        err = cli["stderr"]
        lines = [line for line in err.splitlines() if re.match(r"^(\S.*: )?error: ", line)]
        tail = [line.strip() for line in err.splitlines() if line.strip()]
        seen = lines[0].strip() if lines else tail[-1] if tail else f"exit {cli['rc']} and nothing on stderr"
        if cli.get("error") and cli["error"]["oom"]:
            return ("hang/crash" if case.expect == "refuse" else "fail"), f"out of memory: {seen}"
        if case.expect == "accept":
            return "fail", f"exit {cli['rc']}: {seen}"
        if cli["rc"] == 2 and lines and "Traceback" not in err and _names_value(err, case.says):
            return "clear", f"exit 2: {seen}"
        why = ("traceback" if "Traceback" in err else f"exit {cli['rc']}" if cli["rc"] != 2 else
               "no error: line" if not lines else "does not name " + " / ".join(case.says))
        return "confusing", f"exit {cli['rc']}: {seen} [{why}]"
    if case.expect == "accept":
        return ("fail", f"wrong result: {problem}") if problem else ("ok", report.get("summary", ""))
    return ("silent", problem) if problem else ("ok", f"handled: {report.get('summary', '')}")


# ---- the report --------------------------------------------------------------------------------------------------
def markdown(results: list[dict], title: str) -> str:
    cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")[:160]
    out = [f"# {title}", "", "| # | case | category | expect | class | seconds | first line |", "|---" * 7 + "|"]
    for i, r in enumerate(results, 1):
        out.append(f"| {i} | {cell(r['name'])} | {r['category']} | {r['expect']} | **{r['class']}** | "
                   f"{r['seconds']:.1f} | {cell(r['detail'])} |")
    for expect, classes in (("refuse", REFUSE_CLASSES), ("accept", ACCEPT_CLASSES)):
        rows = [r for r in results if r["expect"] == expect]
        if not rows:
            continue
        per = collections.defaultdict(collections.Counter)
        for r in rows:
            per[r["category"]][r["class"]] += 1
            per["all"][r["class"]] += 1
        used = [c for c in classes if per["all"][c]]
        out += ["", f"## Inputs that should be {'refused' if expect == 'refuse' else 'accepted'}: counts", "",
                "| category | " + " | ".join(used) + " | total |", "|---" * (len(used) + 2) + "|"]
        for category in [c for c in per if c != "all"] + ["all"]:
            counts = per[category]
            out.append(f"| {category} | " + " | ".join(str(counts[c]) for c in used) + f" | {sum(counts.values())} |")
    return "\n".join(out) + "\n"


def describe_tree(tree: Path, old: bool) -> str:
    """'<tree> at <commit> (+ N changed files), <layout>' for the report's title."""
    import subprocess

    def git(*args):
        done = subprocess.run(["git", "-C", str(tree), *args], capture_output=True, text=True, check=False)
        return done.stdout.strip()
    changed = len([line for line in git("status", "--porcelain", "--", "course").splitlines() if line.strip()])
    return (f"{tree} at {git('rev-parse', '--short', 'HEAD') or '?'}"
            f"{f' + {changed} uncommitted change(s) in course/' if changed else ''}, "
            f"{'old flat layout (import alias)' if old else 'current layout'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the tree to probe (default: this one)")
    parser.add_argument("--json", type=Path, help="write every case's report and class here")
    parser.add_argument("--md", type=Path, help="write the markdown table here (it is printed anyway)")
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per case (cases may ask for more)")
    parser.add_argument("--mem-gib", type=float, default=8.0, help="address-space limit of each case's process")
    parser.add_argument("--only", default=None, help="a regular expression on the case names and categories")
    args = parser.parse_args()
    tree = args.tree.resolve()
    old = use_tree(tree)
    import torch
    torch.set_num_threads(1)  # the children fork from this process: no thread pool may be running in it
    sys.path.insert(0, str(HERE))
    import bad_inputs_cases as cases

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `kill` runs the clean-up below too
    root = Path(tempfile.mkdtemp(prefix="probe-bad-inputs-"))
    root.chmod(0o755)
    chosen = [c for c in cases.CASES if args.only is None or re.search(args.only, f"{c.name} {c.category}")]
    results = []
    try:
        env = cases.Env(tree, root)  # loads the bundled model and writes + loads the tiny random one
        for n, case in enumerate(chosen, 1):
            report = run_case(case, env, tree, case.limit or args.limit, int(args.mem_gib * 2 ** 30), root)
            cls, detail = classify(case, report)
            detail = re.sub(re.escape(str(root)) + r"(/tmp\w+)?", "<tmp>", detail)  # each run's own folders
            limit = case.limit or args.limit
            if report.get("outcome") != "timeout" and report.get("seconds", 0) > 0.75 * limit:
                detail = f"(slow: {report['seconds']:.0f} of {limit:.0f} s) {detail}"
            results.append({"name": case.name, "category": case.category, "expect": case.expect, "class": cls,
                            "detail": detail, "seconds": report.get("seconds", 0.0), "report": report})
            print(f"[{n}/{len(chosen)}] {cls:11} {report.get('seconds', 0):5.1f} s  {case.name}: {detail[:110]}",
                  flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    title = f"Bad inputs probed on {describe_tree(tree, old)}"
    table = markdown(results, title)
    print(table)
    if args.md:
        args.md.write_text(table)
    if args.json:
        args.json.write_text(json.dumps({"tree": describe_tree(tree, old), "old_layout": old, "limit_s": args.limit,
                                         "mem_gib": args.mem_gib, "results": results}, indent=1, default=str))


if __name__ == "__main__":
    main()
