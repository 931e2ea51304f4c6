"""Notebook 09's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from test_learner_notebooks import code_in  # the detector the stub hints pass
from torch import nn
from verdicts import (  # noqa: F401 (fresh_record: an autouse fixture)
    closer_hint_on_the_second_failure,
    fails,
    fresh_record,
    passes,
    registered_with_word_hints,
)
from verdicts import diagnosed as _diagnosed

from course.checks.ip_adapter import check_decoupled_attention, check_image_projection
from course.nets.attention import attention
from course.nets.ip_adapter import ImageProjection, decoupled_attention


def diagnosed(result, capsys, words: str) -> str:
    return _diagnosed(result, capsys, words, looks_like=True)


# ---- §1 ImageProjection -------------------------------------------------------------------------------------------

def good_init(self, d, c, n):
    self.proj = nn.Linear(d, n * c)
    self.norm = nn.LayerNorm(c)


def good_forward(self, x):
    return self.norm(self.proj(x).view(x.shape[0], self.num_tokens, self.dim))


def projection(init=good_init, forward=good_forward, default_tokens=True):
    """A learner's ImageProjection; ``init(self, D, C, N)`` makes its parts, ``forward(self, x)`` runs them."""
    class ImageProjection(nn.Module):
        def __init__(self, image_embed_dim, cross_attention_dim, num_tokens=4):
            super().__init__()
            self.num_tokens, self.dim = num_tokens, cross_attention_dim
            init(self, image_embed_dim, cross_attention_dim, num_tokens)

        def forward(self, image_embeds):
            return forward(self, image_embeds)

    if not default_tokens:
        def needs_tokens(self, image_embed_dim, cross_attention_dim, num_tokens):
            nn.Module.__init__(self)
            self.num_tokens, self.dim = num_tokens, cross_attention_dim
            init(self, image_embed_dim, cross_attention_dim, num_tokens)
        ImageProjection.__init__ = needs_tokens
    return ImageProjection


def tokens(self, x):
    return self.proj(x).view(len(x), self.num_tokens, self.dim)  # (B, N, C)


def init_with(**parts):
    def init(self, d, c, n):
        for name, make in parts.items():
            setattr(self, name, make(d, c, n))
    return init


def over_tokens(self, x):
    t = tokens(self, x).transpose(1, 2)  # (B, C, N)
    return F.layer_norm(t, (self.num_tokens,)).transpose(1, 2) * self.norm.weight + self.norm.bias


class FourTokens(nn.Module):
    def __init__(self, image_embed_dim, cross_attention_dim):  # num_tokens forgotten: always 4
        super().__init__()
        self.proj = nn.Linear(image_embed_dim, 4 * cross_attention_dim)
        self.norm = nn.LayerNorm(cross_attention_dim)


class NoSuper(nn.Module):
    def __init__(self, image_embed_dim, cross_attention_dim, num_tokens=4):
        self.proj = nn.Linear(image_embed_dim, num_tokens * cross_attention_dim)


def with_buffer(self, d, c, n):
    good_init(self, d, c, n)
    self.register_buffer("tokens", torch.tensor(n))


PROJECTION_MISTAKES = {
    "split_the_wrong_way_round": (projection(forward=lambda s, x: s.norm(s.proj(x).view(len(x), s.dim, s.num_tokens)
                                                                         .transpose(1, 2))), "the wrong way round"),
    "permuted_the_wrong_way_round": (projection(forward=lambda s, x: s.norm(s.proj(x).view(len(x), s.dim, -1)
                                                                            .permute(0, 2, 1))), "the wrong way round"),
    "norm_before_the_split": (projection(forward=lambda s, x: F.layer_norm(s.proj(x), (s.num_tokens * s.dim,))
                                         .view(len(x), s.num_tokens, s.dim) * s.norm.weight + s.norm.bias),
                              "the LayerNorm ran over all N·C numbers at once"),
    "norm_over_the_token_block": (projection(forward=lambda s, x: F.layer_norm(tokens(s, x), (s.num_tokens, s.dim))),
                                  "the LayerNorm ran over all N·C numbers at once"),
    "norm_over_the_token_axis": (projection(forward=over_tokens), "normalised over the token axis"),
    "norm_never_applied": (projection(forward=tokens), "the norm is built but never applied"),
    "norm_without_its_weights": (projection(forward=lambda s, x: F.layer_norm(tokens(s, x), (s.dim,))),
                                 "without the norm's own weight and bias"),
    "gelu_after_proj": (projection(forward=lambda s, x: s.norm(F.gelu(s.proj(x)).view(len(x), s.num_tokens, -1))),
                        "an activation function was added"),
    "relu_after_norm": (projection(forward=lambda s, x: torch.relu(good_forward(s, x))),
                        "an activation function was added"),
    "reshape_of_the_transposed_projection": (projection(forward=lambda s, x: s.norm(s.proj(x).t().reshape(
        -1, s.num_tokens, s.dim))), "numbers from other pictures of the batch"),
    "tokens_first_then_transposed": (projection(forward=lambda s, x: s.norm(s.proj(x).reshape(
        s.num_tokens, -1, s.dim).transpose(0, 1))), "numbers from other pictures of the batch"),
    "fixed_batch_of_two": (projection(forward=lambda s, x: s.norm(s.proj(x).view(2, s.num_tokens, s.dim))),
                           "the batch size is a fixed number, 2: take it from image_embeds' first axis, which "
                           "holds 1 picture here"),
    "flattened_back": (projection(forward=lambda s, x: good_forward(s, x).flatten(1)), "flattened back to (B, N·C)"),
    "batch_and_tokens_stacked": (projection(forward=lambda s, x: s.norm(s.proj(x).view(-1, s.dim))),
                                 "stacked on one axis, (B·N, C)"),
    "returned_transposed": (projection(forward=lambda s, x: good_forward(s, x).transpose(1, 2)),
                            "you returned (B, C, N)"),
    "four_tokens_in_forward": (projection(forward=lambda s, x: s.norm(s.proj(x).view(len(x), 4, -1))),
                               "the number of tokens is fixed at 4: take it from num_tokens, 3 in this build"),
    "one_row_of_c_by_n": (projection(forward=lambda s, x: s.norm(s.proj(x).view(len(x), s.dim, s.num_tokens))),
                          "the LayerNorm got a tensor whose last axis is not C = 12"),
    # __init__: what strict loading refuses
    "layernorm_over_n_times_c": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(d, n * c),
                                                           norm=lambda d, c, n: nn.LayerNorm(n * c))),
                                 "norm.weight has N·C = 36 numbers; expected 12"),
    "layernorm_over_the_embedding": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(d, n * c),
                                                               norm=lambda d, c, n: nn.LayerNorm(d))),
                                     "norm.weight has image_embed_dim = 20 numbers"),
    "no_norm": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(d, n * c)), forward=tokens),
                "there is no norm"),
    "norm_without_affine": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(d, n * c),
                                                      norm=lambda d, c, n: nn.LayerNorm(c, elementwise_affine=False))),
                            "the LayerNorm has no learned weight and bias"),
    "proj_without_bias": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(d, n * c, bias=False),
                                                    norm=lambda d, c, n: nn.LayerNorm(c))), "proj has no bias"),
    "proj_in_and_out_swapped": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(n * c, d),
                                                          norm=lambda d, c, n: nn.LayerNorm(c))),
                                "proj.weight is (20, 36); expected (36, 20)"),
    "proj_gives_one_token": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(d, c),
                                                       norm=lambda d, c, n: nn.LayerNorm(c))),
                             "proj gives only C = 12 numbers"),
    "proj_always_four_tokens": (projection(init=init_with(proj=lambda d, c, n: nn.Linear(d, 4 * c),
                                                          norm=lambda d, c, n: nn.LayerNorm(c))),
                                "proj gives 4 tokens of C numbers, but this build asks for num_tokens = 3"),
    "other_names": (projection(init=init_with(linear=lambda d, c, n: nn.Linear(d, n * c),
                                              ln=lambda d, c, n: nn.LayerNorm(c)),
                               forward=lambda s, x: s.ln(s.linear(x).view(len(x), s.num_tokens, -1))),
                    "your parts have other names (linear, ln)"),
    "a_buffer_too": (projection(init=with_buffer), "your module also saves tokens"),
    "num_tokens_without_default": (projection(default_tokens=False), "num_tokens needs its default, 4"),
    "num_tokens_not_taken": (FourTokens, "__init__ takes image_embed_dim, cross_attention_dim and num_tokens"),
    "no_super_init": (NoSuper, "nn.Module's own __init__, called through super, must run first"),
}


@pytest.mark.parametrize("mistake", PROJECTION_MISTAKES)
def test_image_projection_mistake_is_named(mistake, capsys):
    cls, words = PROJECTION_MISTAKES[mistake]
    diagnosed(check_image_projection(cls), capsys, words)


PROJECTION_VARIANTS = {
    "as_in_the_notebook": projection(),
    "chunk_and_stack": projection(forward=lambda s, x: s.norm(torch.stack(s.proj(x).chunk(s.num_tokens, -1), 1))),
    "unflatten": projection(forward=lambda s, x: s.norm(s.proj(x).unflatten(-1, (s.num_tokens, -1)))),
    "reshape_by_the_input_shape": projection(forward=lambda s, x: s.norm(s.proj(x).reshape(*x.shape[:-1],
                                                                                            s.num_tokens, -1))),
    "the_course_class": ImageProjection,
}


@pytest.mark.parametrize("variant", PROJECTION_VARIANTS)
def test_image_projection_correct_variants_pass(variant, capsys):
    passes(check_image_projection(PROJECTION_VARIANTS[variant], device="cpu"), capsys)


def test_image_projection_wrong_arguments_are_explained(capsys):
    out = fails(check_image_projection(ImageProjection(4, 8)), capsys)
    assert "expected the class itself, got a module already built" in out
    assert "not an nn.Module" in fails(check_image_projection(dict), capsys)
    assert "expected a class" in fails(check_image_projection(len), capsys)


# ---- §2 decoupled_attention ---------------------------------------------------------------------------------------

def attend(q, k, v, root=None, dim=-1, times=1.0):
    """softmax(q kᵀ · times / √root) v, root the head size unless given, as a learner writes it out."""
    root = q.size(-1) if root is None else root
    weights = torch.softmax(times * (q @ k.transpose(-1, -2)) / math.sqrt(root), dim=dim)
    return weights @ v


def sdpa(q, k, v):
    return F.scaled_dot_product_attention(q, k, v)


ATTENTION_MISTAKES = {
    "one_softmax_over_both": (lambda q, k, v, ki, vi, s: sdpa(q, torch.cat([k, ki], 2), torch.cat([v, vi], 2)),
                              "you took one softmax over the text and image keys together"),
    "one_softmax_scale_on_image_values": (
        lambda q, k, v, ki, vi, s: attend(q, torch.cat([k, ki], -2), torch.cat([v, s * vi], -2)),
        "scale on the image values does not undo that"),
    "scale_on_both_halves": (lambda q, k, v, ki, vi, s: s * (attention(q, k, v) + attention(q, ki, vi)),
                             "scale multiplies both halves"),
    "blend": (lambda q, k, v, ki, vi, s: (1 - s) * sdpa(q, k, v) + s * sdpa(q, ki, vi), "you blended the halves"),
    "scale_inside_the_softmax": (lambda q, k, v, ki, vi, s: attend(q, k, v) + attend(q, ki, vi, times=s),
                                 "scale multiplied the image scores inside the softmax"),
    "no_root_d": (lambda q, k, v, ki, vi, s: attend(q, k, v, root=1) + s * attend(q, ki, vi, root=1),
                  "the scores were not divided by the square root of d"),
    "root_of_the_width": (lambda q, k, v, ki, vi, s: attend(q, k, v, root=q.shape[1] * q.shape[3])
                          + s * attend(q, ki, vi, root=q.shape[1] * q.shape[3]), "heads times d"),
    "root_of_the_key_count": (lambda q, k, v, ki, vi, s: attend(q, k, v, root=k.shape[2])
                              + s * attend(q, ki, vi, root=ki.shape[2]), "the number of keys"),
    "softmax_over_the_queries": (lambda q, k, v, ki, vi, s: attend(q, k, v, dim=2) + s * attend(q, ki, vi, dim=2),
                                 "the softmax ran over the query axis"),
    "image_keys_with_text_values": (lambda q, k, v, ki, vi, s: attend(q, ki, v) + s * attend(q, k, vi),
                                    "the keys and values of the two halves are crossed"),
    "text_keys_with_image_values": (lambda q, k, v, ki, vi, s: sdpa(q, k, vi) + s * sdpa(q, ki, vi),
                                    "the keys and values of the two halves are crossed"),
    "scale_ignored": (lambda q, k, v, ki, vi, s: attention(q, k, v) + attention(q, ki, vi), "scale was ignored"),
    "scale_on_the_text": (lambda q, k, v, ki, vi, s: s * attention(q, k, v) + attention(q, ki, vi),
                          "scale went on the text half"),
    "averaged": (lambda q, k, v, ki, vi, s: (attention(q, k, v) + s * attention(q, ki, vi)) / 2,
                 "you averaged the halves"),
    "concatenated_not_summed": (lambda q, k, v, ki, vi, s: torch.cat([sdpa(q, k, v), s * sdpa(q, ki, vi)], dim=-1),
                                "put side by side along the last axis"),
    "image_keys_and_values_swapped": (lambda q, k, v, ki, vi, s: attend(q, k, v) + s * attend(q, vi, ki),
                                      "keys and values are swapped in the image half"),
    "image_half_forgotten": (lambda q, k, v, ki, vi, s: attention(q, k, v), "the image half is missing"),
    "copy_pasted_text_half": (lambda q, k, v, ki, vi, s: attention(q, k, v) + s * attention(q, k, v),
                              "both halves read the text tokens"),
    "keys_not_transposed": (lambda q, k, v, ki, vi, s: torch.softmax(q @ k / 8, -1) @ v
                            + s * torch.softmax(q @ ki / 8, -1) @ vi, "a matrix product got sizes that do not line up"),
    "halves_stacked": (lambda q, k, v, ki, vi, s: (torch.stack([attention(q, k, v), attention(q, ki, vi)])
                                                   * torch.stack([torch.tensor(1.0), torch.tensor(s)])
                                                   .view(2, 1, 1, 1, 1)).sum(0) if k.shape == ki.shape else
                       attention(q, torch.stack([k, ki]), torch.stack([v, vi])), "as many tokens as each other"),
    "arguments_forgotten": (lambda q, k, v, scale: attention(q, k, v), "takes six arguments"),
}


@pytest.mark.parametrize("mistake", ATTENTION_MISTAKES)
def test_decoupled_attention_mistake_is_named(mistake, capsys):
    fn, words = ATTENTION_MISTAKES[mistake]
    diagnosed(check_decoupled_attention(fn), capsys, words)


ATTENTION_VARIANTS = {
    "as_in_the_notebook": lambda q, k, v, ki, vi, s: attention(q, k, v) + s * attention(q, ki, vi),
    "written_out": lambda q, k, v, ki, vi, s: attend(q, k, v) + s * attend(q, ki, vi),
    "scaled_dot_product_attention": lambda q, k, v, ki, vi, s: sdpa(q, k, v) + s * sdpa(q, ki, vi),
    "einsum": lambda q, k, v, ki, vi, s: sum(w * torch.einsum("bhqk,bhkd->bhqd", torch.einsum(
        "bhqd,bhkd->bhqk", q, kk).div(q.shape[-1] ** 0.5).softmax(-1), vv) for w, kk, vv in ((1, k, v), (s, ki, vi))),
    "the_course_function": decoupled_attention,
}


@pytest.mark.parametrize("variant", ATTENTION_VARIANTS)
def test_decoupled_attention_correct_variants_pass(variant, capsys):
    passes(check_decoupled_attention(ATTENTION_VARIANTS[variant], device="cpu"), capsys)


def test_decoupled_attention_passed_called_is_explained(capsys):
    assert "expected a function" in fails(check_decoupled_attention(torch.zeros(2)), capsys)


# ---- errors, stubs, hints -----------------------------------------------------------------------------------------

def stub(*args, **kwargs):
    raise NotImplementedError("write it")


def broken(*args, **kwargs):
    raise ValueError("my own bug")


STUBS = {
    "ImageProjection.__init__": (check_image_projection, projection(init=stub)),
    "ImageProjection.forward": (check_image_projection, projection(forward=stub)),
    "decoupled_attention": (check_decoupled_attention, stub),
}


@pytest.mark.parametrize("part", STUBS)
def test_a_stub_is_not_written_yet_and_its_hint_is_words(part, capsys):
    check, learner = STUBS[part]
    out = fails(check(learner), capsys)
    assert "not written yet" in out.split("\n", 1)[0] and "raises NotImplementedError" in out
    hint = out.split("hint: ", 1)[1]
    assert "(" not in hint and "=" not in hint and not code_in(hint, ""), hint


@pytest.mark.parametrize("check, learner, what", [
    (check_image_projection, projection(init=broken), "building ImageProjection(20, 12, num_tokens=3) raised "
                                                      "ValueError:\n    ValueError: my own bug"),
    (check_image_projection, projection(forward=broken), "image_projection raised ValueError on input "
                                                         "image_projection(ImageProjection(20, 12, num_tokens=3), "
                                                         "image_embeds (2, 20)):\n    ValueError: my own bug"),
    (check_decoupled_attention, broken, "decoupled_attention raised ValueError on input decoupled_attention(q (2, 3, "
                                        "5, 8), k (2, 3, 7, 8), v (2, 3, 7, 8), k_ip (2, 3, 4, 8), v_ip (2, 3, 4, 8), "
                                        "scale=1.0):\n    ValueError: my own bug"),
])
def test_an_error_in_the_learners_code_is_reported_without_a_traceback(check, learner, what, capsys):
    out = fails(check(learner), capsys)
    assert what in out and "it looks like" not in out, out


NAMES = {"image_projection": "§1", "decoupled_attention": "§2"}


@pytest.mark.parametrize("name", NAMES)
def test_every_check_is_registered_with_hints_in_words(name):
    registered_with_word_hints(name, "09_ip_adapter", NAMES[name])


def test_a_second_failure_shows_the_closer_hint_once_and_require_waits(capsys):
    closer_hint_on_the_second_failure(check_decoupled_attention, "decoupled_attention", "§2",
                                      ATTENTION_MISTAKES["blend"][0], decoupled_attention,
                                      "Each half is notebook 03's attention", capsys)


def test_the_checks_leave_the_learners_random_state_alone(capsys):
    torch.manual_seed(5)
    want = torch.rand(3)
    torch.manual_seed(5)
    check_image_projection(ImageProjection)
    check_decoupled_attention(decoupled_attention)
    assert torch.equal(torch.rand(3), want)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU: the checks' device argument")
def test_on_the_gpu_the_answers_pass_and_the_slips_are_still_named(capsys):
    passes(check_image_projection(ImageProjection, device="cuda"), capsys)
    passes(check_decoupled_attention(decoupled_attention, device="cuda"), capsys)
    diagnosed(check_image_projection(PROJECTION_MISTAKES["split_the_wrong_way_round"][0], device="cuda"), capsys,
              "the wrong way round")
    diagnosed(check_decoupled_attention(ATTENTION_MISTAKES["blend"][0], device="cuda"), capsys,
              "you blended the halves")
