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
    """

    def __init__(self, parts, prompt, negative_prompt, steps: int, clip_skip: int, n: int, like: torch.Tensor):
        prompts = [prompt] if isinstance(prompt, str) else list(prompt)
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
        self.contexts = encode_prompt(parts.text_encoder, parts.tokenizer, texts, clip_skip,  # (N, 77·k, D)
                                      LIMITS["max_prompt_chunks"], LIMITS["max_prompt_weight"]).to(like)
        self.first = [0]  # row of each schedule's first text
        for sch in self.schedules[:-1]:
            self.first.append(self.first[-1] + len(sch))
        rows = [[weight for _, weight in a] for a in ands]  # (P, J)
        self.weights = None if J == 1 and all(w == 1 for row in rows for w in row) else torch.tensor(
            rows, dtype=torch.float32, device=like.device).repeat_interleave(n, dim=0)  # (P·n, J)
        self.prompts, self.J, self.n, self.batch = len(prompts), J, n, len(prompts) * n
        self._cache = {}

    def at(self, i: int):
        rows = tuple(first + next((k for k, (end, _) in enumerate(sch) if i <= end), len(sch) - 1)
                     for first, sch in zip(self.first, self.schedules))
        if rows not in self._cache:
            ctx = self.contexts[list(rows)]  # (P + P·J, T, D): negatives, then each prompt's J parts
            P = self.prompts
            uncond = ctx[:P].repeat_interleave(self.n, dim=0)  # (B, T, D): p0, p0, p1, p1, ... for n = 2
            cond = ctx[P:].view(P, self.J, *ctx.shape[1:]).repeat_interleave(self.n, dim=0).flatten(0, 1)  # (B·J, T, D)
            self._cache[rows] = (cond, uncond, self.weights)
        return self._cache[rows]

    def per_image(self, x: torch.Tensor, what: str) -> torch.Tensor:
        """One tensor (1, ...) for all images, or one per prompt (P, ...) -> one per image (B, ...)."""
        if x.shape[0] == 1:
            return x.repeat(self.batch, *[1] * (x.ndim - 1))
        if x.shape[0] == self.prompts:
            return x.repeat_interleave(self.n, dim=0)
        raise ValueError(f"{x.shape[0]} {what}s for {self.prompts} prompts: pass one {what} for all of them, "
                         f"or one per prompt.")
