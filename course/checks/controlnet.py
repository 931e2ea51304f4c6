"""Checks for notebook 07: ControlNet. The Canny steps against course.io.canny, the zero convolution, the wiring.

The Canny checks call the learner's function and ours (``course.io.canny``, which agrees with OpenCV pixel for pixel)
on the same pictures: flat ones with a step, the course's shapes, and noisy colour blobs with edges of every
direction. ``check_controlnet_forward`` runs the learner's forward over the parts of a ``course.nets.controlnet.
ControlNet`` with random weights (zero convolutions included: at zero they would hide a missing or swapped one)
and compares the residuals with ``ControlNet.forward``.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import torch
from torch import nn

from course.checks.core import CheckResult, Labelled, compare, describe_error, not_written, randn, type_name, verdict
from course.checks.modules import nudge
from course.io import canny as ref
from course.nets.controlnet import ControlNet, ControlNetConfig
from course.training import data

__all__ = ["check_sobel", "check_non_max_suppression", "check_hysteresis", "check_canny", "check_zero_conv",
           "check_controlnet_forward", "canny_test_pictures"]


def canny_test_pictures() -> dict[str, np.ndarray]:
    """Grey (H, W) uint8 pictures: a vertical and a diagonal step, two course shapes (grey), noisy blobs."""
    step = np.zeros((12, 12), np.uint8)
    step[:, 6:] = 200
    y, x = np.mgrid[0:16, 0:16]
    diagonal = np.where(x + y > 15, 180, 20).astype(np.uint8)
    rng = np.random.default_rng(7)
    shapes = {f"{s.colour} {s.shape}": data.render(s, 32, rng=rng).mean(axis=2).astype(np.uint8)
              for s in (data.Spec("red", "circle", "white", "top left"), data.Spec("blue", "triangle", "yellow",
                                                                                  "center"))}
    coarse = rng.uniform(0, 255, (5, 5))
    blobs = np.kron(coarse, np.ones((8, 8)))[:36, :36] + rng.normal(0, 8, (36, 36))  # blocks with noise
    return {"vertical step": step, "diagonal step": diagonal, **shapes,
            "noisy blocks": np.clip(blobs, 0, 255).astype(np.uint8)}


def _pictures() -> list[tuple]:
    return [(Labelled(p, f"{name} {p.shape}"),) for name, p in canny_test_pictures().items()]


def check_sobel(fn: Callable) -> CheckResult:
    """``fn(gray)``: (H, W) uint8 -> (gx, gy), int arrays, border replicated."""
    return compare(fn, ref.sobel, _pictures(), name="sobel",
                   hint="pad with np.pad(x, 1, mode='edge') (OpenCV's Canny replicates the border), work in int32 "
                        "(uint8 would wrap around below 0), gx = Σ SOBEL_X[dy, dx] · padded[dy:dy+H, dx:dx+W] over "
                        "the 3×3 offsets, gy the same with SOBEL_Y = SOBEL_X.T.")


def _nms_inputs() -> list[tuple]:
    cases = []
    for name, p in canny_test_pictures().items():
        gx, gy, magnitude = ref.gradients(p)
        cases.append((Labelled(magnitude, f"magnitude of {name}"), Labelled(gx, "gx"), Labelled(gy, "gy")))
    return cases


def check_non_max_suppression(fn: Callable) -> CheckResult:
    """``fn(magnitude, gx, gy)`` -> the magnitude where it is a maximum across the edge, else 0."""
    return compare(fn, ref.non_max_suppression, _nms_inputs(), name="non_max_suppression",
                   hint="pad the magnitude with zeros; horizontal when |gy| < tan(22.5°)·|gx| (compare left, right), "
                        "vertical when |gy| > tan(67.5°)·|gx| (above, below), else the diagonal: up-left/down-right "
                        "when gx and gy have the same sign, up-right/down-left otherwise. Keep c > before and "
                        "c >= after (diagonals: > both); tan 22.5° is 13573 / 2**15 in OpenCV's fixed point.")


def check_hysteresis(fn: Callable) -> CheckResult:
    """``fn(thin, low, high)`` -> (H, W) bool edges."""
    cases = []
    for name, p in canny_test_pictures().items():
        gx, gy, magnitude = ref.gradients(p)
        thin = ref.non_max_suppression(magnitude, gx, gy)
        for low, high in ((100, 200), (30, 90)):
            cases.append((Labelled(thin, f"thin edges of {name}"), low, high))
    return compare(fn, ref.hysteresis, cases, name="hysteresis",
                   hint="weak = thin > low, edges = thin > high; then repeat: edges = weak & (edges or any of its 8 "
                        "neighbours is an edge), until nothing changes (np.pad(edges, 1) and 8 shifted slices).")


def check_canny(fn: Callable) -> CheckResult:
    """``fn(gray, low, high)`` -> (H, W) uint8, 255 on edges: the learner's steps put together, against OpenCV."""
    cases = [(Labelled(p, f"{name} {p.shape}"), 100, 200) for name, p in canny_test_pictures().items()]
    return compare(fn, ref.canny, cases, name="canny",
                   hint="gx, gy = sobel(gray); magnitude = |gx| + |gy|; thin = non_max_suppression(magnitude, gx, gy); "
                        "edges = hysteresis(thin, low, high); return edges.astype(np.uint8) * 255.")


def check_zero_conv(fn: Callable) -> CheckResult:
    """``fn(channels)`` -> an nn.Conv2d(channels, channels, 1) whose weight and bias are exactly 0."""
    name = "zero_conv"
    problems = []
    for channels in (4, 32, 320):
        try:
            conv = fn(channels)
        except NotImplementedError as error:
            return not_written(name, "nn.Conv2d(channels, channels, kernel_size=1), then nn.init.zeros_ on its "
                                     "weight and its bias.", error)
        except Exception as error:  # the learner's bug
            return verdict(False, f"✗ {name}({channels}) raised {describe_error(error)}")
        if not isinstance(conv, nn.Conv2d):
            problems.append(f"{name}({channels}) returned {type_name(conv)}, not an nn.Conv2d")
        elif (conv.in_channels, conv.out_channels, conv.kernel_size) != (channels, channels, (1, 1)):
            problems.append(f"{name}({channels}) is Conv2d({conv.in_channels}, {conv.out_channels}, "
                            f"kernel_size={conv.kernel_size}); expected Conv2d({channels}, {channels}, kernel_size=1)")
        elif conv.bias is None:
            problems.append(f"{name}({channels}) has no bias: diffusers' zero convs have one (its names: weight, bias)")
        elif bool(conv.weight.any()) or bool(conv.bias.any()):
            problems.append(f"{name}({channels}): weight or bias is not all zeros (max |w| = "
                            f"{conv.weight.abs().max().item():.3g}, max |b| = {conv.bias.abs().max().item():.3g})")
        if problems:
            break
    if problems:
        return verdict(False, f"✗ {name}: {problems[0]}.\n  hint: nn.Conv2d(channels, channels, kernel_size=1), "
                              "then nn.init.zeros_(conv.weight) and nn.init.zeros_(conv.bias).")
    return verdict(True, f"✓ {name}: a 1×1 convolution, channels in = out, weight and bias exactly 0 (for 4, 32 and "
                         "320 channels).")


def _random_controlnet(config: ControlNetConfig, seed: int) -> ControlNet:
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        net = ControlNet(config)
        with torch.no_grad():  # the zero convs and the hint encoder's last conv start at 0: move them
            for name, p in net.named_parameters():
                if name.startswith(("controlnet_down_blocks", "controlnet_mid_block",
                                    "controlnet_cond_embedding.conv_out")):
                    p.copy_(0.1 * torch.randn(p.shape))
    return nudge(net.eval(), seed)


CONFIGS = {
    "ControlNetConfig.tiny()": ControlNetConfig.tiny(),
    "3 levels, 1 layer each, hint ×4": ControlNetConfig(block_out_channels=(32, 32, 64), layers_per_block=1,
                                                        down_block_types=("CrossAttnDownBlock2D",) * 2 + ("DownBlock2D",),
                                                        cross_attention_dim=32, attention_head_dim=4, norm_num_groups=8,
                                                        conditioning_embedding_out_channels=(8, 16, 16)),
}


def check_controlnet_forward(fn: Callable) -> CheckResult:
    """``fn(net, x, t, context, hint, scale)`` -> (tuple of down residuals, mid residual), using net's parts."""
    cases = []
    for n, (label, config) in enumerate(CONFIGS.items()):
        net = _random_controlnet(config, seed=n)
        f = config.hint_factor
        for k, (b, size, scale) in enumerate(((2, 8, 1.0), (1, 4, 0.5))):
            x = randn(b, 4, size, size, seed=100 * n + k)
            t = torch.tensor([999, 250][:b])
            context = randn(b, 5, config.cross_attention_dim, seed=100 * n + k + 50)
            hint = torch.rand(b, config.conditioning_channels, size * f, size * f,
                              generator=torch.Generator().manual_seed(k))
            cases.append((Labelled(net, f"ControlNet({label})"), Labelled(x, f"x {tuple(x.shape)}"),
                          Labelled(t, f"t {t.tolist()}"), Labelled(context, f"context {tuple(context.shape)}"),
                          Labelled(hint, f"hint {tuple(hint.shape)}"), scale))

    def reference(net, x, t, context, hint, scale):
        with torch.no_grad():
            return net(x, t, context, hint, scale)

    def learner(net, x, t, context, hint, scale):
        with torch.no_grad():
            return fn(net, x, t, context, hint, scale)

    return compare(learner, reference, cases, name="controlnet_forward",
                   hint="emb = net.time_embedding(net.time_proj(t)); x = net.conv_in(x) + "
                        "net.controlnet_cond_embedding(hint); skips = [x]; for each down block: x, pushed = block(x, "
                        "emb, context), skips.extend(pushed); x = net.mid_block(x, emb, context); then the k-th "
                        "zero conv on the k-th skip, net.controlnet_mid_block on x, and every residual times scale.")

