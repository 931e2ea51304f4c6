"""SDXL at sampling time: the pooled text and the size/crop numbers, lined up with the rows of the guidance batch.

Podell et al. 2023, "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis", §2.2: besides the
context, SDXL's UNet reads the second text encoder's pooled vector (``text_embeds``) and six numbers per image
(``time_ids``, course.nets.micro_conditioning): the size the training picture had (``original_size``), where it was
cropped (``crops_coords_top_left``) and the size asked for (``target_size``). At sampling time one asks for a
large, uncropped picture: all three default to the image's own size and (0, 0). The refiner (§2.5), as released,
reads five numbers instead: the sizes, the crop and an aesthetic score (``aesthetic_score``, 6 by default; the
unconditional rows ``negative_aesthetic_score``, 2.5, diffusers' defaults), so that guidance also pulls toward
pictures rated higher.

    guidance batch   [ uncond rows (B)                         |  cond rows (B·J)                          ]
    text_embeds      [ pooled negative prompt (zeros: none)    |  pooled text of each image's J AND parts  ]
    time_ids         [ negative_original_size, ..., (score)    |  original_size, crops, target (or score)  ]

Each ``negative_*`` number defaults to its positive counterpart. diffusers' StableDiffusionXLPipeline differs in two
corners: it reads the negative ones only when both negative_original_size and negative_target_size are given (else
the unconditional rows get the positive numbers, crops included), and its Img2Img pipeline without an aesthetic
score gives the unconditional rows the positive crop whatever negative_crops_coords_top_left says.
"""
from __future__ import annotations

import math
import numbers

import torch

__all__ = ["SDXL_ONLY", "MicroConditioning", "micro_conditioning"]

SIZES = ("original_size", "crops_coords_top_left", "target_size")
SCORES = {"aesthetic_score": 6.0, "negative_aesthetic_score": 2.5}  # diffusers' defaults
SDXL_ONLY = ("prompt_2", "negative_prompt_2", *SIZES, *(f"negative_{n}" for n in SIZES), *SCORES)


def _pair(name: str, value, least: int) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(
            isinstance(v, numbers.Integral) and not isinstance(v, bool) and v >= least for v in value):
        return int(value[0]), int(value[1])
    what = "pixels from the top and from the left" if "crops" in name else "height and width in pixels"
    raise ValueError(f"{name}={value!r}: pass two whole numbers >= {least}, ({what}), e.g. "
                     f"{name}={(0, 0) if 'crops' in name else (1024, 1024)}.")


def micro_conditioning(parts, **given) -> "MicroConditioning | None":
    """The SDXL arguments of one pipeline call, checked before any work; None for SD 1.x parts (which refuse them)."""
    named = sorted(k for k, v in given.items() if v is not None)
    if not parts.is_sdxl:
        if named:
            raise ValueError(f"{', '.join(named)}: SDXL's arguments, but these parts are SD 1.x (the UNet has no size "
                             "and crop conditioning, addition_embed_type=None): leave them out, or load an SDXL model "
                             "(load_folder on a folder with text_encoder_2/, or from_reference(StableDiffusionXL"
                             "Pipeline)).")
        return None
    return MicroConditioning(parts, given)


class MicroConditioning:
    """One call's ``text_embeds`` and ``time_ids``: ``bind(cond, height, width, like)`` makes the numbers,
    ``rows(i, n)`` gives the UNet's extra arguments for its n rows at step i."""

    def __init__(self, parts, given: dict):
        given = {name: given.get(name) for name in SDXL_ONLY}  # None: not given
        if parts.text_encoder_2 is None or parts.tokenizer_2 is None:
            raise ValueError("these parts have an SDXL UNet but no text_encoder_2 / tokenizer_2, which give SDXL its "
                             "pooled text vector: set parts.text_encoder_2 and parts.tokenizer_2 (load_folder on the "
                             "whole SDXL folder, or from_reference(StableDiffusionXLPipeline)).")
        if (parts.text_encoder is None) != (parts.tokenizer is None):
            raise ValueError("parts.text_encoder and parts.tokenizer come together: set both (SDXL's base) or neither "
                             "(its refiner).")
        if parts.text_encoder is None and given["prompt_2"] is not None:
            raise ValueError("prompt_2 is what SDXL's second text encoder reads instead of the prompt, but these parts "
                             "(a refiner) have only that encoder: put the text in prompt.")
        cfg, pooled = parts.unet.config, parts.text_encoder_2.config.projection_dim
        count, rest = divmod(cfg.projection_class_embeddings_input_dim - (pooled or 0), cfg.addition_time_embed_dim)
        if pooled is None or rest or count not in (5, 6):
            raise ValueError(f"the UNet's add_embedding takes {cfg.projection_class_embeddings_input_dim} numbers, "
                             f"which is not text_encoder_2's pooled width ({pooled}) plus 5 or 6 numbers of "
                             f"{cfg.addition_time_embed_dim}: the UNet and text_encoder_2 come from different models; "
                             "load both from one SDXL folder.")
        self.aesthetic = count == 5  # the refiner: sizes, crop, aesthetic score
        if parts.requires_aesthetics_score is not None and parts.requires_aesthetics_score != self.aesthetic:
            raise ValueError(f"parts.requires_aesthetics_score={parts.requires_aesthetics_score}, but the UNet reads "
                             f"{count} numbers per image ({'with' if self.aesthetic else 'without'} an aesthetic "
                             f"score): set parts.requires_aesthetics_score = {self.aesthetic} (or None).")
        wrong = [n for n in (("target_size", "negative_target_size") if self.aesthetic else SCORES)
                 if given[n] is not None]
        if wrong:
            reads = "an aesthetic score instead of the target size (SDXL's refiner)" if self.aesthetic else \
                "the target size, not an aesthetic score (SDXL's base model; the refiner reads one)"
            raise ValueError(f"{', '.join(wrong)}: this SDXL UNet reads {reads}: leave {', '.join(wrong)} out.")
        self.sizes = {n: _pair(n, given[n], 0 if "crops" in n else 1)
                      for n in (*SIZES, *(f"negative_{n}" for n in SIZES))}
        self.scores = {}
        for name, default in SCORES.items():
            value = given[name]
            if value is not None and (isinstance(value, bool) or not isinstance(value, numbers.Real)
                                      or not math.isfinite(value)):
                raise ValueError(f"{name}={value!r}: pass a finite number (the refiner's aesthetic scores: 6 for "
                                 "the prompt, 2.5 for the negative prompt).")
            self.scores[name] = float(default if value is None else value)
        self.prompt_2, self.negative_prompt_2 = given["prompt_2"], given["negative_prompt_2"]

    def bind(self, cond, height: int, width: int, like: torch.Tensor) -> "MicroConditioning":
        """The time_ids of the cond and uncond rows for images of height × width, and the pooled text of ``cond``."""
        s = dict(self.sizes)
        s["original_size"] = s["original_size"] or (height, width)
        s["crops_coords_top_left"] = s["crops_coords_top_left"] or (0, 0)
        s["target_size"] = s["target_size"] or (height, width)
        for name in SIZES:  # each negative number defaults to its positive counterpart
            s[f"negative_{name}"] = s[f"negative_{name}"] or s[name]
        last = ((self.scores["aesthetic_score"],), (self.scores["negative_aesthetic_score"],)) if self.aesthetic else \
            (s["target_size"], s["negative_target_size"])
        ids = [s["original_size"] + s["crops_coords_top_left"] + last[0],
               s["negative_original_size"] + s["negative_crops_coords_top_left"] + last[1]]
        self.time_ids = torch.tensor(ids, dtype=like.dtype, device=like.device)  # (2, 5 or 6): cond, uncond
        self.cond, self.batch = cond, cond.batch
        return self

    def rows(self, i: int, n: int) -> dict:
        """``text_embeds`` and ``time_ids`` for the UNet's n rows at step i: [uncond (B), cond (B·J)] under
        guidance, or the B cond rows alone."""
        pooled, pooled_uncond = self.cond.pooled_at(i)  # (B·J, P), (B, P)
        ids, ids_uncond = self.time_ids[:1].expand(pooled.shape[0], -1), self.time_ids[1:].expand(self.batch, -1)
        if n == pooled.shape[0] and n == self.batch:  # no unconditional rows (guidance_scale 1, one AND part)
            return {"text_embeds": pooled, "time_ids": ids}
        return {"text_embeds": torch.cat([pooled_uncond, pooled]), "time_ids": torch.cat([ids_uncond, ids])}
