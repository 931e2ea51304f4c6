"""Notebook 07, §3: the check of the learner's ControlNet forward, the wiring of the parts.

The learner's ``controlnet_forward(net, x, t, context, hint, scale)`` runs over the parts of a
``course.nets.controlnet.ControlNet`` with random weights (zero convolutions included: at zero they would hide a
missing or swapped one) and its residuals are compared with ``ControlNet.forward``. The usual wiring mistakes (the
hint added after conv_in's output was pushed, or only to that first skip; the residuals not scaled; the mid
residual without its zero conv; the hint rescaled to [−1, 1]; ...) are run on the same net and input, and the one
that gives the learner's residuals is named above the numeric report.
"""
from __future__ import annotations

from typing import Callable

import torch

from course.checks import progress
from course.checks.core import CheckResult, Labelled, randn
from course.checks.modules import nudge
from course.checks.slips import compare_with_slips
from course.nets.controlnet import ControlNet, ControlNetConfig

__all__ = ["check_controlnet_forward", "random_controlnet", "CONFIGS"]

FORWARD_TIERS = (
    "embed the timesteps, add the encoded hint to conv_in's output once, run the down blocks and the mid block "
    "collecting every tensor pushed on the skip stack, then put each skip and the mid output through its own zero "
    "conv and multiply every residual by the scale.",
    "the first skip is conv_in's output with the hint already added, and the same tensor goes on into the first "
    "down block. Zero conv k belongs to skip k, in push order; the mid block's output has its own zero conv, "
    "controlnet_mid_block; the scale multiplies the mid residual too.",
    "the timesteps pass through time_proj, then time_embedding; the hint passes through controlnet_cond_embedding as "
    "it is, already in [0, 1]. Return a tuple of the down residuals and the mid residual.",
)
progress.register("controlnet_forward", "07_controlnet", "§3", *FORWARD_TIERS)


def random_controlnet(config: ControlNetConfig, seed: int) -> ControlNet:
    """A ControlNet with random weights everywhere, the zero convs and the hint encoder's last conv included."""
    with torch.random.fork_rng(devices=[]):
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
    "3 levels, 1 layer each, hint ×4": ControlNetConfig(
        block_out_channels=(32, 32, 64), layers_per_block=1,
        down_block_types=("CrossAttnDownBlock2D",) * 2 + ("DownBlock2D",), cross_attention_dim=32, attention_head_dim=4,
        norm_num_groups=8, conditioning_embedding_out_channels=(8, 16, 16)),
}


def _forward(net, x, t, context, hint, scale, *, hint_at="conv_in", hint_range="01", scale_hint=False,
             scale_down=True, scale_mid=True, mid="zero conv", order="push"):
    """ControlNet.forward written out, with one mistake chosen by the keywords."""
    emb = net.time_embedding(net.time_proj(t).to(x.dtype))
    h = net.controlnet_cond_embedding(hint * 2 - 1 if hint_range == "-11" else hint)
    if scale_hint:
        h = h * scale
    x = net.conv_in(x)
    if hint_at == "conv_in":
        x = x + h
        skips = [x]
    elif hint_at == "after push":  # conv_in's output pushed first, the hint added to what goes on
        skips = [x]
        x = x + h
    else:  # "first skip only": the pushed tensor has the hint, the blocks go on without it
        skips = [x + h]
    for block in net.down_blocks:
        x, pushed = block(x, emb, context)
        skips.extend(pushed)
    x = net.mid_block(x, emb, context)
    down = [conv(s) * (scale if scale_down else 1.0) for conv, s in zip(net.controlnet_down_blocks, skips)]
    m = {"zero conv": net.controlnet_mid_block(x), "no zero conv": x, "zeros": torch.zeros_like(x), "none": None}[mid]
    if m is not None and scale_mid:
        m = m * scale
    return (tuple(down[::-1]) if order == "reversed" else tuple(down)), m


def _slip(**variant) -> Callable:
    def run(net, x, t, context, hint, scale):
        with torch.no_grad():
            return _forward(net, x, t, context, hint, scale, **variant)
    return run


FORWARD_SLIPS = [
    ("the first residual has no hint in it: conv_in's output was pushed on the skip stack before the hint was added. "
     "Add the encoded hint to conv_in's output first, then push that sum, and go on with it.",
     _slip(hint_at="after push")),
    ("the hint reached only the first skip, not the tensor that goes on into the down blocks: add it to conv_in's "
     "output, then use that sum both as the first skip and as the blocks' input.", _slip(hint_at="first skip only")),
    ("the residuals are not scaled: multiply every one, the mid residual included, by the conditioning scale "
     "(0 turns the ControlNet off).", _slip(scale_down=False, scale_mid=False)),
    ("the down residuals are scaled but the mid residual is not: the conditioning scale multiplies it too.",
     _slip(scale_mid=False)),
    ("the mid residual is scaled but the down residuals are not: the conditioning scale multiplies every residual.",
     _slip(scale_down=False)),
    ("the scale multiplied the encoded hint instead of the residuals: the hint goes in as it is, and the scale "
     "multiplies what comes out of the zero convs.", _slip(scale_hint=True, scale_down=False, scale_mid=False)),
    ("the mid residual is the mid block's output itself: it goes through its own zero conv, controlnet_mid_block, "
     "then times the scale.", _slip(mid="no zero conv")),
    ("the mid residual is missing (zeros): it is the mid block's output through controlnet_mid_block, times the "
     "scale.", _slip(mid="zeros")),
    ("the mid residual is missing (None): return it with the down residuals, the mid block's output through "
     "controlnet_mid_block, times the scale.", _slip(mid="none")),
    ("the down residuals are in reverse order: the UNet adds them to its skips in push order, from conv_in's output "
     "to the last down block's.", _slip(order="reversed")),
    ("the hint was rescaled to [−1, 1], as the VAE's images are; the ControlNet takes it as it comes, in [0, 1].",
     _slip(hint_range="-11")),
]
FORWARD_ERRORS = [
    ("must match the size of tensor",
     "a tensor of the wrong shape was added: the hint goes through controlnet_cond_embedding (picture size in, "
     "latent size and conv_in's channels out) and is added once, to conv_in's output, before the first down block."),
    ("channels, but got",
     "a zero conv got a skip of the wrong width: the first skip is conv_in's output (with the hint), pushed before "
     "the first down block, and zero conv k goes with skip k, in push order."),
    ("mat1 and mat2 shapes cannot be multiplied",
     "the timesteps went into time_embedding as they are: first time_proj turns them into sinusoidal features."),
]


def check_controlnet_forward(fn: Callable) -> CheckResult:
    """``fn(net, x, t, context, hint, scale)`` -> (tuple of down residuals, mid residual), using net's parts."""
    cases = []
    for n, (label, config) in enumerate(CONFIGS.items()):
        net = random_controlnet(config, seed=n)
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

    learner.__name__ = getattr(fn, "__name__", "controlnet_forward")
    return compare_with_slips(learner if callable(fn) else fn, reference, cases, FORWARD_SLIPS,
                              name="controlnet_forward", hint=FORWARD_TIERS[0], errors=FORWARD_ERRORS)
