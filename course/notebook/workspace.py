"""Your own copies of the notebooks, in a folder that nothing of the course ever writes to.

``python -m course start`` (or ``make start``) copies each learner notebook from ``notebooks/`` into ``work/``
(git ignores it). Work there: ``make test`` never reads or writes it, and regenerating ``notebooks/`` from
``solutions/`` cannot touch it. A notebook you already have is never overwritten. When a newer course changes
a notebook you started (``git pull``), ``start`` leaves yours as it is and puts the new version beside it as
``NN_name.new.ipynb``, so you can compare them and carry your answers over.

``work/.course-versions.json`` remembers which version of each course notebook your copy started from; that is
how ``start`` tells "the course changed" from "you changed it".
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VERSIONS = ".course-versions.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def start(work: str | Path = REPO / "work", notebooks: str | Path = REPO / "notebooks") -> dict[str, list[str]]:
    """Copy the learner notebooks into ``work`` without overwriting anything there. Returns the notebook names
    by what happened: "copied" (new to you), "kept" (yours, the course's version unchanged), "newer" (yours kept,
    the course's new version written beside it as NAME.new.ipynb)."""
    notebooks, work = Path(notebooks), Path(work)
    sources = sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))
    if not sources:
        raise FileNotFoundError(f"no learner notebooks in {notebooks}: run this from a clone of the course "
                                "(the notebooks are not part of the installed package).")
    if work.exists() and not work.is_dir():
        raise ValueError(f"{work} is a file: pass a folder for your notebooks (e.g. work/).")
    work.mkdir(parents=True, exist_ok=True)
    record = work / VERSIONS
    versions = json.loads(record.read_text()) if record.is_file() else {}
    done = {"copied": [], "kept": [], "newer": []}
    for source in sources:
        mine, digest = work / source.name, _digest(source)
        if not mine.exists():
            shutil.copyfile(source, mine)
            versions[source.name] = digest
            done["copied"].append(source.name)
        elif versions.get(source.name) in (None, digest):
            versions.setdefault(source.name, digest)
            done["kept"].append(source.name)
        else:  # the course changed since you started this one: yours stays, the new one goes beside it
            shutil.copyfile(source, mine.with_suffix(".new.ipynb"))
            done["newer"].append(source.name)
    record.write_text(json.dumps(versions, indent=1, sort_keys=True) + "\n")
    return done


def report(done: dict[str, list[str]], work: Path) -> str:
    """What ``start`` did, in words, for the command line."""
    lines = [f"your notebooks are in {work}/ (open them with `make lab`)"]
    if done["copied"]:
        lines.append(f"copied: {', '.join(done['copied'])}")
    if done["kept"]:
        lines.append(f"kept as you left them: {', '.join(done['kept'])}")
    for name in done["newer"]:
        new = Path(name).with_suffix(".new.ipynb").name
        lines.append(f"the course has a newer {name}: yours is kept, the new version is {work}/{new}")
    return "\n".join(lines)
