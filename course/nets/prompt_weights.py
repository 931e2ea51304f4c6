"""A1111's prompt weights on a text encoder's output: "a (red:1.5) car" makes the vectors of "red" weigh more.

The text encoder never sees a weight. AUTOMATIC1111's stable-diffusion-webui (modules/sd_hijack_clip.py and
sd_emphasis.py, "Original") cuts the prompt into 77-token chunks (course.text.prompts.chunk), encodes each chunk
on its own, then, for each chunk with z its (77, D) encoding and w its (77,) weights:

    z' = z · w[:, None]              each token's vector times its weight
    z'' = z' · mean(z) / mean(z')    one factor for the whole chunk, so its mean over all 77·D numbers is kept

and lays the chunks side by side along the token axis: (B, 77·k, D) for k chunks. SD 1.x reads the encoder's
(clip-skipped) output this way (``encode_weighted``, ``encode_prompt``); SDXL weighs each of its two encoders'
penultimate layers the same way (course.nets.sdxl_text). The steps are public so both can share them:
``prompts_of`` (check the chunks), ``chunk_tensors`` (ids and weights), ``weigh`` (the formula, reshaped).
"""
from __future__ import annotations

import torch

from course.text.prompts import Chunk, chunk, match_chunk_counts, parse_emphasis

__all__ = ["encode_weighted", "encode_prompt", "apply_weights", "prompts_of", "chunk_tensors", "weigh",
           "chunk_prompts", "check_prompt_size"]


def apply_weights(z: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """z (N, T, D) encoded chunks, weights (N, T) -> each token's vector times its weight, each chunk rescaled to
    its old mean. A chunk without weights is left exactly as encoded; one whose mean is 0 after weighting is
    weighted but not rescaled (0/0 would make it NaN: an untrained final LayerNorm gives every vector mean 0)."""
    weights = weights[..., None]  # (N, T, 1): one weight scales a whole D-wide vector
    mean_before = z.mean(dim=(1, 2), keepdim=True)  # (N, 1, 1): one mean per chunk
    weighted = z * weights
    mean_after = weighted.mean(dim=(1, 2), keepdim=True)
    changed = (weights != 1).any(dim=1, keepdim=True) & (mean_after != 0)
    return torch.where(changed, weighted * (mean_before / torch.where(changed, mean_after, 1.0)), weighted)


def prompts_of(chunks) -> list[list[Chunk]]:
    """One prompt's ``list[Chunk]`` or a batch ``list[list[Chunk]]`` -> the batch, refused unless every prompt has
    as many chunks and every chunk as many tokens."""
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
    if len({len(c.ids) for p in prompts for c in p}) > 1:
        raise ValueError("The chunks have different lengths; make them all with the same chunk_length.")
    return [list(p) for p in prompts]


def chunk_tensors(prompts: list[list[Chunk]], like: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The chunks of a batch, prompt 0's first, then prompt 1's, ... -> ids (B·k, T) and weights (B·k, T) on the
    device of ``like`` (a parameter of the encoder), the weights in its dtype."""
    flat = [c for p in prompts for c in p]
    ids = torch.tensor([c.ids for c in flat], device=like.device)
    return ids, torch.tensor([c.weights for c in flat], device=like.device, dtype=like.dtype)


def weigh(z: torch.Tensor, prompts: list[list[Chunk]], weights: torch.Tensor,
          texts: list[str] | None = None) -> torch.Tensor:
    """z (B·k, T, D), every chunk encoded on its own -> (B, k·T, D): weighted (``apply_weights``), each prompt's
    chunks side by side. A context that comes out NaN or inf is refused, before weighting (the encoder's own
    fault) and after (a weight too large for the dtype); ``texts`` (one per prompt) name the prompt then."""
    flat, k = [c for p in prompts for c in p], len(prompts[0])
    _refuse_non_finite(z, flat, k, texts, weighted=False)
    z = apply_weights(z, weights)
    _refuse_non_finite(z, flat, k, texts, weighted=True)
    return z.reshape(len(prompts), k * z.shape[1], z.shape[2])  # (B, k·T, D)


def encode_weighted(text_encoder, chunks, clip_skip: int | None = 0) -> torch.Tensor:
    """Prompt weights, A1111's way: encode each chunk alone, scale each token's vector, restore the mean.

    ``chunks``: one prompt's ``list[Chunk]`` (from ``course.text.prompts.chunk``) -> (1, 77·k, D), or a batch,
    ``list[list[Chunk]]`` with k chunks each -> (B, 77·k, D). The formula is in this module's docstring.
    A1111 takes each mean over all the texts it encodes in one call (usually one); we take it per prompt, so a
    prompt's encoding never depends on its batch.

    A context that comes out NaN or inf is refused (ValueError): a weight too large for the encoder's float
    type, or an encoder that gives NaN/inf by itself (damaged weights, float16 overflow).
    """
    return _encode_weighted(text_encoder, prompts_of(chunks), clip_skip)


def _encode_weighted(text_encoder, prompts: list[list[Chunk]], clip_skip, texts: list[str] | None = None):
    ids, weights = chunk_tensors(prompts, next(text_encoder.parameters()))
    return weigh(text_encoder(ids, clip_skip=clip_skip), prompts, weights, texts)  # (B·k, T, D) -> (B, k·T, D)


def chunk_prompts(prompts, tokenizer, chunk_length: int, max_chunks=None, max_weight=None) -> list[list[Chunk]]:
    """Prompt texts -> their chunks, the batch padded to one chunk count with empty-prompt chunks
    (``match_chunk_counts``); a prompt beyond the limits (``check_prompt_size``) is refused before any encoding."""
    chunked = [chunk(p, tokenizer, chunk_length) for p in prompts]
    for text, chunks in zip(prompts, chunked):
        check_prompt_size(text, chunks, chunk_length, max_chunks, max_weight)
    longest = max(chunked, key=len)
    return [match_chunk_counts(c, longest, tokenizer)[0] for c in chunked]


def encode_prompt(text_encoder, tokenizer, prompt: str | list[str], clip_skip: int | None = 0,
                  max_chunks: int | None = None, max_weight: float | None = None):
    """Prompt text (A1111 syntax: (word:1.2), BREAK, any length) -> context (B, 77·k, D).

    Chunks each prompt (``course.text.prompts.chunk``), pads a batch to the same number of chunks with empty-prompt
    chunks (``match_chunk_counts``), then ``encode_weighted``. ``max_chunks`` / ``max_weight`` (the pipeline's
    limits) refuse, before encoding, a prompt of more 75-token chunks or with a weight beyond ±max_weight.
    """
    prompts = check_prompts(prompt)
    chunk_length = text_encoder.config.max_position_embeddings - 2  # room for BOS and EOS
    chunked = chunk_prompts(prompts, tokenizer, chunk_length, max_chunks, max_weight)
    return _encode_weighted(text_encoder, chunked, clip_skip, prompts)


def check_prompts(prompt, name: str = "prompt") -> list[str]:
    """A str or a non-empty list of str -> the list."""
    prompts = [prompt] if isinstance(prompt, str) else prompt
    if not isinstance(prompts, (list, tuple)) or not prompts or not all(isinstance(p, str) for p in prompts):
        raise ValueError(f"{name} must be a str or a non-empty list of str, got {prompt!r}.")
    return list(prompts)


def check_prompt_size(text: str, chunks: list[Chunk], chunk_length: int, max_chunks, max_weight) -> None:
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
