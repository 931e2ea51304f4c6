"""Checks for notebook 09: IP-Adapter (Ye et al. 2023), a picture as a prompt through a second set of keys and values.

``check_image_projection(cls, device)``: the learner's ``ImageProjection(image_embed_dim, cross_attention_dim,
num_tokens=4)`` (``proj`` a linear layer D -> N·C, ``norm`` a LayerNorm over C; forward (B, D) -> (B, N, C)) is built
for several sizes, with D, C, N and the batch all different and N·C never D, so that a mixed-up size shows. Its
state_dict must take the reference's (course.nets.ip_adapter.ImageProjection, seeded, the norm's weight and bias moved
off 1 and 0) strictly, as IPAdapter.use loads the trained one; otherwise the verdict names the key that does not fit,
the shape expected and why. Then both modules run on the same image_embeds.

``check_decoupled_attention(fn, device)``: ``fn(q, k, v, k_ip, v_ip, scale)`` against course.nets.ip_adapter.
decoupled_attention, softmax(q kᵀ/√d) v + scale · softmax(q k_ipᵀ/√d) v_ip, on cases whose batch, heads, query, text
and image token counts and head size all differ, with scale 0, 0.5, 1 and 1.7.

When a result is wrong, the usual mistakes (course.checks.ip_adapter_slips: one softmax over text and image together,
scale on both halves, the tokens split the wrong way round, the norm over all N·C numbers, ...) are tried on the same
input, and the one that gives the learner's result is named on the verdict's first line. An error is explained from
its message, or, for decoupled_attention, from what the function gives where the text and image token counts are
equal (keys and values of the two halves crossed raise an error only where they differ).
"""
from __future__ import annotations

import contextlib
import io
from typing import Callable

import torch
from torch import nn

from course.checks import progress
from course.checks.core import (
    CheckResult,
    Labelled,
    describe_error,
    first_difference,
    named,
    not_written,
    randn,
    type_name,
    unlabel,
    verdict,
)
from course.checks.ip_adapter_slips import (
    ATTENTION_SLIPS,
    PROJECTION_SLIPS,
    SAME_TOKEN_COUNT,
    attention_error_words,
    fit_words,
    projection_error_words,
)
from course.checks.modules import nudge
from course.checks.slips import bare, compare_with_slips, diagnosed, first_error, first_slip, unrecorded
from course.nets.ip_adapter import ImageProjection, decoupled_attention

__all__ = ["check_image_projection", "check_decoupled_attention"]

NB = "09_ip_adapter"
PROJECTION_HINT = ("proj maps each picture's embedding to num_tokens times cross_attention_dim numbers; split them "
                   "into num_tokens tokens of cross_attention_dim numbers each, the batch axis kept first, and "
                   "normalise each token with norm, a LayerNorm over cross_attention_dim.")
ATTENTION_HINT = ("two attentions with the same queries: the text half reads k and v, the image half k_ip and v_ip, "
                  "each with its own softmax over its own keys; add them, the image half multiplied by scale.")
progress.register(
    "image_projection", NB, "§1", PROJECTION_HINT,
    "The linear layer's output holds the first token's numbers, then the second token's, and so on: splitting its "
    "last axis into tokens, then numbers, keeps each token's numbers together, with no transposing. Take the batch "
    "size from the input's first axis and the number of tokens from num_tokens, never fixed numbers.",
    "The norm comes last and works on each token on its own: build it over cross_attention_dim numbers, with its "
    "learned weight and bias, and apply it after the split. Nothing else: no activation. The names proj and norm "
    "are the ones in IP-Adapter files, so that the trained weights load.")
progress.register(
    "decoupled_attention", NB, "§2", ATTENTION_HINT,
    "Each half is notebook 03's attention: the softmax of q times the transposed keys, divided by the square root "
    "of d, the head size, which is q's last axis; the softmax runs over the keys, the last axis, and its weights "
    "then average that half's values.",
    "Do not join the text and image tokens into one softmax: the few image tokens would compete with the text's for "
    "the same attention. scale weighs only the image half; the text half keeps its weight of one, so a scale of zero "
    "gives the plain UNet and a scale above one weighs the picture more.")


def _final(result: CheckResult, name: str, words: Callable[[], str | None]) -> CheckResult:
    """The recorded verdict: ``result``'s, led by ``words()`` when no slip named the mistake and it has some."""
    message = bare(result.message)
    if not result and "not written yet" not in message and "it looks like" not in message.split("\n", 1)[0]:
        extra = words()
        message = diagnosed(message, name, extra) if extra else message
    return verdict(result.passed, message)


def _matches(fn: Callable, reference: Callable, args: tuple) -> bool:
    values = tuple(unlabel(arg) for arg in args)
    try:
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            return first_difference(reference(*values), fn(*values)) is None
    except Exception:
        return False


# ---- §1 ImageProjection ------------------------------------------------------------------------------------------

BUILDS = [(20, 12, 3), (32, 8, 5), (10, 6, None)]  # D, C, N (None: the default, 4); D, C, N and batches all differ
BATCHES = [(2, 1), (3,), (5,)]  # the batches each build is called with
BUILD_ERRORS = [
    ("required positional argument: 'num_tokens'", "num_tokens needs its default, 4: the course builds the "
                                                   "projection with two arguments when it uses four tokens."),
    ("positional arguments but 4 were given", "__init__ takes image_embed_dim, cross_attention_dim and num_tokens, "
                                              "in this order, num_tokens with its default of 4."),
]


def _label(d: int, c: int, n: int | None) -> str:
    return f"ImageProjection({d}, {c}{'' if n is None else f', num_tokens={n}'})"


def _not_a_module_class(cls) -> CheckResult | None:
    name = "image_projection"
    if isinstance(cls, nn.Module):
        return verdict(False, f"✗ {name}: expected the class itself, got a module already built. Pass the class: "
                              "ImageProjection, not ImageProjection(...).")
    if not isinstance(cls, type):
        return verdict(False, f"✗ {name}: expected a class (a subclass of nn.Module), got {type_name(cls)}.")
    if not issubclass(cls, nn.Module):
        return verdict(False, f"✗ {name}: {cls.__name__} is not an nn.Module; write class {cls.__name__}(nn.Module).")
    return None


def _build(cls: type, d: int, c: int, n: int | None, seed: int):
    """(learner's module, reference) with the reference's state_dict loaded into the learner's, or the verdict on
    why not: the learner's build raised, or strict loading would refuse the reference's state_dict."""
    args, label, name = ((d, c) if n is None else (d, c, n)), _label(d, c, n), "image_projection"
    failure = None
    with torch.random.fork_rng(devices=[]), contextlib.redirect_stdout(io.StringIO()):  # the learner's prints too
        torch.manual_seed(seed)
        theirs = nudge(ImageProjection(*args), seed + 1).eval()  # the norm's weight and bias off 1 and 0
        try:
            mine = cls(*args)
            own = {k: tuple(v.shape) for k, v in mine.state_dict().items()}
        except Exception as error:  # the learner's bug: explained below, no stack trace
            failure = error
    if isinstance(failure, NotImplementedError):
        return not_written(name, PROJECTION_HINT, failure)
    if failure is not None:
        text = str(failure)
        words = next((w for fragment, w in BUILD_ERRORS if fragment in text), None)
        if "before Module.__init__" in text:
            words = "nn.Module's own __init__, called through super, must run first in yours, before any layer is made."
        head = f"✗ {name}: " + (f"it looks like {words}\n  " if words else "")
        return verdict(False, f"{head}building {label} raised {type(failure).__name__}:\n    "
                              f"{describe_error(failure)}\n  hint: {PROJECTION_HINT}")
    want = {k: tuple(v.shape) for k, v in theirs.state_dict().items()}
    missing, unexpected = [k for k in want if k not in own], [k for k in own if k not in want]
    shapes = {k: (want[k], own[k]) for k in want if k in own and own[k] != want[k]}
    if missing or unexpected or shapes:
        norm = getattr(mine, "norm", None)
        words = fit_words(missing, unexpected, shapes, d, c, 4 if n is None else n,
                          isinstance(norm, nn.LayerNorm) and not norm.elementwise_affine)
        lines = [f"the reference weights do not fit your module {label}, so strict loading refuses them:"]
        lines += [f"    missing (the file has them, yours does not): {', '.join(missing)}"] if missing else []
        lines += [f"    unexpected (yours has them, the file does not): {', '.join(unexpected)}"] if unexpected else []
        lines += [f"    wrong shape: {k}: expected {e}, yours {y}" for k, (e, y) in shapes.items()]
        head = f"✗ {name}: " + (f"it looks like {words}\n  " if words else "")
        return verdict(False, head + "\n".join(lines) + f"\n  hint: {PROJECTION_HINT}")
    try:
        mine.load_state_dict(theirs.state_dict(), strict=True)
    except Exception as error:
        return verdict(False, f"✗ {name}: loading the reference's state_dict into {label} raised "
                              f"{type(error).__name__}:\n    {describe_error(error)}\n  hint: {PROJECTION_HINT}")
    return mine.eval(), theirs


def check_image_projection(cls, device: str = "cpu") -> CheckResult:
    """``cls(image_embed_dim, cross_attention_dim, num_tokens=4)``: image_embeds (B, D) -> tokens (B, N, C)."""
    problem = _not_a_module_class(cls)
    if problem is not None:
        return problem
    mine, theirs, inputs, sizes = [], [], [], []
    for i, (d, c, n) in enumerate(BUILDS):
        pair = _build(cls, d, c, n, seed=i)
        if isinstance(pair, CheckResult):
            return pair
        mine.append(pair[0].to(device))
        theirs.append(pair[1].to(device))
        for b in BATCHES[i]:
            x = randn(b, d, seed=10 * i + b, scale=2.0, shift=0.5)
            inputs.append((Labelled(i, _label(d, c, n)), named("image_embeds", x)))
            sizes.append((b, d, c, 4 if n is None else n))

    def run(modules: list[nn.Module], slip=None) -> Callable:
        def call(i: int, x: torch.Tensor):
            with torch.no_grad():
                x = x.to(device)
                return slip(modules[i], x) if slip else modules[i](x)
        return call

    slips = [(words, run(theirs, slip)) for words, slip in PROJECTION_SLIPS]
    with unrecorded():
        result = compare_with_slips(run(mine), run(theirs), inputs, slips, name="image_projection",
                                    hint=PROJECTION_HINT)

    def error_words() -> str | None:
        raised = first_error(run(mine), inputs)
        return None if raised is None else projection_error_words(raised[1], *sizes[raised[0]])

    return _final(result, "image_projection", error_words)


# ---- §2 decoupled_attention --------------------------------------------------------------------------------------

CASES = [(2, 3, 5, 7, 4, 8, 1.0), (3, 2, 6, 9, 5, 4, 0.5), (1, 4, 10, 3, 2, 6, 1.7), (2, 1, 4, 6, 3, 5, 0.0),
         (4, 2, 3, 5, 6, 7, 0.5)]  # B, heads, Tq, Tk (text), Ti (image), d, scale: sizes all different in each
PROBE = (2, 3, 5, 6, 6, 4, 0.5)  # as many text as image tokens: there, crossed halves give a value, not an error


def _attention_inputs(case: tuple, seed: int, device: str) -> tuple:
    b, heads, tq, tk, ti, d, scale = case
    tensors = {"q": randn(b, heads, tq, d, seed=seed, scale=1.5), "k": randn(b, heads, tk, d, seed=seed + 1),
               "v": randn(b, heads, tk, d, seed=seed + 2),
               "k_ip": randn(b, heads, ti, d, seed=seed + 3, scale=1.2, shift=0.3),
               "v_ip": randn(b, heads, ti, d, seed=seed + 4, scale=2.0, shift=1.0)}  # the halves differ in size
    return (*(named(key, value.to(device)) for key, value in tensors.items()), Labelled(scale, f"scale={scale}"))


def _probe_words(fn: Callable, device: str, every_input_wrong: bool) -> str | None:
    """What ``fn`` gives where the text and the picture have as many tokens: a slip's value (crossed keys and values
    raise an error where the counts differ, or, through some kernels, give numbers from memory past the values), or,
    when ``fn`` got every input wrong, the reference's (it needs the counts equal)."""
    values = tuple(unlabel(arg) for arg in _attention_inputs(PROBE, 90, device))
    try:
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            got = fn(*values)
    except Exception:
        return None
    if first_difference(decoupled_attention(*values), got) is None:
        return SAME_TOKEN_COUNT if every_input_wrong else None
    return first_slip(got, values, ATTENTION_SLIPS)


def check_decoupled_attention(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(q (B, heads, Tq, d), k, v (B, heads, Tk, d), k_ip, v_ip (B, heads, Ti, d), scale)`` -> (B, heads, Tq, d)
    = softmax(q kᵀ/√d) v + scale · softmax(q k_ipᵀ/√d) v_ip."""
    inputs = [_attention_inputs(case, 10 * i, device) for i, case in enumerate(CASES)]
    with unrecorded():
        result = compare_with_slips(fn, decoupled_attention, inputs, ATTENTION_SLIPS, name="decoupled_attention",
                                    hint=ATTENTION_HINT)

    def words() -> str | None:
        raised = first_error(fn, inputs)
        every_input_wrong = not any(_matches(fn, decoupled_attention, args) for args in inputs)
        probed = _probe_words(fn, device, every_input_wrong)
        return probed or (attention_error_words(raised[1]) if raised else None)

    return _final(result, "decoupled_attention", words if callable(fn) else lambda: None)
