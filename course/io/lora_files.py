"""LoRA files: read and write the two safetensors layouts in use (the layers themselves: course/nets/lora.py).

- kohya / A1111 / ComfyUI: one name per adapted module, the module's path with "_" for ".", behind ``lora_unet_``
  or ``lora_te_``: ``lora_unet_down_blocks_0_..._attn1_to_q.lora_down.weight`` (A), ``.lora_up.weight`` (B) and
  ``.alpha`` (a scalar);
- diffusers / peft: ``unet.down_blocks.0....attn1.to_q.lora_A.weight`` (A) and ``.lora_B.weight`` (B), with r and
  α in the file's header as peft's LoraConfig (``lora_adapter_metadata``); no header: α = r, peft's convention.
``course.nets.lora`` re-exports ``save_lora``, ``read_lora`` and ``load_lora``.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

import torch
from torch import nn

from course.io.weights import check_weights, read_state_dict
from course.nets.lora import LoRAConv2d, LoRALinear, LoRANetwork, adaptable, check_scale, kohya_name, roots

__all__ = ["save_lora", "read_lora", "load_lora"]

METADATA_KEY = "lora_adapter_metadata"  # where diffusers keeps peft's LoraConfig in a safetensors header
KOHYA_KEY = re.compile(r"^(lora_(?:unet|te\d?)_\w+)\.(lora_down\.weight|lora_up\.weight|alpha)$")
KOHYA_PART = {"lora_down.weight": "down", "lora_up.weight": "up", "alpha": "alpha"}
DIFFUSERS_KEY = re.compile(r"^((?:unet|text_encoder)\.[\w.]+)\.(lora_A\.weight|lora_B\.weight)$")


def save_lora(network: LoRANetwork, path: str | Path, layout: str = "kohya", dtype: torch.dtype | None = None) -> Path:
    """Write the LoRA as one .safetensors file, in the ``layout`` "kohya" (A1111, ComfyUI, kohya's scripts) or
    "diffusers" (``pipe.load_lora_weights``; r and α go into the header as peft's LoraConfig), in ``dtype`` if given."""
    from safetensors.torch import save_file

    path = Path(path)
    if path.suffix != ".safetensors":
        raise ValueError(f"{path}: a LoRA file is written as .safetensors; give a path ending in .safetensors.")
    cast = lambda t: t.detach().to("cpu", dtype or t.dtype).contiguous()  # noqa: E731
    if layout == "kohya":
        state = {k: cast(v) for k, v in network.state_dict().items()}
        layers = list(network.children())
        metadata = {"ss_network_module": "networks.lora", "ss_network_dim": str(layers[0].rank),
                    "ss_network_alpha": f"{float(layers[0].alpha):g}"}
    elif layout == "diffusers":
        state, metadata = {}, {}
        for root in ("unet", "text_encoder"):
            names = [n for n, p in network.paths.items() if p.startswith(root + ".")]
            for name in names:
                module = network.paths[name].removeprefix(root + ".")
                layer = getattr(network, name)
                state[f"{root}.{module}.lora_A.weight"] = cast(layer.lora_down.weight)
                state[f"{root}.{module}.lora_B.weight"] = cast(layer.lora_up.weight)
            if names:
                metadata.update({f"{root}.{k}": v for k, v in _lora_config(network, names, root).items()})
        metadata = {METADATA_KEY: json.dumps(metadata, sort_keys=True), "format": "pt"}
    else:
        raise ValueError(f"layout={layout!r}: use 'kohya' (A1111, ComfyUI) or 'diffusers' (pipe.load_lora_weights).")
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(path), metadata=metadata)
    return path


def _lora_config(network: LoRANetwork, names: list[str], root: str) -> dict:
    """peft's LoraConfig for the layers ``names``: the most common rank and alpha, and patterns for the rest."""
    modules = {n: network.paths[n].removeprefix(root + ".") for n in names}
    ranks = {modules[n]: getattr(network, n).rank for n in names}
    alphas = {modules[n]: float(getattr(network, n).alpha) for n in names}
    r, alpha = (Counter(d.values()).most_common(1)[0][0] for d in (ranks, alphas))
    return {"r": r, "lora_alpha": alpha, "target_modules": sorted(modules.values()),
            "rank_pattern": {m: v for m, v in ranks.items() if v != r},
            "alpha_pattern": {m: v for m, v in alphas.items() if v != alpha}}


def _pattern_value(module: str, patterns: dict, default: float) -> float:
    """peft's rule: a pattern key applies to a module whose path ends with it (after a dot or at the start)."""
    for key, value in patterns.items():
        if re.match(rf"(.*\.)?({key})$", module):
            return value
    return default


def _diffusers_alpha(name: str, rank: int, config: dict, path) -> float:
    """α of one layer of a diffusers file from its LoraConfig header; without one α = r (peft's convention)."""
    root, _, module = name.partition(".")
    if config.get(f"{root}.use_dora"):
        raise ValueError(f"{path}: a DoRA (use_dora) adapter is not plain LoRA; the course loads LoRA only.")
    if f"{root}.lora_alpha" not in config:
        return rank
    alpha = _pattern_value(module, config.get(f"{root}.alpha_pattern") or {}, config[f"{root}.lora_alpha"])
    # rsLoRA scales by α/√r instead of α/r: the same update as α·√r with our α/r
    return alpha * math.sqrt(rank) if config.get(f"{root}.use_rslora") else alpha


def read_lora(path: str | Path) -> tuple[str, dict[str, dict]]:
    """(layout, {file's module name: {"down", "up", "alpha"}}) of a LoRA .safetensors file; module names as the
    file writes them (kohya names, or diffusers paths such as "unet.down_blocks.0...to_q")."""
    from safetensors import safe_open


    state = read_state_dict(path)
    with safe_open(str(path), "pt") as f:
        header = f.metadata() or {}
    # every tensor is floating point and finite, by key (an alpha may be stored as an int: kohya's scripts do)
    check_weights({k: v for k, v in state.items() if not k.endswith(".alpha")}, str(path))
    for key in (k for k in state if k.endswith(".alpha")):
        value = state[key]
        if value.numel() != 1 or value.dtype == torch.bool or value.is_complex():
            raise ValueError(f"{path}: {key} has shape {tuple(value.shape)} and dtype {value.dtype}; a LoRA's alpha is "
                             "one number. The file is damaged: write it again.")
    kohya = {k: KOHYA_KEY.match(k) for k in state}
    diffusers = {k: DIFFUSERS_KEY.match(k) for k in state}
    if state and all(kohya.values()):
        layout, layers = "kohya", {}
        for key, m in kohya.items():
            layers.setdefault(m.group(1), {})[KOHYA_PART[m.group(2)]] = state[key]
    elif state and all(diffusers.values()):
        layout, layers = "diffusers", {}
        for key, m in diffusers.items():
            layers.setdefault(m.group(1), {})["down" if m.group(2) == "lora_A.weight" else "up"] = state[key]
    else:
        odd = [k for k in state if not (kohya[k] or diffusers[k])]
        raise ValueError(f"{path}: {len(odd)} of {len(state)} keys are neither kohya LoRA keys "
                         f"(lora_unet_….lora_down.weight / .lora_up.weight / .alpha) nor diffusers ones "
                         f"(unet.….lora_A.weight / .lora_B.weight): {', '.join(odd[:5])}"
                         f"{', ...' if len(odd) > 5 else ''}. LyCORIS variants (LoHa hada_*, LoKr lokr_*, "
                         "lora_mid, dora_scale) are not plain LoRA and are not supported; convert the file first.")
    for name, layer in layers.items():
        if "down" not in layer or "up" not in layer:
            raise ValueError(f"{path}: {name} has no {'lora_down / lora_A' if 'down' not in layer else 'lora_up / lora_B'} "
                             "weight; each layer needs both. The file is incomplete: write it again.")
        if layer["down"].ndim not in (2, 4) or layer["down"].shape[0] < 1:
            raise ValueError(f"{path}: {name} has a down (A) weight of shape {tuple(layer['down'].shape)}; it must be "
                             "(rank, in) or (rank, in, k, k) with rank >= 1. The file is damaged: write it again.")
    if layout == "diffusers":
        try:
            config = json.loads(header.get(METADATA_KEY) or "{}")
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}: the header's {METADATA_KEY} is not valid JSON ({err.msg} at column "
                             f"{err.colno}); it holds peft's LoraConfig. Write the file again.") from None
        if not isinstance(config, dict):
            raise ValueError(f"{path}: the header's {METADATA_KEY} must be a JSON object (peft's LoraConfig).")
        for name, layer in layers.items():
            layer["alpha"] = _diffusers_alpha(name, layer["down"].shape[0], config, path)
    for name, layer in layers.items():
        alpha = layer.get("alpha", layer["down"].shape[0])  # no alpha: alpha = rank, as kohya
        alpha = float(alpha) if isinstance(alpha, (int, float, torch.Tensor)) and not isinstance(alpha, bool) else alpha
        if not isinstance(alpha, float) or not math.isfinite(alpha) or alpha <= 0:
            where = f"{name}.alpha" if layout == "kohya" else f"the alpha of {name} (header {METADATA_KEY})"
            raise ValueError(f"{path}: {where} is {alpha!r}; a LoRA's alpha must be a finite number > 0 (usually the "
                             f"rank, here {layer['down'].shape[0]}). The file is damaged or its trainer diverged: "
                             "write it again, or use another copy.")
        layer["alpha"] = alpha
    return layout, layers


def load_lora(model, path: str | Path, scale: float = 1.0) -> LoRANetwork:
    """Read a LoRA file (kohya or diffusers layout, found from its keys) and attach it to ``model`` (a UNet,
    a TextEncoder, or Parts for a file that also adapts the text encoder), at weight ``scale``.

    Every layer of the file must find its module: otherwise nothing is attached and the error lists the names
    that match nothing. Loading a second file adds a second LoRA: their updates add up, each at its own scale.
    """
    scale = check_scale(scale)

    layout, layers = read_lora(path)
    modules = adaptable(model)
    by_name = {}  # the file's name of a module -> its path
    for module_path in modules:
        if layout == "kohya":
            by_name[kohya_name(module_path)] = module_path
            by_name[kohya_name(module_path).replace("lora_te_text_model_", "lora_te_")] = module_path
        else:
            by_name[module_path] = module_path
            by_name[module_path.replace("text_encoder.", "text_encoder.text_model.", 1)] = module_path
    missing = [n for n in layers if n not in by_name]
    if missing:
        example = next(iter(kohya_name(p) if layout == "kohya" else p for p in modules))
        raise ValueError(f"{path}: {len(missing)} of the {len(layers)} LoRA layers in this {layout} file match no "
                         f"linear or conv layer of this model: {', '.join(missing[:4])}"
                         f"{', ...' if len(missing) > 4 else ''}. This model's layers are named like {example}. "
                         "Is the LoRA for this architecture (SD 1.x; SDXL files have lora_te1_/lora_te2_ keys, files "
                         "in the original LDM layout name input_blocks/middle_block/output_blocks)? A text encoder "
                         "LoRA needs Parts, not the UNet alone.")
    targets, built, wrong = {}, {}, []
    for name, weights in layers.items():
        module_path = by_name[name]
        module, down, up = modules[module_path], weights["down"], weights["up"]
        cls = LoRAConv2d if isinstance(module, nn.Conv2d) else LoRALinear
        layer = cls(module, down.shape[0], weights["alpha"])
        if layer.lora_down.weight.shape != down.shape or layer.lora_up.weight.shape != up.shape:
            wrong.append(f"{name}: file {tuple(down.shape)} / {tuple(up.shape)}, model needs "
                         f"{tuple(layer.lora_down.weight.shape)} / {tuple(layer.lora_up.weight.shape)}")
            continue
        with torch.no_grad():
            layer.lora_down.weight.copy_(down)
            layer.lora_up.weight.copy_(up)
        targets[module_path] = module
        built[module_path] = layer.to(module.weight.device, module.weight.dtype)
    if wrong:
        raise ValueError(f"{path}: {len(wrong)} LoRA layers do not fit the shapes of this model's layers "
                         f"(down / up): {'; '.join(wrong[:3])}{'; ...' if len(wrong) > 3 else ''}. The LoRA was "
                         "trained for a model of other widths (SD 2.x: 1024-wide text, SDXL: 2048).")
    network = LoRANetwork(targets, built, sum(p.numel() for r in roots(model).values() for p in r.parameters()))
    network.requires_grad_(False).eval()
    network.scale = scale
    return network.attach()
