"""A tokenizer's files, checked: vocab.json (each token to its id) and merges.txt (the merges in rank order).

A damaged or mismatched file would otherwise tokenize silently wrong or fail far from its cause; each check here
names the file and the first bad line or entry, and says what to do (restore the file from the model's
download). ``course.text.tokenizer.CLIPTokenizer`` reads and writes its files through these.
"""
from __future__ import annotations

import json
from pathlib import Path

from course.config import read_json


def check_vocab(vocab, source) -> dict[str, int]:
    """A vocabulary as vocab.json holds it: a JSON object from each token (a string) to its id, a whole number
    >= 0, no two tokens sharing an id. Returns it; raises ValueError naming ``source`` and the first bad entry."""
    if not isinstance(vocab, dict):
        raise ValueError(f"{source} holds a {type(vocab).__name__}, but a vocabulary maps each token to its id "
                         "({\"a</w>\": 320, ...}). Restore the file from the model's original download.")
    owner = {}
    for token, i in vocab.items():
        if not isinstance(token, str) or isinstance(i, bool) or not isinstance(i, int) or i < 0:
            raise ValueError(f"{source}: the entry {token!r}: {json.dumps(i) if _jsonable(i) else repr(i)} is not "
                             "token -> id; every id is a whole number >= 0 (e.g. \"a</w>\": 320). The file is "
                             "damaged: restore it from the model's original download.")
        if i in owner:
            raise ValueError(f"{source}: {owner[i]!r} and {token!r} both have the id {i}; every token needs its own "
                             "id, or decoding mixes them up. The file is damaged: restore it.")
        owner[i] = token
    return vocab


def _jsonable(value) -> bool:
    try:
        json.dumps(value)
        return True
    except (TypeError, ValueError):
        return False


def read_merges(path: str | Path, vocab: dict[str, int]) -> list[tuple[str, str]]:
    """The merges of a merges.txt, in rank order: one pair of symbols per line, after an optional "#version"
    first line (transformers' fast tokenizers and the course skip it when it is there). Each pair and what it
    merges into must be in ``vocab``, as in every BPE vocabulary. Raises ValueError naming the file and the line."""
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise ValueError(f"{path} is empty; a merges.txt lists the tokenizer's merges, one pair of symbols per line "
                         "after a \"#version: 0.2\" header. Restore it from the model's original download.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ValueError(f"{path}, line {line}: byte {data[err.start:err.start + 1]!r} is not UTF-8 text; a merges.txt "
                         "is text, one pair of symbols per line. The file is damaged or is not a merges file: "
                         "restore it from the model's original download.") from None
    merges = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip() or (n == 1 and line.startswith("#version")):
            continue
        pair = line.split()
        if len(pair) != 2:
            raise ValueError(f"{path}, line {n}: {line[:60]!r} has {len(pair)} symbol(s); each line of a merges.txt "
                             "is two symbols and a space between them (e.g. \"t h\"). The file is damaged: restore "
                             "it from the model's original download.")
        missing = next((s for s in (pair[0], pair[1], pair[0] + pair[1]) if s not in vocab), None)
        if missing is not None:
            raise ValueError(f"{path}, line {n}: the merge {line.strip()!r} needs {missing!r}, which the vocabulary "
                             "lacks; vocab.json and merges.txt must come from the same tokenizer (the same "
                             "tokenizer/ folder). Restore the pair.")
        merges.append((pair[0], pair[1]))
    return merges


def read_vocab_and_merges(vocab_json: str | Path, merges_txt: str | Path) -> tuple[dict, list]:
    """The checked contents of ``vocab.json`` and ``merges.txt``."""
    for path in (vocab_json, merges_txt):
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path} does not exist. Point at the vocab.json and merges.txt inside "
                                    "a Stable Diffusion model's tokenizer/ folder.")
    vocab = check_vocab(read_json(vocab_json, "the tokenizer's vocabulary (token -> id)"), vocab_json)
    return vocab, read_merges(merges_txt, vocab)


def read_folder(folder: Path) -> tuple[dict, list, dict]:
    """(vocab, merges, settings) of a tokenizer folder: ``vocab.json`` + ``merges.txt``, or only the
    ``tokenizer.json`` transformers 5 writes; settings: ``model_max_length`` when tokenizer_config.json has one
    (a model trained on shorter prompts says so), and its ``pad_token`` (SD 2.x and SDXL's tokenizer_2 pad with
    "!", id 0, where SD 1.x pads with EOS)."""
    settings, config = {}, folder / "tokenizer_config.json"
    if config.is_file():
        found = read_json(config, "the tokenizer's settings")
        length = found.get("model_max_length")
        if isinstance(length, int) and 2 <= length <= 10_000:
            settings["model_max_length"] = length
        pad = found.get("pad_token")
        pad = pad.get("content") if isinstance(pad, dict) else pad  # older files write an AddedToken as a dict
        if isinstance(pad, str):
            settings["pad_token"] = pad
    if (folder / "vocab.json").is_file() or not (folder / "tokenizer.json").is_file():
        return (*read_vocab_and_merges(folder / "vocab.json", folder / "merges.txt"), settings)
    path = folder / "tokenizer.json"
    model = read_json(path, "a tokenizers model").get("model")
    if not isinstance(model, dict) or not isinstance(model.get("merges"), list):
        raise ValueError(f"{path} has no \"model\" with \"vocab\" and \"merges\" lists: it is not a BPE "
                         "tokenizer's file. Use the vocab.json and merges.txt of an SD model's tokenizer/ folder.")
    merges = [tuple(m.split()) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    bad = next((i for i, m in enumerate(merges) if len(m) != 2 or not all(isinstance(x, str) for x in m)), None)
    if bad is not None:
        raise ValueError(f"{path}: merge {bad} of model.merges is {model['merges'][bad]!r}; each merge is a "
                         "pair of symbols (\"a b\" or [\"a\", \"b\"]). The file is damaged: restore it.")
    return check_vocab(model.get("vocab"), f"{path} (model.vocab)"), merges, settings


def read_added_tokens(folder: Path, first_id: int) -> list[str]:
    """The tokens of ``added_tokens.json`` (textual inversion's words, token -> id, as transformers' slow
    tokenizers wrote them) in id order; their ids must follow the vocabulary's ``first_id`` ones without a gap."""
    path = folder / "added_tokens.json"
    added = read_json(path, "the tokenizer's added tokens (token -> id)") if path.is_file() else {}
    if not isinstance(added, dict) or sorted(added.values()) != list(range(first_id, first_id + len(added))):
        raise ValueError(f"{path} must map each added token to an id after the vocabulary's {first_id}, in order; "
                         "the file is damaged: delete it and load the embeddings again "
                         "(course.io.embeddings.load_textual_inversion).")
    return sorted(added, key=added.get)


def write_folder(folder: str | Path, config: dict, vocab: dict, merges: list, added: dict) -> None:
    """Write a tokenizer folder: tokenizer_config.json, vocab.json, merges.txt and, with added tokens,
    added_tokens.json."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    if added:
        (folder / "added_tokens.json").write_text(json.dumps(added, ensure_ascii=False), encoding="utf-8")
    (folder / "merges.txt").write_text("#version: 0.2\n" + "\n".join(" ".join(m) for m in merges) + "\n",
                                       encoding="utf-8")
