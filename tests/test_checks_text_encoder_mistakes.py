"""Notebook 02's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass;
the hints are words, and they get closer with each failure."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from test_learner_notebooks import code_in  # the detector the stub hints pass
from torch import nn
from verdicts import fails, passes

from course import checks
from course.checks import progress
from course.checks.text_encoder import TIERS


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


def diagnosed(result, capsys, words: str) -> str:
    out = fails(result, capsys)
    first = out.split("\n", 1)[0]
    assert first.startswith(f"✗ {result.message[2:].split(':', 1)[0]}: it looks like "), out
    assert words in first, f"expected {words!r} on the first line:\n{out}"
    assert "\n  hint: " in out and ("first mismatch" in out or " raised " in out), out  # the report stays below
    return out


# ---- §2 causal_attention -------------------------------------------------------------------------------

def attention(scale=lambda d: math.sqrt(d), mask="future", fill=float("-inf"), dim=-1, after=False, keep=True):
    def causal_attention(q, k, v):
        scores = q @ k.transpose(-2, -1) / scale(q.shape[-1])
        t = scores.shape[-1]
        if after:
            probs = scores.softmax(dim=dim)
            return probs * torch.ones(t, t).tril() @ v
        if mask == "multiply":
            scores = scores * torch.ones(t, t).tril()
        elif mask:
            hide = {"future": torch.ones(t, t).triu(1), "past": torch.ones(t, t).tril(-1),
                    "diagonal": torch.ones(t, t).triu()}[mask].bool()
            masked = scores.masked_fill(hide, fill)
            scores = masked if keep else scores
        return scores.softmax(dim=dim) @ v
    return causal_attention


CAUSAL_MISTAKES = {
    "no_mask": (attention(mask=None), "the future is not masked"),
    "masked_fill_result_dropped": (attention(keep=False), "the future is not masked"),
    "mask_below_the_diagonal": (attention(mask="past"), "the mask points the wrong way"),
    "diagonal_masked_too": (attention(mask="diagonal"), "the mask also hides the diagonal"),
    "future_scores_zero": (attention(mask="multiply"), "the future scores were set to 0, not -inf"),
    "masked_after_softmax": (attention(after=True), "you zeroed the future after the softmax"),
    "no_scale": (attention(scale=lambda d: 1), "the scores are not divided by √d"),
    "divided_by_d": (attention(scale=lambda d: d), "the scores were divided by d"),
    "softmax_over_queries": (attention(dim=-2), "the softmax runs over the queries (dim -2)"),
    "k_not_transposed": (lambda q, k, v: (q @ k / math.sqrt(q.shape[-1])).softmax(-1) @ v,
                         "q @ k needs k transposed"),
}


@pytest.mark.parametrize("mistake", CAUSAL_MISTAKES)
def test_causal_attention_mistakes(mistake, capsys):
    fn, words = CAUSAL_MISTAKES[mistake]
    diagnosed(checks.check_causal_attention(fn), capsys, words)


# ---- §1 Embeddings ------------------------------------------------------------------------------------

class Embeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.token_embedding = nn.Embedding(config.vocab_size, config.hidden_size)
        self.position_embedding = nn.Embedding(config.max_position_embeddings, config.hidden_size)

    def forward(self, ids):
        return self.token_embedding(ids) + self.position_embedding(torch.arange(ids.shape[1]))


def embeddings(forward):
    return type("Embeddings", (Embeddings,), {"forward": forward})


EMBEDDINGS_MISTAKES = {
    "no_positions": (lambda self, ids: self.token_embedding(ids), "the position vectors are missing"),
    "positions_from_1": (lambda self, ids: self.token_embedding(ids) + self.position_embedding(
        torch.arange(1, ids.shape[1] + 1)), "the positions start at 1"),
    "positions_of_the_batch": (lambda self, ids: self.token_embedding(ids) + self.position_embedding(
        torch.arange(ids.shape[0])), "every token got the vector of position 0"),
    "concatenated": (lambda self, ids: torch.cat([self.token_embedding(ids), self.position_embedding(
        torch.arange(ids.shape[1])).expand(len(ids), -1, -1)], -1), "you concatenated the token and position"),
    "scaled_by_sqrt_d": (lambda self, ids: self.token_embedding(ids) * self.token_embedding.weight.shape[1] ** 0.5
                         + self.position_embedding(torch.arange(ids.shape[1])), "multiplied the token vectors by √D"),
    "77_positions": (lambda self, ids: self.token_embedding(ids) + self.position_embedding(torch.arange(77)),
                     "the positions were made for 77 tokens"),
    "positions_from_the_ids": (lambda self, ids: self.token_embedding(ids) + self.position_embedding(ids),
                               "an index went past the end of an embedding table"),
}


@pytest.mark.parametrize("mistake", EMBEDDINGS_MISTAKES)
def test_embeddings_mistakes(mistake, capsys):
    forward, words = EMBEDDINGS_MISTAKES[mistake]
    diagnosed(checks.check_embeddings(embeddings(forward)), capsys, words)


# ---- §2 SelfAttention -----------------------------------------------------------------------------------

class SelfAttention(nn.Module):
    """A learner's SelfAttention; each keyword of ``variant`` changes one thing."""

    variant: dict = {}

    def __init__(self, config):
        super().__init__()
        self.heads = self.variant.get("heads", config.num_attention_heads)
        width = config.hidden_size
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(width, width) for _ in range(4))

    def forward(self, x):
        b, t, width = x.shape
        h, v = self.heads, self.variant
        d = width // h
        if v.get("split") == "reshape":
            split = lambda y: y.reshape(b, h, t, d)  # noqa: E731
        else:
            split = lambda y: y.view(b, t, h, d).transpose(1, 2)  # noqa: E731
        q, k, val = split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x))
        if v.get("sdpa"):
            out = F.scaled_dot_product_attention(q, k, val)  # is_causal forgotten
        else:
            scores = q @ k.transpose(-2, -1) / math.sqrt(width if v.get("scale") == "D" else d)
            scores = scores.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf"))
            out = scores.softmax(dim=v.get("dim", -1)) @ val
        if v.get("merge") == "reshape":
            out = out.reshape(b, t, width)
        elif v.get("merge") == "view":
            out = out.transpose(1, 2).view(b, t, width)
        else:
            out = out.transpose(1, 2).reshape(b, t, width)
        return out if v.get("no_out_proj") else self.out_proj(out)


def self_attention(**variant):
    return type("SelfAttention", (SelfAttention,), {"variant": variant})


SELF_ATTENTION_MISTAKES = {
    "merged_without_transpose": (self_attention(merge="reshape"), "merged without transposing back"),
    "split_by_reshape": (self_attention(split="reshape", merge="reshape"), "split by reshaping straight"),
    "split_by_reshape_merged_right": (self_attention(split="reshape"), "split by reshaping straight"),
    "sdpa_not_causal": (self_attention(sdpa=True), "the attention is not causal"),
    "scaled_by_full_width": (self_attention(scale="D"), "divided by √D, the full width"),
    "one_head": (self_attention(heads=1), "you attended with one head"),
    "no_out_proj": (self_attention(no_out_proj=True), "out_proj is missing"),
    "softmax_over_queries": (self_attention(dim=-2), "the softmax runs over the queries"),
    "four_heads_hard_coded": (self_attention(heads=4), "the number of heads is hard-coded"),
    "view_after_transpose": (self_attention(merge="view"), "view needs a contiguous tensor"),
}


@pytest.mark.parametrize("mistake", SELF_ATTENTION_MISTAKES)
def test_self_attention_mistakes(mistake, capsys):
    cls, words = SELF_ATTENTION_MISTAKES[mistake]
    diagnosed(checks.check_self_attention(cls), capsys, words)


# ---- §3 EncoderLayer -----------------------------------------------------------------------------------

class MLP(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.fc1 = nn.Linear(config.hidden_size, config.intermediate_size)
        self.fc2 = nn.Linear(config.intermediate_size, config.hidden_size)


class EncoderLayer(nn.Module):
    act = staticmethod(lambda h: h * torch.sigmoid(1.702 * h))

    def __init__(self, config):
        super().__init__()
        self.self_attn = SelfAttention(config)
        self.layer_norm1 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)
        self.mlp = MLP(config)
        self.layer_norm2 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def ff(self, h):
        return self.mlp.fc2(self.act(self.mlp.fc1(h)))

    def forward(self, x):
        x = x + self.self_attn(self.layer_norm1(x))
        return x + self.ff(self.layer_norm2(x))


def layer(**methods):
    return type("EncoderLayer", (EncoderLayer,), {k: staticmethod(v) if k == "act" else v for k, v in methods.items()})


def normed_residual(self, x):
    x = self.layer_norm1(x)
    x = x + self.self_attn(x)
    x = self.layer_norm2(x)
    return x + self.ff(x)


def post_ln(self, x):
    x = self.layer_norm1(x + self.self_attn(x))
    return self.layer_norm2(x + self.ff(x))


ENCODER_LAYER_MISTAKES = {
    "post_ln": (layer(forward=post_ln), "the layer is post-LN"),
    "residual_from_normalised_x": (layer(forward=normed_residual), "the residual starts from the normalised x"),
    "exact_gelu": (layer(act=nn.GELU()), "the MLP uses the exact GELU"),
    "tanh_gelu": (layer(act=nn.GELU(approximate="tanh")), "the tanh approximation of GELU"),
    "silu": (layer(act=F.silu), "the MLP uses x·sigmoid(x) (SiLU)"),
    "relu": (layer(act=torch.relu), "the MLP uses ReLU"),
    "norms_swapped": (layer(forward=lambda self, x: (lambda y: y + self.ff(self.layer_norm1(y)))(
        x + self.self_attn(self.layer_norm2(x)))), "layer_norm1 and layer_norm2 are swapped"),
    "layer_norm1_twice": (layer(forward=lambda self, x: (lambda y: y + self.ff(self.layer_norm1(y)))(
        x + self.self_attn(self.layer_norm1(x)))), "layer_norm1 normalises both blocks' inputs"),
    "no_attention_residual": (layer(forward=lambda self, x: (lambda y: y + self.ff(self.layer_norm2(y)))(
        self.self_attn(self.layer_norm1(x)))), "the attention's residual is missing"),
    "no_mlp_residual": (layer(forward=lambda self, x: self.ff(self.layer_norm2(x + self.self_attn(
        self.layer_norm1(x))))), "the MLP's residual is missing"),
}


@pytest.mark.parametrize("mistake", ENCODER_LAYER_MISTAKES)
def test_encoder_layer_mistakes(mistake, capsys):
    cls, words = ENCODER_LAYER_MISTAKES[mistake]
    diagnosed(checks.check_encoder_layer(cls), capsys, words)


def test_a_layer_built_on_a_failing_self_attention_says_to_fix_that_first(capsys):
    broken = self_attention(merge="reshape")
    checks.check_self_attention(broken)
    capsys.readouterr()
    with_broken = type("EncoderLayer", (EncoderLayer,), {"__init__": lambda self, config: (
        EncoderLayer.__init__(self, config), setattr(self, "self_attn", broken(config)))[0]})
    diagnosed(checks.check_encoder_layer(with_broken), capsys,
              "does not pass its own check yet (§2 `SelfAttention`); fix that first")


# ---- §4 TextEncoder ----------------------------------------------------------------------------------------

class Encoder(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.layers = nn.ModuleList([EncoderLayer(config) for _ in range(config.num_hidden_layers)])


class TextEncoder(nn.Module):
    """A learner's TextEncoder; ``pick``, ``pool`` and ``norm`` are where the usual mistakes happen."""

    def __init__(self, config):
        super().__init__()
        self.embeddings = Embeddings(config)
        self.encoder = Encoder(config)
        self.final_layer_norm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def pick(self, hidden, clip_skip):
        return hidden[-(clip_skip + 1)]

    def pool(self, last, ids):
        return last[torch.arange(len(ids)), ids.argmax(dim=-1)]

    def norms(self, context, last, clip_skip):
        return self.final_layer_norm(context), self.final_layer_norm(last)

    def forward(self, ids, clip_skip=0):
        hidden = [self.embeddings(ids)]
        for layer_ in self.encoder.layers:
            hidden.append(layer_(hidden[-1]))
        context, last = self.norms(self.pick(hidden, clip_skip), hidden[-1], clip_skip)
        return context, self.pool(last, ids)


def encoder(**methods):
    return type("TextEncoder", (TextEncoder,), methods)


def forward_without_clip_skip(self, ids):
    return TextEncoder.forward(self, ids)


TEXT_ENCODER_MISTAKES = {
    "pooled_at_the_last_position": (encoder(pool=lambda self, last, ids: last[:, -1]),
                                    "the pooled vector was read at the last position"),
    "pooled_at_the_last_eos": (encoder(pool=lambda self, last, ids: last[torch.arange(len(ids)), (
        ids == ids.max()).int().cumsum(-1).argmax(-1)]), "the pooled vector was read at the last position"),
    "pooled_at_bos": (encoder(pool=lambda self, last, ids: last[:, 0]), "the pooled vector was read at position 0"),
    "pooled_as_a_mean": (encoder(pool=lambda self, last, ids: last.mean(1)), "the pooled vector is a mean"),
    "final_layer_norm_forgotten": (encoder(norms=lambda self, c, last, k: (c, last)),
                                   "final_layer_norm was forgotten"),
    "pooled_without_final_layer_norm": (encoder(norms=lambda self, c, last, k: (self.final_layer_norm(c), last)),
                                        "the pooled vector skipped final_layer_norm"),
    "context_without_final_layer_norm": (encoder(norms=lambda self, c, last, k: (c, self.final_layer_norm(last))),
                                         "the context skipped final_layer_norm"),
    "minus_clip_skip": (encoder(pick=lambda self, hidden, k: hidden[-k]), "the layer is off by one"),
    "a1111_numbering": (encoder(pick=lambda self, hidden, k: hidden[-k] if k else hidden[-1]),
                        "clip_skip was read in A1111's numbering"),
    "skipped_layer_not_normalised": (encoder(norms=lambda self, c, last, k: (
        c if k else self.final_layer_norm(c), self.final_layer_norm(last))),
        "the skipped layer did not go through final_layer_norm"),
    "pooled_from_the_skipped_layer": (encoder(norms=lambda self, c, last, k: (
        self.final_layer_norm(c), self.final_layer_norm(c))), "the pooled vector came from the skipped layer"),
    "no_clip_skip_argument": (encoder(forward=forward_without_clip_skip), "forward must accept clip_skip"),
}


@pytest.mark.parametrize("mistake", TEXT_ENCODER_MISTAKES)
def test_text_encoder_mistakes(mistake, capsys):
    cls, words = TEXT_ENCODER_MISTAKES[mistake]
    diagnosed(checks.check_text_encoder(cls), capsys, words)


# ---- §6 apply_weights -----------------------------------------------------------------------------------

def weights_like(dims=(1, 2), flip=False, restore=True):
    def apply_weights(z, weights):
        weighted = z * weights.unsqueeze(-1)
        if not restore:
            return weighted
        before, after = z.mean(dim=dims, keepdim=True), weighted.mean(dim=dims, keepdim=True)
        return weighted * (after / before if flip else before / after)
    return apply_weights


APPLY_WEIGHTS_MISTAKES = {
    "mean_not_restored": (weights_like(restore=False), "the mean was not restored"),
    "ratio_upside_down": (weights_like(flip=True), "the rescaling factor is upside down"),
    "one_mean_for_the_batch": (weights_like(dims=(0, 1, 2)), "one mean was taken over the whole batch"),
    "mean_per_token": (weights_like(dims=(-1,)), "the result is z itself, without the weights"),
    "mean_per_channel": (weights_like(dims=(1,)), "the means run over the tokens only (dim=1)"),
    "weights_without_last_axis": (lambda z, w: z * w * (z.mean() / (z * w).mean()),
                                  "the weights (B, T) need a last axis"),
}


@pytest.mark.parametrize("mistake", APPLY_WEIGHTS_MISTAKES)
def test_apply_weights_mistakes(mistake, capsys):
    fn, words = APPLY_WEIGHTS_MISTAKES[mistake]
    diagnosed(checks.check_apply_weights(fn), capsys, words)


# ---- §7 clip_loss ----------------------------------------------------------------------------------------

def loss_like(norm_dim=-1, ways="both", halve=True, temperature_as="divide", reduction="mean"):
    def clip_loss(image_emb, text_emb, temperature=0.07):
        if norm_dim is not None:
            image_emb = image_emb / image_emb.norm(dim=norm_dim, keepdim=True)
            text_emb = text_emb / text_emb.norm(dim=norm_dim, keepdim=True)
        logits = image_emb @ text_emb.T
        logits = {"divide": logits / temperature, "multiply": logits * temperature, "ignore": logits}[temperature_as]
        labels = torch.arange(len(logits))
        i2t = F.cross_entropy(logits, labels, reduction=reduction)
        t2i = F.cross_entropy(logits.T, labels, reduction=reduction)
        if ways != "both":
            return i2t if ways == "rows" else t2i
        return (i2t + t2i) / 2 if halve else i2t + t2i
    return clip_loss


CLIP_LOSS_MISTAKES = {
    "not_normalised": (loss_like(norm_dim=None), "the embeddings were not normalised"),
    "columns_normalised": (loss_like(norm_dim=0), "each column was normalised (dim 0)"),
    "image_to_text_only": (loss_like(ways="rows"), "only one direction is in the loss"),
    "text_to_image_only": (loss_like(ways="columns"), "only one direction is in the loss"),
    "not_halved": (loss_like(halve=False), "the two directions were added but not halved"),
    "times_temperature": (loss_like(temperature_as="multiply"), "multiplied by the temperature"),
    "no_temperature": (loss_like(temperature_as="ignore"), "the temperature was left out"),
    "summed_over_the_batch": (loss_like(reduction="sum"), "the cross-entropies were summed over the batch"),
}


@pytest.mark.parametrize("mistake", CLIP_LOSS_MISTAKES)
def test_clip_loss_mistakes(mistake, capsys):
    fn, words = CLIP_LOSS_MISTAKES[mistake]
    diagnosed(checks.check_clip_loss(fn), capsys, words)


# ---- correct answers written other ways pass -------------------------------------------------------------

def attention_with_tril(q, k, v):
    scores = torch.einsum("bhid,bhjd->bhij", q, k) * q.shape[-1] ** -0.5
    t = scores.shape[-1]
    scores = torch.where(torch.ones(t, t, dtype=torch.bool).tril(), scores, torch.tensor(float("-inf")))
    return torch.softmax(scores, dim=-1) @ v


class SdpaAttention(SelfAttention):
    def forward(self, x):
        b, t, width = x.shape
        split = lambda y: y.unflatten(-1, (self.heads, -1)).permute(0, 2, 1, 3)  # noqa: E731
        out = F.scaled_dot_product_attention(split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x)),
                                             is_causal=True)
        return self.out_proj(out.permute(0, 2, 1, 3).flatten(2))


class EncoderLayerWithGeluModule(EncoderLayer):
    def ff(self, h):
        h = self.mlp.fc1(h)
        return self.mlp.fc2(h * torch.sigmoid(h * 1.702))


class TextEncoderGather(TextEncoder):
    def pool(self, last, ids):
        eos = (ids == ids.max(dim=-1, keepdim=True).values).int().argmax(-1)  # the first occurrence of the largest id
        return last.gather(1, eos[:, None, None].expand(-1, 1, last.shape[-1]))[:, 0]


@pytest.mark.parametrize("check, answer", [
    (checks.check_causal_attention, attention_with_tril),
    (checks.check_causal_attention, attention()),
    (checks.check_embeddings, Embeddings),
    (checks.check_self_attention, SdpaAttention),
    (checks.check_self_attention, self_attention()),
    (checks.check_encoder_layer, EncoderLayerWithGeluModule),
    (checks.check_text_encoder, TextEncoderGather),
    (checks.check_text_encoder, TextEncoder),
    (checks.check_apply_weights, weights_like()),
    (checks.check_clip_loss, loss_like()),
], ids=["einsum_and_where", "masked_fill", "embeddings", "sdpa_is_causal", "view_transpose", "gelu_written_out",
        "gather_at_eos", "argmax_indexing", "apply_weights", "clip_loss_written_out"])
def test_correct_variants_pass(check, answer, capsys):
    passes(check(answer), capsys)


# ---- hints: words, in tiers ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TIERS)
def test_hint_tiers_are_words_and_registered(name):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "02_clip" and exercise.tiers == list(TIERS[name]) and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert not code_in(tier, ""), f"{name}: {tier!r} shows {code_in(tier, '')}"


def test_a_second_failure_shows_the_closer_hint_then_where_the_answer_is(capsys):
    wrong = encoder(pool=lambda self, last, ids: last[:, -1])
    first = checks.check_text_encoder(wrong).message
    assert "closer hint" not in first and f"hint: {TIERS['TextEncoder'][0]}" in first
    second = checks.check_text_encoder(wrong).message
    assert f"closer hint (2nd try): {TIERS['TextEncoder'][1]}" in second
    assert second.count("it looks like") == 1 and second.count("closer hint") == 1
    checks.check_text_encoder(wrong)
    fourth = checks.check_text_encoder(wrong).message
    assert "no more hints: the answer is in solutions/02_clip.ipynb, §4" in fourth
