"""Tests for course/checks/text_encoder.py (notebook 02): right answers pass, wrong ones fail with a message
that names the first mismatch or the parameter names that differ, stubs are "not written yet"."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from transformers.models.clip.modeling_clip import image_text_contrastive_loss

from course import checks
from course.checks import progress
from course.checks.text_encoder import CONFIGS, reference_apply_weights, reference_clip_loss
from course.nets import text_encoder as ref
from course.text.prompts import Chunk


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    """Each test starts with no check passed or failed: the hints of a repeated failure do not leak across tests."""
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


# ---- a learner's correct answers, written independently of course.nets.text_encoder ------------------

def my_causal_attention(q, k, v, mask=True, scale=True, diagonal=1):
    scores = q @ k.transpose(-2, -1)
    if scale:
        scores = scores / math.sqrt(q.shape[-1])
    if mask:
        t = scores.shape[-1]
        scores = scores.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(diagonal), float("-inf"))
    return scores.softmax(dim=-1) @ v


class MyEmbeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.token_embedding = nn.Embedding(config.vocab_size, config.hidden_size)
        self.position_embedding = nn.Embedding(config.max_position_embeddings, config.hidden_size)

    def forward(self, ids):
        return self.token_embedding(ids) + self.position_embedding(torch.arange(ids.shape[1]))


class MySelfAttention(nn.Module):
    def __init__(self, config, mask=True, merge_wrong=False):
        super().__init__()
        self.heads, self.mask, self.merge_wrong = config.num_attention_heads, mask, merge_wrong
        d = config.hidden_size
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(d, d) for _ in range(4))

    def forward(self, x):
        b, t, d = x.shape
        split = lambda y: y.view(b, t, self.heads, d // self.heads).transpose(1, 2)  # noqa: E731
        out = my_causal_attention(split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x)), mask=self.mask)
        merged = out.reshape(b, t, d) if self.merge_wrong else out.transpose(1, 2).reshape(b, t, d)
        return self.out_proj(merged)


class MyMLP(nn.Module):
    def __init__(self, config, exact_gelu=False):
        super().__init__()
        self.fc1 = nn.Linear(config.hidden_size, config.intermediate_size)
        self.fc2 = nn.Linear(config.intermediate_size, config.hidden_size)
        self.exact_gelu = exact_gelu

    def forward(self, x):
        h = self.fc1(x)
        return self.fc2(F.gelu(h) if self.exact_gelu else h * torch.sigmoid(1.702 * h))


class MyEncoderLayer(nn.Module):
    variant = "right"  # "post_ln", "swapped_norms", "exact_gelu"

    def __init__(self, config):
        super().__init__()
        self.self_attn = MySelfAttention(config)
        self.layer_norm1 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)
        self.mlp = MyMLP(config, exact_gelu=self.variant == "exact_gelu")
        self.layer_norm2 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def forward(self, x):
        if self.variant == "post_ln":
            x = self.layer_norm1(x + self.self_attn(x))
            return self.layer_norm2(x + self.mlp(x))
        first, second = (self.layer_norm2, self.layer_norm1) if self.variant == "swapped_norms" else \
            (self.layer_norm1, self.layer_norm2)
        x = x + self.self_attn(first(x))
        return x + self.mlp(second(x))


class MyEncoder(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.layers = nn.ModuleList([MyEncoderLayer(config) for _ in range(config.num_hidden_layers)])


class MyTextEncoder(nn.Module):
    variant = "right"  # "last_position", "skip_without_ln", "pooled_from_skipped", "context_only", "no_clip_skip"

    def __init__(self, config):
        super().__init__()
        self.embeddings = MyEmbeddings(config)
        self.encoder = MyEncoder(config)
        self.final_layer_norm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def forward(self, ids, clip_skip=0):
        hidden = [self.embeddings(ids)]
        for layer in self.encoder.layers:
            hidden.append(layer(hidden[-1]))
        chosen = hidden[-(clip_skip + 1)]
        context = chosen if self.variant == "skip_without_ln" and clip_skip else self.final_layer_norm(chosen)
        last = context if self.variant == "pooled_from_skipped" else self.final_layer_norm(hidden[-1])
        where = torch.full((ids.shape[0],), ids.shape[1] - 1) if self.variant == "last_position" else ids.argmax(-1)
        pooled = last[torch.arange(ids.shape[0]), where]
        return context if self.variant == "context_only" else (context, pooled)


def my_apply_weights(z, weights, per_row=True, restore=True):
    weighted = z * weights[..., None]
    if not restore:
        return weighted
    dims = (1, 2) if per_row else (0, 1, 2)
    return weighted * (z.mean(dim=dims, keepdim=True) / weighted.mean(dim=dims, keepdim=True))


def my_clip_loss(image_emb, text_emb, temperature=0.07, normalise=True, both_ways=True):
    if normalise:
        image_emb, text_emb = F.normalize(image_emb, dim=-1), F.normalize(text_emb, dim=-1)
    logits = image_emb @ text_emb.T / temperature
    labels = torch.arange(len(logits))
    if not both_ways:
        return F.cross_entropy(logits, labels)
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2


def variant(cls, name):
    """A subclass of cls whose forward takes the given wrong turn."""
    return type(cls.__name__, (cls,), {"variant": name})


# ---- right answers pass ----------------------------------------------------------------------------

class ReferenceTextEncoderAsLearner(ref.TextEncoder):
    """The reference, with the learner's forward signature: (context, pooled)."""

    def forward(self, ids, clip_skip=0):
        out = super().forward(ids, clip_skip=clip_skip, output_hidden_states=True)
        return out.last_hidden_state, out.pooled


@pytest.mark.parametrize("check, answer", [
    (checks.check_embeddings, MyEmbeddings),
    (checks.check_embeddings, ref.CLIPTextEmbeddings),
    (checks.check_causal_attention, my_causal_attention),
    (checks.check_causal_attention, lambda q, k, v: F.scaled_dot_product_attention(q, k, v, is_causal=True)),
    (checks.check_self_attention, MySelfAttention),
    (checks.check_self_attention, ref.CLIPAttention),
    (checks.check_encoder_layer, MyEncoderLayer),
    (checks.check_encoder_layer, ref.CLIPEncoderLayer),
    (checks.check_text_encoder, MyTextEncoder),
    (checks.check_text_encoder, ReferenceTextEncoderAsLearner),
    (checks.check_apply_weights, my_apply_weights),
    (checks.check_clip_loss, my_clip_loss),
])
def test_a_right_answer_passes(check, answer, capsys):
    result = check(answer)
    out = capsys.readouterr().out
    assert result.passed and bool(result), out
    assert out.startswith("✓") and out.strip() == result.message


def test_the_checks_are_reexported_from_course_checks():
    for name in ["check_embeddings", "check_causal_attention", "check_self_attention", "check_encoder_layer",
                 "check_text_encoder", "check_apply_weights", "check_clip_loss"]:
        assert callable(getattr(checks, name))


def test_a_check_leaves_the_learners_random_state_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    checks.check_text_encoder(MyTextEncoder)
    checks.check_clip_loss(my_clip_loss)
    assert torch.equal(torch.rand(3), expected)


# ---- the references are what they claim to be -------------------------------------------------------

def test_reference_apply_weights_is_the_math_of_encode_weighted():
    torch.manual_seed(0)
    cfg = CONFIGS["tiny"]
    model = ref.TextEncoder(cfg).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    ids = [[998, 5, 6, 7, 999] + [999] * 72, [998, 9, 999] + [999] * 74]
    weights = [[1.0, 1.5, 1.0, 0.8, 1.0] + [1.0] * 72, [1.0, 1.21, 1.0] + [1.0] * 74]
    with torch.no_grad():
        z = model(torch.tensor(ids))
        expected = ref.encode_weighted(model, [[Chunk(i, w)] for i, w in zip(ids, weights)])
    assert torch.allclose(reference_apply_weights(z, torch.tensor(weights)), expected, atol=1e-6)


def test_reference_clip_loss_is_transformers_loss():
    g = torch.Generator().manual_seed(0)
    image, text = torch.randn(6, 8, generator=g), torch.randn(6, 8, generator=g)
    scale = 1 / 0.07
    logits_per_text = F.normalize(text, dim=-1) @ F.normalize(image, dim=-1).T * scale
    assert torch.allclose(reference_clip_loss(image, text, 0.07), image_text_contrastive_loss(logits_per_text),
                          atol=1e-6)


# ---- not written yet, wrong kinds of argument, exceptions ---------------------------------------------

class Stub(nn.Module):
    def __init__(self, config):
        super().__init__()
        # YOUR CODE HERE
        raise NotImplementedError("two nn.Embedding(...)")


class StubForward(MyEmbeddings):
    def forward(self, ids):
        # YOUR CODE HERE
        raise NotImplementedError("add the positions")


def not_written(*args):
    # YOUR CODE HERE
    raise NotImplementedError("Write this part, then run the check below.")


@pytest.mark.parametrize("check, stub", [
    (checks.check_embeddings, Stub), (checks.check_embeddings, StubForward), (checks.check_self_attention, Stub),
    (checks.check_encoder_layer, Stub), (checks.check_text_encoder, Stub), (checks.check_causal_attention, not_written),
    (checks.check_apply_weights, not_written), (checks.check_clip_loss, not_written),
])
def test_a_stub_is_not_written_yet_without_a_traceback(check, stub, capsys):
    result = check(stub)
    out = capsys.readouterr().out
    assert not result
    assert "not written yet" in result.message and "hint:" in result.message
    assert "Traceback" not in out and out.strip() == result.message


def test_passing_a_built_module_instead_of_the_class():
    result = checks.check_embeddings(MyEmbeddings(CONFIGS["tiny"]))
    assert not result
    assert "expected the class" in result.message
    assert "Pass the class: Embeddings, not Embeddings(...)" in result.message


def test_passing_a_function_instead_of_a_class():
    result = checks.check_encoder_layer(lambda config: None)
    assert not result and "expected a class" in result.message


def test_forgetting_super_init_gets_its_own_hint():
    class NoSuper(nn.Module):
        def __init__(self, config):
            self.token_embedding = nn.Embedding(config.vocab_size, config.hidden_size)

    result = checks.check_embeddings(NoSuper)
    assert not result
    assert "raised AttributeError" in result.message and "call super().__init__() first" in result.message


def test_an_exception_in_forward_names_its_type_and_input():
    class Broken(MyEmbeddings):
        def forward(self, ids):
            return self.token_embedding(ids) + self.position_embedding(torch.arange(77))

    result = checks.check_embeddings(Broken)
    assert not result
    assert "1 of 5 inputs match" in result.message  # only the 77-token input works
    assert "Embeddings raised RuntimeError on input Embeddings(tiny config)(ids (3, 5))" in result.message


# ---- wrong parameter names and shapes ----------------------------------------------------------------

def test_wrong_names_are_listed_as_missing_and_unexpected():
    class Renamed(nn.Module):
        def __init__(self, config):
            super().__init__()
            self.token_embedding = nn.Embedding(config.vocab_size, config.hidden_size)
            self.pos_embedding = nn.Embedding(config.max_position_embeddings, config.hidden_size)

    result = checks.check_embeddings(Renamed)
    assert not result
    assert "missing (the reference has them, yours does not): position_embedding.weight" in result.message
    assert "unexpected (yours has them, the reference does not): pos_embedding.weight" in result.message
    assert "self.token_embedding and self.position_embedding" in result.message


def test_nn_multihead_attention_instead_of_four_projections():
    class Builtin(nn.Module):
        def __init__(self, config):
            super().__init__()
            self.attn = nn.MultiheadAttention(config.hidden_size, config.num_attention_heads, batch_first=True)

    result = checks.check_self_attention(Builtin)
    assert "missing (the reference has them, yours does not): q_proj.weight, q_proj.bias, k_proj.weight" \
           in result.message
    assert "unexpected (yours has them, the reference does not): attn.in_proj_weight" in result.message


def test_a_text_encoder_without_the_encoder_prefix():
    class Flat(MyTextEncoder):
        def __init__(self, config):
            super().__init__(config)
            self.layers = self.encoder.layers
            del self.encoder

    result = checks.check_text_encoder(Flat)
    assert "missing (the reference has them, yours does not): encoder.layers.0.self_attn" in result.message
    assert "unexpected (yours has them, the reference does not): layers.0.self_attn" in result.message
    assert "self.encoder.layers" in result.message


def test_hard_coded_sizes_fail_on_the_second_config():
    class HardCoded(nn.Module):
        def __init__(self, config):
            super().__init__()
            self.fc1 = nn.Linear(config.hidden_size, 4 * config.hidden_size)
            self.fc2 = nn.Linear(4 * config.hidden_size, config.hidden_size)

    class Layer(MyEncoderLayer):
        def __init__(self, config):
            super().__init__(config)
            self.mlp = HardCoded(config)

    result = checks.check_encoder_layer(Layer)
    assert not result
    assert "(tiny config)" in result.message
    assert "wrong shape: mlp.fc1.weight: expected (37, 32), yours (128, 32)" in result.message
    assert "take every size from the config" in result.message


# ---- wrong computations name the first mismatch -----------------------------------------------------

def test_attention_without_the_mask():
    result = checks.check_causal_attention(lambda q, k, v: my_causal_attention(q, k, v, mask=False))
    assert not result
    assert "1 of 6 inputs match" in result.message  # only the one-token input
    assert "input:       causal_attention(tensor of shape (1, 1, 4, 8), torch.float32" in result.message
    assert "values differ; max |Δ|" in result.message and "-inf" in result.message


def test_attention_without_the_scale():
    result = checks.check_causal_attention(lambda q, k, v: my_causal_attention(q, k, v, scale=False))
    assert not result and "first mismatch" in result.message and "not divided by √d" in result.message


def test_attention_that_also_masks_the_diagonal():
    result = checks.check_causal_attention(lambda q, k, v: my_causal_attention(q, k, v, diagonal=0))
    assert not result and "first mismatch" in result.message


class NoMask(MySelfAttention):
    def __init__(self, config):
        super().__init__(config, mask=False)


class MergedWrong(MySelfAttention):
    def __init__(self, config):
        super().__init__(config, merge_wrong=True)


def test_self_attention_without_the_mask():
    result = checks.check_self_attention(NoMask)
    assert not result
    assert "1 of 4 inputs match" in result.message  # only the one-token input
    assert "input:       SelfAttention(tiny config)(x (2, 77, 32))" in result.message


def test_self_attention_that_merges_the_heads_without_transposing_back():
    result = checks.check_self_attention(MergedWrong)
    assert not result
    assert "input:       SelfAttention(tiny config)(x (2, 77, 32))" in result.message
    assert "transpose(1, 2) before the reshape to (B, T, D)" in result.message


@pytest.mark.parametrize("name", ["post_ln", "swapped_norms", "exact_gelu"])
def test_encoder_layer_variants_fail(name):
    result = checks.check_encoder_layer(variant(MyEncoderLayer, name))
    assert not result
    assert "0 of 3 inputs match" in result.message
    assert "input:       EncoderLayer(tiny config)(x (2, 77, 32))" in result.message
    assert "pre-LN" in result.message


def test_pooled_at_the_last_position_instead_of_eos():
    result = checks.check_text_encoder(variant(MyTextEncoder, "last_position"))
    assert not result
    assert "input:       TextEncoder(tiny config)(ids (2, 77))" in result.message
    assert "difference:  at [1]:" in result.message  # the context (item 0) is right, the pooled vector is not
    assert "argmax" in result.message


@pytest.mark.parametrize("name", ["skip_without_ln", "pooled_from_skipped"])
def test_clip_skip_mistakes_fail_only_where_clip_skip_is_used(name):
    result = checks.check_text_encoder(variant(MyTextEncoder, name))
    assert not result
    assert "3 of 6 inputs match" in result.message
    assert "input:       TextEncoder(tiny config)(ids (2, 77), clip_skip=1)" in result.message
    expected_item = "[0]" if name == "skip_without_ln" else "[1]"
    assert f"difference:  at {expected_item}:" in result.message


def test_returning_only_the_context():
    result = checks.check_text_encoder(variant(MyTextEncoder, "context_only"))
    assert not result and "expected a list of 2 items, got a tensor of shape (2, 77, 32)" in result.message


def test_a_text_encoder_without_clip_skip_passes_the_other_inputs():
    class NoSkip(MyTextEncoder):
        def forward(self, ids):
            return super().forward(ids)

    result = checks.check_text_encoder(NoSkip)
    assert "3 of 6 inputs match" in result.message
    assert "TypeError" in result.message and "clip_skip" in result.message


def test_apply_weights_without_restoring_the_mean():
    result = checks.check_apply_weights(lambda z, w: my_apply_weights(z, w, restore=False))
    assert not result
    assert "1 of 4 inputs match" in result.message  # weights all 1: nothing to restore
    assert "input:       apply_weights(tensor of shape (1, 77, 32), torch.float32" in result.message


def test_apply_weights_with_one_mean_for_the_whole_batch():
    result = checks.check_apply_weights(lambda z, w: my_apply_weights(z, w, per_row=False))
    assert not result
    assert "2 of 4 inputs match" in result.message  # the batches of one row agree
    assert "input:       apply_weights(tensor of shape (2, 77, 16)" in result.message


def test_apply_weights_that_changes_z_in_place_is_compared_fairly():
    def in_place(z, w):
        mean = z.mean(dim=(1, 2), keepdim=True)
        z *= w[..., None]
        return z * (mean / z.mean(dim=(1, 2), keepdim=True))

    assert checks.check_apply_weights(in_place)


@pytest.mark.parametrize("kwargs, fragment", [
    ({"normalise": False}, "first mismatch"),
    ({"both_ways": False}, "first mismatch"),
])
def test_clip_loss_mistakes(kwargs, fragment):
    result = checks.check_clip_loss(lambda i, t, temperature: my_clip_loss(i, t, temperature, **kwargs))
    assert not result and fragment in result.message
    assert "input:       clip_loss(tensor of shape (4, 8), torch.float32, tensor of shape (4, 8), torch.float32, 0.07)" \
           in result.message


def test_clip_loss_that_multiplies_by_the_temperature():
    result = checks.check_clip_loss(lambda i, t, temperature: my_clip_loss(i, t, 1 / temperature))
    assert not result and "2 of 6 inputs match" in result.message and "max |Δ| = 7.11" in result.message


def test_clip_loss_that_returns_one_loss_per_pair():
    def per_pair(image, text, temperature):
        logits = F.normalize(image, dim=-1) @ F.normalize(text, dim=-1).T / temperature
        labels = torch.arange(len(logits))
        return (F.cross_entropy(logits, labels, reduction="none") + F.cross_entropy(logits.T, labels, reduction="none")) / 2

    result = checks.check_clip_loss(per_pair)
    assert not result and "expected shape (), got (4,)" in result.message
