"""A tokenizer's files, checked: vocab.json (each token to its id) and merges.txt (the merges in rank order).

A damaged or mismatched file would otherwise tokenize silently wrong or fail far from its cause; each check here
names the file and the first bad line or entry, and says what to do (restore the file from the model's
download). ``course.text.tokenizer.CLIPTokenizer.from_folder`` reads its files through these.
"""
from __future__ import annotations

import json
from pathlib import Path


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
