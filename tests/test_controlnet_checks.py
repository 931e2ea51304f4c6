"""Notebook 07's checks (course.checks.controlnet, canny, controlnet_forward): the right answers, written in several
ways, pass; each usual mistake, written as a learner would, gets its own diagnosis above the numeric report."""
import copy
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn
from verdicts import fails, passes

from course.checks import controlnet as checks
from course.checks import progress
from course.io import canny as ref
from course.nets.controlnet import ControlNet, ControlNetConfig, guess_mode_scales, zero_conv

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_learner_notebooks import code_in  # noqa: E402  (the detector of code in hints)

SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.int32)


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


def diagnosis(out: str) -> str:
    return out.split("\n", 1)[0]


def named(out: str, words: str) -> bool:
    """The verdict's first line names the mistake: "✗ name: it looks like ... <words> ..."."""
    return "it looks like" in diagnosis(out) and words in diagnosis(out)


# ---- the learner's Canny, with switches for the mistakes -------------------------------------------------------

def my_sobel(gray, pad="edge", kx=SOBEL_X, dtype=np.int32, out=None, swap=False, flip=(1, 1)):
    H, W = gray.shape
    p = np.pad(gray.astype(dtype), 1, mode=pad)
    gx, gy = np.zeros((H, W), dtype), np.zeros((H, W), dtype)
    for dy in range(3):
        for dx in range(3):
            gx += (kx[dy, dx] * p[dy:dy + H, dx:dx + W]).astype(dtype)
            gy += (kx.T[dy, dx] * p[dy:dy + H, dx:dx + W]).astype(dtype)
    gx, gy = flip[0] * gx, flip[1] * gy
    if out is not None:
        gx, gy = gx.astype(out), gy.astype(out)
    return (gy, gx) if swap else (gx, gy)


def my_nms(magnitude, gx, gy, before=">", after=">=", same_sign_pair=((-1, -1), (1, 1)), hv=False, pad="constant",
           mask=False):
    H, W = magnitude.shape
    m = np.pad(magnitude, 1, mode=pad)

    def nb(dy, dx):
        return m[1 + dy:1 + dy + H, 1 + dx:1 + dx + W]

    op = {">": np.greater, ">=": np.greater_equal}
    c = magnitude
    ax, ay = np.abs(gx).astype(np.int64), np.abs(gy).astype(np.int64) * 2 ** 15
    horizontal = ay < ax * 13573
    vertical = ~horizontal & (ay > ax * 13573 + ax * 2 ** 16)
    if hv:
        horizontal, vertical = vertical, horizontal
    other_pair = ((-1, 1), (1, -1)) if same_sign_pair == ((-1, -1), (1, 1)) else ((-1, -1), (1, 1))
    same = (gx > 0) == (gy > 0)
    keep = np.where(horizontal, op[before](c, nb(0, -1)) & op[after](c, nb(0, 1)),
                    np.where(vertical, op[before](c, nb(-1, 0)) & op[after](c, nb(1, 0)),
                             np.where(same, (c > nb(*same_sign_pair[0])) & (c > nb(*same_sign_pair[1])),
                                      (c > nb(*other_pair[0])) & (c > nb(*other_pair[1])))))
    return keep if mask else np.where(keep, magnitude, 0)


def my_hysteresis(thin, low, high, eight=True, rounds=None, strict=True, weak_only=True):
    gt = np.greater if strict else np.greater_equal
    weak, edges = gt(thin, low), gt(thin, high)
    n = 0
    while rounds is None or n < rounds:
        p = np.pad(edges, 1)
        near = p[:-2, 1:-1] | p[2:, 1:-1] | p[1:-1, :-2] | p[1:-1, 2:]
        if eight:
            near |= p[:-2, :-2] | p[:-2, 2:] | p[2:, :-2] | p[2:, 2:]
        grown = (edges | near) & weak if weak_only else edges | near
        n += 1
        if (grown == edges).all():
            break
        edges = grown
    return edges


def my_canny(gray, low=100, high=200, l2=False, swap_thresholds=False, nms=True, order=True, times=255,
             fixed=False):
    if fixed:
        low, high = 100, 200
    gx, gy = my_sobel(gray)
    magnitude = np.hypot(gx, gy) if l2 else np.abs(gx) + np.abs(gy)
    thin = (my_nms(magnitude, gx, gy) if order else my_nms(magnitude, gy, gx)) if nms else magnitude
    edges = my_hysteresis(thin, high, low) if swap_thresholds else my_hysteresis(thin, low, high)
    return edges if times is None else edges.astype(np.uint8) * times


def test_the_reference_and_learner_versions_pass(capsys):
    passes(checks.check_sobel(ref.sobel), capsys)
    passes(checks.check_sobel(my_sobel), capsys)
    passes(checks.check_non_max_suppression(ref.non_max_suppression), capsys)
    passes(checks.check_non_max_suppression(my_nms), capsys)
    passes(checks.check_hysteresis(ref.hysteresis), capsys)
    passes(checks.check_hysteresis(my_hysteresis), capsys)
    passes(checks.check_canny(lambda gray, low, high: ref.canny_steps(gray, low, high)["edges"]), capsys)
    passes(checks.check_canny(my_canny), capsys)


SOBEL_MISTAKES = {
    "zero border": (lambda g: my_sobel(g, pad="constant"), "the border was padded with zeros"),
    "gx and gy swapped": (lambda g: my_sobel(g, swap=True), "gx and gy are swapped"),
    "convolution (both signs flipped)": (lambda g: my_sobel(g, flip=(-1, -1)), "the signs are flipped"),
    "gx's sign flipped": (lambda g: my_sobel(g, flip=(-1, 1)), "gx has the wrong sign"),
    "gy's sign flipped": (lambda g: my_sobel(g, flip=(1, -1)), "gy has the wrong sign"),
    "uint8 arithmetic": (lambda g: my_sobel(g, dtype=np.uint8), "the values wrapped around: the sums were kept in "
                                                                "uint8"),
    "uint8, converted at the end": (lambda g: my_sobel(g, dtype=np.uint8, out=np.int32), "the values wrapped around: "
                                                                                         "something was computed"),
    "Prewitt weights": (lambda g: my_sobel(g, kx=np.array([[-1, 0, 1]] * 3)), "the side columns are weighted 1, 1, 1"),
    "float output": (lambda g: my_sobel(g, out=np.float64), "the arrays are float64"),
    "int64 output": (lambda g: my_sobel(g, dtype=np.int64), "the arrays are int64"),
}


@pytest.mark.parametrize("mistake", SOBEL_MISTAKES)
def test_sobel_mistakes_are_named(mistake, capsys):
    fn, words = SOBEL_MISTAKES[mistake]
    out = fails(checks.check_sobel(fn), capsys)
    assert named(out, words) and "first mismatch" in out


NMS_MISTAKES = {
    "ties kept on both sides": (lambda m, gx, gy: my_nms(m, gx, gy, before=">=", after=">="),
                                "ties are kept on both sides"),
    "both comparisons strict": (lambda m, gx, gy: my_nms(m, gx, gy, before=">", after=">"),
                                "both comparisons are strict"),
    "tie rule reversed": (lambda m, gx, gy: my_nms(m, gx, gy, before=">=", after=">"),
                          "the tie rule is the wrong way round"),
    "diagonals swapped": (lambda m, gx, gy: my_nms(m, gx, gy, same_sign_pair=((-1, 1), (1, -1))),
                          "the diagonals are swapped"),
    "horizontal and vertical swapped": (lambda m, gx, gy: my_nms(m, gx, gy, hv=True),
                                        "horizontal and vertical are swapped"),
    "border repeated": (lambda m, gx, gy: my_nms(m, gx, gy, pad="edge"), "the magnitude was padded by repeating"),
    "mask returned": (lambda m, gx, gy: my_nms(m, gx, gy, mask=True), "you returned the mask"),
}


@pytest.mark.parametrize("mistake", NMS_MISTAKES)
def test_non_max_suppression_mistakes_are_named(mistake, capsys):
    fn, words = NMS_MISTAKES[mistake]
    assert named(fails(checks.check_non_max_suppression(fn), capsys), words)


HYSTERESIS_MISTAKES = {
    "no growing": (lambda thin, low, high: thin > high, "only the strong pixels"),
    "low and high swapped": (lambda thin, low, high: my_hysteresis(thin, high, low), "only the strong pixels"),
    "one round": (lambda thin, low, high: my_hysteresis(thin, low, high, rounds=1), "the edges grew one round only"),
    "4 neighbours": (lambda thin, low, high: my_hysteresis(thin, low, high, eight=False), "through 4 neighbours only"),
    "≥ thresholds": (lambda thin, low, high: my_hysteresis(thin, low, high, strict=False), "compared with ≥"),
    "every weak pixel": (lambda thin, low, high: thin > low, "every weak pixel (above low) was kept"),
    "growing into any pixel": (lambda thin, low, high: my_hysteresis(thin, low, high, weak_only=False),
                               "the edges grew into every neighbour"),
}


@pytest.mark.parametrize("mistake", HYSTERESIS_MISTAKES)
def test_hysteresis_mistakes_are_named(mistake, capsys):
    fn, words = HYSTERESIS_MISTAKES[mistake]
    assert named(fails(checks.check_hysteresis(fn), capsys), words)


CANNY_MISTAKES = {
    "thresholds swapped": (lambda g, low, high: my_canny(g, low, high, swap_thresholds=True),
                           "low and high are swapped in the call to hysteresis"),
    "thresholds fixed": (lambda g, low, high: my_canny(g, low, high, fixed=True), "the thresholds 100 and 200 are "
                                                                                  "fixed"),
    "L2 magnitude": (lambda g, low, high: my_canny(g, low, high, l2=True), "the magnitude is the Euclidean norm"),
    "gx, gy order": (lambda g, low, high: my_canny(g, low, high, order=False), "gx and gy reached non_max_suppression"),
    "no suppression": (lambda g, low, high: my_canny(g, low, high, nms=False), "the edges are thick"),
    "edges 1 not 255": (lambda g, low, high: my_canny(g, low, high, times=1), "the edges are 1, not 255"),
    "bool edges": (lambda g, low, high: my_canny(g, low, high, times=None), "you returned hysteresis' boolean edges"),
}


@pytest.mark.parametrize("mistake", CANNY_MISTAKES)
def test_canny_mistakes_are_named(mistake, capsys):
    fn, words = CANNY_MISTAKES[mistake]
    assert named(fails(checks.check_canny(fn), capsys), words)


# ---- the hint as a tensor ---------------------------------------------------------------------------------------

def my_hint(picture):
    return torch.from_numpy(picture).permute(2, 0, 1).float() / 255


HINT_MISTAKES = {
    "not divided by 255": (lambda p: torch.from_numpy(p).permute(2, 0, 1).float(), "the values go up to 255"),
    "[-1, 1]": (lambda p: my_hint(p) * 2 - 1, "the hint was scaled to [−1, 1]"),
    "reshape, not permute": (lambda p: torch.tensor(p).reshape(3, p.shape[0], p.shape[1]).float() / 255,
                             "the axes were reshaped, not reordered"),
    "channels last": (lambda p: torch.from_numpy(p).float() / 255, "the channels are still last"),
    "H and W swapped": (lambda p: torch.from_numpy(p).permute(2, 1, 0).float() / 255, "height and width are swapped"),
    "float64": (lambda p: torch.from_numpy(p / 255).permute(2, 0, 1), "the tensor is float64"),
    "integer division": (lambda p: torch.from_numpy(p).permute(2, 0, 1) // 255, "the division was an integer one"),
}


def test_hint_tensor_right_answers_pass(capsys):
    passes(checks.check_hint_tensor(my_hint), capsys)
    passes(checks.check_hint_tensor(lambda p: torch.tensor(np.moveaxis(p, -1, 0), dtype=torch.float32) / 255.0),
           capsys)


@pytest.mark.parametrize("mistake", HINT_MISTAKES)
def test_hint_tensor_mistakes_are_named(mistake, capsys):
    fn, words = HINT_MISTAKES[mistake]
    assert named(fails(checks.check_hint_tensor(fn), capsys), words)


# ---- the zero convolution ---------------------------------------------------------------------------------------

def conv_with(kernel=1, out=None, bias=True, zero_weight=True, zero_bias=True, padding=0, frozen=False):
    def zero_conv(channels):
        conv = nn.Conv2d(channels, out or channels, kernel, padding=padding, bias=bias)
        if zero_weight:
            nn.init.zeros_(conv.weight)
        if zero_bias and bias:
            nn.init.zeros_(conv.bias)
        if frozen:
            conv.requires_grad_(False)
        return conv
    return zero_conv


def test_zero_conv_right_answers_pass(capsys):
    passes(checks.check_zero_conv(zero_conv), capsys)

    def by_hand(channels):
        conv = nn.Conv2d(channels, channels, 1)
        with torch.no_grad():
            conv.weight.zero_()
            conv.bias.zero_()
        return conv

    passes(checks.check_zero_conv(by_hand), capsys)


ZERO_CONV_MISTAKES = {
    "default init": (conv_with(zero_weight=False, zero_bias=False), "is not zero-initialised"),
    "bias left random": (conv_with(zero_bias=False), "the weight is zero but the bias still has PyTorch's random "
                                                     "init"),
    "weight left random": (conv_with(zero_weight=False), "the bias is zero but the weight still has PyTorch's random "
                                                         "init"),
    "3×3 kernel": (conv_with(kernel=3, padding=1), "has a 3×3 kernel: a zero conv is 1×1"),
    "no bias": (conv_with(bias=False), "has no bias"),
    "channels doubled": (conv_with(out=8), "maps 4 channels to 8"),
    "padding": (conv_with(padding=1), "has stride (1, 1) and padding (1, 1)"),
    "frozen": (conv_with(frozen=True), "does not require grad"),
    "a Linear": (lambda c: nn.Linear(c, c), "returned a Linear"),
}


@pytest.mark.parametrize("mistake", ZERO_CONV_MISTAKES)
def test_zero_conv_mistakes_are_named(mistake, capsys):
    fn, words = ZERO_CONV_MISTAKES[mistake]
    out = fails(checks.check_zero_conv(fn), capsys)
    assert named(out, words)


# ---- the first training step ------------------------------------------------------------------------------------

def first_step_with(sign=-1, lr_used=True, stale=False, swap=False, mean=False, target="noise", items=True,
                    residuals=True):
    """notebook 07's first_step, as a learner writes it, with one thing changed."""
    def first_step(net, unet, x, t, context, hint, lr=1e-3):
        net = copy.deepcopy(net)
        noise = torch.randn(x.shape, generator=torch.Generator().manual_seed(1))
        with torch.no_grad():
            before = unet(x, t, context)
        down, mid = net(x, t, context, hint)
        pred = unet(x, t, context, down, mid) if residuals else unet(x, t, context)
        loss = F.mse_loss(pred, noise if target == "noise" else x)
        loss.backward()
        copy_part = ("down_blocks", "mid_block", "conv_in", "time_embedding")
        zero_part = ("controlnet_down_blocks", "controlnet_mid_block")
        if swap:
            copy_part, zero_part = zero_part, copy_part
        stat = (lambda g: g.abs().mean()) if mean else (lambda g: g.abs().max())
        grads = {n: stat(p.grad).item() if p.grad is not None else 0.0 for n, p in net.named_parameters()}
        with torch.no_grad():
            start = (unet(x, t, context, down, mid) - before).abs().max()
            for p in net.parameters():
                if p.grad is not None:
                    p.add_(p.grad, alpha=sign * (lr if lr_used else 1.0))
            after_pred = unet(x, t, context, down, mid) if stale else unet(x, t, context, *net(x, t, context, hint))
        values = {"change at the start": start, "loss at the start": loss.detach(),
                  "max |grad|, copied encoder": torch.tensor(max(v for k, v in grads.items()
                                                                 if k.startswith(copy_part))),
                  "max |grad|, zero convs": torch.tensor(max(v for k, v in grads.items() if k.startswith(zero_part))),
                  "change after one step": (after_pred - before).abs().max(),
                  "loss after one step": F.mse_loss(after_pred, noise)}
        return {k: v.item() for k, v in values.items()} if items else values
    return first_step


def test_first_step_right_answer_passes(capsys):
    passes(checks.check_first_step(first_step_with()), capsys)


FIRST_STEP_MISTAKES = {
    "gradient ascent": (first_step_with(sign=1), "the step went uphill"),
    "no learning rate": (first_step_with(lr_used=False), "the step ignored the learning rate"),
    "stale residuals after the step": (first_step_with(stale=True), "measured with the residuals computed before"),
    "groups swapped": (first_step_with(swap=True), "the two groups are swapped"),
    "mean |grad|": (first_step_with(mean=True), "you reported the mean |gradient|"),
    "x as the target": (first_step_with(target="x"), "the loss compares the UNet's prediction with x"),
    "tensors in the report": (first_step_with(items=False), "the report's values are tensors"),
    "UNet without the residuals": (first_step_with(residuals=False), "the loss does not depend on the ControlNet"),
}


@pytest.mark.parametrize("mistake", FIRST_STEP_MISTAKES)
def test_first_step_mistakes_are_named(mistake, capsys):
    fn, words = FIRST_STEP_MISTAKES[mistake]
    assert named(fails(checks.check_first_step(fn), capsys), words)


def test_first_step_without_backward_or_no_grad_is_explained(capsys):
    def no_backward(net, unet, x, t, context, hint, lr=1e-3):
        net = copy.deepcopy(net)
        down, mid = net(x, t, context, hint)
        F.mse_loss(unet(x, t, context, down, mid), x)
        return {name: p.grad.abs().max().item() for name, p in net.named_parameters()}

    assert "call loss.backward() before reading .grad" in diagnosis(fails(checks.check_first_step(no_backward),
                                                                            capsys))

    def step_with_autograd_on(net, unet, x, t, context, hint, lr=1e-3):
        net = copy.deepcopy(net)
        down, mid = net(x, t, context, hint)
        F.mse_loss(unet(x, t, context, down, mid), x).backward()
        for p in net.parameters():
            p -= lr * p.grad
        return {}

    assert "inside torch.no_grad()" in diagnosis(fails(checks.check_first_step(step_with_autograd_on), capsys))


# ---- the forward ------------------------------------------------------------------------------------------------

def forward_with(hint_at="conv_in", scale_down=True, scale_mid=True, mid="conv", hint_fn=lambda h: h, reverse=False,
                 scale_hint=False, first_skip=True, time_proj=True, encode=True):
    """A learner's controlnet_forward with one thing changed."""
    def controlnet_forward(net, x, t, context, hint, scale=1.0):
        emb = net.time_embedding(net.time_proj(t).to(x.dtype) if time_proj else t.float())
        h = (net.controlnet_cond_embedding(hint_fn(hint)) if encode else hint) * (scale if scale_hint else 1.0)
        if hint_at == "latent":
            x = x + h
        x = net.conv_in(x)
        skips = []
        if hint_at == "conv_in":
            x = x + h
        if first_skip:
            skips.append(x + h if hint_at == "first skip only" else x)
        if hint_at == "after push":
            x = x + h
        for block in net.down_blocks:
            x, pushed = block(x, emb, context)
            skips.extend(pushed)
        x = net.mid_block(x, emb, context)
        down = [conv(s) * (scale if scale_down else 1) for conv, s in zip(net.controlnet_down_blocks, skips)]
        m = {"conv": net.controlnet_mid_block(x), "raw": x, "none": None}[mid]
        if m is not None and scale_mid:
            m = m * scale
        return tuple(down[::-1] if reverse else down), m
    return controlnet_forward


def test_forward_right_answers_pass(capsys):
    passes(checks.check_controlnet_forward(forward_with()), capsys)
    passes(checks.check_controlnet_forward(lambda net, *args: ControlNet.forward(net, *args)), capsys)


FORWARD_MISTAKES = {
    "hint added after the first skip was pushed": (forward_with(hint_at="after push"), "the first residual has no "
                                                                                       "hint in it"),
    "hint only in the first skip": (forward_with(hint_at="first skip only"), "the hint reached only the first skip"),
    "hint added to the latent": (forward_with(hint_at="latent"), "a tensor of the wrong shape was added"),
    "hint not encoded": (forward_with(encode=False), "a tensor of the wrong shape was added"),
    "residuals not scaled": (forward_with(scale_down=False, scale_mid=False), "the residuals are not scaled"),
    "mid residual not scaled": (forward_with(scale_mid=False), "the mid residual is not"),
    "down residuals not scaled": (forward_with(scale_down=False), "the down residuals are not"),
    "scale on the hint": (forward_with(scale_hint=True, scale_down=False, scale_mid=False), "the scale multiplied "
                                                                                           "the encoded hint"),
    "mid without its zero conv": (forward_with(mid="raw"), "the mid residual is the mid block's output itself"),
    "mid residual forgotten": (forward_with(mid="none"), "the mid residual is missing (None)"),
    "residuals reversed": (forward_with(reverse=True), "the down residuals are in reverse order"),
    "conv_in's output not a skip": (forward_with(first_skip=False), "a zero conv got a skip of the wrong width"),
    "hint rescaled to [-1, 1]": (forward_with(hint_fn=lambda h: h * 2 - 1), "the hint was rescaled to [−1, 1]"),
    "time_proj skipped": (forward_with(time_proj=False), "first time_proj turns them into sinusoidal features"),
}


@pytest.mark.parametrize("mistake", FORWARD_MISTAKES)
def test_forward_mistakes_are_named(mistake, capsys):
    fn, words = FORWARD_MISTAKES[mistake]
    assert named(fails(checks.check_controlnet_forward(fn), capsys), words)


def test_the_checks_controlnets_have_nonzero_zero_convs():
    net = checks.random_controlnet(ControlNetConfig.tiny(), 0)
    assert all(bool(conv.weight.any()) for conv in [*net.controlnet_down_blocks, net.controlnet_mid_block])


# ---- guess mode's weights ---------------------------------------------------------------------------------------

def test_guess_scales_right_answers_pass(capsys):
    passes(checks.check_guess_scales(guess_mode_scales), capsys)
    passes(checks.check_guess_scales(lambda n, s: torch.tensor([10 ** (k / n - 1) * s for k in range(n + 1)])),
           capsys)


GUESS_MISTAKES = {
    "reversed": (lambda n, s: torch.tensor([10 ** (-k / n) * s for k in range(n + 1)]), "in reverse order"),
    "linear": (lambda n, s: torch.linspace(0.1, 1, n + 1) * s, "evenly spaced from 0.1 to 1"),
    "no mid weight": (lambda n, s: torch.tensor([10 ** (k / (n - 1) - 1) * s for k in range(n)]) if n > 1
                      else torch.tensor([0.1 * s]), "there are n weights"),
    "scale ignored": (lambda n, s: torch.logspace(-1, 0, n + 1), "the conditioning scale was left out"),
    "exponent 0 to 1": (lambda n, s: torch.tensor([10 ** (k / n) * s for k in range(n + 1)]), "the exponent goes "
                                                                                              "from 0 to 1"),
    "base e": (lambda n, s: torch.exp(torch.linspace(-1, 0, n + 1)) * s, "the base is e"),
}


@pytest.mark.parametrize("mistake", GUESS_MISTAKES)
def test_guess_scales_mistakes_are_named(mistake, capsys):
    fn, words = GUESS_MISTAKES[mistake]
    assert named(fails(checks.check_guess_scales(fn), capsys), words)


# ---- stubs, hints ----------------------------------------------------------------------------------------------

NOTEBOOK_07 = {"sobel": checks.check_sobel, "non_max_suppression": checks.check_non_max_suppression,
               "hysteresis": checks.check_hysteresis, "canny": checks.check_canny,
               "hint_tensor": checks.check_hint_tensor, "zero_conv": checks.check_zero_conv,
               "first_step": checks.check_first_step, "controlnet_forward": checks.check_controlnet_forward,
               "guess_scales": checks.check_guess_scales}


@pytest.mark.parametrize("name", NOTEBOOK_07)
def test_a_stub_is_not_written_yet_and_stops_later_cells(name, capsys):
    def stub(*args):
        raise NotImplementedError("write it")

    out = fails(NOTEBOOK_07[name](stub), capsys)
    assert f"✗ {name}: not written yet" in out and "hint:" in out
    with pytest.raises(progress.NotReady, match=f"`{name}` first"):
        progress.require(name)


@pytest.mark.parametrize("name", NOTEBOOK_07)
def test_every_exercise_has_tiers_in_words_and_points_to_the_solution(name):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "07_controlnet" and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert not code_in(tier, ""), f"{name}: {tier!r} shows code {code_in(tier, '')}"
    assert "solutions/07_controlnet.ipynb" in progress.hint(name, len(exercise.tiers) + 1, quiet=True)


def test_checks_leave_the_global_random_state_alone(capsys):
    torch.manual_seed(123)
    before = torch.get_rng_state()
    checks.check_first_step(first_step_with())
    checks.check_controlnet_forward(forward_with())
    checks.check_hint_tensor(my_hint)
    capsys.readouterr()
    assert torch.equal(before, torch.get_rng_state())


def test_a_second_failure_gives_the_closer_hint_once(capsys):
    wrong = forward_with(scale_mid=False)
    assert "closer hint" not in fails(checks.check_controlnet_forward(wrong), capsys)
    second = fails(checks.check_controlnet_forward(wrong), capsys)
    assert second.count("closer hint (2nd try): the first skip is conv_in's output") == 1
