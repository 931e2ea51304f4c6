"""Notebook 08's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass."""
from __future__ import annotations

import contextlib
import dataclasses

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from verdicts import diagnosed as _diagnosed
from verdicts import fails, fresh_record, passes  # noqa: F401 (fresh_record: an autouse fixture)

from course.checks import progress
from course.checks.personalisation import (
    check_insert_embedding,
    check_prior_preservation_loss,
    check_textual_inversion_loss,
)
from course.sampling.schedules import add_noise


def diagnosed(result, capsys, words: str) -> str:
    return _diagnosed(result, capsys, words, looks_like=False)


# ---- §1 insert_embedding ------------------------------------------------------------------------------------------

def insert_with(names=lambda t, n: [t] + [f"{t}_{i}" for i in range(1, n)], rows=lambda ids: ids, values=None,
                grow=True, convert=True, no_grad=True, write="index", fresh_table=False):
    """A learner's insert_embedding; each option makes it differ from the notebook's answer in one way."""
    def insert(tokenizer, text_encoder, token, vectors):
        added = names(token, len(vectors))
        ids = tokenizer.add_tokens(added)
        if grow and text_encoder.embeddings.token_embedding.num_embeddings <= max(ids):
            if fresh_table:
                text_encoder.embeddings.token_embedding = nn.Embedding(max(ids) + 1, vectors.shape[1])
                text_encoder.config = dataclasses.replace(text_encoder.config, vocab_size=max(ids) + 1)
            else:
                text_encoder.resize_token_embeddings(max(ids) + 1)
        table = text_encoder.embeddings.token_embedding.weight
        v = vectors.to(table.device, table.dtype) if convert else vectors
        v = values(v) if values else v
        with torch.no_grad() if no_grad else contextlib.nullcontext():
            if write == "index":
                table[rows(ids)] = v
            elif write == "copy":
                table[ids].copy_(v)  # a copy of the rows: the table never changes
            elif write == "slice":
                table[ids[0]:ids[0] + len(ids)] = v
            elif write == "data":
                table.data[ids] = v
        return added
    return insert


INSERT_MISTAKES = {
    "table_not_grown": (insert_with(grow=False), "the table has no row for the new ids"),
    "one_row_too_far": (insert_with(rows=lambda ids: [i + 1 for i in ids]), "the vectors went 1 row after"),
    "one_row_too_early": (insert_with(rows=lambda ids: [i - 1 for i in ids]), "the vectors went 1 row before"),
    "free_row_read_after_adding": (insert_with(rows=lambda ids: [i + len(ids) for i in ids]),
                                   "the vectors went 3 rows after"),
    "only_the_first_vector": (insert_with(rows=lambda ids: ids[:1], values=lambda v: v[:1]),
                              "only the first vector was written"),
    "first_vector_everywhere": (insert_with(values=lambda v: v[0]), "every row got the first vector"),
    "only_the_word_itself": (insert_with(names=lambda t, n: [t]), "you added one token for several vectors"),
    "only_the_word_and_its_first_vector": (insert_with(names=lambda t, n: [t], values=lambda v: v[:1]),
                                           "you added only the word itself"),
    "names_without_underscore": (insert_with(names=lambda t, n: [t] + [f"{t}{i}" for i in range(1, n)]),
                                 "the extra names lack the underscore"),
    "names_from_zero": (insert_with(names=lambda t, n: [f"{t}_{i}" for i in range(n)]), "the names start at word_0"),
    "written_into_a_copy": (insert_with(write="copy"), "the vectors were never written"),
    "dtype_not_converted": (insert_with(convert=False), "the vectors went in with their own dtype"),
    "written_with_autograd_on": (insert_with(no_grad=False), "write its rows inside a no-gradient block"),
    "a_fresh_random_table": (insert_with(fresh_table=True), "the old words' rows of the token table changed"),
}


@pytest.mark.parametrize("mistake", INSERT_MISTAKES)
def test_insert_embedding_mistake_is_named(mistake, capsys):
    fn, words = INSERT_MISTAKES[mistake]
    diagnosed(check_insert_embedding(fn), capsys, words)


def grow_always(tokenizer, text_encoder, token, vectors):
    names = [token] + [f"{token}_{i}" for i in range(1, len(vectors))]
    ids = tokenizer.add_tokens(names)
    text_encoder.resize_token_embeddings(max(ids) + 1)  # drops the spare rows: nothing reads them
    with torch.no_grad():
        text_encoder.embeddings.token_embedding.weight[ids] = vectors.float()
    return tuple(names)


INSERT_VARIANTS = {
    "as_in_the_notebook": insert_with(),
    "slice_assignment": insert_with(write="slice", convert=False),  # copy_ converts the dtype itself
    "through_data": insert_with(write="data", no_grad=False),
    "always_grown_names_as_a_tuple": grow_always,
}


@pytest.mark.parametrize("variant", INSERT_VARIANTS)
def test_insert_embedding_correct_variants_pass(variant, capsys):
    passes(check_insert_embedding(INSERT_VARIANTS[variant]), capsys)


# ---- §2 textual_inversion_loss ------------------------------------------------------------------------------------

def loss_with(scale="times", t_low=0, t_cut=0, noise_first=False, target="noise", freeze=("unet", "text_encoder"),
              no_grad=False, own_draws=False, number=False, roots=True, reduce="mean"):
    """A learner's textual_inversion_loss; each option makes it differ from the notebook's answer in one way."""
    def loss_fn(parts, latents, ids, alphas_cumprod, generator):
        for name in freeze:
            getattr(parts, name).requires_grad_(False)
        z = {"times": latents * parts.vae.scaling_factor, "none": latents,
             "divided": latents / parts.vae.scaling_factor}[scale]
        g = None if own_draws else generator
        if noise_first:
            noise = torch.randn(z.shape, generator=g).to(z.device)
        t = torch.randint(t_low, len(alphas_cumprod) - t_cut, (len(z),), generator=g).to(z.device)
        if not noise_first:
            noise = torch.randn(z.shape, generator=g).to(z.device)
        a = alphas_cumprod[t].view(-1, 1, 1, 1)
        x = add_noise(z, noise, alphas_cumprod[t]) if roots else a * z + (1 - a) * noise
        with torch.no_grad() if no_grad else contextlib.nullcontext():
            context = parts.text_encoder(ids)
        errors = (parts.unet(x, t, context) - (noise if target == "noise" else z)) ** 2
        loss = errors.mean() if reduce == "mean" else errors.sum()
        return loss.item() if number else loss
    return loss_fn


LOSS_MISTAKES = {
    "regressing_the_latent": (loss_with(target="latent"), "the target is the latent"),
    "scaling_factor_forgotten": (loss_with(scale="none"), "not multiplied by the VAE's scaling_factor"),
    "divided_by_the_scaling_factor": (loss_with(scale="divided"), "divided by the VAE's scaling_factor"),
    "t_from_one": (loss_with(t_low=1), "t was drawn from 1"),
    "t_one_short": (loss_with(t_cut=1), "t stops at T − 2"),
    "noise_drawn_first": (loss_with(noise_first=True), "the noise was drawn before t"),
    "coefficients_without_roots": (loss_with(roots=False), "the square roots are missing"),
    "nothing_frozen": (loss_with(freeze=()), "nothing was frozen"),
    "text_encoder_not_frozen": (loss_with(freeze=("unet",)), "the text encoder was not frozen"),
    "unet_not_frozen": (loss_with(freeze=("text_encoder",)), "the UNet was not frozen"),
    "text_encoder_under_no_grad": (loss_with(no_grad=True), "the loss carries no gradient back to the new vectors"),
    "draws_not_from_the_generator": (loss_with(own_draws=True), "two calls with the same generator gave two losses"),
    "returned_a_number": (loss_with(number=True), "the loss came back as a number"),
    "summed": (loss_with(reduce="sum"), "you summed the squared errors"),
}


@pytest.mark.parametrize("mistake", LOSS_MISTAKES)
def test_textual_inversion_loss_mistake_is_named(mistake, capsys):
    fn, words = LOSS_MISTAKES[mistake]
    diagnosed(check_textual_inversion_loss(fn), capsys, words)


def frozen_by_loops(parts, latents, ids, alphas_cumprod, generator):
    for p in [*parts.unet.parameters(), *parts.text_encoder.parameters()]:
        p.requires_grad = False
    z = parts.vae.scaling_factor * latents
    t = torch.randint(0, alphas_cumprod.shape[0], (z.shape[0],), generator=generator).to(z.device)
    noise = torch.randn(z.shape, generator=generator).to(z.device)
    a = alphas_cumprod[t][:, None, None, None]
    return F.mse_loss(parts.unet(a.sqrt() * z + (1 - a).sqrt() * noise, t, parts.text_encoder(ids)), noise)


LOSS_VARIANTS = {"as_in_the_notebook": loss_with(), "frozen_by_loops_mixed_by_hand": frozen_by_loops}


@pytest.mark.parametrize("variant", LOSS_VARIANTS)
def test_textual_inversion_loss_correct_variants_pass(variant, capsys):
    passes(check_textual_inversion_loss(LOSS_VARIANTS[variant]), capsys)


# ---- §5 prior_preservation_loss -----------------------------------------------------------------------------------

def mse(a, b):
    return F.mse_loss(a, b)


def class_term(p, t, n, w):
    return w * mse(p[n:], t[n:]) if n < len(p) else 0.0


PRIOR_MISTAKES = {
    "weight_on_the_wrong_half": (lambda p, t, n, w: w * mse(p[:n], t[:n]) + class_term(p, t, n, 1.0),
                                 "the weight went on the concept rows"),
    "halves_swapped": (lambda p, t, n, w: mse(p[len(p) - n:], t[len(p) - n:])
                       + (w * mse(p[:len(p) - n], t[:len(p) - n]) if n < len(p) else 0.0),
                       "you took the class rows first"),
    "mean_over_the_whole_batch": (lambda p, t, n, w: mse(p, t), "you took the mean over the whole batch"),
    "weight_forgotten": (lambda p, t, n, w: mse(p[:n], t[:n]) + class_term(p, t, n, 1.0), "the weight is forgotten"),
    "nan_without_class_rows": (lambda p, t, n, w: mse(p[:n], t[:n]) + w * mse(p[n:], t[n:]),
                               "a mean over nothing, NaN"),
    "split_in_the_middle": (lambda p, t, n, w: mse(*[x.chunk(2)[0] for x in (p, t)])
                            + w * mse(*[x.chunk(2)[1] for x in (p, t)]), "you split the batch in the middle"),
    "weighted_average": (lambda p, t, n, w: (mse(p[:n], t[:n]) + class_term(p, t, n, w)) / (1 + w),
                         "you divided by 1 + prior_weight"),
    "class_rows_left_out": (lambda p, t, n, w: mse(p[:n], t[:n]), "the class rows are left out"),
}


@pytest.mark.parametrize("mistake", PRIOR_MISTAKES)
def test_prior_preservation_loss_mistake_is_named(mistake, capsys):
    fn, words = PRIOR_MISTAKES[mistake]
    diagnosed(check_prior_preservation_loss(fn), capsys, words)


PRIOR_VARIANTS = {
    "as_in_the_notebook": lambda p, t, n, w: mse(p[:n], t[:n]) + (w * mse(p[n:], t[n:]) if w and n < len(p) else 0),
    "sum_of_squares_over_counts": lambda p, t, n, w: ((p[:n] - t[:n]) ** 2).sum() / p[:n].numel()
    + (w * ((p[n:] - t[n:]) ** 2).sum() / max(p[n:].numel(), 1)),
}


@pytest.mark.parametrize("variant", PRIOR_VARIANTS)
def test_prior_preservation_loss_correct_variants_pass(variant, capsys):
    passes(check_prior_preservation_loss(PRIOR_VARIANTS[variant]), capsys)


# ---- hints, stubs -------------------------------------------------------------------------------------------------

NAMES = ["insert_embedding", "textual_inversion_loss", "prior_preservation_loss"]


@pytest.mark.parametrize("name", NAMES)
def test_every_check_is_registered_with_hints_in_words(name):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "08_personalisation" and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert "(" not in tier and "=" not in tier, tier  # words, not code


def stub(*args, **kwargs):
    raise NotImplementedError("write it")


@pytest.mark.parametrize("check", [check_insert_embedding, check_textual_inversion_loss, check_prior_preservation_loss])
def test_a_stub_is_not_written_yet_and_its_hint_is_words(check, capsys):
    out = fails(check(stub), capsys)
    assert "not written yet" in out.split("\n", 1)[0]
    hint = out.split("hint: ", 1)[1]
    assert "(" not in hint and "=" not in hint, hint


def test_a_second_failure_shows_the_closer_hint_once(capsys):
    fn, _ = PRIOR_MISTAKES["weight_forgotten"]
    assert "closer hint" not in fails(check_prior_preservation_loss(fn), capsys)
    assert fails(check_prior_preservation_loss(fn), capsys).count("closer hint (2nd try): Slice the batch") == 1
    with pytest.raises(progress.NotReady, match="finish §5 `prior_preservation_loss` first"):
        progress.require("prior_preservation_loss")
