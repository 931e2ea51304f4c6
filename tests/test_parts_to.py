"""Device and dtype as arguments: ``Parts.to``, the loaders' ``device=``/``dtype=``, ``default_device``, and one
clear refusal for a device that is not here or networks left on different devices.

Whether the numbers hold on each device and dtype is tests/test_devices.py's job; this file checks where things
end up and what a mistake says.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch
from refusals import refused

from course.io.loading import load_bundled, load_bundled_controlnet, load_controlnet, load_folder
from course.parts import BUNDLED_CONTROLNET_DIR, check_device, default_device
from course.pipeline import image_to_image, inpaint, text_to_image

PROMPT = "a red circle in the top left on a blue background"


def dtypes(parts) -> dict:
    return {name: next(getattr(parts, name).parameters()).dtype for name in ("text_encoder", "unet", "vae")}


def test_to_moves_all_three_networks_and_returns_the_parts():
    parts = load_bundled()
    assert parts.to(dtype=torch.bfloat16) is parts
    assert set(dtypes(parts).values()) == {torch.bfloat16} and parts.dtype == torch.bfloat16
    assert parts.to("cpu", "float32").device == torch.device("cpu")
    assert set(dtypes(parts).values()) == {torch.float32}


def test_upcast_vae_keeps_the_vae_in_float32():
    parts = load_bundled().to(dtype=torch.float16, upcast_vae=True)
    assert dtypes(parts) == {"text_encoder": torch.float16, "unet": torch.float16, "vae": torch.float32}


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_the_three_pipelines_run_with_a_float32_vae_beside_half_precision(dtype):
    """The pipeline hands each network tensors of its own dtype (the VAE's pixels and latents are converted)."""
    parts = load_bundled(dtype=dtype).to(dtype=dtype, upcast_vae=True)
    picture = text_to_image(parts, PROMPT, steps=4, seed=1, progress=False)[0]
    mask = np.zeros((picture.height, picture.width), np.uint8)
    mask[: picture.height // 2] = 255
    for out in (text_to_image(parts, PROMPT, steps=4, seed=1, progress=False, output_type="pt"),
                image_to_image(parts, PROMPT, picture, steps=4, seed=1, progress=False, output_type="pt"),
                inpaint(parts, PROMPT, picture, mask, steps=4, seed=1, progress=False, output_type="pt")):
        assert out.dtype == torch.float32 and bool(torch.isfinite(out).all())


def test_loaders_take_device_and_dtype(model_folder):
    assert set(dtypes(load_bundled(device="cpu", dtype="bf16")).values()) == {torch.bfloat16}
    assert dtypes(load_folder(model_folder, dtype=torch.float16, upcast_vae=True))["vae"] == torch.float32
    assert next(load_bundled_controlnet(dtype=torch.float16).parameters()).dtype == torch.float16
    assert next(load_controlnet(BUNDLED_CONTROLNET_DIR, device="cpu").parameters()).dtype == torch.float32


def test_default_device(monkeypatch):
    monkeypatch.delenv("COURSE_DEVICE", raising=False)
    expected = "cuda" if torch.cuda.is_available() else None
    assert default_device() == expected or (expected is None and default_device() in ("cpu", "mps"))
    monkeypatch.setenv("COURSE_DEVICE", "cpu")
    assert default_device() == "cpu"
    monkeypatch.setenv("COURSE_DEVICE", "gpu")
    refused(default_device, ValueError, "COURSE_DEVICE='gpu'", "'cpu'")


@pytest.mark.parametrize("call, must_say", [
    (lambda parts: load_bundled(device="gpu"), ["device='gpu'", "'cuda'"]),
    (lambda parts: load_bundled(dtype="int8"), ["dtype='int8'", "torch.float16"]),
    (lambda parts: load_bundled(dtype=torch.int64), ["torch.int64", "bfloat16"]),
    (lambda parts: parts.to(device=3.5), ["device=3.5"]),
], ids=["device-gpu", "dtype-int8", "dtype-int64", "device-number"])
def test_bad_device_or_dtype_is_refused(call, must_say):
    parts = load_bundled()  # loaded before the clock starts: a busy machine may take over a second to load it
    refused(lambda: call(parts), ValueError, *must_say)


def test_a_device_that_is_not_here_is_refused_before_loading():
    if torch.cuda.is_available():
        if torch.cuda.device_count() >= 8:
            pytest.skip("this machine has a cuda:7")
        refused(lambda: load_bundled(device="cuda:7"), ValueError, "cuda:7", "cuda:0")
    else:
        refused(lambda: load_bundled(device="cuda"), ValueError, "device='cuda'", "no CUDA device", "'cpu'")
        refused(lambda: check_device("cuda:0"), ValueError, "'cuda:0'", "'cpu'")


def test_networks_on_different_devices_are_refused_with_the_fix():
    """A learner who moves one network by hand: one message naming where each is and ``parts.to``."""
    parts = load_bundled()
    parts.unet.to("meta")  # a second device that every machine has
    refused(lambda: text_to_image(parts, PROMPT, steps=2, progress=False), ValueError,
            "unet on meta", "text_encoder on cpu", "parts.to(")


def test_a_controlnet_in_another_dtype_is_refused_with_the_fix():
    parts = load_bundled()
    net = load_bundled_controlnet(dtype=torch.bfloat16)
    edges = np.zeros((32, 32), np.uint8)
    refused(lambda: text_to_image(parts, PROMPT, control=[(net, edges, 1.0)], steps=2, progress=False), ValueError,
            "torch.bfloat16", "torch.float32", "load_controlnet(path, device=parts.device, dtype=parts.dtype)")
