"""Checks for notebook 11: rectified flow (Liu et al. 2022, "Flow Straight and Fast"; Lipman et al. 2022, "Flow
Matching for Generative Modeling") and SD3's MMDiT (Esser et al. 2024, "Scaling Rectified Flow Transformers").

``check_flow_loss(fn, device)``: ``fn(model, x0, noise, sigma, **cond)`` -> the 0-d loss: x_σ = (1 − σ)·x0 + σ·noise,
σ (B,) one per image, ``model(x_σ, σ·1000, **cond)`` (SD3's timesteps) predicts the velocity v = noise − x0, plain
mean squared error (course.sampling.flow's flow_noisy, flow_velocity). A small seeded model reads x, t and the
context, so that each slip gives another number; σ from 0.001 to 0.999; gradients must reach the model.

``check_flow_euler_step(fn, device)``: ``fn(x, v, sigma, sigma_next)`` -> x + (σ_next − σ)·v, σ's Python floats or
0-d tensors. Re-noising the predicted x0 = x − σ·v with the predicted ε = x + (1 − σ)·v at σ_next, (1 − σ_next)·x0 +
σ_next·ε, is exactly that step, so an answer written the DDIM way passes.

``check_patchify(fn, device)``: ``fn(x, p)``: (B, C, H, W) -> (B, (H/p)·(W/p), p·p·C), the tokens row by row over
the grid of patches, each token's numbers in the order (row u within the patch, column v, channel c): the inverse of
the MMDiT's unpatchify. ``check_unpatchify(fn, device)``: ``fn(tokens, h, w, p)``: (B, h·w, p·p·C) -> (B, C, h·p,
w·p), what course.nets.mmdit.MMDiT.forward does to its last layer's output. Every case has h ≠ w and p > 1.

``check_joint_attention(fn, device)``: ``fn(attn, x, context)`` -> (image out (B, N, D), text out (B, T, D) or None
when ``attn.context_pre_only``), against ``attn(x, context)`` for a seeded course.nets.mmdit_blocks.JointAttention
(norms moved off 1 and 0): without QK-norm, with RMS and layer norms, the last block's, N ≠ T and 2 to 4 heads.

When a result is wrong, the usual mistakes (course.checks.flow_slips) are tried on the same input, and the one that
gives the learner's result is named on the verdict's first line; an error is explained from its message and sizes.
"""
from __future__ import annotations

import contextlib
import io
from typing import Callable

import torch
from torch import nn

from course.checks import progress
from course.checks.core import CheckResult, Labelled, describe_error, named, randn, unlabel, verdict
from course.checks.flow_slips import (
    EULER_SLIPS,
    JOINT_SLIPS,
    LOSS_SLIPS,
    PATCHIFY_SLIPS,
    UNPATCHIFY_SLIPS,
    euler_error_words,
    joint_error_words,
    loss_error_words,
    patch_error_words,
)
from course.checks.modules import nudge
from course.checks.slips import bare, compare_with_slips, diagnosed, first_error, unrecorded
from course.nets.mmdit import unpatchify as unpatchify_reference  # what MMDiT.forward unpacks its output with
from course.nets.mmdit_blocks import JointAttention
from course.sampling.flow import flow_noisy, flow_velocity

__all__ = ["check_flow_loss", "check_flow_euler_step", "check_patchify", "check_unpatchify", "check_joint_attention"]

NB = "11_flow"
LOSS_HINT = ("noise x0 along the straight line towards the noise, one σ per image; ask the model for the velocity "
             "there, at the timestep σ times 1000, with the conditioning passed on; compare it with the noise minus "
             "x0 by the mean squared error.")
EULER_HINT = "one Euler step moves x along the predicted velocity v by the change in σ, sigma_next minus sigma."
PATCHIFY_HINT = ("cut the picture into p by p patches, each patch a token: the tokens run row by row over the grid of "
                 "patches, and each token lists its patch's numbers row by row, then column, then channel.")
UNPATCHIFY_HINT = ("undo patchify: split each token into its patch's rows, columns and channels, and put every patch "
                   "back at its place in the grid of h by w patches, the channels first.")
JOINT_HINT = ("make the image's q, k and v with its projections and the text's with the add projections, split both "
              "into heads, join image then text along the tokens, run one attention over the whole, split its output "
              "back at N and pass each part through its own output layer.")
progress.register(
    "flow_loss", NB, "§1", LOSS_HINT,
    "sigma holds one number per image: give it three trailing singleton axes so that it spreads over each image's "
    "channels, rows and columns. The noised picture is one minus σ times x0 plus σ times the noise: σ of zero is the "
    "clean picture, σ of one pure noise.",
    "The target, the noise minus x0, is the same at every σ because the path is straight. The loss is the plain mean "
    "over every number of the batch, with no weight per image; keep it a tensor that gradients flow through, and "
    "hand the model every keyword argument the loss was given.")
progress.register(
    "flow_euler_step", NB, "§2", EULER_HINT,
    "sigma_next is smaller than sigma, so the step is negative: x moves against the velocity, from the noise towards "
    "the picture. The step is measured in σ, not in the model's timesteps, which are a thousand times larger.",
    "Another way to see it: the predicted clean picture is x minus σ times v, the predicted noise x plus one minus σ "
    "times v; mixing them again at sigma_next, one minus sigma_next of the first and sigma_next of the second, gives "
    "exactly the same step. σ may come as a number or as a 0-d tensor: plain arithmetic handles both.")
progress.register(
    "patchify", NB, "§3", PATCHIFY_HINT,
    "View the height as h rows of patches times p rows within a patch, and the width likewise, six axes in all; then "
    "bring the grid's two axes right after the batch, then the row within the patch, the column within it and the "
    "channel last, and merge them into tokens.",
    "A permute changes only the order of the axes; a reshape after it copies the numbers into that order, which a "
    "view cannot do. Test your answer against the MMDiT's own unpacking: it must give the picture back.")
progress.register(
    "unpatchify", NB, "§3", UNPATCHIFY_HINT,
    "View the tokens as the batch, h, w, the row within the patch, the column within it and the channels; then move "
    "the channels right after the batch, each patch's rows next to the grid's rows and its columns next to the "
    "grid's columns, and merge each pair into the height and the width.",
    "This is what the MMDiT does to its last layer's output. Token number i times w plus j is the patch in row i and "
    "column j of the grid; the picture is h times p rows high and w times p columns wide.")
progress.register(
    "joint_attention", NB, "§4", JOINT_HINT,
    "Each stream keeps its own weights: the image's q and k go through norm_q and norm_k, the text's through "
    "norm_added_q and norm_added_k, when the attention has them. The attention is notebook 03's, the softmax of the "
    "scores over the square root of d, one softmax per head.",
    "The last block is context_pre_only: its text still gives keys and values to the image, but it has no "
    "to_add_out and nothing reads the text after it, so return None in the text's place. The image's output goes "
    "through to_out, the text's through to_add_out.")


def _checked(fn: Callable, reference: Callable, inputs: list[tuple], slips: list, name: str, hint: str,
             words: Callable[[int, Exception], str | None], record: bool = True) -> CheckResult:
    """compare_with_slips, led by ``words(input's index, error)`` when ``fn`` raised and no slip fit; recorded and
    printed once, when ``record`` (else the caller's verdict does it)."""
    with unrecorded():
        result = compare_with_slips(fn, reference, inputs, slips, name=name, hint=hint)
    message = bare(result.message)
    first = message.split("\n", 1)[0]
    if not result and callable(fn) and "not written yet" not in first and "it looks like" not in first:
        raised = first_error(fn, inputs)
        extra = words(*raised) if raised else None
        message = diagnosed(message, name, extra) if extra else message
    return verdict(result.passed, message) if record else CheckResult(result.passed, message)


# ---- §1 flow_loss ------------------------------------------------------------------------------------------------

FREQS = torch.tensor([0.002, 0.013, 0.1, 0.9])  # t = σ and t = 1000σ give clearly different features


class _TinyVelocity(nn.Module):
    """A stand-in velocity model for (B, C, H, W) latents: a conv on x, a shift from sinusoids of t, and a scale per
    channel from the text's mean token when it is given context."""

    def __init__(self, channels: int, context_dim: int):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.time = nn.Linear(2 * len(FREQS), channels)
        self.text = nn.Linear(context_dim, channels)

    def forward(self, x: torch.Tensor, t, context: torch.Tensor | None = None) -> torch.Tensor:
        t = torch.as_tensor(t, dtype=x.dtype, device=x.device).reshape(-1, 1)  # (B, 1): one t per image
        angles = t * FREQS.to(x.device)  # (B, 4)
        out = self.conv(x) + self.time(torch.cat([angles.sin(), angles.cos()], 1))[:, :, None, None]
        return out if context is None else out * (1 + self.text(context.mean(1)))[:, :, None, None]


LOSS_CASES = [  # B, C, H, W, context tokens and width, σ per image: W, H and C never B, so σ as (B,) cannot broadcast
    (3, 4, 6, 5, 4, 8, (0.02, 0.5, 0.97)), (2, 3, 4, 7, 3, 6, (0.999, 0.3)),
    (4, 2, 5, 6, 5, 8, (0.001, 0.25, 0.75, 0.9))]


def _loss_inputs(device: str) -> list[tuple]:
    inputs = []
    for i, (b, c, h, w, t, d, sigmas) in enumerate(LOSS_CASES):
        with torch.random.fork_rng(devices=[]):  # the learner's random state stays as it was
            torch.manual_seed(i)
            model = _TinyVelocity(c, d).to(device)
        context = randn(b, t, d, seed=10 * i + 3).to(device)
        inputs.append((Labelled(model, "model (a small velocity model)"),
                       named("x0", randn(b, c, h, w, seed=10 * i, scale=0.8, shift=0.2).to(device)),
                       named("noise", randn(b, c, h, w, seed=10 * i + 1).to(device)),
                       Labelled(torch.tensor(sigmas, device=device), f"sigma tensor({list(sigmas)})"),
                       Labelled(context, f"context=context {tuple(context.shape)}")))
    return inputs


def _loss_reference(model, x0, noise, sigma, context):
    pred = model(flow_noisy(x0, noise, sigma), sigma * 1000, context=context)
    return ((pred - flow_velocity(x0, noise)) ** 2).mean()


def _with_context(fn: Callable) -> Callable:  # the context reaches the learner's function as a keyword
    return lambda model, x0, noise, sigma, context: fn(model, x0, noise, sigma, context=context)


def check_flow_loss(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(model, x0 (B, C, H, W), noise, sigma (B,), **cond)`` -> mean ‖model(x_σ, σ·1000, **cond) − (noise −
    x0)‖², x_σ = (1 − σ)·x0 + σ·noise, a 0-d tensor that gradients flow through."""
    inputs = _loss_inputs(device)
    learner = _with_context(fn) if callable(fn) else fn
    result = _checked(learner, _loss_reference, inputs, LOSS_SLIPS, "flow_loss", LOSS_HINT,
                      lambda i, error: loss_error_words(error, *LOSS_CASES[i][:4]), record=False)
    if not result:
        return verdict(False, result.message)
    model, *args = (unlabel(arg) for arg in inputs[0])
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            loss = learner(model, *args)
            if loss.requires_grad:
                loss.backward()
    except Exception as error:
        return verdict(False, f"✗ flow_loss: the values are right, but backpropagating through the loss raised\n"
                              f"    {describe_error(error)}")
    if not loss.requires_grad or any(p.grad is None for p in model.parameters()):
        return verdict(False, "✗ flow_loss: the values are right, but no gradient reaches the model's weights, so it "
                              "could not learn from this loss: no torch.no_grad, detach, item or numpy inside it.")
    return verdict(True, result.message + "\n  Gradients reach every weight of the model: it can learn from it.")


# ---- §2 flow_euler_step ------------------------------------------------------------------------------------------

EULER_CASES = [  # x's shape, σ, σ_next, σ's as 0-d tensors (else Python floats); the third is the last step
    ((2, 4, 5, 3), 1.0, 0.8, False), ((3, 2, 4, 6), 0.6, 0.45, True), ((1, 3, 6, 4), 0.3, 0.0, False),
    ((2, 3, 3, 5), 0.92, 0.35, True)]


def _euler_inputs(device: str) -> list[tuple]:
    def sigma(name: str, value: float, as_tensor: bool) -> Labelled:
        return (Labelled(torch.tensor(value, device=device), f"{name}=tensor({value})") if as_tensor
                else Labelled(value, f"{name}={value}"))
    return [(named("x", randn(*shape, seed=20 + i).to(device)),
             named("v", randn(*shape, seed=30 + i, scale=1.3, shift=-0.2).to(device)),
             sigma("sigma", s, as_tensor), sigma("sigma_next", sn, as_tensor))
            for i, (shape, s, sn, as_tensor) in enumerate(EULER_CASES)]


def euler_reference(x, v, sigma, sigma_next):
    return x + (sigma_next - sigma) * v


def check_flow_euler_step(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(x, v, sigma, sigma_next)`` -> x + (σ_next − σ)·v."""
    return _checked(fn, euler_reference, _euler_inputs(device), EULER_SLIPS, "flow_euler_step", EULER_HINT,
                    lambda i, error: euler_error_words(error))


# ---- §3 patchify, unpatchify -------------------------------------------------------------------------------------

PATCH_CASES = [(2, 3, 4, 3, 2), (1, 4, 2, 3, 3), (3, 2, 2, 5, 2)]  # B, C, h, w, p: h ≠ w, p > 1, C ≠ p


def patchify_reference(x: torch.Tensor, p: int) -> torch.Tensor:
    """(B, C, H, W) -> (B, h·w, p·p·C), token i·w + j the patch in row i, column j, its numbers in (u, v, c) order."""
    b, c, height, width = x.shape
    h, w = height // p, width // p
    grid = x.view(b, c, h, p, w, p)  # (B, C, h, u, w, v)
    return grid.permute(0, 2, 4, 3, 5, 1).reshape(b, h * w, p * p * c)  # (B, h, w, u, v, C) -> (B, h·w, p·p·C)


def _patchify_inputs(device: str) -> list[tuple]:
    return [(named("x", randn(b, c, h * p, w * p, seed=40 + i).to(device)), Labelled(p, f"p={p}"))
            for i, (b, c, h, w, p) in enumerate(PATCH_CASES)]


def _unpatchify_inputs(device: str) -> list[tuple]:
    return [(named("tokens", randn(b, h * w, p * p * c, seed=50 + i).to(device)), Labelled(h, f"h={h}"),
             Labelled(w, f"w={w}"), Labelled(p, f"p={p}")) for i, (b, c, h, w, p) in enumerate(PATCH_CASES)]


def check_patchify(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(x (B, C, H, W), p)`` -> (B, (H/p)·(W/p), p·p·C), the inverse of the MMDiT's unpatchify."""
    return _checked(fn, patchify_reference, _patchify_inputs(device), PATCHIFY_SLIPS, "patchify", PATCHIFY_HINT,
                    lambda i, error: patch_error_words(error, "patchify", *PATCH_CASES[i]))


def check_unpatchify(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(tokens (B, h·w, p·p·C), h, w, p)`` -> (B, C, h·p, w·p), as the MMDiT unpacks its output."""
    return _checked(fn, unpatchify_reference, _unpatchify_inputs(device), UNPATCHIFY_SLIPS, "unpatchify",
                    UNPATCHIFY_HINT, lambda i, error: patch_error_words(error, "unpatchify", *PATCH_CASES[i]))


# ---- §4 joint_attention ------------------------------------------------------------------------------------------

JOINT_CASES = [  # dim, heads, head size d, QK-norm, context_pre_only, B, N image tokens, T text tokens
    (16, 2, 6, None, False, 2, 5, 3), (12, 3, 4, "rms_norm", False, 1, 4, 6), (10, 4, 3, "layer_norm", False, 2, 3, 5),
    (16, 2, 5, "rms_norm", True, 2, 6, 4)]


def _joint_inputs(device: str) -> list[tuple]:
    inputs = []
    for i, (dim, heads, d, norm, pre_only, b, n, t) in enumerate(JOINT_CASES):
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(60 + i)
            attn = JointAttention(dim, heads, d, norm, context_pre_only=pre_only)
        attn = nudge(attn, 70 + i).eval().requires_grad_(False).to(device)  # the norms' weights off 1 and biases off 0
        label = f"attn ({heads} heads of {d}, {norm or 'no QK-norm'}{', pre-only' if pre_only else ''})"
        inputs.append((Labelled(attn, label), named("x", randn(b, n, dim, seed=80 + i).to(device)),
                       named("context", randn(b, t, dim, seed=90 + i, scale=1.2).to(device))))
    return inputs


def check_joint_attention(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(attn, x (B, N, D), context (B, T, D))`` -> (image out (B, N, D), text out (B, T, D) or None)."""
    inputs = _joint_inputs(device)
    return _checked(fn, lambda attn, x, context: attn(x, context), inputs, JOINT_SLIPS, "joint_attention",
                    JOINT_HINT, lambda i, error: joint_error_words(error, unlabel(inputs[i][0])))
