"""Notebook 06's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass."""
from __future__ import annotations

import functools
import math
import re

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from verdicts import fails, passes

from course.checks import progress
from course.checks.lora import (
    check_inject,
    check_lora_conv,
    check_lora_linear,
    check_low_rank,
)
from course.nets import lora


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


def diagnosed(result, capsys, words: str) -> str:
    out = fails(result, capsys)  # printed once, as returned, no traceback
    first = out.split("\n", 1)[0]
    assert words in first, f"expected {words!r} on the first line:\n{out}"
    return out


# ---- §1 low_rank ------------------------------------------------------------------------------------------

def svd(w):
    return torch.linalg.svd(w, full_matrices=False)


LOW_RANK_MISTAKES = {
    "smallest_values": (lambda w, k: svd(w)[0][:, -k:] @ torch.diag(svd(w)[1][-k:]) @ svd(w)[2][-k:],
                        "you kept the k smallest singular values"),
    "no_singular_values": (lambda w, k: svd(w)[0][:, :k] @ svd(w)[2][:k], "the singular values are missing"),
    "columns_of_vh": (lambda w, k: svd(w)[0][:, :k] @ torch.diag(svd(w)[1][:k]) @ svd(w)[2][:, :k].T,
                      "you took the first k columns of vh"),
    "rows_of_v_from_torch_svd": (lambda w, k: torch.svd(w)[0][:, :k] @ torch.diag(torch.svd(w)[1][:k])
                                 @ torch.svd(w)[2][:k], "you took the first k columns of vh (or rows of V)"),
    "one_too_many": (lambda w, k: svd(w)[0][:, :k + 1] @ torch.diag(svd(w)[1][:k + 1]) @ svd(w)[2][:k + 1],
                     "you kept k + 1 singular values"),
    "one_too_few": (lambda w, k: svd(w)[0][:, :k - 1] @ torch.diag(svd(w)[1][:k - 1]) @ svd(w)[2][:k - 1],
                    "you kept k − 1 singular values"),
    "the_residual": (lambda w, k: w - svd(w)[0][:, :k] @ torch.diag(svd(w)[1][:k]) @ svd(w)[2][:k],
                     "you returned what is left"),
}


@pytest.mark.parametrize("mistake", LOW_RANK_MISTAKES)
def test_low_rank_mistake_is_named(mistake, capsys):
    fn, words = LOW_RANK_MISTAKES[mistake]
    assert "first mismatch" in diagnosed(check_low_rank(fn), capsys, words)


LOW_RANK_VARIANTS = {
    "broadcast_s": lambda w, k: svd(w)[0][:, :k] * svd(w)[1][:k] @ svd(w)[2][:k],
    "torch_svd_with_v": lambda w, k: torch.svd(w)[0][:, :k] @ torch.diag(torch.svd(w)[1][:k]) @ torch.svd(w)[2][:, :k].T,
    "full_matrices": lambda w, k: torch.linalg.svd(w)[0][:, :k] @ torch.diag(torch.linalg.svd(w)[1][:k])
    @ torch.linalg.svd(w)[2][:k],
    "sum_of_outer_products": lambda w, k: sum(svd(w)[1][i] * torch.outer(svd(w)[0][:, i], svd(w)[2][i])
                                              for i in range(k)),
}


@pytest.mark.parametrize("variant", LOW_RANK_VARIANTS)
def test_low_rank_correct_variants_pass(variant, capsys):
    passes(check_low_rank(LOW_RANK_VARIANTS[variant]), capsys)


# ---- §2 LoRALinear ---------------------------------------------------------------------------------------------

class Linear(nn.Module):
    """LoRALinear as the notebook's cell has it, filled in."""

    def __init__(self, base, rank=4, alpha=None, dropout=0.0):
        super().__init__()
        self.rank, self.scale = rank, 1.0
        self.lora_down, self.lora_up = self.pair(base, rank)
        self.register_buffer("alpha", torch.tensor(float(rank if alpha is None else alpha)))
        self.dropout = nn.Dropout(dropout)
        self.init()

    def init(self):
        nn.init.kaiming_uniform_(self.lora_down.weight, a=math.sqrt(5))
        nn.init.zeros_(self.lora_up.weight)

    @staticmethod
    def pair(base, rank):
        return nn.Linear(base.in_features, rank, bias=False), nn.Linear(rank, base.out_features, bias=False)

    def factor(self):
        return self.scale * float(self.alpha) / self.rank

    def forward(self, x):
        return self.lora_up(self.lora_down(self.dropout(x))) * self.factor()

    def delta_weight(self):
        return self.factor() * (self.lora_up.weight @ self.lora_down.weight)


def linear(**methods):
    return type("LoRALinear", (Linear,), methods)


def zero_both(self):
    nn.init.zeros_(self.lora_down.weight)
    nn.init.zeros_(self.lora_up.weight)


def delta_in_place(self):
    self.lora_up.weight.mul_(self.factor())
    return self.lora_up.weight @ self.lora_down.weight


class KeepsBase(Linear):
    def __init__(self, base, rank=4, alpha=None, dropout=0.0):
        super().__init__(base, rank, alpha, dropout)
        self.base = base


LINEAR_MISTAKES = {
    "rank_over_alpha": (linear(factor=lambda self: self.scale * self.rank / float(self.alpha)),
                        "the update is scaled by rank/alpha"),
    "delta_rank_over_alpha": (linear(delta_weight=lambda self: self.scale * self.rank / float(self.alpha)
                                     * (self.lora_up.weight @ self.lora_down.weight)),
                              "delta_weight is scaled by rank/alpha"),
    "no_alpha_over_rank": (linear(forward=lambda self, x: self.lora_up(self.lora_down(self.dropout(x))) * self.scale),
                           "the factor α/r is missing"),
    "forward_without_scale": (linear(forward=lambda self, x: self.lora_up(self.lora_down(self.dropout(x)))
                                     * float(self.alpha) / self.rank), "the weight `scale` is missing from forward"),
    "merge_without_scale": (linear(delta_weight=lambda self: float(self.alpha) / self.rank
                                   * (self.lora_up.weight @ self.lora_down.weight)),
                            "delta_weight leaves out the weight `scale`"),
    "a_and_b_init_swapped": (linear(init=lambda self: (nn.init.zeros_(self.lora_down.weight),
                                                       nn.init.kaiming_uniform_(self.lora_up.weight, a=math.sqrt(5)))),
                             "A and B are swapped: lora_down (A) starts at zero"),
    "b_random": (linear(init=lambda self: (nn.init.kaiming_uniform_(self.lora_down.weight, a=math.sqrt(5)),
                                           nn.init.normal_(self.lora_up.weight))), "B (lora_up.weight) must start at zero"),
    "both_zero": (linear(init=zero_both), "A and B both start at zero"),
    "kaiming_without_a": (linear(init=lambda self: (nn.init.kaiming_uniform_(self.lora_down.weight),
                                                    nn.init.zeros_(self.lora_up.weight))),
                          "kaiming_uniform_ without a=math.sqrt(5)"),
    "a_normal": (linear(init=lambda self: (nn.init.normal_(self.lora_down.weight), nn.init.zeros_(self.lora_up.weight))),
                 "a normal distribution"),
    "down_up_order": (linear(forward=lambda self, x: self.lora_down(self.lora_up(self.dropout(x))) * self.factor()),
                      "A and B are applied in the wrong order"),
    "delta_transposed": (linear(delta_weight=lambda self: self.factor() * (self.lora_down.weight.T
                                                                           @ self.lora_up.weight.T)),
                         "delta_weight is transposed"),
    "delta_a_times_b": (linear(delta_weight=lambda self: self.factor() * (self.lora_down.weight @ self.lora_up.weight)),
                        "you multiplied A B"),
    "added_to_the_input": (linear(forward=lambda self, x: x + self.lora_up(self.lora_down(self.dropout(x)))
                                  * self.factor()), "your layer returns its input plus the update"),
    "dropout_in_eval_mode": (linear(forward=lambda self, x: self.lora_up(self.lora_down(F.dropout(x, self.dropout.p)))
                                    * self.factor()), "the dropout is applied even in eval mode"),
    "dropout_on_the_output": (linear(forward=lambda self, x: self.dropout(self.lora_up(self.lora_down(x))
                                                                          * self.factor())),
                              "the dropout is applied to the output"),
    "dropout_forgotten": (linear(forward=lambda self, x: self.lora_up(self.lora_down(x)) * self.factor()),
                          "the dropout is never applied"),
    "bias": (linear(pair=staticmethod(lambda base, rank: (nn.Linear(base.in_features, rank),
                                                          nn.Linear(rank, base.out_features)))), "have no bias"),
    "pair_swapped": (linear(pair=staticmethod(lambda base, rank: (nn.Linear(rank, base.out_features, bias=False),
                                                                  nn.Linear(base.in_features, rank, bias=False)))),
                     "A and B are swapped in pair"),
    "delta_in_place": (linear(delta_weight=delta_in_place), "delta_weight changed the layer's own"),
    "keeps_the_base": (KeepsBase, "keeps the base layer as a submodule"),
}


@pytest.mark.parametrize("mistake", LINEAR_MISTAKES)
def test_lora_linear_mistake_is_named(mistake, capsys):
    cls, words = LINEAR_MISTAKES[mistake]
    diagnosed(check_lora_linear(cls), capsys, words)


LINEAR_VARIANTS = {
    "as_in_the_notebook": Linear,
    "reference": lora.LoRALinear,
    "forward_from_delta_weight": linear(forward=lambda self, x: F.linear(self.dropout(x), self.delta_weight())),
    "alpha_as_a_tensor": linear(factor=lambda self: self.alpha / self.rank * self.scale),
    "functional_dropout_with_training": linear(forward=lambda self, x: self.lora_up(self.lora_down(
        F.dropout(x, self.dropout.p, self.training))) * self.factor()),
    "zeroed_through_data": linear(init=lambda self: (nn.init.kaiming_uniform_(self.lora_down.weight, a=5 ** 0.5),
                                                     self.lora_up.weight.data.zero_())),
}


@pytest.mark.parametrize("variant", LINEAR_VARIANTS)
def test_lora_linear_correct_variants_pass(variant, capsys):
    passes(check_lora_linear(LINEAR_VARIANTS[variant]), capsys)


# ---- §3 LoRAConv2d -------------------------------------------------------------------------------------------

class Conv(Linear):
    @staticmethod
    def pair(base, rank):
        down = nn.Conv2d(base.in_channels, rank, base.kernel_size, base.stride, base.padding, bias=False)
        return down, nn.Conv2d(rank, base.out_channels, 1, bias=False)

    def delta_weight(self):
        down, up = self.lora_down.weight, self.lora_up.weight
        return self.factor() * (up.flatten(1) @ down.flatten(1)).view(up.shape[0], *down.shape[1:])


def conv(**methods):
    return type("LoRAConv2d", (Conv,), methods)


def conv_pair(kernel_on_b=False, stride=True, padding=True, linear_layers=False):
    def pair(base, rank):
        if linear_layers:
            return (nn.Linear(base.in_channels, rank, bias=False), nn.Linear(rank, base.out_channels, bias=False))
        if kernel_on_b:
            return (nn.Conv2d(base.in_channels, rank, 1, bias=False),
                    nn.Conv2d(rank, base.out_channels, base.kernel_size, base.stride, base.padding, bias=False))
        return (nn.Conv2d(base.in_channels, rank, base.kernel_size, base.stride if stride else 1,
                          base.padding if padding else 0, bias=False),
                nn.Conv2d(rank, base.out_channels, 1, bias=False))
    return staticmethod(pair)


def product(self):
    return self.lora_up.weight.flatten(1) @ self.lora_down.weight.flatten(1)


def kernel(self):
    return product(self).view(self.lora_up.weight.shape[0], *self.lora_down.weight.shape[1:])


CONV_MISTAKES = {
    "kernel_on_the_wrong_factor": (conv(pair=conv_pair(kernel_on_b=True)), "the kernel sits on the wrong factor"),
    "no_padding": (conv(pair=conv_pair(padding=False)), "lora_down has no padding"),
    "no_stride": (conv(pair=conv_pair(stride=False)), "lora_down has no stride"),
    "linear_layers": (conv(pair=conv_pair(linear_layers=True)), "are convolutions"),
    "flat_delta": (conv(delta_weight=lambda self: self.factor() * product(self)), "returned the (out, in·k·k) matrix"),
    "reshaped_in_out": (conv(delta_weight=lambda self: self.factor() * product(self).reshape(
        self.lora_down.weight.shape[1], self.lora_up.weight.shape[0], *self.lora_down.weight.shape[2:])),
        "reshaped as (in, out, k, k): the rows"),
    "reshaped_then_transposed": (conv(delta_weight=lambda self: self.factor() * product(self).reshape(
        self.lora_down.weight.shape[1], self.lora_up.weight.shape[0], *self.lora_down.weight.shape[2:]).transpose(0, 1)),
        "and then transposed"),
    "delta_without_alpha_over_rank": (conv(delta_weight=lambda self: self.scale * kernel(self)),
                                      "the factor α/r is missing from delta_weight"),
    "merge_without_scale": (conv(delta_weight=lambda self: float(self.alpha) / self.rank * kernel(self)),
                            "delta_weight leaves out the weight `scale`"),
}


@pytest.mark.parametrize("mistake", CONV_MISTAKES)
def test_lora_conv_mistake_is_named(mistake, capsys):
    cls, words = CONV_MISTAKES[mistake]
    diagnosed(check_lora_conv(cls), capsys, words)


CONV_VARIANTS = {
    "as_in_the_notebook": Conv,
    "reference": lora.LoRAConv2d,
    "einsum": conv(delta_weight=lambda self: self.factor() * torch.einsum(
        "or,rikl->oikl", self.lora_up.weight[:, :, 0, 0], self.lora_down.weight)),
}


@pytest.mark.parametrize("variant", CONV_VARIANTS)
def test_lora_conv_correct_variants_pass(variant, capsys):
    passes(check_lora_conv(CONV_VARIANTS[variant]), capsys)


# ---- §4 inject -----------------------------------------------------------------------------------------------

def inject_with(hook_for, pattern_finds=re.search, freeze=True, layer_args=lambda rank, alpha: (rank, alpha)):
    """A learner's inject; ``hook_for(layer)`` makes the hook (a forward hook, or ("pre", hook) for a pre-hook)."""
    def inject(unet, pattern, rank=4, alpha=None):
        if freeze:
            unet.requires_grad_(False)
        layers = {}
        for name, module in unet.named_modules():
            if isinstance(module, nn.Linear) and pattern_finds(pattern, name):
                layer = lora.LoRALinear(module, *layer_args(rank, alpha))
                hook = hook_for(layer)
                if isinstance(hook, tuple):
                    module.register_forward_pre_hook(hook[1])
                else:
                    module.register_forward_hook(hook)
                layers[name] = layer
        return layers
    return inject


def late_binding(unet, pattern, rank=4, alpha=None):
    unet.requires_grad_(False)
    layers = {}
    for name, module in unet.named_modules():
        if isinstance(module, nn.Linear) and re.search(pattern, name):
            layer = lora.LoRALinear(module, rank, alpha)
            module.register_forward_hook(lambda mod, args, out: out + layer(args[0]))
            layers[name] = layer
    return layers


right_hook = lambda layer: lambda mod, args, out: out + layer(args[0])

INJECT_MISTAKES = {
    "late_binding": (late_binding, "every hook uses the last layer"),
    "re_match": (inject_with(right_hook, pattern_finds=re.match), "you matched with re.match"),
    "added_to_the_input": (inject_with(lambda layer: ("pre", lambda mod, args: (args[0] + layer(args[0]),))),
                           "your hook adds the LoRA to the module's input"),
    "lora_of_the_output": (inject_with(lambda layer: lambda mod, args, out: out + layer(out)),
                           "your hook feeds the module's output to the LoRA layer"),
    "alpha_not_passed": (inject_with(right_hook, layer_args=lambda rank, alpha: (rank,)),
                         "pass both on to LoRALinear"),
    "not_frozen": (inject_with(right_hook, freeze=False), "still require grad"),
    "replaces_the_output": (inject_with(lambda layer: lambda mod, args, out: layer(args[0])), "must not change"),
    "every_linear": (lambda unet, pattern, rank=4, alpha=None: inject_with(right_hook)(unet, ".", rank, alpha),
                     "not the ones the pattern names"),
    "returns_a_list": (lambda unet, pattern, rank=4, alpha=None: list(inject_with(right_hook)(unet, pattern, rank,
                                                                                           alpha).values()),
                       "expected a dict"),
}


@pytest.mark.parametrize("mistake", INJECT_MISTAKES)
def test_inject_mistake_is_named(mistake, capsys):
    fn, words = INJECT_MISTAKES[mistake]
    diagnosed(check_inject(fn), capsys, words)


def add_update(layer, mod, args, out):
    return out + layer(args[0])


INJECT_VARIANTS = {
    "lambda_with_default": inject_with(right_hook),
    "functools_partial": inject_with(lambda layer: functools.partial(add_update, layer)),
    "closure_factory": inject_with(lambda layer: (lambda captured: lambda mod, args, out: out + captured(args[0]))(
        layer)),
}


@pytest.mark.parametrize("variant", INJECT_VARIANTS)
def test_inject_correct_variants_pass(variant, capsys):
    passes(check_inject(INJECT_VARIANTS[variant]), capsys)


# ---- hints in tiers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["low_rank", "LoRALinear", "LoRAConv2d", "inject"])
def test_every_check_is_registered_with_hints_in_words(name, capsys):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "06_lora" and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert "(" not in tier and "=" not in tier, tier  # words, not code


def test_a_second_failure_shows_the_closer_hint_once(capsys):
    cls, _ = LINEAR_MISTAKES["rank_over_alpha"]
    assert "closer hint" not in fails(check_lora_linear(cls), capsys)
    second = fails(check_lora_linear(cls), capsys)
    assert second.count("closer hint (2nd try): pair returns A then B") == 1
    with pytest.raises(progress.NotReady, match="finish §2 `LoRALinear` first"):
        progress.require("LoRALinear")


def stub(*args, **kwargs):
    raise NotImplementedError("write it")


STUBS = {
    "low_rank": (check_low_rank, stub, "low_rank"),
    "LoRALinear.init": (check_lora_linear, linear(init=stub), "init"),
    "LoRALinear.pair": (check_lora_linear, linear(pair=staticmethod(stub)), "stub"),
    "LoRALinear.forward": (check_lora_linear, linear(forward=stub), "stub"),
    "LoRALinear.delta_weight": (check_lora_linear, linear(delta_weight=stub), "stub"),
    "LoRAConv2d.pair": (check_lora_conv, conv(pair=staticmethod(stub)), "stub"),
    "LoRAConv2d.delta_weight": (check_lora_conv, conv(delta_weight=stub), "stub"),
    "inject": (check_inject, stub, "stub"),
}


@pytest.mark.parametrize("part", STUBS)
def test_a_stub_is_not_written_yet_and_its_hint_is_words(part, capsys):
    check, learner, _ = STUBS[part]
    out = fails(check(learner), capsys)
    assert "not written yet" in out.split("\n", 1)[0]
    hint = out.split("hint: ", 1)[1]
    assert "(" not in hint and "=" not in hint, hint
