"""IP-Adapter files, and the CLIP image encoder folder that comes with them (the adapter: course/nets/ip_adapter.py).

One adapter, two spellings of the same keys (Ye et al.'s original release, which diffusers reads as it is):
- nested, as ``torch.load`` gives an ``ip-adapter_sd15.bin``: ``{"image_proj": {"proj.weight", "proj.bias",
  "norm.weight", "norm.bias"}, "ip_adapter": {"1.to_k_ip.weight", "1.to_v_ip.weight", "3.to_k_ip.weight", ...}}``
  (diffusers' ``load_ip_adapter`` also takes this dict itself);
- flat, as in ``ip-adapter_sd15.safetensors``: ``image_proj.proj.weight``, ``ip_adapter.1.to_k_ip.weight``, ...
  which is ``IPAdapter.state_dict()``, so ``save_ip_adapter`` writes it and both the course and diffusers read it.
The other members of the family change ``image_proj`` (IP-Adapter Plus's resampler, Full Face's MLP, FaceID's
ArcFace projection and LoRA); they are recognised and refused by name.
"""
from __future__ import annotations

import re
from pathlib import Path

import torch

from course.io.weights import check_weights, load_weights, read_state_dict
from course.nets.image_encoder import ImageEncoder, config_from_reference
from course.nets.ip_adapter import IPAdapter, check_scale, cross_attention_layers
from course.nets.unet import UNet
from course.parts import BUNDLED_IP_ADAPTER_DIR

__all__ = ["read_ip_adapter", "load_ip_adapter", "save_ip_adapter", "load_image_encoder", "save_image_encoder",
           "load_bundled_ip_adapter"]

PLAIN = {"proj.weight", "proj.bias", "norm.weight", "norm.bias"}  # image_proj of the plain IP-Adapter
LAYER_KEY = re.compile(r"(\d+)\.to_[kv]_ip\.weight")


def _family(image_proj: dict, ip_adapter: dict) -> str | None:
    """The IP-Adapter variant a file holds, by the keys that tell them apart; None for the plain one."""
    keys = set(image_proj)
    if any(k.startswith("perceiver_resampler.") for k in keys):
        return "IP-Adapter FaceID Plus (image_proj.perceiver_resampler.*: a resampler over ArcFace and CLIP tokens)"
    if "latents" in keys:
        return "IP-Adapter Plus (image_proj.latents, proj_in, layers.*: a Perceiver resampler over CLIP's tokens)"
    if "proj.3.weight" in keys:
        return "IP-Adapter Full Face (image_proj.proj.0..3: an MLP over CLIP's 257 tokens)"
    if "proj.0.weight" in keys:
        return "IP-Adapter FaceID (image_proj.proj.0/2 and norm: an MLP over an ArcFace face embedding)"
    if any("lora" in k for k in ip_adapter):
        return "IP-Adapter FaceID-style adapter (its ip_adapter part carries LoRA layers: to_q_lora, to_k_lora, ...)"
    return None


def read_ip_adapter(source, allow_pickle: bool = False) -> dict[str, dict[str, torch.Tensor]]:
    """An IP-Adapter as the nested dict ``{"image_proj": {...}, "ip_adapter": {...}}``, from a .safetensors file
    (flat keys), a pickled .bin/.pt (nested, read only with ``allow_pickle=True`` and ``weights_only=True``), or a
    dict in either form. Only the plain IP-Adapter (a linear projection to N tokens) is accepted."""
    name = str(source) if isinstance(source, (str, Path)) else "the IP-Adapter state dict"
    state = read_state_dict(source, allow_pickle) if isinstance(source, (str, Path)) else source
    if not isinstance(state, dict):
        raise ValueError(f"{name}: an IP-Adapter is a dict of tensors, not {type(state).__name__}; pass a file path "
                         "or the dict torch.load gives for an ip-adapter .bin.")
    if isinstance(state.get("image_proj"), dict) or isinstance(state.get("ip_adapter"), dict):  # nested
        nested = {part: dict(state.get(part) or {}) for part in ("image_proj", "ip_adapter")}
        odd = [k for k in state if k not in nested]
    else:  # flat: "image_proj.proj.weight", "ip_adapter.1.to_k_ip.weight"
        nested, odd = {"image_proj": {}, "ip_adapter": {}}, []
        for key, value in state.items():
            part, _, rest = key.partition(".")
            if part in nested and rest:
                nested[part][rest] = value
            else:
                odd.append(key)
    if odd or not nested["image_proj"] or not nested["ip_adapter"]:
        raise ValueError(f"{name} is not an IP-Adapter file: it needs keys image_proj.* and ip_adapter.* (as "
                         f"ip-adapter_sd15.safetensors: image_proj.proj.weight, ip_adapter.1.to_k_ip.weight, ...)"
                         + (f"; it has {', '.join(map(str, odd[:4]))}{', ...' if len(odd) > 4 else ''}" if odd else
                            "; one of the two parts is empty") + ". A LoRA file goes to load_lora.")
    family = _family(*nested.values())
    if family is not None:
        raise ValueError(f"{name} is an {family}. The course builds the plain IP-Adapter (image_proj.proj + "
                         "image_proj.norm: a linear layer to a few tokens); use an ip-adapter_sd15 file, or "
                         "diffusers' load_ip_adapter for this variant.")
    image_proj, layers = nested["image_proj"], nested["ip_adapter"]
    not_tensors = [f"{part}.{k}" for part in nested for k, v in nested[part].items() if not isinstance(v, torch.Tensor)]
    if not_tensors:
        raise ValueError(f"{name}: {', '.join(not_tensors[:4])} hold no tensor; an IP-Adapter's entries are weights.")
    unknown = sorted(set(image_proj) - PLAIN) + [f"ip_adapter.{k}" for k in layers if not LAYER_KEY.fullmatch(k)]
    if unknown or set(image_proj) != PLAIN:
        missing = sorted(PLAIN - set(image_proj))
        raise ValueError(f"{name}: the plain IP-Adapter's image_proj holds exactly {sorted(PLAIN)} and its layers "
                         "N.to_k_ip.weight / N.to_v_ip.weight"
                         + (f"; unknown: {', '.join(unknown[:4])}" if unknown else "")
                         + (f"; missing: image_proj.{', image_proj.'.join(missing)}" if missing else "")
                         + ". The file is damaged or of another kind.")
    for part in ("image_proj", "ip_adapter"):
        check_weights(nested[part], f"{name} ({part})")  # floating point and finite, by key
    return nested


def load_ip_adapter(unet, source, scale: float = 1.0, allow_pickle: bool = False) -> IPAdapter:
    """Read an IP-Adapter (``read_ip_adapter``) and attach it to our ``unet`` at weight ``scale`` (λ): then
    ``unet(x, t, context, image_embeds=...)`` reads a picture. Returns the ``IPAdapter`` (``.scale``, ``.remove()``).
    Its layers must match the UNet's cross-attentions one for one (SD 1.5's: 16 layers, 768 wide)."""
    scale = check_scale(scale)
    if not isinstance(unet, UNet):
        raise ValueError(f"load_ip_adapter takes the course's UNet (parts.unet, or from_reference(diffusers_unet)), "
                         f"not a {type(unet).__name__}; for diffusers' own UNet use its pipe.load_ip_adapter.")
    name = str(source) if isinstance(source, (str, Path)) else "the IP-Adapter state dict"
    nested = read_ip_adapter(source, allow_pickle)
    proj, norm = nested["image_proj"]["proj.weight"], nested["image_proj"]["norm.weight"]
    width = unet.config.cross_attention_dim
    if proj.ndim != 2 or norm.shape != (width,) or proj.shape[0] % width:
        raise ValueError(f"{name}: its image tokens are {norm.shape[0] if norm.ndim == 1 else '?'} wide "
                         f"(image_proj.norm.weight {tuple(norm.shape)}, proj.weight {tuple(proj.shape)}), but this "
                         f"UNet's cross-attention reads tokens of cross_attention_dim={width}. The adapter is for "
                         "another model (SD 1.x: 768, SD 2.x: 1024, SDXL: 2048).")
    wanted = cross_attention_layers(unet)
    given = sorted({LAYER_KEY.fullmatch(k).group(1) for k in nested["ip_adapter"]}, key=int)
    if given != list(wanted):
        raise ValueError(f"{name} adapts {len(given)} cross-attention layers, numbered {_span(given)}; this UNet has "
                         f"{len(wanted)}, numbered {_span(list(wanted))} (odd numbers over all its attention layers, "
                         "as diffusers lists them). The adapter was trained for a UNet of another layout.")
    adapter = IPAdapter(unet, image_embed_dim=proj.shape[1], num_tokens=proj.shape[0] // width)
    flat = {f"{part}.{key}": value for part, keys in nested.items() for key, value in keys.items()}
    load_weights(adapter, flat, source=name)
    adapter.requires_grad_(False).eval()
    adapter.scale = scale
    return adapter.attach()


def _span(numbers: list[str]) -> str:
    return ", ".join(numbers) if len(numbers) <= 4 else f"{numbers[0]}, {numbers[1]}, ..., {numbers[-1]}"


def save_ip_adapter(adapter: IPAdapter, path: str | Path, dtype: torch.dtype | None = None) -> Path:
    """Write the adapter as one .safetensors file in the original flat layout (diffusers' ``load_ip_adapter`` and
    ``load_ip_adapter`` here read it), in ``dtype`` if given."""
    from safetensors.torch import save_file

    path = Path(path)
    if path.suffix != ".safetensors":
        raise ValueError(f"{path}: an IP-Adapter is written as .safetensors; give a path ending in .safetensors.")
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu", dtype or v.dtype).contiguous() for k, v in adapter.state_dict().items()}
    save_file(state, str(path), metadata={"format": "pt"})
    return path


def load_image_encoder(folder: str | Path, allow_pickle: bool = False) -> ImageEncoder:
    """A transformers ``CLIPVisionModelWithProjection`` folder (config.json + model.safetensors), as IP-Adapter
    releases ship it (``models/image_encoder``) -> our ``ImageEncoder``, eval mode."""
    import json

    folder = Path(folder)
    config_file = folder / "config.json"
    if not config_file.is_file():
        raise FileNotFoundError(f"{config_file} is missing: an image encoder folder holds config.json and "
                                "model.safetensors (IP-Adapter's models/image_encoder/).")
    try:
        config = config_from_reference(json.loads(config_file.read_text()), str(config_file))
    except json.JSONDecodeError as err:
        raise ValueError(f"{config_file} is not valid JSON ({err.msg}, line {err.lineno}).") from None
    # safetensors first; a pickled pytorch_model.bin is read only with allow_pickle=True (read_state_dict says so)
    names = ("model.safetensors", "pytorch_model.bin")
    weights = next((folder / n for n in names if (folder / n).is_file()), folder / "model.safetensors")
    state = read_state_dict(weights, allow_pickle)
    # transformers 4 also saved the position ids, a buffer of 0..grid² that holds no weight
    state = {k: v for k, v in state.items() if not k.endswith("position_ids")}
    try:
        model = ImageEncoder(config)
    except ValueError as err:
        raise ValueError(f"{config_file}: {err}") from None
    return load_weights(model, state, source=str(folder)).eval()


def save_image_encoder(encoder: ImageEncoder, folder: str | Path) -> Path:
    """Write ``encoder`` as transformers writes a ``CLIPVisionModelWithProjection``: ``folder/config.json`` (its
    ``CLIPVisionConfig``) and ``folder/model.safetensors`` (float32); ``load_image_encoder`` and transformers'
    ``from_pretrained`` both read it."""
    import dataclasses
    import json

    from safetensors.torch import save_file

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    config = {"architectures": ["CLIPVisionModelWithProjection"], "model_type": "clip_vision_model",
              **dataclasses.asdict(encoder.config), "torch_dtype": "float32"}
    (folder / "config.json").write_text(json.dumps(config, indent=1) + "\n")
    state = {k: v.detach().to("cpu", torch.float32).contiguous() for k, v in encoder.state_dict().items()}
    save_file(state, str(folder / "model.safetensors"), metadata={"format": "pt"})
    return folder


def load_bundled_ip_adapter(parts, scale: float = 1.0) -> IPAdapter:
    """The bundled model's IP-Adapter (course/bundled_ip_adapter/, trained by ``python -m course train-ip-adapter``):
    sets ``parts.image_encoder`` to its image encoder and attaches the adapter to ``parts.unet`` at ``scale``, both
    on the UNet's device and dtype. Returns the adapter (``.scale``, ``.remove()``). For the bundled model only."""
    scale = check_scale(scale)
    folder = BUNDLED_IP_ADAPTER_DIR
    if not (folder / "ip_adapter.safetensors").is_file():
        raise FileNotFoundError(f"the bundled IP-Adapter is not in {folder}: train it with "
                                f"`python -m course train-ip-adapter --out {folder}`.")
    param = next(parts.unet.parameters())
    encoder = load_image_encoder(folder / "image_encoder").to(param.device, param.dtype)
    adapter = load_ip_adapter(parts.unet, folder / "ip_adapter.safetensors", scale)
    parts.image_encoder = encoder
    return adapter
