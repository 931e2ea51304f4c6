"""Getting weights into the course's networks: from a reference module, a folder, or one file.

Our modules carry the parameter names of the reference libraries (transformers for CLIP,
diffusers for the UNet and the VAE), so loading is ``load_state_dict(strict=True)`` with the
reference's own state dict. Three sources:

- ``from_reference(module)``: a transformers/diffusers module already in memory;
- ``load_folder(path)``: a diffusers model folder on disk (``unet/``, ``vae/``, ``text_encoder/``, ``tokenizer/``);
- ``load_single_file(path)``: one SD 1.x checkpoint in the original CompVis/A1111 layout, renamed
  through the key map in ``course/io/keymap.py``;
- ``load_controlnet(path)``: a ControlNet, as a diffusers folder or one file in lllyasviel's layout.

Weights come from safetensors. Pickle files (.ckpt, .bin, .pt) can run arbitrary code when
loaded, so they are refused unless the caller passes ``allow_pickle=True``, and even then they
are read with ``torch.load(weights_only=True)``. Nothing is downloaded: there is no model hub
here. Everything that can go wrong says what and how to fix it.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import torch
from torch import nn

from course.config import (
    TextEncoderConfig,
    UNetConfig,
    VAEConfig,
    check_reference,
    check_scheduler_config,
    from_reference_config,
    read_json,
)
from course.io import keymap
from course.io.folders import _build, _read_config, _refuse_hub_id, _weights_in
from course.io.pipeline_parts import (
    SD3_PIPELINES,
    SD_PIPELINES,
    SDXL_PIPELINES,
    model_index,
    parts_from_pipeline,
    read_defaults,
    read_flags,
    text_folders,
)
from course.io.sdxl_file import SDXL_SCHEDULER_CONFIG, embedders, sdxl_text_encoders
from course.io.weights import load_weights, read_state_dict, replacing
from course.nets.controlnet import ControlNet, ControlNetConfig, config_from_reference
from course.nets.flux import Flux
from course.nets.flux import config_from_reference as flux_config
from course.nets.image_encoder import ImageEncoder
from course.nets.image_encoder import config_from_reference as image_encoder_config
from course.nets.mmdit import MMDiT
from course.nets.mmdit import config_from_reference as mmdit_config
from course.nets.text_encoder import TextEncoder, check_projection
from course.nets.unet import UNet
from course.nets.vae import VAE
from course.parts import BUNDLED_CONTROLNET_DIR, BUNDLED_DIR, Parts, check_device, check_dtype
from course.text.tokenizer import CLIPTokenizer, load_clip_tokenizer


def _config_dict(module) -> dict:
    config = module.config
    return config.to_dict() if hasattr(config, "to_dict") else dict(config)


def from_reference(module: nn.Module) -> nn.Module:
    """Turn a transformers ``CLIPTextModel`` / ``CLIPTextModelWithProjection`` (SDXL's second text encoder) /
    ``CLIPVisionModelWithProjection`` or a diffusers ``UNet2DConditionModel`` / ``AutoencoderKL`` /
    ``ControlNetModel`` / ``SD3Transformer2DModel`` (SD3's MMDiT) / ``FluxTransformer2DModel`` into the course's
    network: config read from theirs, weights loaded strictly, eval mode, same dtype and device.
    A diffusers ``StableDiffusionPipeline`` (or its Img2Img / Inpaint sibling), ``StableDiffusionXLPipeline``,
    ``StableDiffusionXLImg2ImgPipeline`` (SDXL's refiner) or ``StableDiffusion3Pipeline`` (without T5) becomes
    ``Parts``: all of its networks (its image encoder too, when it has one), tokenizer(s), scheduler config and SDXL
    settings (course.io.pipeline_parts).
    """
    kind = type(module).__name__
    if kind in SD_PIPELINES + SDXL_PIPELINES + SD3_PIPELINES:
        return parts_from_pipeline(module, from_reference)
    if kind == "CLIPVisionModelWithProjection":
        param = next(module.parameters())
        model = ImageEncoder(image_encoder_config(_config_dict(module), f"the config of {kind}"))
        state = {k: v for k, v in module.state_dict().items() if not k.endswith("position_ids")}  # no weight
        model = model.to(device=param.device, dtype=param.dtype)
        return load_weights(model, state, source=f"the weights of {kind}").eval()
    controlnet_config = lambda d, source: config_from_reference(check_reference(ControlNetConfig, d, source))  # noqa: E731
    built = {"ControlNetModel": (ControlNet, controlnet_config), "SD3Transformer2DModel": (MMDiT, mmdit_config),
             "FluxTransformer2DModel": (Flux, flux_config)}  # each: our class, and how its config is read
    if kind in built:
        (cls, read), param = built[kind], next(module.parameters())
        model = cls(read(_config_dict(module), f"the config of {kind}")).to(device=param.device, dtype=param.dtype)
        return load_weights(model, module.state_dict(), source=f"the weights of {kind}").eval()
    text = (TextEncoder, TextEncoderConfig)
    ours, cfg_cls = {"CLIPTextModel": text, "CLIPTextModelWithProjection": text, "UNet2DConditionModel": (UNet,
                     UNetConfig), "AutoencoderKL": (VAE, VAEConfig)}.get(kind, (None, None))
    if ours is None:
        raise ValueError(f"from_reference does not know {kind}; it converts transformers' CLIPTextModel, "
                         "CLIPTextModelWithProjection and CLIPVisionModelWithProjection, diffusers' "
                         "UNet2DConditionModel, AutoencoderKL, ControlNetModel, SD3Transformer2DModel and "
                         "FluxTransformer2DModel, and StableDiffusion(Img2Img|Inpaint)Pipeline, "
                         "StableDiffusionXL(Img2Img)Pipeline and StableDiffusion3Pipeline.")
    # the class, not its config, says whether a text encoder has a text_projection (every CLIPTextConfig sizes one)
    config = from_reference_config(cfg_cls, {**_config_dict(module), "architectures": [kind]}, f"the config of {kind}")
    param = next(module.parameters())
    model = ours(config).to(device=param.device, dtype=param.dtype)
    state = {k.removeprefix("text_model."): v for k, v in module.state_dict().items()}  # WithProjection: text_model.*
    return load_weights(model, state, source=f"the weights of {kind}").eval()


# ---- files ------------------------------------------------------------------------------------

def load_text_encoder(folder: str | Path, allow_pickle: bool = False) -> nn.Module:
    """``text_encoder/`` (or SDXL's ``text_encoder_2/``) of a diffusers model: config.json + model.safetensors.
    Its config.json's "architectures" says whether it is a CLIPTextModelWithProjection (with text_projection)."""

    folder = Path(folder)
    source = str(folder / "config.json")
    config = from_reference_config(TextEncoderConfig, _read_config(folder), source)
    model = _build(TextEncoder, config, source)
    state = read_state_dict(_weights_in(folder, "model", allow_pickle), allow_pickle)
    # transformers 4 saved 'text_model.' in front of every name and a position_ids buffer; 5 does neither
    state = {k.removeprefix("text_model."): v for k, v in state.items() if not k.endswith("position_ids")}
    check_projection(config, state, f"the weights in {folder}")
    return load_weights(model, state, source=str(folder)).eval()


def load_unet(folder: str | Path, allow_pickle: bool = False) -> nn.Module:

    folder = Path(folder)
    source = str(folder / "config.json")
    model = _build(UNet, from_reference_config(UNetConfig, _read_config(folder), source), source)
    state = read_state_dict(_weights_in(folder, "diffusion_pytorch_model", allow_pickle), allow_pickle)
    return load_weights(model, state, source=str(folder)).eval()


def load_vae(folder: str | Path, allow_pickle: bool = False) -> nn.Module:

    folder = Path(folder)
    source = str(folder / "config.json")
    model = _build(VAE, from_reference_config(VAEConfig, _read_config(folder), source), source)
    state = read_state_dict(_weights_in(folder, "diffusion_pytorch_model", allow_pickle), allow_pickle)
    return load_weights(model, state, source=str(folder)).eval()


def load_folder(path: str | Path, allow_pickle: bool = False, *, device=None, dtype=None,
                upcast_vae: bool = False) -> Parts:
    """A diffusers Stable Diffusion folder from local disk -> Parts (no download, ever); SDXL's too (text_encoder_2/
    and tokenizer_2/, and its settings from model_index.json). A folder written by ``python -m course
    train-bundled`` also gives its recommended settings (its bundled.json) in ``parts.defaults``.
    ``device``, ``dtype``, ``upcast_vae``: where the networks then run, as ``Parts.to`` (default: the CPU, float32)."""

    device, dtype = check_device(device), check_dtype(dtype)  # before seconds go into reading weights
    path = _refuse_hub_id(path)
    sdxl = (path / "text_encoder_2").is_dir()  # SDXL: the refiner has text_encoder_2/ alone, the base both
    text = [d for d in ("text_encoder", "text_encoder_2") if (path / d).is_dir()] or ["text_encoder"]
    missing = [d for d in (*(t.replace("text_encoder", "tokenizer") for t in text), *text, "unet", "vae")
               if not (path / d).is_dir()]
    if missing:
        raise FileNotFoundError(f"{path} lacks the folder(s) {missing}. A diffusers SD model folder has tokenizer/, "
                                "text_encoder/, unet/, vae/ (and scheduler/), SDXL's also tokenizer_2/ and "
                                "text_encoder_2/ (its refiner those two alone); for one .safetensors file use "
                                "load_single_file.")
    # the small JSON files first: a damaged one is named before seconds go into reading weights
    for name, cls in [*((t, TextEncoderConfig) for t in text), ("unet", UNetConfig), ("vae", VAEConfig)]:
        from_reference_config(cls, _read_config(path / name), str(path / name / "config.json"))
    scheduler, info = path / "scheduler" / "scheduler_config.json", path / "bundled.json"
    scheduler_config = (check_scheduler_config(read_json(scheduler, "the scheduler's settings"), str(scheduler))
                        if scheduler.is_file() else {})
    defaults = read_defaults(info) if info.is_file() else {}
    encoders = {t: load_text_encoder(path / t, allow_pickle) for t in text}
    tokenizers = {t: CLIPTokenizer.from_folder(path / t.replace("text_encoder", "tokenizer")) for t in text}
    return Parts(tokenizer=tokenizers.get("text_encoder"), text_encoder=encoders.get("text_encoder"),
                 unet=load_unet(path / "unet", allow_pickle), vae=load_vae(path / "vae", allow_pickle),
                 scheduler_config=scheduler_config, defaults=defaults, tokenizer_2=tokenizers.get("text_encoder_2"),
                 text_encoder_2=encoders.get("text_encoder_2"), **(read_flags(path) if sdxl else {})
                 ).to(device, dtype, upcast_vae=upcast_vae)


def _config_json(config, **extra) -> str:
    fields = {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(config).items()}
    return json.dumps({**extra, **fields}, indent=1)


def save_folder(parts: Parts, path: str | Path, dtype: torch.dtype | None = None, extra: dict | None = None) -> Path:
    """Write ``parts`` as a diffusers Stable Diffusion folder (what ``load_folder`` and diffusers'
    ``StableDiffusionPipeline.from_pretrained`` read): tokenizer/, text_encoder/, unet/, vae/, scheduler/ and
    model_index.json (SDXL's also tokenizer_2/, text_encoder_2/: ``StableDiffusionXL(Img2Img)Pipeline`` reads it);
    weights as safetensors, in ``dtype`` if given. ``extra``: more JSON files to write. The folder is written next
    to ``path`` and then replaces it whole: an interrupted save leaves the old one."""
    if getattr(parts, "unet", None) is None:
        raise ValueError("save_folder writes SD 1.x and SDXL folders (a UNet); these parts have none (SD3's MMDiT, or "
                         "none at all). Save an SD3 model with diffusers' pipe.save_pretrained(path) instead.")
    path = Path(path)
    with replacing(path) as tmp:
        _write_parts(parts, tmp, dtype, extra)
    return path


def _write_parts(parts: Parts, path: Path, dtype: torch.dtype | None, extra: dict | None) -> None:
    """The files of ``save_folder``, written into the (empty) folder ``path``."""
    from safetensors.torch import save_file

    n_vae = len(parts.vae.config.block_out_channels)
    components = [("unet", parts.unet, "diffusion_pytorch_model", _config_json(parts.unet.config,
                                                                             _class_name="UNet2DConditionModel")),
                  ("vae", parts.vae, "diffusion_pytorch_model", _config_json(
                      parts.vae.config, _class_name="AutoencoderKL", down_block_types=["DownEncoderBlock2D"] * n_vae,
                      up_block_types=["UpDecoderBlock2D"] * n_vae))]
    for suffix, tokenizer, te in text_folders(parts):  # text_encoder/ and (SDXL) text_encoder_2/
        tokenizer.save(path / f"tokenizer{suffix}")
        te_class = "CLIPTextModel" if te.config.projection_dim is None else "CLIPTextModelWithProjection"
        components.append((f"text_encoder{suffix}", te, "model", _config_json(
            te.config, architectures=[te_class], model_type="clip_text_model", bos_token_id=tokenizer.bos_id,
            pad_token_id=tokenizer.pad_id)))
    for name, module, stem, config in components:
        (path / name).mkdir(parents=True, exist_ok=True)
        state = {k: v.detach().to("cpu", dtype or v.dtype).contiguous() for k, v in module.state_dict().items()}
        save_file(state, str(path / name / f"{stem}.safetensors"))
        (path / name / "config.json").write_text(config)
    (path / "scheduler").mkdir(parents=True, exist_ok=True)
    scheduler = {"_class_name": "PNDMScheduler", **parts.scheduler_config}
    (path / "scheduler" / "scheduler_config.json").write_text(json.dumps(scheduler, indent=1))
    (path / "model_index.json").write_text(json.dumps(model_index(parts, scheduler["_class_name"]), indent=1))
    for name, content in (extra or {}).items():
        (path / name).write_text(json.dumps(content, indent=1))


def load_bundled(device=None, dtype=None, *, upcast_vae: bool = False) -> Parts:
    """The course's own small model (course/bundled/, trained by ``python -m course train-bundled``), with the
    sampler, steps, guidance scale and size it is meant to be used with in ``parts.defaults``; on ``device`` in
    ``dtype``, the VAE in float32 with ``upcast_vae`` (as ``Parts.to``; default: the CPU, float32)."""
    if not (BUNDLED_DIR / "model_index.json").is_file():
        raise FileNotFoundError(f"the bundled model is not in {BUNDLED_DIR}: train it with "
                                "`python -m course train-bundled` (about half an hour on a laptop CPU).")
    return load_folder(BUNDLED_DIR, device=device, dtype=dtype, upcast_vae=upcast_vae)


def load_single_file(path: str | Path, allow_pickle: bool = False, tokenizer=None,
                     unet_config: UNetConfig | None = None, vae_config: VAEConfig | None = None,
                     text_config: TextEncoderConfig | None = None, *, device=None, dtype=None,
                     upcast_vae: bool = False, text_config_2: TextEncoderConfig | None = None,
                     tokenizer_2=None) -> Parts:
    """One SD 1.x or SDXL checkpoint in the original layout (what A1111 and civitai distribute) -> Parts.

    The file holds no config, so SD 1.5's (or SDXL base's: conditioner.embedders.* keys) are assumed unless given;
    an SDXL refiner's UNet needs its ``unet_config``. The tokenizers default to CLIP's vocabulary (SDXL's second pads
    with "!"). Keys are renamed with ``course.io.keymap`` and ``course.io.sdxl_file`` (read them: they are the map).
    ``device``, ``dtype``, ``upcast_vae``: as ``Parts.to``.
    """

    device, dtype = check_device(device), check_dtype(dtype)
    path = _refuse_hub_id(path)
    checkpoint = read_state_dict(path, allow_pickle)
    sdxl = embedders(checkpoint)
    if sdxl and "clip" not in sdxl and unet_config is None:
        raise ValueError(f"{path} holds an SDXL refiner (one OpenCLIP text encoder), whose UNet differs from the "
                         "base's: pass unet_config (from_reference_config(UNetConfig, its unet/config.json)).")
    unet = UNet(unet_config or (UNetConfig.sdxl() if sdxl else UNetConfig.sd15()))
    sdxl_vae = dataclasses.replace(VAEConfig.sd15(), scaling_factor=0.13025)  # SDXL's VAE: SD's, rescaled
    vae = VAE(vae_config or (sdxl_vae if sdxl else VAEConfig.sd15()))
    text_encoder = None if sdxl else TextEncoder(text_config or TextEncoderConfig.sd15())
    for model, part in ((unet, "unet"), (vae, "vae"), (text_encoder, "text_encoder")):
        if model is not None:
            state = keymap.from_original(checkpoint, model.state_dict(), part, model.config, source=str(path))
            load_weights(model, state, source=f"{path} ({part})")
    text_encoder_2 = None
    if sdxl:  # conditioner.embedders.*: CLIP ViT-L and/or OpenCLIP bigG
        text_encoder, text_encoder_2 = sdxl_text_encoders(checkpoint, text_config, text_config_2, str(path))
    clip = load_clip_tokenizer() if tokenizer is None or (sdxl and tokenizer_2 is None) else None
    parts = Parts(tokenizer or clip if text_encoder is not None else None, text_encoder, unet.eval(), vae.eval(),
                  tokenizer_2=(tokenizer_2 or CLIPTokenizer(clip.encoder, clip.merges, pad_token="!"))
                  if text_encoder_2 is not None else None, text_encoder_2=text_encoder_2,
                  force_zeros_for_empty_prompt=text_encoder is not None,  # false in the refiner's model_index.json
                  scheduler_config=dict(SDXL_SCHEDULER_CONFIG) if sdxl else {})
    return parts.to(device, dtype, upcast_vae=upcast_vae)


# ---- ControlNet --------------------------------------------------------------------------------


def load_controlnet(path: str | Path, config=None, allow_pickle: bool = False, *, device=None,
                    dtype=None) -> nn.Module:
    """A ControlNet from local disk -> ``course.nets.controlnet.ControlNet`` (eval mode; on ``device`` in ``dtype``,
    default the CPU and float32: give it the parts' ``parts.device`` and ``parts.dtype``). ``path``: a diffusers
    ControlNet folder (config.json + diffusion_pytorch_model.safetensors), or one file in lllyasviel's original
    layout (``control_model.*`` keys, renamed by ``course.io.keymap``), whose config is ``config`` (a
    ``ControlNetConfig``; SD 1.5's when left out, as control_v11p_sd15_canny and its siblings)."""

    device, dtype = check_device(device), check_dtype(dtype)
    return _read_controlnet(Path(path), config, allow_pickle).to(device=device, dtype=dtype)


def _read_controlnet(path: Path, config, allow_pickle: bool) -> nn.Module:
    if not path.exists() and not re.fullmatch(r"[\w.-]+/[\w.-]+", str(path)):
        raise FileNotFoundError(f"{path} does not exist. Pass a diffusers ControlNet folder (config.json + "
                                "diffusion_pytorch_model.safetensors) or one ControlNet .safetensors file.")
    path = _refuse_hub_id(path)
    if path.is_dir():
        reference = _read_config(path)
        if reference.get("_class_name", "ControlNetModel") != "ControlNetModel":
            raise ValueError(f"{path} holds a {reference['_class_name']}, not a ControlNetModel: pass the folder of "
                             "a ControlNet (its config.json says \"_class_name\": \"ControlNetModel\").")
        source = str(path / "config.json")
        try:
            config = config_from_reference(check_reference(ControlNetConfig, reference, source))
        except ValueError as err:
            raise ValueError(str(err) if str(err).startswith(source) else f"{source}: {err}") from None
        net = _build(ControlNet, config, source)
        state = read_state_dict(_weights_in(path, "diffusion_pytorch_model", allow_pickle), allow_pickle)
        return load_weights(net, state, source=str(path)).eval()
    checkpoint = read_state_dict(path, allow_pickle)
    if "time_embedding.linear_1.weight" in checkpoint:  # diffusers' names in one file
        return load_weights(ControlNet(config or ControlNetConfig.sd15()), checkpoint, source=str(path)).eval()
    if not any(k.startswith(keymap.PREFIX["controlnet"]) for k in checkpoint):
        if "time_embed.0.weight" not in checkpoint:
            what = ("a full SD checkpoint (model.diffusion_model.* keys): load it with load_single_file"
                    if any(k.startswith(keymap.PREFIX["unet"]) for k in checkpoint) else "not a ControlNet")
            raise ValueError(f"{path} is {what}; a ControlNet file has control_model.* keys "
                             "(lllyasviel's layout) or diffusers' names (controlnet_cond_embedding.*).")
        checkpoint = {keymap.PREFIX["controlnet"] + k: v for k, v in checkpoint.items()}  # saved without the prefix
    net = ControlNet(config or ControlNetConfig.sd15())
    state = keymap.from_original(checkpoint, net.state_dict(), "controlnet", net.config, source=str(path))
    return load_weights(net, state, source=f"{path} (controlnet)").eval()


def save_controlnet(controlnet: nn.Module, path: str | Path, dtype: torch.dtype | None = None,
                    extra: dict | None = None) -> Path:
    """Write a ControlNet as a diffusers folder (what ``load_controlnet`` and diffusers'
    ``ControlNetModel.from_pretrained`` read): config.json and diffusion_pytorch_model.safetensors, and ``extra``
    (more JSON files: name -> content). As ``save_folder``, it replaces ``path`` whole or not at all."""
    from safetensors.torch import save_file

    path = Path(path)
    with replacing(path) as tmp:
        state = {k: v.detach().to("cpu", dtype or v.dtype).contiguous() for k, v in controlnet.state_dict().items()}
        save_file(state, str(tmp / "diffusion_pytorch_model.safetensors"))
        (tmp / "config.json").write_text(_config_json(controlnet.config, _class_name="ControlNetModel"))
        for name, content in (extra or {}).items():
            (tmp / name).write_text(json.dumps(content, indent=1))
    return path


def load_bundled_controlnet(device=None, dtype=None) -> nn.Module:
    """The course's edge-map ControlNet for the bundled model (course/bundled_controlnet/, trained by
    ``python -m course train-controlnet``): a Canny edge map fixes the shape and its place, the prompt the colours."""
    if not (BUNDLED_CONTROLNET_DIR / "config.json").is_file():
        raise FileNotFoundError(f"the bundled ControlNet is not in {BUNDLED_CONTROLNET_DIR}: train it with "
                                "`python -m course train-controlnet` (a quarter of an hour on a laptop CPU).")
    return load_controlnet(BUNDLED_CONTROLNET_DIR, device=device, dtype=dtype)


__all__ = ["load_weights", "from_reference", "read_state_dict", "load_folder", "load_single_file", "save_folder",
           "load_bundled", "load_text_encoder", "load_unet", "load_vae", "Parts", "load_controlnet", "save_controlnet",
           "load_bundled_controlnet", "BUNDLED_CONTROLNET_DIR"]
