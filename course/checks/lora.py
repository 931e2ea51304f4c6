"""Checks for notebook 06: the low-rank approximation, the LoRA layer, its convolution twin (LoCon), and injecting
LoRA into a UNet.

``check_low_rank`` compares the learner's rank-k approximation with the truncated SVD.

``check_lora_linear`` and ``check_lora_conv`` take the learner's *class*. First a fresh module must start as LoRA
does: B (``lora_up``) all zeros, so the injected model computes what the frozen one did, and A (``lora_down``)
Kaiming-uniform, as nn.Linear initialises its own weight. Then the reference's weights (course.nets.lora, with B made
non-zero) are loaded into it and ``forward`` and ``delta_weight`` are compared (``compare_module``), with α ≠ r so
that a missing α/r shows. ``check_inject`` runs the learner's ``inject(unet, pattern, rank, alpha)`` on a small
course UNet and checks what it adapted, what it froze, that nothing changed at first, and that with random B's the
UNet's output is the one of a UNet whose weights are W₀ + (α/r)·B A, computed here by hand.
"""
from __future__ import annotations

import contextlib
import copy
import io
import math
import re
from functools import lru_cache
from typing import Callable

import torch
from torch import nn

from course.checks.core import (
    CheckResult,
    compare,
    describe_error,
    first_difference,
    named,
    not_written,
    randn,
    verdict,
)
from course.checks.modules import Call, Case, compare_module, nudge
from course.config import UNetConfig
from course.nets import lora as ref
from course.nets.unet import UNet

__all__ = ["check_low_rank", "check_lora_linear", "check_lora_conv", "check_inject"]

NAMES = ("self.lora_down (A, in -> rank) and self.lora_up (B, rank -> out), both without bias, the buffer "
         "self.alpha, and self.rank and self.scale: kohya's names, which the LoRA files use")


def reference_low_rank(w: torch.Tensor, k: int) -> torch.Tensor:
    """The best rank-k approximation of w (Eckart–Young): the SVD cut after k singular values."""
    u, s, vh = torch.linalg.svd(w, full_matrices=False)  # u (m, r), s (r,), vh (r, n)
    return u[:, :k] @ torch.diag(s[:k]) @ vh[:k]


def check_low_rank(fn: Callable[[torch.Tensor, int], torch.Tensor]) -> CheckResult:
    """``fn(w, k)``: w (m, n) -> the best rank-k approximation (m, n)."""
    g = torch.Generator().manual_seed(0)
    low = torch.randn(20, 3, generator=g) @ torch.randn(3, 12, generator=g)  # rank 3 exactly
    inputs = [(named("w", torch.randn(16, 16, generator=g)), 4), (named("w", torch.randn(30, 8, generator=g)), 2),
              (named("w", torch.randn(6, 40, generator=g)), 5), (named("w", low), 3),
              (named("w", low + 0.01 * torch.randn(20, 12, generator=g)), 3), (named("w", torch.randn(9, 7, generator=g)), 7)]
    return compare(fn, reference_low_rank, inputs, name="low_rank", atol=1e-4,
                   hint="u, s, vh = torch.linalg.svd(w, full_matrices=False) (s is sorted, largest first); return "
                        "u[:, :k] @ torch.diag(s[:k]) @ vh[:k]: the first k columns of u, values of s and rows of vh.")


def _init_problem(cls: type, base: nn.Module, rank: int, name: str, hint: str) -> CheckResult | None:
    """The verdict on a fresh module that does not start as LoRA does, or None when it does."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        try:
            layer = cls(base, rank, 2.0 * rank)
        except NotImplementedError as error:
            return not_written(name, hint, error)
        except Exception as error:
            return verdict(False, f"✗ {name}: building it raised {type(error).__name__}:\n    {describe_error(error)}\n"
                                  f"  hint: {hint}")
    down, up = getattr(layer, "lora_down", None), getattr(layer, "lora_up", None)
    if not isinstance(down, nn.Module) or not isinstance(up, nn.Module):
        return verdict(False, f"✗ {name}: a fresh module has no lora_down / lora_up layers.\n  hint: name them {NAMES}.")
    if bool(up.weight.ne(0).any()):
        return verdict(False, f"✗ {name}: B (lora_up.weight) must start at zero, so that injecting the LoRA changes "
                              f"nothing; a fresh one has |B| up to {up.weight.abs().max():.3g}.\n"
                              "  hint: nn.init.zeros_(self.lora_up.weight).")
    fan_in = down.weight[0].numel()
    bound = 1 / math.sqrt(fan_in)  # kaiming_uniform_ with a = √5: U(-1/√fan_in, 1/√fan_in)
    spread = down.weight.abs().max().item()
    if spread == 0 or spread > bound * 1.0001 or spread < 0.5 * bound:
        return verdict(False, f"✗ {name}: A (lora_down.weight) should start Kaiming-uniform, values in ±{bound:.3g} "
                              f"(1/√fan_in, fan_in = {fan_in}); a fresh one reaches {spread:.3g}. With A = 0 too, "
                              "no gradient ever reaches B.\n  hint: nn.init.kaiming_uniform_(self.lora_down.weight, "
                              "a=math.sqrt(5)), what nn.Linear does to its own weight.")
    return None


def _check_layer(cls: type, reference: type, name: str, bases: list[tuple[nn.Module, str, tuple]], hint: str
                 ) -> CheckResult:
    problem = _init_problem(cls, bases[0][0], bases[0][2][0], name, hint)
    if problem is not None:
        return problem
    cases = []
    for n, (base, label, (rank, alpha, x_shape)) in enumerate(bases):
        x = named("x", randn(*x_shape, seed=n))
        cases.append(Case((base, rank, alpha), [Call((x,)), Call((), method="delta_weight")],
                          label=f"{label}, rank={rank}, alpha={alpha}"))
    return compare_module(cls, reference, cases, name=name, hint=hint,
                          names_hint=f"name the parts {NAMES}.")


def check_lora_linear(cls: type) -> CheckResult:
    """``cls(base: nn.Linear, rank, alpha)``: forward(x) = (α/r)·scale·B(A(x)); delta_weight() = (α/r)·scale·B A."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(3)
        bases = [(nn.Linear(32, 48), "Linear(32, 48)", (4, 8.0, (2, 10, 32))),
                 (nn.Linear(64, 16, bias=False), "Linear(64, 16)", (1, 1.0, (3, 64))),
                 (nn.Linear(16, 16), "Linear(16, 16)", (8, 2.0, (1, 5, 7, 16)))]
    return _check_layer(cls, ref.LoRALinear, "LoRALinear", bases,
                        hint="lora_down = nn.Linear(in, rank, bias=False), lora_up = nn.Linear(rank, out, bias=False); "
                             "forward: lora_up(lora_down(dropout(x))) * scale * alpha / rank; delta_weight: "
                             "scale * alpha / rank * (lora_up.weight @ lora_down.weight), shape (out, in).")


def check_lora_conv(cls: type) -> CheckResult:
    """LoCon: ``cls(base: nn.Conv2d, rank, alpha)``; A a conv with the base's kernel, stride and padding, B a 1×1 conv;
    delta_weight() the (out, in, k, k) kernel (α/r)·scale·B A."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(4)
        bases = [(nn.Conv2d(16, 32, 3, padding=1), "Conv2d(16, 32, 3, padding=1)", (4, 8.0, (2, 16, 8, 8))),
                 (nn.Conv2d(8, 8, 3, stride=2, padding=1), "Conv2d(8, 8, 3, stride=2, padding=1)", (2, 1.0, (1, 8, 9, 7))),
                 (nn.Conv2d(32, 16, 1), "Conv2d(32, 16, 1)", (8, 4.0, (2, 32, 4, 4)))]
    return _check_layer(cls, ref.LoRAConv2d, "LoRAConv2d", bases,
                        hint="lora_down = nn.Conv2d(in, rank, base.kernel_size, base.stride, base.padding, bias=False), "
                             "lora_up = nn.Conv2d(rank, out, 1, bias=False); delta_weight: (lora_up.weight.flatten(1) "
                             "@ lora_down.weight.flatten(1)) is (out, in·k·k): view it as (out, in, k, k) and "
                             "multiply by scale * alpha / rank.")


# ---- injection -------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def reference_unet() -> nn.Module:
    """A small course UNet (cross-attention at both levels, as the bundled model), seeded, norms nudged."""

    config = UNetConfig(sample_size=8, block_out_channels=(32, 64), layers_per_block=1, norm_num_groups=8,
                        down_block_types=("CrossAttnDownBlock2D",) * 2, up_block_types=("CrossAttnUpBlock2D",) * 2,
                        cross_attention_dim=16, attention_head_dim=4)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        return nudge(UNet(config), seed=1).eval()


def _by_hand(unet: nn.Module, layers: dict) -> nn.Module:
    """A copy of ``unet`` with W₀ + (α/r)·scale·B A in every adapted module, from each layer's A, B and α."""
    merged = copy.deepcopy(unet)
    merged._forward_hooks.clear()
    with torch.no_grad():
        for name, layer in layers.items():
            module = merged.get_submodule(name)
            module._forward_hooks.clear()
            factor = layer.scale * float(layer.alpha) / layer.rank
            module.weight += factor * (layer.lora_up.weight @ layer.lora_down.weight)
    return merged


def check_inject(fn: Callable, pattern: str = r"attn[12]\.(to_q|to_k|to_v|to_out\.0)$") -> CheckResult:
    """``fn(unet, pattern, rank, alpha)`` -> {module name: LoRA layer}: freezes the UNet, adds a LoRA layer to every
    nn.Linear whose name matches ``pattern`` (re.search) and hooks it onto that module's output."""
    name = "inject"
    hint = ("unet.requires_grad_(False); for name, module in unet.named_modules(): if it is an nn.Linear and "
            "re.search(pattern, name): layer = LoRALinear(module, rank, alpha); module.register_forward_hook(lambda "
            "mod, args, out, layer=layer: out + layer(args[0])); layers[name] = layer. Return layers.")
    if not callable(fn):
        return verdict(False, f"✗ {name}: expected your function, got {type(fn).__name__}. Pass inject itself.")
    unet = copy.deepcopy(reference_unet())
    x, context = randn(2, 4, 8, 8, seed=0), randn(2, 7, 16, seed=1)
    with torch.no_grad():
        before = unet(x, torch.tensor([10, 700]), context)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            layers = fn(unet, pattern, 4, 8.0)
    except NotImplementedError as error:
        return not_written(name, hint, error)
    except Exception as error:
        return verdict(False, f"✗ {name} raised {type(error).__name__}:\n    {describe_error(error)}\n  hint: {hint}")
    if not isinstance(layers, dict):
        return verdict(False, f"✗ {name}: expected a dict {{module name: LoRA layer}}, got {type(layers).__name__}. "
                              f"Return the layers you made.\n  hint: {hint}")
    wanted = [n for n, m in unet.named_modules() if isinstance(m, nn.Linear) and re.search(pattern, n)]
    if sorted(layers) != sorted(wanted):
        missing, extra = sorted(set(wanted) - set(layers)), sorted(set(layers) - set(wanted))
        return verdict(False, f"✗ {name}: the layers adapted are not the ones the pattern names ({len(wanted)} of them)."
                              + (f"\n    missing: {', '.join(missing[:3])}" if missing else "")
                              + (f"\n    not wanted: {', '.join(extra[:3])}" if extra else "")
                              + f"\n  hint: {hint}")
    trainable = [n for n, p in unet.named_parameters() if p.requires_grad]
    if trainable:
        return verdict(False, f"✗ {name}: {len(trainable)} of the UNet's parameters still require grad (e.g. "
                              f"{trainable[0]}): only the LoRA layers may train.\n  hint: unet.requires_grad_(False) "
                              "before you add the layers.")
    frozen = [n for n, layer in layers.items() if not all(p.requires_grad for p in layer.parameters())]
    if frozen:
        return verdict(False, f"✗ {name}: the LoRA layer of {frozen[0]} does not require grad: freeze the UNet first, "
                              "then make the layers (new parameters require grad).")
    binding = ("A lambda in a loop must bind its layer (lambda mod, args, out, layer=layer: ...), or every hook "
               "uses the last one.")
    with torch.no_grad():
        try:
            after = unet(x, torch.tensor([10, 700]), context)
        except Exception as error:
            return verdict(False, f"✗ {name}: the UNet with your hooks raised {type(error).__name__}:\n    "
                                  f"{describe_error(error)}\n  hint: {binding if 'shape' in str(error) else hint}")
        problem = first_difference(before, after, atol=1e-6, rtol=0)
        if problem:
            return verdict(False, f"✗ {name}: with B = 0 the UNet's output must not change, but it did: {problem}.\n"
                                  "  hint: the hook returns out + layer(args[0]): the module's own output plus the "
                                  "LoRA's, nothing else.")
        for n, layer in enumerate(layers.values()):
            layer.lora_up.weight.copy_(randn(*layer.lora_up.weight.shape, seed=10 + n, scale=0.1))
        got = unet(x, torch.tensor([10, 700]), context)
        expected = _by_hand(unet, layers)(x, torch.tensor([10, 700]), context)
    problem = first_difference(expected, got, atol=1e-5, rtol=1e-4)
    if problem:
        return verdict(False, f"✗ {name}: with random B's, the UNet's output is not the one of weights W₀ + (α/r)·B A: "
                              f"{problem}.\n  hint: {hint} {binding}")
    count = sum(p.numel() for layer in layers.values() for p in layer.parameters())
    return verdict(True, f"✓ {name}: {len(layers)} layers adapted, the UNet frozen, its output unchanged at first and "
                         f"equal to W₀ + (α/r)·B A with random B's; {count:,} trainable parameters.")

