"""SDXL's prompt: two CLIP text encoders read the same text, side by side.

Podell et al. 2023, "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis", §2.1: "we use
OpenCLIP ViT-bigG in combination with CLIP ViT-L, where we concatenate the penultimate text encoder outputs along
the channel axis", and the pooled text embedding of OpenCLIP conditions the UNet as well.

    prompt   -> tokenizer   (pads with EOS) -> CLIP ViT-L    (CLIPTextModel)      -> hidden_states[-2]  (B, 77, 768)
    prompt_2 -> tokenizer_2 (pads with "!") -> OpenCLIP bigG (..WithProjection)   -> hidden_states[-2]  (B, 77, 1280)
                                                                   concatenated:    context              (B, 77, 2048)
                                                 bigG's text_projection(EOS vector): pooled ("text_embeds") (B, 1280)

Unlike SD 1.x's clip skip, the penultimate layer goes to the UNet as it is, without final_layer_norm: SDXL was
trained on it that way. Both encoders are course.nets.text_encoder.TextEncoder, configured (the second with
``projection_dim``); the two tokenizers are course.text.tokenizer.CLIPTokenizer, the second with ``pad_token="!"``
(id 0): OpenCLIP pads with 0, and the encoder's attention is causal, so padding changes no vector before it.

- ``encode_text_xl``: texts -> (context, pooled), what diffusers' StableDiffusionXLPipeline.encode_prompt computes
  for one side;
- ``encode_prompt_xl``: prompt and negative prompt -> ``SDXLPromptEmbeds``, diffusers' encode_prompt with its rules
  for the negative side (zeros when there is none, ``force_zeros_for_empty_prompt``);
- ``encode_weighted_xl``: A1111's way (any length, (word:1.2) weights): each encoder's context weighted as SD 1.x's
  (course.nets.prompt_weights), the pooled vector from each prompt's first chunk, unweighted.
"""
from __future__ import annotations

from typing import NamedTuple

import torch

from course.nets.prompt_weights import check_prompts, chunk_prompts, chunk_tensors, weigh
from course.text.prompts import chunk

__all__ = ["SDXLPromptEmbeds", "encode_text_xl", "encode_prompt_xl", "encode_weighted_xl"]


class SDXLPromptEmbeds(NamedTuple):
    """What SDXL's UNet is conditioned on (diffusers returns the same four, ordered context, negative_context,
    pooled, negative_pooled). B = prompts × images per prompt; the negatives are None without guidance."""

    context: torch.Tensor  # (B, 77, D1 + D2): the cross-attention context (diffusers' prompt_embeds)
    pooled: torch.Tensor  # (B, P): the second encoder's text_embeds (pooled_prompt_embeds), goes into text_time
    negative_context: torch.Tensor | None  # (B, 77, D1 + D2)
    negative_pooled: torch.Tensor | None  # (B, P)


def _check_pair(tokenizers, text_encoders, clip_skip) -> int:
    """The encoders as SDXL needs them; returns clip_skip as a whole number (None -> 0)."""
    if not isinstance(tokenizers, (list, tuple)) or not isinstance(text_encoders, (list, tuple)) or \
            len(text_encoders) not in (1, 2) or len(tokenizers) != len(text_encoders):
        raise ValueError("pass tokenizers and text_encoders as two lists of the same length, one tokenizer per "
                         "encoder: SDXL's base model [tokenizer, tokenizer_2], [text_encoder, text_encoder_2]; its "
                         "refiner only the second of each.")
    if getattr(text_encoders[-1], "text_projection", None) is None:
        raise ValueError("the last text encoder gives SDXL's pooled vector, so it must have a text_projection: build "
                         "it with projection_dim set (TextEncoderConfig.sdxl_2()), or load a "
                         "CLIPTextModelWithProjection (text_encoder_2/) with load_text_encoder or from_reference.")
    k = 0 if clip_skip is None else clip_skip
    top = min(len(e.encoder.layers) for e in text_encoders) - 2
    if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k <= top:
        raise ValueError(f"clip_skip={clip_skip!r}: pass None or a whole number from 0 to {top}. SDXL always reads "
                         "the penultimate layer (clip_skip None or 0); clip_skip=k reads k layers before it, "
                         "hidden_states[-(k + 2)], as diffusers' StableDiffusionXLPipeline does.")
    return k


def _run(encoder, ids: torch.Tensor, k: int):
    """ids (N, T) -> (the layer SDXL reads, (N, T, D), un-normalised; text_embeds (N, P) or None)."""
    out = encoder(ids.to(next(encoder.parameters()).device), output_hidden_states=True)
    return out.hidden_states[-(k + 2)], out.text_embeds  # -2: the penultimate layer; each skip one further back


def encode_text_xl(tokenizers, text_encoders, prompts: str | list[str], prompts_2: str | list[str] | None = None,
                   clip_skip: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """B texts -> context (B, 77, D1 + D2), pooled (B, P): each encoder reads its tokenizer's 77 ids (longer texts
    are cut, with a warning), the layer ``clip_skip`` picks (None: the penultimate) without final_layer_norm; the
    pooled vector is the last encoder's text_embeds. ``prompts_2``: other texts for the second encoder (default:
    the same), as diffusers' prompt_2; with one encoder (SDXL's refiner) it reads ``prompts``, as in diffusers.
    The context comes in the last encoder's dtype, as diffusers casts it."""
    k = _check_pair(tokenizers, text_encoders, clip_skip)
    texts = [check_prompts(prompts), check_prompts(prompts_2 if prompts_2 is not None else prompts, "prompts_2")]
    if len(texts[0]) != len(texts[1]):
        raise ValueError(f"prompts and prompts_2 hold {len(texts[0])} and {len(texts[1])} texts: give the second "
                         "encoder one text per prompt, or leave prompts_2 out to use the same texts.")
    contexts = []
    for tokenizer, encoder, batch in zip(tokenizers, text_encoders, texts):
        z, pooled = _run(encoder, tokenizer(batch)["input_ids"], k)  # (B, 77, D_i)
        contexts.append(z)
    dtype = contexts[-1].dtype
    return torch.cat([z.to(dtype) for z in contexts], dim=-1), pooled  # (B, 77, ΣD_i), (B, P)


def encode_prompt_xl(tokenizers, text_encoders, prompt: str | list[str], prompt_2: str | list[str] | None = None,
                     negative_prompt: str | list[str] | None = None, negative_prompt_2: str | list[str] | None = None,
                     *, num_images_per_prompt: int = 1, clip_skip: int | None = None,
                     force_zeros_for_empty_prompt: bool = True, guidance: bool = True) -> SDXLPromptEmbeds:
    """diffusers' StableDiffusionXLPipeline.encode_prompt, rule for rule:

    - ``prompt_2`` / ``negative_prompt_2`` go to the second encoder; when left out (or empty) it reads ``prompt`` /
      ``negative_prompt``;
    - no ``negative_prompt`` (None) with ``force_zeros_for_empty_prompt`` (the pipeline's default, true):
      the negative context and the negative pooled vector are zeros, not the encoding of ""; ``negative_prompt=""``
      encodes the empty text (A1111 zeroes an empty negative prompt instead: sd_models_xl.py);
    - a negative prompt given as one str serves every prompt; a list needs one per prompt;
    - every row repeated ``num_images_per_prompt`` times, p0 p0 p1 p1 (``guidance=False``: no negatives).

    One deliberate difference: ``clip_skip`` picks the layer of the negative prompt too. diffusers 0.42 reads the
    negative prompt's hidden_states[-2] whatever clip_skip says, so cond and uncond come from different layers
    (pull requests #13796 and #13973 proposed to change that); here both come from the same layer.
    """
    prompts = check_prompts(prompt)
    n = num_images_per_prompt
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"num_images_per_prompt={n!r}: pass a whole number >= 1.")
    context, pooled = encode_text_xl(tokenizers, text_encoders, prompts, prompt_2 or prompt, clip_skip)
    negative_context = negative_pooled = None
    if guidance and negative_prompt is None and force_zeros_for_empty_prompt:
        negative_context, negative_pooled = torch.zeros_like(context), torch.zeros_like(pooled)
    elif guidance:
        negatives = [_per_prompt(negative_prompt or "", len(prompts), "negative_prompt")]
        negatives.append(_per_prompt(negative_prompt_2 or negative_prompt or "", len(prompts), "negative_prompt_2"))
        negative_context, negative_pooled = encode_text_xl(tokenizers, text_encoders, *negatives, clip_skip)
    rows = [None if x is None else x.repeat_interleave(n, dim=0)  # (B, ...) -> (B·n, ...)
            for x in (context, pooled, negative_context, negative_pooled)]
    return SDXLPromptEmbeds(*rows)


def _per_prompt(text: str | list[str], count: int, name: str) -> list[str]:
    texts = [text] * count if isinstance(text, str) else check_prompts(text, name)
    if len(texts) != count:
        raise ValueError(f"{name} holds {len(texts)} texts for {count} prompts: give one per prompt, or one str for "
                         "all of them.")
    return texts


def encode_weighted_xl(tokenizers, text_encoders, prompt: str | list[str], clip_skip: int | None = None,
                       max_chunks: int | None = None, max_weight: float | None = None,
                       prompt_2: str | list[str] | None = None):
    """A1111's SDXL prompt (modules/sd_hijack_clip.py, sd_models_xl.py): any length, BREAK, (word:1.2) weights ->
    context (B, 77·k, D1 + D2), pooled (B, P).

    Each encoder chunks the prompt with its own tokenizer (course.text.prompts.chunk: 75 tokens, BOS/EOS, padding
    with the tokenizer's pad token), reads the same layer as ``encode_text_xl`` from each chunk, and weights it as
    SD 1.x's context is weighted (course.nets.prompt_weights: z·w, rescaled to the chunk's mean), each encoder on
    its own. The pooled vector is the last encoder's text_embeds of each prompt's first chunk, computed before any
    weighting (A1111: ``zs[0].pooled``). A prompt of at most 75 tokens with no weights is diffusers' encoding.

    Where it differs from A1111: two tokenizers that cut a prompt into different numbers of chunks are padded with
    empty-prompt chunks to the larger count (A1111 would fail to concatenate); the means are per prompt, as in
    ``encode_weighted``; and ``clip_skip`` (diffusers' meaning) moves both encoders, while A1111 reads the
    penultimate layers whatever its "Clip skip" says, unless its option sdxl_clip_l_skip moves CLIP-L's. And A1111
    tokenizes bigG's text with open_clip, where "!" is punctuation; tokenizer_2 here, as in diffusers, reads it as
    its pad token, id 0 (course.text.tokenizer).
    ``max_chunks`` / ``max_weight``: the pipeline's limits, as ``encode_prompt``. ``prompt_2``: other texts for the
    second encoder, one per prompt (as ``encode_text_xl``; with one encoder, the refiner, it reads ``prompt``).
    """
    k = _check_pair(tokenizers, text_encoders, clip_skip)
    prompts = check_prompts(prompt)
    texts = [prompts, check_prompts(prompt_2, "prompt_2") if prompt_2 is not None else prompts][:len(text_encoders)]
    if len(texts[-1]) != len(prompts):
        raise ValueError(f"prompt and prompt_2 hold {len(prompts)} and {len(texts[-1])} texts: give the second "
                         "encoder one text per prompt, or leave prompt_2 out to use the same texts.")
    lengths = [e.config.max_position_embeddings - 2 for e in text_encoders]  # room for BOS and EOS
    chunked = [chunk_prompts(p, t, n, max_chunks, max_weight) for p, t, n in zip(texts, tokenizers, lengths)]
    count = max(len(c[0]) for c in chunked)
    contexts = []
    for tokenizer, encoder, n, chunks in zip(tokenizers, text_encoders, lengths, chunked):
        chunks = [p + [chunk("", tokenizer, n)[0]] * (count - len(p)) for p in chunks]  # one count for all encoders
        ids, weights = chunk_tensors(chunks, next(encoder.parameters()))  # (B·k, 77) each
        z, pooled = _run(encoder, ids, k)  # (B·k, 77, D_i): every chunk encoded on its own
        contexts.append(weigh(z, chunks, weights, prompts))  # (B, 77·k, D_i)
    dtype = contexts[-1].dtype
    pooled = pooled.view(len(prompts), count, -1)[:, 0]  # (B, P): each prompt's first chunk
    return torch.cat([z.to(dtype) for z in contexts], dim=-1), pooled
