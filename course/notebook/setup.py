"""The first cell of every notebook: is this Python ready for the course, and where will the heavy cells run?

``start()`` checks the packages the notebooks import and the CLIP vocabulary file, and stops with the commands to
run when something is missing (a hosted notebook or a conda environment often has torch and nothing else), instead
of an ImportError three cells later. Then it picks the device: ``default_device()``, a GPU when one is visible.
"""
from __future__ import annotations

import importlib.util
import sys

import torch

from course.parts import check_device, default_device
from course.text.tokenizer import openai_vocab_path

# module -> the name pip knows it by: what the notebooks import beyond torch
NEEDED = {"numpy": "numpy", "matplotlib": "matplotlib", "ipywidgets": "ipywidgets", "transformers": "transformers",
          "diffusers": "diffusers", "safetensors": "safetensors", "cv2": "opencv-python-headless", "tqdm": "tqdm",
          "regex": "regex"}


def install_commands(python: str = sys.executable) -> str:
    """What to run in a terminal, in the course's folder, for the kernel's own Python. Installing the course
    with its dependencies keeps a torch that is already there (a CUDA build stays); open-clip-torch comes with
    --no-deps because its dependencies would pull torchvision, and only its vocabulary file is used."""
    return (f"In a terminal, in the course's folder (the one with pyproject.toml):\n"
            f"    {python} -m pip install -e .\n"
            f"    {python} -m pip install --no-deps open-clip-torch\n"
            "then restart the kernel (README: 'On a GPU or a hosted notebook').")


def missing_packages() -> list[str]:
    """The pip names of what this Python lacks for the notebooks (the CLIP vocabulary wheel included)."""
    missing = [pip for module, pip in NEEDED.items() if importlib.util.find_spec(module) is None]
    try:
        openai_vocab_path()
    except FileNotFoundError:
        missing.append("open-clip-torch (the CLIP vocabulary)")
    return missing


def start(device=None) -> str:
    """Check this Python, then return where the notebook's heavy cells run: ``device`` if given, else
    $COURSE_DEVICE, else "cuda" when a GPU is visible, else "cpu". Stops the cell (SystemExit, no traceback)
    with the install commands when a package is missing."""
    missing = missing_packages()
    if missing:
        raise SystemExit(f"This Python ({sys.executable}) lacks {', '.join(missing)}.\n{install_commands()}")
    device = str(check_device(device)) if device is not None else default_device()
    where = torch.cuda.get_device_name(torch.device(device)) if device.startswith("cuda") else device
    print(f"DEVICE = {device!r} ({where}), torch {torch.__version__}. To choose: DEVICE = 'cpu' in this cell, "
          "or COURSE_DEVICE=cpu before starting Jupyter.")
    return device
