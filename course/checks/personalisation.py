"""Checks for notebook 08: putting a learned word into the model, the textual-inversion loss (Gal et al. 2022), and
DreamBooth's prior-preservation loss (Ruiz et al. 2022).

``check_insert_embedding(fn, device)``: ``fn(tokenizer, text_encoder, token, vectors)`` adds the word and writes its
vectors. Each case gives the learner's function and the reference, course.io.embeddings.load_textual_inversion (the
vectors saved as a file and loaded, as diffusers' ``pipe.load_textual_inversion`` does), fresh copies of the bundled
tokenizer and text encoder each; prompts with the word then go through both, and their ids and text-encoder outputs
are compared. The cases: one vector and three, the bundled table (30 spare rows) and one without a spare row (so it
must grow), float16 vectors (as many files hold them) for a float32 table.

``check_textual_inversion_loss(fn, device)``: ``fn(parts, latents, ids, alphas_cumprod, generator)`` on fresh bundled
parts as loaded (every weight requires grad) with two new vectors hooked into the text encoder
(course.training.textual_inversion.add_new_tokens). The loss and the new vectors' gradient are compared with the
trainer's for the same generator, and no weight of the model may get a gradient.

``check_prior_preservation_loss(fn)``: against course.training.dreambooth.prior_preservation_loss, on batches whose
concept rows are not half of them, with weights 0 to 2, and one batch without class rows.

When a result is wrong, the usual mistakes (course.checks.personalisation_slips: each written as the code that makes
it, with its sentence) are tried on the same input, and the one that gives the learner's result is named on the
verdict's first line. Some show better in what the learner's function left behind than in any value: where in the
table the vectors went, old rows that changed, draws that do not come from the generator (``_final``).
"""
from __future__ import annotations

import contextlib
import copy
import dataclasses
import io
import tempfile
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import torch

from course.checks import progress
from course.checks.core import CheckResult, Labelled, named, randn, verdict
from course.checks.personalisation_slips import (
    INSERT_ERRORS,
    INSERT_SLIPS,
    LOSS_ERRORS,
    LOSS_SLIPS,
    NOT_FROM_GENERATOR,
    PRIOR_SLIPS,
    shifted,
    ti_loss,
)
from course.checks.slips import bare, compare_with_slips, diagnosed, unrecorded
from course.io.embeddings import load_textual_inversion, save_textual_inversion
from course.io.loading import load_bundled
from course.sampling.schedules import training_alphas_cumprod
from course.training.textual_inversion import TextualInversionRecipe, add_new_tokens

__all__ = ["check_insert_embedding", "check_textual_inversion_loss", "check_prior_preservation_loss"]

NB = "08_personalisation"
INSERT_HINT = ("add the word and, for several vectors, its numbered companions to the tokenizer; grow the text "
               "encoder's token table when it has no row for the largest new id; then, without tracking gradients, "
               "write each vector into the row of its token, in the table's dtype and on its device.")
LOSS_HINT = ("freeze the UNet and the text encoder; scale the latents by the VAE's scaling factor; draw the timesteps, "
             "then the noise, from the generator; noise the latents to their timesteps and compare the UNet's "
             "prediction, given the encoded captions, with the noise: a mean squared error.")
PRIOR_HINT = ("the first n_instance rows are the concept's pictures, the rest the class pictures: the loss is the mean "
              "squared error of the concept rows plus prior_weight times the mean squared error of the class rows.")
progress.register(
    "insert_embedding", NB, "§1", INSERT_HINT,
    "The names are the token itself, then the token followed by an underscore and 1, 2 and so on, one per extra "
    "vector; the tokenizer's add_tokens gives their ids, consecutive, after its last. Grow the table only when the "
    "largest id is not below its number of rows, with the text encoder's resize_token_embeddings, which keeps the old "
    "rows. Return the names.",
    "Write all rows at once by indexing the table's weight with the list of ids, inside a no-gradient block since "
    "the table is a parameter, the vectors first converted to the weight's dtype and device. Indexing with a list "
    "gives a copy: copying into that copy writes nowhere, so assign to the indexed weight itself.")
progress.register(
    "textual_inversion_loss", NB, "§2", LOSS_HINT,
    "The timesteps are whole numbers, one per picture, from 0 up to the number of alphas, that end excluded; draw "
    "them first and the noise second, both on the CPU generator, then move them to the latents' device. The noised "
    "latent is the square root of alpha-bar at t times the scaled latent plus the square root of one minus alpha-bar "
    "times the noise: notebook 05's add_noise.",
    "Run the text encoder with gradients on: the new vectors enter through its hook, and their gradient flows back "
    "through it. Freeze the UNet and the text encoder as wholes; the new vectors are a parameter of their own and stay "
    "trainable. Return the loss tensor itself, not its number.")
progress.register(
    "prior_preservation_loss", NB, "§5", PRIOR_HINT,
    "Slice the batch at n_instance: before it the concept rows, from it on the class rows. Each term is a mean over "
    "its own rows' elements, not over the whole batch, and only the class term carries the weight.",
    "With no class rows, or a weight of zero, the loss is the concept term alone: a mean over zero rows is not a "
    "number, so leave the class term out then.")


@lru_cache(maxsize=None)
def _bundled():
    return load_bundled()


def _final(result: CheckResult, name: str, structural: Callable[[bool], str | None]) -> CheckResult:
    """The recorded verdict: ``result``'s, led by ``structural(diagnosed already)``'s words when it has some (they
    replace a slip's: what the learner's tables or draws show is surer than a value that two mistakes share)."""
    message = bare(result.message)
    if not result and "not written yet" not in message:
        head = f"✗ {name}: it looks like "
        words = structural(message.startswith(head))
        if words:
            message = message if not message.startswith(head) else f"✗ {name}: " + message.split("\n  ", 1)[1]
            message = diagnosed(message, name, words)
    return verdict(result.passed, message)


# ---- §1 insert_embedding -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class InsertCase:
    token: str
    n: int
    spare_rows: bool = True
    dtype: torch.dtype = torch.float32
    seed: int = 0


def _reference_insert(tokenizer, encoder, token, vectors):
    """The course's loader on a file of these vectors: what diffusers' pipe.load_textual_inversion does."""
    with tempfile.TemporaryDirectory() as folder:
        path = save_textual_inversion(vectors, Path(folder) / "embedding.safetensors", token)
        return load_textual_inversion(SimpleNamespace(tokenizer=tokenizer, text_encoder=encoder), path)


def _fresh(case: InsertCase, device: str):
    tokenizer, encoder = copy.deepcopy(_bundled().tokenizer), copy.deepcopy(_bundled().text_encoder)
    if not case.spare_rows:
        encoder.resize_token_embeddings(len(tokenizer))  # no spare row: the table must grow
    return tokenizer, encoder.to(device), randn(case.n, encoder.config.hidden_size, seed=case.seed).to(case.dtype)


def _run_insert(fn: Callable, case: InsertCase, device: str) -> dict:
    """``fn`` on fresh parts, then what prompts with the word give there: their ids, the names, the encoder output."""
    tokenizer, encoder, vectors = _fresh(case, device)
    names = fn(tokenizer, encoder, case.token, vectors)
    prompts = [f"a {case.token} circle on a blue background", case.token, "a red square in the middle"]
    ids = tokenizer(prompts, warn=False)["input_ids"]
    with torch.no_grad():
        out = encoder(ids.to(device))  # (3, T, D)
    return {"ids": ids, "names": names, "output": out.float().cpu()}


def _table_after(fn: Callable, case: InsertCase, device: str):
    """The learner's token table after ``fn`` ran on ``case``, and the vectors it got; None when ``fn`` raised."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            tokenizer, encoder, vectors = _fresh(case, device)
            fn(tokenizer, encoder, case.token, vectors.clone())
            return encoder.embeddings.token_embedding.weight.detach().float().cpu(), vectors
    except Exception:
        return None


def _table_diagnosis(fn: Callable, device: str, diagnosed_already: bool) -> str | None:
    """What the learner's table shows: the vectors all k rows away from their tokens' rows (a shift past the new rows
    looks like "never written" to the prompts), or, when no slip said anything, old words' rows that changed."""
    first = len(_bundled().tokenizer)  # where the reference puts vector 0
    after = _table_after(fn, InsertCase("<cat-toy>", 3, seed=1), device)
    if after is not None:
        table, vectors = after
        rows = [torch.nonzero((table == v).all(dim=1)).flatten().tolist() for v in vectors]
        shifts = {row - first - i for i, found in enumerate(rows) for row in found}
        if all(rows) and len(shifts) == 1 and 0 not in shifts:
            return shifted(shifts.pop())
    after = None if diagnosed_already else _table_after(fn, InsertCase("<ring>", 2, spare_rows=False), device)
    old = _bundled().text_encoder.embeddings.token_embedding.weight.detach()[:first]
    if after is not None and len(after[0]) >= first and not torch.equal(after[0][:first], old):
        return ("the old words' rows of the token table changed: a grown table must start as a copy of the old one, "
                "which resize_token_embeddings makes (a fresh nn.Embedding is random).")
    return None


def check_insert_embedding(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(tokenizer, text_encoder, token, vectors (n, D))`` -> the names added: ``[token, token_1, ...]``."""
    cases = {"'<pink>', 1 vector, the bundled table (30 spare rows)": InsertCase("<pink>", 1),
             "'<cat-toy>', 3 vectors": InsertCase("<cat-toy>", 3, seed=1),
             "'<ring>', 2 vectors, a table without a spare row": InsertCase("<ring>", 2, spare_rows=False, seed=2),
             "'<pink>', 2 float16 vectors, a float32 table": InsertCase("<pink>", 2, dtype=torch.float16, seed=3)}
    inputs = [(Labelled(case, label),) for label, case in cases.items()]
    slips = [(words, partial(lambda slip, case: _run_insert(slip, case, device), slip)) for words, slip in INSERT_SLIPS]
    with unrecorded():
        result = compare_with_slips(lambda case: _run_insert(fn, case, device),
                                    lambda case: _run_insert(_reference_insert, case, device), inputs, slips,
                                    name="insert_embedding", hint=INSERT_HINT, errors=INSERT_ERRORS)
    return _final(result, "insert_embedding", partial(_table_diagnosis, fn, device))


# ---- §2 textual_inversion_loss -------------------------------------------------------------------------------------

RECIPE = TextualInversionRecipe.of("pink", vectors=2)
CAPTIONS = ["a <pink> circle on a blue background", "a <pink> square in the top left", "a <pink> triangle",
            "a yellow background with a <pink> circle in the middle"]


def _run_loss(fn: Callable, seed: int, batch: int, device: str) -> dict:
    """Fresh parts as loaded (all weights require grad) with two new vectors hooked in; ``fn``'s loss and its
    backward: the new vectors' gradient, the loss, and the names of the model's weights that got a gradient."""
    with torch.enable_grad(), contextlib.redirect_stdout(io.StringIO()):
        base = _bundled()
        parts = dataclasses.replace(base, tokenizer=copy.deepcopy(base.tokenizer),
                                    text_encoder=copy.deepcopy(base.text_encoder).to(device).requires_grad_(True),
                                    unet=copy.deepcopy(base.unet).to(device).requires_grad_(True))
        new = add_new_tokens(parts, RECIPE)
        ids = parts.tokenizer(CAPTIONS[:batch], warn=False)["input_ids"].to(device)
        latents = randn(batch, 4, 4, 4, seed=seed, scale=1.5).to(device)  # unscaled, as the VAE's posterior gives
        ac = training_alphas_cumprod(parts.scheduler_config).to(device)
        loss = fn(parts, latents, ids, ac, torch.Generator().manual_seed(seed))
        loss.backward()
    got = [f"{net}.{n}" for net in ("unet", "text_encoder")
           for n, p in getattr(parts, net).named_parameters() if p.grad is not None]
    grad = new.vectors.grad
    return {"gradient": None if grad is None else grad.cpu(), "loss": loss.detach().cpu(),
            "weights with a gradient": got}


def _draws_diagnosis(fn: Callable, device: str, diagnosed_already: bool) -> str | None:
    """When no slip fits: do two calls with the same seed give the same loss?"""
    if diagnosed_already:
        return None
    try:
        first, second = (_run_loss(fn, 0, 4, device)["loss"] for _ in range(2))
    except Exception:
        return None
    return None if torch.equal(first, second) else NOT_FROM_GENERATOR


def check_textual_inversion_loss(fn: Callable, device: str = "cpu") -> CheckResult:
    """``fn(parts, latents (B, 4, h, w) unscaled, ids (B, T), alphas_cumprod (T,), generator)`` -> the ε-MSE loss,
    with only the new vectors (hooked into the text encoder) left to train."""
    inputs = [(Labelled(0, "seed 0"), Labelled(4, "4 pictures")), (Labelled(7, "seed 7"), Labelled(3, "3 pictures"))]
    slips = [(words, partial(lambda slip, seed, batch: _run_loss(slip, seed, batch, device), slip))
             for words, slip in LOSS_SLIPS]
    with unrecorded():  # gradients of ~1e-3: an atol below them, rounding (another order of sums) within rtol
        result = compare_with_slips(lambda seed, batch: _run_loss(fn, seed, batch, device),
                                    lambda seed, batch: _run_loss(ti_loss, seed, batch, device), inputs, slips,
                                    name="textual_inversion_loss", hint=LOSS_HINT, errors=LOSS_ERRORS, atol=1e-7)
    return _final(result, "textual_inversion_loss", partial(_draws_diagnosis, fn, device))


# ---- §5 prior_preservation_loss ------------------------------------------------------------------------------------

def check_prior_preservation_loss(fn: Callable) -> CheckResult:
    """``fn(pred (B, ...), target (B, ...), n_instance, prior_weight)`` -> concept MSE + prior_weight · class MSE."""
    try:
        from course.training.dreambooth import prior_preservation_loss as reference
    except ImportError:
        return verdict(False, "✗ prior_preservation_loss: the reference, course.training.dreambooth, is missing from "
                              "this copy of the course: update it (git pull), then run this check again.")
    shapes = [(6, 2, 1.0), (4, 3, 0.5), (5, 1, 2.0), (4, 4, 1.0), (6, 3, 0.0)]  # (rows, concept rows, weight)
    inputs = [(named("pred", randn(b, 4, 4, 4, seed=k)), named("target", randn(b, 4, 4, 4, seed=10 + k)), n, w)
              for k, (b, n, w) in enumerate(shapes)]
    return compare_with_slips(fn, reference, inputs, PRIOR_SLIPS, name="prior_preservation_loss", hint=PRIOR_HINT)
