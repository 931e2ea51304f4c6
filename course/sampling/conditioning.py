"""Conditioning: which texts the UNet sees at each sampling step, and with which weights.

Two pieces of A1111's prompt syntax act during sampling rather than on the text encoder:
- prompt editing, ``a [cat:dog:0.5]`` (course.text.prompt_schedule.schedule): the text changes at a given step; and
- composition, ``a cat AND a hat :0.6`` (course.text.prompt_schedule.parse_and; Liu et al. 2022, "Compositional Visual
  Generation with Composable Diffusion Models"): each part is its own conditional prediction, and guidance
  sums their pulls, uncond + s · Σ_j w_j (cond_j - uncond) (course.sampling.guidance).

``Conditioning`` encodes every text any step needs once, in one call (so all contexts have the same number of
75-token chunks), and hands the guided UNet the right rows at step i. A plain prompt is one text and one
weight of 1, and gives exactly the [uncond, cond] batch of diffusers' pipeline.
"""
from __future__ import annotations

import math

import torch

from course.nets.sdxl_text import encode_weighted_xl
from course.nets.text_encoder import encode_prompt
from course.sampling.arguments import LIMITS
from course.text.prompt_schedule import parse_and, schedule

__all__ = ["Conditioning"]


class Conditioning:
    """Prompts (str or list, P of them), negative prompts, ``n`` images per prompt -> contexts per step.

    ``at(i)`` returns (cond (B·J, T, D), uncond (B, T, D), weights (B, J) or None) for sampling step i
    (0-based, counted along the whole schedule), B = P·n images, J = the most AND parts of any prompt.
    A text is used up to and including its end step, as A1111 does: ``[cat:dog:0.5]`` with 10 steps is
    "cat" for steps 0-5 and "dog" for 6-9.

    SDXL parts (``parts.text_encoder_2``) encode every text with both encoders (course.nets.sdxl_text.
    encode_weighted_xl) and keep each text's pooled vector: ``pooled_at(i)`` gives (cond (B·J, P), uncond (B, P))
    for the same rows. ``prompt_2`` / ``negative_prompt_2`` (one str, or one per prompt) are what the second
    encoder reads instead of each prompt's texts, at every step and for every AND part. ``negative_prompt=None``
    is the empty text, or for SDXL parts with ``force_zeros_for_empty_prompt`` zeros (diffusers' rule).
    """

    def __init__(self, parts, prompt, negative_prompt, steps: int, clip_skip: int, n: int, like: torch.Tensor, *,
                 prompt_2=None, negative_prompt_2=None):
        prompts = [prompt] if isinstance(prompt, str) else list(prompt)
        zeros = negative_prompt is None and parts.text_encoder_2 is not None and parts.force_zeros_for_empty_prompt
        negative_prompt = "" if negative_prompt is None else negative_prompt
        negatives = [negative_prompt] * len(prompts) if isinstance(negative_prompt, str) else list(negative_prompt)
        ands = [parse_and(p) for p in prompts]  # per prompt: [(text, weight), ...]
        for text, weight in (part for a in ands for part in a):
            if not math.isfinite(weight):
                raise ValueError(f"the AND part {text[:40]!r} has weight {weight}: a part's weight scales its pull "
                                 "on the picture, so it must be a finite number; use about 0.5 to 1.5 (no ':w' = 1).")
        # the part pulling hardest: its weight multiplies the guidance scale (the pipeline bounds the product)
        self.heaviest = max((part for a in ands for part in a), key=lambda part: abs(part[1]))
        J = max(len(a) for a in ands)
        if len(prompts) * n * (J + 1) > LIMITS["max_batch"]:  # each AND part is its own row of the UNet's batch
            raise ValueError(f"{len(prompts)} prompt(s) × {n} image(s) × ({J} AND part(s) + the negative prompt) are "
                             f"{len(prompts) * n * (J + 1)} rows for the UNet at every step, more than "
                             f"course.pipeline.LIMITS['max_batch'] = {LIMITS['max_batch']}: use fewer AND parts "
                             "(a few is usual), or raise the limit.")
        ands = [a + [(a[-1][0], 0.0)] * (J - len(a)) for a in ands]  # pad with weight-0 parts: one shape for all
        # one schedule [(end_step, text), ...] per negative prompt, then per part of each prompt
        self.schedules = [schedule(t, steps) for t in negatives] + [schedule(t, steps) for a in ands for t, _ in a]
        texts = [text for sch in self.schedules for _, text in sch]
        self.first = [0]  # row of each schedule's first text
        for sch in self.schedules[:-1]:
            self.first.append(self.first[-1] + len(sch))
        self.pooled = None
        if parts.text_encoder_2 is None:
            self.contexts = encode_prompt(parts.text_encoder, parts.tokenizer, texts, clip_skip,  # (N, 77·k, D)
                                          LIMITS["max_prompt_chunks"], LIMITS["max_prompt_weight"]).to(like)
        else:  # SDXL: both encoders side by side, and the second's pooled vector of each text
            P = len(prompts)
            second = [_second(negative_prompt_2, P, steps, "negative_prompt_2"),
                      _second(prompt_2, P, steps, "prompt_2")]
            owner = [(0, g) if g < P else (1, (g - P) // J) for g in range(len(self.schedules))]  # (side, prompt)
            texts_2 = [text if second[side] is None else second[side][p]
                       for (side, p), sch in zip(owner, self.schedules) for _, text in sch]
            pairs = [(t, e) for t, e in ((parts.tokenizer, parts.text_encoder),
                                         (parts.tokenizer_2, parts.text_encoder_2)) if e is not None]
            contexts, pooled = encode_weighted_xl([t for t, _ in pairs], [e for _, e in pairs], texts, clip_skip,
                                                  LIMITS["max_prompt_chunks"], LIMITS["max_prompt_weight"], texts_2)
            self.contexts, self.pooled = contexts.to(like), pooled.to(like)  # (N, 77·k, D1 + D2), (N, P)
            if zeros:  # no negative prompt: zeros in the unconditional rows, as diffusers' force_zeros_for_empty_prompt
                self.contexts[:self.first[P]] = 0
                self.pooled[:self.first[P]] = 0
        rows = [[weight for _, weight in a] for a in ands]  # (P, J)
        self.weights = None if J == 1 and all(w == 1 for row in rows for w in row) else torch.tensor(
            rows, dtype=torch.float32, device=like.device).repeat_interleave(n, dim=0)  # (P·n, J)
        self.prompts, self.J, self.n, self.batch = len(prompts), J, n, len(prompts) * n
        self._cache = {}

    def _rows(self, i: int) -> tuple[int, ...]:
        """The row of each schedule's text at step i."""
        return tuple(first + next((k for k, (end, _) in enumerate(sch) if i <= end), len(sch) - 1)
                     for first, sch in zip(self.first, self.schedules))

    def _split(self, x: torch.Tensor):
        """Rows (P + P·J, ...) in schedule order -> cond (B·J, ...), uncond (B, ...)."""
        P = self.prompts
        uncond = x[:P].repeat_interleave(self.n, dim=0)  # (B, ...): p0, p0, p1, p1, ... for n = 2
        cond = x[P:].view(P, self.J, *x.shape[1:]).repeat_interleave(self.n, dim=0).flatten(0, 1)  # (B·J, ...)
        return cond, uncond

    def at(self, i: int):
        rows = self._rows(i)
        if rows not in self._cache:
            cond, uncond = self._split(self.contexts[list(rows)])  # negatives, then each prompt's J parts
            self._cache[rows] = (cond, uncond, self.weights)
        return self._cache[rows]

    def pooled_at(self, i: int):
        """SDXL: the pooled text vectors at step i, (cond (B·J, P), uncond (B, P)), the rows of ``at(i)``."""
        return self._split(self.pooled[list(self._rows(i))])

    def per_image(self, x: torch.Tensor, what: str) -> torch.Tensor:
        """One tensor (1, ...) for all images, or one per prompt (P, ...) -> one per image (B, ...)."""
        if x.shape[0] == 1:
            return x.repeat(self.batch, *[1] * (x.ndim - 1))
        if x.shape[0] == self.prompts:
            return x.repeat_interleave(self.n, dim=0)
        raise ValueError(f"{x.shape[0]} {what}s for {self.prompts} prompts: pass one {what} for all of them, "
                         f"or one per prompt.")


def _second(text, count: int, steps: int, name: str) -> list[str] | None:
    """SDXL's ``prompt_2`` / ``negative_prompt_2`` -> one text per prompt, or None (the second encoder then reads
    the first's texts; an empty one counts as none, as in diffusers). Plain text and (word:1.2) weights only: AND
    and prompt editing belong in the prompt, whose steps and parts the second text then follows."""
    if not text:
        return None
    texts = [text] * count if isinstance(text, str) else list(text)
    if not all(isinstance(t, str) for t in texts) or len(texts) != count:
        raise ValueError(f"{name}={text!r}: pass a str, or a list of {count} str (one per prompt).")
    for t in texts:
        if len(parse_and(t)) > 1 or len(schedule(t, steps)) > 1:
            raise ValueError(f"{name}={t[:40]!r} uses AND or prompt editing ([a:b:0.5], [a|b]), which act on the "
                             f"prompt, not on the second encoder's text: put them in the prompt ({name} then serves "
                             "all of its steps and parts), or write the text plainly.")
    return texts
