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
import numbers
from typing import Callable

import torch

__all__ = ["classifier_free_guidance"]


def classifier_free_guidance(model: Callable, guidance_scale: float) -> Callable:
    """Wrap ``model(x, s, context=...)`` (a denoiser with s = σ, or the UNet's ε̂ with s = t) into
    ``guided(x, s, cond, uncond=None, weights=None)`` = model_uncond + guidance_scale · (model_cond - model_uncond).

    ``cond`` and ``uncond`` are contexts (B, T, D); x is (B, C, h, w). With ``guidance_scale == 1`` (or no
    ``uncond``) it is one call on the conditional context alone.

    Composable prompts ("a cat AND a hat :0.5", Liu et al. 2022, "Compositional Visual Generation with
    Composable Diffusion Models"; A1111's AND): ``cond`` holds J contexts per image, (B·J, T, D) in the order
    image 0's J, image 1's J, ..., and ``weights`` (B, J) their weights w_j; then
    guided = model_uncond + guidance_scale · Σ_j w_j (model_cond_j - model_uncond).
    """
    if isinstance(guidance_scale, bool) or not isinstance(guidance_scale, numbers.Real) or math.isnan(guidance_scale):
        raise ValueError(f"guidance_scale={guidance_scale!r} must be a number (SD 1.5: 7.5; 1.0 turns guidance off).")
    if not math.isfinite(guidance_scale):
        raise ValueError(f"guidance_scale={guidance_scale!r} must be a finite number (SD 1.5: 7.5; 1.0 turns guidance "
                         "off): an infinite one makes every latent NaN.")
    guidance_scale = float(guidance_scale)  # numpy's too (np.float32): the same arithmetic as a Python float

    def guided(x: torch.Tensor, s, cond: torch.Tensor, uncond: torch.Tensor | None = None,
               weights: torch.Tensor | None = None) -> torch.Tensor:
        B = x.shape[0]
        J = 1 if weights is None else weights.shape[1]
        if weights is not None and (weights.shape[0] != B or cond.shape[0] != B * J):
            raise ValueError(f"weights {tuple(weights.shape)} and cond {tuple(cond.shape)} do not fit x {tuple(x.shape)}:"
                             " pass weights (B, J) and J contexts per image, cond (B·J, T, D).")
        if uncond is None or (guidance_scale == 1 and J == 1 and bool((weights is None) or (weights == 1).all())):
            return model(x, s, context=cond)
        if uncond.shape[1:] != cond.shape[1:] or uncond.shape[0] != B:
            raise ValueError(f"uncond context {tuple(uncond.shape)} and cond context {tuple(cond.shape)} differ; "
                             "encode the negative prompt with the same number of 75-token chunks as the prompt "
                             "(course.text.prompts.match_chunk_counts).")
        xs = torch.cat([x, x.repeat_interleave(J, dim=0)])  # (B + B·J, C, h, w): one UNet call for all of them
        both = model(xs, s, context=torch.cat([uncond, cond]))
        out_uncond, out_cond = both[:B], both[B:]  # (B, C, h, w), (B·J, C, h, w)
        if weights is None:
            return out_uncond + guidance_scale * (out_cond - out_uncond)
        diffs = out_cond.view(B, J, *out_cond.shape[1:]) - out_uncond[:, None]  # (B, J, C, h, w)
        w = weights.to(diffs)[:, :, None, None, None] * guidance_scale
        return out_uncond + (diffs * w).sum(dim=1)

    return guided
