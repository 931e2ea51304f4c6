"""SDXL's micro-conditioning: the pooled prompt and the image's size and crop, added to the time embedding.

Podell et al. 2023, "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis", §2.2.
The usual recipes either discard the training images smaller than the training size (a large part of the data) or
upscale them (teaching blur), and take random crops (teaching the model to cut heads off). SDXL instead tells the
UNet, for every training image, its original size (h, w), the top-left corner (top, left) of the crop taken from
it, and the target size: six numbers, ``time_ids``. At sampling time one asks for a large, uncropped picture
(original = target = (1024, 1024), crop = (0, 0)) and gets one. Each number is embedded with the same sinusoids
as the timestep (Fourier features) and joined to the pooled text vector of the second text encoder:

    time_ids (B, 6) ─ sinusoids of width d, one per number (add_time_proj) ─► (B, 6·d)
    text_embeds (B, P) ───────────────────────────────────────────────── concat ─► (B, P + 6·d)
        ─ MLP (add_embedding: linear_1, SiLU, linear_2) ─► (B, 4·C0), added to the time embedding

so every ResNet block, which already sees t, now also sees the whole prompt and the requested framing.
(SDXL's refiner uses five numbers: the sizes, the crop and an aesthetic score.) Names are diffusers'
(``add_time_proj``, ``add_embedding.linear_1``) and live on the UNet itself, so the weights load with strict=True.
"""
from __future__ import annotations

import torch
from torch import nn


def micro_conditioning(text_embeds: torch.Tensor, time_ids: torch.Tensor, add_time_proj: nn.Module,
                       add_embedding: nn.Module, dtype: torch.dtype) -> torch.Tensor:
    """The embedding added to the time embedding: (B, P) pooled text and (B, K) size/crop numbers -> (B, 4·C0).

    ``add_time_proj`` is a ``Timesteps`` module (sinusoids of width d), ``add_embedding`` a ``TimestepEmbedding``
    (an MLP from P + K·d to the time embedding's width); ``dtype`` is the time embedding's (the UNet's) dtype.
    """
    b = text_embeds.shape[0]
    sizes = add_time_proj(time_ids.flatten())  # (B·K, d): every number gets its own sinusoids, in float32
    sizes = sizes.reshape(b, -1)  # (B, K·d): a row's K embeddings side by side
    joined = torch.cat([text_embeds, sizes], dim=-1)  # (B, P + K·d), in the wider of the two dtypes
    return add_embedding(joined.to(dtype))  # (B, 4·C0)


def check_micro_inputs(config, text_embeds, time_ids, batch: int, who: str = "UNet") -> None:
    """Refuse, with what to pass, text_embeds/time_ids that do not fit a ``who`` (UNet, ControlNet) of ``config``."""
    width, d = config.projection_class_embeddings_input_dim, config.addition_time_embed_dim
    if config.addition_embed_type != "text_time":
        if text_embeds is not None or time_ids is not None:
            raise ValueError(f"{who}: text_embeds/time_ids were given, but this {who} has no size and crop "
                             "conditioning (its config has addition_embed_type=None, as SD 1.x): leave them out, or "
                             "build it from an SDXL config (UNetConfig.sdxl()).")
        return
    need = (f"text_embeds=, the pooled text embedding of shape (B, P), and time_ids=, the size and crop numbers of "
            f"shape (B, K): per image [original height, original width, crop top, crop left, target height, target "
            f"width] in pixels (K = 6; SDXL's refiner: 5), with P + K·{d} = projection_class_embeddings_input_dim = "
            f"{width} (SDXL base: 1280 + 6·256 = 2816)")
    if text_embeds is None or time_ids is None:
        missing = " and ".join(n for n, v in (("text_embeds", text_embeds), ("time_ids", time_ids)) if v is None)
        raise ValueError(f"{who}: {missing} missing. This {who} is SDXL-style (addition_embed_type='text_time'): "
                         f"besides x, t and context, pass {need}.")
    for name, value in (("text_embeds", text_embeds), ("time_ids", time_ids)):
        if not isinstance(value, torch.Tensor) or value.ndim != 2 or value.shape[0] != batch:
            shape = tuple(value.shape) if isinstance(value, torch.Tensor) else type(value).__name__
            raise ValueError(f"{who}: {name} has shape {shape}; it needs one row per latent (B={batch}): pass {need}.")
    if text_embeds.shape[1] + time_ids.shape[1] * d != width:
        got = text_embeds.shape[1] + time_ids.shape[1] * d
        raise ValueError(f"{who}: text_embeds {tuple(text_embeds.shape)} and time_ids {tuple(time_ids.shape)} give "
                         f"{text_embeds.shape[1]} + {time_ids.shape[1]}·{d} = {got} numbers, but add_embedding takes "
                         f"{width}: pass {need}.")
