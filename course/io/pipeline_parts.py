"""A diffusers pipeline in memory, or a model folder's settings, -> the pieces of ``Parts``: SD 1.x, SDXL, SD3.

SDXL (Podell et al. 2023, "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis") has two
tokenizers and two text encoders (CLIP ViT-L and OpenCLIP bigG, ``tokenizer_2/`` and ``text_encoder_2/``); its
refiner only the second pair. Two pipeline settings change what the prompt becomes, so they travel with the parts:
``force_zeros_for_empty_prompt`` (no negative prompt gives zeros) and ``requires_aesthetics_score`` (the refiner's
UNet reads an aesthetic score where the base reads the target size). diffusers keeps both in model_index.json.

The networks themselves are converted by ``course.io.loading.from_reference``, which the caller passes in as
``convert`` (loading.py imports this module: importing it back would make a cycle).
"""
from __future__ import annotations

import json
import math
from numbers import Integral, Real
from pathlib import Path

from course.config import read_json
from course.parts import Parts
from course.text.tokenizer import CLIPTokenizer

SD_PIPELINES = ("StableDiffusionPipeline", "StableDiffusionImg2ImgPipeline", "StableDiffusionInpaintPipeline")
SDXL_PIPELINES = ("StableDiffusionXLPipeline", "StableDiffusionXLImg2ImgPipeline")
SD3_PIPELINES = ("StableDiffusion3Pipeline",)
# the SDXL settings model_index.json holds, and their values when it names none (diffusers' defaults)
SDXL_FLAGS = {"force_zeros_for_empty_prompt": True, "requires_aesthetics_score": None}


def tokenizer_from_reference(tok) -> CLIPTokenizer:
    """transformers' CLIPTokenizer (slow or fast) -> ours: the same vocabulary, merges, pad token and length."""
    if hasattr(tok, "backend_tokenizer"):  # transformers 5 (and "fast" tokenizers): the tokenizers JSON has both
        model = json.loads(tok.backend_tokenizer.to_str())["model"]
        vocab, merges = model["vocab"], [tuple(m.split()) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    else:  # transformers 4's slow CLIPTokenizer
        vocab, merges = tok.get_vocab(), sorted(tok.bpe_ranks, key=tok.bpe_ranks.get)
    return CLIPTokenizer(vocab, merges, pad_token=str(tok.pad_token), model_max_length=tok.model_max_length)


def scheduler_config_from_reference(scheduler) -> dict:
    """What the scheduler's config file said. diffusers records the options it filled in with its class's defaults
    in _use_default_values, and another scheduler class built from_config takes its own defaults there (SD 1.5's
    file has no timestep_spacing: PNDM fills in "leading", Euler's own default is "linspace"): those are left out."""
    config = dict(scheduler.config)
    defaulted = set(config.get("_use_default_values", []))
    return {k: v for k, v in config.items() if k not in defaulted and not k.startswith("_")}


def parts_from_pipeline(pipe, convert) -> Parts:
    """diffusers' StableDiffusion(Img2Img|Inpaint)Pipeline or StableDiffusionXL(Img2Img)Pipeline -> Parts: our
    tokenizers from their vocabularies, every network through ``convert`` (``from_reference``), the scheduler's
    config, and for SDXL the pipeline's two settings."""
    def maybe(name: str, how):
        module = getattr(pipe, name, None)
        return None if module is None else how(module)

    flags = {}
    if type(pipe).__name__ in SD3_PIPELINES:
        return _sd3_parts(pipe, convert, maybe)
    if type(pipe).__name__ in SDXL_PIPELINES:
        config = dict(pipe.config)
        flags = {k: config.get(k, default) for k, default in SDXL_FLAGS.items()}
    return Parts(maybe("tokenizer", tokenizer_from_reference), maybe("text_encoder", convert), convert(pipe.unet),
                 convert(pipe.vae), scheduler_config=scheduler_config_from_reference(pipe.scheduler),
                 image_encoder=maybe("image_encoder", convert),  # IP-Adapter's CLIP image tower, when it has one
                 tokenizer_2=maybe("tokenizer_2", tokenizer_from_reference),
                 text_encoder_2=maybe("text_encoder_2", convert), **flags)


def _sd3_parts(pipe, convert, maybe) -> Parts:
    """SD3 (Esser et al. 2024) without T5: the MMDiT as ``transformer``, CLIP-L and CLIP-G, the 16-channel VAE (with
    its shift_factor) and FlowMatchEulerDiscreteScheduler's config."""
    if getattr(pipe, "text_encoder_3", None) is not None:
        raise ValueError(f"this {type(pipe).__name__} has a T5 text encoder (text_encoder_3, "
                         f"{type(pipe.text_encoder_3).__name__}); the course leaves T5 out (4.7 B parameters, most of "
                         "SD3's memory) and gives the MMDiT zeros in its place, as diffusers does with "
                         "text_encoder_3=None. Zeros are a condition the MMDiT knows: SD3 was trained with T5's text "
                         "dropped for a share of the captions. Build the pipeline with text_encoder_3=None and "
                         "tokenizer_3=None (from_pretrained(..., text_encoder_3=None, tokenizer_3=None)).")
    for name in ("text_encoder", "text_encoder_2", "transformer", "vae"):
        if getattr(pipe, name, None) is None:
            raise ValueError(f"this {type(pipe).__name__} has no {name}: SD3 needs CLIP-L (text_encoder), CLIP-G "
                             "(text_encoder_2), the MMDiT (transformer) and the VAE; load the whole pipeline.")
    return Parts(tokenizer_from_reference(pipe.tokenizer), convert(pipe.text_encoder), None, convert(pipe.vae),
                 scheduler_config=scheduler_config_from_reference(pipe.scheduler),
                 tokenizer_2=maybe("tokenizer_2", tokenizer_from_reference),
                 text_encoder_2=convert(pipe.text_encoder_2), transformer=convert(pipe.transformer))


def text_folders(parts: Parts) -> list[tuple[str, object, object]]:
    """(folder name, tokenizer, text encoder) of each text encoder the parts have: text_encoder/ (SD 1.x, SDXL's
    base), text_encoder_2/ (SDXL)."""
    pairs = [("", parts.tokenizer, parts.text_encoder), ("_2", parts.tokenizer_2, parts.text_encoder_2)]
    return [(suffix, tok, enc) for suffix, tok, enc in pairs if enc is not None]


def model_index(parts: Parts, scheduler_class: str) -> dict:
    """model_index.json of a folder of ``parts``: which class reads each folder, and SDXL's settings."""
    index = {"_class_name": "StableDiffusionPipeline", "unet": ["diffusers", "UNet2DConditionModel"],
             "vae": ["diffusers", "AutoencoderKL"], "scheduler": ["diffusers", scheduler_class]}
    for suffix, _, encoder in text_folders(parts):
        kind = "CLIPTextModel" if encoder.config.projection_dim is None else "CLIPTextModelWithProjection"
        index[f"text_encoder{suffix}"] = ["transformers", kind]
        index[f"tokenizer{suffix}"] = ["transformers", "CLIPTokenizer"]
    if parts.text_encoder_2 is None:
        return {**index, "safety_checker": [None, None], "feature_extractor": [None, None],
                "requires_safety_checker": False}
    refiner = parts.text_encoder is None
    index["_class_name"] = "StableDiffusionXLImg2ImgPipeline" if refiner else "StableDiffusionXLPipeline"
    for name in ("text_encoder", "tokenizer") if refiner else ():
        index[name] = [None, None]
    index["force_zeros_for_empty_prompt"] = parts.force_zeros_for_empty_prompt
    if parts.requires_aesthetics_score is not None:
        index["requires_aesthetics_score"] = parts.requires_aesthetics_score
    return index


def read_flags(path: Path) -> dict:
    """SDXL's settings from a folder's model_index.json (diffusers' defaults where it names none, or has none)."""
    index = read_json(path / "model_index.json", "the model's index") if (path / "model_index.json").is_file() else {}
    flags = {k: index.get(k, default) for k, default in SDXL_FLAGS.items()}
    for name, value in flags.items():
        if value is not None and not isinstance(value, bool):
            raise ValueError(f"{path / 'model_index.json'}: {name}={json.dumps(value)} must be true or false. Fix "
                             "the field or delete it (diffusers' default is then used).")
    return flags


def read_defaults(path: Path) -> dict:
    """The recommended settings in a trained folder's bundled.json, each of the type the pipeline takes."""
    defaults = read_json(path, "the model's training record").get("defaults", {})
    if not isinstance(defaults, dict):
        raise ValueError(f"{path}: \"defaults\" must be a JSON object of settings (e.g. {{\"sampler\": \"dpmpp_2m\", "
                         f"\"steps\": 20, \"guidance_scale\": 3.0}}), not {json.dumps(defaults)}. Fix the field or "
                         "delete it.")
    whole = lambda v, least: isinstance(v, Integral) and not isinstance(v, bool) and v >= least  # noqa: E731
    rules = {"sampler": (lambda v: isinstance(v, str), "a sampler name (a string)"),
             "steps": (lambda v: whole(v, 1), "a whole number >= 1"),
             "guidance_scale": (lambda v: isinstance(v, Real) and not isinstance(v, bool) and math.isfinite(v),
                                "a finite number"),
             "height": (lambda v: whole(v, 8) and v % 8 == 0, "a positive multiple of 8"),
             "width": (lambda v: whole(v, 8) and v % 8 == 0, "a positive multiple of 8")}
    for key, (ok, rule) in rules.items():
        if key in defaults and not ok(defaults[key]):
            raise ValueError(f"{path}: defaults.{key}={json.dumps(defaults[key])} must be {rule}. Fix the field or "
                             "delete it (the pipeline then uses its own default).")
    return defaults
