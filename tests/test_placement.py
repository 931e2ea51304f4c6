"""Every tensor the sampling code makes is made where the parts are: checked on a CPU, for a GPU.

On a GPU, a tensor created without a device lands on the CPU, and the next operation that meets a CUDA tensor
fails ("Expected all tensors to be on the same device"): ``sampler_grid`` did, through UniPC's ``torch.ones(())``.
A CPU-only machine never sees that bug, because there the default device is the parts' device. Here the default
device is made ``meta`` for the run: a tensor created without naming its device is then a meta tensor, and
meeting the parts' CPU tensors fails the same way. So every factory call in these paths names its device
(the parts' one, or "cpu" where the CPU is meant: schedules, attention records).

Building modules (LoRA layers, trainers' networks) is left out: a module built on the default device and then
moved is correct on a GPU, but cannot be moved off meta.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from course.io.loading import load_bundled, load_bundled_controlnet
from course.nets.lora import inject_lora
from course.notebook import widgets
from course.notebook.attention_maps import heatmaps
from course.pipeline import image_to_image, inpaint, text_to_image
from course.sampling.samplers import SAMPLERS

PROMPT = "a red circle in the top left on a blue background"
QUICK = {"steps": 3, "seed": 1, "progress": False}


@pytest.fixture(scope="module")
def bundled():
    return load_bundled()


def on_unnamed_device(call):
    """Run ``call`` with tensors that name no device created on ``meta``."""
    with torch.no_grad(), torch.device("meta"):
        return call()


def test_the_check_catches_a_tensor_made_without_a_device():
    """The guard itself: UniPC's old line, ``torch.stack(rks + [torch.ones(())])``, fails under it."""
    rks = [torch.tensor(0.5)]  # made outside: on the CPU, like the parts
    with pytest.raises((RuntimeError, NotImplementedError)):
        on_unnamed_device(lambda: torch.stack(rks + [torch.ones(())]))
    on_unnamed_device(lambda: torch.stack(rks + [torch.ones((), device=rks[0].device)]))


@pytest.mark.parametrize("sampler", sorted(SAMPLERS))
def test_every_sampler(bundled, sampler):
    on_unnamed_device(lambda: text_to_image(bundled, f"{PROMPT} AND a [red:blue:0.5] square", sampler=sampler,
                                            output_type="pt", **QUICK))


def test_image_to_image_and_inpaint(bundled):
    picture = Image.new("RGB", (32, 32), (200, 30, 30))
    mask = Image.new("L", (32, 32), 255)
    on_unnamed_device(lambda: image_to_image(bundled, PROMPT, picture, **QUICK))
    on_unnamed_device(lambda: inpaint(bundled, PROMPT, picture, mask, **QUICK))


@pytest.mark.parametrize("guess_mode", [False, True])
def test_controlnet(bundled, guess_mode):
    net = load_bundled_controlnet()
    edges = np.zeros((32, 32), np.uint8)
    edges[8:24, 8] = 255
    on_unnamed_device(lambda: text_to_image(bundled, PROMPT, control=[(net, edges, 1.0)], guess_mode=guess_mode,
                                            **QUICK))


def test_lora():
    parts = load_bundled()
    network = inject_lora(parts.unet, rank=2)
    torch.nn.init.normal_(next(p for n, p in network.named_parameters() if "up" in n))  # not a no-op
    on_unnamed_device(lambda: text_to_image(parts, PROMPT, **QUICK))


@pytest.mark.parametrize("make", [
    lambda parts: widgets.sampler_grid(parts, PROMPT, steps=(2,), progress=False),
    lambda parts: widgets.cfg_explorer(parts, PROMPT, steps=2, progress=False),
    lambda parts: widgets.denoising_scrubber(parts, PROMPT, steps=2, progress=False),
    lambda parts: widgets.clip_skip_toggle(parts, PROMPT, steps=2, progress=False),
    lambda parts: widgets.attention_explorer(parts, PROMPT, steps=2, progress=False),
    lambda parts: heatmaps(parts, PROMPT, steps=2),
], ids=["sampler_grid", "cfg_explorer", "denoising_scrubber", "clip_skip_toggle", "attention_explorer", "heatmaps"])
def test_widgets(bundled, make):
    on_unnamed_device(lambda: make(bundled))
