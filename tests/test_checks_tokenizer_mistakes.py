"""Notebook 01's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass;
the hints are words, and they get closer with each failure."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
import regex
from test_learner_notebooks import code_in  # the detector the stub hints pass
from verdicts import fails, passes

from course import checks
from course.checks import progress
from course.checks.tokenizer import TIERS
from course.text import tokenizer as ref
from course.text.tokenizer import merge_pair

TOK = checks.clip_tokenizer()
PRINTABLE = [*range(33, 127), *range(161, 173), *range(174, 256)]


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


def diagnosed(result, capsys, words: str) -> str:
    out = fails(result, capsys)
    first = out.split("\n", 1)[0]
    assert first.startswith(f"✗ {result.message[2:].split(':', 1)[0]}: it looks like "), out
    assert words in first, f"expected {words!r} on the first line:\n{out}"
    assert "\n  hint: " in out and ("first mismatch" in out or " raised " in out), out  # the report stays below
    return out


# ---- §1 bytes_to_unicode --------------------------------------------------------------------------------

def shifted_by_byte():
    table = {b: chr(b) for b in PRINTABLE}
    for b in range(256):
        if b not in table:
            table[b] = chr(256 + b)
    return table


def counting_from_one():
    table, n = {b: chr(b) for b in PRINTABLE}, 0
    for b in range(256):
        if b not in table:
            n += 1
            table[b] = chr(256 + n)
    return table


def with_printable(printable):
    def learner():
        table = {b: chr(b) for b in printable}
        rest = [b for b in range(256) if b not in table]
        table.update({b: chr(256 + n) for n, b in enumerate(rest)})
        return table
    return learner


BYTES_MISTAKES = {
    "every_byte_to_itself": (lambda: {b: chr(b) for b in range(256)}, "every byte maps to itself"),
    "shifted_by_256": (shifted_by_byte, "shifted by 256 (byte b became chr(256 + b))"),
    "counting_from_257": (counting_from_one, "the stand-ins start at chr(257)"),
    "ranges_one_short": (with_printable([*range(ord("!"), ord("~")), *range(ord("¡"), ord("¬")),
                                         *range(ord("®"), ord("ÿ"))]), "the printable ranges stop one short"),
    "space_printable": (with_printable([*range(32, 127), *range(161, 173), *range(174, 256)]),
                        "the space (byte 32) counts as printable"),
    "soft_hyphen_printable": (with_printable([*range(33, 127), *range(161, 256)]),
                              "the soft hyphen (byte 173) counts as printable"),
    "ascii_only": (with_printable(range(33, 127)), "only ASCII '!'..'~' counts as printable"),
}


@pytest.mark.parametrize("mistake", BYTES_MISTAKES)
def test_bytes_to_unicode_mistakes(mistake, capsys):
    fn, words = BYTES_MISTAKES[mistake]
    diagnosed(checks.check_bytes_to_unicode(fn), capsys, words)


# ---- §2 clean ----------------------------------------------------------------------------------------------

def lower_chars(text):
    return "".join(c.lower() for c in text)


CLEAN_MISTAKES = {
    "no_lower_case": (lambda t: " ".join(unicodedata.normalize("NFC", t).split()), "you did not lower-case"),
    "str_lower": (lambda t: " ".join(unicodedata.normalize("NFC", t).split()).lower(), "lower-cased with str.lower()"),
    "no_nfc": (lambda t: lower_chars(" ".join(t.split())), "the NFC normalisation is missing"),
    "nfkc": (lambda t: lower_chars(" ".join(unicodedata.normalize("NFKC", t).split())), "normalised with NFKC"),
    "nfd": (lambda t: lower_chars(" ".join(unicodedata.normalize("NFD", t).split())), "normalised with NFD"),
    "only_spaces_squeezed": (lambda t: lower_chars(re.sub(" +", " ", unicodedata.normalize("NFC", t)).strip()),
                             "only runs of spaces became one space"),
    "whitespace_not_squeezed": (lambda t: lower_chars(unicodedata.normalize("NFC", t).strip()),
                                "runs of whitespace were not squeezed"),
    "not_stripped": (lambda t: lower_chars(regex.sub(r"\s+", " ", unicodedata.normalize("NFC", t))),
                     "the spaces at both ends are still there"),
}


@pytest.mark.parametrize("mistake", CLEAN_MISTAKES)
def test_clean_mistakes(mistake, capsys):
    fn, words = CLEAN_MISTAKES[mistake]
    diagnosed(checks.check_clean(fn), capsys, words)


# ---- §2 pre_tokenize ----------------------------------------------------------------------------------------

def findall(pattern):
    return lambda text: regex.findall(pattern, text)


C = "'s|'t|'re|'ve|'m|'ll|'d"
PRE_TOKENIZE_MISTAKES = {
    "split_on_spaces": (str.split, "you split on spaces only"),
    "no_contractions": (findall(r"\p{L}+|\p{N}|[^\s\p{L}\p{N}]+"), "the contractions are missing"),
    "contractions_last": (findall(r"\p{L}+|\p{N}|[^\s\p{L}\p{N}]+|" + C), "the contractions are missing"),
    "digit_runs": (findall(C + r"|\p{L}+|\p{N}+|[^\s\p{L}\p{N}]+"), "digits were kept together"),
    "ascii_letters": (findall(C + r"|[a-zA-Z]+|[0-9]|[^\sa-zA-Z0-9]+"), "letters are ASCII only"),
    "single_punctuation": (findall(C + r"|\p{L}+|\p{N}|[^\s\p{L}\p{N}]"), "punctuation was cut into single"),
    "word_characters": (findall(C + r"|\w+|[^\s\w]+"), r"you used \w"),
    "gpt2_pattern": (findall(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""),
                     "you used GPT-2's pattern"),
    "re_module": (lambda text: re.findall(C + r"|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", text),
                  "Python's built-in re module does not know"),
}


@pytest.mark.parametrize("mistake", PRE_TOKENIZE_MISTAKES)
def test_pre_tokenize_mistakes(mistake, capsys):
    fn, words = PRE_TOKENIZE_MISTAKES[mistake]
    diagnosed(checks.check_pre_tokenize(fn), capsys, words)


# ---- §3 bpe --------------------------------------------------------------------------------------------

def bpe_like(pick=min, start=lambda w: list(w[:-1]) + [w[-1] + "</w>"], merge=lambda s, p: list(merge_pair(s, p))):
    def bpe(word, ranks):
        symbols = start(word)
        while len(symbols) > 1:
            pairs = [p for p in zip(symbols, symbols[1:]) if p in ranks]
            if not pairs:
                break
            symbols = merge(symbols, pick(pairs, key=ranks.get) if pick in (min, max) else pairs[0])
        return symbols
    return bpe


def replace_merge(symbols, pair):
    return " ".join(symbols).replace(" ".join(pair), "".join(pair)).split(" ")


BPE_MISTAKES = {
    "highest_rank_first": (bpe_like(pick=max), "merged the pair with the HIGHEST rank first"),
    "left_to_right": (bpe_like(pick="leftmost"), "merged the first mergeable pair from the left"),
    "no_end_of_word": (bpe_like(start=list), "the end-of-word marker is missing"),
    "end_of_word_apart": (bpe_like(start=lambda w: list(w) + ["</w>"]), "'</w>' is a symbol of its own"),
    "str_replace": (bpe_like(merge=replace_merge), "you merged with str.replace"),
}


@pytest.mark.parametrize("mistake", BPE_MISTAKES)
def test_bpe_mistakes(mistake, capsys):
    fn, words = BPE_MISTAKES[mistake]
    diagnosed(checks.check_bpe(fn), capsys, words)


# ---- §4 encode ----------------------------------------------------------------------------------------

def encode_like(clean=ref.clean, split=ref.pre_tokenize, byte_map=True):
    table = ref.bytes_to_unicode()

    def encode(text):
        ids = []
        for piece in split(clean(text)):
            word = "".join(table[b] for b in piece.encode("utf-8")) if byte_map else piece
            ids += [TOK.encoder[symbol] for symbol in TOK.bpe(word)]
        return ids
    return encode


ENCODE_MISTAKES = {
    "bos_and_eos": (lambda t: [49406] + TOK.encode(t) + [49407], "you added BOS and EOS"),
    "padded": (lambda t: TOK([t], warn=False)["input_ids"][0].tolist(), "you padded to 77 ids"),
    "not_cleaned": (encode_like(clean=lambda t: t), "the text was not cleaned first"),
    "split_on_spaces": (encode_like(split=str.split), "you split the cleaned text on spaces"),
    "no_byte_map": (encode_like(byte_map=False), "the pieces did not go through bytes_to_unicode"),
    "whole_pieces_looked_up": (lambda t: [TOK.encoder[p + "</w>"] for p in ref.pre_tokenize(ref.clean(t))],
                               "a symbol is not in the vocabulary"),
}


@pytest.mark.parametrize("mistake", ENCODE_MISTAKES)
def test_encode_mistakes(mistake, capsys):
    fn, words = ENCODE_MISTAKES[mistake]
    diagnosed(checks.check_encode(fn), capsys, words)


def test_encode_built_on_a_failing_bpe_says_to_fix_that_first(capsys):
    checks.check_bpe(BPE_MISTAKES["highest_rank_first"][0])
    capsys.readouterr()
    table, bpe = ref.bytes_to_unicode(), BPE_MISTAKES["highest_rank_first"][0]

    def encode(text):
        return [TOK.encoder[s] for piece in ref.pre_tokenize(ref.clean(text))
                for s in bpe("".join(table[b] for b in piece.encode("utf-8")), TOK.bpe_ranks)]

    diagnosed(checks.check_encode(encode), capsys, "does not pass its own check yet (§3 `bpe`); fix that first")


# ---- §5 pad ----------------------------------------------------------------------------------------------

def pad_like(keep=lambda n: n - 2, eos=True, bos=True, pad_id=49407, mask_padding=0, cut_after=False):
    def pad(ids, max_length=77):
        row = ([49406] if bos else []) + (ids if cut_after else ids[:keep(max_length)]) + ([49407] if eos else [])
        row = row[:max_length] if cut_after else row
        mask = [1] * len(row) + [mask_padding] * (max_length - len(row))
        return row + [pad_id] * (max_length - len(row)), mask
    return pad


def pad_without_default(ids, max_length):
    return pad_like()(ids, max_length)


PAD_MISTAKES = {
    "no_eos": (pad_like(eos=False), "the EOS after the prompt is missing or has mask 0"),
    "eos_cut_by_truncation": (pad_like(cut_after=True), "you cut after adding EOS"),
    "kept_max_length_minus_1": (pad_like(keep=lambda n: n - 1), "you kept max_length - 1 ids"),
    "kept_max_length": (pad_like(keep=lambda n: n), "you kept max_length ids"),
    "no_truncation": (pad_like(keep=lambda n: None), "a long prompt was not truncated"),
    "padded_with_0": (pad_like(pad_id=0), "you padded with 0"),
    "mask_all_ones": (pad_like(mask_padding=1), "the mask is 1 everywhere"),
    "no_bos": (pad_like(bos=False), "BOS (49406) is missing"),
    "no_default_max_length": (pad_without_default, "max_length needs a default of 77"),
}


@pytest.mark.parametrize("mistake", PAD_MISTAKES)
def test_pad_mistakes(mistake, capsys):
    fn, words = PAD_MISTAKES[mistake]
    diagnosed(checks.check_pad(fn), capsys, words)


# ---- §6 train_bpe ---------------------------------------------------------------------------------------

def train_like(best=lambda pairs: min(pairs, key=lambda p: (-pairs[p], p)), weighted=True, marker=True,
               across=False, split=lambda t: ref.pre_tokenize(ref.clean(t)), apply=True, stop=True):
    def train_bpe(texts, num_merges):
        words = Counter()
        for text in texts:
            pieces = [list(ref.to_byte_symbols(p)) for p in split(text)]
            if marker:
                pieces = [p[:-1] + [p[-1] + "</w>"] for p in pieces]
            if across:
                pieces = [sum(pieces, [])] if pieces else []
            for p in pieces:
                words[tuple(p)] += 1
        merges = []
        for _ in range(num_merges):
            pairs = Counter()
            for word, n in words.items():
                for pair in zip(word, word[1:]):
                    pairs[pair] += n if weighted else 1
            if stop and not pairs:
                break
            merges.append(best(pairs))
            if apply:
                words = Counter({merge_pair(w, merges[-1]): n for w, n in words.items()})
        return merges
    return train_bpe


TRAIN_BPE_MISTAKES = {
    "ties_to_largest": (train_like(best=lambda pairs: max(pairs, key=lambda p: (pairs[p], p))),
                        "ties were broken toward the LARGEST pair"),
    "most_common": (train_like(best=lambda pairs: pairs.most_common(1)[0][0]), "Counter.most_common does that"),
    "unweighted": (train_like(weighted=False), "every distinct word counted once"),
    "no_end_of_word": (train_like(marker=False), "the end-of-word marker is missing"),
    "across_words": (train_like(across=True), "pairs were counted across word boundaries"),
    "split_on_spaces": (train_like(split=str.split), "the texts were split on spaces"),
    "merge_not_applied": (train_like(apply=False), "the same pair won every round"),
    "no_early_stop": (train_like(stop=False), "stop early when no word has two symbols left"),
}


@pytest.mark.parametrize("mistake", TRAIN_BPE_MISTAKES)
def test_train_bpe_mistakes(mistake, capsys):
    fn, words = TRAIN_BPE_MISTAKES[mistake]
    diagnosed(checks.check_train_bpe(fn), capsys, words)


# ---- correct answers written other ways pass -------------------------------------------------------------

def bytes_by_ord():
    keep = [b for b in range(256) if "!" <= chr(b) <= "~" or "¡" <= chr(b) <= "¬" or "®" <= chr(b) <= "ÿ"]
    table = {b: chr(b) for b in keep}
    for b in range(256):
        table.setdefault(b, chr(256 + len(table) - len(keep)))
    return table


def bpe_with_inf(word, ranks):
    symbols = tuple(word[:-1]) + (word[-1] + "</w>",)
    while len(symbols) > 1:
        pair = min(zip(symbols, symbols[1:]), key=lambda p: ranks.get(p, float("inf")))
        if pair not in ranks:
            break
        symbols = merge_pair(symbols, pair)
    return list(symbols)


PATTERN = regex.compile(r"'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+")


@pytest.mark.parametrize("check, fn", [
    (checks.check_bytes_to_unicode, bytes_by_ord),
    (checks.check_clean, lambda t: lower_chars(" ".join(unicodedata.normalize("NFC", t).split()))),
    (checks.check_pre_tokenize, PATTERN.findall),
    (checks.check_bpe, bpe_with_inf),
    (checks.check_encode, encode_like()),
    (checks.check_pad, pad_like()),
    (checks.check_train_bpe, train_like()),
], ids=["bytes_by_ord", "clean_by_split", "compiled_pattern", "bpe_with_inf", "encode", "pad", "train_bpe"])
def test_correct_variants_pass(check, fn, capsys):
    passes(check(fn), capsys)


# ---- hints: words, in tiers ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TIERS)
def test_hint_tiers_are_words_and_registered(name):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "01_tokenizer" and exercise.tiers == list(TIERS[name]) and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert not code_in(tier, ""), f"{name}: {tier!r} shows {code_in(tier, '')}"


def test_a_second_failure_shows_the_closer_hint_then_where_the_answer_is(capsys):
    wrong = BPE_MISTAKES["highest_rank_first"][0]
    first = checks.check_bpe(wrong).message
    assert "closer hint" not in first and f"hint: {TIERS['bpe'][0]}" in first
    second = checks.check_bpe(wrong).message
    assert f"closer hint (2nd try): {TIERS['bpe'][1]}" in second
    assert second.count("it looks like") == 1 and second.count("closer hint") == 1
    checks.check_bpe(wrong)
    fourth = checks.check_bpe(wrong).message
    assert "no more hints: the answer is in solutions/01_tokenizer.ipynb, §3" in fourth


def test_hint_by_name_and_level(capsys):
    assert checks.hint("pad", 2) == TIERS["pad"][1]
    assert "solutions/01_tokenizer.ipynb, §5" in checks.hint("pad", 9)
