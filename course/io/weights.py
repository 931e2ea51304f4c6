"""Weight files, read and written safely: safetensors first, pickles only on request, no broken weights, no
half-written folders.

- ``read_state_dict``: a safetensors file, or a pickle (.ckpt/.bin/.pt) only with ``allow_pickle=True``, and
  then through ``torch.load(weights_only=True)``, which refuses code objects: a pickle can run any code.
- ``load_weights`` / ``check_weights``: ``load_state_dict(strict=True)`` with errors a person can act on, and
  weights refused by key when they are not floating point or hold NaN/inf (a model with them draws black).
- ``replacing(path)``: write a folder next to ``path`` and swap it in whole, so an interrupted save leaves the
  old complete folder or the new one, never a mix.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import torch
from torch import nn

PICKLE_SUFFIXES = (".ckpt", ".bin", ".pt", ".pth")


def load_weights(model: nn.Module, state: dict[str, torch.Tensor], source: str = "the weights") -> nn.Module:
    """``model.load_state_dict(state, strict=True)``, with an error a person can act on.

    Lists the first missing and unexpected keys (then a count) and every shape mismatch; refuses, by key, a
    weight that is not floating point (an int or bool tensor) or holds NaN or inf (``check_weights``).
    """
    own = model.state_dict()
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    shapes = [f"{k}: model {tuple(own[k].shape)}, file {tuple(state[k].shape)}"
              for k in own if k in state and own[k].shape != state[k].shape]
    if missing or unexpected or shapes:
        family = _family_hint(missing, unexpected)  # SDXL vs SD 1.x: said first, the lists then only confirm it
        lines = [f"{source} do not fit {type(model).__name__}:" + (f" {family}" if family else "")]
        for title, items in (("missing", missing), ("unexpected", unexpected), ("shape mismatch", shapes)):
            if items:
                shown = ", ".join(items[:5]) + (f", ... and {len(items) - 5} more" if len(items) > 5 else "")
                lines.append(f"  {len(items)} {title}: {shown}")
        if not family:
            lines.append("Check that the weights belong to this kind of network and that its config matches "
                         "(e.g. block_out_channels, cross_attention_dim, hidden_size).")
        raise ValueError("\n".join(lines))
    check_weights(state, source, own)
    model.load_state_dict(state, strict=True)
    return model


def _family_hint(missing: list[str], unexpected: list[str]) -> str | None:
    """SDXL weights into an SD 1.x UNet (or ControlNet) config, or the reverse: say so, and which config to use."""
    sdxl = "add_embedding."  # SDXL's size/crop conditioning: only its UNets and ControlNets have it
    if any(k.startswith(sdxl) for k in unexpected):
        return ("This state dict has add_embedding.* (SDXL's size/crop conditioning) but the config has no "
                "addition_embed_type: load it with an SDXL config (UNetConfig.sdxl(), or the model's own config.json).")
    if any(k.startswith(sdxl) for k in missing):
        return ("The config is SDXL's (addition_embed_type='text_time') but this state dict has no add_embedding.*: "
                "it looks like an SD 1.x/2.x network; load it with an SD 1.x config (UNetConfig.sd15()).")
    return None


def _finite(t: torch.Tensor) -> bool:
    """Whether every value of a floating-point tensor is finite. NaN and inf make the sum NaN or inf, and one
    reduction is far cheaper than an elementwise isfinite; a sum that overflowed is then checked exactly."""
    return bool(torch.isfinite(t.sum())) or bool(torch.isfinite(t).all())


def check_weights(state: dict[str, torch.Tensor], source: str = "the weights",
                  model_state: dict[str, torch.Tensor] | None = None) -> None:
    """Refuse, naming the first such key, a weight that is not floating point where the model has a floating one
    (an int64 or bool tensor would be cast silently into nonsense), and a floating one with NaN or inf values (a
    model with them draws black or noise images). ``model_state``: the model's own state dict (default: every
    tensor of ``state`` must be floating point)."""
    for key, tensor in state.items():
        wanted = model_state[key] if model_state is not None and key in model_state else None
        if (wanted is None or wanted.is_floating_point()) and not tensor.is_floating_point():
            raise ValueError(f"{source}: {key} has dtype {tensor.dtype}, but it is a weight and must be floating point "
                             "(float32, float16 or bfloat16). The file is damaged or was not written as weights of "
                             "this network: use another copy.")
    for key, tensor in state.items():
        if tensor.is_floating_point() and not _finite(tensor):
            bad = int((~torch.isfinite(tensor)).sum())
            raise ValueError(f"{source}: {key} holds {bad} NaN or inf value(s) (the first non-finite weight), and a "
                             "network with them draws black or noise images. The training that wrote the file "
                             "diverged or the file is damaged: use another copy, or an earlier checkpoint.")


def read_state_dict(path: str | Path, allow_pickle: bool = False) -> dict[str, torch.Tensor]:
    """Read a weight file: safetensors always; pickle (.ckpt/.bin/.pt) only with ``allow_pickle=True``."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist.")
    if path.suffix == ".safetensors":
        from safetensors.torch import load_file

        try:
            return load_file(str(path))
        except Exception as err:  # safetensors raises its own error types for truncated or garbled files
            raise ValueError(f"{path} could not be read as safetensors ({err}). The file is probably truncated "
                             "or corrupted: copy or download it again.") from None
    if path.suffix in PICKLE_SUFFIXES:
        if not allow_pickle:
            raise ValueError(f"{path} is a pickle file, and loading a pickle can run any code hidden in it. Convert "
                             "it to .safetensors, or, if you trust its source, pass allow_pickle=True (it is then "
                             "read with torch.load(weights_only=True), which refuses code objects).")
        try:
            state = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as err:
            raise ValueError(f"{path} could not be loaded with weights_only=True ({err}). It is corrupted or holds "
                             "more than tensors; convert it to safetensors with a tool you trust.") from None
        return state.get("state_dict", state)
    raise ValueError(f"{path}: unknown weight format {path.suffix!r}; expected .safetensors "
                     f"(or {', '.join(PICKLE_SUFFIXES)} with allow_pickle=True).")


@contextlib.contextmanager
def replacing(path: Path):
    """An empty temporary folder next to ``path`` (same parent, so renames stay on one disk) that takes the place of
    ``path`` when the block ends: the old folder is renamed aside, the new one renamed in, the old one deleted.
    If the block fails or is interrupted (Ctrl-C), the temporary folder is deleted and ``path`` is untouched, so
    a stopped save leaves the old complete folder or the new complete one, never a mix."""
    if path.exists() and not path.is_dir():
        raise ValueError(f"{path} is a file; pass the path of a folder to write (it is replaced as a whole).")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, old = (path.parent / f".{path.name}.{kind}-{os.getpid()}" for kind in ("tmp", "old"))
    for leftover in (tmp, old):  # from an earlier process that had the same id and was killed
        shutil.rmtree(leftover, ignore_errors=True)
    tmp.mkdir()
    try:
        yield tmp
        if path.exists():
            path.rename(old)
            try:
                tmp.rename(path)
            except BaseException:
                old.rename(path)
                raise
        else:
            tmp.rename(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
