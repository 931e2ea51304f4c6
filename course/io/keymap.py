"""The key map between SD 1.x's original single-file checkpoints and diffusers' names.

The original code (CompVis' latent-diffusion, which A1111 and most shared ``.safetensors`` files
follow) names the UNet's layers by position: ``input_blocks.4.1.proj_in`` is "the 5th entry of
the down path, its 2nd module (the attention)". diffusers names them by role:
``down_blocks.1.attentions.0.proj_in``. This file is that translation, rule by rule:

    diffusers (our names)                     original, under model.diffusion_model.
    time_embedding.linear_1 / linear_2        time_embed.0 / time_embed.2
    add_embedding.linear_1 / linear_2         label_emb.0.0 / label_emb.0.2     (SDXL's size/crop conditioning)
    conv_in                                   input_blocks.0.0
    down_blocks.i.resnets.j                   input_blocks.{1 + i·(L+1) + j}.0        L = layers_per_block
    down_blocks.i.attentions.j                input_blocks.{1 + i·(L+1) + j}.1
    down_blocks.i.downsamplers.0.conv         input_blocks.{(i+1)·(L+1)}.0.op
    mid_block.resnets.0 / attentions.0 / resnets.1      middle_block.0 / .1 / .2
    up_blocks.i.resnets.j                     output_blocks.{i·(L+1) + j}.0
    up_blocks.i.attentions.j                  output_blocks.{i·(L+1) + j}.1
    up_blocks.i.upsamplers.0.conv             output_blocks.{i·(L+1) + L}.{2 if attentions else 1}.conv
    conv_norm_out / conv_out                  out.0 / out.2
    inside a ResnetBlock: norm1 conv1 time_emb_proj norm2 conv2 conv_shortcut
                       =  in_layers.0 in_layers.2 emb_layers.1 out_layers.0 out_layers.3 skip_connection

SDXL's UNet (under the same prefix) needs nothing else: its three levels, the first without attention, and its
several layers per transformer (``transformer_blocks.k`` inside ``input_blocks.4.1``, ...) follow the same rules.

A ControlNet file (lllyasviel's layout, under control_model.) names its copy of the encoder as the UNet's
(input_blocks, middle_block) and its own parts by position too:

    controlnet_cond_embedding.conv_in         input_hint_block.0          (a Sequential: convs at even indices,
    controlnet_cond_embedding.blocks.k        input_hint_block.{2k + 2}    SiLU between them)
    controlnet_cond_embedding.conv_out        input_hint_block.{2·(number of blocks) + 2}   (14 for SD 1.5)
    controlnet_down_blocks.k                  zero_convs.k.0
    controlnet_mid_block                      middle_block_out.0

The VAE (under first_stage_model.) differs less: ``down_blocks.i.resnets.j`` is ``down.i.block.j``,
the decoder's up blocks are numbered from the bottom (``up_blocks.i`` is ``up.{n-1-i}``), and its
attention projections are 1×1 convolutions there (our Linear weights are their (C, C, 1, 1)
weights squeezed). The text encoder (under cond_stage_model.transformer.text_model.) already uses
transformers' names.
"""
from __future__ import annotations

import re

import torch

PREFIX = {"unet": "model.diffusion_model.", "vae": "first_stage_model.",
          "text_encoder": "cond_stage_model.transformer.text_model.", "controlnet": "control_model."}
UNET_RESNET = {"norm1": "in_layers.0", "conv1": "in_layers.2", "time_emb_proj": "emb_layers.1",
               "norm2": "out_layers.0", "conv2": "out_layers.3", "conv_shortcut": "skip_connection"}
VAE_RESNET = {"conv_shortcut": "nin_shortcut"}
VAE_ATTENTION = {"group_norm": "norm", "to_q": "q", "to_k": "k", "to_v": "v", "to_out.0": "proj_out"}
OTHER_MODELS = {"cond_stage_model.model.": "SD 2.x (OpenCLIP text encoder)"}
SDXL_MARKS = ("conditioner.embedders.", PREFIX["unet"] + "label_emb.0.0.")  # SDXL's text encoders; its add_embedding


def _rename_start(rest: str, table: dict[str, str]) -> str:
    """'norm1.weight' with {'norm1': 'in_layers.0'} -> 'in_layers.0.weight'."""
    for ours, theirs in table.items():
        if rest.startswith(ours + "."):
            return theirs + rest[len(ours):]
    return rest


def unet_key(key: str, config) -> str:
    """A diffusers UNet parameter name -> its name in an original checkpoint (without the prefix)."""
    L = config.layers_per_block
    simple = {"time_embedding.linear_1.": "time_embed.0.", "time_embedding.linear_2.": "time_embed.2.",
              "add_embedding.linear_1.": "label_emb.0.0.", "add_embedding.linear_2.": "label_emb.0.2.",
              "conv_in.": "input_blocks.0.0.", "conv_norm_out.": "out.0.", "conv_out.": "out.2."}
    for ours, theirs in simple.items():
        if key.startswith(ours):
            return theirs + key[len(ours):]
    if m := re.fullmatch(r"down_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.*)", key):
        i, kind, j, rest = int(m[1]), m[2], int(m[3]), m[4]
        index = 1 + i * (L + 1) + j
        return f"input_blocks.{index}.0.{_rename_start(rest, UNET_RESNET)}" if kind == "resnets" \
            else f"input_blocks.{index}.1.{rest}"
    if m := re.fullmatch(r"down_blocks\.(\d+)\.downsamplers\.0\.conv\.(.*)", key):
        return f"input_blocks.{(int(m[1]) + 1) * (L + 1)}.0.op.{m[2]}"
    if m := re.fullmatch(r"mid_block\.resnets\.(\d+)\.(.*)", key):
        return f"middle_block.{2 * int(m[1])}.{_rename_start(m[2], UNET_RESNET)}"
    if m := re.fullmatch(r"mid_block\.attentions\.0\.(.*)", key):
        return f"middle_block.1.{m[1]}"
    if m := re.fullmatch(r"up_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.*)", key):
        i, kind, j, rest = int(m[1]), m[2], int(m[3]), m[4]
        index = i * (L + 1) + j
        return f"output_blocks.{index}.0.{_rename_start(rest, UNET_RESNET)}" if kind == "resnets" \
            else f"output_blocks.{index}.1.{rest}"
    if m := re.fullmatch(r"up_blocks\.(\d+)\.upsamplers\.0\.conv\.(.*)", key):
        i = int(m[1])
        slot = 2 if config.up_block_types[i].startswith("CrossAttn") else 1
        return f"output_blocks.{i * (L + 1) + L}.{slot}.conv.{m[2]}"
    raise KeyError(f"no rule in course.io.keymap for the UNet parameter {key!r}")


def controlnet_key(key: str, config) -> str:
    """A diffusers ControlNet parameter name -> its name in lllyasviel's layout (without the prefix)."""
    if m := re.fullmatch(r"controlnet_cond_embedding\.(conv_in|conv_out|blocks\.(\d+))\.(.*)", key):
        blocks = 2 * (len(config.conditioning_embedding_out_channels) - 1)  # two convs per halving
        index = 0 if m[1] == "conv_in" else 2 * blocks + 2 if m[1] == "conv_out" else 2 * int(m[2]) + 2
        return f"input_hint_block.{index}.{m[3]}"
    if m := re.fullmatch(r"controlnet_down_blocks\.(\d+)\.(.*)", key):
        return f"zero_convs.{m[1]}.0.{m[2]}"
    if key.startswith("controlnet_mid_block."):
        return "middle_block_out.0." + key[len("controlnet_mid_block."):]
    return unet_key(key, config)  # the copy of the UNet's encoder: the UNet's names


def vae_key(key: str, config) -> str:
    """A diffusers VAE parameter name -> its name in an original checkpoint (without the prefix)."""
    n = len(config.block_out_channels)
    if m := re.fullmatch(r"(encoder|decoder)\.mid_block\.resnets\.(\d+)\.(.*)", key):
        return f"{m[1]}.mid.block_{int(m[2]) + 1}.{_rename_start(m[3], VAE_RESNET)}"
    if m := re.fullmatch(r"(encoder|decoder)\.mid_block\.attentions\.0\.(.*)", key):
        return f"{m[1]}.mid.attn_1.{_rename_start(m[2], VAE_ATTENTION)}"
    if m := re.fullmatch(r"encoder\.down_blocks\.(\d+)\.resnets\.(\d+)\.(.*)", key):
        return f"encoder.down.{m[1]}.block.{m[2]}.{_rename_start(m[3], VAE_RESNET)}"
    if m := re.fullmatch(r"encoder\.down_blocks\.(\d+)\.downsamplers\.0\.(.*)", key):
        return f"encoder.down.{m[1]}.downsample.{m[2]}"
    if m := re.fullmatch(r"decoder\.up_blocks\.(\d+)\.resnets\.(\d+)\.(.*)", key):
        return f"decoder.up.{n - 1 - int(m[1])}.block.{m[2]}.{_rename_start(m[3], VAE_RESNET)}"
    if m := re.fullmatch(r"decoder\.up_blocks\.(\d+)\.upsamplers\.0\.(.*)", key):
        return f"decoder.up.{n - 1 - int(m[1])}.upsample.{m[2]}"
    if m := re.fullmatch(r"(encoder|decoder)\.conv_norm_out\.(.*)", key):
        return f"{m[1]}.norm_out.{m[2]}"
    return key  # conv_in, conv_out, quant_conv, post_quant_conv keep their names


def original_key(key: str, part: str, config) -> str:
    """Our/diffusers name of a parameter of ``part`` ('unet', 'vae', 'text_encoder', 'controlnet') -> full
    original name."""
    if part == "unet":
        return PREFIX[part] + unet_key(key, config)
    if part == "vae":
        return PREFIX[part] + vae_key(key, config)
    if part == "controlnet":
        return PREFIX[part] + controlnet_key(key, config)
    return PREFIX[part] + key


def from_original(checkpoint: dict[str, torch.Tensor], target: dict[str, torch.Tensor], part: str, config,
                  source: str = "the checkpoint") -> dict[str, torch.Tensor]:
    """Pick and rename the tensors of ``part`` from an original checkpoint, shaped like ``target``."""
    for prefix, name in OTHER_MODELS.items():
        if any(k.startswith(prefix) for k in checkpoint):
            raise ValueError(f"{source} is an {name} checkpoint ({prefix}* keys); the course builds SD 1.x.")
    _check_family(checkpoint, part, config, source)
    state, missing = {}, []
    for key, like in target.items():
        theirs = original_key(key, part, config)
        if theirs not in checkpoint:
            missing.append(f"{theirs} (for {key})")
            continue
        tensor = checkpoint[theirs]
        if tensor.ndim == 4 and like.ndim == 2:  # a 1×1 conv stored where we keep a Linear (VAE attention)
            tensor = tensor[:, :, 0, 0]
        state[key] = tensor
    if missing:
        shown = "; ".join(missing[:5]) + (f"; ... and {len(missing) - 5} more" if len(missing) > 5 else "")
        advice = ("Is it an SD 1.x ControlNet, and does the config (block_out_channels, layers_per_block, "
                  "conditioning_embedding_out_channels) match the file?" if part == "controlnet" else
                  "Is it an SD 1.x checkpoint with all three parts (some files hold only a UNet or a VAE)? "
                  "A different layout needs its config.")
        raise ValueError(f"{source} lacks {len(missing)} {part} weights: {shown}. {advice}")
    return state


def _check_family(checkpoint: dict, part: str, config, source: str) -> None:
    """An SDXL file read with an SD 1.x config, or the reverse, named as such (not as hundreds of missing keys)."""
    sdxl_file = any(k.startswith(SDXL_MARKS) for k in checkpoint)
    sdxl_config = getattr(config, "addition_embed_type", None) == "text_time"
    if part == "text_encoder" and any(k.startswith(SDXL_MARKS[0]) for k in checkpoint):
        raise ValueError(f"{source} is an SDXL checkpoint (conditioner.embedders.* keys: two text encoders); the "
                         "course reads SD 1.x's single text encoder from one file.")
    if part != "unet" or sdxl_file == sdxl_config:
        return
    if sdxl_file:
        raise ValueError(f"{source} looks like an SDXL checkpoint (conditioner.embedders.* or "
                         "model.diffusion_model.label_emb.* keys: SDXL's size/crop conditioning), but the UNet config "
                         "has no addition_embed_type (SD 1.x's); load it with an SDXL config (UNetConfig.sdxl()).")
    raise ValueError(f"{source} has no model.diffusion_model.label_emb.* (SDXL's size/crop conditioning), so it looks "
                     "like an SD 1.x/2.x checkpoint, but the UNet config is SDXL's (addition_embed_type='text_time'); "
                     "load it with an SD 1.x config (UNetConfig.sd15()).")


def to_original(state: dict[str, torch.Tensor], part: str, config) -> dict[str, torch.Tensor]:
    """The inverse: our/diffusers state dict of ``part`` -> original names and shapes (for exporting)."""
    out = {}
    for key, tensor in state.items():
        theirs = original_key(key, part, config)
        if part == "vae" and ".mid.attn_1." in theirs and theirs.endswith("weight") and tensor.ndim == 2:
            tensor = tensor[:, :, None, None]  # Linear (C, C) -> 1×1 conv (C, C, 1, 1)
        out[theirs] = tensor
    return out
