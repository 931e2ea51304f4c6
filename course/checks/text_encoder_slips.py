"""The mistakes learners make in notebook 02 (CLIP's text encoder), written as code.

Each list holds ``(words, fn)`` slips; ``words`` finishes the sentence "it looks like ..." with what went wrong
and how to fix it. Function slips take the exercise's arguments; module slips take the reference module (which
holds exactly the weights the learner's module got) and then the call's inputs. The checks in
course.checks.text_encoder try them in order when a learner's value is wrong (course.checks.text_diagnose).
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

# ---- §2 causal_attention ---------------------------------------------------------------------------


def _attention(q, k, v, *, scale: str = "sqrt", mask: str = "future", fill: float = float("-inf"), dim: int = -1,
               after: bool = False):
    scores = q @ k.transpose(-2, -1)
    d = q.shape[-1]
    scores = scores / {"sqrt": math.sqrt(d), "d": d, "none": 1.0}[scale]
    t = scores.shape[-1]
    ones = torch.ones(t, t, dtype=torch.bool)
    hidden = {"future": ones.triu(1), "past": ones.tril(-1), "diagonal": ones.triu(0), "none": ~ones}[mask]
    if after:
        return scores.softmax(dim=dim).masked_fill(hidden, 0.0) @ v
    return scores.masked_fill(hidden, fill).softmax(dim=dim) @ v


CAUSAL_SLIPS = [
    ("the future is not masked: every token sees every other token. Set the scores where the key comes after the "
     "query (key j > query i, above the diagonal) to -inf before the softmax; masked_fill returns a new tensor, so "
     "keep what it returns.", lambda q, k, v: _attention(q, k, v, mask="none")),
    ("the mask points the wrong way: it hides the past and shows the future. Token i may see keys j <= i, so mask "
     "above the diagonal (triu with diagonal 1), not below it.", lambda q, k, v: _attention(q, k, v, mask="past")),
    ("the mask also hides the diagonal, so token 0 sees nothing at all (a row of -inf gives NaN). A token sees "
     "itself: mask only j > i, triu with diagonal 1.", lambda q, k, v: _attention(q, k, v, mask="diagonal")),
    ("the future scores were set to 0, not -inf: a score of 0 still gets weight e^0 in the softmax. Fill them with "
     "float('-inf').", lambda q, k, v: _attention(q, k, v, fill=0.0)),
    ("you zeroed the future after the softmax, so the rows no longer sum to 1. Mask the scores with -inf before the "
     "softmax instead.", lambda q, k, v: _attention(q, k, v, after=True)),
    ("the scores are not divided by √d: divide q·kᵀ by the square root of the head size d = q.shape[-1], or the "
     "softmax saturates as d grows.", lambda q, k, v: _attention(q, k, v, scale="none")),
    ("the scores were divided by d; divide them by √d, the square root of the head size.",
     lambda q, k, v: _attention(q, k, v, scale="d")),
    ("the softmax runs over the queries (dim -2); it should run over the keys, the last axis, so that each query's "
     "weights sum to 1.", lambda q, k, v: _attention(q, k, v, dim=-2)),
]
CAUSAL_ERRORS = [
    (r"Expected size for first two dimensions of batch2|cannot be multiplied|must match the size of tensor",
     "q @ k needs k transposed on its last two axes: (T, d) @ (d, T) gives the (T, T) scores."),
]


# ---- §1 Embeddings -----------------------------------------------------------------------------------

def _positions(m, ids, offset: int = 0):
    return m.position_embedding(torch.arange(ids.shape[1]) + offset)


EMBEDDINGS_SLIPS = [
    ("the position vectors are missing: add position_embedding of the positions 0, 1, ..., T-1 to the token "
     "vectors, or 'dog bites man' and 'man bites dog' look the same.", lambda m, ids: m.token_embedding(ids)),
    ("the positions start at 1: they are 0, 1, ..., T-1 (torch.arange(T)), so that row 0 of the position table "
     "belongs to BOS and a row of 77 tokens fits the 77 rows.", lambda m, ids: m.token_embedding(ids) + _positions(
         m, ids, 1)),
    ("every token got the vector of position 0: the positions run along the row, 0 to T-1 with T = ids.shape[1] "
     "(not the batch size, ids.shape[0]).", lambda m, ids: m.token_embedding(ids) + m.position_embedding.weight[0]),
    ("you concatenated the token and position vectors; add them: both are hidden_size wide and so is the sum.",
     lambda m, ids: torch.cat([m.token_embedding(ids), _positions(m, ids).expand(ids.shape[0], -1, -1)], dim=-1)),
    ("you multiplied the token vectors by √D, as the original Transformer does; CLIP adds the two lookups as they "
     "are.", lambda m, ids: m.token_embedding(ids) * math.sqrt(m.token_embedding.embedding_dim) + _positions(m, ids)),
]
EMBEDDINGS_ERRORS = [
    (r"must match the size of tensor b \(77\)|must match the size of tensor a \(77\)",
     "the positions were made for 77 tokens: take T from the ids, ids.shape[1], so that a row of 5 tokens gets the "
     "positions 0 to 4."),
    (r"index out of range in self",
     "an index went past the end of an embedding table: the position table has max_position_embeddings rows and is "
     "indexed by the positions 0 to T-1, not by the token ids and not from 1."),
]


# ---- §2 SelfAttention --------------------------------------------------------------------------------

def _self_attention(m, x, *, heads: int | None = None, split_view: bool = False, merge_view: bool = False,
                    scale: str = "d", causal: bool = True, out_proj: bool = True, dim: int = -1):
    b, t, width = x.shape
    h = heads or m.heads
    d = width // h

    def split(y):
        return y.reshape(b, h, t, d) if split_view else y.view(b, t, h, d).transpose(1, 2)

    q, k, v = split(m.q_proj(x)), split(m.k_proj(x)), split(m.v_proj(x))
    scores = q @ k.transpose(-2, -1) / math.sqrt(width if scale == "D" else d)
    if causal:
        scores = scores.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf"))
    out = scores.softmax(dim=dim) @ v
    out = out.reshape(b, t, width) if merge_view else out.transpose(1, 2).reshape(b, t, width)
    return m.out_proj(out) if out_proj else out


def _hard_coded(heads: int):
    def slip(m, x):  # right where the config happens to have that many heads, wrong elsewhere
        return _self_attention(m, x, heads=heads)
    return slip


MERGE_WORDS = ("the heads were merged without transposing back: (B, heads, T, d) must become (B, T, heads, d) "
               "with transpose(1, 2) before the reshape to (B, T, D), or the heads' outputs are mixed up across "
               "tokens.")
SPLIT_WORDS = ("the heads were split by reshaping straight to (B, heads, T, d); view (B, T, heads, d) first and then "
               "transpose(1, 2), so that each head gets a slice of every token's vector.")
HEADS_WORDS = "the number of heads is hard-coded; read it from config.num_attention_heads (the two configs differ)."
SELF_ATTENTION_SLIPS = [
    (MERGE_WORDS, lambda m, x: _self_attention(m, x, merge_view=True)),
    (SPLIT_WORDS, lambda m, x: _self_attention(m, x, split_view=True, merge_view=True)),
    (SPLIT_WORDS, lambda m, x: _self_attention(m, x, split_view=True)),
    ("the attention is not causal: each token must see only itself and the tokens before it (use your "
     "causal_attention, or pass is_causal=True).", lambda m, x: _self_attention(m, x, causal=False)),
    ("the scores were divided by √D, the full width; each head divides by √d, its own size D / heads.",
     lambda m, x: _self_attention(m, x, scale="D")),
    ("you attended with one head over the whole width; split q, k and v into config.num_attention_heads heads of "
     "D / heads each.", lambda m, x: _self_attention(m, x, heads=1, scale="d")),
    ("out_proj is missing: after merging the heads, the result goes through out_proj, which mixes them.",
     lambda m, x: _self_attention(m, x, out_proj=False)),
    ("the softmax runs over the queries (dim -2); it should run over the keys, the last axis.",
     lambda m, x: _self_attention(m, x, dim=-2)),
    *[(HEADS_WORDS, _hard_coded(h)) for h in (2, 4, 8, 12)],
]
SELF_ATTENTION_ERRORS = [
    (r"view size is not compatible", "view needs a contiguous tensor: after transpose(1, 2), merge the heads with "
                                     "reshape (or call contiguous() first)."),
    (r"shape '\[\d+, \d+, \d+, \d+\]' is invalid|shape '\[\d+, \d+, \d+\]' is invalid",
     HEADS_WORDS + " Each head is D / heads wide."),
]


# ---- §3 EncoderLayer -----------------------------------------------------------------------------------

def _layer(m, x, *, order: str = "pre", act=None, norms=(1, 2), residual=(True, True)):
    mlp = m.mlp
    act = act or (lambda h: h * torch.sigmoid(1.702 * h))
    ln = {1: m.layer_norm1, 2: m.layer_norm2}
    first, second = ln[norms[0]], ln[norms[1]]

    def ff(h):
        return mlp.fc2(act(mlp.fc1(h)))

    if order == "post":
        x = first(x + m.self_attn(x))
        return second(x + ff(x))
    if order == "normed":  # the residual starts from the normalised x
        h = first(x)
        x = h + m.self_attn(h)
        h = second(x)
        return h + ff(h)
    x = (x if residual[0] else 0) + m.self_attn(first(x))
    return (x if residual[1] else 0) + ff(second(x))


ENCODER_LAYER_SLIPS = [
    ("the layer is post-LN (normalise after adding, as BERT does); CLIP is pre-LN: x = x + self_attn(layer_norm1(x)),"
     " then x = x + mlp(layer_norm2(x)), and x itself is never normalised.", lambda m, x: _layer(m, x, order="post")),
    ("the residual starts from the normalised x; add each block's output to x itself, the un-normalised running "
     "sum: x + self_attn(layer_norm1(x)).", lambda m, x: _layer(m, x, order="normed")),
    ("the MLP uses the exact GELU; CLIP was trained with quick_gelu, x·sigmoid(1.702·x), and its weights expect it.",
     lambda m, x: _layer(m, x, act=F.gelu)),
    ("the MLP uses the tanh approximation of GELU; CLIP was trained with quick_gelu, x·sigmoid(1.702·x).",
     lambda m, x: _layer(m, x, act=lambda h: F.gelu(h, approximate="tanh"))),
    ("the MLP uses x·sigmoid(x) (SiLU): quick_gelu has the factor 1.702 inside, x·sigmoid(1.702·x).",
     lambda m, x: _layer(m, x, act=F.silu)),
    ("the MLP uses ReLU; CLIP was trained with quick_gelu, x·sigmoid(1.702·x).",
     lambda m, x: _layer(m, x, act=F.relu)),
    ("layer_norm1 and layer_norm2 are swapped: layer_norm1 goes before self_attn, layer_norm2 before the MLP.",
     lambda m, x: _layer(m, x, norms=(2, 1))),
    ("layer_norm1 normalises both blocks' inputs; the MLP reads layer_norm2(x).",
     lambda m, x: _layer(m, x, norms=(1, 1))),
    ("the attention's residual is missing: x = x + self_attn(layer_norm1(x)), adding to x, not replacing it.",
     lambda m, x: _layer(m, x, residual=(False, True))),
    ("the MLP's residual is missing: return x + mlp(layer_norm2(x)), adding to x, not replacing it.",
     lambda m, x: _layer(m, x, residual=(True, False))),
]


# ---- §4 TextEncoder ------------------------------------------------------------------------------------

def _encoder(m, ids, clip_skip=0, *, pool: str = "eos", context_ln: bool = True, pooled_ln: bool = True,
             layer: str = "right", pooled_from_context: bool = False):
    hidden = m(ids, output_hidden_states=True).hidden_states  # L + 1: embeddings, then every layer, no final LN
    ln = m.final_layer_norm
    index = {"right": -(clip_skip + 1), "minus": -clip_skip, "a1111": -clip_skip if clip_skip else -1}[layer]
    chosen = hidden[index]
    context = ln(chosen) if context_ln else chosen
    last = context if pooled_from_context else (ln(hidden[-1]) if pooled_ln else hidden[-1])
    rows = torch.arange(ids.shape[0])
    if pool == "mean":
        return context, last.mean(dim=1)
    where = {"eos": ids.argmax(dim=-1), "last": torch.full_like(rows, ids.shape[1] - 1),
             "first": torch.zeros_like(rows)}[pool]
    return context, last[rows, where]


TEXT_ENCODER_SLIPS = [
    ("the pooled vector was read at the last position (or the last EOS); it belongs to the FIRST EOS of each row, "
     "ids.argmax(-1): EOS is the largest id and argmax returns its first occurrence.",
     lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, pool="last")),
    ("the pooled vector was read at position 0, BOS, which has seen nothing but itself; read it at the first EOS, "
     "ids.argmax(-1).", lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, pool="first")),
    ("the pooled vector is a mean over the tokens; CLIP reads it at the first EOS of each row, ids.argmax(-1).",
     lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, pool="mean")),
    ("final_layer_norm was forgotten: the context and the pooled vector both go through it (pre-LN never "
     "normalises the residual stream itself).",
     lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, context_ln=False, pooled_ln=False)),
    ("the pooled vector skipped final_layer_norm; it is final_layer_norm(hidden[-1]) at the first EOS.",
     lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, pooled_ln=False)),
    ("the context skipped final_layer_norm; pass the chosen hidden state through it.",
     lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, context_ln=False)),
    ("the layer is off by one: hidden[-clip_skip] with clip_skip=0 is hidden[0], the embeddings. The context is "
     "hidden[-(clip_skip + 1)]: clip_skip=0 is the last layer, 1 the one before.",
     lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, layer="minus")),
    ("clip_skip was read in A1111's numbering (1 = the last layer); here it is diffusers': 0 is the last layer and "
     "1 the one before, hidden[-(clip_skip + 1)].", lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip,
                                                                                         layer="a1111")),
    ("the skipped layer did not go through final_layer_norm: context = final_layer_norm(hidden[-(clip_skip + 1)]), "
     "for every clip_skip.", lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, context_ln=clip_skip == 0)),
    ("the pooled vector came from the skipped layer; it always comes from the last layer, whatever clip_skip is.",
     lambda m, ids, clip_skip=0: _encoder(m, ids, clip_skip, pooled_from_context=True)),
]
TEXT_ENCODER_ERRORS = [
    (r"unexpected keyword argument 'clip_skip'", "forward must accept clip_skip, with a default of 0: "
                                                 "def forward(self, ids, clip_skip=0)."),
]


# ---- §6 apply_weights ------------------------------------------------------------------------------------

def _weights(z, w, *, dims=(1, 2), restore: str = "ratio"):
    weighted = z * w[..., None]
    if restore == "none":
        return weighted
    before, after = z.mean(dim=dims, keepdim=True), weighted.mean(dim=dims, keepdim=True)
    return weighted * (after / before if restore == "inverted" else before / after)


APPLY_WEIGHTS_SLIPS = [
    ("the mean was not restored: after multiplying by the weights, rescale each row by mean(z) / mean(weighted), "
     "so the chunk's mean stays what it was.", lambda z, w: _weights(z, w, restore="none")),
    ("the rescaling factor is upside down: multiply by mean_before / mean_after, not mean_after / mean_before.",
     lambda z, w: _weights(z, w, restore="inverted")),
    ("one mean was taken over the whole batch; take one per row (chunk): the mean over its T·D numbers, "
     "dim=(1, 2).", lambda z, w: _weights(z, w, dims=(0, 1, 2))),
    ("the result is z itself, without the weights: a mean per token (dim=-1) cancels each token's own weight. "
     "Take one mean per row over all T·D numbers, dim=(1, 2).", lambda z, w: z.clone()),
    ("the means run over the tokens only (dim=1), one per channel; take one mean per row over all T·D numbers, "
     "dim=(1, 2).", lambda z, w: _weights(z, w, dims=(1,))),
]
APPLY_WEIGHTS_ERRORS = [
    (r"must match the size of tensor", "the weights (B, T) need a last axis to scale whole token vectors: "
                                       "weights[..., None] is (B, T, 1), which broadcasts against z (B, T, D)."),
]


# ---- §7 clip_loss ----------------------------------------------------------------------------------------

def _loss(image, text, temperature, *, normalise: str = "rows", directions: str = "both", reduce: str = "mean",
          halve: bool = True, temperature_as: str = "divide"):
    if normalise != "none":
        dim = -1 if normalise == "rows" else 0
        image, text = F.normalize(image, dim=dim), F.normalize(text, dim=dim)
    logits = image @ text.T
    logits = {"divide": logits / temperature, "multiply": logits * temperature, "ignore": logits}[temperature_as]
    labels = torch.arange(len(logits))
    rows = F.cross_entropy(logits, labels, reduction=reduce)
    columns = F.cross_entropy(logits.T, labels, reduction=reduce)
    if directions == "rows":
        return rows
    if directions == "columns":
        return columns
    return (rows + columns) / 2 if halve else rows + columns


ONE_WAY = ("only one direction is in the loss; CLIP averages both: each image picks its caption (cross-entropy over "
           "the rows of the logits) and each caption its image (over the rows of logits.T).")
CLIP_LOSS_SLIPS = [
    ("the embeddings were not normalised: divide each row by its length first, so the logits are cosine "
     "similarities.", lambda i, t, temp: _loss(i, t, temp, normalise="none")),
    ("each column was normalised (dim 0); normalise each embedding, the rows: dim=-1.",
     lambda i, t, temp: _loss(i, t, temp, normalise="columns")),
    (ONE_WAY, lambda i, t, temp: _loss(i, t, temp, directions="rows")),
    (ONE_WAY, lambda i, t, temp: _loss(i, t, temp, directions="columns")),
    ("the two directions were added but not halved: the loss is their average.",
     lambda i, t, temp: _loss(i, t, temp, halve=False)),
    ("the logits were multiplied by the temperature; divide them by it (0.07 makes cosines in [-1, 1] span about "
     "±14).", lambda i, t, temp: _loss(i, t, temp, temperature_as="multiply")),
    ("the temperature was left out: divide the cosine similarities by it.",
     lambda i, t, temp: _loss(i, t, temp, temperature_as="ignore")),
    ("the cross-entropies were summed over the batch; take their mean (the default of F.cross_entropy).",
     lambda i, t, temp: _loss(i, t, temp, reduce="sum")),
]
