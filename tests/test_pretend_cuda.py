"""tools/pretend_cuda.py plays a GPU on a CPU: it must fail where CUDA fails, and let through what CUDA allows.

Then the widgets and the solution notebooks run under it with DEVICE = "cuda": what a teacher's `make test-gpu`
would find first (a tensor left on the CPU, a CUDA tensor handed to numpy) is found here, on every CI run.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from pretend_cuda import pretend_cuda, run_notebook  # noqa: E402

from course.io.loading import load_bundled  # noqa: E402
from course.notebook import widgets  # noqa: E402


def test_it_fails_where_cuda_fails():
    with pretend_cuda():
        assert torch.cuda.is_available()
        x = torch.ones(3, device="cuda")
        assert x.device == torch.device("cuda", 0) and x.is_cuda
        with pytest.raises(RuntimeError, match="same device"):
            x + torch.ones(3)  # a CPU tensor beside a CUDA one
        with pytest.raises(RuntimeError, match="same device"):
            torch.stack([x[0], torch.ones(())])  # UniPC's old line: stack takes no CPU scalar
        with pytest.raises(TypeError, match="numpy"):
            x.numpy()
        with pytest.raises(RuntimeError, match="generator"):
            torch.randn(3, device="cuda", generator=torch.Generator().manual_seed(0))


def test_it_lets_through_what_cuda_allows():
    with pretend_cuda():
        x = torch.ones(3, device="cuda")
        assert (x * torch.tensor(2.0)).is_cuda  # a 0-d CPU tensor in an elementwise op: a number
        assert x.cpu().numpy().tolist() == [1.0, 1.0, 1.0] and not x.to("cpu").is_cuda
        assert x[torch.tensor([0, 2])].is_cuda  # a CPU index
        model = torch.nn.Linear(3, 2).to("cuda")
        assert model(x).is_cuda and torch.randn(2, generator=torch.Generator().manual_seed(0)).to(x).is_cuda
        table = torch.nn.Embedding(4, 3, device="cuda")  # made there: nn.Parameter wraps a CUDA tensor
        assert table.weight.is_cuda and table(torch.tensor([1], device="cuda")).is_cuda
    assert not torch.cuda.is_available() or torch.version.cuda  # everything is undone on leaving


def test_the_sampler_grid_runs_on_the_gpu():
    """The crash seen on an H200 (UniPC's constants on the CPU), found here on every run."""
    with pretend_cuda():
        parts = load_bundled(device="cuda")
        widgets.sampler_grid(parts, "a red circle", steps=(2,), progress=False)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["01_tokenizer", "02_clip", "03_unet", "04_vae", "05_sampling", "06_lora",
                                  "07_controlnet", "08_personalisation", "09_ip_adapter", "10_sdxl",
                                  "11_flow"])
def test_the_solution_notebooks_run_with_device_cuda(name):
    assert run_notebook(ROOT / "solutions" / f"{name}.ipynb") == 0
