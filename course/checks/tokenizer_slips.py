"""The mistakes learners make in notebook 01 (the tokenizer), written as code.

Each list holds ``(words, fn)`` slips: ``fn`` takes the same arguments as the exercise and returns what that mistake
gives; ``words`` finishes the sentence "it looks like ..." with what went wrong and how to fix it. The checks in
course.checks.tokenizer try them in order when a learner's value is wrong (course.checks.text_diagnose).
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

import regex

from course.text import tokenizer as ref

BOS_ID, EOS_ID = 49406, 49407
PRINTABLE = [*range(33, 127), *range(161, 173), *range(174, 256)]


# ---- §1 bytes_to_unicode ----------------------------------------------------------------------------

def _table(printable, *, by_byte: bool = False, start: int = 256) -> dict[int, str]:
    table = {b: chr(b) for b in printable}
    n = 0
    for b in range(256):
        if b not in table:
            table[b] = chr(start + (b if by_byte else n))
            n += 1
    return table


BYTES_SLIPS = [
    ("every byte maps to itself: the space, the newline and the control characters need printable stand-ins, "
     "or merges.txt could not separate its pairs with a space.", lambda: {b: chr(b) for b in range(256)}),
    ("the other bytes were shifted by 256 (byte b became chr(256 + b)); they are counted instead: the first byte "
     "that is not printable gets chr(256), the next one chr(257), and so on.", lambda: _table(PRINTABLE, by_byte=True)),
    ("the stand-ins start at chr(257): the count starts at 0, so the first byte that is not printable (byte 0) "
     "gets chr(256).", lambda: _table(PRINTABLE, start=257)),
    ("the printable ranges stop one short: range(a, b) leaves b out, so '~' (126), '¬' (172) and 'ÿ' (255) lost "
     "their own character. The ends are included: 33 to 126, 161 to 172, 174 to 255.",
     lambda: _table([*range(33, 126), *range(161, 172), *range(174, 255)])),
    ("the space (byte 32) counts as printable in your table; it must get a stand-in ('Ġ'), because merges.txt "
     "separates the two halves of a pair with a space. Printable starts at '!' (33).",
     lambda: _table([*range(32, 127), *range(161, 173), *range(174, 256)])),
    ("the soft hyphen (byte 173) counts as printable in your table; it is invisible, so it gets a stand-in too: the "
     "Latin-1 ranges are 161 to 172 and 174 to 255.", lambda: _table([*range(33, 127), *range(161, 256)])),
    ("only ASCII '!'..'~' counts as printable in your table; the Latin-1 characters '¡'..'¬' and '®'..'ÿ' "
     "(161-172, 174-255) keep their own character too.", lambda: _table(range(33, 127))),
]


# ---- §2 clean and pre_tokenize ---------------------------------------------------------------------

def _clean(text: str, *, form: str | None = "NFC", spaces: str = r"\s+", strip: bool = True,
           lower: str = "chars") -> str:
    if form:
        text = unicodedata.normalize(form, text)
    if spaces:
        text = regex.sub(spaces, " ", text)
    if strip:
        text = text.strip(" ")
    if lower == "chars":
        return "".join(c.lower() for c in text)
    return text.lower() if lower == "str" else text


CLEAN_SLIPS = [
    ("you did not lower-case: CLIP's vocabulary is lower case, so 'Cat' and 'cat' must become the same text.",
     lambda text: _clean(text, lower="none")),
    ("you lower-cased with str.lower(), which turns a Greek capital sigma at the end of a word into 'ς'. "
     "Lower-case one character at a time, as transformers' Rust tokenizer does: 'Σ' always becomes 'σ'.",
     lambda text: _clean(text, lower="str")),
    ("the NFC normalisation is missing: 'e' followed by a combining accent (U+0301) must become the single "
     "character 'é' (U+00E9), or the same word gives different bytes and different tokens.",
     lambda text: _clean(text, form=None)),
    ("you normalised with NFKC, which also folds full-width letters ('Ｆ' into 'F'); CLIP's cleaning uses NFC, "
     "which only composes accents.", lambda text: _clean(text, form="NFKC")),
    ("you normalised with NFD, which splits 'é' into 'e' and an accent; NFC does the opposite and composes them.",
     lambda text: _clean(text, form="NFD")),
    ("only runs of spaces became one space; tabs, newlines and other whitespace must too: replace every run of "
     r"whitespace (\s+ in a regex) by one space.", lambda text: _clean(text, spaces=" +")),
    ("runs of whitespace were not squeezed: every run of spaces, tabs or newlines becomes ONE space.",
     lambda text: _clean(text, spaces="")),
    ("the spaces at both ends are still there: strip them, after squeezing the whitespace runs.",
     lambda text: _clean(text, strip=False)),
]

CONTRACTIONS = "'s|'t|'re|'ve|'m|'ll|'d|"
GPT2 = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
PRE_TOKENIZE_SLIPS = [
    ("you split on spaces only: punctuation, digits and contractions are pieces of their own ('cat,' is 'cat' "
     "and ','). Use regex.findall with the four-part pattern.", lambda text: text.split()),
    ("the contractions are missing from the pattern (or come after the punctuation part), so \"cat's\" gives "
     "'cat', \"'\", 's' instead of 'cat', \"'s\". Put 's|'t|'re|'ve|'m|'ll|'d first.",
     lambda text: regex.findall(r"[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", text)),
    (r"digits were kept together: '1920' must be four pieces, one per digit. Use [\p{N}] without a +.",
     lambda text: regex.findall(CONTRACTIONS + r"[\p{L}]+|[\p{N}]+|[^\s\p{L}\p{N}]+", text)),
    (r"letters are ASCII only ([a-zA-Z]), so 'café' splits before 'é' and '東京' is punctuation; \p{L} is a "
     "letter in any script.", lambda text: regex.findall(CONTRACTIONS + r"[a-zA-Z]+|[0-9]|[^\sa-zA-Z0-9]+", text)),
    (r"punctuation was cut into single characters: a run like '!!!' or '(((' is ONE piece, [^\s\p{L}\p{N}]+ with "
     "the +.", lambda text: regex.findall(CONTRACTIONS + r"[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]", text)),
    (r"you used \w, which also takes digits and '_' into a word ('1girl', 'a_b'); letters are \p{L}+ and each "
     r"digit \p{N} on its own.", lambda text: regex.findall(CONTRACTIONS + r"\w+|[^\s\w]+", text)),
    ("you used GPT-2's pattern: it keeps the space in front of a word and whole numbers. CLIP's drops the spaces "
     "(the end of a word is marked by '</w>' instead) and takes one digit at a time.",
     lambda text: regex.findall(GPT2, text)),
]
PRE_TOKENIZE_ERRORS = [
    (r"bad escape \\p", r"Python's built-in re module does not know \p{L}; use the regex module: regex.findall."),
]


# ---- §3 bpe -----------------------------------------------------------------------------------------

def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    return list(ref.merge_pair(tuple(symbols), pair))


def _bpe(word: str, ranks: dict, *, pick: str = "lowest", end: str = "glued", merge=_merge) -> list[str]:
    if end == "glued":
        symbols = list(word[:-1]) + [word[-1] + "</w>"]
    else:
        symbols = list(word) + (["</w>"] if end == "separate" else [])
    for _ in range(10_000):  # a slip must not hang
        pairs = [p for p in zip(symbols, symbols[1:]) if p in ranks]
        if len(symbols) < 2 or not pairs:
            break
        best = {"lowest": min(pairs, key=ranks.__getitem__), "highest": max(pairs, key=ranks.__getitem__),
                "leftmost": pairs[0]}[pick]
        merged = merge(symbols, best)
        if merged == symbols:
            break
        symbols = merged
    return symbols


def _replace_merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    return " ".join(symbols).replace(f"{pair[0]} {pair[1]}", pair[0] + pair[1]).split(" ")


BPE_SLIPS = [
    ("you merged the pair with the HIGHEST rank first; the rank is the line number in merges.txt, and the most "
     "frequent pairs have the lowest ranks, so take the minimum.", lambda w, r: _bpe(w, r, pick="highest")),
    ("you merged the first mergeable pair from the left; the order is by rank: each round, the adjacent pair with "
     "the lowest rank anywhere in the word.", lambda w, r: _bpe(w, r, pick="leftmost")),
    ("the end-of-word marker is missing: glue '</w>' to the LAST symbol before merging ('t' becomes 't</w>'), so "
     "that 'a' inside a word and the word 'a' stay different tokens.", lambda w, r: _bpe(w, r, end="none")),
    ("'</w>' is a symbol of its own; it belongs glued to the last character ('s</w>', one symbol), because the "
     "merges pair it that way.", lambda w, r: _bpe(w, r, end="separate")),
    ("you merged with str.replace on the symbols joined by spaces, which also matches across symbol boundaries "
     "('ba a' becomes 'baa'); walk the list and merge only exact neighbours, as merge_pair does.",
     lambda w, r: _bpe(w, r, merge=_replace_merge)),
]


# ---- §4 encode --------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def clip_tokenizer() -> ref.CLIPTokenizer:
    """The real CLIP tokenizer, loaded once per process (it takes about a second)."""
    return ref.load_clip_tokenizer()


def _encode(text: str, *, clean=ref.clean, split=ref.pre_tokenize, byte_map: bool = True) -> list[int]:
    tok = clip_tokenizer()
    ids = []
    for piece in split(clean(text)):
        symbols = tok.bpe(ref.to_byte_symbols(piece) if byte_map else piece)
        ids += [tok.encoder[s] for s in symbols]
    return ids


def _padded(text: str) -> list[int]:
    ids = [BOS_ID] + _encode(text)[:75] + [EOS_ID]
    return ids + [EOS_ID] * (77 - len(ids))


ENCODE_SLIPS = [
    ("you added BOS and EOS: encode returns only the prompt's own ids; BOS, EOS and the padding are §5's pad.",
     lambda text: [BOS_ID] + _encode(text) + [EOS_ID]),
    ("you padded to 77 ids: encode returns only the prompt's own ids, as many as it has; pad (§5) does the rest.",
     _padded),
    ("the text was not cleaned first: clean it (NFC, whitespace, lower case) before pre_tokenize, or 'Cat' and "
     "'cat' get different ids.", lambda text: _encode(text, clean=lambda t: t)),
    ("you split the cleaned text on spaces instead of calling pre_tokenize, so punctuation, digits and "
     "contractions stay glued to the words.", lambda text: _encode(text, split=str.split)),
    ("the pieces did not go through bytes_to_unicode: the vocabulary holds byte stand-ins, so map each piece's "
     "UTF-8 bytes through it before bpe ('é' is the two symbols 'Ã©').", lambda text: _encode(text, byte_map=False)),
]
ENCODE_ERRORS = [
    ("^KeyError", "a symbol is not in the vocabulary. Each piece must become UTF-8 bytes, then bytes_to_unicode "
                  "characters, then bpe symbols, and only bpe's symbols are looked up in the vocabulary."),
]


# ---- §5 pad ---------------------------------------------------------------------------------------

def _pad(ids: list[int], max_length: int = 77, *, keep: int | None = None, eos: bool = True, bos: bool = True,
         cut_after: bool = False, pad_id: int = EOS_ID, mask: str = "right") -> tuple[list[int], list[int]]:
    keep = max_length - 2 if keep is None else keep
    row = ([BOS_ID] if bos else []) + list(ids if cut_after else ids[:keep]) + ([EOS_ID] if eos else [])
    if cut_after:
        row = row[:max_length]
    real = len(row)
    row = row + [pad_id] * (max_length - len(row))
    if mask == "ones":
        return row, [1] * len(row)
    return row, [1] * real + [0] * (len(row) - real)


PAD_SLIPS = [
    ("the EOS after the prompt is missing or has mask 0: the row is BOS, the ids, EOS, then the padding, and the "
     "mask is 1 for BOS, the ids AND that first EOS.", lambda ids, n=77: _pad(ids, n, eos=False)),
    ("you cut after adding EOS, so a long prompt loses its EOS: keep the first max_length - 2 ids, then add EOS, "
     "which always ends the real tokens.", lambda ids, n=77: _pad(ids, n, cut_after=True)),
    ("you kept max_length - 1 ids: BOS and EOS take two of the max_length places, so keep max_length - 2.",
     lambda ids, n=77: _pad(ids, n, keep=n - 1)),
    ("you kept max_length ids: BOS and EOS take two of the max_length places, so keep max_length - 2.",
     lambda ids, n=77: _pad(ids, n, keep=n)),
    ("a long prompt was not truncated: keep only its first max_length - 2 ids, so that the row has exactly "
     "max_length ids.", lambda ids, n=77: _pad(ids, n, keep=len(ids))),
    ("you padded with 0; SD 1.x pads with EOS (49407) as well (0 is the token '!').",
     lambda ids, n=77: _pad(ids, n, pad_id=0)),
    ("the mask is 1 everywhere; the padding gets 0 (1 only for BOS, the ids and the first EOS).",
     lambda ids, n=77: _pad(ids, n, mask="ones")),
    ("BOS (49406) is missing at the front of the row.", lambda ids, n=77: _pad(ids, n, bos=False)),
]
PAD_ERRORS = [
    (r"missing 1 required positional argument: 'max_length'",
     "max_length needs a default of 77: the pipeline calls pad with the ids alone."),
]


# ---- §6 train_bpe ---------------------------------------------------------------------------------

def _train(texts: list[str], num_merges: int, *, tie: str = "smallest", weighted: bool = True, end: bool = True,
           across: bool = False, split=None, apply: bool = True) -> list[tuple[str, str]]:
    split = split or (lambda text: ref.pre_tokenize(ref.clean(text)))
    words: Counter = Counter()
    for text in texts:
        sequences = [list(ref.to_byte_symbols(piece)) for piece in split(text)]
        if end:
            sequences = [s[:-1] + [s[-1] + "</w>"] for s in sequences]
        if across:
            sequences = [[symbol for s in sequences for symbol in s]] if sequences else []
        for s in sequences:
            words[tuple(s)] += 1
    merges = []
    for _ in range(num_merges):
        pairs: Counter = Counter()
        for word, count in words.items():
            for pair in zip(word, word[1:]):
                pairs[pair] += count if weighted else 1
        if not pairs:
            break
        best = {"smallest": lambda: min(pairs, key=lambda p: (-pairs[p], p)),
                "largest": lambda: max(pairs, key=lambda p: (pairs[p], p)),
                "first seen": lambda: pairs.most_common(1)[0][0]}[tie]()
        merges.append(best)
        if apply:
            merged: Counter = Counter()
            for word, count in words.items():
                merged[ref.merge_pair(word, best)] += count
            words = merged
    return merges


TRAIN_BPE_SLIPS = [
    ("ties were broken toward the LARGEST pair; among pairs with the same count take the smallest, the minimum "
     "of (minus the count, the pair).", lambda t, n: _train(t, n, tie="largest")),
    ("ties were broken by the order the pairs were first seen (Counter.most_common does that); among pairs with "
     "the same count take the smallest pair, so the result does not depend on the order of the corpus.",
     lambda t, n: _train(t, n, tie="first seen")),
    ("every distinct word counted once: weight each word's pairs by how often the word occurs in the corpus.",
     lambda t, n: _train(t, n, weighted=False)),
    ("the end-of-word marker is missing: glue '</w>' to the last symbol of every word before counting, as bpe "
     "does when it encodes.", lambda t, n: _train(t, n, end=False)),
    ("pairs were counted across word boundaries: each piece from pre_tokenize is a word of its own, and a pair "
     "never spans two of them.", lambda t, n: _train(t, n, across=True)),
    ("the texts were split on spaces instead of going through clean and pre_tokenize, so punctuation stays glued "
     "to the words ('circle!').", lambda t, n: _train(t, n, split=str.split)),
    ("the same pair won every round: after recording a merge, apply it to every word (merge_pair), so that the "
     "next round counts the new symbols.", lambda t, n: _train(t, n, apply=False)),
]
TRAIN_BPE_ERRORS = [
    (r"(max|min)\(\) (arg is an empty sequence|iterable argument is empty)|list index out of range",
     "it asked for the best pair when there was none: stop early when no word has two symbols left."),
]
