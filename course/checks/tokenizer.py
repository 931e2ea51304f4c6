"""Checks for notebook 01: the tokenizer. Each compares a learner's function with course.text.tokenizer."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from course.checks.core import CheckResult, compare
from course.text import tokenizer as ref

__all__ = ["clip_tokenizer", "check_bytes_to_unicode", "check_clean", "check_pre_tokenize", "check_bpe", "check_encode",
           "check_pad", "check_train_bpe"]


@lru_cache(maxsize=None)
def clip_tokenizer() -> ref.CLIPTokenizer:
    """The real CLIP tokenizer, loaded once per process (it takes about a second)."""
    return ref.load_clip_tokenizer()


def _byte_mapped(text: str) -> str:
    """'😊' -> 'ðŁĺĬ': the piece as bytes_to_unicode characters, the form bpe() receives."""
    table = ref.bytes_to_unicode()
    return "".join(table[b] for b in text.encode("utf-8"))


CLEAN_INPUTS = ["A Photo of a CAT", "  leading and trailing spaces  ", "tabs\tand\nnew\r\nlines", "many     spaces",
                "MiXeD CaSe 123", "cafe\u0301 au lait", "ÜNÏCÖDÉ ÀÉÎ", "ＦＵＬＬ ｗｉｄｔｈ", "no\u00a0break\u3000space",
                "東京 Tokyo", "😊 Emoji!", "", "   "]
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
    return compare(fn, ref.bytes_to_unicode, [()], name="bytes_to_unicode",
                   hint="printable bytes ('!'..'~', '¡'..'¬', '®'..'ÿ') map to themselves; the others, in byte "
                        "order, to chr(256), chr(257), ... The difference above names the first byte that maps wrong.")


def check_clean(fn: Callable[[str], str]) -> CheckResult:
    return compare(fn, ref.clean, [(text,) for text in CLEAN_INPUTS], name="clean",
                   hint="NFC-normalise (unicodedata.normalize), turn every run of whitespace into one space, "
                        "strip both ends, and lower-case.")


def check_pre_tokenize(fn: Callable[[str], list[str]]) -> CheckResult:
    texts = [ref.clean(text) for text in PROMPTS[:17]] + ["a cat's 3.5 hats"]
    return compare(fn, ref.pre_tokenize, [(text,) for text in texts], name="pre_tokenize",
                   hint="use regex.findall with the pattern from the text: the contractions first, then runs of "
                        r"letters \p{L}+, single digits \p{N}, and runs of anything else that is not a space.")


def check_bpe(fn: Callable[[str, dict], list[str]]) -> CheckResult:
    tok = clip_tokenizer()
    inputs = [(_byte_mapped(word), tok.bpe_ranks) for word in BPE_WORDS]
    return compare(fn, lambda word, ranks: tok.bpe(word), inputs, name="bpe",
                   hint="start from the single characters with '</w>' glued to the last one; then, again and again, "
                        "merge every occurrence of the pair with the LOWEST rank, until no pair is in ranks.")


def check_encode(fn: Callable[[str], list[int]]) -> CheckResult:
    return compare(fn, clip_tokenizer().encode, [(text,) for text in PROMPTS], name="encode",
                   hint="clean, pre_tokenize, map each piece's UTF-8 bytes through bytes_to_unicode, run bpe on it, "
                        "then look every symbol up in the vocabulary. No BOS/EOS here.")


def check_pad(fn: Callable[..., tuple[list[int], list[int]]]) -> CheckResult:
    tok = clip_tokenizer()
    cases = [("", 77), ("a photo of a cat", 77), ("a " * 75, 77), ("a " * 76, 77), ("cat, " * 100, 77),
             ("a photo of a cat", 5), ("a photo of a cat", 8), ("a photo of a cat", 2), ("a red circle", 77)]
    text_of = {(tuple(tok.encode(text)), n): text for text, n in cases}  # the reference tokenizer wants the text

    def reference(ids: list[int], max_length: int = 77) -> tuple[list[int], list[int]]:
        batch = tok(text_of[tuple(ids), max_length], max_length=max_length, warn=False)
        return batch["input_ids"][0].tolist(), batch["attention_mask"][0].tolist()

    inputs = [(tok.encode(text), n) for text, n in cases[:-1]] + [(tok.encode(cases[-1][0]),)]  # the last: default 77
    return compare(fn, reference, inputs, name="pad",
                   hint="ids = [49406] + ids[:max_length - 2] + [49407], then add 49407 until the length is "
                        "max_length; the mask is 1 for BOS, the ids and EOS, 0 for the padding.")


def check_train_bpe(fn: Callable[[list[str], int], list[tuple[str, str]]]) -> CheckResult:
    def reference(texts: list[str], num_merges: int) -> list[tuple[str, str]]:
        return ref.train_bpe(texts, vocab_size=514 + num_merges).merges

    inputs = [(CAPTIONS, 10), (CAPTIONS, 60), (["a a a b b", "ab ab ba"], 5), (["a cat", "a hat"], 20)]
    return compare(fn, reference, inputs, name="train_bpe",
                   hint="count every adjacent pair over all words (weighted by how often the word occurs), merge "
                        "the most frequent one (ties: the smallest pair, min over (-count, pair)), repeat; stop "
                        "early when no word has two symbols left.")
