"""Tests for course/nets/unet_blocks.py: each layer against the diffusers class it rebuilds, weights loaded strictly."""
from __future__ import annotations

import pytest
import torch
from diffusers.models.downsampling import Downsample2D as RefDownsample2D
from diffusers.models.embeddings import TimestepEmbedding as RefTimestepEmbedding
from diffusers.models.embeddings import Timesteps as RefTimesteps
from diffusers.models.resnet import ResnetBlock2D as RefResnetBlock2D
from diffusers.models.transformers.transformer_2d import Transformer2DModel as RefTransformer2DModel
from diffusers.models.upsampling import Upsample2D as RefUpsample2D

from course.nets.unet_blocks import (
    Downsample2D,
    ResnetBlock2D,
    TimestepEmbedding,
    Timesteps,
    Transformer2DModel,
    Upsample2D,
)

TOL = 1e-5


def load_from(ours: torch.nn.Module, ref: torch.nn.Module) -> torch.nn.Module:
    """Give ref's norms non-trivial weights (so a swapped or missing norm shows), then copy everything into ours."""
    with torch.no_grad():
        for key, p in ref.named_parameters():
            if "norm" in key:
                p.add_(0.1 * torch.randn_like(p))
    ours.load_state_dict(ref.state_dict(), strict=True)
    return ours.eval()


def randn(*shape: int) -> torch.Tensor:
    return torch.randn(*shape, generator=torch.Generator().manual_seed(1))


def max_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    return (a - b).abs().max().item()


@pytest.mark.parametrize("cin, cout", [(32, 32), (32, 64), (96, 64)])
def test_resnet_block(cin, cout):
    torch.manual_seed(0)
    ref = RefResnetBlock2D(in_channels=cin, out_channels=cout, temb_channels=128, groups=32, eps=1e-5).eval()
    ours = load_from(ResnetBlock2D(cin, cout, 128, groups=32, eps=1e-5), ref)
    assert (ours.conv_shortcut is None) == (cin == cout)
    x, emb = randn(2, cin, 8, 6), randn(2, 128)
    with torch.no_grad():
        assert max_diff(ours(x, emb), ref(x, emb)) <= TOL


@pytest.mark.parametrize("linear", [False, True])
@pytest.mark.parametrize("layers", [1, 2])
def test_transformer_2d(linear, layers):
    torch.manual_seed(0)
    ref = RefTransformer2DModel(4, 16, in_channels=64, num_layers=layers, cross_attention_dim=48, norm_num_groups=32,
                                use_linear_projection=linear).eval()
    ours = load_from(Transformer2DModel(64, 4, 16, 48, num_layers=layers, groups=32, use_linear_projection=linear), ref)
    assert isinstance(ours.proj_in, torch.nn.Linear if linear else torch.nn.Conv2d)
    x, context = randn(2, 64, 5, 7), randn(2, 77, 48)
    with torch.no_grad():
        want = ref(x, encoder_hidden_states=context, return_dict=False)[0]
        assert max_diff(ours(x, context), want) <= TOL


def test_transformer_2d_longer_context():
    torch.manual_seed(0)
    ref = RefTransformer2DModel(2, 16, in_channels=32, cross_attention_dim=32, norm_num_groups=32).eval()
    ours = load_from(Transformer2DModel(32, 2, 16, 32, groups=32), ref)
    x, context = randn(1, 32, 4, 4), randn(1, 154, 32)
    with torch.no_grad():
        assert max_diff(ours(x, context), ref(x, encoder_hidden_states=context, return_dict=False)[0]) <= TOL


@pytest.mark.parametrize("flip, shift", [(True, 0), (False, 1)])
def test_timesteps_and_time_embedding(flip, shift):
    torch.manual_seed(0)
    ref = RefTimestepEmbedding(32, 128).eval()
    ours = load_from(TimestepEmbedding(32, 128), ref)
    t = torch.tensor([0.0, 17.5, 999.0])
    sinusoids = Timesteps(32, flip, shift)(t)
    assert max_diff(sinusoids, RefTimesteps(32, flip, shift)(t)) <= 1e-6
    assert list(Timesteps(32).parameters()) == []
    with torch.no_grad():
        assert max_diff(ours(sinusoids), ref(sinusoids)) <= TOL


@pytest.mark.parametrize("padding", [1, 0])
@pytest.mark.parametrize("size", [(8, 8), (7, 5)])
def test_downsample(padding, size):
    torch.manual_seed(0)
    ref = RefDownsample2D(32, use_conv=True, padding=padding, name="op").eval()
    ours = load_from(Downsample2D(32, padding=padding), ref)
    x = randn(2, 32, *size)
    with torch.no_grad():
        got = ours(x)
        assert got.shape == ref(x).shape and max_diff(got, ref(x)) <= TOL


@pytest.mark.parametrize("size", [None, (7, 5)])
def test_upsample(size):
    torch.manual_seed(0)
    ref = RefUpsample2D(32, use_conv=True).eval()
    ours = load_from(Upsample2D(32), ref)
    x = randn(2, 32, 4, 3)
    with torch.no_grad():
        got = ours(x, size)
        assert got.shape[-2:] == (size or (8, 6))
        assert max_diff(got, ref(x, size)) <= TOL
