"""Classifier-free guidance: push each denoising step away from "no prompt" and toward the prompt.

Ho & Salimans 2022, "Classifier-Free Diffusion Guidance". The UNet is trained with the prompt dropped
now and then, so it can predict both with the prompt (cond) and without it (uncond: the empty prompt,
or a negative prompt). At sampling time we extrapolate from the one to the other:

    D̃(x, σ) = D_uncond + s · (D_cond - D_uncond)          s = guidance scale (SD: 7.5)

s = 1 is the plain conditional model (no second prediction needed), s = 0 the unconditional one, and
s > 1 trades diversity for closeness to the prompt. A negative prompt simply takes the place of the
empty prompt as "uncond".

The paper writes it for ε̂; since D = x - σ ε̂ (and v̂) is affine in ε̂ with the same x and σ for both
predictions, the same formula holds for D, and ``classifier_free_guidance`` wraps either: a denoiser
``D(x, σ, context=)`` (what k-diffusion and A1111 do) or the UNet ``ε̂(x_t, t, context=)`` (what diffusers
does, and what course.pipeline does, so its numbers are diffusers' to the last bit; guiding D instead differs
only by float rounding, about 1e-6 relative).

Both predictions come from one model call on a batch of two: [x, x] with contexts [uncond, cond].
"""
from __future__ import annotations

import math
from typing import Callable

import torch

__all__ = ["classifier_free_guidance"]


def classifier_free_guidance(model: Callable, guidance_scale: float) -> Callable:
    """Wrap ``model(x, s, context=...)`` (a denoiser with s = σ, or the UNet's ε̂ with s = t) into
    ``guided(x, s, cond, uncond=None)`` = model_uncond + guidance_scale · (model_cond - model_uncond).

    ``cond`` and ``uncond`` are contexts (B, T, D) with the same shape; x is (B, C, h, w). With
    ``guidance_scale == 1`` (or no ``uncond``) it is one call on the conditional context alone.
    """
    if isinstance(guidance_scale, bool) or not isinstance(guidance_scale, (int, float)) or math.isnan(guidance_scale):
        raise ValueError(f"guidance_scale={guidance_scale!r} must be a number (SD 1.5: 7.5; 1.0 turns guidance off).")

    def guided(x: torch.Tensor, s, cond: torch.Tensor, uncond: torch.Tensor | None = None) -> torch.Tensor:
        if guidance_scale == 1 or uncond is None:
            return model(x, s, context=cond)
        if uncond.shape != cond.shape:
            raise ValueError(f"uncond context {tuple(uncond.shape)} and cond context {tuple(cond.shape)} differ; "
                             "encode the negative prompt with the same number of 75-token chunks as the prompt "
                             "(course.prompts.match_chunk_counts).")
        both = model(torch.cat([x, x]), s, context=torch.cat([uncond, cond]))  # (2B, C, h, w): one UNet call
        out_uncond, out_cond = both.chunk(2)  # (B, C, h, w) each
        return out_uncond + guidance_scale * (out_cond - out_uncond)

    return guided
