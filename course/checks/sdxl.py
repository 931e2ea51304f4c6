"""Checks for notebook 10: SDXL (Podell et al. 2023), two text encoders side by side and the size/crop conditioning.

``check_dual_context(fn, device)``: ``fn(tokenizers, text_encoders, prompts)`` -> (context (B, 77, D1 + D2), pooled
(B, P)) against course.nets.sdxl_text.encode_text_xl: each encoder reads its own tokenizer's ids (the second pads with
"!"), its penultimate layer is taken as it is, without final_layer_norm, the two are joined along the channels, the
first encoder's first, and the pooled vector is the second encoder's text_embeds. The encoders are small and seeded
(widths 32 and 48, 3 and 4 layers, the second projected to 24), so that every slip gives another value or shape; the
prompts are shorter than 77 tokens (so padding shows), one is empty and some end in "!".

``check_micro_conditioning(fn, device)``: ``fn(text_embeds, time_ids, add_time_proj, add_embedding)`` -> (B, E)
against course.nets.micro_conditioning.micro_conditioning: each of the K numbers of time_ids through add_time_proj's
sinusoids, an image's K embeddings side by side after its pooled text, then add_embedding. Cases with K = 6 (SDXL
base: original size, crop corner, target size) and K = 5 (the refiner: sizes, crop, aesthetic score), realistic
numbers, and B, P, K, d and E all different in each, so that a mixed-up axis or size shows.

When a result is wrong, the usual mistakes (course.checks.sdxl_slips: the last layer, final_layer_norm on the
penultimate, the encoders swapped, the pooled vector unprojected; the pooled text after the sizes, the images'
numbers mixed, the numbers scaled, ...) are tried on the same input, and the one that gives the learner's result is
named on the verdict's first line; for dual_context, a wrong context and a wrong pooled vector are named together.
An error is explained from its message and the sizes of the case that raised it.
"""
from __future__ import annotations

import contextlib
import copy
import io
from functools import lru_cache
from typing import Callable

import torch

from course.checks import progress
from course.checks.core import CheckResult, Labelled, first_difference, named, randn, unlabel, verdict
from course.checks.modules import nudge
from course.checks.sdxl_slips import (
    CONTEXT_SLIPS,
    DUAL_SLIPS,
    MICRO_SLIPS,
    POOLED_SLIPS,
    dual_error_words,
    micro_error_words,
    remembered,
)
from course.checks.slips import bare, compare_with_slips, diagnosed, first_error, first_slip, unrecorded
from course.config import TextEncoderConfig
from course.nets.micro_conditioning import micro_conditioning
from course.nets.sdxl_text import encode_text_xl
from course.nets.text_encoder import TextEncoder
from course.nets.unet_blocks import TimestepEmbedding, Timesteps
from course.parts import BUNDLED_DIR
from course.text.tokenizer import CLIPTokenizer

__all__ = ["check_dual_context", "check_micro_conditioning"]

NB = "10_sdxl"
DUAL_HINT = ("run each tokenizer with its own encoder, asking the encoder for all its hidden states; take the "
             "penultimate layer of each as it is, join the two side by side along the channels, the first encoder's "
             "first, and take the pooled vector from the second encoder's projected output.")
MICRO_HINT = ("give each of the K numbers of every image its own sinusoids with add_time_proj, put one image's K "
              "embeddings side by side in one row, join that row after the image's pooled text, and pass the whole "
              "through add_embedding.")
progress.register(
    "dual_context", NB, "§1", DUAL_HINT,
    "hidden_states holds the embeddings and then every layer's output, so the penultimate layer is the second entry "
    "from the end; SDXL reads it without final_layer_norm, unlike SD 1.x's clip skip. Each tokenizer pads to 77 "
    "tokens in its own way, the second with the exclamation mark: give each encoder the ids of its own tokenizer.",
    "The context is the first encoder's penultimate layer and then the second's, joined along the last axis: the "
    "token count stays 77 and the widths add up. The pooled vector is the second encoder's text_embeds, its final "
    "vector at the end token through text_projection. Return the context first, then the pooled vector.")
progress.register(
    "micro_conditioning", NB, "§2", MICRO_HINT,
    "add_time_proj takes a flat list of numbers and gives each a sinusoid embedding of width d: flatten time_ids row "
    "by row, so that an image's numbers stay together, and regroup the result into B rows of K times d numbers, B "
    "and K read from the shape of time_ids. The numbers go in as they are, in pixels, as timesteps do.",
    "The pooled text comes first and the sizes after it, joined along the last axis, so add_embedding gets P plus K "
    "times d numbers per image; add_embedding is the whole MLP, linear, SiLU, linear, so nothing comes before or "
    "after it. The refiner passes five numbers instead of six: take K from time_ids, never a fixed number.")


def _quiet(fn: Callable, args: tuple):
    with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):  # the learner's prints stay out of the verdict
        return fn(*(unlabel(arg) for arg in args))


def _final(result: CheckResult, name: str, words: Callable[[], str | None]) -> CheckResult:
    """The recorded verdict: ``result``'s, led by ``words()`` when no slip named the mistake and it has some."""
    message = bare(result.message)
    first = message.split("\n", 1)[0]
    if not result and "not written yet" not in first and "it looks like" not in first:
        extra = words()
        message = diagnosed(message, name, extra) if extra else message
    return verdict(result.passed, message)


# ---- §1 dual_context ---------------------------------------------------------------------------------------------

CONFIGS = [  # the first as CLIP ViT-L (quick_gelu, no projection), the second as OpenCLIP bigG (gelu, projected)
    dict(hidden_size=32, intermediate_size=37, num_hidden_layers=3, num_attention_heads=4, hidden_act="quick_gelu"),
    dict(hidden_size=48, intermediate_size=64, num_hidden_layers=4, num_attention_heads=4, hidden_act="gelu",
         projection_dim=24),
]
PROMPTS = [["a red circle on a white background", "", "a blue square!"],
           ["a green triangle on a gray background!", "purple"]]  # all shorter than 77 tokens: padding shows


@lru_cache(maxsize=None)
def _parts() -> tuple[list, list]:
    """[tokenizer, tokenizer_2] (the bundled vocabulary, 77 tokens; the second pads with "!") and two seeded
    encoders, every norm moved off its weight 1 and bias 0."""
    folder = BUNDLED_DIR / "tokenizer"
    tokenizers = [CLIPTokenizer.from_folder(folder, model_max_length=77),
                  CLIPTokenizer.from_folder(folder, model_max_length=77, pad_token="!")]
    encoders = []
    with torch.random.fork_rng(devices=[]):  # the learner's random state is left as it was
        for seed, sizes in enumerate(CONFIGS):
            torch.manual_seed(seed)
            config = TextEncoderConfig(vocab_size=len(tokenizers[0]), **sizes)
            encoders.append(nudge(TextEncoder(config), seed + 10).eval().requires_grad_(False))
    return tokenizers, encoders


def check_dual_context(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(tokenizers, text_encoders, prompts)`` -> (context (B, 77, D1 + D2), pooled (B, P)), SDXL's prompt."""
    tokenizers, cached = _parts()
    encoders = [copy.deepcopy(e).to(device) for e in cached]  # whatever the learner's code does to them stays here
    inputs = [(Labelled(list(tokenizers), "[tokenizer, tokenizer_2]"),  # fresh lists: the cache stays as it is
               Labelled(encoders, "[text_encoder, text_encoder_2]"), list(prompts)) for prompts in PROMPTS]

    def words() -> str | None:
        named_parts = _part_words(fn, inputs)
        raised = first_error(fn, inputs)
        widths = tuple(e.config.hidden_size for e in encoders)
        return named_parts or (dual_error_words(raised[1], widths) if raised else None)

    with remembered():  # the slips share each encoder's reading of each batch of prompts
        with unrecorded():
            result = compare_with_slips(fn, encode_text_xl, inputs, DUAL_SLIPS, name="dual_context",
                                        hint=DUAL_HINT)
        return _final(result, "dual_context", words if callable(fn) else lambda: None)


def _part_words(fn: Callable, inputs: list[tuple]) -> str | None:
    """On the first input the learner gets wrong without raising: its answer not a pair, or the slips that give its
    context and its pooled vector, each found on its own (a learner may make one mistake in each)."""
    for args in inputs:
        values = tuple(unlabel(arg) for arg in args)
        try:
            got = _quiet(fn, args)
        except Exception:
            continue
        expected = _quiet(encode_text_xl, args)
        if first_difference(expected, got) is None:
            continue
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            return ("dual_context returns two things, the context and then the pooled vector; yours returned "
                    f"{'a tensor' if isinstance(got, torch.Tensor) else type(got).__name__}.")
        found = [first_slip(g, values, slips) for e, g, slips in zip(expected, got, (CONTEXT_SLIPS, POOLED_SLIPS))
                 if first_difference(e, g) is not None]
        found = [words for words in found if words]
        return " And ".join(found) if found else None
    return None


# ---- §2 micro_conditioning ---------------------------------------------------------------------------------------

MICRO_CASES = [  # P, d, E, time_ids (B, K): B, P, K, d, E all different, and so are P + K, P + d, K·d and P
    (12, 8, 40, [[1024, 1024, 0, 0, 1024, 1024], [768, 896, 64, 32, 1024, 768]]),
    (10, 12, 28, [[896, 1152, 128, 0, 1024, 1024], [512, 512, 0, 256, 768, 768], [1024, 768, 32, 96, 896, 1152]]),
    (14, 10, 18, [[1024, 1024, 0, 0, 6.0], [768, 896, 48, 16, 2.5]]),  # the refiner: sizes, crop, aesthetic score
    (9, 4, 22, [[1024, 1024, 0, 0, 1024, 1024], [640, 1536, 0, 0, 768, 1344], [1344, 768, 256, 0, 1024, 1024],
                [832, 1216, 16, 200, 832, 1216]]),
]


def _micro_inputs(device: str) -> tuple[list[tuple], list[tuple[int, int, int, int]]]:
    """The inputs, each (text_embeds, time_ids, add_time_proj, add_embedding), and each case's (B, P, K, d)."""
    inputs, sizes = [], []
    for i, (p, d, e, rows) in enumerate(MICRO_CASES):
        time_ids = torch.tensor(rows, dtype=torch.float32)
        b, k = time_ids.shape
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(100 + i)
            mlp = TimestepEmbedding(p + k * d, e).eval().requires_grad_(False).to(device)
        proj = Timesteps(d, flip_sin_to_cos=True, freq_shift=0)  # as SDXL's UNet builds its add_time_proj
        inputs.append((named("text_embeds", randn(b, p, seed=10 * i, scale=1.5).to(device)),
                       named("time_ids", time_ids.to(device)), Labelled(proj, f"add_time_proj (sinusoids of {d})"),
                       Labelled(mlp, f"add_embedding ({p + k * d} -> {e})")))
        sizes.append((b, p, k, d))
    return inputs, sizes


def _reference(text_embeds, time_ids, add_time_proj, add_embedding):
    return micro_conditioning(text_embeds, time_ids, add_time_proj, add_embedding, dtype=text_embeds.dtype)


def check_micro_conditioning(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(text_embeds (B, P), time_ids (B, K), add_time_proj, add_embedding)`` -> (B, E): SDXL's size and crop
    conditioning, added to the time embedding."""
    inputs, sizes = _micro_inputs(device)
    with unrecorded():
        result = compare_with_slips(fn, _reference, inputs, MICRO_SLIPS, name="micro_conditioning", hint=MICRO_HINT)

    def words() -> str | None:
        raised = first_error(fn, inputs)
        return None if raised is None else micro_error_words(raised[1], *sizes[raised[0]])

    return _final(result, "micro_conditioning", words if callable(fn) else lambda: None)
