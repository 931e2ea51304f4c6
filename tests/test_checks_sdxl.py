"""Notebook 10's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from verdicts import (  # noqa: F401 (fresh_record: an autouse fixture)
    broken,
    closer_hint_on_the_second_failure,
    fails,
    fresh_record,
    not_written_yet,
    passes,
    registered_with_word_hints,
    stub,
)
from verdicts import diagnosed as _diagnosed

from course.checks.sdxl import check_dual_context, check_micro_conditioning
from course.checks.sdxl_slips import DUAL_SLIPS, MICRO_SLIPS
from course.nets.micro_conditioning import micro_conditioning
from course.nets.sdxl_text import encode_text_xl


def diagnosed(result, capsys, words: str) -> str:
    return _diagnosed(result, capsys, words, looks_like=True)


# ---- §1 dual_context ----------------------------------------------------------------------------------------------

def outputs(tokenizers, encoders, prompts, **call):
    """Each encoder's output on its own tokenizer's ids, every hidden state kept, as a learner writes it."""
    return [e(t(prompts)["input_ids"].to(next(e.parameters()).device), output_hidden_states=True, **call)
            for t, e in zip(tokenizers, encoders)]


def dual(layer=lambda e, o: o.hidden_states[-2], pooled=lambda es, os: os[1].text_embeds, join=-1, **call):
    """A learner's dual_context: ``layer(encoder, output)`` the context each encoder gives, ``pooled(encoders,
    outputs)`` the pooled vector, the contexts concatenated along ``join``."""
    def dual_context(tokenizers, text_encoders, prompts):
        outs = outputs(tokenizers, text_encoders, prompts, **call)
        context = torch.cat([layer(e, o) for e, o in zip(text_encoders, outs)], dim=join)
        return context, pooled(text_encoders, outs)
    return dual_context


def end_tokens(tokenizers, prompts):
    ids = tokenizers[1](prompts)["input_ids"]
    return torch.arange(len(ids)), ids.argmax(-1)  # the end token has the largest id


def projected_at(where):
    """The second encoder's final_layer_norm(last layer) read at ``where(tokenizers, prompts, x)``, projected."""
    def dual_context(tokenizers, text_encoders, prompts):
        context, _ = encode_text_xl(tokenizers, text_encoders, prompts)
        e = text_encoders[1]
        x = e.final_layer_norm(e(tokenizers[1](prompts)["input_ids"], output_hidden_states=True).hidden_states[-1])
        return context, e.text_projection(where(tokenizers, prompts, x))
    return dual_context


def with_tokenizers(order):
    def dual_context(tokenizers, text_encoders, prompts):
        return dual()([tokenizers[i] for i in order], text_encoders, prompts)
    return dual_context


def unpadded(tokenizers, text_encoders, prompts):
    outs = [e(t(prompts, padding=False)["input_ids"], output_hidden_states=True)
            for t, e in zip(tokenizers, text_encoders)]
    return torch.cat([o.hidden_states[-2] for o in outs], -1), outs[1].text_embeds


def on_the_gpu(tokenizers, text_encoders, prompts):
    """What an encoder on the GPU raises when it is given the tokenizer's ids as they come, on the CPU."""
    raise RuntimeError("Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!")


def plain_call(tokenizers, text_encoders, prompts):
    outs = [e(t(prompts)["input_ids"]) for t, e in zip(tokenizers, text_encoders)]
    return torch.cat([o.hidden_states[-2] for o in outs], -1), outs[1].text_embeds


DUAL_MISTAKES = {
    "last_layer": (dual(layer=lambda e, o: o.hidden_states[-1]), "the context came from the last layer of both"),
    "final_output": (dual(layer=lambda e, o: o.last_hidden_state), "the context is the final output of both"),
    "clip_skip_habit": (dual(layer=lambda e, o: e.final_layer_norm(o.hidden_states[-2])),
                        "the penultimate layer of both encoders went through final_layer_norm, SD 1.x's clip-skip"),
    "clip_skip_argument": (dual(layer=lambda e, o: o.last_hidden_state, clip_skip=1),
                           "the penultimate layer of both encoders went through final_layer_norm"),
    "clip_skip_on_the_second_only": (dual(layer=lambda e, o: o.hidden_states[-2] if e.text_projection is None else
                                          e.final_layer_norm(o.hidden_states[-2])),
                                     "the penultimate layer of the second encoder went through final_layer_norm"),
    "two_layers_back": (dual(layer=lambda e, o: o.hidden_states[-3]),
                        "the context came from two layers before the last of both"),
    "last_layer_of_the_first": (dual(layer=lambda e, o: o.hidden_states[-1 if e.text_projection is None else -2]),
                                "the context came from the last layer of the first encoder"),
    "joined_along_the_tokens": (dual(join=1), "the two contexts were joined along the tokens: join them along the "
                                              "channels, the last axis, 32 + 48 = 80 numbers per token"),
    "stacked": (lambda t, e, p: (torch.stack([o.hidden_states[-2] for o in outputs(t, e, p)]), None),
                "the two contexts were stacked"),
    "encoders_swapped": (lambda t, e, p: (torch.cat([o.hidden_states[-2] for o in outputs(t, e, p)][::-1], -1),
                                          outputs(t, e, p)[1].text_embeds), "the encoders' order is swapped"),
    "only_the_second_context": (lambda t, e, p: (outputs(t, e, p)[1].hidden_states[-2],
                                                 outputs(t, e, p)[1].text_embeds),
                                "the context holds only the second encoder's channels"),
    "pooled_of_the_first": (dual(pooled=lambda es, os: os[0].pooled), "the pooled vector is the first encoder's"),
    "text_embeds_of_the_first": (dual(pooled=lambda es, os: os[0].text_embeds),
                                 "the pooled vector came from the first encoder, which has no projection"),
    "pooled_unprojected": (dual(pooled=lambda es, os: os[1].pooled), "before its projection: take text_embeds"),
    "pooled_at_the_last_position": (projected_at(lambda t, p, x: x[:, -1]), "read at the last position"),
    "pooled_at_the_start_token": (projected_at(lambda t, p, x: x[:, 0]), "read at the first position"),
    "pooled_mean": (projected_at(lambda t, p, x: x.mean(1)), "a mean over the tokens"),
    "pooled_from_the_penultimate": (lambda t, e, p: (encode_text_xl(t, e, p)[0], e[1].text_projection(
        outputs(t, e, p)[1].hidden_states[-2][end_tokens(t, p)])), "the pooled vector was taken from the penultimate"),
    "pooled_without_the_norm": (lambda t, e, p: (encode_text_xl(t, e, p)[0], e[1].text_projection(
        e[1](t[1](p)["input_ids"], output_hidden_states=True).hidden_states[-1][end_tokens(t, p)])),
        "the pooled vector skipped final_layer_norm"),
    "first_tokenizer_for_both": (with_tokenizers((0, 0)), "the first tokenizer was used for both encoders"),
    "second_tokenizer_for_both": (with_tokenizers((1, 1)), "the second tokenizer was used for both encoders"),
    "tokenizers_swapped": (with_tokenizers((1, 0)), "the tokenizers are swapped"),
    "padded_to_the_longest": (unpadded, "padded only to the longest of them"),
    "pooled_first": (lambda t, e, p: encode_text_xl(t, e, p)[::-1], "you returned the pooled vector first"),
    "last_layer_and_unprojected": (dual(layer=lambda e, o: o.hidden_states[-1], pooled=lambda es, os: os[1].pooled),
                                   "the context came from the last layer of both encoders: SDXL reads the "
                                   "penultimate layer, the second entry of hidden_states from the end. And the "
                                   "pooled vector is the second encoder's pooled output before its projection"),
    "only_the_context": (lambda t, e, p: encode_text_xl(t, e, p)[0], "dual_context returns two things"),
    "hidden_states_not_asked_for": (plain_call, "called plainly, an encoder returns only its final output"),
    "projection_of_the_first": (lambda t, e, p: (encode_text_xl(t, e, p)[0], e[0].text_projection(
        outputs(t, e, p)[0].pooled)), "the first encoder has no text_projection"),
    "fixed_layer_index": (dual(layer=lambda e, o: o.hidden_states[11]), "an index into hidden_states does not exist"),
    "arguments_forgotten": (lambda tokenizers, prompts: None, "dual_context takes three arguments"),
    "ids_left_on_the_cpu": (on_the_gpu, "the ids are on another device than the encoder"),
}


@pytest.mark.parametrize("mistake", DUAL_MISTAKES)
def test_dual_context_mistake_is_named(mistake, capsys):
    fn, words = DUAL_MISTAKES[mistake]
    diagnosed(check_dual_context(fn), capsys, words)


def by_hand(tokenizers, text_encoders, prompts):
    """The penultimate layer computed layer by layer, the pooled vector projected by hand."""
    contexts = []
    for tokenizer, encoder in zip(tokenizers, text_encoders):
        ids = tokenizer(prompts, max_length=77)["input_ids"]
        x = encoder.embeddings(ids)
        for layer in encoder.encoder.layers[:-1]:
            x = layer(x)
        contexts.append(x)
        last = encoder.final_layer_norm(encoder.encoder.layers[-1](x))
    pooled = text_encoders[1].text_projection(last[end_tokens(tokenizers, prompts)])
    return torch.cat(contexts, dim=2), pooled


DUAL_VARIANTS = {
    "as_in_the_notebook": dual(),
    "by_hand": by_hand,
    "clip_skip_and_text_embeds": lambda t, e, p: (dual()(t, e, p)[0], outputs(t, e, p, clip_skip=1)[1].text_embeds),
    "a_list_and_indices": lambda t, e, p: [torch.cat([e[0](t[0](p)["input_ids"], output_hidden_states=True)
                                                      .hidden_states[-2], outputs(t, e, p)[1].hidden_states[-2]], -1),
                                           outputs(t, e, p)[1].text_embeds],
    "the_course_function": encode_text_xl,
}


@pytest.mark.parametrize("variant", DUAL_VARIANTS)
def test_dual_context_correct_variants_pass(variant, capsys):
    passes(check_dual_context(DUAL_VARIANTS[variant], device="cpu"), capsys)


def test_dual_context_passed_called_is_explained(capsys):
    assert "expected a function" in fails(check_dual_context((torch.zeros(2), torch.zeros(2))), capsys)


# ---- §2 micro_conditioning ----------------------------------------------------------------------------------------

def micro(sizes=lambda ids, proj: proj(ids.flatten()).reshape(len(ids), -1), join=lambda te, s: torch.cat([te, s], -1),
          after=lambda x: x):
    """A learner's micro_conditioning: ``sizes(time_ids, add_time_proj)`` the sinusoids, ``join`` them with the
    pooled text, ``after`` what follows add_embedding."""
    def micro_conditioning(text_embeds, time_ids, add_time_proj, add_embedding):
        return after(add_embedding(join(text_embeds, sizes(time_ids, add_time_proj))))
    return micro_conditioning


def own_sinusoids(t, dim, sin_first=True):
    freqs = torch.exp(-math.log(10000) * torch.arange(dim // 2) / (dim // 2))
    angles = t[:, None] * freqs[None]
    return torch.cat([angles.sin(), angles.cos()] if sin_first else [angles.cos(), angles.sin()], -1)


def by_column(ids, proj, dim=-1):
    return torch.stack([proj(ids[:, i]) for i in range(ids.shape[1])], dim=dim).reshape(len(ids), -1)


MICRO_MISTAKES = {
    "text_after_the_sizes": (micro(join=lambda te, s: torch.cat([s, te], -1)), "the pooled text came after the sizes"),
    "no_sinusoids": (micro(sizes=lambda ids, proj: ids), "time_ids went in without their sinusoids"),
    "flattened_column_wise": (micro(sizes=lambda ids, proj: proj(ids.T.flatten()).reshape(len(ids), -1)),
                              "the numbers of one image are mixed with another's"),
    "reshaped_k_b_d": (micro(sizes=lambda ids, proj: proj(ids.flatten()).reshape(ids.shape[1], len(ids), -1)
                             .transpose(0, 1).reshape(len(ids), -1)), "the numbers of one image are mixed"),
    "stacked_on_the_last_axis": (micro(sizes=by_column), "interleaved channel by channel"),
    "summed_first": (micro(sizes=lambda ids, proj: proj(ids.sum(1))), "the K = 6 numbers were summed or averaged"),
    "averaged_first": (micro(sizes=lambda ids, proj: proj(ids.mean(-1))), "were summed or averaged into one"),
    "whole_vector_at_once": (micro(sizes=lambda ids, proj: proj(ids)), "add_time_proj got all of time_ids at once"),
    "add_embedding_skipped": (lambda te, ids, proj, emb: torch.cat([te, proj(ids.flatten()).view(len(ids), -1)], 1),
                              "add_embedding was skipped"),
    "silu_after": (micro(after=F.silu), "an activation was added"),
    "relu_before": (lambda te, ids, proj, emb: emb(torch.relu(torch.cat([te, by_column(ids, proj, 1)], -1))),
                    "an activation was added"),
    "divided_by_1000": (micro(sizes=lambda ids, proj: proj((ids / 1000).flatten()).reshape(len(ids), -1)),
                        "the size and crop numbers were scaled before the sinusoids"),
    "divided_by_the_target_size": (micro(sizes=lambda ids, proj: proj((ids / 1024.0).flatten()).reshape(len(ids), -1)),
                                   "the size and crop numbers were scaled"),
    "sin_first": (micro(sizes=lambda ids, proj: own_sinusoids(ids.flatten(), proj.dim).reshape(len(ids), -1)),
                  "the sines came before the cosines"),
    "added_not_joined": (micro(join=lambda te, s: te + s), "the pooled text and the sinusoids were added"),
    "joined_along_the_batch": (micro(join=lambda te, s: torch.cat([te, s])), "joined along the batch axis"),
    "not_regrouped": (micro(sizes=lambda ids, proj: proj(ids.flatten())), "the sinusoids were left one row per number"),
    "kept_three_axes": (micro(sizes=lambda ids, proj: proj(ids.flatten()).view(*ids.shape, -1)), "kept as (B, K, d)"),
    "six_numbers_fixed": (micro(sizes=lambda ids, proj: proj(ids.flatten()).view(-1, 6 * proj.dim)),
                          "the number of time_ids is fixed at six: take K from time_ids' second axis (SDXL's "
                          "refiner passes 5)"),
    "the_course_signature": (micro_conditioning, "micro_conditioning takes four arguments"),
    "text_forgotten": (micro(join=lambda te, s: s), "the pooled text is missing"),
}


@pytest.mark.parametrize("mistake", MICRO_MISTAKES)
def test_micro_conditioning_mistake_is_named(mistake, capsys):
    fn, words = MICRO_MISTAKES[mistake]
    diagnosed(check_micro_conditioning(fn), capsys, words)


def as_diffusers(text_embeds, time_ids, add_time_proj, add_embedding):
    time_embeds = add_time_proj(time_ids.flatten())
    time_embeds = time_embeds.reshape((text_embeds.shape[0], -1))
    add_embeds = torch.concat([text_embeds, time_embeds], dim=-1)
    return add_embedding(add_embeds.to(text_embeds.dtype))


MICRO_VARIANTS = {
    "as_in_the_notebook": micro(),
    "as_diffusers": as_diffusers,
    "column_by_column": micro(sizes=lambda ids, proj: by_column(ids, proj, dim=1)),
    "column_wise_then_transposed": micro(sizes=lambda ids, proj: proj(ids.T.reshape(-1))
                                         .view(ids.shape[1], len(ids), -1).transpose(0, 1).flatten(1)),
    "the_course_function": lambda te, ids, proj, emb: micro_conditioning(te, ids, proj, emb, te.dtype),
}


@pytest.mark.parametrize("variant", MICRO_VARIANTS)
def test_micro_conditioning_correct_variants_pass(variant, capsys):
    passes(check_micro_conditioning(MICRO_VARIANTS[variant], device="cpu"), capsys)


# ---- every listed slip is told apart from the others ---------------------------------------------------------------

@pytest.mark.parametrize("check, slips", [(check_dual_context, DUAL_SLIPS), (check_micro_conditioning, MICRO_SLIPS)],
                         ids=["dual_context", "micro_conditioning"])
def test_each_listed_slip_is_named_by_its_own_sentence(check, slips, capsys):
    for words, slip in slips:
        diagnosed(check(slip), capsys, words)


# ---- errors, stubs, hints -----------------------------------------------------------------------------------------

CHECKS = {"dual_context": check_dual_context, "micro_conditioning": check_micro_conditioning}


@pytest.mark.parametrize("name", CHECKS)
def test_a_stub_is_not_written_yet_and_its_hint_is_words(name, capsys):
    not_written_yet(CHECKS[name](stub), capsys)


@pytest.mark.parametrize("name, what", [
    ("dual_context", "dual_context raised ValueError on input dual_context([tokenizer, tokenizer_2], [text_encoder, "
                     "text_encoder_2], ['a red circle on a white backgr'… (34 characters), '', 'a blue square!']):\n"
                     "    ValueError: my own bug"),
    ("micro_conditioning", "micro_conditioning raised ValueError on input micro_conditioning(text_embeds (2, 12), "
                           "time_ids (2, 6), add_time_proj (sinusoids of 8), add_embedding (60 -> 40)):\n"
                           "    ValueError: my own bug"),
])
def test_an_error_in_the_learners_code_is_reported_without_a_traceback(name, what, capsys):
    out = fails(CHECKS[name](broken), capsys)
    assert what in out and "it looks like" not in out, out


NAMES = {"dual_context": "§1", "micro_conditioning": "§2"}


@pytest.mark.parametrize("name", NAMES)
def test_every_check_is_registered_with_hints_in_words(name):
    registered_with_word_hints(name, "10_sdxl", NAMES[name])


@pytest.mark.parametrize("name, mistake, good, closer", [
    ("dual_context", DUAL_MISTAKES["clip_skip_habit"][0], encode_text_xl, "hidden_states holds the embeddings"),
    ("micro_conditioning", MICRO_MISTAKES["silu_after"][0], MICRO_VARIANTS["as_in_the_notebook"],
     "add_time_proj takes a flat list of numbers"),
])
def test_a_second_failure_shows_the_closer_hint_once_and_require_waits(name, mistake, good, closer, capsys):
    closer_hint_on_the_second_failure(CHECKS[name], name, NAMES[name], mistake, good, closer, capsys)


def test_the_checks_leave_the_learners_random_state_and_the_encoders_alone(capsys):
    torch.manual_seed(5)
    want = torch.rand(3)
    torch.manual_seed(5)
    check_micro_conditioning(MICRO_VARIANTS["as_in_the_notebook"])
    check_dual_context(lambda t, e, p: [x.mul_(0) for x in e[1].parameters()] and encode_text_xl(t, e, p))
    assert torch.equal(torch.rand(3), want)
    capsys.readouterr()
    passes(check_dual_context(encode_text_xl), capsys)  # the zeroed weights were a copy's


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU: the checks' device argument")
def test_on_the_gpu_the_answers_pass_and_the_slips_are_still_named(capsys):
    passes(check_dual_context(encode_text_xl, device="cuda"), capsys)
    passes(check_micro_conditioning(MICRO_VARIANTS["as_diffusers"], device="cuda"), capsys)
    diagnosed(check_dual_context(DUAL_MISTAKES["clip_skip_habit"][0], device="cuda"), capsys, "clip-skip habit")
    diagnosed(check_micro_conditioning(MICRO_MISTAKES["text_after_the_sizes"][0], device="cuda"), capsys,
              "the pooled text came after the sizes")
    diagnosed(check_dual_context(plain_call, device="cuda"), capsys, "the ids are on another device than the encoder")
