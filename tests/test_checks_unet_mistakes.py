"""The checks of notebook 03 name the mistakes learners make: one test per mistake, written as a learner would write
it, asserting the sentence; other correct ways to write each exercise pass; the hints are in tiers and in words."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from course import checks
from course.checks import progress
from course.nets.attention import Attention
from course.nets.unet_blocks import FeedForward

sys.path.insert(0, str(Path(__file__).parent))
from test_learner_notebooks import code_in  # noqa: E402  the detector the stub hints pass


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


def diagnosed(result: checks.CheckResult, *fragments: str) -> None:
    """Failed, with 'it looks like <the mistake>' on the first line and the numeric report kept below it."""
    assert not result.passed
    first, _, rest = result.message.partition("\n")
    assert "it looks like" in first, result.message
    for fragment in fragments:
        assert fragment in first, f"{fragment!r} not in {first!r}"
    assert "first mismatch" in rest or "raised" in rest, result.message
    assert "hint:" in rest and "Traceback" not in result.message


# ---- §1 timestep_embedding ---------------------------------------------------------------------------------

def embedding(t, dim, mistake=""):
    """A learner's timestep_embedding, written with 10000 ** (...) rather than exp: a correct variant."""
    half = dim // 2
    i = torch.arange(1, half + 1) if mistake == "i from 1" else torch.arange(half)
    base = {"max period 1000": 1000.0, "log10": math.e ** math.log10(10000)}.get(mistake, 10000.0)
    denominator = half - 1 if mistake in ("half - 1", "ddpm") else half
    freqs = base ** (-i.float() / denominator)
    if mistake == "division outside":
        freqs = torch.exp(-math.log(10000) * i) / half
    if mistake == "matmul, no cast":
        angles = t[:, None] @ freqs[None, :]
    elif mistake == "no cast":
        angles = t[:, None] * freqs[None, :]
    else:
        angles = t[:, None].float() * freqs[None, :]
    if mistake in ("sin first", "ddpm"):
        return torch.cat([angles.sin(), angles.cos()], dim=1)
    if mistake == "interleaved":
        return torch.stack([angles.cos(), angles.sin()], dim=2).reshape(len(t), dim)
    if mistake == "interleaved sin first":
        out = torch.empty(len(t), dim)
        out[:, 0::2], out[:, 1::2] = angles.sin(), angles.cos()
        return out
    return torch.cat([angles.cos(), angles.sin()], dim=1)


@pytest.mark.parametrize("mistake, words", [
    ("sin first", ["the sines come first", "flip_sin_to_cos=True"]),
    ("half - 1", ["divided by half − 1", "downscale_freq_shift=1"]),
    ("ddpm", ["the sines come first and the exponent is divided by half − 1", "downscale_freq_shift=1"]),
    ("interleaved", ["cosines and sines are interleaved"]),
    ("interleaved sin first", ["sines and cosines are interleaved"]),
    ("max period 1000", ["1/1000, not 1/10000", "max_period"]),
    ("log10", ["log base 10"]),
    ("division outside", ["the division by half is outside the exponential"]),
    ("i from 1", ["i runs from 1 to half"]),
    ("no cast", ["t was not cast to float32", "float64"]),
    ("matmul, no cast", ["t was not cast to float", "integer t"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_timestep_embedding_mistake_is_named(mistake, words):
    diagnosed(checks.check_timestep_embedding(lambda t, dim: embedding(t, dim, mistake)), *words)


def test_timestep_embedding_correct_variants_pass():
    assert checks.check_timestep_embedding(embedding).passed

    def with_outer(t, dim):
        half = dim // 2
        angles = torch.outer(t.float(), torch.exp(-math.log(10000) * torch.arange(half) / half))
        return torch.cat((torch.cos(angles), torch.sin(angles)), -1)
    assert checks.check_timestep_embedding(with_outer).passed


# ---- §2 ResnetBlock2D ----------------------------------------------------------------------------------------

def resnet_class(mistake=""):
    class ResnetBlock2D(nn.Module):
        def __init__(self, in_channels, out_channels, temb_channels, groups=32, eps=1e-5):
            super().__init__()
            self.norm1 = nn.GroupNorm(groups, in_channels, eps=eps)
            self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
            self.time_emb_proj = nn.Linear(temb_channels, out_channels)
            self.norm2 = nn.GroupNorm(groups, out_channels, eps=eps)
            self.dropout = nn.Dropout(0.0)
            self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
            self.conv_shortcut = nn.Conv2d(in_channels, out_channels, 1) if in_channels != out_channels else None

        def forward(self, x, emb):
            act = {"relu": nn.ReLU(), "no silu at all": nn.Identity()}.get(mistake, nn.SiLU())
            if mistake == "norm after conv":
                h = act(self.norm1(self.conv1(x)))
            elif mistake in ("no silu 1", "no silu 1 and 2"):
                h = self.conv1(self.norm1(x))
            else:
                h = self.conv1(act(self.norm1(x)))
            if mistake == "no projection":
                time = act(emb)
            elif mistake == "raw emb":
                time = emb
            else:
                time = self.time_emb_proj(emb if mistake == "no silu on emb" else act(emb))
            time = time.unsqueeze(-1).unsqueeze(-1)
            if mistake != "time after conv2":
                h = h + time
            if mistake == "norm after conv":
                h = act(self.norm2(self.conv2(h)))
            elif mistake in ("no silu 2", "no silu 1 and 2"):
                h = self.conv2(self.dropout(self.norm2(h)))
            else:
                h = self.conv2(self.dropout(act(self.norm2(h))))
            if mistake == "time after conv2":
                h = h + time
            if mistake == "no shortcut":
                return x + h
            if mistake == "no skip":
                return h
            return h + (self.conv_shortcut(x) if self.conv_shortcut is not None else x)

    return ResnetBlock2D


@pytest.mark.parametrize("mistake, words", [
    ("no silu 1", ["SiLU before conv1 is missing"]),
    ("no silu 2", ["SiLU before conv2 is missing"]),
    ("no silu 1 and 2", ["both SiLUs of the main path are missing"]),
    ("no silu on emb", ["without its SiLU"]),
    ("relu", ["ReLU"]),
    ("no silu at all", ["no SiLU at all"]),
    ("time after conv2", ["added after the second conv"]),
    ("no projection", ["without time_emb_proj"]),
    ("raw emb", ["without time_emb_proj and without its SiLU"]),
    ("no shortcut", ["shortcut is missing when the channels change", "conv_shortcut"]),
    ("no skip", ["the skip path is missing"]),
    ("norm after conv", ["each norm comes after its conv"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_resnet_block_mistake_is_named(mistake, words):
    diagnosed(checks.check_resnet_block(resnet_class(mistake)), *words)


def test_resnet_block_correct_variant_passes():
    assert checks.check_resnet_block(resnet_class()).passed


# ---- §3 cross_attention --------------------------------------------------------------------------------------

def attend(x, context, to_q, to_k, to_v, to_out, heads, mistake=""):
    """A learner's cross-attention with einsum and unflatten: a correct variant, and its mistakes."""
    q = to_q(context if mistake in ("q from context", "swapped roles") else x)
    source = x if mistake in ("kv from x", "swapped roles") else context
    k, v = to_k(source), to_v(source)
    d = q.shape[-1] // heads
    if mistake in ("split without transpose", "no transposes"):
        q, k, v = (z.reshape(z.shape[0], heads, z.shape[1], d) for z in (q, k, v))
    else:
        q, k, v = (z.unflatten(-1, (heads, d)).permute(0, 2, 1, 3) for z in (q, k, v))
    scores = torch.einsum("bhnd,bhtd->bhnt", q, k)
    scale = {"no scale": 1.0, "sqrt C": math.sqrt(x.shape[-1]), "sqrt inner": math.sqrt(heads * d),
             "divide by d": d, "times": 1 / math.sqrt(d)}.get(mistake, math.sqrt(d))
    weights = torch.softmax(scores / scale, dim={"softmax queries": 2, "softmax heads": 1}.get(mistake, 3))
    out = torch.einsum("bhnt,bhtd->bhnd", weights, v)
    b, n = out.shape[0], out.shape[2]
    if mistake in ("merge without transpose", "no transposes"):
        out = out.reshape(b, n, heads * d)
    else:
        out = out.permute(0, 2, 1, 3).flatten(2)
    return out if mistake == "no to_out" else to_out(out)


@pytest.mark.parametrize("mistake, words", [
    ("softmax queries", ["the softmax runs over the queries (dim −2", "text tokens"]),
    ("softmax heads", ["the softmax runs over the heads"]),
    ("no scale", ["not scaled", "√d"]),
    ("sqrt C", ["you scaled by √C", "C = 32, heads = 4, d = 8", "size of one head"]),
    ("sqrt inner", ["√(heads·d)", "size of one head"]),
    ("divide by d", ["divided the scores by d"]),
    ("times", ["multiplied the scores by √d"]),
    ("merge without transpose", ["merged without the transpose"]),
    ("split without transpose", ["split without the transpose"]),
    ("no transposes", ["split and merged without the transposes"]),
    ("no to_out", ["to_out is missing"]),
    ("q from context", ["the queries come from the context"]),
    ("swapped roles", ["the roles are swapped"]),
    ("kv from x", ["keys and values come from x"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_cross_attention_mistake_is_named(mistake, words):
    diagnosed(checks.check_cross_attention(lambda *args: attend(*args, mistake=mistake)), *words)


def test_cross_attention_correct_variants_pass():
    assert checks.check_cross_attention(attend).passed

    def with_sdpa(x, context, to_q, to_k, to_v, to_out, heads):
        q, k, v = (z.unflatten(-1, (heads, -1)).transpose(1, 2) for z in (to_q(x), to_k(context), to_v(context)))
        return to_out(F.scaled_dot_product_attention(q, k, v).transpose(1, 2).flatten(2))
    assert checks.check_cross_attention(with_sdpa).passed


# ---- §4 geglu --------------------------------------------------------------------------------------------------

def gate(x, proj, mistake=""):
    h = proj(x)
    inner = h.shape[-1] // 2
    if mistake == "every other":
        value, g = h[..., 0::2], h[..., 1::2]
    elif mistake in ("chunk dim 1", "chunk dim 0"):
        value, g = torch.chunk(h, 2, dim=int(mistake[-1]))
    else:
        value, g = h[..., :inner], h[..., inner:]  # slicing: a correct variant of chunk
    if mistake == "swapped":
        value, g = g, value
    if mistake == "gelu on product":
        return F.gelu(value * g)
    if mistake == "gelu on both":
        return F.gelu(value) * F.gelu(g)
    if mistake == "gelu on value":
        return F.gelu(value) * g
    activation = {"tanh": lambda z: F.gelu(z, approximate="tanh"), "silu": F.silu,
                  "sigmoid": torch.sigmoid}.get(mistake, nn.GELU())
    return value * activation(g)


@pytest.mark.parametrize("mistake, words", [
    ("swapped", ["GELU went on the first half", "value and gate are swapped"]),
    ("gelu on value", ["GELU went on the first half", "GELU goes on the gate"]),
    ("gelu on product", ["GELU went on the product"]),
    ("gelu on both", ["GELU went on both halves"]),
    ("tanh", ["tanh approximation"]),
    ("silu", ["SiLU", "SwiGLU"]),
    ("sigmoid", ["sigmoid gate"]),
    ("chunk dim 1", ["chunked along the tokens"]),
    ("chunk dim 0", ["chunked along the batch"]),
    ("every other", ["every other feature"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_geglu_mistake_is_named(mistake, words):
    diagnosed(checks.check_geglu(lambda x, proj: gate(x, proj, mistake)), *words)


def test_geglu_correct_variants_pass():
    assert checks.check_geglu(gate).passed
    assert checks.check_geglu(lambda x, proj: (lambda a, g: a * F.gelu(g))(*proj(x).chunk(2, dim=-1))).passed


# ---- §4 BasicTransformerBlock ---------------------------------------------------------------------------------

def block_class(mistake=""):
    class BasicTransformerBlock(nn.Module):
        def __init__(self, dim, heads, dim_head, context_dim):
            super().__init__()
            self.norm1, self.norm2, self.norm3 = nn.LayerNorm(dim), nn.LayerNorm(dim), nn.LayerNorm(dim)
            self.attn1 = Attention(dim, None, heads, dim_head)
            self.attn2 = Attention(dim, context_dim, heads, dim_head)
            self.ff = FeedForward(dim)

        def forward(self, x, context):
            if mistake == "post-norm":
                x = self.norm1(x + self.attn1(x))
                x = self.norm2(x + self.attn2(x, context))
                return self.norm3(x + self.ff(x))
            if mistake == "normalised residual":
                x = self.norm1(x)
                x = x + self.attn1(x)
                x = self.norm2(x)
                x = x + self.attn2(x, context)
                x = self.norm3(x)
                return x + self.ff(x)
            norms = [self.norm1] * 3 if mistake == "norm1 everywhere" else [self.norm1, self.norm2, self.norm3]
            ctx1 = context if mistake in ("context to attn1", "contexts swapped") else None
            ctx2 = None if mistake in ("no context", "contexts swapped") else context
            steps = [(norms[0], lambda h: self.attn1(h, ctx1), "attn1"),
                     (norms[1], lambda h: self.attn2(h, ctx2), "attn2"), (norms[2], self.ff, "ff")]
            if mistake == "cross first":
                steps[0], steps[1] = steps[1], steps[0]
            for norm, layer, label in steps:
                update = layer(norm(x))
                x = update if mistake in (f"no residual {label}", "no residuals") else x + update
            return x

    return BasicTransformerBlock


@pytest.mark.parametrize("mistake, words", [
    ("no residuals", ["all three residuals are missing"]),
    ("no residual attn1", ["residual around the self-attention (attn1) is missing"]),
    ("no residual attn2", ["residual around the cross-attention (attn2) is missing"]),
    ("no residual ff", ["residual around the feed-forward (ff) is missing"]),
    ("post-norm", ["post-norm", "pre-norm"]),
    ("normalised residual", ["the residual adds the normalised x"]),
    ("no context", ["the cross-attention got no context"]),
    ("context to attn1", ["the self-attention got the context"]),
    ("contexts swapped", ["the wrong way round"]),
    ("norm1 everywhere", ["norm1 is used for every step"]),
    ("cross first", ["cross-attention runs before the self-attention"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_transformer_block_mistake_is_named(mistake, words):
    diagnosed(checks.check_transformer_block(block_class(mistake)), *words)


def test_transformer_block_correct_variant_passes():
    assert checks.check_transformer_block(block_class()).passed


# ---- §4 SpatialTransformer ------------------------------------------------------------------------------------

def spatial_class(mistake=""):
    from course.nets.unet_blocks import BasicTransformerBlock

    class SpatialTransformer(nn.Module):
        def __init__(self, channels, heads, dim_head, context_dim, groups=32, num_layers=1):
            super().__init__()
            inner = heads * dim_head
            self.norm = nn.GroupNorm(groups, channels, eps=1e-6)
            self.proj_in = nn.Conv2d(channels, inner, 1)
            self.transformer_blocks = nn.ModuleList(
                [BasicTransformerBlock(inner, heads, dim_head, context_dim) for _ in range(num_layers)])
            self.proj_out = nn.Conv2d(inner, channels, 1)

        def forward(self, x, context):
            b, _, h, w = x.shape
            hidden = self.proj_in(x if mistake == "no norm" else self.norm(x))
            inner = hidden.shape[1]
            if mistake in ("reshape in", "reshape both"):
                tokens = hidden.view(b, h * w, inner)
            else:
                tokens = hidden.flatten(2).transpose(1, 2)  # a correct variant of permute + reshape
            for block in self.transformer_blocks:
                tokens = block(tokens, context)
            if mistake in ("reshape out", "reshape both"):
                hidden = tokens.reshape(b, inner, h, w)
            elif mistake == "w h":
                hidden = tokens.reshape(b, w, h, inner).permute(0, 3, 1, 2)
            elif mistake == "w h transposed":
                hidden = tokens.reshape(b, w, h, inner).permute(0, 3, 2, 1)
            else:
                hidden = tokens.transpose(1, 2).reshape(b, inner, h, w)
            out = self.proj_out(hidden)
            return {"no residual": out, "normalised residual": out + self.norm(x)}.get(mistake, out + x)

    return SpatialTransformer


@pytest.mark.parametrize("mistake, words", [
    ("reshape in", ["tokens were made with a straight reshape", "permute"]),
    ("reshape out", ["the way back is a straight reshape"]),
    ("reshape both", ["both reshapes go without the permute"]),
    ("w h", ["unflattens the pixels as width by height"]),
    ("w h transposed", ["width by height, then swaps them"]),
    ("no residual", ["the residual is missing"]),
    ("normalised residual", ["the residual adds the normalised x"]),
    ("no norm", ["the GroupNorm is skipped"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_spatial_transformer_mistake_is_named(mistake, words):
    diagnosed(checks.check_spatial_transformer(spatial_class(mistake)), *words)


def test_spatial_transformer_correct_variant_passes():
    assert checks.check_spatial_transformer(spatial_class()).passed


# ---- §5 unet_forward ------------------------------------------------------------------------------------------

def forward(unet, x, t, context, mistake=""):
    """A learner's forward loop, popping one tensor at a time: a correct variant, and its mistakes."""
    emb = unet.time_proj(t)
    if mistake != "no mlp":
        emb = unet.time_embedding(emb)
    h = unet.conv_in(x)
    stack = [] if mistake == "conv_in not pushed" else [h]
    for block in unet.down_blocks:
        h, pushed = block(h, emb, context)
        stack += list(pushed)
    if mistake != "no mid":
        h = unet.mid_block(h, emb, context)
    for block in unet.up_blocks:
        popped = [stack.pop(0) if mistake == "fifo" else stack.pop() for _ in block.resnets]
        if mistake != "reversed":
            popped.reverse()  # popped last-first; the block wants them in pushed order
        size = None if mistake == "no upsample_size" or not stack else tuple(stack[-1].shape[2:])
        h = block(h, popped, emb, context, upsample_size=size)
    if mistake == "no final norm":
        return unet.conv_out(h)
    return unet.conv_out(F.silu(unet.conv_norm_out(h)))


@pytest.mark.parametrize("mistake, words", [
    ("fifo", ["first in, first out", "take the last k"]),
    ("reversed", ["reversed order"]),
    ("no upsample_size", ["upsample_size is missing"]),
    ("conv_in not pushed", ["conv_in's output was not pushed"]),
    ("no mid", ["the mid block is skipped"]),
    ("no final norm", ["conv_norm_out and conv_act are skipped"]),
    ("no mlp", ["the time embedding skipped its MLP"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_unet_forward_mistake_is_named(mistake, words):
    diagnosed(checks.check_unet_forward(lambda *args: forward(*args, mistake=mistake)), *words)


def test_unet_forward_correct_variant_passes():
    assert checks.check_unet_forward(forward).passed


# ---- what the diagnosis does not do, and the hints -------------------------------------------------------------

def test_two_mistakes_at_once_get_the_numeric_report_without_a_wrong_diagnosis():
    def two(x, context, to_q, to_k, to_v, to_out, heads):
        return attend(x, context, to_q, to_k, to_v, to_out, heads, mistake="no scale") * 2  # and a stray factor
    result = checks.check_cross_attention(two)
    assert not result.passed and "it looks like" not in result.message and "first mismatch" in result.message


def test_a_second_failure_shows_the_diagnosis_and_one_closer_hint(capsys):
    wrong = resnet_class("time after conv2")
    first = checks.check_resnet_block(wrong).message
    second = checks.check_resnet_block(wrong).message
    assert "closer hint" not in first
    assert second.count("closer hint (2nd try):") == 1
    assert second.startswith("✗ ResnetBlock2D: it looks like the time embedding is added after the second conv")
    third = checks.check_resnet_block(wrong).message
    assert "no more hints: the answer is in solutions/03_unet.ipynb, §2" in third


def test_a_stub_is_not_written_yet_and_its_hint_is_tier_one():
    def stub(t, dim):
        raise NotImplementedError("write me")
    result = checks.check_timestep_embedding(stub)
    assert "not written yet" in result.message and "it looks like" not in result.message
    assert progress.EXERCISES["timestep_embedding"].tiers[0] in result.message
    with pytest.raises(progress.NotReady, match=r"finish §1 `timestep_embedding` first"):
        checks.require("timestep_embedding")


NAMES = ["timestep_embedding", "ResnetBlock2D", "cross_attention", "geglu", "BasicTransformerBlock",
         "SpatialTransformer", "unet_forward"]


@pytest.mark.parametrize("name", NAMES)
def test_every_exercise_has_hints_in_words(name):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "03_unet" and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert not code_in(tier, ""), f"{name}: {tier!r} shows {code_in(tier, '')}"
    assert "solutions/03_unet.ipynb" in checks.hint(name, len(exercise.tiers) + 1)
