"""CLIP's byte-level BPE tokenizer, as Stable Diffusion 1.x uses it.

Paper: Radford et al. 2021, "Learning Transferable Visual Models From Natural
Language Supervision" (CLIP), which reuses the byte-level BPE of GPT-2
(Radford et al. 2019) with one change: every word ends in ``</w>``.

Text becomes token ids in five steps:

1. clean     NFC-normalise, squeeze whitespace to one space, lower-case
2. split     a regex cuts the text into words, numbers (one digit each) and
             runs of punctuation; whitespace is dropped
3. bytes     each piece becomes UTF-8 bytes, each byte a printable unicode
             character (``bytes_to_unicode``), and ``</w>`` is glued to the last
4. merge     adjacent symbols are merged, always the pair with the lowest rank
             in ``merges.txt`` first, until no listed pair is left
5. wrap      ids get BOS (49406) in front and EOS (49407) behind, and are
             truncated or padded (with EOS) to 77

SD 2.x and SDXL's second tokenizer pad with "!" (id 0) instead (``pad_token="!"``). transformers then
counts "!" among the special tokens, cut out of the raw text before step 1 like BOS and EOS, so
an exclamation mark in the prompt becomes id 0 too ("wow!!" -> 'wow', '!', '!'), not the BPE
symbol '!!</w>': diffusers' SDXL reads it so, and so does this tokenizer (open_clip's tokenizer, which
A1111 uses for SDXL, does not).

``clean`` is the one place OpenAI's original tokenizer and transformers'
differ: OpenAI runs ``ftfy.fix_text`` and ``html.unescape`` first
(``openai_cleanup=True`` here), transformers does not. So ``&amp;`` stays five
characters in diffusers, and becomes ``&`` in OpenAI's CLIP.

Added tokens (``add_tokens``; textual inversion's ``<concept>``, course/io/embeddings.py) are whole
words BPE never sees: as transformers' ``add_tokens`` does, they are cut out of the cleaned text
before step 2, wherever they occur ("a<ring>x" -> 'a', '<ring>', 'x'), the longest first, with
ids from ``len(tokenizer)`` on; and, as diffusers' ``maybe_convert_prompt`` does for a multi-vector
embedding, ``<tok>`` stands for ``<tok> <tok>_1 <tok>_2 ...`` as far as those are added tokens.
"""
from __future__ import annotations

import gzip
import html
import unicodedata
import warnings
from collections import Counter
from functools import lru_cache
from pathlib import Path

import regex

from course.text.vocab_files import read_added_tokens, read_folder, read_vocab_and_merges, write_folder

BOS, EOS = "<|startoftext|>", "<|endoftext|>"
END_OF_WORD = "</w>"
# special tokens | contractions | runs of letters | single digits | runs of anything else but spaces
PATTERN = regex.compile(
    r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""
)


@lru_cache()
def bytes_to_unicode() -> dict[int, str]:
    """Map each of the 256 bytes to a printable unicode character.

    Printable bytes map to themselves ('a' -> 'a'); the other 68 (control
    characters, space, ...) go to the characters from U+0100 on, so no BPE
    symbol is ever whitespace or invisible. ' ' (32) becomes 'Ġ'.
    """
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    table = {b: chr(b) for b in keep}  # printable bytes first: their order is the order of CLIP's vocab.json
    for b in range(256):
        if b not in table:
            table[b] = chr(256 + len(table) - len(keep))
    return table


def clean(text: str, openai_cleanup: bool = False) -> str:
    """NFC, whitespace runs -> one space, strip, lower-case (what transformers does).

    ``openai_cleanup`` first applies OpenAI's ``ftfy.fix_text`` and a double
    ``html.unescape``, as the original CLIP repository does.
    """
    if openai_cleanup:
        import ftfy  # optional: only OpenAI's cleanup needs it

        text = ftfy.fix_text(text)
        text = html.unescape(html.unescape(text))
    text = unicodedata.normalize("NFC", text)
    text = regex.sub(r"\s+", " ", text).strip(" ")  # not .strip(): Python counts '\x1c' as space, Unicode does not
    if openai_cleanup:
        return text.lower()  # Python's lower(): a word-final 'Σ' becomes 'ς'
    # character by character, as transformers' Rust tokenizer does ('Σ' always becomes 'σ')
    return "".join(c.lower() for c in text)


def pre_tokenize(text: str) -> list[str]:
    """Split cleaned text into the pieces BPE works on: 'a cat's 3.5' -> ['a', 'cat', "'s", '3', '.', '5'].

    Real special tokens were cut out before cleaning; one that only appears after
    lower-casing ('<|ENDOFTEXT|>') is plain text, split as transformers does: '<|', 'endoftext', '|>'.
    """
    pieces = []
    for piece in PATTERN.findall(text):
        pieces.extend(["<|", piece[2:-2], "|>"] if piece in (BOS, EOS) else [piece])
    return pieces


def to_byte_symbols(piece: str) -> str:
    """UTF-8 bytes of a piece, each shown as its ``bytes_to_unicode`` character: 'é' -> 'Ã©'."""
    table = bytes_to_unicode()
    return "".join(table[b] for b in piece.encode("utf-8", "surrogatepass"))  # surrogatepass: never crash


def merge_pair(word: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    """Replace every occurrence of ``pair`` in ``word``, left to right: ('l','o','l','o') + ('l','o') -> ('lo','lo')."""
    out, i = [], 0
    while i < len(word):
        if i < len(word) - 1 and (word[i], word[i + 1]) == pair:
            out.append(word[i] + word[i + 1])
            i += 2
        else:
            out.append(word[i])
            i += 1
    return tuple(out)


def get_pairs(word: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(zip(word, word[1:]))


class CLIPTokenizer:
    """Byte-level BPE with ``</w>`` end-of-word markers, BOS/EOS, padding to 77."""

    def __init__(self, vocab: dict[str, int], merges: list[tuple[str, str]], *, pad_token: str = EOS,
                 model_max_length: int = 77, openai_cleanup: bool = False):
        if BOS not in vocab or EOS not in vocab:
            raise ValueError(f"The vocabulary has no {BOS} / {EOS} entries, so it is not a CLIP vocabulary. "
                             "Load the vocab.json and merges.txt of an SD model's tokenizer/ folder.")
        missing = [c for c in bytes_to_unicode().values() if c not in vocab]
        if missing:
            raise ValueError(f"The vocabulary lacks {len(missing)} of the 256 byte symbols (e.g. {missing[0]!r}), "
                             f"so some text could not be encoded. It has {len(vocab)} entries; a CLIP vocabulary "
                             "has every byte alone and with '</w>'. Check that vocab.json is complete.")
        if pad_token not in vocab:
            raise ValueError(f"pad_token {pad_token!r} is not in the vocabulary.")
        self.encoder = dict(vocab)  # symbol -> id
        self.decoder = {i: s for s, i in vocab.items()}
        self.merges = [tuple(m) for m in merges]
        self.bpe_ranks = {pair: rank for rank, pair in enumerate(self.merges)}
        self.byte_encoder = bytes_to_unicode()
        self.byte_decoder = {c: b for b, c in self.byte_encoder.items()}
        self.bos_id, self.eos_id, self.pad_id = vocab[BOS], vocab[EOS], vocab[pad_token]
        # tokens matched in the raw text before cleaning, as transformers matches its special tokens
        self.specials = tuple(dict.fromkeys((BOS, EOS, pad_token)))
        self._specials_pattern = regex.compile("(" + "|".join(regex.escape(t) for t in self.specials) + ")")
        self.model_max_length = model_max_length
        self.openai_cleanup = openai_cleanup
        self.cache: dict[str, list[str]] = {}  # piece -> symbols; prompts repeat words a lot
        self.added_tokens: dict[str, int] = {}  # add_tokens: token -> id, never split by BPE
        self._added_pattern, self._added_by_text = None, {}  # the added tokens as cleaned text: the text -> token

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def from_files(cls, vocab_json: str | Path, merges_txt: str | Path, **kwargs) -> "CLIPTokenizer":
        """Load ``vocab.json`` + ``merges.txt`` (the ``tokenizer/`` folder of a diffusers SD model)."""
        return cls(*read_vocab_and_merges(vocab_json, merges_txt), **kwargs)

    @classmethod
    def from_folder(cls, folder: str | Path, **kwargs) -> "CLIPTokenizer":
        """Load a diffusers model folder (or its ``tokenizer/`` subfolder).

        Reads ``vocab.json`` + ``merges.txt`` (what SD repositories ship) or, when only that
        is there, the ``tokenizer.json`` that transformers 5 writes; then ``added_tokens.json``.
        """
        folder = Path(folder)
        if (folder / "tokenizer").is_dir():
            folder = folder / "tokenizer"
        vocab, merges, settings = read_folder(folder)
        tokenizer = cls(vocab, merges, **{**settings, **kwargs})
        tokenizer.add_tokens(read_added_tokens(folder, len(tokenizer)))
        return tokenizer

    @classmethod
    def from_bpe_gz(cls, path: str | Path, **kwargs) -> "CLIPTokenizer":
        """Load OpenAI's ``bpe_simple_vocab_16e6.txt.gz``: merges only; the vocabulary is rebuilt from them."""
        lines = gzip.open(path, "rt", encoding="utf-8").read().split("\n")
        merges = [tuple(line.split()) for line in lines[1:49152 - 256 - 2 + 1]]  # line 0 is a version header
        symbols = list(bytes_to_unicode().values())
        symbols = symbols + [s + END_OF_WORD for s in symbols] + ["".join(m) for m in merges] + [BOS, EOS]
        return cls({s: i for i, s in enumerate(symbols)}, merges, **kwargs)

    def save(self, folder: str | Path) -> None:
        """Write ``vocab.json``, ``merges.txt``, ``tokenizer_config.json`` (``model_max_length`` and the special
        tokens) and, when there are added tokens, ``added_tokens.json``, as diffusers and transformers expect them."""
        config = {"tokenizer_class": "CLIPTokenizer", "model_max_length": self.model_max_length, "bos_token": BOS,
                  "eos_token": EOS, "unk_token": EOS, "pad_token": self.decoder[self.pad_id]}
        vocab = {t: i for t, i in self.encoder.items() if t not in self.added_tokens}
        write_folder(folder, config, vocab, self.merges, self.added_tokens)

    def __len__(self) -> int:
        return len(self.encoder)

    def add_tokens(self, tokens: list[str]) -> list[int]:
        """Add whole-word tokens BPE never splits, ids ``len(self)``, ``len(self) + 1``, ... (transformers'
        ``add_tokens``); returns their ids. A token is matched in cleaned text, so "<Ring>" finds "<ring>" too."""
        tokens = [tokens] if isinstance(tokens, str) else list(tokens)
        if not tokens:
            return []
        for token in tokens:
            if not isinstance(token, str) or not clean(token):
                raise ValueError(f"token {token!r} is not a word: give a non-empty str, e.g. '<ring>'.")
            if token in self.encoder or clean(token) in self._added_by_text or tokens.count(token) > 1:
                raise ValueError(f"token {token!r} is already in the vocabulary (or twice in {tokens}); adding it "
                                 "again would leave one of the two unreachable: choose another name, e.g. "
                                 "'<my-concept>'.")
        ids = []
        for token in tokens:
            ids.append(len(self.encoder))
            self.encoder[token], self.decoder[ids[-1]], self.added_tokens[token] = ids[-1], token, ids[-1]
        # leftmost match, longest first at each place ("<tok>_1" before "<tok>"), as tokenizers' added vocabulary
        keys = sorted({clean(t) for t in self.added_tokens}, key=len, reverse=True)
        self._added_pattern = regex.compile("|".join(regex.escape(k) for k in keys))
        self._added_by_text = {clean(t): t for t in self.added_tokens}
        return ids

    def added_run(self, token: str) -> list[str]:
        """``token`` and, for a multi-vector embedding, ``token_1``, ``token_2``, ... (diffusers' naming)."""
        run, i = [token], 1
        while f"{token}_{i}" in self.added_tokens:
            run.append(f"{token}_{i}")
            i += 1
        return run

    # ---- encoding ------------------------------------------------------------------------
    def bpe(self, piece: str) -> list[str]:
        """Merge the byte symbols of one pre-token, lowest-ranked pair first: 'cats' -> ['cats</w>']."""
        if piece in self.cache:
            return self.cache[piece]
        word = tuple(piece[:-1]) + (piece[-1] + END_OF_WORD,)
        while len(word) > 1:
            pair = min(get_pairs(word), key=lambda p: self.bpe_ranks.get(p, float("inf")))
            if pair not in self.bpe_ranks:
                break
            word = merge_pair(word, pair)
        self.cache[piece] = list(word)
        return self.cache[piece]

    def tokenize(self, text: str) -> list[str]:
        """Text -> BPE symbols, e.g. 'a photo' -> ['a</w>', 'photo</w>']."""
        symbols = []
        for part in self._split_specials(text):
            if part in self.specials:
                symbols.append(part)
                continue
            text, start = clean(part, self.openai_cleanup), 0
            for match in self._added_pattern.finditer(text) if self._added_pattern is not None else ():
                symbols.extend(self._bpe_words(text[start:match.start()]))  # added tokens first: BPE never sees them
                symbols.extend(self.added_run(self._added_by_text[match.group()]))
                start = match.end()
            symbols.extend(self._bpe_words(text[start:]))
        return symbols

    def _bpe_words(self, text: str) -> list[str]:
        return [s for piece in pre_tokenize(text) for s in self.bpe(to_byte_symbols(piece))]

    def encode(self, text: str) -> list[int]:
        """Text -> token ids, without BOS/EOS and without padding."""
        if not isinstance(text, str):
            raise TypeError(f"encode takes one prompt as a str, got {type(text).__name__}; "
                            "for a list of prompts call the tokenizer itself: tok(prompts).")
        return [self.encoder[s] for s in self.tokenize(text)]

    def __call__(self, texts: str | list[str], max_length: int | None = None, padding: bool = True,
                 truncation: bool = True, warn: bool = True) -> dict:
        """Batch-encode to ``{'input_ids': (B, L) long, 'attention_mask': (B, L) long}``.

        Each row is BOS + ids + EOS, truncated to ``max_length`` (EOS kept last) and
        padded with ``pad_id``; the mask is 1 on real tokens (BOS and EOS included).
        """
        import torch

        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, (list, tuple)) or not all(isinstance(t, str) for t in texts):
            raise TypeError(f"Pass a prompt (str) or a list of prompts, got {type(texts).__name__}.")
        if not texts:
            raise ValueError("The list of prompts is empty; pass at least one (\"\" is a valid prompt).")
        max_length = max_length or self.model_max_length
        if max_length < 2:
            raise ValueError(f"max_length={max_length} leaves no room for BOS and EOS; use at least 2 (SD uses 77).")
        rows, masks = [], []
        for text in texts:
            ids = self.encode(text)
            if truncation and len(ids) > max_length - 2:
                if warn:
                    dropped = self.decode(ids[max_length - 2:])
                    warnings.warn(f"The prompt is longer than {max_length - 2} tokens; CLIP only sees the first "
                                  f"{max_length - 2}. This part was dropped: {dropped!r}. Split long prompts into "
                                  "chunks with course.text.prompts.chunk.", stacklevel=2)
                ids = ids[: max_length - 2]
            row = [self.bos_id] + ids + [self.eos_id]
            rows.append(row)
        length = max_length if padding else max(len(r) for r in rows)
        for i, row in enumerate(rows):
            masks.append([1] * len(row) + [0] * (length - len(row)))
            rows[i] = row + [self.pad_id] * (length - len(row))
        return {"input_ids": torch.tensor(rows, dtype=torch.long), "attention_mask": torch.tensor(masks, dtype=torch.long)}

    # ---- decoding ------------------------------------------------------------------------
    def decode(self, ids, skip_special_tokens: bool = True) -> str:
        """Ids -> text: join symbols, bytes back to UTF-8, each ``</w>`` becomes a space.

        Whitespace is not stored, so 'a,b' decodes to 'a , b': every pre-token ends a word.
        """
        if hasattr(ids, "tolist"):
            ids = ids.tolist()
        special = {self.bos_id, self.eos_id, self.pad_id}
        data = bytearray()
        for i in ids:
            symbol = self.decoder[int(i)]
            if symbol in self.added_tokens:  # a whole word, not byte symbols
                data += symbol.encode() + b" "
                continue
            if symbol in self.specials:
                if not (skip_special_tokens and int(i) in special):
                    data += symbol.encode() + b" "
                continue
            word_end = symbol.endswith(END_OF_WORD)
            if word_end:
                symbol = symbol[: -len(END_OF_WORD)]
            data += bytes(self.byte_decoder[c] for c in symbol) + (b" " if word_end else b"")
        return data.decode("utf-8", errors="replace").strip(" ")

    def _split_specials(self, text: str) -> list[str]:
        """'a<|endoftext|>b' -> ['a', '<|endoftext|>', 'b']: special tokens are matched before cleaning."""
        return [p for p in self._specials_pattern.split(text) if p]


def train_bpe(texts: list[str], vocab_size: int, verbose: bool = False) -> CLIPTokenizer:
    """Learn CLIP-style merges from a corpus until the vocabulary has ``vocab_size`` entries.

    The start is 512 symbols (each byte alone and with ``</w>``) plus BOS/EOS; each
    round merges the most frequent adjacent pair over all words (ties: the
    alphabetically first pair), so ``vocab_size`` must be at least 514.
    """
    base = list(bytes_to_unicode().values())
    base = base + [s + END_OF_WORD for s in base]
    if vocab_size < len(base) + 2:
        raise ValueError(f"vocab_size={vocab_size} is below the {len(base) + 2} symbols every byte-level CLIP "
                         f"vocabulary starts with (256 bytes, 256 bytes + '</w>', BOS, EOS). Ask for more.")
    word_counts = Counter()
    for text in texts:
        for piece in pre_tokenize(clean(text)):
            symbols = to_byte_symbols(piece)
            word_counts[tuple(symbols[:-1]) + (symbols[-1] + END_OF_WORD,)] += 1
    words = dict(word_counts)  # word as a tuple of symbols -> how often it occurs
    merges = []
    while len(base) + len(merges) + 2 < vocab_size:
        pair_counts = Counter()
        for word, n in words.items():
            for pair in zip(word, word[1:]):
                pair_counts[pair] += n
        if not pair_counts:
            break  # every word is a single symbol: nothing left to merge
        best = min(pair_counts, key=lambda p: (-pair_counts[p], p))
        merges.append(best)
        if verbose:
            print(f"merge {len(merges):4d}: {best[0]!r} + {best[1]!r} (seen {pair_counts[best]} times)")
        words = {merge_pair(w, best): n for w, n in words.items()}
    symbols = base + ["".join(m) for m in merges]
    symbols = list(dict.fromkeys(symbols)) + [BOS, EOS]
    return CLIPTokenizer({s: i for i, s in enumerate(symbols)}, merges)


def openai_vocab_path() -> Path:
    """Where the real CLIP merges are: ``bpe_simple_vocab_16e6.txt.gz`` inside the open-clip-torch wheel.

    Found through package metadata, without importing open_clip (which would need torchvision).
    """
    import importlib.metadata as md

    try:
        path = Path(md.distribution("open-clip-torch").locate_file("open_clip/bpe_simple_vocab_16e6.txt.gz"))
    except md.PackageNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise FileNotFoundError("The real CLIP vocabulary ships in the open-clip-torch wheel, which is not installed. "
                                "Run `make setup`, or `pip install --no-deps open-clip-torch` (--no-deps avoids "
                                "pulling torchvision and CUDA).")
    return path


def load_clip_tokenizer(**kwargs) -> CLIPTokenizer:
    """The tokenizer of SD 1.x (OpenAI's CLIP ViT-L/14 vocabulary, 49,408 entries)."""
    return CLIPTokenizer.from_bpe_gz(openai_vocab_path(), **kwargs)
