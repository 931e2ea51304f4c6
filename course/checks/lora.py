"""Checks for notebook 06: the low-rank approximation, the LoRA layer, its convolution twin (LoCon), and injecting
LoRA into a UNet.

``check_low_rank`` compares the learner's rank-k approximation with the truncated SVD.

``check_lora_linear`` and ``check_lora_conv`` take the learner's *class*. First a fresh module must start as LoRA
does: B (``lora_up``) all zeros, so the injected model computes what the frozen one did, and A (``lora_down``)
Kaiming-uniform, as nn.Linear initialises its own weight; and ``delta_weight`` must leave the layer as it was (merging
adds it, unmerging subtracts it again). Then the reference's weights (course.nets.lora, with B made non-zero) are
loaded into it and ``forward`` and ``delta_weight`` are compared (``compare_module``), with α ≠ r so that a missing or
inverted α/r shows, at the weight scale 0.5 so that a forgotten scale shows, and with dropout 0.5 in eval and in
training mode (both layers draw the same mask). ``check_inject`` runs the learner's ``inject(unet, pattern, rank,
alpha)`` on a small course UNet and checks what it adapted, what it froze, that nothing changed at first, and that
with random B's the UNet's output is the one of a UNet whose weights are W₀ + (α/r)·B A, computed here by hand.

When a result is wrong, the usual mistakes (course.checks.lora_slips: α and r swapped, B random, A B for B A, the
LoRA on the input, dropout in eval mode, the kernel on the wrong factor, ...) are tried on the same input, and the
one that gives the learner's result is said in words on the verdict's first line, above the numbers.
"""
from __future__ import annotations

import contextlib
import copy
import io
import re
from functools import lru_cache
from typing import Callable

import torch
from torch import nn

from course.checks import progress
from course.checks.core import (
    CheckResult,
    describe_error,
    first_difference,
    named,
    not_written,
    randn,
    verdict,
)
from course.checks.lora_slips import (
    CONV_DELTA_SLIPS,
    CONV_FORWARD_SLIPS,
    DELTA_SLIPS,
    FORWARD_SLIPS,
    LOW_RANK_SLIPS,
    as_called,
    fit_diagnosis,
    hook_slip,
    init_diagnosis,
)
from course.checks.modules import (
    Call,
    Case,
    compare_module_with_slips,
    compare_with_slips,
    nudge,
    with_diagnosis,
)
from course.config import UNetConfig
from course.nets import lora as ref
from course.nets.unet import UNet

__all__ = ["check_low_rank", "check_lora_linear", "check_lora_conv", "check_inject"]

NB = "06_lora"
NAMES = ("self.lora_down (A, in -> rank) and self.lora_up (B, rank -> out), both without bias, the buffer "
         "self.alpha, and self.rank and self.scale: kohya's names, which the LoRA files use")
LOW_RANK_HINT = ("take the reduced singular value decomposition of w; keep the k largest singular values, the first k, "
                 "with their left singular vectors, the columns of u, and right ones, the rows of vh; multiply the "
                 "three back together.")
LINEAR_HINT = ("A, lora_down, maps in to rank and starts Kaiming-uniform; B, lora_up, maps rank to out and starts at "
               "zero; neither has a bias. forward is B of A of the dropped-out input, times scale times alpha over "
               "rank; delta_weight is the same factor times B's weight times A's, shaped out by in.")
CONV_HINT = ("A is a convolution from the base's input channels to rank with the base's kernel size, stride and "
             "padding; B a 1×1 convolution from rank to the base's output channels; no biases. delta_weight: flatten "
             "both kernels to matrices, multiply B's by A's, shape the out by in·k·k product as a kernel out, in, k, "
             "k, and scale it as in LoRALinear.")
INJECT_HINT = ("freeze the whole UNet first; then for every linear module whose name the pattern finds with "
               "re.search, make a LoRALinear with the rank and alpha given, and register a forward hook that returns "
               "the module's output plus the layer applied to the module's input; return the layers by name.")

progress.register(
    "low_rank", NB, "§1", LOW_RANK_HINT,
    "torch.linalg.svd with full_matrices off gives u, s and vh with s sorted from largest to smallest. The rank-k "
    "approximation is the sum of the first k terms s_i times the outer product of column i of u and row i of vh: "
    "in matrix form, u's first k columns, times the diagonal matrix of s's first k values, times vh's first k rows.")
progress.register(
    "LoRALinear", NB, "§2", LINEAR_HINT,
    "pair returns A then B: a linear layer from base.in_features to rank and one from rank to base.out_features, both "
    "without bias. Initialise A's weight as nn.Linear does its own, Kaiming-uniform with a of root five, and B's to "
    "zeros. The factor is alpha over rank, not rank over alpha, times scale; in forward the input goes through "
    "self.dropout, then A, then B. delta_weight multiplies B's weight, out by rank, by A's, rank by in.",
    "Use the nn.Dropout module stored in self.dropout, not the functional dropout, whose training flag is on by "
    "default, so that eval mode switches it off. delta_weight must compute a new tensor and leave A and B as they "
    "are: merging adds it and unmerging subtracts it, and both must get the same matrix.")
progress.register(
    "LoRAConv2d", NB, "§3", CONV_HINT,
    "A carries the spatial part: same kernel size, stride and padding as the base conv, so its output has the base's "
    "size; B only mixes channels, a 1×1 kernel. A's kernel flattened is rank by in·k·k and B's out by rank; their "
    "product, out by in·k·k, has exactly the numbers of an out, in, k, k kernel in that order: view it so, no "
    "transposing.")
progress.register(
    "inject", NB, "§4", INJECT_HINT,
    "Freeze with the UNet's requires_grad_ set to off before making the layers, so the new A and B still train. "
    "Match names with re.search, which finds the pattern anywhere in the name; re.match only at its start. A lambda "
    "made in a loop must bind its layer as a default argument, or every hook ends up using the last layer. The hook "
    "gets the module, its inputs as a tuple and its output: add the layer of the first input to the output.")


# ---- §1 low rank ----------------------------------------------------------------------------------------

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
    return compare_with_slips(fn, reference_low_rank, inputs, LOW_RANK_SLIPS, name="low_rank", atol=1e-4,
                              hint=LOW_RANK_HINT)


# ---- §2 and §3 the layers ----------------------------------------------------------------------------------

def _init_problem(cls: type, base: nn.Module, rank: int, name: str, hint: str) -> CheckResult | None:
    """The verdict on a fresh module that does not start as LoRA does, or whose delta_weight changes it; None when
    it starts well."""
    try:
        with torch.random.fork_rng(devices=[]), contextlib.redirect_stdout(io.StringIO()):
            torch.manual_seed(0)
            layer = cls(base, rank, 2.0 * rank)
    except NotImplementedError as error:
        return not_written(name, hint, error)
    except Exception as error:  # the learner's bug, explained without a stack trace
        return verdict(False, f"✗ {name}: building it raised {type(error).__name__}:\n    {describe_error(error)}\n"
                              f"  hint: {hint}")
    down, up = getattr(layer, "lora_down", None), getattr(layer, "lora_up", None)
    if not isinstance(getattr(down, "weight", None), torch.Tensor) or not isinstance(getattr(up, "weight", None),
                                                                                     torch.Tensor):
        return verdict(False, f"✗ {name}: a fresh module has no lora_down / lora_up layers.\n  hint: name them {NAMES}.")
    words = init_diagnosis(down.weight.detach(), up.weight.detach())
    if words:
        return verdict(False, f"✗ {name}: {words}\n  hint: {hint}")
    return _delta_changes_the_layer(layer, name)


def _delta_changes_the_layer(layer: nn.Module, name: str) -> CheckResult | None:
    """The verdict when delta_weight changes A or B in place, or gives another matrix each time (merge, then unmerge,
    would not give W₀ back); None when it leaves the layer alone, or raises (the comparison reports that)."""
    with torch.no_grad():
        layer.lora_up.weight.copy_(randn(*layer.lora_up.weight.shape, seed=5, scale=0.1))
    before = {key: value.detach().clone() for key, value in layer.state_dict().items()}
    try:
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            first = layer.delta_weight()
            first = first.clone() if isinstance(first, torch.Tensor) else first
            second = layer.delta_weight()
    except Exception:  # the comparison explains errors
        return None
    changed = [key for key, value in layer.state_dict().items() if not torch.equal(value, before[key])]
    if changed:
        return verdict(False, f"✗ {name}: delta_weight changed the layer's own {changed[0]} in place, so each call "
                              "gives another update: merge would add one and unmerge subtract a different one, and W₀ "
                              "would not come back. Compute the product into a new tensor, with no in-place operation "
                              "on A, B or alpha.")
    if isinstance(first, torch.Tensor) and isinstance(second, torch.Tensor) and first_difference(first, second):
        return verdict(False, f"✗ {name}: delta_weight gives another matrix on each call: merge would add one and "
                              "unmerge subtract another. It must depend only on A, B, alpha, rank and scale.")
    return None


def _configured(cls: type) -> type:
    """``cls`` built as ``(base, rank, alpha, dropout, scale, training)``: the check sets the weight scale and the
    mode a case calls it in, as the notebook does with ``network.scale`` and ``model.train()``."""
    def __init__(self, base, rank, alpha, dropout=0.0, scale=1.0, training=False):
        cls.__init__(self, base, rank, alpha, dropout)
        self.scale = scale
        self.check_training = training

    return type(cls.__name__, (cls,), {"__init__": __init__, "__qualname__": cls.__qualname__,
                                       "__module__": cls.__module__})


def _check_layer(cls: type, reference: type, name: str, cases: list[tuple], hint: str, slips: dict) -> CheckResult:
    """``cases``: (base, label, rank, alpha, x shape, extra build args, label of the extras, methods to call)."""
    if not isinstance(cls, type) or not issubclass(cls, nn.Module):  # compare_module explains what was passed
        return compare_module_with_slips(cls, reference, [], slips, name=name, hint=hint)
    base, _, rank, *_ = cases[0]
    problem = _init_problem(cls, base, rank, name, hint)
    if problem is not None:
        return problem
    built = []
    for n, (base, label, rank, alpha, x_shape, extra, extra_label, methods) in enumerate(cases):
        x = named("x", randn(*x_shape, seed=n))
        calls = [Call((x,)) if method == "forward" else Call((), method=method) for method in methods]
        built.append(Case((base, rank, alpha, *extra), calls, label=f"{label}, rank={rank}, alpha={alpha}{extra_label}"))
    forward = {"forward": lambda m, x: as_called(m, lambda: m(x))}
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):
        result = compare_module_with_slips(_configured(cls), _configured(reference), built, slips, name=name,
                                           hint=hint, names_hint=f"name the parts {NAMES}.", learner_calls=forward,
                                           reference_calls=forward)
    words = fit_diagnosis(result.message) if not result else None
    return verdict(result.passed, with_diagnosis(result.message, words) if words else result.message)


BOTH = ("forward", "delta_weight")


def check_lora_linear(cls: type) -> CheckResult:
    """``cls(base: nn.Linear, rank, alpha, dropout)``: forward(x) = (α/r)·scale·B(A(dropout(x))); delta_weight() =
    (α/r)·scale·B A."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(3)
        wide, narrow, square = nn.Linear(32, 48), nn.Linear(64, 16, bias=False), nn.Linear(16, 16)
    cases = [(wide, "Linear(32, 48)", 4, 8.0, (2, 10, 32), (), "", BOTH),
             (narrow, "Linear(64, 16)", 1, 1.0, (3, 64), (), "", BOTH),
             (square, "Linear(16, 16)", 8, 2.0, (1, 5, 7, 16), (), "", BOTH),
             (wide, "Linear(32, 48)", 4, 8.0, (2, 10, 32), (0.0, 0.5), ", weight scale 0.5", BOTH),
             (square, "Linear(16, 16)", 8, 2.0, (4, 16), (0.5,), ", dropout=0.5, in eval mode", ("forward",)),
             (square, "Linear(16, 16)", 8, 2.0, (4, 16), (0.5, 1.0, True),
              ", dropout=0.5, in training mode, the same random mask for yours and ours", ("forward",))]
    return _check_layer(cls, ref.LoRALinear, "LoRALinear", cases, LINEAR_HINT,
                        {"forward": FORWARD_SLIPS, "delta_weight": DELTA_SLIPS})


def check_lora_conv(cls: type) -> CheckResult:
    """LoCon: ``cls(base: nn.Conv2d, rank, alpha)``; A a conv with the base's kernel, stride and padding, B a 1×1 conv;
    delta_weight() the (out, in, k, k) kernel (α/r)·scale·B A."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(4)
        padded = nn.Conv2d(16, 32, 3, padding=1)
        strided = nn.Conv2d(8, 8, 3, stride=2, padding=1)
        pointwise = nn.Conv2d(32, 16, 1)
    cases = [(padded, "Conv2d(16, 32, 3, padding=1)", 4, 8.0, (2, 16, 8, 8), (), "", BOTH),
             (strided, "Conv2d(8, 8, 3, stride=2, padding=1)", 2, 1.0, (1, 8, 9, 7), (), "", BOTH),
             (pointwise, "Conv2d(32, 16, 1)", 8, 4.0, (2, 32, 4, 4), (), "", BOTH),
             (padded, "Conv2d(16, 32, 3, padding=1)", 4, 8.0, (2, 16, 8, 8), (0.0, 0.5), ", weight scale 0.5", BOTH)]
    return _check_layer(cls, ref.LoRAConv2d, "LoRAConv2d", cases, CONV_HINT,
                        {"forward": CONV_FORWARD_SLIPS, "delta_weight": CONV_DELTA_SLIPS})


# ---- §4 injection -------------------------------------------------------------------------------------

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
    for module in merged.modules():
        module._forward_hooks.clear()
        module._forward_pre_hooks.clear()
    with torch.no_grad():
        for name, layer in layers.items():
            module = merged.get_submodule(name)
            factor = layer.scale * float(layer.alpha) / layer.rank
            module.weight += factor * (layer.lora_up.weight @ layer.lora_down.weight)
    return merged


def _adapted_problem(layers: dict, unet: nn.Module, pattern: str, rank: int, alpha: float) -> str | None:
    """What is wrong with the set of adapted modules or their layers' rank and alpha, in words; None when right."""
    linear = [(n, m) for n, m in unet.named_modules() if isinstance(m, nn.Linear)]
    wanted = [n for n, _ in linear if re.search(pattern, n)]
    if sorted(layers) != sorted(wanted):
        missing, extra = sorted(set(wanted) - set(layers)), sorted(set(layers) - set(wanted))
        from_start = [n for n, _ in linear if re.match(pattern, n)]
        why = (" It looks like you matched with re.match, which finds the pattern only at the start of the name "
               "(down_blocks.0...); re.search finds it anywhere." if sorted(layers) == sorted(from_start) else "")
        return (f"the layers adapted are not the ones the pattern names ({len(wanted)} of them).{why}"
                + (f"\n    missing: {', '.join(missing[:3])}" if missing else "")
                + (f"\n    not wanted: {', '.join(extra[:3])}" if extra else ""))
    for module_name, layer in layers.items():
        got = (getattr(layer, "rank", None), float(getattr(layer, "alpha", float("nan"))))
        if got != (rank, alpha):
            return (f"the layer of {module_name} has rank {got[0]} and alpha {got[1]:g}; inject was called with rank "
                    f"{rank} and alpha {alpha:g}: pass both on to LoRALinear (without alpha, it defaults to the "
                    "rank).")
    return None


def _diagnosed(message: str, slip: str | None) -> CheckResult:
    return verdict(False, with_diagnosis(message, f"it looks like {slip}") if slip else message)


def check_inject(fn: Callable, pattern: str = r"attn[12]\.(to_q|to_k|to_v|to_out\.0)$") -> CheckResult:
    """``fn(unet, pattern, rank, alpha)`` -> {module name: LoRA layer}: freezes the UNet, adds a LoRA layer to every
    nn.Linear whose name matches ``pattern`` (re.search) and hooks it onto that module's output."""
    name, hint, rank, alpha = "inject", INJECT_HINT, 4, 8.0
    if not callable(fn):
        return verdict(False, f"✗ {name}: expected your function, got {type(fn).__name__}. Pass inject itself.")
    unet = copy.deepcopy(reference_unet())
    x, t, context = randn(2, 4, 8, 8, seed=0), torch.tensor([10, 700]), randn(2, 7, 16, seed=1)
    with torch.no_grad():
        before = unet(x, t, context)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            layers = fn(unet, pattern, rank, alpha)
    except NotImplementedError as error:
        return not_written(name, hint, error)
    except Exception as error:  # the learner's bug, explained without a stack trace
        return verdict(False, f"✗ {name} raised {type(error).__name__}:\n    {describe_error(error)}\n  hint: {hint}")
    if not isinstance(layers, dict):
        return verdict(False, f"✗ {name}: expected a dict {{module name: LoRA layer}}, got {type(layers).__name__}. "
                              f"Return the layers you made.\n  hint: {hint}")
    problem = _adapted_problem(layers, unet, pattern, rank, alpha)
    if problem:
        return verdict(False, f"✗ {name}: {problem}\n  hint: {hint}")
    trainable = [n for n, p in unet.named_parameters() if p.requires_grad]
    if trainable:
        return verdict(False, f"✗ {name}: {len(trainable)} of the UNet's parameters still require grad (e.g. "
                              f"{trainable[0]}): only the LoRA layers may train.\n  hint: freeze the whole UNet, "
                              "requires_grad_ off, before you add the layers.")
    frozen = [n for n, layer in layers.items() if not all(p.requires_grad for p in layer.parameters())]
    if frozen:
        return verdict(False, f"✗ {name}: the LoRA layer of {frozen[0]} does not require grad: freeze the UNet first, "
                              "then make the layers (new parameters require grad).")
    with torch.no_grad():
        try:
            after = unet(x, t, context)
        except Exception as error:  # the learner's bug, explained without a stack trace
            message = (f"✗ {name}: the UNet with your hooks raised {type(error).__name__}:\n    {describe_error(error)}"
                       f"\n  hint: {hint}")
            return _diagnosed(message, hook_slip(unet, layers, (x, t, context), None, error))
        problem = first_difference(before, after, atol=1e-6, rtol=0)
        if problem:
            return verdict(False, f"✗ {name}: with B = 0 the UNet's output must not change, but it did: {problem}.\n"
                                  "  hint: the hook returns the module's own output plus the LoRA layer's, computed "
                                  "from the module's input; nothing else.")
        for n, layer in enumerate(layers.values()):
            layer.lora_up.weight.copy_(randn(*layer.lora_up.weight.shape, seed=10 + n, scale=0.1))
        got = unet(x, t, context)
        expected = _by_hand(unet, layers)(x, t, context)
        problem = first_difference(expected, got, atol=1e-5, rtol=1e-4)
        if problem:
            message = (f"✗ {name}: with random B's, the UNet's output is not the one of weights W₀ + (α/r)·B A: "
                       f"{problem}.\n  hint: {hint}")
            return _diagnosed(message, hook_slip(unet, layers, (x, t, context), got, None))
    count = sum(p.numel() for layer in layers.values() for p in layer.parameters())
    return verdict(True, f"✓ {name}: {len(layers)} layers adapted, the UNet frozen, its output unchanged at first and "
                         f"equal to W₀ + (α/r)·B A with random B's; {count:,} trainable parameters.")
