"""Every notebook's first code cell: a missing install stops with the commands to run, then DEVICE is chosen.

A hosted notebook or a conda environment often has torch (a CUDA build) and nothing else; there, the first cell
must say what to install instead of an ImportError, and must not touch torch.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from course.notebook import setup

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(ROOT.glob("solutions/0*.ipynb")) + sorted(ROOT.glob("notebooks/0*.ipynb"))


def first_code_cell(path: Path) -> str:
    return next(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_first_code_cell_checks_the_install_and_chooses_the_device(path):
    source = first_code_cell(path)
    assert "from course.notebook.setup import start" in source and "DEVICE = start(" in source


@pytest.mark.parametrize("path", NOTEBOOKS[:1], ids=lambda p: p.stem)
def test_without_the_course_the_first_cell_prints_the_commands(path, monkeypatch):
    monkeypatch.setitem(sys.modules, "course.notebook.setup", None)  # import now raises ImportError
    with pytest.raises(SystemExit) as stop:
        exec(compile(first_code_cell(path), str(path), "exec"), {})
    assert "pip install -e ." in str(stop.value) and "--no-deps open-clip-torch" in str(stop.value)


def test_start_names_what_is_missing_and_how_to_install_it(monkeypatch):
    monkeypatch.setitem(setup.NEEDED, "a_module_nobody_has", "a-package-nobody-has")
    with pytest.raises(SystemExit) as stop:
        setup.start()
    message = str(stop.value)
    assert "a-package-nobody-has" in message and f"{sys.executable} -m pip install -e ." in message


def test_start_returns_the_device(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_DEVICE", "cpu")
    assert setup.start() == "cpu"
    assert setup.start("cpu") == "cpu"
    assert "DEVICE = 'cpu'" in capsys.readouterr().out
