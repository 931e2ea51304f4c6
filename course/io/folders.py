"""Finding the files of a diffusers model folder on local disk: the weight file of a component, its config.json, the
refusal of a hub id (nothing is downloaded here). Used by ``course.io.loading`` and the other loaders."""
from __future__ import annotations

import re
from pathlib import Path

from torch import nn

from course.config import read_json


def _weights_in(folder: Path, stem: str, allow_pickle: bool) -> Path:
    """The weight file of one component folder: safetensors first, then the fp16 variant, then pickle."""
    for name in (f"{stem}.safetensors", f"{stem}.fp16.safetensors", f"{stem}.bin", f"{stem}.fp16.bin"):
        if (folder / name).is_file():
            return folder / name
    found = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    raise FileNotFoundError(f"{folder} has no {stem}.safetensors (found: {found or 'nothing'}). A diffusers "
                            "model folder holds one weight file per component folder.")


def _read_config(folder: Path) -> dict:
    if not (folder / "config.json").is_file():
        raise FileNotFoundError(f"{folder / 'config.json'} is missing: each component folder of a diffusers model "
                                "has a config.json next to its weights.")
    return read_json(folder / "config.json", "the network's config")


def _build(cls, config, source: str) -> nn.Module:
    """``cls(config)``, with the file the config came from in front of a refusal of its sizes."""
    try:
        return cls(config)
    except ValueError as err:
        raise ValueError(f"{source}: {err}") from None


def _refuse_hub_id(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        if re.fullmatch(r"[\w.-]+/[\w.-]+", str(path)):
            raise FileNotFoundError(f"{str(path)!r} looks like a model hub id, and nothing is downloaded here. "
                                    "Download the model once elsewhere (e.g. `huggingface-cli download "
                                    f"{path} --local-dir sd15`) and pass that local folder.")
        raise FileNotFoundError(f"{path} does not exist. Pass a diffusers model folder (with unet/, vae/, "
                                "text_encoder/, tokenizer/) or a single .safetensors checkpoint.")
    return path
