"""``compile_parts``: the UNet and the VAE decoder through ``torch.compile``, the same pictures within fp tolerance.

The "eager" backend traces the networks with TorchDynamo and runs what it traced unchanged: a few seconds, and the
pictures must be equal bit for bit. The "inductor" backend generates new kernels (a C++ compiler on a CPU), which
reorder sums: equal within a bound, and half a minute to compile on a 2-core machine, hence marked slow.
"""
from __future__ import annotations

import pytest
import torch
from refusals import refused

from course.io.loading import load_bundled
from course.pipeline import compile_parts, text_to_image

PROMPT = "a red circle in the top left on a blue background"


def test_eager_backend_gives_the_same_pictures_and_leaves_the_parts_alone():
    parts = load_bundled()
    want = text_to_image(parts, PROMPT, steps=4, seed=3, progress=False, output_type="pt")
    fast = compile_parts(parts, backend="eager")
    got = text_to_image(fast, PROMPT, steps=4, seed=3, progress=False, output_type="pt")
    assert torch.equal(got, want)
    assert fast.unet._orig_mod is parts.unet and fast.vae.decoder._orig_mod is parts.vae.decoder  # shared weights
    assert not isinstance(parts.unet, torch._dynamo.eval_frame.OptimizedModule)
    assert not isinstance(parts.vae.decoder, torch._dynamo.eval_frame.OptimizedModule)


def test_a_mode_torch_compile_does_not_have_is_refused():
    parts = load_bundled()
    refused(lambda: compile_parts(parts, mode="fast"), ValueError, "mode='fast'", "'default'")


@pytest.mark.slow
def test_inductor_matches_eager_within_float32_rounding():
    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
    parts = load_bundled()
    want = text_to_image(parts, PROMPT, steps=4, seed=3, progress=False, output_type="pt")
    got = text_to_image(compile_parts(parts), PROMPT, steps=4, seed=3, progress=False, output_type="pt")
    delta = float((got - want).abs().max())
    print(f"inductor vs eager: max |Δ| = {delta:.2e} (bound 1e-4)")
    assert delta <= 1e-4
