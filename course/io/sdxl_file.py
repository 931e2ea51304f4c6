"""SDXL's text encoders in a single-file checkpoint (Stability AI's generative-models layout, what A1111 reads).

Podell et al. 2023, "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis". One file holds
the UNet (model.diffusion_model.*, course.io.keymap), the VAE (first_stage_model.*) and the text encoders under
``conditioner.embedders.k.``:

- CLIP ViT-L (the base's first encoder), ``conditioner.embedders.0.transformer.text_model.*``: transformers' own
  names already, as SD 1.x's cond_stage_model.transformer.*;
- OpenCLIP ViT-bigG (the base's second, the refiner's only encoder), ``conditioner.embedders.k.model.*``, in
  open_clip's names, which differ in four ways:

    ours (transformers' CLIPTextModelWithProjection)     open_clip, under conditioner.embedders.k.model.
    embeddings.token_embedding.weight                    token_embedding.weight
    embeddings.position_embedding.weight                 positional_embedding          (a bare Parameter)
    encoder.layers.i.layer_norm1 / layer_norm2           transformer.resblocks.i.ln_1 / ln_2
    encoder.layers.i.mlp.fc1 / fc2                       transformer.resblocks.i.mlp.c_fc / c_proj
    encoder.layers.i.self_attn.q_proj, k_proj, v_proj    transformer.resblocks.i.attn.in_proj_weight / _bias:
                                                         q, k and v stacked, (3·D, D): split in three
    encoder.layers.i.self_attn.out_proj                  transformer.resblocks.i.attn.out_proj
    final_layer_norm                                     ln_final
    text_projection.weight (P, D), a Linear's            text_projection (D, P), used as x @ W: transposed

Which embedder is which is read from the names (``.transformer.`` or ``.model.``), so the refiner's file, whose only
embedder is OpenCLIP's at index 0, needs nothing special. diffusers' single-file loader
(diffusers.loaders.single_file_utils.convert_open_clip_checkpoint) makes the same renames: tests/test_sdxl_file.py.
"""
from __future__ import annotations

import re

import torch

from course.config import TextEncoderConfig
from course.io.weights import load_weights
from course.nets.text_encoder import TextEncoder

EMBEDDERS = "conditioner.embedders."
# stabilityai/stable-diffusion-xl-base-1.0's scheduler/scheduler_config.json (the refiner's is the same), the file
# holding none: SD 1.5's numbers, but "leading" spacing named (SD 1.5's file names none, and Euler's default differs)
SDXL_SCHEDULER_CONFIG = {"num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012,
                         "beta_schedule": "scaled_linear", "prediction_type": "epsilon", "steps_offset": 1,
                         "timestep_spacing": "leading", "set_alpha_to_one": False, "clip_sample": False,
                         "skip_prk_steps": True, "interpolation_type": "linear", "use_karras_sigmas": False}
_OPEN_CLIP = {"embeddings.token_embedding.weight": "token_embedding.weight",
              "embeddings.position_embedding.weight": "positional_embedding",
              "final_layer_norm.weight": "ln_final.weight", "final_layer_norm.bias": "ln_final.bias",
              "text_projection.weight": "text_projection"}
_LAYER = {"layer_norm1": "ln_1", "layer_norm2": "ln_2", "mlp.fc1": "mlp.c_fc", "mlp.fc2": "mlp.c_proj",
          "self_attn.out_proj": "attn.out_proj"}


def embedders(checkpoint: dict) -> dict[str, str]:
    """The text encoders an SDXL file holds: {"clip": prefix, "open_clip": prefix}, each present or not."""
    found = {}
    for key in checkpoint:
        if m := re.match(rf"({re.escape(EMBEDDERS)}\d+\.)(transformer|model)\.", key):
            found.setdefault("clip" if m[2] == "transformer" else "open_clip", m[0])
    return found


def open_clip_key(key: str) -> tuple[str, int | None]:
    """Our name of an OpenCLIP text tower's parameter -> (open_clip's name, which third of in_proj or None)."""
    if key in _OPEN_CLIP:
        return _OPEN_CLIP[key], None
    m = re.fullmatch(r"encoder\.layers\.(\d+)\.(.+)\.(weight|bias)", key)
    if m is None:
        return key, None
    block, rest, kind = m[1], m[2], m[3]
    if q := re.fullmatch(r"self_attn\.([qkv])_proj", rest):
        return f"transformer.resblocks.{block}.attn.in_proj_{kind}", "qkv".index(q[1])
    return f"transformer.resblocks.{block}.{_LAYER.get(rest, rest)}.{kind}", None


def text_state(checkpoint: dict, prefix: str, target: dict, open_clip: bool, source: str) -> dict[str, torch.Tensor]:
    """The tensors of one text encoder under ``prefix``, renamed to ours (``target``: our state dict, for names and
    shapes); one ValueError listing what is missing."""
    state, missing = {}, []
    for key, like in target.items():
        theirs, third = open_clip_key(key) if open_clip else (f"text_model.{key}", None)
        if prefix + theirs not in checkpoint:
            missing.append(f"{prefix}{theirs} (for {key})")
            continue
        tensor = checkpoint[prefix + theirs]
        if third is not None:
            tensor = tensor.chunk(3, dim=0)[third]  # (3·D, ...) -> q, k or v
        elif key == "text_projection.weight":
            tensor = tensor.T.contiguous()  # open_clip multiplies x @ W (D, P); a Linear keeps (P, D)
        state[key] = tensor
    if missing:
        shown = "; ".join(missing[:5]) + (f"; ... and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise ValueError(f"{source} lacks {len(missing)} text encoder weights: {shown}. Does the text config "
                         "(num_hidden_layers, projection_dim) match the file? SDXL's are TextEncoderConfig.sd15() "
                         "and TextEncoderConfig.sdxl_2().")
    return state


def sdxl_text_encoders(checkpoint: dict, text_config=None, text_config_2=None, source: str = "the checkpoint"):
    """(text_encoder or None, text_encoder_2 or None) of an SDXL file, loaded strictly; the configs default to
    SDXL's (CLIP ViT-L: ``TextEncoderConfig.sd15()``; OpenCLIP bigG: ``TextEncoderConfig.sdxl_2()``)."""
    found, out = embedders(checkpoint), []
    for kind, config, name in (("clip", text_config or TextEncoderConfig.sd15(), "text_encoder"),
                               ("open_clip", text_config_2 or TextEncoderConfig.sdxl_2(), "text_encoder_2")):
        if kind not in found:
            out.append(None)
            continue
        model = TextEncoder(config)
        state = text_state(checkpoint, found[kind], model.state_dict(), kind == "open_clip", f"{source} ({name})")
        out.append(load_weights(model, state, source=f"{source} ({name})").eval())
    return tuple(out)
