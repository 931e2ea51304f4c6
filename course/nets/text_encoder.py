"""CLIP's text transformer: what turns Stable Diffusion 1.x's token ids into the context the UNet reads.

Radford et al. 2021, "Learning Transferable Visual Models From Natural Language Supervision" (CLIP).
SD 1.x uses the text tower of OpenAI's CLIP ViT-L/14, frozen: 12 pre-LN transformer blocks, width 768, 77 tokens.

    ids (B, T) -> token_embedding + position_embedding                 x = hidden_states[0]
               -> L times:  x = x + attn(LN1(x));  x = x + mlp(LN2(x))   hidden_states[1..L]
               -> final_layer_norm                                      (B, T, D): the UNet's context

- attention is causal: token i sees tokens 0..i only (CLIP's paper kept GPT-2's masked self-attention), so the
  padding after EOS never changes the vectors of the prompt's own tokens;
- the MLP uses quick_gelu, x·σ(1.702x), the GELU approximation OpenAI trained with;
- the pooled output, CLIP's sentence vector (SDXL uses it, SD 1.x does not), is the final vector at EOS.

Also here: clip skip (``TextEncoder.forward``) and A1111's prompt weights (``encode_weighted``).
Parameter names are those of transformers 5's ``CLIPTextModel`` (no ``text_model.`` prefix), so its state dict
loads with ``strict=True``; ``course.io.loading.from_reference`` does that.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from course.config import TextEncoderConfig
from course.nets.attention import attention, merge_heads, split_heads
from course.text.prompts import Chunk, chunk, match_chunk_counts, parse_emphasis

__all__ = ["TextEncoder", "TextEncoderOutput", "eos_positions", "a1111_to_diffusers_clip_skip",
           "encode_weighted", "encode_prompt"]

ACTIVATIONS = {
    "quick_gelu": lambda x: x * torch.sigmoid(1.702 * x),  # OpenAI's CLIP (SD 1.x)
    "gelu": F.gelu,  # the exact GELU, x·Φ(x): OpenCLIP's models (SD 2.x)
}


@dataclass
class TextEncoderOutput:
    last_hidden_state: torch.Tensor  # (B, T, D) final_layer_norm of the layer clip_skip picks: the UNet's context
    pooled: torch.Tensor  # (B, D) final_layer_norm(last layer) at EOS: transformers' pooler_output, never skipped
    hidden_states: tuple[torch.Tensor, ...]  # L + 1 tensors (B, T, D): the embeddings, then each layer; no final LN


class CLIPTextEmbeddings(nn.Module):
    def __init__(self, config: TextEncoderConfig):
        super().__init__()
        self.token_embedding = nn.Embedding(config.vocab_size, config.hidden_size)
        self.position_embedding = nn.Embedding(config.max_position_embeddings, config.hidden_size)  # learned

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device)  # (T,)
        return self.token_embedding(ids) + self.position_embedding(positions)  # (B, T, D)


class CLIPAttention(nn.Module):
    """Multi-head self-attention with transformers' names; the math is course.nets.attention.attention.

    ``causal``: the text tower's (token i sees tokens 0..i); the image tower (image_encoder.py) lets every patch see
    every other. ``config``: any config with hidden_size, num_attention_heads, intermediate_size, hidden_act and
    layer_norm_eps (the text one or ImageEncoderConfig), here and in the two classes below."""

    def __init__(self, config: TextEncoderConfig, causal: bool = True):
        super().__init__()
        width = config.hidden_size
        self.heads = config.num_attention_heads
        self.causal = causal
        self.q_proj = nn.Linear(width, width)
        self.k_proj = nn.Linear(width, width)
        self.v_proj = nn.Linear(width, width)
        self.out_proj = nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        q = split_heads(self.q_proj(x), self.heads)  # (B, heads, T, d)
        k = split_heads(self.k_proj(x), self.heads)
        v = split_heads(self.v_proj(x), self.heads)
        return self.out_proj(merge_heads(attention(q, k, v, causal=self.causal)))  # (B, T, D)


class CLIPMLP(nn.Module):
    def __init__(self, config: TextEncoderConfig):
        super().__init__()
        self.fc1 = nn.Linear(config.hidden_size, config.intermediate_size)
        self.fc2 = nn.Linear(config.intermediate_size, config.hidden_size)
        self.act = ACTIVATIONS[config.hidden_act]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(self.act(self.fc1(x)))


class CLIPEncoderLayer(nn.Module):
    """One pre-LN block: normalise, then add; the residual stream x itself is never normalised."""

    def __init__(self, config: TextEncoderConfig, causal: bool = True):
        super().__init__()
        self.self_attn = CLIPAttention(config, causal)
        self.layer_norm1 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)
        self.mlp = CLIPMLP(config)
        self.layer_norm2 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.self_attn(self.layer_norm1(x))
        return x + self.mlp(self.layer_norm2(x))


class CLIPEncoder(nn.Module):
    """Only a list of layers; it exists so the names read ``encoder.layers.N``, as in transformers."""

    def __init__(self, config: TextEncoderConfig, causal: bool = True):
        super().__init__()
        self.layers = nn.ModuleList([CLIPEncoderLayer(config, causal) for _ in range(config.num_hidden_layers)])


def eos_positions(ids: torch.Tensor, eos_token_id: int) -> torch.Tensor:
    """(B, T) ids -> (B,) position of each row's EOS, whose final vector is the pooled output (transformers' rule)."""
    if eos_token_id == 2:
        # SD 1.x's config says 2, a wrong value transformers keeps for old checkpoints: it then takes the largest id,
        # which is EOS (49407, the last entry of CLIP's vocabulary); argmax returns its first occurrence.
        return ids.argmax(dim=-1)
    return (ids == eos_token_id).int().argmax(dim=-1)  # the first position holding EOS (0 if there is none)


def check_transformer_config(config, activations_in_use: str) -> None:
    """What every CLIP tower (text or image) needs of its config, refused with the fix before any layer is built."""
    if config.hidden_act not in ACTIVATIONS:
        raise ValueError(f"hidden_act={config.hidden_act!r} is not built here; use one of {sorted(ACTIVATIONS)} "
                         f"({activations_in_use}).")
    if config.hidden_size % config.num_attention_heads:
        raise ValueError(f"hidden_size={config.hidden_size} does not split into num_attention_heads="
                         f"{config.num_attention_heads} equal heads; pick sizes where it divides evenly.")


class TextEncoder(nn.Module):
    """CLIP's text transformer. ``text_encoder(ids)`` -> (B, T, D), the context the UNet cross-attends to."""

    def __init__(self, config: TextEncoderConfig):
        super().__init__()
        check_transformer_config(config, "SD 1.x: 'quick_gelu'")
        self.config = config
        self.embeddings = CLIPTextEmbeddings(config)
        self.encoder = CLIPEncoder(config)
        self.final_layer_norm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def forward(self, ids: torch.Tensor, clip_skip: int | None = 0, output_hidden_states: bool = False):
        """ids (B, T), T <= max_position_embeddings -> last hidden state (B, T, D), or a TextEncoderOutput.

        ``output_hidden_states=True`` returns ``TextEncoderOutput(last_hidden_state, pooled, hidden_states)``.

        ``clip_skip``: use an earlier layer's output, passed through ``final_layer_norm`` (the UNet was trained
        on normalised vectors). ``hidden_states`` holds L + 1 tensors: the embeddings, then each of the L layers'
        outputs, so ``hidden_states[-1]`` is the last layer. The two usual conventions count differently:

            diffusers clip_skip = k (ours):  0 or None = off, 1 = penultimate layer  ->  hidden_states[-(k + 1)]
            A1111 "Clip skip" = N:           1 = off,         2 = penultimate layer  ->  hidden_states[-N]

        so k = N - 1: ``a1111_to_diffusers_clip_skip(N)``. Models tuned from NovelAI's are made for A1111's
        "Clip skip 2", which is ``clip_skip=1`` here. Valid: 0 <= k <= L - 1 (k = L would keep no layer at all).
        A skipped layer need not run; it only does when you ask for every hidden state.
        """
        clip_skip = self._check(ids, clip_skip)
        n_layers = len(self.encoder.layers)
        x = self.embeddings(ids)  # (B, T, D)
        hidden_states = [x]
        for layer in self.encoder.layers[: n_layers if output_hidden_states else n_layers - clip_skip]:
            x = layer(x)
            hidden_states.append(x)
        context = self.final_layer_norm(hidden_states[n_layers - clip_skip])  # hidden_states[-(clip_skip + 1)]
        if not output_hidden_states:
            return context
        final = context if clip_skip == 0 else self.final_layer_norm(x)
        pooled = final[torch.arange(ids.shape[0], device=ids.device), eos_positions(ids, self.config.eos_token_id)]
        return TextEncoderOutput(context, pooled, tuple(hidden_states))

    def resize_token_embeddings(self, rows: int) -> nn.Embedding:
        """Give the token table ``rows`` rows (transformers' name), the first ones kept, new ones zero until a
        textual-inversion embedding fills them (course.io.embeddings); ``config.vocab_size`` follows."""
        old = self.embeddings.token_embedding
        if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
            raise ValueError(f"rows={rows!r}: pass the number of tokens the table should hold (it holds "
                             f"{old.num_embeddings}).")
        new = nn.Embedding(rows, old.embedding_dim, device=old.weight.device, dtype=old.weight.dtype)
        with torch.no_grad():
            new.weight.zero_()
            keep = min(rows, old.num_embeddings)
            new.weight[:keep] = old.weight[:keep]
        new.weight.requires_grad_(old.weight.requires_grad)
        self.embeddings.token_embedding = new
        self.config = dataclasses.replace(self.config, vocab_size=rows)
        return new

    def _check(self, ids, clip_skip) -> int:
        cfg = self.config
        if not isinstance(ids, torch.Tensor) or ids.dtype not in (torch.long, torch.int) or ids.ndim != 2:
            got = f"{tuple(ids.shape)} {ids.dtype}" if isinstance(ids, torch.Tensor) else type(ids).__name__
            raise ValueError(f"ids must be a tensor of token ids, shape (B, T), dtype torch.long; got {got}. Use "
                             "tokenizer(prompts)['input_ids'], ids[None] for a single row, ids.long() for floats.")
        if 0 in ids.shape or ids.shape[1] > cfg.max_position_embeddings:
            raise ValueError(f"ids have shape {tuple(ids.shape)}, but CLIP reads 1 to max_position_embeddings="
                             f"{cfg.max_position_embeddings} tokens per row. Pad/truncate with the tokenizer, or "
                             "split a long prompt into chunks (course.text.prompts.chunk) and use encode_weighted.")
        low, high = int(ids.min()), int(ids.max())
        if low < 0 or high >= cfg.vocab_size:
            raise ValueError(f"ids hold {low if low < 0 else high}, outside the vocabulary 0..{cfg.vocab_size - 1} "
                             f"(vocab_size={cfg.vocab_size}); use the tokenizer that belongs to this text encoder.")
        if clip_skip is None:
            return 0  # diffusers' "off"
        top = len(self.encoder.layers) - 1
        if isinstance(clip_skip, bool) or not isinstance(clip_skip, int) or not 0 <= clip_skip <= top:
            raise ValueError(f"clip_skip={clip_skip!r}: pass a whole number from 0 (off) to {top}"
                             " (diffusers' convention: 1 = penultimate layer). For A1111's 'Clip skip' N, pass "
                             "a1111_to_diffusers_clip_skip(N), which is N - 1.")
        return clip_skip


def a1111_to_diffusers_clip_skip(n: int) -> int:
    """A1111's "Clip skip" N (1 = off, 2 = penultimate layer) -> ``clip_skip`` here and in diffusers: N - 1."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"A1111's Clip skip is a whole number >= 1 (1 = off, 2 = penultimate layer); got {n!r}.")
    return n - 1


def encode_weighted(text_encoder: TextEncoder, chunks, clip_skip: int | None = 0) -> torch.Tensor:
    """Prompt weights, A1111's way: encode each chunk alone, scale each token's vector, restore the mean.

    ``chunks``: one prompt's ``list[Chunk]`` (from ``course.text.prompts.chunk``) -> (1, 77·k, D), or a batch,
    ``list[list[Chunk]]`` with k chunks each -> (B, 77·k, D). For each chunk, with z its (77, D) encoding and
    w its (77,) weights (A1111's sd_emphasis.py, "Original"):

        z' = z · w[:, None]              each token's vector times its weight
        z'' = z' · mean(z) / mean(z')    one factor for the whole chunk, so its mean over all 77·D numbers is kept

    then the chunks are concatenated along the token axis. A1111 takes each mean over all the texts it encodes
    in one call (usually one); we take it per prompt, so a prompt's encoding never depends on its batch.

    A context that comes out NaN or inf is refused (ValueError): a weight too large for the encoder's float
    type, or an encoder that gives NaN/inf by itself (damaged weights, float16 overflow).
    """
    return _encode_weighted(text_encoder, chunks, clip_skip)


def _encode_weighted(text_encoder: TextEncoder, chunks, clip_skip, texts: list[str] | None = None) -> torch.Tensor:
    """encode_weighted; ``texts`` (one per prompt) only name the prompt in a refusal."""
    one_prompt = isinstance(chunks, (list, tuple)) and chunks and all(isinstance(c, Chunk) for c in chunks)
    prompts = [chunks] if one_prompt else chunks
    if not isinstance(prompts, (list, tuple)) or not prompts or not all(
            isinstance(p, (list, tuple)) and p and all(isinstance(c, Chunk) for c in p) for p in prompts):
        raise ValueError("chunks must be a non-empty list of course.text.prompts.Chunk (one prompt) or a list of such "
                         "lists (a batch); make them with course.text.prompts.chunk(prompt, tokenizer).")
    counts = sorted({len(p) for p in prompts})
    if len(counts) > 1:
        raise ValueError(f"The prompts have {counts} chunks, but a batch needs the same number in each; pad them "
                         "with course.text.prompts.match_chunk_counts, or call encode_prompt, which does.")
    flat = [c for p in prompts for c in p]  # prompt 0's chunks, then prompt 1's, ...
    if len({len(c.ids) for c in flat}) > 1:
        raise ValueError("The chunks have different lengths; make them all with the same chunk_length.")
    param = next(text_encoder.parameters())
    ids = torch.tensor([c.ids for c in flat], device=param.device)  # (B·k, T)
    weights = torch.tensor([c.weights for c in flat], device=param.device, dtype=param.dtype)[..., None]  # (B·k, T, 1)
    z = text_encoder(ids, clip_skip=clip_skip)  # (B·k, T, D): every chunk encoded on its own
    _refuse_non_finite(z, flat, len(prompts[0]), texts, weighted=False)
    mean_before = z.mean(dim=(1, 2), keepdim=True)  # (B·k, 1, 1): one mean per chunk
    z = z * weights
    mean_after = z.mean(dim=(1, 2), keepdim=True)
    # a chunk without weights is left exactly as encoded; so is one whose mean is 0 (0/0 would make it NaN:
    # an untrained final LayerNorm gives every vector mean 0, and A1111's formula then breaks)
    weighted = (weights != 1).any(dim=1, keepdim=True) & (mean_after != 0)
    z = torch.where(weighted, z * (mean_before / torch.where(weighted, mean_after, 1.0)), z)
    _refuse_non_finite(z, flat, len(prompts[0]), texts, weighted=True)
    b, k = len(prompts), len(prompts[0])
    return z.reshape(b, k * z.shape[1], z.shape[2])  # (B, k·T, D): each prompt's chunks side by side


def encode_prompt(text_encoder: TextEncoder, tokenizer, prompt: str | list[str], clip_skip: int | None = 0,
                  max_chunks: int | None = None, max_weight: float | None = None):
    """Prompt text (A1111 syntax: (word:1.2), BREAK, any length) -> context (B, 77·k, D).

    Chunks each prompt (``course.text.prompts.chunk``), pads a batch to the same number of chunks with empty-prompt
    chunks (``match_chunk_counts``), then ``encode_weighted``. ``max_chunks`` / ``max_weight`` (the pipeline's
    limits) refuse, before encoding, a prompt of more 75-token chunks or with a weight beyond ±max_weight.
    """
    prompts = [prompt] if isinstance(prompt, str) else prompt
    if not isinstance(prompts, (list, tuple)) or not prompts or not all(isinstance(p, str) for p in prompts):
        raise ValueError(f"prompt must be a str or a non-empty list of str, got {prompt!r}.")
    chunk_length = text_encoder.config.max_position_embeddings - 2  # room for BOS and EOS
    chunked = [chunk(p, tokenizer, chunk_length) for p in prompts]
    for text, chunks in zip(prompts, chunked):
        _check_size(text, chunks, chunk_length, max_chunks, max_weight)
    longest = max(chunked, key=len)
    chunked = [match_chunk_counts(c, longest, tokenizer)[0] for c in chunked]
    return _encode_weighted(text_encoder, chunked, clip_skip, list(prompts))


def _check_size(text: str, chunks: list[Chunk], chunk_length: int, max_chunks, max_weight) -> None:
    """Refuse a prompt of more than ``max_chunks`` chunks, or with a weight beyond ±``max_weight``."""
    if max_chunks is not None and len(chunks) > max_chunks:
        raise ValueError(f"the prompt {text[:40]!r}... is {len(chunks)} chunks of {chunk_length} tokens (each BREAK "
                         f"starts one), more than the limit of {max_chunks}: shorten it (past a few chunks the words "
                         "barely change the picture), or raise course.pipeline.LIMITS['max_prompt_chunks'].")
    if max_weight is not None:
        heaviest = max((w for c in chunks for w in c.weights), key=abs)
        if abs(heaviest) > max_weight:
            fragment = next((s for s, w in parse_emphasis(text) if w == heaviest), "")
            raise ValueError(f"the prompt weight ({fragment.strip()[:40]}:{heaviest:g}) is beyond ±{max_weight:g}: "
                             "a weight scales the words' vectors, and past a few the picture is noise. Use about "
                             "0.5 to 1.5, A1111's usual range, e.g. (word:1.2), or raise "
                             "course.pipeline.LIMITS['max_prompt_weight'].")


def _refuse_non_finite(z: torch.Tensor, chunks: list[Chunk], k: int, texts: list[str] | None, weighted: bool):
    """One check of z (B·k, T, D) for NaN/inf; a refusal names the prompt and, after weighting, the weight."""
    bad = ~torch.isfinite(z).flatten(1).all(dim=1)  # (B·k,): one flag per chunk
    if not bool(bad.any()):
        return
    n = int(bad.nonzero()[0])
    where = f"prompt {texts[n // k][:60]!r}" if texts is not None else f"chunk {n}"
    if not weighted:
        raise ValueError(f"the text encoder gives NaN or inf for {where} before any prompt weight: its weights may "
                         f"hold NaN/inf (a damaged file), or {z.dtype} overflowed; load the model again, or run the "
                         "text encoder in float32.")
    weight = max(chunks[n].weights, key=lambda w: abs(w - 1))  # the one furthest from 1 breaks it
    fragment = next((text for text, w in parse_emphasis(texts[n // k]) if w == weight), None) if texts else None
    what = f"({fragment.strip()[:40]}:{weight:g})" if fragment else f"{weight:g}"
    raise ValueError(f"the prompt weight {what} in {where} makes the context NaN or inf ({z.dtype} holds at most "
                     f"{torch.finfo(z.dtype).max:.6g}): use weights of about 0.5 to 1.5, A1111's usual range, e.g. "
                     "(word:1.2).")
