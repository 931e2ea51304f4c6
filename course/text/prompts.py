"""The prompt syntax of AUTOMATIC1111's stable-diffusion-webui, rebuilt from scratch: emphasis and chunks.

What people type into A1111 is more than plain text. Four small languages live in it; the two that shape the
text encoder's input are here, the two that act during sampling are in course.text.prompt_schedule:

    parse_emphasis  "a (red:1.5) [car]"      -> [('a ', 1.0), ('red', 1.5), (' ', 1.0), ('car', 0.909...)]
    chunk           a prompt of any length   -> 77-token Chunks: BOS + 75 ids + EOS, and a weight per id
    schedule        "a [cat:dog:0.5]", 10    -> [(5, 'a cat'), (10, 'a dog')]        (prompt_schedule)
    parse_and       "a cat AND a dog:0.5"    -> [('a cat', 1.0), (' a dog', 0.5)]     (prompt_schedule)

A1111 applies them in the order parse_and -> schedule -> chunk: AND splits the prompt into
sub-prompts, each sub-prompt gets its own text per sampling step, and each of those texts is
tokenized into chunks (chunk calls parse_emphasis). The small checks at the top (check_str, whole_number,
parse_weight, ...) serve both modules.

The reference is A1111 1.5's modules/prompt_parser.py (parse_prompt_attention) and modules/sd_hijack_clip.py
(tokenize_line), quirks included, checked against 3,000 prompts run through A1111's own code
(tests/test_a1111_vectors.py). Two quirks a learner meets:
- BREAK inside brackets is weighted like any text: "(a BREAK b)" gives ("BREAK", -1.1), which is no longer
  the marker ("BREAK", -1.0), so the text encoder gets the word "BREAK" with weight -1.1 and no new chunk.
- The weight must follow the colon at once: "(red: 1.5)" is the text "red: 1.5" weighted 1.1 (A1111 1.6
  and later read it as 1.5).

Deliberate differences, where A1111 fails (how many reference prompts they concern: docs/results.md):
- "(x:1.2.3)", "(x:.)": A1111 raises ValueError (float("1.2.3")); here the colon and the digits are text
  inside the round bracket. tests/test_a1111_vectors.py skips exactly the prompts where A1111 raised, after
  checking that this is why.
- More than MAX_DEPTH brackets open at once are refused (ValueError): closing a bracket rescales every run
  since it opened, so deeper nesting costs time quadratic in the prompt's length.
- A weight that overflows to inf ("(x:999...9)" with 400 digits, or nested weights multiplying out) is
  refused: A1111 passes it on and the picture comes out black.
"""
from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass

__all__ = ["Chunk", "parse_emphasis", "chunk", "match_chunk_counts"]

ROUND, SQUARE = 1.1, 1 / 1.1  # (x) multiplies attention by 1.1, [x] by 1/1.1 (A1111 multiplies, never divides)
BREAK = ("BREAK", -1.0)  # the marker run that parse_emphasis returns for the word BREAK, and chunk looks for
# 3, 3., 3.5, .5, -1.2. Written so that a digit can be read in one way only: '\d+\.?\d*' would let the
# two digit runs share a long number in every possible split, and a regex that fails after such a number
# (':111...1x') then tries them all, which takes time quadratic in the number's length.
NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
# More brackets open at once are refused. Closing a bracket rescales every run written since it opened,
# so a run costs one multiplication per bracket around it: the limit keeps parsing linear in the prompt's
# length. Far above what anyone types: 100 nested (x) weight by 1.1**100, about 14000.
MAX_DEPTH = 100


def check_str(value: object, name: str) -> None:
    # A wrong type, not a bad value: TypeError, like course.text.tokenizer's encode
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}; pass the prompt text.")


def whole_number(value: object, name: str, least: int, example: str) -> int:
    """value as a plain int (numpy integers too), refused unless it is a whole number >= least."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least:
        raise ValueError(f"{name}={value!r}: pass a whole number >= {least} ({example}).")
    return int(value)


def excerpt(text: str, limit: int = 40) -> str:
    """The text itself, or its start and end around '…' when it is long (for error messages)."""
    return text if len(text) <= limit else f"{text[:limit - 12]}…{text[-11:]}"


def too_deep(text: str, pos: int, what: str) -> ValueError:
    return ValueError(f"The prompt nests brackets more than {MAX_DEPTH} deep ({what}; bracket {MAX_DEPTH + 1} "
                      f"opens at character {pos}: {excerpt(text[pos:])!r}); remove some brackets, or write a "
                      "literal bracket as \\( or \\[.")


def parse_weight(number: str, where: str, example: str = "(word:1.2)") -> float:
    """float(number), refused when it overflows to inf: an infinite weight gives a black picture."""
    value = float(number)
    if not math.isfinite(value):
        raise ValueError(f"The weight {excerpt(number)} in {excerpt(where)!r} is too large ({value} as a float); "
                         f"use a weight in the usual range 0..2, e.g. {example}.")
    return value


# ---- 1. emphasis: (x) [x] (x:1.5) ---------------------------------------------------------------
EMPHASIS_TOKEN = re.compile(rf"""
    (?P<escaped>\\[()\[\]\\])            # \( \) \[ \] \\ : the character itself
  | :(?P<weight>{NUMBER})\)               # ':1.5)' closes a '(' with a weight; no space around the number
  | [()\[\]]                              # an opening or closing bracket
  | [^\\()\[\]:]+ | :                     # plain text; a ':' that starts no weight is text too
  | \\                                    # any other backslash: an empty piece of text, as in A1111
""", re.VERBOSE)
BREAK_WORD = re.compile(r"\bBREAK\b")


def _split_break(token: str) -> list[str]:
    """'a BREAK b' -> ['a', 'b']: the pieces around each word BREAK, without the whitespace next to it.

    The same as splitting at the regex ``\\s*\\bBREAK\\b\\s*``, whose search would read a long run of
    whitespace again from each of its characters (quadratic time). str.strip strips what ``\\s`` matches.
    """
    pieces = BREAK_WORD.split(token)
    for i in range(len(pieces) - 1):  # the whitespace before a BREAK and after it belongs to no piece
        pieces[i] = pieces[i].rstrip()
        pieces[i + 1] = pieces[i + 1].lstrip()
    return pieces


def parse_emphasis(text: str) -> list[tuple[str, float]]:
    """Split a prompt into (text, weight) runs: A1111's attention syntax (parse_prompt_attention).

    ``(x)`` x1.1, ``[x]`` x1/1.1, ``(x:1.5)`` x1.5; nesting multiplies; ``\\(`` ``\\)`` ``\\[`` ``\\]``
    ``\\\\`` are literal characters. A bracket never closed weights the rest of the text; a closing
    bracket never opened is text. The uppercase word BREAK becomes the run BREAK = ("BREAK", -1.0), with
    the text before and after it as runs of their own (empty ones too: "a BREAK" ends in ("", 1.0)).
    Brackets around a BREAK weight it like any run, and then it is no marker: chunk encodes the word.
    Neighbouring runs of equal weight are merged, whatever they hold; empty text gives [("", 1.0)].
    Refused (ValueError): more than MAX_DEPTH brackets open at once, and a weight that overflows to inf.

    >>> parse_emphasis("a ((cat)) [dog]")
    [('a ', 1.0), ('cat', 1.2100000000000002), (' ', 1.0), ('dog', 0.9090909090909091)]
    """
    check_str(text, "text")
    pieces: list[str] = []  # one per run, in the order A1111 appends them (empty ones too)
    weights: list[float] = []  # one per run; closing a bracket rescales the runs written since it opened
    opened: dict[str, list[int]] = {"(": [], "[": []}  # for each open bracket: index of its first run

    def scale(start: int, factor: float) -> None:
        # Each run is multiplied in turn, in the order the brackets close, as A1111 does: float
        # products depend on the order, and the result must be the same to the last bit.
        weights[start:] = [weight * factor for weight in weights[start:]]

    for m in EMPHASIS_TOKEN.finditer(text):
        token = m.group(0)
        if token[0] == "\\":  # an escaped character, or the lone backslash's empty piece
            pieces.append(token[1:])
            weights.append(1.0)
        elif m.group("weight") is not None and opened["("]:
            scale(opened["("].pop(), parse_weight(m.group("weight"), text[max(0, m.start() - 20):m.end()]))
        elif token in ("(", "["):
            if len(opened["("]) + len(opened["["]) == MAX_DEPTH:
                raise too_deep(text, m.start(), "brackets never closed count too: they weight the rest")
            opened[token].append(len(weights))
        elif token == ")" and opened["("]:
            scale(opened["("].pop(), ROUND)
        elif token == "]" and opened["["]:
            scale(opened["["].pop(), SQUARE)
        else:  # text, ':', or a closing bracket nobody opened
            for i, part in enumerate(_split_break(token)):
                if i > 0:
                    pieces.append(BREAK[0])
                    weights.append(BREAK[1])
                pieces.append(part)
                weights.append(1.0)
    for start in opened["("]:  # unclosed brackets reach to the end of the text
        scale(start, ROUND)
    for start in opened["["]:
        scale(start, SQUARE)

    merged: list[tuple[list[str], float]] = []  # joined once at the end: adding strings one by one is quadratic
    for piece, weight in zip(pieces, weights):
        if merged and merged[-1][1] == weight:
            merged[-1][0].append(piece)
        else:
            merged.append(([piece], weight))
    result = [("".join(run), weight) for run, weight in merged]
    for piece, weight in result:
        if not math.isfinite(weight):
            raise ValueError(f"The weight of {excerpt(piece)!r} multiplies out to {weight}: nested weights "
                             "overflow; use weights in the usual range 0..2, e.g. (word:1.2).")
    return result or [("", 1.0)]


# ---- 2. chunks of 75 tokens ---------------------------------------------------------------------
@dataclass
class Chunk:
    """One text-encoder input: BOS + up to 75 token ids + EOS, padded to 77, and one weight per id."""

    ids: list[int]
    weights: list[float]

    def __post_init__(self) -> None:
        if len(self.ids) != len(self.weights):
            raise ValueError(f"Chunk has {len(self.ids)} ids but {len(self.weights)} weights; give one weight per id.")

    def __repr__(self) -> str:
        return f"Chunk(ids={_short(self.ids)}, weights={_short(self.weights)})"


def _short(values: list) -> str:
    """[1, 2, 7, 7, 7, 7] -> '[1, 2, 7 ×4]': the padding at the end is written once, with its count."""
    start = len(values)
    while start > 0 and values[start - 1] == values[-1]:
        start -= 1
    if len(values) - start < 3:
        return str(list(values))
    return "[" + ", ".join([*map(str, values[:start]), f"{values[-1]} ×{len(values) - start}"]) + "]"


def chunk(prompt: str, tokenizer, chunk_length: int = 75, comma_backtrack: int = 20) -> list[Chunk]:
    """Tokenize a prompt of any length into Chunks of ``chunk_length`` tokens (A1111's tokenize_line).

    Each emphasis run is tokenized on its own and its weight copied to its tokens. A chunk is
    closed when it holds ``chunk_length`` tokens or at the marker run BREAK (a BREAK that brackets
    weighted is no marker: its word is tokenized, as A1111 does). When a full chunk has a
    comma among its last ``comma_backtrack`` tokens, the tokens after that comma move on to the
    next chunk, so a phrase is not cut in two (A1111's "comma_padding_backtrack"; 0 turns it off).
    Each chunk is BOS + tokens + EOS + padding (``tokenizer.pad_id``), weight 1.0 on BOS/EOS/padding.

    The text encoder encodes every chunk on its own and concatenates the outputs along the token
    axis, giving context of shape (B, 77·k, D) for k chunks; it multiplies each output vector by its
    weight (A1111 then rescales so the mean of the output is unchanged). Below, tok is
    course.text.tokenizer.load_clip_tokenizer(), SD 1.x's tokenizer.

    >>> chunk("a (red:1.5) car BREAK dog", tok)  # doctest: +NORMALIZE_WHITESPACE
    [Chunk(ids=[49406, 320, 736, 1615, 49407 ×73], weights=[1.0, 1.0, 1.5, 1.0 ×74]),
     Chunk(ids=[49406, 1929, 49407 ×75], weights=[1.0 ×77])]
    """
    check_str(prompt, "prompt")
    chunk_length = whole_number(chunk_length, "chunk_length", 1, "CLIP's 77 = BOS + 75 + EOS")
    comma_backtrack = whole_number(comma_backtrack, "comma_backtrack", 0, "20 as A1111, 0 = off")
    comma = tokenizer.encoder.get(",</w>")
    chunks: list[Chunk] = []
    ids: list[int] = []  # the chunk being filled, without BOS/EOS
    weights: list[float] = []
    last_comma = -1  # index in ids of the last comma, -1 if none

    def close(keep: int) -> None:
        """Finish a chunk with the first ``keep`` tokens; the rest start the next one."""
        nonlocal ids, weights, last_comma
        pad = chunk_length - keep
        chunks.append(Chunk([tokenizer.bos_id, *ids[:keep], tokenizer.eos_id] + [tokenizer.pad_id] * pad,
                            [1.0, *weights[:keep], 1.0] + [1.0] * pad))
        ids, weights, last_comma = ids[keep:], weights[keep:], -1

    for text, weight in parse_emphasis(prompt):
        if (text, weight) == BREAK:
            close(len(ids))
            continue
        for token in tokenizer.encode(text):
            if token == comma:
                last_comma = len(ids)
            elif len(ids) == chunk_length and last_comma >= 0 and len(ids) - last_comma <= comma_backtrack:
                close(last_comma + 1)  # the tokens after the comma move to the next chunk
            if len(ids) == chunk_length:
                close(len(ids))
            ids.append(token)
            weights.append(weight)
    if ids or not chunks:  # the last, partly filled chunk; the empty prompt still gets one chunk
        close(len(ids))
    return chunks


def match_chunk_counts(cond: list[Chunk], uncond: list[Chunk], tokenizer) -> tuple[list[Chunk], list[Chunk]]:
    """Pad the shorter of cond/uncond with empty-prompt chunks so both have as many chunks.

    >>> [len(c) for c in match_chunk_counts(chunk("cat " * 100, tok), chunk("", tok), tok)]
    [2, 2]
    """
    # Guidance runs the UNet once on [uncond, cond], so both contexts need the same length 77·k.
    # Current A1111 (1.6+), when the lengths differ, by default runs the UNet twice instead; its
    # option "Pad prompt/negative prompt" (pad_cond_uncond) appends the encoded empty prompt to the
    # shorter one, which is what we always do: chunks are encoded one by one, so an empty chunk
    # encodes to exactly that tensor. The UNet attends to the extra tokens, so the image differs a
    # little from two separate calls (A1111: "changes seeds"). pad_cond_uncond_v0 (DDIM before 1.6)
    # repeated uncond's last vector instead.
    if not cond or not uncond:
        raise ValueError("cond and uncond must each hold at least one Chunk; chunk('') gives the empty prompt's.")
    lengths = {len(c.ids) for c in [*cond, *uncond]}
    if len(lengths) != 1:
        raise ValueError(f"All chunks must have the same length, got lengths {sorted(lengths)}; "
                         "make cond and uncond with the same chunk_length.")
    n, chunk_length = max(len(cond), len(uncond)), lengths.pop() - 2
    return ([*cond] + [chunk("", tokenizer, chunk_length)[0] for _ in range(n - len(cond))],
            [*uncond] + [chunk("", tokenizer, chunk_length)[0] for _ in range(n - len(uncond))])
