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

SDXL's second text encoder (Podell et al. 2023, "SDXL"; OpenCLIP ViT-bigG/14's text tower, 32 layers, width 1280)
is this same network configured: hidden_act "gelu", and ``projection_dim`` set, which adds ``text_projection``,
a Linear without bias that maps the pooled vector into CLIP's joint image-text space: transformers'
``CLIPTextModelWithProjection`` and its ``text_embeds``, SDXL's "pooled" conditioning.

Also here: clip skip (``TextEncoder.forward``); A1111's prompt weights are in course.nets.prompt_weights
(``encode_weighted`` and ``encode_prompt``, still importable from here).
Parameter names are those of transformers 5's ``CLIPTextModel`` (no ``text_model.`` prefix; the projection is
``text_projection``, as in ``CLIPTextModelWithProjection``), so their state dicts load with ``strict=True``;
``course.io.loading.from_reference`` does that, and ``check_projection`` says what to do when a file and a config
disagree about the projection.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from course.config import TextEncoderConfig
from course.nets.attention import attention, merge_heads, split_heads
from course.nets.prompt_weights import encode_prompt, encode_weighted  # their home was here: old imports work

__all__ = ["TextEncoder", "TextEncoderOutput", "eos_positions", "a1111_to_diffusers_clip_skip", "check_projection",
           "encode_weighted", "encode_prompt"]

ACTIVATIONS = {
    "quick_gelu": lambda x: x * torch.sigmoid(1.702 * x),  # OpenAI's CLIP (SD 1.x)
    "gelu": F.gelu,  # the exact GELU, x·Φ(x): OpenCLIP's models (SD 2.x, SDXL's second encoder)
}


@dataclass
class TextEncoderOutput:
    last_hidden_state: torch.Tensor  # (B, T, D) final_layer_norm of the layer clip_skip picks: the UNet's context
    pooled: torch.Tensor  # (B, D) final_layer_norm(last layer) at EOS: transformers' pooler_output, never skipped
    hidden_states: tuple[torch.Tensor, ...]  # L + 1 tensors (B, T, D): the embeddings, then each layer; no final LN
    # (B, projection_dim) text_projection(pooled): CLIPTextModelWithProjection's text_embeds; None without projection
    text_embeds: torch.Tensor | None = None


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
    """CLIP's text transformer. ``text_encoder(ids)`` -> (B, T, D), the context the UNet cross-attends to.
    With ``config.projection_dim`` set it is transformers' ``CLIPTextModelWithProjection`` (SDXL's second encoder)."""

    def __init__(self, config: TextEncoderConfig):
        super().__init__()
        check_transformer_config(config, "SD 1.x: 'quick_gelu'; SD 2.x and SDXL's second encoder: 'gelu'")
        dim = config.projection_dim
        if dim is not None and (isinstance(dim, bool) or not isinstance(dim, int) or dim < 1):
            raise ValueError(f"projection_dim={dim!r}: pass the width of text_projection's output (SDXL's second "
                             "encoder: 1280), or None for a text encoder without projection (SD 1.x's).")
        self.config = config
        self.embeddings = CLIPTextEmbeddings(config)
        self.encoder = CLIPEncoder(config)
        self.final_layer_norm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)
        # CLIP trained the text and image towers to meet in one space through a projection each; no bias
        self.text_projection = None if dim is None else nn.Linear(config.hidden_size, dim, bias=False)

    def forward(self, ids: torch.Tensor, clip_skip: int | None = 0, output_hidden_states: bool = False):
        """ids (B, T), T <= max_position_embeddings -> last hidden state (B, T, D), or a TextEncoderOutput.

        ``output_hidden_states=True`` returns ``TextEncoderOutput(last_hidden_state, pooled, hidden_states,
        text_embeds)``; ``text_embeds`` = ``text_projection(pooled)``, or None without a projection. SDXL reads
        ``hidden_states[-2]`` (the penultimate layer, not normalised) and ``text_embeds``: course.nets.sdxl_text.

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
        text_embeds = None if self.text_projection is None else self.text_projection(pooled)  # (B, projection_dim)
        return TextEncoderOutput(context, pooled, tuple(hidden_states), text_embeds)

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


def check_projection(config: TextEncoderConfig, state: dict, source: str = "the weights") -> None:
    """Refuse, saying which is which and what to do, weights and a config that disagree about ``text_projection``:
    CLIPTextModelWithProjection's weights (SDXL's second encoder) for a config without projection, or the reverse."""
    has = "text_projection.weight" in state
    if has and config.projection_dim is None:
        width = tuple(state["text_projection.weight"].shape)[0]
        raise ValueError(f"{source} are a CLIPTextModelWithProjection's (they hold text_projection.weight, "
                         f"{width} wide: SDXL's second text encoder, OpenCLIP bigG), but the TextEncoder's config has "
                         f"no projection (projection_dim=None, a CLIPTextModel's). Build it with projection_dim="
                         f"{width}, e.g. TextEncoderConfig.sdxl_2(); a config.json for them names "
                         "\"architectures\": [\"CLIPTextModelWithProjection\"] and load_text_encoder then does it.")
    if not has and config.projection_dim is not None:
        raise ValueError(f"{source} are a plain CLIPTextModel's (no text_projection.weight: SD 1.x's text encoder, or "
                         f"SDXL's first), but the TextEncoder's config asks for a projection (projection_dim="
                         f"{config.projection_dim}, a CLIPTextModelWithProjection's). Build it with "
                         "projection_dim=None, e.g. TextEncoderConfig.sd15(); a config.json for them names "
                         "\"architectures\": [\"CLIPTextModel\"].")
