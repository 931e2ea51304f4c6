"""Tests for course/nets/unet.py: parity with diffusers' UNet2DConditionModel across SD 1.x-style configs."""
from __future__ import annotations

import dataclasses
import functools
import gc

import pytest
import torch
from diffusers import UNet2DConditionModel
from diffusers.models.embeddings import get_timestep_embedding
from reference_parts import seeded_unet

from course.config import UNetConfig
from course.nets.unet import UNet
from course.nets.unet_blocks import timestep_embedding

TOL = 1e-5
TINY = dict(sample_size=32, block_out_channels=(32, 64), layers_per_block=2, cross_attention_dim=32,
            down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
            up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
            attention_head_dim=8)
SD_ORDER = dict(down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
                up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3)
CONFIGS = {
    "tiny": TINY,
    "sd15_order": {**TINY, **SD_ORDER, "block_out_channels": (32, 64, 64, 64)},
    "linear_projection": {**TINY, "use_linear_projection": True},
    # per-block heads, attention in an unusual order; up blocks read the heads reversed, the mid block the last
    "heads_tuple": {**TINY, "block_out_channels": (32, 64, 96), "attention_head_dim": (1, 2, 4),
                    "down_block_types": ("CrossAttnDownBlock2D", "DownBlock2D", "CrossAttnDownBlock2D"),
                    "up_block_types": ("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D")},
    "three_blocks_deep_transformers": {**TINY, "block_out_channels": (32, 64, 64), "layers_per_block": 1,
                                       "transformer_layers_per_block": 2,
                                       "down_block_types": ("CrossAttnDownBlock2D",) * 2 + ("DownBlock2D",),
                                       "up_block_types": ("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 2},
    "layers_tuple": {**TINY, "layers_per_block": (1, 3),
                     "up_block_types": ("CrossAttnUpBlock2D", "CrossAttnUpBlock2D")},
    "other_settings": {**TINY, "downsample_padding": 0, "flip_sin_to_cos": False, "freq_shift": 1, "norm_eps": 1e-6,
                       "norm_num_groups": 16, "upcast_attention": True, "in_channels": 3, "out_channels": 5},
}


@functools.cache
def models(name: str):
    """reference_parts.seeded_unet of CONFIGS[name], cached."""
    return seeded_unet(CONFIGS[name])


def inputs(name: str, batch: int = 2, tokens: int = 77, size: tuple[int, int] = (16, 16)):
    cfg = CONFIGS[name]
    g = torch.Generator().manual_seed(1)
    x = torch.randn(batch, cfg.get("in_channels", 4), *size, generator=g)
    context = torch.randn(batch, tokens, cfg["cross_attention_dim"], generator=g)
    return x, context


def control_residuals(ref: UNet2DConditionModel, x: torch.Tensor, scale: float = 0.5):
    """Random tensors with the shapes of every skip the reference pushes, and of its mid block's output."""
    shapes = []
    h = ref.conv_in(x)
    shapes.append(h.shape)
    g = torch.Generator().manual_seed(2)
    n = len(ref.config.block_out_channels)
    for i, block in enumerate(ref.down_blocks):
        shapes += [(x.shape[0], block.resnets[0].out_channels, *h.shape[-2:])] * len(block.resnets)
        if i < n - 1:
            h = block.downsamplers[0](torch.zeros(x.shape[0], block.resnets[0].out_channels, *h.shape[-2:]))
            shapes.append(h.shape)
    down = tuple(scale * torch.randn(s, generator=g) for s in shapes)
    return down, scale * torch.randn(shapes[-1], generator=g)


def max_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    return (a - b).abs().max().item()


@pytest.mark.parametrize("name", CONFIGS)
@pytest.mark.parametrize("tokens", [77, 154])
def test_parity_with_diffusers(name, tokens):
    ref, ours = models(name)
    x, context = inputs(name, tokens=tokens)
    for t in (981, 499.5, torch.tensor(250), torch.tensor([10, 900]), torch.tensor([3.25, 640.0])):
        with torch.no_grad():
            want = ref(x, t, context).sample
            got = ours(x, t, context)
        assert got.shape == (2, CONFIGS[name].get("out_channels", 4), 16, 16)
        assert max_diff(got, want) <= TOL, (name, t)


@pytest.mark.parametrize("name", CONFIGS)
def test_parity_with_control_residuals(name):
    ref, ours = models(name)
    x, context = inputs(name)
    down, mid = control_residuals(ref, x)
    with torch.no_grad():
        want = ref(x, 500, context, down_block_additional_residuals=down, mid_block_additional_residual=mid).sample
        got = ours(x, 500, context, down_block_additional_residuals=down, mid_block_additional_residual=mid)
        plain = ours(x, 500, context)
    assert max_diff(got, want) <= TOL
    assert max_diff(got, plain) > 1e-3  # the residuals did change the output


@pytest.mark.parametrize("name", ["tiny", "sd15_order", "other_settings"])
@pytest.mark.parametrize("size", [(15, 13), (9, 16)])
def test_latent_sizes_not_multiples_of_the_downsampling(name, size):
    ref, ours = models(name)
    x, context = inputs(name, batch=1, size=size)
    with torch.no_grad():
        want = ref(x, 7, context).sample
        got = ours(x, 7, context)
    assert got.shape[-2:] == size
    assert max_diff(got, want) <= TOL


@pytest.mark.parametrize("flip", [True, False])
@pytest.mark.parametrize("shift", [0, 1])
@pytest.mark.parametrize("dim", [320, 32, 7])
def test_timestep_embedding_matches_diffusers(flip, shift, dim):
    t = torch.tensor([0, 1, 10.5, 999, 1000])
    want = get_timestep_embedding(t, dim, flip_sin_to_cos=flip, downscale_freq_shift=shift)
    got = timestep_embedding(t, dim, flip_sin_to_cos=flip, freq_shift=shift)
    assert got.shape == (5, dim) and got.dtype == torch.float32
    assert max_diff(got, want) <= 1e-6


def test_timestep_embedding_rejects_a_batch_of_batches():
    with pytest.raises(ValueError, match="1-d tensor"):
        timestep_embedding(torch.zeros(2, 3), 32)


def test_attention_probabilities_are_reachable():
    _, ours = models("tiny")
    x, context = inputs("tiny")
    cross = [m for name, m in ours.named_modules() if name.endswith("attn2")]
    assert cross  # every transformer layer's cross-attention is an ordinary submodule
    for m in cross:
        m.keep_probs = True
    try:
        with torch.no_grad():
            ours(x, 10, context)
        assert all(m.probs.shape[-1] == 77 and m.probs.shape[1] == m.heads for m in cross)
    finally:
        for m in cross:
            m.keep_probs, m.probs = False, None


# ---- errors: each names the value, the rule and the fix ----

def test_wrong_channel_count():
    _, ours = models("tiny")
    x, context = inputs("tiny")
    with pytest.raises(ValueError, match=r"must be \(B, 4, h, w\)"):
        ours(x[:, :3], 10, context)
    with pytest.raises(ValueError, match=r"must be \(B, 4, h, w\)"):
        ours(x[0], 10, context)


def test_context_width_and_batch():
    _, ours = models("tiny")
    x, context = inputs("tiny")
    with pytest.raises(ValueError, match="cross_attention_dim=32"):
        ours(x, 10, torch.randn(2, 77, 768))
    with pytest.raises(ValueError, match="one text encoding per latent"):
        ours(x, 10, context[:1])


def test_timestep_shape():
    _, ours = models("tiny")
    x, context = inputs("tiny")
    with pytest.raises(ValueError, match=r"tensor of shape \(2,\)"):
        ours(x, torch.tensor([1, 2, 3]), context)


def test_control_residual_errors():
    ref, ours = models("tiny")
    x, context = inputs("tiny")
    down, mid = control_residuals(ref, x)
    with pytest.raises(ValueError, match=f"pushes {len(down)} skips, so pass {len(down)}"):
        ours(x, 10, context, down_block_additional_residuals=down[:-1], mid_block_additional_residual=mid)
    with pytest.raises(ValueError, match="come as a pair"):
        ours(x, 10, context, down_block_additional_residuals=down)
    with pytest.raises(ValueError, match="come as a pair"):
        ours(x, 10, context, mid_block_additional_residual=mid)
    with pytest.raises(ValueError, match=r"down_block_additional_residuals\[1\] has shape"):
        bad = (down[0], down[1][:, :, :-1]) + down[2:]
        ours(x, 10, context, down_block_additional_residuals=bad, mid_block_additional_residual=mid)
    with pytest.raises(ValueError, match="mid_block_additional_residual has shape"):
        ours(x, 10, context, down_block_additional_residuals=down, mid_block_additional_residual=mid[:, :1])


@pytest.mark.parametrize("change, message", [
    (dict(up_block_types=("UpBlock2D",)), "one entry per level"),
    (dict(down_block_types=("DownBlock2D", "AttnDownBlock2D")), "not one the course builds"),
    (dict(attention_head_dim=(8, 8, 8)), "one per block"),
    (dict(attention_head_dim=5), "do not split into attention_head_dim=5 heads"),
    (dict(cross_attention_dim=(32, 32)), "give a single int"),
])
def test_config_errors(change, message):
    with pytest.raises(ValueError, match=message):
        UNet(dataclasses.replace(UNetConfig.tiny(), **change))


def test_tiny_preset_is_the_tiny_reference():
    _, ours = models("tiny")
    assert ours.config == UNetConfig.tiny()


# ---- full size, and on a GPU ----

@pytest.mark.slow
def test_sd15_size_parity():
    """Full SD 1.5 UNet (random weights) at latent 4x16x16, plain and with ControlNet residuals. Ours shares
    the reference's tensors (assign=True), so 860M parameters are initialised and held once (~3.4 GB)."""
    torch.manual_seed(0)
    ref = UNet2DConditionModel(sample_size=64, cross_attention_dim=768).eval()
    with torch.device("meta"):
        ours = UNet(UNetConfig.sd15())
    ours.load_state_dict(ref.state_dict(), strict=True, assign=True)
    ours.eval()
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in ref.parameters())
    g = torch.Generator().manual_seed(1)
    x, context = torch.randn(1, 4, 16, 16, generator=g), torch.randn(1, 77, 768, generator=g)  # batch 2: tiny tests
    down, mid = control_residuals(ref, x, scale=0.1)
    with torch.no_grad():
        diff = max_diff(ours(x, 801, context), ref(x, 801, context).sample)
        diff_control = max_diff(ours(x, 801, context, down, mid),
                                ref(x, 801, context, down_block_additional_residuals=down,
                                    mid_block_additional_residual=mid).sample)
    del ref, ours
    gc.collect()
    assert diff <= TOL and diff_control <= TOL, (diff, diff_control)
