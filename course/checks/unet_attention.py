"""Checks for notebook 03, §3–4: cross-attention, GEGLU, the transformer block and the spatial transformer.

``check_cross_attention`` and ``check_geglu`` call the learner's function and the reference on the same tensors and
projections; ``check_transformer_block`` and ``check_spatial_transformer`` build the learner's class, load the
weights of the matching module of ``course.nets.unet_blocks`` into it and compare the outputs. Each check knows the
mistakes learners make there (softmax over the queries, no 1/√d, heads merged without the transpose, the GEGLU
halves swapped, a residual left out, tokens made without moving the channels last, ...): when one of them
reproduces the learner's output, the verdict names it above the first difference.
"""
from __future__ import annotations

import math
from typing import Callable

import torch
import torch.nn.functional as F
from torch import nn

from course.checks import progress
from course.checks.core import CheckResult, Labelled, named, randn
from course.checks.modules import Call, Case
from course.checks.unet_mistakes import check_function, check_module
from course.nets import unet_blocks as ref
from course.nets.attention import attention, merge_heads, split_heads

__all__ = ["check_cross_attention", "check_geglu", "check_transformer_block", "check_spatial_transformer"]

NB = "03_unet"
NAMES = {  # what each module must call its parts: diffusers' names, so real SD 1.x weights load into it
    "ResnetBlock2D": "self.norm1, self.conv1, self.time_emb_proj, self.norm2, self.conv2, and self.conv_shortcut "
                     "(a 1x1 conv, only when in_channels != out_channels)",
    "BasicTransformerBlock": "self.norm1, self.attn1, self.norm2, self.attn2, self.norm3, self.ff; inside each attn "
                             "to_q, to_k, to_v, to_out.0; inside ff net.0.proj and net.2",
    "SpatialTransformer": "self.norm, self.proj_in, self.transformer_blocks (an nn.ModuleList), self.proj_out",
}


def tier1(name: str) -> str:
    return progress.EXERCISES[name].tiers[0]


def module_check(cls: type, reference: Callable[..., nn.Module], name: str, builds: list[tuple],
                 calls: list[tuple[int, tuple[int, ...], tuple[int, ...]]], slips: list, second: str = "context"
                 ) -> CheckResult:
    """``cls(*builds[i])`` called as ``module(x, <second>)`` for each ``(i, x shape, <second> shape)`` of ``calls``,
    on seeded random tensors, compared with the reference; ``slips`` name the known mistakes."""
    per_build = [[] for _ in builds]
    for n, (i, x, other) in enumerate(calls):
        per_build[i].append(Call((named("x", randn(*x, seed=2 * n)), named(second, randn(*other, seed=2 * n + 1)))))
    return check_module(
        cls, reference, [Case(args, c) for args, c in zip(builds, per_build)], slips, name=name, hint=tier1(name),
        names_hint=f"name the parts {NAMES[name]}. These are diffusers' names, so that real SD weights load into "
                   "your module as they are.")


def linears(*sizes: tuple[int, int, bool], seed: int) -> list[nn.Linear]:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return [nn.Linear(n_in, n_out, bias=bias) for n_in, n_out, bias in sizes]


def _linear(name: str, layer: nn.Linear) -> Labelled:
    return Labelled(layer, f"{name}=Linear({layer.in_features}, {layer.out_features})")


# ---- §3 cross-attention ---------------------------------------------------------------------------------

progress.register(
    "cross_attention", NB, "§3",
    "Queries from x, keys and values from the context, each through its own projection; split the width into "
    "heads of size d; score every query against every key and scale by one over the square root of d; softmax "
    "over the keys, that is the text tokens; weigh the values with it; put the heads back side by side and end "
    "with the output projection.",
    "Shapes: the projections give B by N by heads·d for the queries and B by T by heads·d for keys and values. "
    "Give each a head axis of size heads and a last axis of size d, and move the head axis in front of the token "
    "axis, so that you hold B by heads by tokens by d. The scores are B by heads by N by T; the softmax runs over "
    "T, the last axis, so every pixel's weights sum to one. Weighing the values gives B by heads by N by d: move "
    "the head axis back next to d before flattening it into heads·d, then apply the output projection.")


def reference_cross_attention(x: torch.Tensor, context: torch.Tensor, to_q: nn.Linear, to_k: nn.Linear,
                              to_v: nn.Linear, to_out: nn.Linear, heads: int) -> torch.Tensor:
    """What ``course.nets.attention.Attention`` computes: x (B, N, C) attends to context (B, T, D) -> (B, N, C)."""
    q = split_heads(to_q(x), heads)  # (B, heads, N, d): one query per latent pixel
    k = split_heads(to_k(context), heads)  # (B, heads, T, d): one key per text token
    v = split_heads(to_v(context), heads)  # (B, heads, T, d)
    return to_out(merge_heads(attention(q, k, v, fast=False)))  # (B, N, C)


def _attend(x, context, to_q, to_k, to_v, to_out, heads, *, scale="d", softmax_dim=-1, split="transpose",
            merge="transpose", out=True, q_from="x", kv_from="context"):
    """Cross-attention written out, with the knobs the slips turn: ``scale`` "d" (right), "none", "C", "inner",
    "d itself", "times"; ``split``/``merge`` "transpose" (right) or "reshape" (straight, no transpose)."""
    sources = {"x": x, "context": context}
    q, k, v = to_q(sources[q_from]), to_k(sources[kv_from]), to_v(sources[kv_from])
    b, d = q.shape[0], q.shape[-1] // heads

    def heads_first(z):
        return z.view(b, -1, heads, d).transpose(1, 2) if split == "transpose" else z.reshape(b, heads, -1, d)

    q, k, v = heads_first(q), heads_first(k), heads_first(v)
    scores = q @ k.transpose(-2, -1)
    factor = {"d": 1 / math.sqrt(d), "none": 1.0, "C": 1 / math.sqrt(x.shape[-1]),
              "inner": 1 / math.sqrt(heads * d), "d itself": 1 / d, "times": math.sqrt(d)}[scale]
    weighted = (scores * factor).softmax(dim=softmax_dim) @ v  # (B, heads, N, d)
    n = weighted.shape[2]
    merged = (weighted.transpose(1, 2) if merge == "transpose" else weighted).reshape(b, n, heads * d)
    return to_out(merged) if out else merged


def _sizes(x, context, to_q, to_k, to_v, to_out, heads) -> str:
    return f"C = {x.shape[-1]}, heads = {heads}, d = {to_q.out_features // heads}"


ATTENTION_SLIPS = [
    ("the softmax runs over the queries (dim −2, the pixels); it should run over the keys, the text tokens (the last "
     "axis, dim −1), so that each pixel's weights over the tokens sum to 1.",
     lambda *a: _attend(*a, softmax_dim=-2)),
    ("the softmax runs over the heads (dim 1); it should run over the keys, the text tokens (the last axis).",
     lambda *a: _attend(*a, softmax_dim=1)),
    ("the scores are not scaled: divide q·kᵀ by √d, the square root of the size of one head, before the softmax.",
     lambda *a: _attend(*a, scale="none")),
    (lambda *a: f"you scaled by √C, the width of x ({_sizes(*a)}); scale by √d, the size of one head.",
     lambda *a: _attend(*a, scale="C")),
    (lambda *a: f"you scaled by √(heads·d), the width of all heads together ({_sizes(*a)}); scale by √d, the size "
                "of one head.",
     lambda *a: _attend(*a, scale="inner")),
    ("you divided the scores by d; divide by √d, its square root.", lambda *a: _attend(*a, scale="d itself")),
    ("you multiplied the scores by √d; divide by it.", lambda *a: _attend(*a, scale="times")),
    ("the heads were merged without the transpose: (B, heads, N, d) reshaped straight to (B, N, heads·d) mixes "
     "pixels and heads; move the head axis next to d first (transpose dims 1 and 2), then reshape.",
     lambda *a: _attend(*a, merge="reshape")),
    ("the heads were split without the transpose: (B, T, heads·d) reshaped straight to (B, heads, T, d) mixes "
     "tokens and heads; view it as (B, T, heads, d), then swap dims 1 and 2.",
     lambda *a: _attend(*a, split="reshape")),
    ("the heads were split and merged without the transposes: reshaping straight between (B, T, heads·d) and "
     "(B, heads, T, d) mixes tokens and heads; view as (B, T, heads, d) and swap dims 1 and 2, both ways.",
     lambda *a: _attend(*a, split="reshape", merge="reshape")),
    ("to_out is missing: after merging the heads, apply the output projection to_out.",
     lambda *a: _attend(*a, out=False)),
    ("the roles are swapped: the queries come from the image, to_q(x), and the keys and values from the context.",
     lambda *a: _attend(*a, q_from="context", kv_from="x")),
    ("the queries come from the context: they come from the image, to_q(x) (one query per pixel).",
     lambda *a: _attend(*a, q_from="context")),
    ("keys and values come from x, which makes it self-attention: take them from the context, to_k(context) and "
     "to_v(context).", lambda *a: _attend(*a, kv_from="x")),
]


def check_cross_attention(fn: Callable) -> CheckResult:
    """``fn(x, context, to_q, to_k, to_v, to_out, heads)``: x (B, N, C), context (B, T, D) -> (B, N, C)."""
    x_a = randn(2, 64, 32, seed=0)
    specs = [  # x, context, heads, dim_head, note
        (x_a, randn(2, 77, 16, seed=1), 4, 8, ""),
        (randn(1, 16, 32, seed=3), randn(1, 154, 16, seed=4), 8, 4, ""),
        (randn(2, 9, 64, seed=6), randn(2, 77, 64, seed=7), 1, 64, ""),
        (randn(2, 12, 32, seed=9), randn(2, 5, 24, seed=10), 2, 24, ""),  # heads·d = 48, not C = 32
        (x_a, x_a, 4, 8, "self"),  # self-attention: the context is x itself
        (randn(1, 4, 16, seed=13, scale=4.0), randn(1, 6, 16, seed=14, scale=4.0), 2, 8, ""),
        (randn(2, 10, 24, seed=15), randn(2, 10, 24, seed=16), 3, 8, ""),  # C = D and N = T: swapped roles show
    ]
    calls = []
    for seed, (x, context, heads, dim_head, note) in enumerate(specs):
        inner = heads * dim_head
        c, d = x.shape[-1], context.shape[-1]
        to_q, to_k, to_v, to_out = linears((c, inner, False), (d, inner, False), (d, inner, False), (inner, c, True),
                                           seed=100 + seed)
        calls.append((named("x", x), named("context", x if note else context), _linear("to_q", to_q),
                      _linear("to_k", to_k), _linear("to_v", to_v), _linear("to_out", to_out),
                      Labelled(heads, f"heads={heads}")))
    with torch.no_grad():
        return check_function(fn, reference_cross_attention, calls, ATTENTION_SLIPS, name="cross_attention",
                              hint=tier1("cross_attention"))


# ---- §4 GEGLU ------------------------------------------------------------------------------------------------

progress.register(
    "geglu", NB, "§4",
    "Project x once to twice the inner width and cut the result into two halves along the last axis: the first "
    "half is the value, the second the gate; multiply the value by the exact GELU of the gate.",
    "The projection gives the last axis a size of 2·inner; chunking it in two along that axis gives two tensors "
    "of size inner, value first and gate second. Only the gate goes through GELU, the exact one with the error "
    "function, not its tanh approximation; the output is the value times that, elementwise.")


def reference_geglu(x: torch.Tensor, proj: nn.Linear) -> torch.Tensor:
    module = ref.GEGLU(proj.in_features, proj.out_features // 2)
    module.proj = proj
    return module(x)


def _gated(x, proj, rule, dim=-1):
    a, g = proj(x).chunk(2, dim=dim)
    return rule(a, g)


GEGLU_SLIPS = [
    ("GELU went on the first half: the first half of the projection is the value and the second the gate, and "
     "GELU goes on the gate (value and gate are swapped).", lambda x, p: _gated(x, p, lambda a, g: g * F.gelu(a))),
    ("GELU went on the product; it goes on the gate alone (the second half), and the value multiplies the result.",
     lambda x, p: _gated(x, p, lambda a, g: F.gelu(a * g))),
    ("GELU went on both halves; only the gate (the second half) goes through GELU, the value stays as it is.",
     lambda x, p: _gated(x, p, lambda a, g: F.gelu(a) * F.gelu(g))),
    ("you used GELU's tanh approximation; SD's GEGLU uses the exact GELU (no approximate='tanh').",
     lambda x, p: _gated(x, p, lambda a, g: a * F.gelu(g, approximate="tanh"))),
    ("you used SiLU (that is SwiGLU); GEGLU gates with GELU.", lambda x, p: _gated(x, p, lambda a, g: a * F.silu(g))),
    ("you used a sigmoid gate (the original GLU); GEGLU gates with GELU.",
     lambda x, p: _gated(x, p, lambda a, g: a * torch.sigmoid(g))),
    ("the projection was chunked along the tokens (dim 1); chunk along the last axis, the features.",
     lambda x, p: _gated(x, p, lambda a, g: a * F.gelu(g), dim=1)),
    ("the projection was chunked along the batch (dim 0); chunk along the last axis, the features.",
     lambda x, p: _gated(x, p, lambda a, g: a * F.gelu(g), dim=0)),
    ("you took every other feature (even ones as the value, odd ones as the gate); the value is the first half "
     "of the projection and the gate the second half, in one piece each.",
     lambda x, p: (lambda h: h[..., ::2] * F.gelu(h[..., 1::2]))(p(x))),
]


def check_geglu(fn: Callable[[torch.Tensor, nn.Linear], torch.Tensor]) -> CheckResult:
    """``fn(x, proj)``: x (..., dim), proj Linear(dim, 2·inner) -> (..., inner)."""
    calls = []
    sizes = [((2, 64, 32), 128, 1.0), ((1, 77, 16), 16, 1.0), ((3, 5, 8), 8, 3.0)]  # x, inner, scale of x
    for seed, (shape, inner, scale) in enumerate(sizes):
        (proj,) = linears((shape[-1], 2 * inner, True), seed=100 + seed)
        calls.append((named("x", randn(*shape, seed=seed, scale=scale)), _linear("proj", proj)))
    with torch.no_grad():
        return check_function(fn, reference_geglu, calls, GEGLU_SLIPS, name="geglu", hint=tier1("geglu"))


# ---- §4 the transformer block --------------------------------------------------------------------------------

progress.register(
    "BasicTransformerBlock", NB, "§4",
    "Three residual steps, self-attention, then cross-attention to the context, then the feed-forward; each step "
    "reads x through its own LayerNorm, and its output is added to x as it was before that norm.",
    "Pre-norm: for the first step normalise x with norm1, run attn1 on that with no context, and add the result to "
    "the un-normalised x. The second step does the same with norm2 and attn2, which is given the context; the "
    "third with norm3 and ff. Nothing is normalised after the additions.")


def _block(m, x, context, *, residual=(True, True, True), post_norm=False, normed_residual=False, ctx1=False,
           ctx2=True, norms=("norm1", "norm2", "norm3"), cross_first=False):
    """The transformer block written out, with the knobs the slips turn."""
    steps = [(getattr(m, norms[0]), lambda h: m.attn1(h, context) if ctx1 else m.attn1(h), residual[0]),
             (getattr(m, norms[1]), lambda h: m.attn2(h, context) if ctx2 else m.attn2(h), residual[1]),
             (getattr(m, norms[2]), m.ff, residual[2])]
    if cross_first:
        steps[0], steps[1] = steps[1], steps[0]
    for norm, layer, keep in steps:
        if post_norm:
            x = norm(x + layer(x) if keep else layer(x))
        elif normed_residual:
            x = norm(x)
            x = x + layer(x) if keep else layer(x)
        else:
            x = x + layer(norm(x)) if keep else layer(norm(x))
    return x


BLOCK_SLIPS = [
    ("all three residuals are missing: each step's output is added to x (x plus attn1 of norm1 of x, and so on), "
     "it does not replace x.", lambda *a: _block(*a, residual=(False, False, False))),
    ("the residual around the self-attention (attn1) is missing: add its output to x.",
     lambda *a: _block(*a, residual=(False, True, True))),
    ("the residual around the cross-attention (attn2) is missing: add its output to x.",
     lambda *a: _block(*a, residual=(True, False, True))),
    ("the residual around the feed-forward (ff) is missing: return x plus ff of norm3 of x.",
     lambda *a: _block(*a, residual=(True, True, False))),
    ("the norms come after the additions (post-norm, as in the first Transformer); SD's block is pre-norm: each "
     "step reads its LayerNorm of x, and its output is added to x itself.", lambda *a: _block(*a, post_norm=True)),
    ("the residual adds the normalised x: keep x as it is, and give only the layer its normalised copy "
     "(x plus attn1 of norm1 of x).", lambda *a: _block(*a, normed_residual=True)),
    ("the cross-attention got no context, so it attends to the pixels again: pass the context to attn2.",
     lambda *a: _block(*a, ctx2=False)),
    ("the self-attention got the context: attn1 is self-attention (no context), only attn2 reads the text.",
     lambda *a: _block(*a, ctx1=True)),
    ("both attentions got the context the wrong way round: attn1 takes no context, attn2 takes it.",
     lambda *a: _block(*a, ctx1=True, ctx2=False)),
    ("norm1 is used for every step: each step has its own LayerNorm (norm1 before attn1, norm2 before attn2, "
     "norm3 before ff).", lambda *a: _block(*a, norms=("norm1", "norm1", "norm1"))),
    ("the cross-attention runs before the self-attention: the order is attn1 (self), attn2 (cross), then ff.",
     lambda *a: _block(*a, cross_first=True)),
]


def check_transformer_block(cls: type) -> CheckResult:
    """``cls(dim, heads, dim_head, context_dim)``; ``block(x, context)`` -> (B, N, dim)."""
    return module_check(cls, ref.BasicTransformerBlock, "BasicTransformerBlock", [(32, 4, 8, 16), (64, 2, 32, 64)],
                        [(0, (2, 64, 32), (2, 77, 16)), (0, (1, 16, 32), (1, 154, 16)), (1, (2, 9, 64), (2, 77, 64))],
                        BLOCK_SLIPS)


# ---- §4 the spatial transformer -----------------------------------------------------------------------------

progress.register(
    "SpatialTransformer", NB, "§4",
    "Keep x for the residual; normalise, then project in; make one token per pixel by moving the channel axis last "
    "before flattening height and width; run every transformer block with the context; undo the flattening and "
    "the move in reverse order; project out and add the residual.",
    "The feature map is B by inner by H by W after proj_in. Permute it to B by H by W by inner, then reshape to B "
    "by H·W by inner: each token holds one pixel's channels. After the blocks, reshape to B by H by W by inner, "
    "in that order, height before width, and permute the channels back to axis 1 before proj_out; add the x you "
    "kept, not its normalised copy.")


def _spatial(m, x, context, *, into="permute", back="permute", residual="x", norm=True):
    """The spatial transformer written out, with the knobs the slips turn: ``into``/``back`` "permute" (right),
    "reshape" (straight, no permute) or, for ``back``, "w h" (width before height)."""
    b, _, h, w = x.shape
    hidden = m.proj_in(m.norm(x) if norm else x)
    inner = hidden.shape[1]
    tokens = (hidden.permute(0, 2, 3, 1) if into == "permute" else hidden).reshape(b, h * w, inner)
    for block in m.transformer_blocks:
        tokens = block(tokens, context)
    if back == "permute":
        hidden = tokens.reshape(b, h, w, inner).permute(0, 3, 1, 2)
    elif back == "w h":
        hidden = tokens.reshape(b, w, h, inner).permute(0, 3, 1, 2)
    elif back == "w h, transposed":
        hidden = tokens.reshape(b, w, h, inner).permute(0, 3, 2, 1)
    else:
        hidden = tokens.reshape(b, inner, h, w)
    out = m.proj_out(hidden)
    return {"x": out + x, "none": out, "normed": out + m.norm(x)}[residual]


SPATIAL_SLIPS = [
    ("the tokens were made with a straight reshape from (B, inner, H, W) to (B, H·W, inner), which mixes channels "
     "and pixels: move the channels last first (permute to B, H, W, inner), then reshape.",
     lambda *a: _spatial(*a, into="reshape")),
    ("the way back is a straight reshape from (B, H·W, inner) to (B, inner, H, W), which mixes pixels and "
     "channels: reshape to (B, H, W, inner) first, then move the channels to axis 1 (permute).",
     lambda *a: _spatial(*a, back="reshape")),
    ("both reshapes go without the permute: (B, inner, H, W) and (B, H·W, inner) are not the same memory order; "
     "move the channels last before flattening the pixels, and back to axis 1 after unflattening them.",
     lambda *a: _spatial(*a, into="reshape", back="reshape")),
    ("the way back unflattens the pixels as width by height: the tokens run row by row, so reshape to (B, H, W, "
     "inner), height first.", lambda *a: _spatial(*a, back="w h")),
    ("the way back unflattens the pixels as width by height, then swaps them: the tokens run row by row, so "
     "reshape to (B, H, W, inner), height first, and move only the channels.",
     lambda *a: _spatial(*a, back="w h, transposed")),
    ("the residual is missing: return proj_out of the tokens plus the input x.",
     lambda *a: _spatial(*a, residual="none")),
    ("the residual adds the normalised x: add the input x as it came in.",
     lambda *a: _spatial(*a, residual="normed")),
    ("the GroupNorm is skipped: normalise x (self.norm) before proj_in.", lambda *a: _spatial(*a, norm=False)),
]


def check_spatial_transformer(cls: type) -> CheckResult:
    """``cls(channels, heads, dim_head, context_dim, groups)``; ``module(x, context)`` -> (B, channels, H, W)."""
    def reference(channels: int, heads: int, dim_head: int, context_dim: int, groups: int) -> nn.Module:
        return ref.Transformer2DModel(channels, heads, dim_head, context_dim, groups=groups)

    return module_check(cls, reference, "SpatialTransformer", [(32, 4, 8, 16, 8), (64, 2, 16, 24, 32)],
                        [(0, (2, 32, 8, 8), (2, 77, 16)), (0, (1, 32, 4, 6), (1, 77, 16)),
                         (1, (2, 64, 5, 3), (2, 7, 24))], SPATIAL_SLIPS)
