"""Checks for notebook 02: CLIP's text encoder, prompt weights and the contrastive loss.

Function checks (``check_causal_attention``, ``check_apply_weights``, ``check_clip_loss``) call the learner's
function and a reference on the same tensors. Module checks (``check_embeddings``, ``check_self_attention``,
``check_encoder_layer``, ``check_text_encoder``) take the learner's *class*, build it for two configs, load the
weights of the matching module of ``course.nets.text_encoder`` into it and compare the outputs on several inputs
(``course.checks.modules.compare_module``: it lists the parameter names that do not match).

When a value is wrong, each check also tries the usual mistakes (course.checks.text_encoder_slips: no causal mask,
the softmax over the queries, heads merged without a transpose, post-LN, the pooled vector at the last position,
...) and names the one that gives the learner's value, above the first difference. The hints come in tiers
(course.checks.progress); the answers are in solutions/02_clip.ipynb.
"""
from __future__ import annotations

from typing import Callable

import torch

from course.checks import progress
from course.checks import text_encoder_slips as slips
from course.checks.core import CheckResult, named, randn
from course.checks.modules import Call, Case
from course.checks.text_diagnose import check_module_with_slips, check_with_slips
from course.config import TextEncoderConfig
from course.nets import text_encoder as ref
from course.nets.attention import attention

__all__ = ["check_embeddings", "check_causal_attention", "check_self_attention", "check_encoder_layer",
           "check_text_encoder", "check_apply_weights", "check_clip_loss"]

# Two sizes, so a module that hard-codes a number (4 heads, an MLP 4x wide, eps 1e-5, 77 positions) fails.
CONFIGS = {
    "tiny": TextEncoderConfig.tiny(),  # vocab 1000, width 32, 4 heads of 8, MLP 37, 5 layers, 77 positions
    "wide": TextEncoderConfig(vocab_size=300, hidden_size=64, intermediate_size=96, num_hidden_layers=2,
                              num_attention_heads=2, max_position_embeddings=16, layer_norm_eps=1e-6),
}
NAMES = {  # what each module must call its parts: transformers' CLIPTextModel names, so real SD weights load
    "Embeddings": "self.token_embedding and self.position_embedding, an nn.Embedding each",
    "SelfAttention": "self.q_proj, self.k_proj, self.v_proj and self.out_proj, an nn.Linear(D, D) each (with bias)",
    "EncoderLayer": "self.self_attn (your SelfAttention), self.layer_norm1, self.mlp holding .fc1 and .fc2, "
                    "self.layer_norm2",
    "TextEncoder": "self.embeddings (your Embeddings), self.encoder.layers (an nn.ModuleList of your "
                   "EncoderLayer), self.final_layer_norm",
}
SHAPES_HINT = ("take every size from the config (hidden_size, intermediate_size, vocab_size, max_position_embeddings), "
               "and note nn.Linear(in, out) stores its weight as (out, in).")

TIERS = {  # words only, vaguest first: the check shows the first, each further failure the next
    "Embeddings": (
        "two lookup tables, one row per token id and one row per position; the output is the sum of the two "
        "lookups.",
        "the token table has vocab_size rows and the position table max_position_embeddings rows, both hidden_size "
        "wide. In forward, the positions are 0, 1, and so on up to T minus 1, with T the length of the rows of ids; "
        "the same positions serve every row of the batch.",
        "look up the token vectors of all ids, B by T by D, and the vectors of the positions, T by D; adding them "
        "broadcasts the positions over the batch. Make the positions on the same device as the ids.",
    ),
    "causal_attention": (
        "scores of every query against every key, scaled, then the future masked out, then a softmax over the keys, "
        "then a weighted sum of the values.",
        "the scores are the product of q with k transposed on its last two axes, divided by the square root of the "
        "head size d, the last size of q. Where the key comes after the query, above the diagonal, the score becomes "
        "minus infinity before the softmax.",
        "build a boolean T by T matrix that is true strictly above the diagonal, fill the scores there with minus "
        "infinity, take the softmax over the last axis so that each query's weights sum to one, and multiply by v.",
    ),
    "SelfAttention": (
        "project x to queries, keys and values, split each into heads, run your causal attention on the heads, put "
        "the heads back side by side, and project the result with out_proj.",
        "four linear layers from hidden_size to hidden_size, with bias. To split a B by T by D tensor into heads, "
        "view it as B, T, heads, D over heads, then swap the T and heads axes. Merging undoes both steps in reverse "
        "order: swap back first, then reshape to B by T by D.",
        "the number of heads comes from the config, never a fixed number, and each head's scale is the square root "
        "of its own width, D over heads. After swapping axes the tensor is not contiguous, so merge with reshape "
        "rather than view.",
    ),
    "EncoderLayer": (
        "pre-LN: each of the two blocks reads a normalised copy of the running sum and adds its output back to it, "
        "attention first, then the MLP.",
        "the MLP is fc1 from hidden_size to intermediate_size, quick_gelu, then fc2 back. Both LayerNorms are "
        "hidden_size wide with the config's layer_norm_eps. The running sum itself is never normalised; only what "
        "each block reads is.",
        "quick_gelu is the input times the sigmoid of 1.702 times the input, not the exact GELU. layer_norm1 goes "
        "before the attention and layer_norm2 before the MLP, and each block's output is added to the "
        "un-normalised sum.",
    ),
    "TextEncoder": (
        "embeddings, then every layer in turn, keeping each output in a list; the context is the final LayerNorm of "
        "the chosen entry of that list, and the pooled vector is read at each row's first EOS.",
        "the list starts with the embeddings and has one more entry per layer. With clip_skip 0 the context is the "
        "final LayerNorm of the last entry; with clip_skip k, of the entry k places before it. The pooled vector "
        "always comes from the last entry, normalised, whatever clip_skip is.",
        "the first EOS of a row is where its ids reach their maximum, because EOS is the largest id and argmax "
        "returns the first occurrence. Pick that position in each row, one row index per row, and return the "
        "context and the pooled vector as a pair.",
    ),
    "apply_weights": (
        "multiply each token's vector by its weight, then rescale the whole row so that its mean is what it was "
        "before the weighting.",
        "give the weights a trailing axis so that one weight scales a whole D-wide vector. Take the mean of each row "
        "over its T times D numbers before and after weighting, and multiply the weighted row by the mean before "
        "divided by the mean after.",
        "one mean per row of the batch, over the token and channel axes together, kept with its dimensions so that "
        "it broadcasts. Do not change z in place: the mean before must be that of the unweighted z.",
    ),
    "clip_loss": (
        "normalise both sets of embeddings, compare every image with every caption, and ask each image to pick its "
        "own caption and each caption its own image.",
        "divide each embedding by its length. The logits are the image embeddings times the transposed text "
        "embeddings, divided by the temperature: a B by B matrix with the right pairs on the diagonal. The loss is "
        "the average of a cross-entropy over the rows and one over the columns, with the targets 0 to B minus 1.",
        "the targets are the diagonal: row i's right answer is column i. The cross-entropy over the columns is the "
        "same call on the transposed logits. Return one number, a tensor without dimensions: the average of the two "
        "means.",
    ),
}
SECTIONS = {"Embeddings": "§1", "causal_attention": "§2", "SelfAttention": "§2", "EncoderLayer": "§3",
            "TextEncoder": "§4", "apply_weights": "§6", "clip_loss": "§7"}
for _name, _tiers in TIERS.items():
    progress.register(_name, "02_clip", SECTIONS[_name], *_tiers)


# ---- references ----------------------------------------------------------------------------------

def reference_apply_weights(z: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """A1111's emphasis (the math of course.nets.text_encoder.encode_weighted): z (B, T, D), weights (B, T)."""
    mean_before = z.mean(dim=(1, 2), keepdim=True)  # (B, 1, 1): one mean per row (chunk)
    weighted = z * weights[..., None]
    return weighted * (mean_before / weighted.mean(dim=(1, 2), keepdim=True))


def reference_clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, temperature: float = 0.07) -> torch.Tensor:
    """CLIP's symmetric InfoNCE loss, written out: B images and their B captions, pair i belongs together."""
    image = image_emb / image_emb.norm(dim=-1, keepdim=True)  # (B, E), unit length
    text = text_emb / text_emb.norm(dim=-1, keepdim=True)
    logits = image @ text.T / temperature  # (B, B): row i compares image i with every caption
    n = torch.arange(len(logits))
    image_to_text = -logits.log_softmax(dim=1)[n, n].mean()  # each image picks its caption among B
    text_to_image = -logits.log_softmax(dim=0)[n, n].mean()  # each caption picks its image among B
    return (image_to_text + text_to_image) / 2


def _token_rows(config: TextEncoderConfig, batch: int, length: int, seed: int) -> torch.Tensor:
    """(B, T) rows shaped like the tokenizer's: BOS, words, EOS, EOS padding; BOS/EOS are the two largest ids,
    as in CLIP (49406, 49407), so the EOS of each row sits at argmax(ids)."""
    g = torch.Generator().manual_seed(seed)
    bos, eos = config.vocab_size - 2, config.vocab_size - 1
    rows = torch.full((batch, length), eos, dtype=torch.long)
    for r in range(batch):
        n = int(torch.randint(0, length - 1, (), generator=g)) if length > 2 else 0  # number of words
        rows[r, 0] = bos if length > 1 else eos
        rows[r, 1:n + 1] = torch.randint(0, config.vocab_size - 2, (n,), generator=g)
    return rows


# ---- module checks -------------------------------------------------------------------------------

def _check(cls: type, reference: Callable, name: str, calls: dict[str, list[Call]], module_slips: list,
           **kwargs) -> CheckResult:
    """``compare_module`` on the calls of each config (``calls``: config name -> calls), with the slips."""
    cases = [Case((CONFIGS[config],), config_calls, label=f"{config} config") for config, config_calls in calls.items()]
    return check_module_with_slips(cls, reference, cases, module_slips, name=name, hint=TIERS[name][0],
                                   shapes_hint=SHAPES_HINT, **kwargs,
                                   names_hint=f"name the parts {NAMES[name]}. These are the names in transformers' "
                                              "CLIPTextModel, so that real SD weights load into your module as they "
                                              "are.")


def _ids(config: str, batch: int, length: int, seed: int, **kwargs) -> Call:
    return Call((named("ids", _token_rows(CONFIGS[config], batch, length, seed)),), kwargs)


def _x(*shape: int, seed: int) -> Call:
    return Call((named("x", randn(*shape, seed=seed)),))


def check_embeddings(cls: type) -> CheckResult:
    """``cls(config)`` has token_embedding and position_embedding; ``module(ids)`` -> (B, T, D)."""
    return _check(cls, ref.CLIPTextEmbeddings, "Embeddings",
                  {"tiny": [_ids("tiny", 2, 77, 0), _ids("tiny", 3, 5, 1), _ids("tiny", 1, 1, 2),
                            _ids("tiny", 1, 6, 5)],
                   "wide": [_ids("wide", 2, 16, 3)]},
                  slips.EMBEDDINGS_SLIPS, errors=slips.EMBEDDINGS_ERRORS)


def check_self_attention(cls: type) -> CheckResult:
    """``cls(config)`` has q_proj, k_proj, v_proj, out_proj; ``module(x)`` -> (B, T, D), causal."""
    return _check(cls, ref.CLIPAttention, "SelfAttention",
                  {"tiny": [_x(2, 77, 32, seed=0), _x(1, 6, 32, seed=1), _x(3, 1, 32, seed=2)],
                   "wide": [_x(2, 16, 64, seed=3)]},
                  slips.SELF_ATTENTION_SLIPS, errors=slips.SELF_ATTENTION_ERRORS, needs=("causal_attention",))


def check_encoder_layer(cls: type) -> CheckResult:
    """``cls(config)`` has self_attn, layer_norm1, mlp.fc1, mlp.fc2, layer_norm2; ``module(x)`` -> (B, T, D)."""
    return _check(cls, ref.CLIPEncoderLayer, "EncoderLayer",
                  {"tiny": [_x(2, 77, 32, seed=0), _x(1, 6, 32, seed=1)], "wide": [_x(2, 16, 64, seed=2)]},
                  slips.ENCODER_LAYER_SLIPS, needs=("SelfAttention",))


def _context_and_pooled(model: ref.TextEncoder, ids: torch.Tensor, clip_skip: int = 0):
    out = model(ids, clip_skip=clip_skip, output_hidden_states=True)
    return out.last_hidden_state, out.pooled


def check_text_encoder(cls: type) -> CheckResult:
    """``cls(config)``; ``module(ids)`` and ``module(ids, clip_skip=k)`` -> (context (B, T, D), pooled (B, D)).
    A difference 'at [0]' is in the context, 'at [1]' in the pooled vector."""
    # clip_skip is passed only where it is not 0: a model without it still passes those inputs
    return _check(cls, ref.TextEncoder, "TextEncoder",
                  {"tiny": [_ids("tiny", 2, 77, 0), _ids("tiny", 3, 9, 1), _ids("tiny", 2, 77, 3, clip_skip=1),
                            _ids("tiny", 2, 77, 4, clip_skip=2)],
                   "wide": [_ids("wide", 2, 16, 2), _ids("wide", 3, 16, 5, clip_skip=1)]},
                  slips.TEXT_ENCODER_SLIPS, errors=slips.TEXT_ENCODER_ERRORS, needs=("Embeddings", "EncoderLayer"),
                  reference_calls={"forward": _context_and_pooled})


# ---- function checks -----------------------------------------------------------------------------

def _qkv(shape: tuple[int, ...], seed: int, scale: float = 1.0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    return tuple(scale * torch.randn(shape, generator=g) for _ in range(3))


def check_causal_attention(fn: Callable) -> CheckResult:
    """``fn(q, k, v)`` with q, k, v (B, heads, T, d) -> (B, heads, T, d), token i attending to tokens 0..i."""
    shapes = [(1, 1, 4, 8), (2, 4, 77, 8), (1, 2, 5, 16), (3, 12, 7, 64), (1, 1, 1, 4)]
    inputs = [_qkv(shape, seed) for seed, shape in enumerate(shapes)] + [_qkv((2, 2, 6, 8), 9, scale=4.0)]
    return check_with_slips(fn, lambda q, k, v: attention(q, k, v, causal=True, fast=False), inputs,
                            slips.CAUSAL_SLIPS, name="causal_attention", hint=TIERS["causal_attention"][0],
                            errors=slips.CAUSAL_ERRORS)


def check_apply_weights(fn: Callable) -> CheckResult:
    """``fn(z, weights)``: z (B, T, D), weights (B, T) -> (B, T, D), A1111's multiply-then-restore-the-mean."""
    g = torch.Generator().manual_seed(0)

    def z(*shape):  # an offset keeps the means well away from 0, as in a trained CLIP's output
        return torch.randn(*shape, generator=g) + 0.5

    up = torch.ones(1, 77)
    up[0, 2:4] = 1.5
    mixed = torch.ones(2, 77)
    mixed[0, 1], mixed[1, 5:8] = 1.21, 0.9
    inputs = [(z(1, 77, 32), torch.ones(1, 77)), (z(1, 77, 32), up), (z(2, 77, 16), mixed),
              (z(3, 5, 8), 0.5 + torch.rand(3, 5, generator=g))]
    return check_with_slips(fn, reference_apply_weights, inputs, slips.APPLY_WEIGHTS_SLIPS, name="apply_weights",
                            hint=TIERS["apply_weights"][0], errors=slips.APPLY_WEIGHTS_ERRORS)


def check_clip_loss(fn: Callable) -> CheckResult:
    """``fn(image_emb, text_emb, temperature)``: (B, E), (B, E), float -> a scalar tensor."""
    g = torch.Generator().manual_seed(0)
    inputs = []
    for batch, width, temperature, aligned in [(4, 8, 0.07, False), (8, 16, 1.0, False), (3, 5, 0.5, True),
                                               (1, 4, 0.07, False), (16, 32, 0.07, True)]:
        image = torch.randn(batch, width, generator=g) * (1 + 3 * torch.rand(batch, 1, generator=g))  # not unit length
        text = torch.randn(batch, width, generator=g) + (2 * image if aligned else 0)
        inputs.append((image, text, temperature))
    inputs.append((inputs[0][0], inputs[0][1][[1, 0, 2, 3]], 0.07))  # swapping two captions must change the loss
    return check_with_slips(fn, reference_clip_loss, inputs, slips.CLIP_LOSS_SLIPS, name="clip_loss",
                            hint=TIERS["clip_loss"][0])
