"""Checks for notebook 07: ControlNet. The hint tensor, the zero convolution, the first training step, the wiring,
guess mode's weights (the Canny steps' checks are in course.checks.canny, re-exported here).

``check_controlnet_forward`` runs the learner's forward over the parts of a ``course.nets.controlnet.ControlNet``
with random weights (zero convolutions included: at zero they would hide a missing or swapped one) and compares the
residuals with ``ControlNet.forward``; ``check_first_step`` runs the learner's first training step on a tiny UNet
and ControlNet and compares its report with ours. Each check tries the usual mistakes (the hint added after the
first skip, the residuals not scaled, the mid residual without its zero conv, guess mode's weights reversed, ...)
on the same input and names the one that gives the learner's result, above the numeric report.
"""
from __future__ import annotations

import copy
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from course.checks import progress
from course.checks.canny import (  # noqa: F401  (notebook 07 imports every check from here)
    canny_test_pictures,
    check_canny,
    check_hysteresis,
    check_non_max_suppression,
    check_sobel,
)
from course.checks.controlnet_forward import check_controlnet_forward, random_controlnet
from course.checks.core import CheckResult, Labelled, describe_error, not_written, type_name, verdict
from course.checks.slips import compare_with_slips
from course.config import UNetConfig
from course.nets.controlnet import ControlNet, guess_mode_scales
from course.nets.unet import UNet

__all__ = ["check_sobel", "check_non_max_suppression", "check_hysteresis", "check_canny", "check_hint_tensor",
           "check_zero_conv", "check_first_step", "check_controlnet_forward", "check_guess_scales",
           "canny_test_pictures"]

HINT_TIERS = (
    "the ControlNet reads its hint as a float32 tensor, channels first, with values from 0 to 1: reorder the axes "
    "and rescale the values.",
    "move the colour axis from last to first, a reordering of the axes and not a reshape, and divide by 255 as "
    "floats; no shift to the range from −1 to 1.",
)
ZERO_TIERS = (
    "build a 1×1 convolution with as many channels out as in, then set every weight and the bias to exactly zero.",
    "PyTorch initialises a new convolution at random; overwrite both its weight and its bias with zeros in place, "
    "keeping them trainable parameters.",
)
FIRST_STEP_TIERS = (
    "run the ControlNet, add its residuals to the frozen UNet's prediction, take the ε loss and backpropagate; "
    "read the largest gradient of each group of weights, take one plain gradient step, and measure again.",
    "the residuals go into the UNet call with x, t and context; the loss is the mean squared error against the "
    "noise. The copied encoder is conv_in, time_embedding, down_blocks and mid_block; the zero convs are "
    "controlnet_down_blocks and controlnet_mid_block.",
    "the step subtracts the learning rate times each gradient, under no_grad; after it, run the updated ControlNet "
    "again for new residuals, and report the largest change of the UNet's prediction from before, and the new loss, "
    "as plain numbers.",
)
GUESS_TIERS = (
    "the weights grow on a log scale from one tenth at the first, highest-resolution residual to 1 at the mid "
    "residual, one weight per down residual plus one for the mid, all times the conditioning scale.",
    "n down residuals and the mid make n + 1 weights: ten to the power of an exponent that goes evenly from −1 to 0, "
    "the first for the first down residual and the last for the mid.",
)
progress.register("hint_tensor", "07_controlnet", "§1", *HINT_TIERS)
progress.register("zero_conv", "07_controlnet", "§2", *ZERO_TIERS)
progress.register("first_step", "07_controlnet", "§2", *FIRST_STEP_TIERS)
progress.register("guess_scales", "07_controlnet", "§5", *GUESS_TIERS)


# ---- the hint as a tensor ----------------------------------------------------------------------------------

def _hint_reference(picture: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(picture).permute(2, 0, 1).float() / 255


HINT_SLIPS = [
    ("the values go up to 255: divide by 255 so the hint is in [0, 1], as the ControlNet was trained (diffusers' "
     "control image processor does the same).", lambda p: torch.from_numpy(p).permute(2, 0, 1).float()),
    ("the hint was scaled to [−1, 1], like the VAE's input; the ControlNet takes it in [0, 1] (just divide by 255).",
     lambda p: torch.from_numpy(p).permute(2, 0, 1).float() / 127.5 - 1),
    ("the axes were reshaped, not reordered: reshape keeps the memory order, so it scatters the pixels of (H, W, 3) "
     "over (3, H, W). Move the channel axis with permute(2, 0, 1).",
     lambda p: torch.from_numpy(p).reshape(3, *p.shape[:2]).float() / 255),
    ("the channels are still last, (H, W, 3): the ControlNet takes (3, H, W), channels first (permute(2, 0, 1)).",
     lambda p: torch.from_numpy(p).float() / 255),
    ("height and width are swapped too: permute(2, 1, 0) gives (3, W, H); only the channel axis moves: "
     "permute(2, 0, 1).", lambda p: torch.from_numpy(p).permute(2, 1, 0).float() / 255),
    ("the tensor is float64 (numpy's division): make it float32, the dtype of the networks' weights.",
     lambda p: torch.from_numpy(p / 255).permute(2, 0, 1)),
    ("the division was an integer one (// 255), which leaves 0 or 1 only: convert to float, then divide by 255.",
     lambda p: torch.from_numpy(p // 255).permute(2, 0, 1)),
    ("the values were divided by 255 in uint8 then converted, or rounded: convert to float32 first, then divide.",
     lambda p: (torch.from_numpy(p).permute(2, 0, 1).float() / 255).round()),
]


def check_hint_tensor(fn: Callable) -> CheckResult:
    """``fn(picture)``: (H, W, 3) uint8 -> (3, H, W) float32 in [0, 1]."""
    rng = np.random.default_rng(3)
    edges = canny_test_pictures()["blue triangle"]
    edge_map = np.repeat(np.where(edges > 100, 255, 0).astype(np.uint8)[:, :, None], 3, axis=2)
    wide = rng.integers(0, 256, (6, 10, 3), dtype=np.uint8)
    inputs = [(Labelled(edge_map, f"an edge map {edge_map.shape} uint8, 0 or 255"),),
              (Labelled(wide, f"a colour picture {wide.shape} uint8 (a depth or pose hint need not be grey)"),)]
    return compare_with_slips(fn, _hint_reference, inputs, HINT_SLIPS, name="hint_tensor", hint=HINT_TIERS[0])


# ---- the zero convolution ----------------------------------------------------------------------------------

def _zero_conv_problem(conv, channels: int) -> str | None:
    """The first thing that makes ``conv`` not a zero convolution of ``channels``, in words; None when it is one."""
    name = f"zero_conv({channels})"
    if not isinstance(conv, nn.Conv2d):
        return (f"{name} returned {type_name(conv)}: a zero convolution is an nn.Conv2d (a Linear would need the "
                "feature maps flattened, and would not load the ControlNet's weights).")
    if (conv.in_channels, conv.out_channels) != (channels, channels):
        return (f"{name} maps {conv.in_channels} channels to {conv.out_channels}: a zero conv keeps the channels "
                f"(in = out = {channels}), since its output is added to a skip of the same shape.")
    if conv.kernel_size != (1, 1):
        return (f"{name} has a {conv.kernel_size[0]}×{conv.kernel_size[1]} kernel: a zero conv is 1×1 (it mixes "
                "channels, not neighbouring pixels).")
    if conv.stride != (1, 1) or conv.padding not in ((0, 0), "valid") or conv.dilation != (1, 1):
        return (f"{name} has stride {conv.stride} and padding {conv.padding}: a 1×1 zero conv keeps the feature map's "
                "size, so stride 1 and no padding.")
    if conv.bias is None:
        return (f"{name} has no bias: diffusers' zero convs have one (weight and bias), so real ControlNet weights "
                "would not load.")
    weight, bias = bool(conv.weight.any()), bool(conv.bias.any())
    if weight and bias:
        return (f"{name} is not zero-initialised (max |w| = {conv.weight.abs().max().item():.3g}): PyTorch's default "
                "init is random. Set the weight and the bias to zero after building it.")
    if bias:
        return (f"{name}: the weight is zero but the bias still has PyTorch's random init (max |b| = "
                f"{conv.bias.abs().max().item():.3g}): zero it too, or every skip gets a constant added at the start.")
    if weight:
        return (f"{name}: the bias is zero but the weight still has PyTorch's random init (max |w| = "
                f"{conv.weight.abs().max().item():.3g}): zero it too.")
    if not (conv.weight.requires_grad and conv.bias.requires_grad):
        return (f"{name}: the zeros are there, but the weight or bias does not require grad: a zero conv must train "
                "(zero it in place, under no_grad or with nn.init.zeros_, keeping it an nn.Parameter).")
    return None


def check_zero_conv(fn: Callable) -> CheckResult:
    """``fn(channels)`` -> an nn.Conv2d(channels, channels, 1) whose weight and bias are exactly 0, trainable."""
    name = "zero_conv"
    for channels in (4, 32, 320):
        try:
            conv = fn(channels)
        except NotImplementedError as error:
            return not_written(name, ZERO_TIERS[0], error)
        except Exception as error:  # the learner's bug
            return verdict(False, f"✗ {name}: {name}({channels}) raised {describe_error(error)}\n"
                                  f"  hint: {ZERO_TIERS[0]}")
        problem = _zero_conv_problem(conv, channels)
        if problem:
            return verdict(False, f"✗ {name}: it looks like {problem}\n  hint: {ZERO_TIERS[0]}")
    return verdict(True, f"✓ {name}: a 1×1 convolution, channels in = out, weight and bias exactly 0 and trainable "
                         "(for 4, 32 and 320 channels).")


# ---- the first training step -------------------------------------------------------------------------------

COPY_PART = ("conv_in", "time_embedding", "down_blocks", "mid_block")
ZERO_PART = ("controlnet_down_blocks", "controlnet_mid_block")


def _first_step(net, unet, x, t, context, hint, lr=1e-3, *, sign=-1.0, use_lr=True, stale=False, swap=False,
                stat="max", target="noise", numbers=True):
    """notebook 07's ``first_step``; the keywords make one mistake each."""
    with torch.enable_grad():  # slips are tried under no_grad; this one needs its backward pass
        return _first_step_body(net, unet, x, t, context, hint, lr, sign, use_lr, stale, swap, stat, target, numbers)


def _first_step_body(net, unet, x, t, context, hint, lr, sign, use_lr, stale, swap, stat, target, numbers):
    net = copy.deepcopy(net)
    noise = torch.randn(x.shape, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        before = unet(x, t, context)
    down, mid = net(x, t, context, hint)
    loss = F.mse_loss(unet(x, t, context, down, mid), noise if target == "noise" else x)
    loss.backward()

    def largest(prefixes):
        values = [(p.grad.abs().max() if stat == "max" else p.grad.abs().mean()) if p.grad is not None
                  else torch.tensor(0.0) for name, p in net.named_parameters() if name.startswith(prefixes)]
        return max(v.item() for v in values)

    copied, zero = largest(COPY_PART), largest(ZERO_PART)
    with torch.no_grad():
        at_start = (unet(x, t, context, down, mid) - before).abs().max()
        for p in net.parameters():
            if p.grad is not None:
                p += sign * (lr if use_lr else 1.0) * p.grad
        after_pred = unet(x, t, context, *((down, mid) if stale else net(x, t, context, hint)))
        after, loss_after = (after_pred - before).abs().max(), F.mse_loss(after_pred, noise)
    report = {"change at the start": at_start, "loss at the start": loss.detach(),
              "max |grad|, copied encoder": zero if swap else copied,
              "max |grad|, zero convs": copied if swap else zero,
              "change after one step": after, "loss after one step": loss_after}
    return {k: (float(v) if numbers else torch.as_tensor(v)) for k, v in report.items()}


FIRST_STEP_SLIPS = [
    ("the step went uphill: the loss after it is higher. Subtract the learning rate times the gradient (gradient "
     "descent), do not add it.", lambda *a: _first_step(*a, sign=1.0)),
    ("the step ignored the learning rate: subtract lr times the gradient, not the gradient itself.",
     lambda *a: _first_step(*a, use_lr=False)),
    ("the change after the step was measured with the residuals computed before it: run the updated ControlNet again "
     "for new residuals, then call the UNet with them.", lambda *a: _first_step(*a, stale=True)),
    ("the two groups are swapped: the copied encoder is conv_in, time_embedding, down_blocks and mid_block; the zero "
     "convs are controlnet_down_blocks and controlnet_mid_block.", lambda *a: _first_step(*a, swap=True)),
    ("you reported the mean |gradient| of each weight; the report asks for the largest: the max of |grad| over "
     "every weight of the group.", lambda *a: _first_step(*a, stat="mean")),
    ("the loss compares the UNet's prediction with x, the latent; the UNet predicts the noise, so the target is "
     "noise.", lambda *a: _first_step(*a, target="x")),
    ("the report's values are tensors: turn each into a plain number (item or float).",
     lambda *a: _first_step(*a, numbers=False)),
]
FIRST_STEP_ERRORS = [
    ("does not require grad", "the loss does not depend on the ControlNet: give its residuals (down, mid) to the UNet "
                              "call, so the gradient flows back through them into the ControlNet."),
    ("'NoneType' object has no attribute", "a gradient is None: call loss.backward() before reading .grad (and skip "
                                           "the parameters that get none)."),
    ("leaf Variable that requires grad", "the weights were updated while autograd was recording: take the step "
                                         "inside torch.no_grad()."),
]


def _tiny_unet() -> UNet:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        return UNet(UNetConfig.tiny()).eval().requires_grad_(False)


def _first_step_inputs() -> list[tuple]:
    unet = _tiny_unet()
    with torch.random.fork_rng(devices=[]):  # the learner's random state stays as it was
        torch.manual_seed(1)
        fresh = ControlNet.from_unet(unet, conditioning_embedding_out_channels=(16, 32))
    noisy = random_controlnet(fresh.config, seed=2)
    g = torch.Generator().manual_seed(5)
    x, t = torch.randn(2, 4, 8, 8, generator=g), torch.tensor([999, 250])
    context, hint = torch.randn(2, 5, 32, generator=g), torch.rand(2, 3, 16, 16, generator=g)
    batch = (Labelled(unet, "unet (UNetConfig.tiny(), frozen)"), Labelled(x, "x (2, 4, 8, 8)"),
             Labelled(t, "t [999, 250]"), Labelled(context, "context (2, 5, 32)"),
             Labelled(hint, "hint (2, 3, 16, 16)"))
    return [(Labelled(fresh, "ControlNet.from_unet(unet): zero convs at 0"), *batch, 0.5),
            (Labelled(noisy, "a ControlNet with random zero convs"), *batch, 0.05)]


def check_first_step(fn: Callable) -> CheckResult:
    """``fn(net, unet, x, t, context, hint, lr)`` -> the report dict of notebook 07's §2, on a tiny UNet."""
    return compare_with_slips(fn, _first_step, _first_step_inputs(), FIRST_STEP_SLIPS, name="first_step",
                              hint=FIRST_STEP_TIERS[0], atol=1e-6, rtol=1e-4, errors=FIRST_STEP_ERRORS)


# ---- guess mode's weights ----------------------------------------------------------------------------------

GUESS_SLIPS = [
    ("the weights are in reverse order: the first (highest-resolution) residual gets 0.1, the mid residual, last, "
     "gets 1.", lambda n, s: guess_mode_scales(n, s).flip(0)),
    ("the weights are evenly spaced from 0.1 to 1; they are evenly spaced in the exponent: 10^(k/n − 1).",
     lambda n, s: torch.linspace(0.1, 1.0, n + 1) * s),
    ("there are n weights, one per down residual; the mid residual needs one too, the last: n + 1 in all.",
     lambda n, s: torch.logspace(-1, 0, n) * s),
    ("the conditioning scale was left out: every weight is multiplied by it.", lambda n, s: guess_mode_scales(n, 1.0)),
    ("the exponent goes from 0 to 1, giving 1 … 10; it goes from −1 to 0 (0.1 … 1): 10^(k/n − 1).",
     lambda n, s: torch.logspace(0, 1, n + 1) * s),
    ("the base is e, not 10: the weights are 10^(k/n − 1), from 0.1 to 1.",
     lambda n, s: torch.exp(torch.linspace(-1, 0, n + 1)) * s),
]


def check_guess_scales(fn: Callable) -> CheckResult:
    """``fn(n, scale)`` -> the n + 1 guess-mode weights (n down residuals, then the mid one), a float tensor."""
    inputs = [(12, 1.0), (4, 0.5), (6, 2.0), (1, 1.0)]
    return compare_with_slips(fn, guess_mode_scales, inputs, GUESS_SLIPS, name="guess_scales", hint=GUESS_TIERS[0],
                              atol=1e-6, rtol=1e-5)
