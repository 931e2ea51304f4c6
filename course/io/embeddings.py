"""Textual-inversion files: the new words' vectors, read, written, and put into a model.

Gal et al. 2022, "An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion":
everything stays frozen but one or a few new rows of the text encoder's token table, so a concept is a file of
a few vectors (course/training/textual_inversion.py learns one). The layouts in use:

- diffusers (``learned_embeds.safetensors``, its training script's output): ``{token: (D,) or (n, D)}``;
- A1111: ``.safetensors`` with ``emb_params`` (n, D); ``.pt`` with ``string_to_param: {"*": (n, D)}`` and
  ``name``, a pickle, read only with ``allow_pickle=True`` and then through ``torch.load(weights_only=True)``.

``load_textual_inversion`` does what diffusers' ``pipe.load_textual_inversion`` does: the n vectors become the
added tokens ``<tok>``, ``<tok>_1``, ..., ``<tok>_{n-1}`` (ids after the tokenizer's last), a prompt's ``<tok>``
stands for all n of them (course/text/tokenizer.py), and the text encoder's token table gets their rows.
Which name a file's token gets when none is passed: diffusers' key; A1111's ``name`` in a ``.pt`` (as diffusers
reads it); A1111's file name for ``emb_params`` (A1111's rule: diffusers would call that token "emb_params").
"""
from __future__ import annotations

from pathlib import Path

import torch

from course.io.weights import PICKLE_SUFFIXES, check_weights, read_state_dict
from course.text.tokenizer import clean

__all__ = ["read_textual_inversion", "load_textual_inversion", "save_textual_inversion", "LAYOUTS"]

LAYOUTS = ("diffusers", "a1111")
KNOWN = ("{token: vector} (diffusers' learned_embeds.safetensors), emb_params (A1111 .safetensors) or "
         "string_to_param (A1111 .pt)")


def _read(path: Path, allow_pickle: bool):
    """The file's contents: a dict, or a bare tensor from a pickle (diffusers accepts one with a token)."""
    if path.suffix in PICKLE_SUFFIXES and allow_pickle and path.is_file():
        try:  # the policy of read_state_dict, kept here because an A1111 .pt nests dicts and may be a bare tensor
            return torch.load(path, map_location="cpu", weights_only=True)
        except Exception as err:
            raise ValueError(f"{path} could not be loaded with weights_only=True ({err}). It is corrupted or holds "
                             "more than tensors; convert it to safetensors with a tool you trust.") from None
    return read_state_dict(path, allow_pickle)  # safetensors; refuses a pickle without allow_pickle


def read_textual_inversion(path: str | Path, allow_pickle: bool = False) -> tuple[str, str | None, torch.Tensor]:
    """(layout, the file's own token name or None, vectors (n, D)) of an embedding file in any layout above."""
    path = Path(path)
    state = _read(path, allow_pickle)
    if isinstance(state, torch.Tensor):
        layout, name, vectors = "diffusers", None, state
    elif isinstance(state, dict) and isinstance(state.get("string_to_param"), dict):
        params = state["string_to_param"]
        if len(params) != 1 or not isinstance(next(iter(params.values())), torch.Tensor):
            raise ValueError(f"{path}: string_to_param holds {list(params)[:5]}; an A1111 embedding holds one tensor "
                             "there, under '*'. The file is damaged or of a newer kind: use another copy.")
        layout, vectors = "a1111", next(iter(params.values()))
        name = state.get("name") if isinstance(state.get("name"), str) else path.stem
    elif isinstance(state, dict) and isinstance(state.get("emb_params"), torch.Tensor):
        layout, name, vectors = "a1111", path.stem, state["emb_params"]
    elif isinstance(state, dict) and len(state) == 1 and isinstance(next(iter(state.values())), torch.Tensor):
        (name, vectors), layout = next(iter(state.items())), "diffusers"
    else:
        keys = list(state)[:5] if isinstance(state, dict) else type(state).__name__
        sdxl = " It is an SDXL embedding (clip_l, clip_g): this course's models are SD 1.x." \
            if isinstance(state, dict) and "clip_l" in state else ""
        raise ValueError(f"{path} holds no textual-inversion embedding (it has {keys}); expected {KNOWN}.{sdxl} "
                         "A LoRA file loads with course.io.lora_files.load_lora, a model with course.io.loading.")
    if vectors.ndim == 1:
        vectors = vectors[None]
    if vectors.ndim != 2 or not len(vectors):
        raise ValueError(f"{path}: the embedding has shape {tuple(vectors.shape)}; it must be one vector (D,) or n "
                         "vectors (n, D). The file is damaged: use another copy.")
    check_weights({name or "the embedding": vectors}, str(path))
    return layout, name, vectors.detach()


def load_textual_inversion(parts, path: str | Path, token: str | None = None, allow_pickle: bool = False) -> list[str]:
    """Add the embedding in ``path`` to ``parts`` (its tokenizer and text encoder, in place), as diffusers'
    ``pipe.load_textual_inversion`` does; returns the tokens added: ``[token]``, or ``[token, token_1, ...]`` for
    n vectors (a prompt's ``token`` stands for all of them). ``token``: the word to use in prompts (default:
    the file's own, module docstring). A1111's prompt syntax applies to it: ``(<tok>:1.2)``."""
    path = Path(path)
    layout, name, vectors = read_textual_inversion(path, allow_pickle)
    token = token or name
    if not token:
        raise ValueError(f"{path} holds vectors without a token name: pass token='<my-concept>', the word to write "
                         "in prompts.")
    tokenizer, encoder = parts.tokenizer, parts.text_encoder
    width = encoder.config.hidden_size
    if vectors.shape[1] != width:
        raise ValueError(f"{path}: the embedding's vectors are {vectors.shape[1]} wide, but this text encoder's "
                         f"tokens are {width} wide (hidden_size), so it was trained for another model (SD 1.x: 768, "
                         "SD 2.x: 1024, the bundled model: 128). Load it into a model of the family it was made for.")
    names = [token] + [f"{token}_{i}" for i in range(1, len(vectors))]
    taken = [n for n in names if n in tokenizer.encoder or clean(n) in {clean(t) for t in tokenizer.added_tokens}]
    if taken:
        raise ValueError(f"{path}: the token {taken[0]!r} is already in the tokenizer's vocabulary (a word of its "
                         "own, or an embedding loaded before), so a prompt could not tell the two apart. Pass another "
                         "name, e.g. token='<my-concept>', or load it into fresh parts (load_bundled()).")
    ids = tokenizer.add_tokens(names)
    table = encoder.embeddings.token_embedding
    if table.num_embeddings <= max(ids):  # else the table has spare rows (the bundled model's has 30): use them
        encoder.resize_token_embeddings(max(ids) + 1)
        table = encoder.embeddings.token_embedding
    with torch.no_grad():
        table.weight[ids] = vectors.to(table.weight.device, table.weight.dtype)
    return names


def save_textual_inversion(parts_or_vectors, path: str | Path, token: str, layout: str = "diffusers") -> Path:
    """Write an embedding: ``parts_or_vectors`` is a ``Parts`` that holds ``token`` (its vectors, ``token_1``,
    ... included) or the vectors themselves, (D,) or (n, D). ``layout`` "diffusers": ``{token: (n, D)}``, what
    diffusers' training script writes (name it ``learned_embeds.safetensors`` for ``pipe.load_textual_inversion``);
    "a1111": ``{"emb_params": (n, D)}``: A1111 names the embedding after the file, so name the file after the token."""
    from safetensors.torch import save_file

    path = Path(path)
    if layout not in LAYOUTS:
        raise ValueError(f"layout={layout!r}: use 'diffusers' (pipe.load_textual_inversion) or 'a1111' (A1111's "
                         "embeddings folder).")
    if path.suffix != ".safetensors":
        raise ValueError(f"{path}: embeddings are written as .safetensors (a pickle could carry code); give a path "
                         "ending in .safetensors.")
    if isinstance(parts_or_vectors, torch.Tensor):
        vectors = parts_or_vectors
    else:
        tokenizer = parts_or_vectors.tokenizer
        if token not in getattr(tokenizer, "added_tokens", {}):
            raise ValueError(f"token {token!r} is not an added token of these parts' tokenizer (it has "
                             f"{list(getattr(tokenizer, 'added_tokens', {}))}): pass the token you trained or loaded.")
        ids = [tokenizer.added_tokens[t] for t in tokenizer.added_run(token)]
        vectors = parts_or_vectors.text_encoder.embeddings.token_embedding.weight[ids]
    vectors = vectors.detach().to("cpu").contiguous()
    if vectors.ndim == 1:
        vectors = vectors[None]
    if vectors.ndim != 2 or not len(vectors) or not vectors.is_floating_point():
        raise ValueError(f"the vectors have shape {tuple(vectors.shape)} and dtype {vectors.dtype}: pass floating "
                         "point vectors, one (D,) or n of them (n, D).")
    check_weights({token: vectors}, f"the vectors of {token!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file({token if layout == "diffusers" else "emb_params": vectors}, str(path), metadata={"format": "pt"})
    return path
