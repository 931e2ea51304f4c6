"""Checks for notebook 03: the UNet, from the timestep embedding to the skip stack.

Function checks (``check_timestep_embedding``, ``check_cross_attention``, ``check_geglu``) call the learner's
function and the reference on the same tensors. Module checks (``check_resnet_block``,
``check_transformer_block``, ``check_spatial_transformer``) take the learner's *class*, build it with a few
sets of arguments, load the weights of the matching module of ``course.unet_blocks`` into it (possible only
when the parameter names match; the verdict lists the names that do not) and compare the outputs.
``check_unet_forward`` runs the learner's forward loop over the blocks of a course ``UNet`` loaded from a
diffusers ``UNet2DConditionModel`` and compares with diffusers itself.

The reference weights are random, and every norm is nudged off its initial weight 1, bias 0, so that feeding a
tensor through the wrong norm shows. The checks never change the learner's random state (they draw inside
``torch.random.fork_rng``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

import torch
from torch import nn

from course import unet_blocks as ref
from course.attention import attention, merge_heads, split_heads
from course.checks.core import CheckResult, _verdict, compare

__all__ = ["check_timestep_embedding", "check_resnet_block", "check_cross_attention", "check_geglu",
           "check_transformer_block", "check_spatial_transformer", "check_unet_forward"]

NAMES = {  # what each module must call its parts: diffusers' names, so real SD 1.x weights load into it
    "ResnetBlock2D": "self.norm1, self.conv1, self.time_emb_proj, self.norm2, self.conv2, and self.conv_shortcut "
                     "(a 1x1 conv, only when in_channels != out_channels)",
    "BasicTransformerBlock": "self.norm1, self.attn1, self.norm2, self.attn2, self.norm3, self.ff; inside each attn "
                             "to_q, to_k, to_v, to_out.0; inside ff net.0.proj and net.2",
    "SpatialTransformer": "self.norm, self.proj_in, self.transformer_blocks (an nn.ModuleList), self.proj_out",
}


# ---- inputs --------------------------------------------------------------------------------------

def _randn(*shape: int, seed: int, scale: float = 1.0) -> torch.Tensor:
    return scale * torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _nudge_norms(module: nn.Module, seed: int) -> nn.Module:
    """Norms start at weight 1, bias 0: move them, so a swapped or skipped norm changes the output."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for key, p in module.named_parameters():
            if "norm" in key:
                p.add_(0.2 * torch.randn(p.shape, generator=g))
    return module


@dataclass(frozen=True)
class _Arg:
    """One argument of a checked call, with the short label a verdict shows for it (compare cuts each to 40 chars)."""

    value: Any
    label: str

    def __repr__(self) -> str:
        return self.label


def _tensor(name: str, value: torch.Tensor) -> _Arg:
    return _Arg(value, f"{name} {tuple(value.shape)}")


def _linear(name: str, layer: nn.Linear) -> _Arg:
    return _Arg(layer, f"{name}=Linear({layer.in_features}, {layer.out_features})")


def _values(args: tuple[_Arg, ...]) -> list:
    return [arg.value for arg in args]


def _compare(fn: Callable, reference: Callable, calls: list[tuple[_Arg, ...]], name: str, hint: str,
             atol: float = 1e-5) -> CheckResult:
    """``compare`` over calls whose arguments are wrapped in ``_Arg``: each shows as its label in a verdict."""
    if not callable(fn):
        return compare(fn, reference, [], name=name)  # the "expected a function" verdict
    with torch.no_grad():
        return compare(lambda *args: fn(*_values(args)), lambda *args: reference(*_values(args)), calls,
                       name=name, hint=hint, atol=atol)


# ---- module checks -------------------------------------------------------------------------------

def _not_written(name: str, hint: str) -> CheckResult:
    return _verdict(False, f"✗ {name}: not written yet (it raises NotImplementedError). Replace the "
                           f"`raise NotImplementedError` line with your code, run that cell, then this check again."
                           f"\n  hint: {hint}")


def _list(names: list[str], n: int = 5) -> str:
    return ", ".join(names[:n]) + (f", ... and {len(names) - n} more" if len(names) > n else "")


def _build(cls: Any, name: str, args: tuple, hint: str) -> nn.Module | CheckResult:
    """The learner's module built from ``args``, or the verdict that explains why it could not be built."""
    call = f"{name}({', '.join(map(str, args))})"
    if isinstance(cls, nn.Module):
        return _verdict(False, f"✗ {name}: expected the class, got a module already built. Pass the class itself: "
                               f"check_...({name}), not check_...({call}).")
    if not isinstance(cls, type):
        return _verdict(False, f"✗ {name}: expected a class (a subclass of nn.Module), got {type(cls).__name__}.")
    try:
        with torch.random.fork_rng(devices=[]):
            module = cls(*args)
    except NotImplementedError:
        return _not_written(name, hint)
    except Exception as error:
        detail = f"{type(error).__name__}: {error}"
        extra = ("call super().__init__() first in __init__, before creating any layer."
                 if "before Module.__init__" in str(error) else hint)
        return _verdict(False, f"✗ {name}: building {call} raised {type(error).__name__}:\n    {detail[:300]}"
                               f"\n  hint: {extra}")
    if not isinstance(module, nn.Module):
        return _verdict(False, f"✗ {name}: {call} gave {type(module).__name__}, not an nn.Module; "
                               f"write class {name}(nn.Module).")
    return module


def _names_problem(mine: nn.Module, theirs: nn.Module, name: str, call: str) -> str | None:
    """Compare parameter names and shapes; a message naming what differs, or None."""
    own, wanted = dict(mine.named_parameters()), dict(theirs.named_parameters())
    missing = [k for k in wanted if k not in own]
    unexpected = [k for k in own if k not in wanted]
    shapes = [f"{k}: expected {tuple(wanted[k].shape)}, yours {tuple(own[k].shape)}"
              for k in wanted if k in own and own[k].shape != wanted[k].shape]
    if not (missing or unexpected or shapes):
        return None
    lines = [f"✗ {name}: the reference weights do not fit your module {call}, so it cannot be compared yet."]
    if missing:
        lines.append(f"    missing (the reference has them, yours does not): {_list(missing)}")
    if unexpected:
        lines.append(f"    unexpected (yours has them, the reference does not): {_list(unexpected)}")
    if shapes:
        lines.append(f"    wrong shape: {_list(shapes, 3)}")
        lines.append("  hint: take every size from the arguments, and note nn.Linear(in, out) stores its weight as "
                     "(out, in), nn.Conv2d(in, out, k) as (out, in, k, k).")
    if missing or unexpected:
        lines.append(f"  hint: name the parts {NAMES[name]}. These are diffusers' names, so that real SD weights "
                     "load into your module as they are.")
    return "\n".join(lines)


def _check_module(cls: Any, name: str, builds: dict[str, tuple[tuple, Callable[[], nn.Module], str]],
                  cases: list[tuple[str, tuple[_Arg, ...]]], hint: str, atol: float = 1e-5) -> CheckResult:
    """For each build ``key: (args, make_reference, label)``: build ``cls(*args)`` and the reference, load the
    reference's weights into the learner's module. Then compare ``module(*inputs)`` on every case
    ``(key, inputs)``; a verdict shows a case as its inputs' labels and its build's label."""
    learners, references = {}, {}
    for key, (args, make_reference, _) in builds.items():
        mine = _build(cls, name, args, hint)
        if isinstance(mine, CheckResult):
            return mine
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(0)
            theirs = _nudge_norms(make_reference(), seed=1).eval()
        problem = _names_problem(mine, theirs, name, f"{name}({', '.join(map(str, args))})")
        if problem:
            return _verdict(False, problem)
        with torch.no_grad():
            for param_name, value in theirs.named_parameters():
                mine.get_parameter(param_name).copy_(value)
        learners[key], references[key] = mine.eval(), theirs

    def call(models: dict) -> Callable:
        def go(*args: _Arg):
            *inputs, build = args
            with torch.no_grad():
                return models[build.value](*_values(inputs))
        return go

    calls = [(*inputs, _Arg(key, f"[module: {builds[key][2]}]")) for key, inputs in cases]
    return compare(call(learners), call(references), calls, name=name, hint=hint, atol=atol)


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
    builds = {
        "same": ((32, 32, 128, 8, 1e-5), lambda: ref.ResnetBlock2D(32, 32, 128, 8, 1e-5), "32 -> 32 channels"),
        "wider": ((32, 64, 64, 32, 1e-5), lambda: ref.ResnetBlock2D(32, 64, 64, 32, 1e-5), "32 -> 64 channels"),
        "narrower": ((64, 32, 96, 16, 1e-6), lambda: ref.ResnetBlock2D(64, 32, 96, 16, 1e-6), "64 -> 32 channels"),
    }
    cases = [(key, (_tensor("x", _randn(*x, seed=2 * i)), _tensor("emb", _randn(*emb, seed=2 * i + 1))))
             for i, (key, x, emb) in enumerate([("same", (2, 32, 8, 8), (2, 128)), ("same", (1, 32, 5, 7), (1, 128)),
                                                ("wider", (2, 32, 8, 8), (2, 64)),
                                                ("narrower", (3, 64, 4, 4), (3, 96))])]
    return _check_module(cls, "ResnetBlock2D", builds, cases,
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
    """What ``course.attention.Attention`` computes: x (B, N, C) attends to context (B, T, D) -> (B, N, C)."""
    q = split_heads(to_q(x), heads)  # (B, heads, N, d): one query per latent pixel
    k = split_heads(to_k(context), heads)  # (B, heads, T, d): one key per text token
    v = split_heads(to_v(context), heads)  # (B, heads, T, d)
    return to_out(merge_heads(attention(q, k, v, fast=False)))  # (B, N, C)


def check_cross_attention(fn: Callable) -> CheckResult:
    """``fn(x, context, to_q, to_k, to_v, to_out, heads)``: x (B, N, C), context (B, T, D) -> (B, N, C)."""
    x_a = _randn(2, 64, 32, seed=0)
    specs = [  # x, context, heads, dim_head
        (x_a, _randn(2, 77, 16, seed=1), 4, 8, ""),
        (_randn(1, 16, 32, seed=3), _randn(1, 154, 16, seed=4), 8, 4, ""),
        (_randn(2, 9, 64, seed=6), _randn(2, 77, 64, seed=7), 1, 64, ""),
        (_randn(2, 12, 32, seed=9), _randn(2, 5, 24, seed=10), 2, 24, ""),  # heads·d = 48, not C = 32
        (x_a, x_a, 4, 8, "self"),  # self-attention: the context is x itself
        (_randn(1, 4, 16, seed=13, scale=4.0), _randn(1, 6, 16, seed=14, scale=4.0), 2, 8, ""),
    ]
    calls = []
    for seed, (x, context, heads, dim_head, note) in enumerate(specs):
        inner = heads * dim_head
        c, d = x.shape[-1], context.shape[-1]
        to_q, to_k, to_v, to_out = _linears((c, inner, False), (d, inner, False), (d, inner, False), (inner, c, True),
                                            seed=100 + seed)
        calls.append((_tensor("x", x), _tensor("context", x if note else context), _linear("to_q", to_q),
                      _linear("to_k", to_k), _linear("to_v", to_v), _linear("to_out", to_out),
                      _Arg(heads, f"heads={heads}")))
    return _compare(fn, reference_cross_attention, calls, name="cross_attention",
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
        calls.append((_tensor("x", _randn(*shape, seed=seed, scale=scale)), _linear("proj", proj)))
    return _compare(fn, reference_geglu, calls, name="geglu",
                    hint="a, gate = proj(x).chunk(2, dim=-1): the FIRST half is the value, the second the gate; "
                         "return a * F.gelu(gate), with the exact gelu (no approximate='tanh').")


def check_transformer_block(cls: type) -> CheckResult:
    """``cls(dim, heads, dim_head, context_dim)``; ``block(x, context)`` -> (B, N, dim)."""
    builds = {
        "a": ((32, 4, 8, 16), lambda: ref.BasicTransformerBlock(32, 4, 8, 16), "dim 32, 4 heads, context 16"),
        "b": ((64, 2, 32, 64), lambda: ref.BasicTransformerBlock(64, 2, 32, 64), "dim 64, 2 heads, context 64"),
    }
    cases = [(key, (_tensor("x", _randn(*x, seed=2 * i)), _tensor("context", _randn(*c, seed=2 * i + 1))))
             for i, (key, x, c) in enumerate([("a", (2, 64, 32), (2, 77, 16)), ("a", (1, 16, 32), (1, 154, 16)),
                                              ("b", (2, 9, 64), (2, 77, 64))])]
    return _check_module(cls, "BasicTransformerBlock", builds, cases,
                         hint="three residual steps, each with its own LayerNorm first: x = x + attn1(norm1(x)) "
                              "(self-attention: no context); x = x + attn2(norm2(x), context) (cross-attention); "
                              "x = x + ff(norm3(x)).")


def check_spatial_transformer(cls: type) -> CheckResult:
    """``cls(channels, heads, dim_head, context_dim, groups)``; ``module(x, context)`` -> (B, channels, H, W)."""
    builds = {
        "a": ((32, 4, 8, 16, 8), lambda: ref.Transformer2DModel(32, 4, 8, 16, groups=8), "32 channels, 4 heads of 8"),
        "b": ((64, 2, 16, 24, 32), lambda: ref.Transformer2DModel(64, 2, 16, 24, groups=32),
              "64 channels, 2 heads of 16"),
    }
    cases = [(key, (_tensor("x", _randn(*x, seed=2 * i)), _tensor("context", _randn(*c, seed=2 * i + 1))))
             for i, (key, x, c) in enumerate([("a", (2, 32, 8, 8), (2, 77, 16)), ("a", (1, 32, 4, 6), (1, 77, 16)),
                                              ("b", (2, 64, 5, 3), (2, 7, 24))])]
    return _check_module(cls, "SpatialTransformer", builds, cases,
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

    from course.loading import from_reference

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        theirs = _nudge_norms(UNet2DConditionModel(**UNET_CONFIGS[name]), seed=1).eval()
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
        calls.append((_Arg(config, f"{config} UNet"), _tensor("x", _randn(batch, 4, *size, seed=2 * seed)),
                      _Arg(torch.tensor(t), f"t {t}"),
                      _tensor("context", _randn(batch, tokens, width, seed=2 * seed + 1))))

    def learner(config: str, x: torch.Tensor, t: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        return fn(reference_unet(config)[1], x, t, context)

    def reference(config: str, x: torch.Tensor, t: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        return reference_unet(config)[0](x, t, context).sample

    if not callable(fn):
        return compare(fn, reference, [], name="unet_forward")
    return _compare(learner, reference, calls, name="unet_forward", atol=2e-5,
                    hint="emb = time_embedding(time_proj(t)); x = conv_in(x); skips = [x]; for each down block: "
                         "x, pushed = block(x, emb, context), skips += pushed; x = mid_block(x, emb, context); for "
                         "each up block: k = len(block.resnets), take the LAST k skips off the stack, and call "
                         "block(x, popped, emb, context, upsample_size) with upsample_size = the H, W of the skip "
                         "now on top (None when the stack is empty); end with conv_out(conv_act(conv_norm_out(x))).")
