"""Checks for notebook 03: the UNet, from the timestep embedding to the skip stack.

Function checks (``check_timestep_embedding``, ``check_cross_attention``, ``check_geglu``) call the learner's
function and the reference on the same tensors. Module checks (``check_resnet_block``,
``check_transformer_block``, ``check_spatial_transformer``) take the learner's *class*, build it with a few
sets of arguments, load the weights of the matching module of ``course.nets.unet_blocks`` into it and compare the
outputs (``course.checks.modules.compare_module``: it lists the parameter names that do not match).
``check_unet_forward`` runs the learner's forward loop over the blocks of a course ``UNet`` loaded from a
diffusers ``UNet2DConditionModel`` (random, seeded, norms nudged) and compares with diffusers itself.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import torch
from torch import nn

from course.checks.core import CheckResult, Labelled, compare, named, randn
from course.checks.modules import Call, Case, compare_module, nudge
from course.io.loading import from_reference
from course.nets import unet_blocks as ref
from course.nets.attention import attention, merge_heads, split_heads

__all__ = ["check_timestep_embedding", "check_resnet_block", "check_cross_attention", "check_geglu",
           "check_transformer_block", "check_spatial_transformer", "check_unet_forward"]

NAMES = {  # what each module must call its parts: diffusers' names, so real SD 1.x weights load into it
    "ResnetBlock2D": "self.norm1, self.conv1, self.time_emb_proj, self.norm2, self.conv2, and self.conv_shortcut "
                     "(a 1x1 conv, only when in_channels != out_channels)",
    "BasicTransformerBlock": "self.norm1, self.attn1, self.norm2, self.attn2, self.norm3, self.ff; inside each attn "
                             "to_q, to_k, to_v, to_out.0; inside ff net.0.proj and net.2",
    "SpatialTransformer": "self.norm, self.proj_in, self.transformer_blocks (an nn.ModuleList), self.proj_out",
}


def _linear(name: str, layer: nn.Linear) -> Labelled:
    return Labelled(layer, f"{name}=Linear({layer.in_features}, {layer.out_features})")


def _check(cls: type, reference: Callable[..., nn.Module], name: str, builds: list[tuple],
           calls: list[tuple[int, tuple[int, ...], tuple[int, ...]]], hint: str, second: str = "context"
           ) -> CheckResult:
    """``compare_module``: ``cls(*builds[i])`` called as ``module(x, <second>)`` for each ``(i, x shape, <second>
    shape)`` of ``calls``, on seeded random tensors."""
    per_build = [[] for _ in builds]
    for n, (i, x, other) in enumerate(calls):
        per_build[i].append(Call((named("x", randn(*x, seed=2 * n)), named(second, randn(*other, seed=2 * n + 1)))))
    return compare_module(cls, reference, [Case(args, c) for args, c in zip(builds, per_build)], name=name, hint=hint,
                          names_hint=f"name the parts {NAMES[name]}. These are diffusers' names, so that real SD "
                                     "weights load into your module as they are.")


# ---- 1. the timestep embedding ----------------------------------------------------------------------

def check_timestep_embedding(fn: Callable[[torch.Tensor, int], torch.Tensor]) -> CheckResult:
    """``fn(t, dim)``: t (B,) -> (B, dim), SD 1.x's flavour: [cos | sin], freq_shift 0.

    The tolerance is 2e-4: at t ~ 1000 two correct ways of writing the frequencies
    (exp(-ln(10000)·i/half) or 10000 ** (-i/half)) differ by ~6e-5 in float32; a wrong formula is off by ~1.
    """
    inputs = [(torch.arange(0, 1000, 100).float(), 320), (torch.tensor([0.0]), 8),
              (torch.tensor([999.0, 1.0, 500.0]), 32),
              (torch.tensor([3.25, 640.5]), 64), (torch.tensor([981, 1]), 320), (torch.tensor([1.0, 2.0, 3.0]), 6),
              (torch.tensor([999.0]), 1280)]
    return compare(fn, lambda t, dim: ref.timestep_embedding(t, dim), inputs, name="timestep_embedding", atol=2e-4,
                   hint="half = dim // 2; freqs = exp(-ln(10000) · arange(half) / half); angles = t[:, None].float() "
                        "* freqs[None, :], shape (B, half); return cat([cos(angles), sin(angles)], dim=-1): the "
                        "cosines FIRST (flip_sin_to_cos=True), and divide by half, not half - 1.")


# ---- 2. the ResNet block ------------------------------------------------------------------------------

def check_resnet_block(cls: type) -> CheckResult:
    """``cls(in_channels, out_channels, temb_channels, groups, eps)``; ``block(x, emb)`` -> (B, out_channels, H, W)."""
    return _check(cls, ref.ResnetBlock2D, "ResnetBlock2D",
                  [(32, 32, 128, 8, 1e-5), (32, 64, 64, 32, 1e-5), (64, 32, 96, 16, 1e-6)],
                  [(0, (2, 32, 8, 8), (2, 128)), (0, (1, 32, 5, 7), (1, 128)), (1, (2, 32, 8, 8), (2, 64)),
                   (2, (3, 64, 4, 4), (3, 96))], second="emb",
                  hint="h = conv1(silu(norm1(x))); h = h + time_emb_proj(silu(emb))[:, :, None, None] (one "
                       "number per channel, the same at every pixel); h = conv2(dropout(silu(norm2(h)))); "
                       "return h + (x if conv_shortcut is None else conv_shortcut(x)).")


# ---- 3. cross-attention ------------------------------------------------------------------------------

def _linears(*sizes: tuple[int, int, bool], seed: int) -> list[nn.Linear]:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return [nn.Linear(n_in, n_out, bias=bias) for n_in, n_out, bias in sizes]


def reference_cross_attention(x: torch.Tensor, context: torch.Tensor, to_q: nn.Linear, to_k: nn.Linear,
                              to_v: nn.Linear, to_out: nn.Linear, heads: int) -> torch.Tensor:
    """What ``course.nets.attention.Attention`` computes: x (B, N, C) attends to context (B, T, D) -> (B, N, C)."""
    q = split_heads(to_q(x), heads)  # (B, heads, N, d): one query per latent pixel
    k = split_heads(to_k(context), heads)  # (B, heads, T, d): one key per text token
    v = split_heads(to_v(context), heads)  # (B, heads, T, d)
    return to_out(merge_heads(attention(q, k, v, fast=False)))  # (B, N, C)


def check_cross_attention(fn: Callable) -> CheckResult:
    """``fn(x, context, to_q, to_k, to_v, to_out, heads)``: x (B, N, C), context (B, T, D) -> (B, N, C)."""
    x_a = randn(2, 64, 32, seed=0)
    specs = [  # x, context, heads, dim_head
        (x_a, randn(2, 77, 16, seed=1), 4, 8, ""),
        (randn(1, 16, 32, seed=3), randn(1, 154, 16, seed=4), 8, 4, ""),
        (randn(2, 9, 64, seed=6), randn(2, 77, 64, seed=7), 1, 64, ""),
        (randn(2, 12, 32, seed=9), randn(2, 5, 24, seed=10), 2, 24, ""),  # heads·d = 48, not C = 32
        (x_a, x_a, 4, 8, "self"),  # self-attention: the context is x itself
        (randn(1, 4, 16, seed=13, scale=4.0), randn(1, 6, 16, seed=14, scale=4.0), 2, 8, ""),
    ]
    calls = []
    for seed, (x, context, heads, dim_head, note) in enumerate(specs):
        inner = heads * dim_head
        c, d = x.shape[-1], context.shape[-1]
        to_q, to_k, to_v, to_out = _linears((c, inner, False), (d, inner, False), (d, inner, False), (inner, c, True),
                                            seed=100 + seed)
        calls.append((named("x", x), named("context", x if note else context), _linear("to_q", to_q),
                      _linear("to_k", to_k), _linear("to_v", to_v), _linear("to_out", to_out),
                      Labelled(heads, f"heads={heads}")))
    with torch.no_grad():
        return compare(fn, reference_cross_attention, calls, name="cross_attention",
                    hint="q = to_q(x), k = to_k(context), v = to_v(context); split each into heads: (B, T, "
                         "heads·d) -> view(B, T, heads, d) -> transpose(1, 2); scores = q @ k.transpose(-2, -1) "
                         "/ sqrt(d) with d the size of ONE head; softmax over the last axis (the text tokens); "
                         "@ v; merge the heads back with transpose(1, 2).reshape(B, N, heads·d); then to_out.")


# ---- 4. GEGLU, the transformer block, the spatial transformer ----------------------------------------

def reference_geglu(x: torch.Tensor, proj: nn.Linear) -> torch.Tensor:
    module = ref.GEGLU(proj.in_features, proj.out_features // 2)
    module.proj = proj
    return module(x)


def check_geglu(fn: Callable[[torch.Tensor, nn.Linear], torch.Tensor]) -> CheckResult:
    """``fn(x, proj)``: x (..., dim), proj Linear(dim, 2·inner) -> (..., inner)."""
    calls = []
    sizes = [((2, 64, 32), 128, 1.0), ((1, 77, 16), 16, 1.0), ((3, 5, 8), 8, 3.0)]  # x, inner, scale of x
    for seed, (shape, inner, scale) in enumerate(sizes):
        (proj,) = _linears((shape[-1], 2 * inner, True), seed=100 + seed)
        calls.append((named("x", randn(*shape, seed=seed, scale=scale)), _linear("proj", proj)))
    with torch.no_grad():
        return compare(fn, reference_geglu, calls, name="geglu",
                    hint="a, gate = proj(x).chunk(2, dim=-1): the FIRST half is the value, the second the gate; "
                         "return a * F.gelu(gate), with the exact gelu (no approximate='tanh').")


def check_transformer_block(cls: type) -> CheckResult:
    """``cls(dim, heads, dim_head, context_dim)``; ``block(x, context)`` -> (B, N, dim)."""
    return _check(cls, ref.BasicTransformerBlock, "BasicTransformerBlock", [(32, 4, 8, 16), (64, 2, 32, 64)],
                  [(0, (2, 64, 32), (2, 77, 16)), (0, (1, 16, 32), (1, 154, 16)), (1, (2, 9, 64), (2, 77, 64))],
                  hint="three residual steps, each with its own LayerNorm first: x = x + attn1(norm1(x)) "
                       "(self-attention: no context); x = x + attn2(norm2(x), context) (cross-attention); "
                       "x = x + ff(norm3(x)).")


def check_spatial_transformer(cls: type) -> CheckResult:
    """``cls(channels, heads, dim_head, context_dim, groups)``; ``module(x, context)`` -> (B, channels, H, W)."""
    def reference(channels: int, heads: int, dim_head: int, context_dim: int, groups: int) -> nn.Module:
        return ref.Transformer2DModel(channels, heads, dim_head, context_dim, groups=groups)

    return _check(cls, reference, "SpatialTransformer", [(32, 4, 8, 16, 8), (64, 2, 16, 24, 32)],
                  [(0, (2, 32, 8, 8), (2, 77, 16)), (0, (1, 32, 4, 6), (1, 77, 16)), (1, (2, 64, 5, 3), (2, 7, 24))],
                  hint="keep x as the residual; h = proj_in(norm(x)) is (B, inner, H, W); make tokens with "
                       "h.permute(0, 2, 3, 1).reshape(B, H·W, inner); run every transformer block; go back "
                       "with reshape(B, H, W, inner).permute(0, 3, 1, 2); return proj_out(h) + residual.")


# ---- 5. the UNet's forward: the skip stack --------------------------------------------------------

UNET_CONFIGS = {  # diffusers UNet2DConditionModel arguments; tiny = the diffusers test components
    "tiny": dict(sample_size=32, block_out_channels=(32, 64), layers_per_block=2, cross_attention_dim=32,
                 down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                 up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), attention_head_dim=8),
    "three levels, SD order": dict(sample_size=32, block_out_channels=(32, 64, 64), layers_per_block=2,
                                   cross_attention_dim=24, attention_head_dim=4,
                                   down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
                                   up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D")),
}


@lru_cache(maxsize=None)
def reference_unet(name: str = "tiny"):
    """(diffusers UNet2DConditionModel, the course UNet loaded from it), seed 0, norms nudged; built once."""
    from diffusers import UNet2DConditionModel


    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        theirs = nudge(UNet2DConditionModel(**UNET_CONFIGS[name]), seed=1).eval()
    return theirs, from_reference(theirs)


def check_unet_forward(fn: Callable) -> CheckResult:
    """``fn(unet, x, t, context)``: a course ``UNet`` and x (B, 4, h, w), t (B,), context (B, T, D) -> (B, 4, h, w);
    compared with diffusers' ``UNet2DConditionModel`` whose weights the course UNet carries."""
    calls = []
    for seed, (config, batch, size, tokens, t) in enumerate([
            ("tiny", 2, (16, 16), 77, [999.0, 10.0]), ("tiny", 1, (8, 8), 77, [500.0]),
            ("three levels, SD order", 2, (16, 16), 77, [250.0, 750.0]),
            ("three levels, SD order", 1, (15, 13), 154, [42.5]), ("tiny", 1, (9, 12), 77, [1.0])]):
        width = UNET_CONFIGS[config]["cross_attention_dim"]
        calls.append((Labelled(config, f"{config} UNet"), named("x", randn(batch, 4, *size, seed=2 * seed)),
                      Labelled(torch.tensor(t), f"t {t}"),
                      named("context", randn(batch, tokens, width, seed=2 * seed + 1))))

    def learner(config: str, x: torch.Tensor, t: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        return fn(reference_unet(config)[1], x, t, context)

    def reference(config: str, x: torch.Tensor, t: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        return reference_unet(config)[0](x, t, context).sample

    if not callable(fn):
        return compare(fn, reference, [], name="unet_forward")
    with torch.no_grad():
        return compare(learner, reference, calls, name="unet_forward", atol=2e-5,
                    hint="emb = time_embedding(time_proj(t)); x = conv_in(x); skips = [x]; for each down block: "
                         "x, pushed = block(x, emb, context), skips += pushed; x = mid_block(x, emb, context); for "
                         "each up block: k = len(block.resnets), take the LAST k skips off the stack, and call "
                         "block(x, popped, emb, context, upsample_size) with upsample_size = the H, W of the skip "
                         "now on top (None when the stack is empty); end with conv_out(conv_act(conv_norm_out(x))).")
