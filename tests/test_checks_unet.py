"""Tests for course/checks/unet.py: right answers pass, wrong ones fail with a message that names the mismatch."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from course import checks
from course.nets.attention import Attention
from course.nets.unet_blocks import BasicTransformerBlock, FeedForward


def passed(result: checks.CheckResult) -> bool:
    assert "Traceback" not in result.message
    return result.passed


# ---- 1. timestep_embedding ------------------------------------------------------------------------

def my_timestep_embedding(t: torch.Tensor, dim: int, cos_first: bool = True, shift: int = 0) -> torch.Tensor:
    half = dim // 2
    freqs = 10000 ** (-torch.arange(half, dtype=torch.float32) / (half - shift))  # another correct way to write it
    angles = t.float()[:, None] * freqs[None, :]
    parts = [angles.cos(), angles.sin()] if cos_first else [angles.sin(), angles.cos()]
    return torch.cat(parts, dim=-1)


def test_timestep_embedding_right_answers_pass():
    assert passed(checks.check_timestep_embedding(my_timestep_embedding))


@pytest.mark.parametrize("wrong", [dict(cos_first=False), dict(shift=1)])
def test_timestep_embedding_wrong_answers_fail(wrong):
    result = checks.check_timestep_embedding(lambda t, dim: my_timestep_embedding(t, dim, **wrong))
    assert not passed(result)
    assert "first mismatch" in result.message and "timestep_embedding(tensor of shape (10,)" in result.message
    assert "values differ" in result.message and "hint:" in result.message


def test_timestep_embedding_not_written_and_errors():
    def stub(t, dim):
        raise NotImplementedError("write me")

    assert "not written yet" in checks.check_timestep_embedding(stub).message
    result = checks.check_timestep_embedding(lambda t, dim: t[:, None] * torch.ones(dim // 2))  # wrong width
    assert not passed(result) and "expected shape (10, 320), got (10, 160)" in result.message
    result = checks.check_timestep_embedding(lambda t, dim: t.view(3, -1))  # raises: 10 timesteps do not split in 3
    assert not passed(result) and "raised RuntimeError" in result.message
    assert "expected a function" in checks.check_timestep_embedding(None).message


# ---- 2. ResnetBlock2D -------------------------------------------------------------------------------

def make_resnet(mistake: str = "", norm_name: str = "norm1"):
    class Block(nn.Module):
        def __init__(self, in_channels, out_channels, temb_channels, groups=32, eps=1e-5):
            super().__init__()
            setattr(self, norm_name, nn.GroupNorm(groups, in_channels, eps=eps))
            self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
            self.time_emb_proj = nn.Linear(temb_channels, out_channels)
            self.norm2 = nn.GroupNorm(groups, out_channels, eps=eps)
            self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
            self.conv_shortcut = nn.Conv2d(in_channels, out_channels, 1) if in_channels != out_channels else None

        def forward(self, x, emb):
            if mistake == "stub":
                raise NotImplementedError("write forward")
            norm1 = getattr(self, norm_name)
            h = self.conv1(F.silu(norm1(x)))
            time = self.time_emb_proj(emb if mistake == "no silu on emb" else F.silu(emb))
            h = h + (time if mistake == "no broadcast" else time[:, :, None, None])
            h = self.conv2(F.silu(self.norm2(h)))
            if mistake == "no shortcut":
                return x + h
            return (x if self.conv_shortcut is None else self.conv_shortcut(x)) + h

    return Block


def test_resnet_block_right_answer_passes():
    assert passed(checks.check_resnet_block(make_resnet()))


def test_resnet_block_wrong_math_fails_with_first_mismatch():
    result = checks.check_resnet_block(make_resnet("no silu on emb"))
    assert not passed(result)
    assert "first mismatch" in result.message
    assert "ResnetBlock2D(32, 32, 128, 8, 1e-05)(x (2, 32, 8, 8), emb (2, 128))" in result.message


def test_resnet_block_errors_are_reported_without_a_stack_trace():
    result = checks.check_resnet_block(make_resnet("no broadcast"))
    assert not passed(result) and "raised RuntimeError" in result.message
    result = checks.check_resnet_block(make_resnet("no shortcut"))
    assert not passed(result) and "raised RuntimeError" in result.message
    assert "ResnetBlock2D(32, 64, 64, 32, 1e-05)(x (2, 32, 8, 8), emb (2, 64))" in result.message


def test_resnet_block_wrong_names_are_listed():
    result = checks.check_resnet_block(make_resnet(norm_name="norm_1"))
    assert not passed(result)
    assert "missing (the reference has them, yours does not): norm1.weight, norm1.bias" in result.message
    assert "unexpected (yours has them, the reference does not): norm_1.weight, norm_1.bias" in result.message
    assert "self.norm1, self.conv1, self.time_emb_proj" in result.message


def test_resnet_block_stub_and_instance():
    assert "not written yet" in checks.check_resnet_block(make_resnet("stub")).message
    result = checks.check_resnet_block(make_resnet()(32, 32, 128))
    assert not passed(result) and "expected the class itself, got a module already built" in result.message


def test_checks_leave_the_learners_random_state_alone():
    torch.manual_seed(123)
    before = torch.random.get_rng_state()
    checks.check_resnet_block(make_resnet())
    checks.check_cross_attention(my_cross_attention)
    assert torch.equal(before, torch.random.get_rng_state())


# ---- 3. cross_attention ----------------------------------------------------------------------------

def my_cross_attention(x, context, to_q, to_k, to_v, to_out, heads, scale_by="head", softmax_dim=-1):
    b, n, _ = x.shape
    q, k, v = to_q(x), to_k(context), to_v(context)
    d = q.shape[-1] // heads
    q, k, v = (z.view(b, -1, heads, d).transpose(1, 2) for z in (q, k, v))
    scale = math.sqrt(d if scale_by == "head" else x.shape[-1])
    probs = (q @ k.transpose(-2, -1) / scale).softmax(dim=softmax_dim)
    return to_out((probs @ v).transpose(1, 2).reshape(b, n, heads * d))


def sdpa_cross_attention(x, context, to_q, to_k, to_v, to_out, heads):
    b, n, _ = x.shape
    q, k, v = (z.unflatten(-1, (heads, -1)).transpose(1, 2) for z in (to_q(x), to_k(context), to_v(context)))
    return to_out(F.scaled_dot_product_attention(q, k, v).transpose(1, 2).flatten(2))


def test_cross_attention_right_answers_pass():
    assert passed(checks.check_cross_attention(my_cross_attention))
    assert passed(checks.check_cross_attention(sdpa_cross_attention))


@pytest.mark.parametrize("wrong", [dict(scale_by="width"), dict(softmax_dim=-2)])
def test_cross_attention_wrong_answers_fail(wrong):
    result = checks.check_cross_attention(lambda *args: my_cross_attention(*args, **wrong))
    assert not passed(result)
    assert "first mismatch" in result.message
    assert ("cross_attention(x (2, 64, 32), context (2, 77, 16), to_q=Linear(32, 32), to_k=Linear(16, 32), "
            "to_v=Linear(16, 32), to_out=Linear(32, 32), heads=4)") in result.message


def test_cross_attention_not_written():
    def stub(*args):
        raise NotImplementedError

    assert "not written yet" in checks.check_cross_attention(stub).message


# ---- 4. geglu, the transformer block, the spatial transformer ---------------------------------------

def test_geglu():
    assert passed(checks.check_geglu(lambda x, proj: (lambda a, g: a * F.gelu(g))(*proj(x).chunk(2, dim=-1))))
    swapped = checks.check_geglu(lambda x, proj: (lambda a, g: g * F.gelu(a))(*proj(x).chunk(2, dim=-1)))
    assert not passed(swapped) and "first mismatch" in swapped.message
    tanh = checks.check_geglu(lambda x, proj: (lambda a, g: a * F.gelu(g, approximate="tanh"))(*proj(x).chunk(2, -1)))
    assert not passed(tanh) and "values differ" in tanh.message


def make_transformer_block(mistake: str = ""):
    class Block(nn.Module):
        def __init__(self, dim, heads, dim_head, context_dim):
            super().__init__()
            self.norm1, self.norm2, self.norm3 = nn.LayerNorm(dim), nn.LayerNorm(dim), nn.LayerNorm(dim)
            self.attn1 = Attention(dim, None, heads, dim_head)
            self.attn2 = Attention(dim, context_dim, heads, dim_head)
            self.ff = FeedForward(dim)

        def forward(self, x, context):
            x = x + self.attn1(self.norm1(x))
            x = x + (self.attn2(self.norm2(x)) if mistake == "no context" else self.attn2(self.norm2(x), context))
            return self.ff(self.norm3(x)) if mistake == "no residual" else x + self.ff(self.norm3(x))

    return Block


def test_transformer_block():
    assert passed(checks.check_transformer_block(make_transformer_block()))
    result = checks.check_transformer_block(make_transformer_block("no residual"))
    assert not passed(result) and "first mismatch" in result.message
    assert "BasicTransformerBlock(32, 4, 8, 16)(x (2, 64, 32), context (2, 77, 16))" in result.message
    result = checks.check_transformer_block(make_transformer_block("no context"))
    assert not passed(result) and "raised RuntimeError" in result.message


def make_spatial_transformer(mistake: str = ""):
    class Spatial(nn.Module):
        def __init__(self, channels, heads, dim_head, context_dim, groups=32):
            super().__init__()
            inner = heads * dim_head
            self.norm = nn.GroupNorm(groups, channels, eps=1e-6)
            self.proj_in = nn.Conv2d(channels, inner, 1)
            self.transformer_blocks = nn.ModuleList([BasicTransformerBlock(inner, heads, dim_head, context_dim)])
            self.proj_out = nn.Conv2d(inner, channels, 1)

        def forward(self, x, context):
            b, _, h, w = x.shape
            hidden = self.proj_in(self.norm(x))
            inner = hidden.shape[1]
            if mistake == "no permute":
                tokens = hidden.reshape(b, h * w, inner)
            else:
                tokens = hidden.permute(0, 2, 3, 1).reshape(b, h * w, inner)
            for block in self.transformer_blocks:
                tokens = block(tokens, context)
            return self.proj_out(tokens.reshape(b, h, w, inner).permute(0, 3, 1, 2)) + x

    return Spatial


def test_spatial_transformer():
    assert passed(checks.check_spatial_transformer(make_spatial_transformer()))
    result = checks.check_spatial_transformer(make_spatial_transformer("no permute"))
    assert not passed(result) and "first mismatch" in result.message


def test_spatial_transformer_names():
    class Renamed(make_spatial_transformer()):
        def __init__(self, *args):
            super().__init__(*args)
            self.blocks = self.transformer_blocks
            del self.transformer_blocks

    result = checks.check_spatial_transformer(Renamed)
    assert not passed(result)
    assert "missing (the reference has them, yours does not): transformer_blocks.0." in result.message
    assert "unexpected (yours has them, the reference does not): blocks.0." in result.message


# ---- 5. unet_forward ----------------------------------------------------------------------------------

def my_unet_forward(unet, x, t, context, lifo=True, match_sizes=True):
    emb = unet.time_embedding(unet.time_proj(t))
    x = unet.conv_in(x)
    skips = [x]
    for block in unet.down_blocks:
        x, pushed = block(x, emb, context)
        skips.extend(pushed)
    x = unet.mid_block(x, emb, context)
    for block in unet.up_blocks:
        k = len(block.resnets)
        if lifo:
            popped, skips = skips[-k:], skips[:-k]
        else:
            popped, skips = skips[:k][::-1], skips[k:]
        size = skips[-1].shape[-2:] if skips and match_sizes else None
        x = block(x, popped, emb, context, upsample_size=size)
    return unet.conv_out(unet.conv_act(unet.conv_norm_out(x)))


def test_unet_forward_right_answer_passes():
    assert passed(checks.check_unet_forward(my_unet_forward))


def test_unet_forward_fifo_fails():
    result = checks.check_unet_forward(lambda *args: my_unet_forward(*args, lifo=False))
    assert not passed(result) and "raised RuntimeError" in result.message


def test_unet_forward_without_upsample_size_fails_only_on_odd_sizes():
    result = checks.check_unet_forward(lambda *args: my_unet_forward(*args, match_sizes=False))
    assert not passed(result)
    assert "3 of 5 inputs match" in result.message
    call = "unet_forward(three levels, SD order UNet, x (1, 4, 15, 13), t [42.5], context (1, 154, 24))"
    assert call in result.message
    assert "upsample_size" in result.message


def test_unet_forward_not_written_and_not_callable():
    def stub(unet, x, t, context):
        raise NotImplementedError

    assert "not written yet" in checks.check_unet_forward(stub).message
    assert "expected a function" in checks.check_unet_forward("unet_forward").message
