"""SD3's MMDiT (course/nets/mmdit.py, mmdit_blocks.py) against diffusers' SD3Transformer2DModel.

Parity: tiny configs (patch 1 and 2, QK-norm off / RMSNorm / LayerNorm, 1 to 3 blocks with the last one
context_pre_only, SD3.5's dual attention), diffusers' seeded random weights moved off their init, our module
loaded strictly from them, fp32 CPU, max |Δ| <= 1e-5 on odd latent sizes up to the whole position table, batch 1
and 3. The full SD3 / SD3.5 configs on the meta device: the same parameter names, shapes and count. Then the
refusals: each bad input is one ValueError that says what to pass.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import inspect
import json

import pytest
import test_devices
import torch
from diffusers import SD3Transformer2DModel
from refusals import refused
from test_devices import DTYPES, check, supported

from course.io.loading import from_reference
from course.nets.mmdit import MMDiT, MMDiTConfig, config_from_reference

TOL = 1e-5
device = test_devices.device  # the fixture: the CPU, and CUDA (TF32 off) when there is one
TINY = dataclasses.asdict(MMDiTConfig.tiny())
CONFIGS = {
    # diffusers' SD3 pipeline-test transformer: patch 1, one block (so it is context_pre_only), no QK-norm
    "tiny": TINY,
    # patch 2, three blocks, SD3.5's QK RMSNorm, a table just big enough for a 16×16 latent, learned-σ width out
    "patch2_rms": {**TINY, "patch_size": 2, "num_layers": 3, "qk_norm": "rms_norm", "pos_embed_max_size": 8,
                   "sample_size": 12, "out_channels": 8},
    # QK LayerNorm (with weights and biases), two blocks, a wider text and pooled input, out_channels from in
    "layer_norm": {**TINY, "num_layers": 2, "qk_norm": "layer_norm", "joint_attention_dim": 24,
                   "pooled_projection_dim": 40, "out_channels": None, "pos_embed_max_size": 20},
    # SD3.5 medium's MMDiT-X: attn2 in some blocks, the last (context_pre_only) one among them
    "dual": {**TINY, "patch_size": 2, "num_layers": 3, "dual_attention_layers": (0, 2), "qk_norm": "rms_norm",
             "num_attention_heads": 2, "attention_head_dim": 16, "pos_embed_max_size": 12},
}
# (batch, height, width) per config: odd sizes, non-square, and one filling the table (max_size · patch)
SIZES = {"tiny": [(1, 7, 5), (3, 13, 32)], "patch2_rms": [(1, 6, 10), (3, 16, 16)],
         "layer_norm": [(3, 9, 20), (1, 1, 1)], "dual": [(1, 24, 2), (3, 10, 14)]}


@functools.cache
def models(name: str):
    """diffusers' model from CONFIGS[name], seed 0, every parameter nudged (a zero or one left at its init would
    hide a swapped shift/scale), and ours converted from it by from_reference (strict loading)."""
    torch.manual_seed(0)
    reference = SD3Transformer2DModel(**CONFIGS[name]).eval()
    with torch.no_grad():
        for p in reference.parameters():
            p.add_(0.1 * torch.randn_like(p))
    return reference, from_reference(reference)


def inputs(config: dict, b: int, h: int, w: int, tokens: int = 7, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(b, config["in_channels"], h, w, generator=g)
    context = torch.randn(b, tokens, config["joint_attention_dim"], generator=g)
    pooled = torch.randn(b, config["pooled_projection_dim"], generator=g)
    t = torch.rand(b, generator=g) * 1000  # σ·1000, fractional as the flow-matching schedule gives
    return x, t, context, pooled


def reference_forward(reference, x, t, context, pooled):
    with torch.no_grad():
        return reference(hidden_states=x, encoder_hidden_states=context, pooled_projections=pooled, timestep=t,
                         return_dict=False)[0]


@pytest.mark.parametrize("name", CONFIGS)
def test_from_reference_builds_the_same_module(name):
    reference, ours = models(name)
    assert isinstance(ours, MMDiT) and not ours.training
    assert ours.config == config_from_reference(dict(reference.config))
    assert ours.state_dict().keys() == reference.state_dict().keys()
    # the position table is computed, not only loaded: a fresh module has diffusers' numbers already
    fresh = MMDiT(ours.config).pos_embed.pos_embed
    assert torch.allclose(fresh, reference.pos_embed.pos_embed, atol=1e-6, rtol=0)


@pytest.mark.parametrize("name", CONFIGS)
@pytest.mark.parametrize("which", [0, 1])
def test_forward_matches_diffusers(name, which):
    reference, ours = models(name)
    b, h, w = SIZES[name][which]
    x, t, context, pooled = inputs(CONFIGS[name], b, h, w, tokens=5 + which * 4, seed=which)
    expected = reference_forward(reference, x, t, context, pooled)
    with torch.no_grad():
        got = ours(x, t, context, pooled)
    assert got.shape == expected.shape == (b, ours.config.channels_out, h, w)
    assert (got - expected).abs().max() <= TOL


def test_a_single_timestep_is_used_for_the_whole_batch():
    reference, ours = models("patch2_rms")
    x, _, context, pooled = inputs(CONFIGS["patch2_rms"], 3, 6, 8)
    expected = reference_forward(reference, x, torch.full((3,), 412.5), context, pooled)
    with torch.no_grad():
        for t in (412.5, torch.tensor(412.5), torch.tensor([412.5])):
            assert (ours(x, t, context, pooled) - expected).abs().max() <= TOL


def test_config_defaults_and_names_are_diffusers():
    """Every field is an SD3Transformer2DModel argument with the same default, and every argument is a field."""
    params = inspect.signature(SD3Transformer2DModel.__init__).parameters
    theirs = {k: p.default for k, p in params.items() if k != "self"}
    ours = {f.name: f.default for f in dataclasses.fields(MMDiTConfig)}
    assert ours.keys() == theirs.keys()
    assert {k: tuple(v) if isinstance(v, list) else v for k, v in theirs.items()} == ours


def test_a_config_file_round_trips_through_json():
    reference, ours = models("dual")
    written = json.loads(json.dumps({"_class_name": "SD3Transformer2DModel", **dict(reference.config)}))
    assert config_from_reference(written, "config.json") == ours.config
    assert config_from_reference({}) == MMDiTConfig()  # absent fields: diffusers' defaults


@pytest.mark.parametrize("preset", ["sd3_medium", "sd35_medium", "sd35_large"])
def test_full_size_presets_have_diffusers_parameters_on_meta(preset):
    config = getattr(MMDiTConfig, preset)()
    with torch.device("meta"):
        theirs = SD3Transformer2DModel(**dataclasses.asdict(config))
        ours = MMDiT(config)
    shapes = lambda m: {k: tuple(v.shape) for k, v in m.state_dict().items()}  # noqa: E731
    assert shapes(ours) == shapes(theirs)
    count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    assert count(ours) == count(theirs) and len(list(ours.parameters())) == len(list(theirs.parameters()))


@pytest.mark.parametrize("dtype", DTYPES)
def test_forward_matches_diffusers_in_each_dtype_and_device(device, dtype):
    """Both sides in one dtype on one device; the bound (test_devices.py) allows for the dtype's rounding."""
    reference32 = models("dual")[0].to(device)
    try:
        reference = copy.deepcopy(reference32).to(dtype)
        ours = from_reference(reference)  # same device and dtype as the reference
        x, t, context, pooled = (v.to(device) for v in inputs(CONFIGS["dual"], 3, 10, 14))
        with supported(device, dtype):
            expected32 = reference_forward(reference32, x, t, context, pooled)
            cast = [v.to(dtype) for v in (x, context, pooled)]
            expected = reference_forward(reference, cast[0], t, cast[1], cast[2])
            with torch.no_grad():
                got = ours(cast[0], t, cast[1], cast[2])
        assert got.dtype == dtype and got.device.type == device
        check("MMDiT", got, expected, expected32, dtype, device)
    finally:
        reference32.to("cpu")  # models() is cached: leave it as the other tests expect


@pytest.mark.slow
def test_full_widths_match_diffusers():
    """SD3 medium's widths (24 heads of 64, text 4096 wide, pooled 2048, the 192-patch table), two blocks, with SD3.5's
    QK RMSNorm and dual attention in the first: a 64×48 latent (768 image tokens) and 154 text tokens, batch 2."""
    config = dataclasses.replace(MMDiTConfig.sd3_medium(), num_layers=2, dual_attention_layers=(0,),
                                 qk_norm="rms_norm")
    torch.manual_seed(0)
    reference = SD3Transformer2DModel(**dataclasses.asdict(config)).eval()
    ours = from_reference(reference)
    x, t, context, pooled = inputs(dataclasses.asdict(config), 2, 64, 48, tokens=154)
    expected = reference_forward(reference, x, t, context, pooled)
    with torch.no_grad():
        got = ours(x, t, context, pooled)
    assert (got - expected).abs().max() <= TOL * max(1.0, float(expected.abs().max()))


# ---- refusals -----------------------------------------------------------------------------------------------


def test_bad_inputs_are_refused_with_what_to_pass():
    _, ours = models("patch2_rms")  # patch 2, table 8 patches wide: latents up to 16 × 16
    x, t, context, pooled = inputs(CONFIGS["patch2_rms"], 2, 6, 8)
    refused(lambda: ours(x[:, :3], t, context, pooled), ValueError, "(2, 3, 6, 8)", "in_channels=4")
    refused(lambda: ours(x[0], t, context, pooled), ValueError, "(4, 6, 8)", "(B, 4, H, W)")
    refused(lambda: ours(x[..., :7], t, context, pooled), ValueError, "6×7", "multiples of patch_size=2")
    big = torch.zeros(2, 4, 18, 8)
    refused(lambda: ours(big, t, context, pooled), ValueError, "18×8", "at most", "16 per side")
    refused(lambda: ours(x, t, context[..., :5], pooled), ValueError, "(2, 7, 5)", "joint_attention_dim=32")
    refused(lambda: ours(x, t, context[:1], pooled), ValueError, "(1, 7, 32)", "B=2")
    refused(lambda: ours(x, t, context, pooled[:, :10]), ValueError, "(2, 10)", "pooled_projection_dim=64")
    refused(lambda: ours(x, t, context, None), ValueError, "NoneType", "pooled_projection_dim=64")
    refused(lambda: ours(x, torch.ones(3), context, pooled), ValueError, "(3,)", "one timestep per latent")


@pytest.mark.parametrize("change,must_say", [
    ({"caption_projection_dim": 48}, ["caption_projection_dim=48", "32"]),
    ({"dual_attention_layers": (1,)}, ["dual_attention_layers=(1,)", "0 .. 0"]),
    ({"qk_norm": "rms_norm_across_heads"}, ["rms_norm_across_heads", "'rms_norm'"]),
    ({"num_layers": 0}, ["num_layers=0", "whole number >= 1"]),
    ({"sample_size": 1, "patch_size": 2}, ["sample_size=1", "patch_size=2"]),
    ({"attention_head_dim": 3, "num_attention_heads": 2, "caption_projection_dim": 6}, ["width 6", "multiple of 4"]),
])
def test_configs_the_course_cannot_build_are_refused_by_name(change, must_say):
    config = {**TINY, **change}
    refused(lambda: MMDiT(MMDiTConfig(**config)), ValueError, *must_say)
    refused(lambda: config_from_reference(config, "transformer/config.json"), ValueError, "transformer/config.json",
            *must_say)


def test_a_null_position_table_size_is_refused():
    refused(lambda: config_from_reference({**TINY, "pos_embed_max_size": None}, "config.json"), ValueError,
            "pos_embed_max_size is null", "192")
