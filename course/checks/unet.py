"""Checks for notebook 03: the UNet, from the timestep embedding to the skip stack.

Function checks (``check_timestep_embedding``, and in ``unet_attention`` ``check_cross_attention`` and
``check_geglu``) call the learner's function and the reference on the same tensors. Module checks
(``check_resnet_block``, and in ``unet_attention`` ``check_transformer_block`` and ``check_spatial_transformer``)
take the learner's *class*, build it with a few sets of arguments, load the weights of the matching module of
``course.nets.unet_blocks`` into it and compare the outputs (``course.checks.modules.compare_module``: it lists
the parameter names that do not match). ``check_unet_forward`` runs the learner's forward loop over the blocks of a
course ``UNet`` loaded from a diffusers ``UNet2DConditionModel`` (random, seeded, norms nudged) and compares with
diffusers itself.

Every check knows the mistakes learners make in its exercise (``*_SLIPS``: the sines first, a missing SiLU, popping
the skips from the wrong end, ...); when one of them reproduces the learner's result, the verdict names it
(``course.checks.unet_mistakes``). Each exercise registers its hints in tiers (``course.checks.hint(name, 2)``).
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable

import torch
import torch.nn.functional as F

from course.checks import progress
from course.checks.core import CheckResult, Labelled, named, randn
from course.checks.modules import nudge
from course.checks.unet_attention import (
    NB,
    check_cross_attention,
    check_geglu,
    check_spatial_transformer,
    check_transformer_block,
    module_check,
    tier1,
)
from course.checks.unet_mistakes import check_function
from course.io.loading import from_reference
from course.nets import unet_blocks as ref

__all__ = ["check_timestep_embedding", "check_resnet_block", "check_cross_attention", "check_geglu",
           "check_transformer_block", "check_spatial_transformer", "check_unet_forward"]


# ---- §1 the timestep embedding ----------------------------------------------------------------------------

progress.register(
    "timestep_embedding", NB, "§1",
    "Give each of the half of dim channel pairs a frequency that falls geometrically from 1 towards 1/10000; "
    "multiply every timestep, as a float, by every frequency; return the cosines of these angles followed by "
    "their sines.",
    "Take half as dim divided by two, rounded down. Frequency i, for i from 0 to half minus 1, is e to the power "
    "minus ln 10000 times i over half: over half, not half minus 1. Turn t into float32, make a table of angles "
    "with one row per timestep and one column per frequency, and join the cosines of the whole table and then "
    "its sines along the last axis: cosines first, as SD 1.x's flip_sin_to_cos says.")


def _sinusoids(t: torch.Tensor, dim: int, *, cos_first: bool = True, shift: int = 0, max_period: float = 10000,
               outside: bool = False, start: int = 0, interleave: bool = False) -> torch.Tensor:
    """The sinusoidal embedding with the knobs the slips turn (the defaults are SD 1.x's)."""
    half = dim // 2
    i = torch.arange(start, start + half, dtype=torch.float32)
    freqs = torch.exp(-math.log(max_period) * i) / half if outside else torch.exp(
        -math.log(max_period) * i / (half - shift))
    angles = t[:, None].float() * freqs[None, :]
    pair = [angles.cos(), angles.sin()] if cos_first else [angles.sin(), angles.cos()]
    return torch.stack(pair, dim=-1).flatten(-2) if interleave else torch.cat(pair, dim=-1)


def _same_dtype_as_t(t: torch.Tensor, dim: int) -> torch.Tensor:
    if not t.is_floating_point():
        raise TypeError("an integer t is cast by the promotion rules")  # not this slip
    return ref.timestep_embedding(t, dim).to(t.dtype)


def _matmul_without_cast(t: torch.Tensor, dim: int) -> torch.Tensor:
    freqs = torch.exp(-math.log(10000) * torch.arange(dim // 2, dtype=torch.float32) / (dim // 2))
    angles = t[:, None] @ freqs[None, :]
    return torch.cat([angles.cos(), angles.sin()], dim=-1)


TIMESTEP_SLIPS = [
    ("the sines come first and the exponent is divided by half − 1: that is diffusers' get_timestep_embedding "
     "with its defaults (flip_sin_to_cos=False, downscale_freq_shift=1), the original DDPM layout; SD 1.x's "
     "Timesteps puts the cosines first and divides by half (flip_sin_to_cos=True, freq_shift=0).",
     lambda t, dim: _sinusoids(t, dim, cos_first=False, shift=1)),
    ("the sines come first; SD 1.x puts the cosines first (flip_sin_to_cos=True), and the trained weights "
     "expect that order.", lambda t, dim: _sinusoids(t, dim, cos_first=False)),
    ("the exponent is divided by half − 1 (diffusers' downscale_freq_shift=1); SD 1.x divides by half "
     "(freq_shift=0), so the slowest frequency is 10000^(−(half−1)/half), not exactly 1/10000.",
     lambda t, dim: _sinusoids(t, dim, shift=1)),
    ("cosines and sines are interleaved (cos, sin, cos, sin, ...); SD 1.x puts all the cosines first, then all "
     "the sines, each block in frequency order.", lambda t, dim: _sinusoids(t, dim, interleave=True)),
    ("sines and cosines are interleaved (sin, cos, sin, cos, ...: the Transformer paper's layout); SD 1.x puts "
     "all the cosines first, then all the sines.", lambda t, dim: _sinusoids(t, dim, cos_first=False, interleave=True)),
    ("the frequencies fall to 1/1000, not 1/10000: the longest period is max_period = 10000, so the exponent "
     "uses ln(10000).", lambda t, dim: _sinusoids(t, dim, max_period=1000)),
    ("the exponent uses log base 10 of 10000 (that is 4); it uses the natural log, ln(10000) ≈ 9.21.",
     lambda t, dim: _sinusoids(t, dim, max_period=math.e ** 4)),
    ("the division by half is outside the exponential: frequency i is exp(−ln(10000) · i / half), the whole "
     "exponent divided by half, so the frequencies fall from 1 to almost 1/10000.",
     lambda t, dim: _sinusoids(t, dim, outside=True)),
    ("i runs from 1 to half; it runs from 0 to half − 1, so the first frequency is exactly 1.",
     lambda t, dim: _sinusoids(t, dim, start=1)),
    ("t was not cast to float32: a float64 t gave a float64 embedding (the UNet's weights are float32); cast t "
     "with .float() before multiplying.", _same_dtype_as_t),
    ("t was not cast to float: a matrix product of an integer t with float frequencies fails; cast t with "
     ".float() first (integer timesteps are the usual case).", _matmul_without_cast),
]


def check_timestep_embedding(fn: Callable[[torch.Tensor, int], torch.Tensor]) -> CheckResult:
    """``fn(t, dim)``: t (B,) -> (B, dim) float32, SD 1.x's flavour: [cos | sin], freq_shift 0.

    The tolerance is 2e-4: at t ~ 1000 two correct ways of writing the frequencies
    (exp(-ln(10000)·i/half) or 10000 ** (-i/half)) differ by ~6e-5 in float32; a wrong formula is off by ~1.
    """
    inputs = [(torch.arange(0, 1000, 100).float(), 320), (torch.tensor([0.0]), 8),
              (torch.tensor([999.0, 1.0, 500.0]), 32),
              (torch.tensor([3.25, 640.5]), 64), (torch.tensor([981, 1]), 320), (torch.tensor([1.0, 2.0, 3.0]), 6),
              (torch.tensor([999.0]), 1280),
              (Labelled(torch.tensor([642.7, 10.0], dtype=torch.float64), "t tensor([642.7, 10.0], float64)"), 64)]
    return check_function(fn, lambda t, dim: ref.timestep_embedding(t, dim), inputs, TIMESTEP_SLIPS,
                          name="timestep_embedding", atol=2e-4, hint=tier1("timestep_embedding"))


# ---- §2 the ResNet block -----------------------------------------------------------------------------------

progress.register(
    "ResnetBlock2D", NB, "§2",
    "Normalise x, apply SiLU, then the first conv; add the time embedding, after its own SiLU and projection, as "
    "one number per channel broadcast over every pixel; then normalise, SiLU, dropout and the second conv; return "
    "that plus the skip path, which goes through the 1x1 shortcut conv when the block has one.",
    "The order on the main path is norm1, SiLU, conv1, then the time shift, then norm2, SiLU, dropout, conv2: each "
    "norm comes before its conv. The time shift is SiLU of emb through time_emb_proj, a B by C_out matrix that "
    "needs two trailing axes of size one to broadcast over height and width. The skip path is x itself when "
    "conv_shortcut is None, and conv_shortcut of x when the channel count changes.")


def _resnet(m, x, emb, *, silu1=True, silu2=True, silu_emb=True, proj=True, time_after_conv2=False,
            norm_after_conv=False, skip="shortcut", act=F.silu):
    """The ResNet block written out, with the knobs the slips turn (the defaults are right)."""
    def maybe(on, h):
        return act(h) if on else h

    shift = maybe(silu_emb, emb)
    shift = (m.time_emb_proj(shift) if proj else shift)[:, :, None, None]
    h = maybe(True, m.norm1(m.conv1(x))) if norm_after_conv else m.conv1(maybe(silu1, m.norm1(x)))
    if not time_after_conv2:
        h = h + shift
    h = maybe(True, m.norm2(m.conv2(h))) if norm_after_conv else m.conv2(maybe(silu2, m.norm2(h)))
    if time_after_conv2:
        h = h + shift
    if skip == "none":
        return h
    return (m.conv_shortcut(x) if skip == "shortcut" and m.conv_shortcut is not None else x) + h


RESNET_SLIPS = [
    ("the SiLU before conv1 is missing: norm1, then SiLU, then conv1.", lambda *a: _resnet(*a, silu1=False)),
    ("the SiLU before conv2 is missing: norm2, then SiLU, then conv2.", lambda *a: _resnet(*a, silu2=False)),
    ("both SiLUs of the main path are missing: each norm is followed by SiLU before its conv.",
     lambda *a: _resnet(*a, silu1=False, silu2=False)),
    ("the time embedding went into time_emb_proj without its SiLU: project SiLU of emb.",
     lambda *a: _resnet(*a, silu_emb=False)),
    ("no SiLU at all: every norm and the time embedding are followed by SiLU.",
     lambda *a: _resnet(*a, silu1=False, silu2=False, silu_emb=False)),
    ("you used ReLU; the ResNet blocks use SiLU (x · sigmoid(x)) everywhere.", lambda *a: _resnet(*a, act=F.relu)),
    ("the time embedding is added after the second conv; it is added between the convs, after conv1 and "
     "before norm2.", lambda *a: _resnet(*a, time_after_conv2=True)),
    ("the time embedding went in without time_emb_proj: project SiLU of emb to one number per output channel "
     "first.", lambda *a: _resnet(*a, proj=False)),
    ("the time embedding went in without time_emb_proj and without its SiLU: add time_emb_proj of SiLU of emb.",
     lambda *a: _resnet(*a, proj=False, silu_emb=False)),
    ("the shortcut is missing when the channels change: when in_channels != out_channels, x must go through "
     "conv_shortcut (a 1x1 conv) before it is added.", lambda *a: _resnet(*a, skip="x")),
    ("the skip path is missing: return the main path plus x (through conv_shortcut when there is one).",
     lambda *a: _resnet(*a, skip="none")),
    ("each norm comes after its conv; the block is pre-activation: norm, SiLU, then conv (norm1 normalises x "
     "itself, with in_channels channels).", lambda *a: _resnet(*a, norm_after_conv=True)),
]


def check_resnet_block(cls: type) -> CheckResult:
    """``cls(in_channels, out_channels, temb_channels, groups, eps)``; ``block(x, emb)`` -> (B, out_channels, H, W).

    The second build has temb_channels = out_channels, so a block that skips time_emb_proj runs and can be named."""
    return module_check(cls, ref.ResnetBlock2D, "ResnetBlock2D",
                        [(32, 32, 128, 8, 1e-5), (32, 64, 64, 32, 1e-5), (64, 32, 96, 16, 1e-6)],
                        [(0, (2, 32, 8, 8), (2, 128)), (0, (1, 32, 5, 7), (1, 128)), (1, (2, 32, 8, 8), (2, 64)),
                         (2, (3, 64, 4, 4), (3, 96))], RESNET_SLIPS, second="emb")


# ---- §5 the UNet's forward: the skip stack --------------------------------------------------------

progress.register(
    "unet_forward", NB, "§5",
    "Embed t with the two time modules; run conv_in and push its output on a stack; run every down block and push "
    "all it hands back to be pushed; run the mid block; every up block takes as many tensors off the top of the "
    "stack as it has ResNet blocks, with the height and width of the tensor then on top, or nothing once the "
    "stack is empty; finish with the output norm, the activation and conv_out.",
    "The stack is a list: conv_in's output is its first item and each down block's pushed tuple extends it. An up "
    "block with k ResNet blocks receives the last k items, in the order they were pushed, since it pops them from "
    "the end itself; remove them from the list. The size it must upsample to is the spatial size of the new last "
    "item, which a latent of odd side needs. The time embedding is time_proj followed by time_embedding, not "
    "time_proj alone.")


def _forward(unet, x, t, context, *, order="lifo", sizes=True, push_conv_in=True, mid=True, head=True, mlp=True):
    """The forward loop written out, with the knobs the slips turn (the defaults are right)."""
    emb = unet.time_proj(t)
    emb = unet.time_embedding(emb) if mlp else emb
    x = unet.conv_in(x)
    skips = [x] if push_conv_in else []
    for block in unet.down_blocks:
        x, pushed = block(x, emb, context)
        skips.extend(pushed)
    x = unet.mid_block(x, emb, context) if mid else x
    for block in unet.up_blocks:
        k = len(block.resnets)
        if order == "fifo":
            popped, skips = skips[:k], skips[k:]
        else:
            popped, skips = skips[-k:], skips[:-k]
        popped = popped[::-1] if order == "reversed" else popped
        size = skips[-1].shape[-2:] if skips and sizes else None
        x = block(x, popped, emb, context, upsample_size=size)
    return unet.conv_out(unet.conv_act(unet.conv_norm_out(x)) if head else x)


def _on_course_unet(slip: Callable) -> Callable:
    return lambda config, x, t, context: slip(reference_unet(config)[1], x, t, context)


UNET_SLIPS = [
    ("the up blocks took the skips from the bottom of the stack (first in, first out); the last tensor pushed "
     "is the first popped: take the last k.", _on_course_unet(lambda *a: _forward(*a, order="fifo"))),
    ("each up block got its skips in reversed order; hand it the last k in the order they were pushed, as the "
     "block pops them from the end itself.", _on_course_unet(lambda *a: _forward(*a, order="reversed"))),
    ("upsample_size is missing: pass the height and width of the skip now on top of the stack, so that a latent "
     "whose side is not a multiple of 2ⁿ upsamples to the skip's exact size.",
     _on_course_unet(lambda *a: _forward(*a, sizes=False))),
    ("conv_in's output was not pushed: the stack starts with it, so that the last up block has one skip for each "
     "of its ResNet blocks.", _on_course_unet(lambda *a: _forward(*a, push_conv_in=False))),
    ("the mid block is skipped: run mid_block between the down path and the up path.",
     _on_course_unet(lambda *a: _forward(*a, mid=False))),
    ("conv_norm_out and conv_act are skipped: the output is conv_out of SiLU of the final GroupNorm.",
     _on_course_unet(lambda *a: _forward(*a, head=False))),
    ("the time embedding skipped its MLP: emb is time_embedding of time_proj of t (the sinusoids, then the MLP).",
     _on_course_unet(lambda *a: _forward(*a, mlp=False))),
]


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
        learner = fn  # the comparison says what was passed instead of a function
    with torch.no_grad():
        return check_function(learner, reference, calls, UNET_SLIPS, name="unet_forward", atol=2e-5,
                              hint=tier1("unet_forward"))
