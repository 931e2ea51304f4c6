"""SD3's prompt without T5: two CLIP encoders, side by side, then zeros where T5's tokens would be.

Esser et al. 2024, "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis": SD3 reads the
prompt with CLIP-L, CLIP-G (OpenCLIP bigG) and T5-XXL. The two CLIPs' penultimate layers are concatenated along
channels (768 + 1280 = 2048), zero-padded to T5's width (4096) and set before T5's tokens along the sequence; their
pooled vectors, concatenated (768 + 1280 = 2048), are the MMDiT's global text conditioning (with the timestep). Each
encoder's text was dropped, independently, for 46.3% of the training captions, so the MMDiT knows a prompt whose T5
part is zero: diffusers gives it zeros when the pipeline has ``text_encoder_3=None``, and that is what the course does
(T5-XXL is 4.7 B parameters; the paper finds the loss mostly in written text and long, detailed prompts).

    prompt   -> tokenizer   -> CLIP-L (with projection) -> hidden_states[-2] (B, 77, 768),  text_embeds (B, 768)
    prompt_2 -> tokenizer_2 -> CLIP-G (with projection) -> hidden_states[-2] (B, 77, 1280), text_embeds (B, 1280)
    context = [ (CLIP-L ‖ CLIP-G ‖ zeros to 4096) (B, 77, 4096) ; T5 zeros (B, 256, 4096) ]      (B, 333, 4096)
    pooled  = CLIP-L's text_embeds ‖ CLIP-G's text_embeds                                        (B, 2048)

Where SDXL differs (course.nets.sdxl_text): CLIP-L has a projection here (its pooled vector is used), the context is
padded and followed by T5's part, and no negative prompt means the encoding of "" (SD3 has no
force_zeros_for_empty_prompt).
"""
from __future__ import annotations

from typing import NamedTuple

import torch
import torch.nn.functional as F

from course.nets.prompt_weights import check_prompts
from course.nets.sdxl_text import _check_pair, _per_prompt, _run

__all__ = ["SD3PromptEmbeds", "encode_text_sd3", "encode_prompt_sd3", "T5_TOKENS"]

T5_TOKENS = 256  # diffusers' max_sequence_length: how many T5 tokens (here zeros) follow CLIP's 77


class SD3PromptEmbeds(NamedTuple):
    """What SD3's MMDiT is conditioned on, as diffusers' StableDiffusion3Pipeline.encode_prompt returns them
    (there ordered context, negative_context, pooled, negative_pooled). The negatives are None without guidance."""

    context: torch.Tensor  # (B, 77 + T5 tokens, joint_attention_dim): diffusers' prompt_embeds
    pooled: torch.Tensor  # (B, P1 + P2): pooled_prompt_embeds
    negative_context: torch.Tensor | None
    negative_pooled: torch.Tensor | None


def encode_text_sd3(tokenizers, text_encoders, prompts: str | list[str], prompts_2: str | list[str] | None = None,
                    *, joint_attention_dim: int = 4096, max_sequence_length: int = T5_TOKENS,
                    clip_skip: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """B texts -> context (B, 77 + max_sequence_length, joint_attention_dim), pooled (B, P1 + P2).
    ``tokenizers`` / ``text_encoders``: [CLIP-L's, CLIP-G's], both encoders with a text_projection;
    ``prompts_2``: other texts for CLIP-G (default: the same); ``clip_skip``: as SDXL's (None: the penultimate layer).
    The context comes in CLIP-L's dtype, as diffusers casts it; T5's part is zeros."""
    if len(text_encoders) != 2 or any(getattr(e, "text_projection", None) is None for e in text_encoders):
        raise ValueError("SD3 reads the prompt with two CLIP encoders, both with a text_projection (their pooled "
                         "vectors are concatenated): pass [CLIP-L, CLIP-G] as CLIPTextModelWithProjection "
                         "(from_reference(StableDiffusion3Pipeline) gives parts.text_encoder and text_encoder_2).")
    k = _check_pair(tokenizers, text_encoders, clip_skip)
    texts = [check_prompts(prompts), check_prompts(prompts_2 if prompts_2 is not None else prompts, "prompts_2")]
    if len(texts[0]) != len(texts[1]):
        raise ValueError(f"prompts and prompts_2 hold {len(texts[0])} and {len(texts[1])} texts: give CLIP-G one text "
                         "per prompt, or leave prompts_2 out to use the same texts.")
    width = sum(e.config.hidden_size for e in text_encoders)
    if width > joint_attention_dim:
        # diffusers' F.pad with a negative width would cut CLIP-G's channels off without a word
        raise ValueError(f"CLIP-L and CLIP-G give {width} channels together, more than the MMDiT's "
                         f"joint_attention_dim={joint_attention_dim}: the text encoders and the transformer come from "
                         "different models; load all of them from one SD3 pipeline.")
    if isinstance(max_sequence_length, bool) or not isinstance(max_sequence_length, int) or max_sequence_length < 0:
        raise ValueError(f"max_sequence_length={max_sequence_length!r}: pass a whole number >= 0, how many T5 tokens "
                         f"(zeros here) follow CLIP's; SD3 uses {T5_TOKENS}.")
    outputs = [_run(encoder, tokenizer(batch)["input_ids"], k)
               for tokenizer, encoder, batch in zip(tokenizers, text_encoders, texts)]
    dtype = outputs[0][0].dtype  # diffusers casts both contexts to CLIP-L's dtype
    clip = torch.cat([z.to(dtype) for z, _ in outputs], dim=-1)  # (B, 77, D1 + D2)
    clip = F.pad(clip, (0, joint_attention_dim - width))  # (B, 77, joint): zeros after CLIP-G's channels
    t5 = clip.new_zeros(clip.shape[0], max_sequence_length, joint_attention_dim)  # (B, 256, joint): no T5
    pooled = torch.cat([p for _, p in outputs], dim=-1)  # (B, P1 + P2)
    return torch.cat([clip, t5], dim=1), pooled


def encode_prompt_sd3(tokenizers, text_encoders, prompt: str | list[str], prompt_2: str | list[str] | None = None,
                      negative_prompt: str | list[str] | None = None,
                      negative_prompt_2: str | list[str] | None = None, *, joint_attention_dim: int = 4096,
                      max_sequence_length: int = T5_TOKENS, num_images_per_prompt: int = 1,
                      clip_skip: int | None = None, guidance: bool = True) -> SD3PromptEmbeds:
    """diffusers' StableDiffusion3Pipeline.encode_prompt with ``text_encoder_3=None``, rule for rule:

    - ``prompt_2`` / ``negative_prompt_2`` go to CLIP-G; left out (or empty), it reads ``prompt`` / ``negative_prompt``;
    - no ``negative_prompt`` encodes "" (SD3 never gives zeros for it); one str serves every prompt, a list needs one
      per prompt;
    - every row repeated ``num_images_per_prompt`` times, p0 p0 p1 p1 (``guidance=False``: no negatives).

    One deliberate difference, as in course.nets.sdxl_text: ``clip_skip`` picks the layer of the negative prompt too
    (diffusers reads the negative prompt's hidden_states[-2] whatever clip_skip says)."""
    prompts = check_prompts(prompt)
    n = num_images_per_prompt
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"num_images_per_prompt={n!r}: pass a whole number >= 1.")
    sizes = {"joint_attention_dim": joint_attention_dim, "max_sequence_length": max_sequence_length,
             "clip_skip": clip_skip}
    context, pooled = encode_text_sd3(tokenizers, text_encoders, prompts, prompt_2 or prompt, **sizes)
    negative_context = negative_pooled = None
    if guidance:
        negatives = [_per_prompt(negative_prompt or "", len(prompts), "negative_prompt"),
                     _per_prompt(negative_prompt_2 or negative_prompt or "", len(prompts), "negative_prompt_2")]
        negative_context, negative_pooled = encode_text_sd3(tokenizers, text_encoders, *negatives, **sizes)
    rows = [None if x is None else x.repeat_interleave(n, dim=0)  # (B, ...) -> (B·n, ...)
            for x in (context, pooled, negative_context, negative_pooled)]
    return SD3PromptEmbeds(*rows)
