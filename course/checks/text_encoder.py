"""Checks for notebook 02: CLIP's text encoder, prompt weights and the contrastive loss.

Function checks (``check_causal_attention``, ``check_apply_weights``, ``check_clip_loss``) call the learner's
function and a reference on the same tensors. Module checks (``check_embeddings``, ``check_self_attention``,
``check_encoder_layer``, ``check_text_encoder``) take the learner's *class*, build it for two configs, load the
weights of the matching module of ``course.nets.text_encoder`` into it and compare the outputs on several inputs
(``course.checks.modules.compare_module``: it lists the parameter names that do not match).
"""
from __future__ import annotations

from typing import Callable

import torch

from course.checks.core import CheckResult, compare, named, randn
from course.checks.modules import Call, Case, compare_module
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

def _check(cls: type, reference: Callable, name: str, calls: dict[str, list[Call]], hint: str, **kwargs) -> CheckResult:
    """``compare_module`` on the calls of each config (``calls``: config name -> calls)."""
    cases = [Case((CONFIGS[config],), config_calls, label=f"{config} config") for config, config_calls in calls.items()]
    return compare_module(cls, reference, cases, name=name, hint=hint, shapes_hint=SHAPES_HINT, **kwargs,
                          names_hint=f"name the parts {NAMES[name]}. These are the names in transformers' "
                                     "CLIPTextModel, so that real SD weights load into your module as they are.")


def _ids(config: str, batch: int, length: int, seed: int, **kwargs) -> Call:
    return Call((named("ids", _token_rows(CONFIGS[config], batch, length, seed)),), kwargs)


def _x(*shape: int, seed: int) -> Call:
    return Call((named("x", randn(*shape, seed=seed)),))


def check_embeddings(cls: type) -> CheckResult:
    """``cls(config)`` has token_embedding and position_embedding; ``module(ids)`` -> (B, T, D)."""
    return _check(cls, ref.CLIPTextEmbeddings, "Embeddings",
                  {"tiny": [_ids("tiny", 2, 77, 0), _ids("tiny", 3, 5, 1), _ids("tiny", 1, 1, 2)],
                   "wide": [_ids("wide", 2, 16, 3)]},
                  hint="token_embedding = nn.Embedding(config.vocab_size, config.hidden_size), "
                       "position_embedding = nn.Embedding(config.max_position_embeddings, config.hidden_size); "
                       "forward: token_embedding(ids) + position_embedding(torch.arange(T)), the positions "
                       "0..T-1 of the row, the same for every row.")


def check_self_attention(cls: type) -> CheckResult:
    """``cls(config)`` has q_proj, k_proj, v_proj, out_proj; ``module(x)`` -> (B, T, D), causal."""
    return _check(cls, ref.CLIPAttention, "SelfAttention",
                  {"tiny": [_x(2, 77, 32, seed=0), _x(1, 6, 32, seed=1), _x(3, 1, 32, seed=2)],
                   "wide": [_x(2, 16, 64, seed=3)]},
                  hint="q, k, v = q_proj(x), k_proj(x), v_proj(x); split each into heads: (B, T, D) -> "
                       "view(B, T, heads, D // heads) -> transpose(1, 2); causal attention; merge back with "
                       "transpose(1, 2).reshape(B, T, D); then out_proj. Heads: config.num_attention_heads.")


def check_encoder_layer(cls: type) -> CheckResult:
    """``cls(config)`` has self_attn, layer_norm1, mlp.fc1, mlp.fc2, layer_norm2; ``module(x)`` -> (B, T, D)."""
    return _check(cls, ref.CLIPEncoderLayer, "EncoderLayer",
                  {"tiny": [_x(2, 77, 32, seed=0), _x(1, 6, 32, seed=1)], "wide": [_x(2, 16, 64, seed=2)]},
                  hint="pre-LN: x = x + self_attn(layer_norm1(x)); then x = x + mlp(layer_norm2(x)), where "
                       "mlp(x) = fc2(quick_gelu(fc1(x))) and quick_gelu(x) = x * sigmoid(1.702 * x). "
                       "nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps); fc1 is hidden_size -> "
                       "intermediate_size.")


def _context_and_pooled(model: ref.TextEncoder, ids: torch.Tensor, clip_skip: int = 0):
    out = model(ids, clip_skip=clip_skip, output_hidden_states=True)
    return out.last_hidden_state, out.pooled


def check_text_encoder(cls: type) -> CheckResult:
    """``cls(config)``; ``module(ids)`` and ``module(ids, clip_skip=k)`` -> (context (B, T, D), pooled (B, D))."""
    # clip_skip is passed only where it is not 0: a model without it still passes those inputs
    return _check(cls, ref.TextEncoder, "TextEncoder",
                  {"tiny": [_ids("tiny", 2, 77, 0), _ids("tiny", 3, 9, 1), _ids("tiny", 2, 77, 3, clip_skip=1),
                            _ids("tiny", 2, 77, 4, clip_skip=2)],
                   "wide": [_ids("wide", 2, 16, 2), _ids("wide", 3, 16, 5, clip_skip=1)]},
                  reference_calls={"forward": _context_and_pooled},
                  hint="return (context, pooled); a difference 'at [0]' is in the context, 'at [1]' in the "
                       "pooled vector. hidden = [embeddings(ids)], then append each layer's output; "
                       "context = final_layer_norm(hidden[-(clip_skip + 1)]); pooled = final_layer_norm("
                       "hidden[-1]) at position ids.argmax(-1) of each row (the first EOS), whatever clip_skip is.")


# ---- function checks -----------------------------------------------------------------------------

def _qkv(shape: tuple[int, ...], seed: int, scale: float = 1.0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    return tuple(scale * torch.randn(shape, generator=g) for _ in range(3))


def check_causal_attention(fn: Callable) -> CheckResult:
    """``fn(q, k, v)`` with q, k, v (B, heads, T, d) -> (B, heads, T, d), token i attending to tokens 0..i."""
    shapes = [(1, 1, 4, 8), (2, 4, 77, 8), (1, 2, 5, 16), (3, 12, 7, 64), (1, 1, 1, 4)]
    inputs = [_qkv(shape, seed) for seed, shape in enumerate(shapes)] + [_qkv((2, 2, 6, 8), 9, scale=4.0)]
    return compare(fn, lambda q, k, v: attention(q, k, v, causal=True, fast=False), inputs, name="causal_attention",
                   hint="scores = q @ k.transpose(-2, -1) / sqrt(d), d = q.shape[-1]; set the scores above the diagonal "
                        "(key j > query i) to -inf, e.g. scores.masked_fill(torch.ones(T, T, dtype=torch.bool)."
                        "triu(1), float('-inf')); softmax over the LAST axis (the keys); then @ v.")


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
    return compare(fn, reference_apply_weights, inputs, name="apply_weights",
                   hint="weighted = z * weights[..., None] (one weight per token vector); then multiply by "
                        "mean_before / mean_after, each the mean over ONE row's T·D numbers: "
                        "z.mean(dim=(1, 2), keepdim=True). Leave the input z unchanged.")


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
    return compare(fn, reference_clip_loss, inputs, name="clip_loss",
                   hint="normalise both to unit length (x / x.norm(dim=-1, keepdim=True)); logits = image @ text.T / "
                        "temperature, (B, B); labels = torch.arange(B); return (F.cross_entropy(logits, labels) + "
                        "F.cross_entropy(logits.T, labels)) / 2, a tensor of shape ().")
