"""Checks for notebook 01: the tokenizer. Each compares a learner's function with course.text.tokenizer.

When a value is wrong, the check also tries the usual mistakes (course.checks.tokenizer_slips: the highest rank
merged first, no '</w>', the EOS cut off by truncation, ...) and names the one that gives the learner's value, above
the first difference. The hints come in tiers (course.checks.progress): the check shows the first, a second failure
the next, ``course.checks.hint("bpe", 2)`` any of them; the answers are in solutions/01_tokenizer.ipynb.
"""
from __future__ import annotations

from typing import Callable

from course.checks import progress
from course.checks import tokenizer_slips as slips
from course.checks.core import CheckResult
from course.checks.text_diagnose import check_with_slips
from course.checks.tokenizer_slips import clip_tokenizer
from course.text import tokenizer as ref

__all__ = ["clip_tokenizer", "check_bytes_to_unicode", "check_clean", "check_pre_tokenize", "check_bpe", "check_encode",
           "check_pad", "check_train_bpe"]

TIERS = {  # words only, vaguest first: the check shows the first, each further failure the next
    "bytes_to_unicode": (
        "two groups of bytes: the printable ones keep their own character, and every other byte gets a new "
        "character from U+0100 on, in increasing byte order.",
        "the printable bytes are 33 to 126, 161 to 172 and 174 to 255, ends included; put those in the table first, "
        "each mapped to the character with the same code. Then walk the bytes from 0 to 255 and give each one still "
        "missing the next unused character: code 256 for the first, 257 for the second, and so on.",
        "keep a counter that starts at 0 and goes up by one only when a byte gets a stand-in; the stand-in is the "
        "character whose code is 256 plus that counter. Byte 0 gets 256 and the space, byte 32, gets 288: 'Ġ'.",
    ),
    "clean": (
        "four steps in this order: NFC normalisation, every run of whitespace to one space, strip both ends, lower "
        "case.",
        "NFC comes from the unicodedata module; the whitespace runs are one regular-expression substitution with "
        "the class of all whitespace; lower-case one character at a time and join the characters back, because "
        "Python's lower on the whole string treats a final Greek sigma specially.",
        "check each step on the examples: 'cafe' with a combining accent must become four characters, a tab and a "
        "newline between two words become one space, and 'ΟΔΟΣ' becomes 'οδοσ' with the ordinary sigma.",
    ),
    "pre_tokenize": (
        "one regular expression, applied with findall from the regex module, cuts the cleaned text into pieces; "
        "spaces never end up in a piece.",
        "the pattern has four alternatives joined by bars, in this order: the seven contractions, a run of letters "
        "of any script, a single digit, and a run of anything that is neither space, letter nor digit.",
        "write the letters as the Unicode class of letters with a plus, the digit as the Unicode class of numbers "
        "without a plus, and the last part as a negated class of space, letter and number with a plus. The "
        "built-in re module does not know these classes; the regex module does.",
    ),
    "bpe": (
        "start from the single characters of the word with the end-of-word marker glued to the last one; then, "
        "round after round, merge the adjacent pair with the LOWEST rank, until no adjacent pair is in ranks.",
        "each round: list the adjacent pairs, keep those that appear in ranks, stop if none is left, otherwise take "
        "the one with the smallest rank and replace every occurrence of it, left to right and without overlaps, by "
        "the two symbols joined; merge_pair above does that replacement.",
        "stop also when one symbol is left. Only the rank decides which pair goes next, not its place in the word: "
        "the run on 'astronaut' above shows that order, and your function must reproduce it.",
    ),
    "encode": (
        "chain what you wrote: clean the text, cut it into pieces, and turn each piece into ids; no BOS or EOS here.",
        "for each piece: take its UTF-8 bytes, map every byte through your bytes_to_unicode table and join the "
        "characters, run bpe with the tokenizer's ranks on that string, and look each resulting symbol up in the "
        "tokenizer's encoder dictionary.",
        "build the byte table once, outside the loop. The ids of all pieces go into one flat list, in order; for "
        "the astronaut prompt it starts with 320, the id of 'a</w>'.",
    ),
    "pad": (
        "the row is BOS, then the prompt's ids, then EOS, then EOS again as padding until the row has max_length "
        "ids; the mask marks the real tokens.",
        "truncate before adding EOS: keep only the first max_length minus 2 ids, because BOS and EOS take two "
        "places. The mask is 1 for BOS, the kept ids and the first EOS, and 0 for every padding position.",
        "both lists have exactly max_length items. max_length needs a default of 77, and a prompt of 100 ids keeps "
        "75 of them, with EOS still the last real token.",
    ),
    "train_bpe": (
        "count the words of the corpus as tuples of byte symbols with the end-of-word marker on the last one; then "
        "repeat: count every adjacent pair, record the most frequent, and merge it in every word.",
        "each word's pairs count as many times as the word occurs. Among pairs with the same count take the "
        "smallest pair, so the result does not depend on the order of the corpus; stop early when no word has two "
        "symbols left.",
        "the words come from your clean and pre_tokenize, each piece mapped through bytes_to_unicode. The most "
        "frequent pair, ties to the smallest, is the minimum over the pairs of minus its count and the pair itself. "
        "After recording it, rebuild the word counts with merge_pair applied to every word.",
    ),
}
SECTIONS = {"bytes_to_unicode": "§1", "clean": "§2", "pre_tokenize": "§2", "bpe": "§3", "encode": "§4", "pad": "§5",
            "train_bpe": "§6"}
for _name, _tiers in TIERS.items():
    progress.register(_name, "01_tokenizer", SECTIONS[_name], *_tiers)


def _byte_mapped(text: str) -> str:
    """'😊' -> 'ðŁĺĬ': the piece as bytes_to_unicode characters, the form bpe() receives."""
    table = ref.bytes_to_unicode()
    return "".join(table[b] for b in text.encode("utf-8"))


CLEAN_INPUTS = ["A Photo of a CAT", "  leading and trailing spaces  ", "tabs\tand\nnew\r\nlines", "many     spaces",
                "MiXeD CaSe 123", "cafe\u0301 au lait", "ÜNÏCÖDÉ ÀÉÎ", "ＦＵＬＬ ｗｉｄｔｈ", "no\u00a0break\u3000space",
                "東京 Tokyo", "😊 Emoji!", "", "   ", "ΟΔΟΣ ΣΟΦΙΑΣ"]
PROMPTS = [  # A1111-style weights and commas, contractions, digits, emoji, accents, CJK, odd spacing, a long one
    "a photo of an astronaut riding a horse on mars", "masterpiece, best quality, (red hair:1.2), [blurry], ((eyes))",
    "(((best quality))), {{{eyes}}}, [[[background]]], (dog:0.8) AND cat", "<lora:add_detail:0.5> portrait, 85mm",
    "it's a cat's toy, don't, we're, they've, I'm, you'll, he'd", "1girl, 2boys, 1920x1080, 4k, 8k uhd, 3.5mm lens",
    "emoji 😊🚀 party 🎉", "café crème brûlée, naïve façade, cafe\u0301", "東京の夜景, 北京 and 서울",
    "  Extra   spaces\tand\nnewlines  ", "UPPER lower MiXeD", "", "hello!!! what?!... #hashtag @user 100%",
    "photorealistic, hyperdetailed, octane render, trending on artstation, by greg rutkowski", "a_b-c/d\\e|f",
    "résumé vs resume, ÜNÏCÖDÉ", "pixel art of a knight, 16-bit, antidisestablishmentarianism", "rock &amp; roll",
    "a cat, " * 30, "xylophonist qwertyuiop zzzzzzz",
]
BPE_WORDS = ["cats", "astronaut", "😊", "aaaaaa", "lollipop", "a", "x", "!", "'s", "zzzzzzz", "bbbbbbbbb", "ababab",
             "hippopotamus", "photorealistic", "rutkowski", "xylophonist", "qwertyuiop", "東京", "naïve",
             "antidisestablishmentarianism"]
CAPTIONS = [
    "a red circle on a blue background", "a blue square on a red background", "a green triangle above a red circle",
    "two red circles next to a green square", "a small blue circle", "a large green square on a white background",
    "a red square below a blue triangle", "three green triangles", "a white circle on a black background",
    "a black square next to a white triangle", "a red, red circle!", "the blue square's corner",
    "a circle inside a square", "a square inside a circle", "red and blue and green",
]


def check_bytes_to_unicode(fn: Callable[[], dict[int, str]]) -> CheckResult:
    return check_with_slips(fn, ref.bytes_to_unicode, [()], slips.BYTES_SLIPS, name="bytes_to_unicode",
                            hint=TIERS["bytes_to_unicode"][0] + " The difference below names the first byte that maps "
                                                                "wrong.")


def check_clean(fn: Callable[[str], str]) -> CheckResult:
    return check_with_slips(fn, ref.clean, [(text,) for text in CLEAN_INPUTS], slips.CLEAN_SLIPS, name="clean",
                            hint=TIERS["clean"][0])


def check_pre_tokenize(fn: Callable[[str], list[str]]) -> CheckResult:
    texts = [ref.clean(text) for text in PROMPTS[:17]] + ["a cat's 3.5 hats"]
    return check_with_slips(fn, ref.pre_tokenize, [(text,) for text in texts], slips.PRE_TOKENIZE_SLIPS,
                            name="pre_tokenize", hint=TIERS["pre_tokenize"][0], errors=slips.PRE_TOKENIZE_ERRORS)


def check_bpe(fn: Callable[[str, dict], list[str]]) -> CheckResult:
    tok = clip_tokenizer()
    inputs = [(_byte_mapped(word), tok.bpe_ranks) for word in BPE_WORDS]
    return check_with_slips(fn, lambda word, ranks: tok.bpe(word), inputs, slips.BPE_SLIPS, name="bpe",
                            hint=TIERS["bpe"][0])


def check_encode(fn: Callable[[str], list[int]]) -> CheckResult:
    return check_with_slips(fn, clip_tokenizer().encode, [(text,) for text in PROMPTS], slips.ENCODE_SLIPS,
                            name="encode", hint=TIERS["encode"][0], errors=slips.ENCODE_ERRORS,
                            needs=("bytes_to_unicode", "clean", "pre_tokenize", "bpe"))


def check_pad(fn: Callable[..., tuple[list[int], list[int]]]) -> CheckResult:
    tok = clip_tokenizer()
    cases = [("", 77), ("a photo of a cat", 77), ("a " * 75, 77), ("a " * 76, 77), ("cat, " * 100, 77),
             ("a photo of a cat", 5), ("a photo of a cat", 8), ("a photo of a cat", 2), ("a red circle", 77)]
    text_of = {(tuple(tok.encode(text)), n): text for text, n in cases}  # the reference tokenizer wants the text

    def reference(ids: list[int], max_length: int = 77) -> tuple[list[int], list[int]]:
        batch = tok(text_of[tuple(ids), max_length], max_length=max_length, warn=False)
        return batch["input_ids"][0].tolist(), batch["attention_mask"][0].tolist()

    inputs = [(tok.encode(text), n) for text, n in cases[:-1]] + [(tok.encode(cases[-1][0]),)]  # the last: default 77
    return check_with_slips(fn, reference, inputs, slips.PAD_SLIPS, name="pad", hint=TIERS["pad"][0],
                            errors=slips.PAD_ERRORS)


def check_train_bpe(fn: Callable[[list[str], int], list[tuple[str, str]]]) -> CheckResult:
    def reference(texts: list[str], num_merges: int) -> list[tuple[str, str]]:
        return ref.train_bpe(texts, vocab_size=514 + num_merges).merges

    inputs = [(CAPTIONS, 10), (CAPTIONS, 60), (["a a a b b", "ab ab ba"], 5), (["a cat", "a hat"], 20)]
    return check_with_slips(fn, reference, inputs, slips.TRAIN_BPE_SLIPS, name="train_bpe", hint=TIERS["train_bpe"][0],
                            errors=slips.TRAIN_BPE_ERRORS, needs=("bytes_to_unicode", "clean", "pre_tokenize"))
