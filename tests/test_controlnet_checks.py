"""course.checks.controlnet: notebook 07's checks pass the reference, and catch the usual mistakes."""
import numpy as np
import torch
from torch import nn

from course.checks import controlnet as checks
from course.io import canny as ref
from course.nets.controlnet import ControlNet, ControlNetConfig, zero_conv


def test_the_reference_passes_every_check():
    assert checks.check_sobel(ref.sobel)
    assert checks.check_non_max_suppression(ref.non_max_suppression)
    assert checks.check_hysteresis(ref.hysteresis)
    assert checks.check_canny(lambda gray, low, high: ref.canny_steps(gray, low, high)["edges"])
    assert checks.check_zero_conv(zero_conv)
    assert checks.check_controlnet_forward(lambda net, *args: ControlNet.forward(net, *args))


def test_a_stub_is_not_written_yet(capsys):
    def stub(*args):
        raise NotImplementedError("write it")
    assert not checks.check_sobel(stub)
    assert not checks.check_zero_conv(stub)
    assert "not written yet" in capsys.readouterr().out


def test_sobel_with_a_zero_border_fails(capsys):
    def zero_border(gray):
        p = np.pad(gray.astype(np.int32), 1)  # zeros, not replicated: edges appear along the border
        H, W = gray.shape
        gx = sum(ref.SOBEL_X[dy, dx] * p[dy:dy + H, dx:dx + W] for dy in range(3) for dx in range(3))
        gy = sum(ref.SOBEL_Y[dy, dx] * p[dy:dy + H, dx:dx + W] for dy in range(3) for dx in range(3))
        return gx, gy
    assert not checks.check_sobel(zero_border)
    assert "mode='edge'" in capsys.readouterr().out


def test_non_max_suppression_with_ties_kept_on_both_sides_fails():
    def both_ge(magnitude, gx, gy):  # >= on both sides: a plateau two pixels wide keeps both
        m = np.pad(magnitude, 1)
        c = m[1:-1, 1:-1]
        horizontal = np.abs(gy) * 2 ** 15 < np.abs(gx) * 13573
        keep = np.where(horizontal, (c >= m[1:-1, :-2]) & (c >= m[1:-1, 2:]), ref.non_max_suppression(
            magnitude, gx, gy) > 0)
        return np.where(keep, magnitude, 0)
    assert not checks.check_non_max_suppression(both_ge)


def test_hysteresis_without_growing_fails():
    assert not checks.check_hysteresis(lambda thin, low, high: thin > high)


def test_zero_conv_mistakes_fail(capsys):
    assert not checks.check_zero_conv(lambda c: nn.Conv2d(c, c, 1))  # default (random) init
    assert "not all zeros" in capsys.readouterr().out

    def three_by_three(c):
        conv = nn.Conv2d(c, c, 3, padding=1)
        nn.init.zeros_(conv.weight)
        nn.init.zeros_(conv.bias)
        return conv
    assert not checks.check_zero_conv(three_by_three)
    assert "expected Conv2d(4, 4, kernel_size=1)" in capsys.readouterr().out
    assert not checks.check_zero_conv(lambda c: nn.Linear(c, c))


def test_controlnet_forward_mistakes_fail(capsys):
    def no_hint(net, x, t, context, hint, scale):
        return ControlNet.forward(net, x, t, context, torch.zeros_like(hint), scale)

    def unscaled(net, x, t, context, hint, scale):
        return ControlNet.forward(net, x, t, context, hint, 1.0)

    def skips_swapped(net, x, t, context, hint, scale):
        down, mid = ControlNet.forward(net, x, t, context, hint, scale)
        return down[::-1], mid
    for wrong in (no_hint, unscaled, skips_swapped):
        assert not checks.check_controlnet_forward(wrong)
    assert "first mismatch" in capsys.readouterr().out


def test_the_checks_controlnets_have_nonzero_zero_convs():
    net = checks._random_controlnet(ControlNetConfig.tiny(), 0)
    assert all(bool(conv.weight.any()) for conv in [*net.controlnet_down_blocks, net.controlnet_mid_block])
