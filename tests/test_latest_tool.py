"""tools/test_latest.py's pure parts (`make test-latest`): reading constraints.txt, the Makefile's torch and
pyproject.toml's requirements, choosing the test files, and the report's tables. No network, no environment built."""
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import test_latest as tool  # noqa: E402


def test_constraints_keep_exact_pins_by_canonical_name():
    text = ("# pins\nJinja2==3.1.6\nhuggingface_hub==2.4.0  # hub\nopen_clip_torch==3.3.0\nnumpy>=2\n\n"
            "torch==2.13.0+cpu\n")
    assert tool.parse_constraints(text) == {"jinja2": "3.1.6", "huggingface-hub": "2.4.0",
                                            "open-clip-torch": "3.3.0", "torch": "2.13.0+cpu"}


def test_the_real_constraints_pin_the_references():
    pins = tool.parse_constraints((REPO / "constraints.txt").read_text())
    assert {"transformers", "diffusers", "peft", "safetensors", "numpy"} <= set(pins)
    assert tool.makefile_torch((REPO / "Makefile").read_text())  # torch is pinned by the Makefile instead


@pytest.mark.parametrize("tomllib", [True, False])
def test_requirements_from_pyproject_with_and_without_tomllib(tomllib, monkeypatch):
    text = (REPO / "pyproject.toml").read_text()
    if not tomllib:
        monkeypatch.setitem(sys.modules, "tomllib", None)  # as on Python 3.10
    wanted = tool.project_requirements(text)
    names = [tool.requirement_name(r) for r in wanted]
    assert {"torch", "transformers", "diffusers", "pytest", "nbval", "peft"} <= set(names)
    assert len(names) == len(set(names))


def test_requirement_name_refuses_what_is_no_requirement():
    assert tool.requirement_name("torch>=2.4,<3") == "torch"
    assert tool.requirement_name("opencv_python.headless[x]==1") == "opencv-python-headless"
    with pytest.raises(ValueError, match="must start with a package name"):
        tool.requirement_name(">=2")


def test_parity_files_take_every_file_that_touches_a_reference(tmp_path):
    (tmp_path / "tests").mkdir()
    files = {"test_a.py": "import torch\nfrom diffusers import UNet2DModel\n",
             "test_b.py": "def helper():\n    from transformers import CLIPTextModel\n",
             "test_c.py": "from reference_parts import tiny_unet\n",
             "test_d.py": "def test_x(tmp_path, model_folder):\n    pass\n",
             "test_e.py": "# diffusers is only named in a comment\nimport torch\n",
             "helper.py": "import diffusers\n"}
    for name, text in files.items():
        (tmp_path / "tests" / name).write_text(text)
    assert tool.parity_test_files(tmp_path) == ["tests/test_a.py", "tests/test_b.py", "tests/test_c.py",
                                                "tests/test_d.py", "solutions"]
    (tmp_path / "tests" / "test_bundled.py").write_text("import course\n")
    assert "tests/test_bundled.py" in tool.parity_test_files(tmp_path)


def test_version_rows_mark_what_moved():
    rows = tool.version_rows({"torch": "2.13.0", "transformers": "5.23.0"},
                             {"torch": "2.13.0+cpu", "transformers": "5.25.0", "jupyterlab": "4.6.6"},
                             packages=["torch", "transformers", "jupyterlab", "nbval"])
    assert rows == [["torch", "2.13.0", "2.13.0+cpu", ""], ["transformers", "5.23.0", "5.25.0", "newer"],
                    ["jupyterlab", "-", "4.6.6", "unpinned"], ["nbval", "-", "not installed", "unpinned"]]


def test_report_names_each_failing_file_and_says_it_is_not_make_test():
    outcomes = {"tests/test_vae.py": {"passed": 5, "skipped": 1},
                "tests/test_unet.py": {"passed": 3, "failed": 1, "first_failure": "test_x: assert a | b"},
                "solutions/01.ipynb": {"error": 1}}
    rows = tool.outcome_rows(outcomes)
    assert [r[4] for r in rows] == ["FAIL", "FAIL", "pass"]
    text = tool.report({}, {}, outcomes, seconds={"total": 90.0}, torch_note="torch: x.", date="2026-12-04")
    assert "Not part of `make test`" in text
    assert "1 of 3 test files pass in .venv-latest" in text and "solutions/01.ipynb, tests/test_unet.py" in text
    assert "a \\| b" in text  # a | inside a cell would split the Markdown row
    table = [line for line in text.splitlines() if line.startswith("| tests/")]
    assert len({len(line) for line in table}) == 1  # columns padded alike


def test_plugin_counts_outcomes_per_file(monkeypatch, tmp_path):
    class Report:
        def __init__(self, nodeid, when, outcome, text=""):
            self.nodeid, self.when, self.outcome, self.longreprtext = nodeid, when, outcome, text
            self.failed, self.skipped = outcome == "failed", outcome == "skipped"

    monkeypatch.setattr(tool, "_outcomes", {})
    monkeypatch.setattr(tool, "_first_failure", {})
    for r in [Report("tests/t.py::a", "setup", "passed"), Report("tests/t.py::a", "call", "passed"),
              Report("tests/t.py::b", "call", "failed", "E  assert 1 == 2\nline 3: AssertionError"),
              Report("tests/t.py::c", "setup", "failed", "fixture broke"),
              Report("tests/t.py::d", "setup", "skipped")]:
        tool.pytest_runtest_logreport(r)
    monkeypatch.setenv(tool.REPORT_ENV, str(tmp_path / "out.json"))
    tool.pytest_sessionfinish(None)
    data = __import__("json").loads((tmp_path / "out.json").read_text())
    assert data == {"tests/t.py": {"passed": 1, "failed": 1, "error": 1, "skipped": 1,
                                   "first_failure": "b: line 3: AssertionError"}}


def test_other_changes_list_moved_and_new_packages_outside_the_table():
    pinned = {"accelerate": "1.15.0", "babel": "2.18.0", "transformers": "5.23.0"}
    installed = {"accelerate": "1.16.0", "babel": "2.18.0", "transformers": "5.25.0", "kernels": "0.19.1",
                 "pip": "23.2.1"}
    assert tool.other_changes(pinned, installed, packages=["transformers"]) == ["accelerate 1.15.0→1.16.0",
                                                                                "kernels 0.19.1 (new)"]
