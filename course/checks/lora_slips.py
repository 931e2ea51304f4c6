"""The mistakes learners make in notebook 06's exercises, each as code computing what it gives, with its sentence.

A slip is ``(words, fn)``: ``fn`` takes what the learner's function takes (for a layer: our layer, holding the
same weights as the learner's, then the inputs) and returns what the mistake returns, or raises what it raises.
course.checks.lora tries them in order on the first input whose result is wrong; the words of the one that matches
go on the verdict's first line after "it looks like". Mistakes that show in a fresh layer's numbers (the
initialisation) or in its parameter names and shapes are read from those directly (``init_diagnosis``,
``fit_diagnosis``).
"""
from __future__ import annotations

import copy
import math
import re

import torch
import torch.nn.functional as F
from torch import nn

from course.checks.core import first_difference

# ---- §1 low_rank -----------------------------------------------------------------------------------------


def _svd(w):
    return torch.linalg.svd(w, full_matrices=False)


def _keep(w, rows):
    u, s, vh = _svd(w)
    return u[:, rows] @ torch.diag(s[rows]) @ vh[rows]


LOW_RANK_SLIPS = [
    ("you kept the k smallest singular values: torch.linalg.svd sorts them largest first, so keep the first k.",
     lambda w, k: _keep(w, slice(-k, None))),
    ("the singular values are missing: the approximation is U_k · diag(s_k) · Vh_k, not U_k · Vh_k.",
     lambda w, k: _svd(w)[0][:, :k] @ _svd(w)[2][:k]),
    ("you took the first k columns of vh (or rows of V): the right singular vectors are the rows of vh, the columns "
     "of V (torch.linalg.svd returns vh, torch.svd returns V).",
     lambda w, k: _svd(w)[0][:, :k] @ torch.diag(_svd(w)[1][:k]) @ _svd(w)[2][:, :k].T),
    ("you kept k + 1 singular values: keep exactly k.", lambda w, k: _keep(w, slice(0, k + 1))),
    ("you kept k − 1 singular values: keep exactly k.", lambda w, k: _keep(w, slice(0, k - 1))),
    ("you returned what is left, w minus its approximation: return the approximation itself.",
     lambda w, k: w - _keep(w, slice(0, k))),
]


# ---- §2 and §3 LoRALinear, LoRAConv2d ----------------------------------------------------------------------

def _factor(layer) -> float:
    return layer.scale * float(layer.alpha) / layer.rank


def _update(layer, x, factor=None, dropout="input"):
    """B(A(dropout(x))) · factor on our layer, with the dropout where ``dropout`` says: input, output or none."""
    factor = _factor(layer) if factor is None else factor
    x = layer.dropout(x) if dropout == "input" else x
    out = layer.lora_up(layer.lora_down(x)) * factor
    return layer.dropout(out) if dropout == "output" else out


def _inverted(layer) -> float:
    return layer.scale * layer.rank / float(layer.alpha)


def _dropout_always(layer, x):
    """What F.dropout(x, p) does with training left at its default, True: dropout even in eval mode."""
    return F.dropout(x, layer.dropout.p, training=True)


SEED = 1234  # every forward of a check, the learner's, ours and the slips', draws its dropout mask from this seed


def as_called(module, fn):
    """``fn()`` as the check calls a layer: in training mode when its case says so, the dropout mask drawn from
    ``SEED``, the global random state left as it was."""
    module.train(getattr(module, "check_training", False))
    try:
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(SEED)
            return fn()
    finally:
        module.eval()


def _as_called(slips):
    return [(words, lambda r, x, slip=slip: as_called(r, lambda: slip(r, x))) for words, slip in slips]


FORWARD_SLIPS = _as_called([
    ("the update is scaled by rank/alpha: it is alpha/rank (α/r), so that with α fixed, changing the rank does not "
     "change the update's size much.", lambda r, x: _update(r, x, _inverted(r))),
    ("the factor α/r is missing: the update is scale · (alpha / rank) · B(A(x)).",
     lambda r, x: _update(r, x, r.scale)),
    ("the weight `scale` is missing from forward: the update is scale · (alpha / rank) · B(A(x)); scale is the "
     "LoRA's weight, A1111's <lora:name:0.5>.", lambda r, x: _update(r, x, float(r.alpha) / r.rank)),
    ("your layer returns its input plus the update: it returns only the update; the hook adds it to the base "
     "layer's output.", lambda r, x: x + _update(r, x)),
    ("A and B are applied in the wrong order: x goes through lora_down (A, in → rank) first, then lora_up (B, "
     "rank → out).", lambda r, x: r.lora_down(r.lora_up(x)) * _factor(r)),
    ("the dropout is applied even in eval mode: F.dropout(x, p) drops in eval mode too (its training flag defaults "
     "to True); use self.dropout, the nn.Dropout module, which model.eval() switches off.",
     lambda r, x: _update(r, _dropout_always(r, x), dropout="none")),
    ("the dropout is applied to the output: it belongs on the input, B(A(dropout(x))).",
     lambda r, x: _update(r, x, dropout="output")),
    ("the dropout is never applied: the update is B(A(dropout(x))), with self.dropout (it drops only in training "
     "mode).", lambda r, x: _update(r, x, dropout="none")),
])


def _linear_delta(r, factor=None, order="BA"):
    factor = _factor(r) if factor is None else factor
    down, up = r.lora_down.weight, r.lora_up.weight
    if down.ndim == 4:  # a conv pair: compare the flattened (out, in·k·k) matrices
        down, up = down.flatten(1), up.flatten(1)
    product = {"BA": lambda: up @ down, "AB": lambda: down @ up, "T": lambda: (up @ down).T}[order]()
    if r.lora_down.weight.ndim == 4 and order == "BA":
        product = product.view(up.shape[0], *r.lora_down.weight.shape[1:])
    return factor * product


DELTA_SLIPS = [
    ("delta_weight is scaled by rank/alpha: it is alpha/rank (α/r).", lambda r: _linear_delta(r, _inverted(r))),
    ("the factor α/r is missing from delta_weight: scale · (alpha / rank) · B A.", lambda r: _linear_delta(r, r.scale)),
    ("delta_weight leaves out the weight `scale`: merging would then add the LoRA at full strength whatever its "
     "weight.", lambda r: _linear_delta(r, float(r.alpha) / r.rank)),
    ("delta_weight is transposed: it must be (out, in) like the base layer's weight, B A (lora_up's weight, out × "
     "rank, times lora_down's, rank × in).", lambda r: _linear_delta(r, order="T")),
    ("you multiplied A B; the update is B A: lora_up's weight (out × rank) times lora_down's (rank × in).",
     lambda r: _linear_delta(r, order="AB")),
]


def _conv_delta(r, shape_as=None):
    down, up = r.lora_down.weight, r.lora_up.weight  # (r, in, k, k), (out, r, 1, 1)
    product = _factor(r) * (up.flatten(1) @ down.flatten(1))
    if shape_as == "flat":
        return product
    if shape_as == "in_out":
        return product.reshape(down.shape[1], up.shape[0], *down.shape[2:])
    return product.reshape(down.shape[1], up.shape[0], *down.shape[2:]).transpose(0, 1)


CONV_DELTA_SLIPS = [
    ("delta_weight returned the (out, in·k·k) matrix: view it as a kernel (out, in, k, k).",
     lambda r: _conv_delta(r, "flat")),
    ("the product was reshaped as (in, out, k, k): the rows of B A are the out channels, so view it as "
     "(out, in, k, k).", lambda r: _conv_delta(r, "in_out")),
    ("the product was reshaped as (in, out, k, k) and then transposed: that scrambles the kernel; view the "
     "(out, in·k·k) product directly as (out, in, k, k).", lambda r: _conv_delta(r, "transposed")),
    *DELTA_SLIPS[:3],
]


def _conv_a(r, x, stride=True, padding=True):
    a = r.lora_down
    h = F.conv2d(x, a.weight, None, a.stride if stride else 1, a.padding if padding else 0)
    return r.lora_up(h) * _factor(r)


CONV_FORWARD_SLIPS = _as_called([
    ("lora_down has no padding: give A the base conv's kernel size, stride and padding, so that its output has the "
     "base's size.", lambda r, x: _conv_a(r, x, padding=False)),
    ("lora_down has no stride: give A the base conv's kernel size, stride and padding, so that its output has the "
     "base's size.", lambda r, x: _conv_a(r, x, stride=False)),
    ("lora_down has neither the base's stride nor its padding: give A the base conv's kernel size, stride and "
     "padding.", lambda r, x: _conv_a(r, x, stride=False, padding=False)),
]) + FORWARD_SLIPS


def init_diagnosis(down: torch.Tensor, up: torch.Tensor) -> str | None:
    """What is wrong with a fresh layer's A (``down``) and B (``up``) weights, in words; None when they start as
    LoRA's do: A Kaiming-uniform, values within ±1/√fan_in (nn.Linear's own init, a = √5), B all zeros."""
    fan_in = down[0].numel()
    bound = 1 / math.sqrt(fan_in)
    a_zero, b_zero = not bool(down.ne(0).any()), not bool(up.ne(0).any())
    spread = down.abs().max().item()
    if a_zero and not b_zero:
        return ("A and B are swapped: lora_down (A) starts at zero and lora_up (B) random. LoRA starts the other way "
                "round: A Kaiming-uniform, B zero (the paper, kohya and peft all do, and trained files assume it).")
    if not b_zero:
        return (f"B (lora_up.weight) must start at zero, so that injecting the LoRA changes nothing at step 0; a fresh "
                f"one has |B| up to {up.abs().max():.3g}, so the model would change before any training.")
    if a_zero:
        return ("A and B both start at zero: then neither ever gets a gradient (B's is ∝ A x, A's ∝ Bᵀ …) and "
                "nothing trains. A starts Kaiming-uniform, B zero.")
    if bound * 1.0001 < spread <= math.sqrt(6) * bound * 1.0001 and spread > 1.5 * bound:
        return (f"A was initialised with kaiming_uniform_ without a=math.sqrt(5): its values reach {spread:.3g}, "
                f"beyond ±{bound:.3g} = 1/√fan_in (fan_in = {fan_in}), the bound nn.Linear's own init gives.")
    if spread > bound * 1.0001:
        return (f"A's values reach {spread:.3g}, beyond ±{bound:.3g} = 1/√fan_in (fan_in = {fan_in}): a normal "
                "distribution (torch.randn, nn.init.normal_) is too wide. Use Kaiming-uniform with a = √5, what "
                "nn.Linear does to its own weight.")
    if spread < 0.5 * bound:
        return (f"A's values stay within ±{spread:.3g}, much narrower than Kaiming-uniform's ±{bound:.3g} = "
                f"1/√fan_in (fan_in = {fan_in}): the update would start too small to train well.")
    return None


def fit_diagnosis(message: str) -> str | None:
    """A sentence for the usual slips of ``pair``, read from the list of names and shapes that do not fit."""
    if "do not fit" not in message:
        return None
    if re.search(r"unexpected[^\n]*lora_(down|up)\.bias", message):
        return ("A and B have no bias (bias=False): the update is B A x alone, and LoRA files have no bias for them.")
    if re.search(r"unexpected[^\n]*\bbase\.", message):
        return ("your layer keeps the base layer as a submodule, so its weights would be trained and saved with the "
                "LoRA: keep only A and B; the hook adds the update to the base layer's output.")
    pairs = {name: (exp, yours) for name, exp, yours in
             re.findall(r"(lora_(?:down|up))\.weight: expected (\([^)]*\)), yours (\([^)]*\))", message)}
    down, up = pairs.get("lora_down"), pairs.get("lora_up")
    if down and up and down[1] == up[0] and up[1] == down[0]:
        return ("A and B are swapped in pair: it returns (A, B), A = lora_down from the input to rank first, then "
                "B = lora_up from rank to the output.")
    if down and down[0].count(",") == 3 and down[1].count(",") == 1:
        return "A and B of a conv LoRA are convolutions (nn.Conv2d), not linear layers."
    if down and down[0].endswith(")") and down[1].endswith("1, 1)") and not down[0].endswith("1, 1)") \
            and (not up or up[1].count(",") == 3):
        return ("the kernel sits on the wrong factor: A (lora_down) has the base's k×k kernel, stride and padding, "
                "B (lora_up) is a 1×1 conv.")
    if down and up and re.search(r"\(\d+, \d+\)", down[0]):
        return "pair's sizes: A goes from the base's in_features to rank, B from rank to its out_features."
    return None


# ---- §4 inject -------------------------------------------------------------------------------------------------

def hooked_copy(unet, layers: dict, how: str):
    """A copy of ``unet`` without the learner's hooks, each adapted module given its layer the way ``how`` says:
    "input" (added to the module's input), "output" (the layer fed the module's output), "last" (every hook uses
    the last layer: a lambda made in a loop that does not bind its layer)."""
    model = copy.deepcopy(unet)
    for module in model.modules():
        module._forward_hooks.clear()
        module._forward_pre_hooks.clear()
    last = list(layers.values())[-1] if layers else None
    for name, layer in layers.items():
        module = model.get_submodule(name)
        if how == "input":
            module.register_forward_pre_hook(lambda mod, args, layer=layer: (args[0] + layer(args[0]), *args[1:]))
        elif how == "output":
            module.register_forward_hook(lambda mod, args, out, layer=layer: out + layer(out))
        else:
            module.register_forward_hook(lambda mod, args, out: out + last(args[0]))
    return model


INJECT_SLIPS = [
    ("every hook uses the last layer: a lambda made in a loop looks its layer up when it runs, after the loop "
     "ended. Bind it as a default argument: lambda mod, args, out, layer=layer: out + layer(args[0]).", "last"),
    ("your hook adds the LoRA to the module's input: add it to the module's output, out + layer(args[0]) in a "
     "forward hook (the LoRA computes the update ΔW x, added next to W₀ x).", "input"),
    ("your hook feeds the module's output to the LoRA layer: it takes the module's input, args[0], the x that W₀ "
     "saw: out + layer(args[0]).", "output"),
]


def hook_slip(unet: nn.Module, layers: dict, inputs: tuple, got: torch.Tensor | None,
              error: Exception | None) -> str | None:
    """The words of the hook slip of INJECT_SLIPS whose UNet gives ``got`` or raises ``error`` on ``inputs``."""
    for words, how in INJECT_SLIPS:
        try:
            with torch.no_grad():
                value = hooked_copy(unet, layers, how)(*inputs)
        except Exception as slip_error:  # a match when the learner's UNet raised the same error
            if error is not None and type(slip_error) is type(error) and str(slip_error) == str(error):
                return words
            continue
        if error is None and first_difference(value, got, 1e-5, 1e-4) is None:
            return words
    return None
