"""FLUX.1's transformer (course/nets/flux.py) against diffusers' FluxTransformer2DModel.

diffusers' transformer takes packed tokens and position ids; ours takes latents and packs them itself. The reference
side packs with FluxPipeline's own helpers (_pack_latents, _prepare_latent_image_ids, _unpack_latents), so the
comparison also checks our packing, ids and unpacking. Tiny configs (with and without the guidance embedding, 1 to 3
blocks of each kind, other RoPE splits), seeded random weights moved off their init, fp32 CPU, max |Δ| <= 1e-5;
the full FLUX.1 configs on the meta device; the refusals.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import inspect

import pytest
import test_devices
import torch
from diffusers import FluxPipeline, FluxTransformer2DModel
from refusals import refused
from test_devices import DTYPES, check, supported

from course.io.loading import from_reference
from course.nets.flux import Flux, FluxConfig, config_from_reference

TOL = 1e-5
device = test_devices.device  # the fixture: the CPU, and CUDA (TF32 off) when there is one
TINY = dataclasses.asdict(FluxConfig.tiny())
CONFIGS = {
    "tiny": TINY,  # diffusers' Flux pipeline tests' transformer (FLUX.1-schnell's kind: no guidance embedding)
    # FLUX.1-dev's kind: the guidance embedding; more blocks of each kind; an out_channels of its own
    "dev_like": {**TINY, "num_layers": 2, "num_single_layers": 3, "guidance_embeds": True, "out_channels": 8},
    # another RoPE split over wider heads, a 4-channel latent
    "wide_heads": {**TINY, "in_channels": 16, "attention_head_dim": 32, "axes_dims_rope": (8, 12, 12),
                   "joint_attention_dim": 24, "pooled_projection_dim": 40},
}
SIZES = [(1, 2, 2), (3, 10, 6), (3, 16, 24)]  # (batch, H, W): the smallest, non-square, wider than tall


@functools.cache
def models(name: str):
    torch.manual_seed(0)
    reference = FluxTransformer2DModel(**CONFIGS[name]).eval()
    with torch.no_grad():
        for p in reference.parameters():
            p.add_(0.1 * torch.randn_like(p))
    return reference, from_reference(reference)


def inputs(config: dict, b: int, h: int, w: int, tokens: int = 5, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(b, config["in_channels"] // 4, h, w, generator=g)
    context = torch.randn(b, tokens, config["joint_attention_dim"], generator=g)
    pooled = torch.randn(b, config["pooled_projection_dim"], generator=g)
    sigma = torch.rand(b, generator=g)
    guidance = torch.full((b,), 3.5) if config.get("guidance_embeds") else None
    return x, sigma, context, pooled, guidance


def reference_forward(reference, x, sigma, context, pooled, guidance):
    """diffusers' side, as FluxPipeline calls it: packed latents, ids, σ (the pipeline's timestep / 1000)."""
    b, c, h, w = x.shape
    ids = FluxPipeline._prepare_latent_image_ids(b, h // 2, w // 2, x.device, x.dtype)
    text_ids = torch.zeros(context.shape[1], 3, device=x.device, dtype=x.dtype)
    with torch.no_grad():
        out = reference(hidden_states=FluxPipeline._pack_latents(x, b, c, h, w), encoder_hidden_states=context,
                        pooled_projections=pooled, timestep=sigma, img_ids=ids, txt_ids=text_ids, guidance=guidance,
                        return_dict=False)[0]
    return FluxPipeline._unpack_latents(out, h * 8, w * 8, 8)  # the VAE's factor 8: back to latent H, W


@pytest.mark.parametrize("name", CONFIGS)
def test_from_reference_builds_the_same_module(name):
    reference, ours = models(name)
    assert isinstance(ours, Flux) and not ours.training
    assert ours.config == config_from_reference(dict(reference.config))
    assert ours.state_dict().keys() == reference.state_dict().keys()


@pytest.mark.parametrize("name", CONFIGS)
@pytest.mark.parametrize("size", SIZES, ids=str)
def test_forward_matches_diffusers(name, size):
    reference, ours = models(name)
    x, sigma, context, pooled, guidance = inputs(CONFIGS[name], *size, tokens=3 + size[1] % 5)
    expected = reference_forward(reference, x, sigma, context, pooled, guidance)
    with torch.no_grad():
        got = ours(x, sigma, context, pooled, guidance=guidance)
    assert got.shape == expected.shape == (size[0], ours.config.channels_out // 4, size[1], size[2])
    assert (got - expected).abs().max() <= TOL


def test_a_number_for_sigma_and_guidance_is_used_for_the_whole_batch():
    reference, ours = models("dev_like")
    x, _, context, pooled, _ = inputs(CONFIGS["dev_like"], 3, 4, 6)
    expected = reference_forward(reference, x, torch.full((3,), 0.25), context, pooled, torch.full((3,), 4.0))
    with torch.no_grad():
        assert (ours(x, 0.25, context, pooled, guidance=4.0) - expected).abs().max() <= TOL


@pytest.mark.parametrize("dtype", DTYPES)
def test_forward_matches_diffusers_in_each_dtype_and_device(device, dtype):
    """Both sides in one dtype on one device; the bound (test_devices.py) allows for the dtype's rounding."""
    reference32 = models("dev_like")[0].to(device)
    try:
        reference = copy.deepcopy(reference32).to(dtype)
        ours = from_reference(reference)
        x, sigma, context, pooled, guidance = (v.to(device) for v in inputs(CONFIGS["dev_like"], 3, 8, 6))
        with supported(device, dtype):
            expected32 = reference_forward(reference32, x, sigma, context, pooled, guidance)
            x, context, pooled = (v.to(dtype) for v in (x, context, pooled))
            expected = reference_forward(reference, x, sigma, context, pooled, guidance)
            with torch.no_grad():
                got = ours(x, sigma, context, pooled, guidance=guidance)
        assert got.dtype == dtype and got.device.type == device
        check("Flux", got, expected, expected32, dtype, device)
    finally:
        reference32.to("cpu")


def test_config_defaults_and_names_are_diffusers():
    params = inspect.signature(FluxTransformer2DModel.__init__).parameters
    theirs = {k: tuple(p.default) if isinstance(p.default, list) else p.default for k, p in params.items()
              if k != "self"}
    assert {f.name: f.default for f in dataclasses.fields(FluxConfig)} == theirs


@pytest.mark.parametrize("preset", ["flux_dev", "flux_schnell"])
def test_full_size_presets_have_diffusers_parameters_on_meta(preset):
    config = getattr(FluxConfig, preset)()
    with torch.device("meta"):
        theirs = FluxTransformer2DModel(**dataclasses.asdict(config))
        ours = Flux(config)
    shapes = lambda m: {k: tuple(v.shape) for k, v in m.state_dict().items()}  # noqa: E731
    assert shapes(ours) == shapes(theirs)
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in theirs.parameters())


# ---- refusals -----------------------------------------------------------------------------------------------


def test_bad_inputs_are_refused_with_what_to_pass():
    _, schnell = models("tiny")
    _, dev = models("dev_like")
    x, sigma, context, pooled, _ = inputs(TINY, 2, 6, 8)
    refused(lambda: schnell(torch.zeros(2, 4, 6, 8), sigma, context, pooled), ValueError, "(2, 4, 6, 8)",
            "(B, 1, H, W)")
    refused(lambda: schnell(x[..., :7], sigma, context, pooled), ValueError, "6×7", "even")
    refused(lambda: schnell(x, sigma, context[..., :5], pooled), ValueError, "(2, 5, 5)", "joint_attention_dim=32")
    refused(lambda: schnell(x, sigma, context, pooled[:1]), ValueError, "(1, 32)", "pooled_projection_dim=32")
    refused(lambda: schnell(x, torch.ones(3), context, pooled), ValueError, "sigma has shape (3,)", "one per latent")
    refused(lambda: schnell(x, sigma, context, pooled, guidance=3.5), ValueError, "guidance_embeds=False",
            "leave guidance out")
    refused(lambda: dev(x, sigma, context, pooled), ValueError, "guidance_embeds=True", "pass guidance")


@pytest.mark.parametrize("change,must_say", [
    ({"axes_dims_rope": (4, 4, 4)}, ["axes_dims_rope=(4, 4, 4)", "attention_head_dim=16"]),
    ({"patch_size": 2}, ["patch_size=2", "patch_size=1"]),
    ({"in_channels": 6}, ["in_channels=6", "multiple of 4"]),
    ({"num_single_layers": 0}, ["num_single_layers=0", "whole number >= 1"]),
])
def test_configs_the_course_cannot_build_are_refused_by_name(change, must_say):
    config = {**TINY, **change}
    refused(lambda: Flux(FluxConfig(**config)), ValueError, *must_say)
    refused(lambda: config_from_reference(config, "transformer/config.json"), ValueError, "transformer/config.json",
            *must_say)
