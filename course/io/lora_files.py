"""LoRA files: read every plain-LoRA layout in use and write the two current ones (the layers: course/nets/lora.py).

Written and read:
- kohya / A1111 / ComfyUI: one name per adapted module, the module's path with "_" for ".", behind ``lora_unet_``
  or ``lora_te_``: ``lora_unet_down_blocks_0_..._attn1_to_q.lora_down.weight`` (A), ``.lora_up.weight`` (B) and
  ``.alpha`` (a scalar);
- diffusers / peft: ``unet.down_blocks.0....attn1.to_q.lora_A.weight`` (A) and ``.lora_B.weight`` (B), with r and
  α in the file's header as peft's LoraConfig (``lora_adapter_metadata``); no header: α = r, peft's convention.
Read too (course/io/lora_layouts.py renames their keys): what diffusers' LoRA training scripts write
(``unet.….to_q.lora.down.weight``, ``text_encoder.….q_proj.lora_linear_layer.down.weight``), diffusers' old
attention-processor LoRA (``….attn1.processor.to_q_lora.down.weight``, also as pickled ``.bin`` with
``allow_pickle=True``), and kohya's ``lora_te1_`` text encoder. Whatever is not plain LoRA (LoHa, LoKr, DoRA, ...)
is refused by name. ``course.nets.lora`` re-exports ``save_lora``, ``read_lora`` and ``load_lora``.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

import torch
from torch import nn

from course.io import lora_layouts
from course.io.weights import check_weights, read_state_dict
from course.nets.lora import LoRAConv2d, LoRALinear, LoRANetwork, adaptable, check_scale, kohya_name, roots

__all__ = ["save_lora", "read_lora", "load_lora"]

METADATA_KEY = "lora_adapter_metadata"  # where diffusers keeps peft's LoraConfig in a safetensors header


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


def _diffusers_alpha(name: str, rank: int, config: dict) -> float:
    """α of one layer of a diffusers file from its LoraConfig header; without one α = r (peft's convention)."""
    root, _, module = name.partition(".")
    if f"{root}.lora_alpha" not in config:
        return rank
    alpha = _pattern_value(module, config.get(f"{root}.alpha_pattern") or {}, config[f"{root}.lora_alpha"])
    # rsLoRA scales by α/√r instead of α/r: the same update as α·√r with our α/r
    return alpha * math.sqrt(rank) if config.get(f"{root}.use_rslora") else alpha


def _header_config(path: Path) -> dict:
    """peft's LoraConfig from a safetensors header (diffusers writes it there), {} if none."""
    from safetensors import safe_open

    if path.suffix != ".safetensors":
        return {}
    with safe_open(str(path), "pt") as f:
        text = (f.metadata() or {}).get(METADATA_KEY) or "{}"
    try:
        config = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: the header's {METADATA_KEY} is not valid JSON ({err.msg} at column "
                         f"{err.colno}); it holds peft's LoraConfig. Write the file again.") from None
    if not isinstance(config, dict):
        raise ValueError(f"{path}: the header's {METADATA_KEY} must be a JSON object (peft's LoraConfig).")
    return config


def _name_layers(state: dict, path: Path) -> tuple[str, dict[str, dict]]:
    """(layout, {layer: {part: tensor}}): every key renamed by the one layout it is in (course/io/lora_layouts.py);
    the diffusers layouts may mix in one file, kohya's stands alone."""
    named = {k: lora_layouts.kohya(k) for k in state}
    layout = "kohya"
    if not state or not all(named.values()):
        named, used = {}, set()
        for key in state:
            for name, rename in lora_layouts.DIFFUSERS_LAYOUTS.items():
                if found := rename(key):
                    named[key] = found
                    used.add(name)
                    break
        odd = [k for k in state if k not in named]
        if not state or odd:
            raise ValueError(f"{path}: {len(odd)} of {len(state)} keys are in no LoRA layout the course reads: "
                             f"{', '.join(odd[:5])}{', ...' if len(odd) > 5 else ''}. It reads kohya / A1111 "
                             "(lora_unet_….lora_down.weight, .lora_up.weight, .alpha) and diffusers' (unet.….lora_A"
                             ".weight / .lora_B.weight, unet.….lora.down.weight, unet.….processor.to_q_lora.down"
                             ".weight). If the file is a LoRA, write it again in one of these (diffusers' "
                             "convert_state_dict_to_kohya converts peft's).")
        layout = "+".join(n for n in lora_layouts.DIFFUSERS_LAYOUTS if n in used)
    layers = {}
    for key, (name, part) in named.items():
        if part in layers.setdefault(name, {}):
            raise ValueError(f"{path}: {key} gives {name} a second {part} weight (its layer is in the file twice, "
                             "in two layouts); keep one of them and write the file again.")
        layers[name][part] = state[key]
    return layout, layers


def read_lora(path: str | Path, allow_pickle: bool = False) -> tuple[str, dict[str, dict]]:
    """(layout, {layer: {"down", "up", "alpha"}}) of a LoRA file: layout "kohya", or the diffusers layouts it
    uses joined by "+" ("diffusers", "diffusers-old", "attn-processor"; course/io/lora_layouts.py); a layer is
    named by its kohya name, or by its module path ("unet.down_blocks.0...to_q") in a diffusers file.
    ``allow_pickle=True`` reads a pickled ``.bin`` (diffusers' old default) with ``torch.load(weights_only=True)``."""
    path = Path(path)
    state = read_state_dict(path, allow_pickle)
    config = _header_config(path)
    problem = lora_layouts.unsupported(state, use_dora=any(v for k, v in config.items() if k.endswith(".use_dora")))
    if problem:
        raise ValueError(f"{path}: {problem}")
    # every tensor is floating point and finite, by key (an alpha may be stored as an int: kohya's scripts do)
    check_weights({k: v for k, v in state.items() if not k.endswith(".alpha")}, str(path))
    for key in (k for k in state if k.endswith(".alpha")):
        value = state[key]
        if value.numel() != 1 or value.dtype == torch.bool or value.is_complex():
            raise ValueError(f"{path}: {key} has shape {tuple(value.shape)} and dtype {value.dtype}; a LoRA's alpha is "
                             "one number. The file is damaged: write it again.")
    layout, layers = _name_layers(state, path)
    for name, layer in layers.items():
        if "down" not in layer or "up" not in layer:
            raise ValueError(f"{path}: {name} has no {'down (A)' if 'down' not in layer else 'up (B)'} weight; each "
                             "layer needs both. The file is incomplete: write it again.")
        if layer["down"].ndim not in (2, 4) or layer["down"].shape[0] < 1:
            raise ValueError(f"{path}: {name} has a down (A) weight of shape {tuple(layer['down'].shape)}; it must be "
                             "(rank, in) or (rank, in, k, k) with rank >= 1. The file is damaged: write it again.")
    if layout != "kohya":
        for name, layer in layers.items():
            layer["alpha"] = _diffusers_alpha(name, layer["down"].shape[0], config)
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


def load_lora(model, path: str | Path, scale: float = 1.0, allow_pickle: bool = False) -> LoRANetwork:
    """Read a LoRA file (any layout of ``read_lora``, found from its keys) and attach it to ``model`` (a UNet,
    a TextEncoder, or Parts: the file's UNet layers go to ``parts.unet``, its text encoder's to
    ``parts.text_encoder``), at weight ``scale``. ``allow_pickle=True`` also reads a pickled ``.bin``.

    Every layer of the file must find its module: otherwise nothing is attached and the error lists the names
    that match nothing. Loading a second file adds a second LoRA: their updates add up, each at its own scale.
    """
    scale = check_scale(scale)

    layout, layers = read_lora(path, allow_pickle)
    modules = adaptable(model)
    by_name = {}  # the file's name of a module -> its path
    for module_path in modules:
        if layout == "kohya":
            by_name[kohya_name(module_path)] = module_path
            by_name[kohya_name(module_path).replace("lora_te_text_model_", "lora_te_")] = module_path
        else:
            by_name[module_path] = module_path
    missing = [n for n in layers if n not in by_name]
    if missing:
        example = next(iter(kohya_name(p) if layout == "kohya" else p for p in modules))
        raise ValueError(f"{path}: {len(missing)} of the {len(layers)} LoRA layers in this {layout} file match no "
                         f"linear or conv layer of this model: {', '.join(missing[:4])}"
                         f"{', ...' if len(missing) > 4 else ''}. This model's layers are named like {example}. "
                         "Is the LoRA for this architecture (SD 1.x; SDXL's files and those in the original LDM "
                         "layout name input_blocks/middle_block/output_blocks)? A text encoder LoRA needs Parts, not "
                         "the UNet alone.")
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
