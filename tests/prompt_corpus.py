"""A seeded generator of varied prompts for tokenizer parity tests and benchmarks.

It mixes what people really type into Stable Diffusion (A1111 weights, commas, long
tag lists) with what breaks tokenizers (punctuation runs, digits, contractions,
emoji, CJK and other scripts, decomposed accents, html entities, odd whitespace).
"""
from __future__ import annotations

import random

SUBJECTS = ["a cat", "an astronaut", "a red circle", "portrait of a woman", "1girl", "a castle", "two dogs",
            "a bowl of ramen", "cyberpunk city", "an old man's face", "the Eiffel Tower", "a robot"]
STYLES = ["masterpiece", "best quality", "highly detailed", "8k", "trending on artstation", "oil painting",
          "by Greg Rutkowski", "octane render", "sharp focus", "bokeh", "4K UHD", "HDR", "f/1.8", "35mm"]
SCRIPTS = ["一只戴着帽子的猫", "東京の夜景", "고양이와 강아지", "кошка на крыше", "قطة جميلة", "बिल्ली", "แมวน่ารัก",
           "γάτα ΟΔΟΣ", "חתול", "Ελληνικά", "naïve café", "straße", "ÅNGSTRÖM", "İstanbul", "ﬁne ligature"]
EMOJI = ["🐱", "🐶", "🚀", "👩‍🚀", "🏳️‍🌈", "❤️", "✨✨", "🇯🇵", "👍🏽", "🤖"]
PUNCT = ["!!!", "...", "?!", "--", "~~", "***", "@@", "#tag", "$100", "50%", "&&", "||", "<>", "{}", ";;", "\"quoted\"",
         "'single'", "`code`", "a/b", "c:\\path", "—", "…", "«»", "¿¡"]
WORDS = ["don't", "it's", "we're", "they've", "I'm", "we'll", "he'd", "CAN'T", "o'clock", "rock'n'roll", "'til"]
ENTITIES = ["&amp;", "&lt;3", "&gt;", "&quot;", "&#39;", "&nbsp;", "&copy;", "&eacute;", "&amp;amp;"]
SPACES = ["  ", "\t", "\n", "\u00a0", "\u3000", "\u2003", " \n\t ", "\u200b", "\u2028", "\x1c"]
NUMBERS = ["2024", "3.14159", "1,000,000", "0.5", "1e-5", "½", "²", "٣", "১২", "Ⅻ"]
SPECIAL = ["<|endoftext|>", "<|startoftext|>", "<|ENDOFTEXT|>", "<|endoftext", "endoftext|>"]


def decompose_accents(text: str) -> str:
    """'é' written as 'e' + a combining acute accent: NFC must put it back together."""
    import unicodedata

    return unicodedata.normalize("NFD", text)


def weighted(rng: random.Random, text: str) -> str:
    """Wrap text in one of A1111's emphasis forms."""
    form = rng.choice(["({})", "(({}))", "[{}]", "({}:{w})", "[[{}]]", "\\({}\\)", "({}:{w}) BREAK"])
    return form.format(text, w=rng.choice(["1.2", "0.8", "1.5", "-1", "2"]))


def make_prompt(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:  # an A1111-style tag list
        parts = [rng.choice(SUBJECTS)] + rng.sample(STYLES, rng.randint(1, 6))
        parts = [weighted(rng, p) if rng.random() < 0.3 else p for p in parts]
        return rng.choice([", ", ",", " , ", ",  "]).join(parts)
    if kind < 0.55:  # far past 77 tokens
        return ", ".join(rng.choice(SUBJECTS + STYLES) for _ in range(rng.randint(30, 120)))
    pools = [SUBJECTS, STYLES, SCRIPTS, EMOJI, PUNCT, WORDS, ENTITIES, NUMBERS, SPECIAL]
    pieces = [rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 12))]
    text = ""
    for piece in pieces:
        text += piece + (rng.choice(SPACES) if rng.random() < 0.2 else rng.choice([" ", "", ", "]))
    if rng.random() < 0.1:
        text = decompose_accents(text)
    if rng.random() < 0.1:
        text = text.upper()
    return text


def make_corpus(n: int = 10_000, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [make_prompt(rng) for _ in range(n)]
