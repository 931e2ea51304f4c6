"""Getting weights into the course's networks: from a reference module, a folder, or one file.

Our modules carry the parameter names of the reference libraries (transformers for CLIP,
diffusers for the UNet and the VAE), so loading is ``load_state_dict(strict=True)`` with the
reference's own state dict. Everything that can go wrong says what and how to fix it.
"""
from __future__ import annotations

import torch
from torch import nn

from course.config import TextEncoderConfig, UNetConfig, VAEConfig, from_reference_config


def load_weights(model: nn.Module, state: dict[str, torch.Tensor], source: str = "the weights") -> nn.Module:
    """``model.load_state_dict(state, strict=True)``, with an error a person can act on.

    Lists the first missing and unexpected keys (then a count) and every shape mismatch.
    """
    own = model.state_dict()
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    shapes = [f"{k}: model {tuple(own[k].shape)}, file {tuple(state[k].shape)}"
              for k in own if k in state and own[k].shape != state[k].shape]
    if missing or unexpected or shapes:
        lines = [f"{source} do not fit {type(model).__name__}:"]
        for title, items in (("missing", missing), ("unexpected", unexpected), ("shape mismatch", shapes)):
            if items:
                shown = ", ".join(items[:5]) + (f", ... and {len(items) - 5} more" if len(items) > 5 else "")
                lines.append(f"  {len(items)} {title}: {shown}")
        lines.append("Check that the weights belong to this kind of network and that its config matches "
                     "(e.g. block_out_channels, cross_attention_dim, hidden_size).")
        raise ValueError("\n".join(lines))
    model.load_state_dict(state, strict=True)
    return model


def _config_dict(module) -> dict:
    config = module.config
    return config.to_dict() if hasattr(config, "to_dict") else dict(config)


def from_reference(module: nn.Module) -> nn.Module:
    """Turn a transformers ``CLIPTextModel`` or a diffusers ``UNet2DConditionModel`` / ``AutoencoderKL``
    into the course's network: config read from theirs, weights loaded strictly, eval mode, same dtype and device.
    """
    kind = type(module).__name__
    if kind == "CLIPTextModel":
        from course.text_encoder import TextEncoder as ours  # noqa: N813
        cfg_cls = TextEncoderConfig
    elif kind == "UNet2DConditionModel":
        from course.unet import UNet as ours  # noqa: N813
        cfg_cls = UNetConfig
    elif kind == "AutoencoderKL":
        from course.vae import VAE as ours  # noqa: N813
        cfg_cls = VAEConfig
    else:
        raise ValueError(f"from_reference does not know {kind}; it converts transformers' CLIPTextModel and "
                         "diffusers' UNet2DConditionModel and AutoencoderKL.")
    config = from_reference_config(cfg_cls, _config_dict(module))
    param = next(module.parameters())
    model = ours(config).to(device=param.device, dtype=param.dtype)
    return load_weights(model, module.state_dict(), source=f"the weights of {kind}").eval()


__all__ = ["load_weights", "from_reference", "TextEncoderConfig", "UNetConfig", "VAEConfig"]
