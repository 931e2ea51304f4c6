"""Tests for course/checks.py: right answers pass, wrong ones fail with a message that names the mismatch."""
from __future__ import annotations

import unicodedata
from collections import Counter

import numpy as np
import pytest
import regex
import torch

from course import checks
from course.checks import CheckResult, compare, first_difference, progress, short
from course.text import tokenizer


def tok() -> tokenizer.CLIPTokenizer:
    return checks.clip_tokenizer()


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    """Each test starts with no check passed or failed: the hints of a repeated failure do not leak across tests."""
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


# ---- correct re-implementations, written the way a learner would -------------------------------

def my_bytes_to_unicode() -> dict[int, str]:
    printable = [*range(33, 127), *range(161, 173), *range(174, 256)]
    table = {b: chr(b) for b in printable}
    others = [b for b in range(256) if b not in table]
    for n, b in enumerate(others):
        table[b] = chr(256 + n)
    return table


def my_clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(c.lower() for c in " ".join(text.split()))  # one character at a time: 'Σ' is always 'σ'


def my_bpe(word: str, ranks: dict[tuple[str, str], int], lowest_first: bool = True) -> list[str]:
    symbols = list(word[:-1]) + [word[-1] + "</w>"]
    while len(symbols) > 1:
        pairs = [p for p in zip(symbols, symbols[1:]) if p in ranks]
        if not pairs:
            break
        best = min(pairs, key=ranks.get) if lowest_first else max(pairs, key=ranks.get)
        merged, i = [], 0
        while i < len(symbols):
            if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                merged.append(symbols[i] + symbols[i + 1])
                i += 2
            else:
                merged.append(symbols[i])
                i += 1
        symbols = merged
    return symbols


def my_pad(ids: list[int], max_length: int = 77, eos: bool = True) -> tuple[list[int], list[int]]:
    row = [49406] + ids[: max_length - 2] + ([49407] if eos else [])
    mask = [1] * len(row)
    return row + [49407] * (max_length - len(row)), mask + [0] * (max_length - len(mask))


def my_train_bpe(texts: list[str], num_merges: int, smallest_on_ties: bool = True) -> list[tuple[str, str]]:
    table = tokenizer.bytes_to_unicode()
    words = Counter()
    for text in texts:
        for piece in tokenizer.pre_tokenize(tokenizer.clean(text)):
            symbols = [table[b] for b in piece.encode("utf-8")]
            words[tuple(symbols[:-1]) + (symbols[-1] + "</w>",)] += 1
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for word, n in words.items():
            for pair in zip(word, word[1:]):
                pairs[pair] += n
        if not pairs:
            break
        if smallest_on_ties:
            best = min(pairs, key=lambda p: (-pairs[p], p))
        else:
            best = max(pairs, key=lambda p: (pairs[p], p))
        merges.append(best)
        new_words = Counter()
        for word, n in words.items():
            out, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1])
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            new_words[tuple(out)] += n
        words = new_words
    return merges


def not_written(*args):
    # YOUR CODE HERE
    raise NotImplementedError("Write this part, then run the check below.")


# ---- every check passes with the reference and with a learner's correct version ---------------

@pytest.mark.parametrize("check, fn", [
    (checks.check_bytes_to_unicode, tokenizer.bytes_to_unicode),
    (checks.check_bytes_to_unicode, my_bytes_to_unicode),
    (checks.check_clean, tokenizer.clean),
    (checks.check_clean, my_clean),
    (checks.check_pre_tokenize, tokenizer.pre_tokenize),
    (checks.check_pre_tokenize, lambda text: regex.findall(r"'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+",
                                                           text)),
    (checks.check_bpe, lambda word, ranks: tok().bpe(word)),
    (checks.check_bpe, my_bpe),
    (checks.check_encode, lambda text: tok().encode(text)),
    (checks.check_pad, my_pad),
    (checks.check_train_bpe, lambda texts, n: tokenizer.train_bpe(texts, 514 + n).merges),
    (checks.check_train_bpe, my_train_bpe),
])
def test_a_right_answer_passes(check, fn, capsys):
    result = check(fn)
    assert isinstance(result, CheckResult) and result.passed and bool(result)
    out = capsys.readouterr().out
    assert out.startswith("✓") and out.strip() == result.message


def test_encode_passes_when_built_from_the_learner_pieces():
    table = my_bytes_to_unicode()

    def encode(text: str) -> list[int]:
        ids = []
        for piece in tokenizer.pre_tokenize(my_clean(text)):
            ids += [tok().encoder[s] for s in my_bpe("".join(table[b] for b in piece.encode()), tok().bpe_ranks)]
        return ids

    assert checks.check_encode(encode)


# ---- wrong answers fail and name the first mismatch ---------------------------------------------

def test_bytes_to_unicode_names_the_first_byte_that_maps_wrong():
    table = my_bytes_to_unicode()
    table[32] = " "  # forgot to move space out of the way
    result = checks.check_bytes_to_unicode(lambda: table)
    assert not result
    assert "at [32]: expected 'Ġ' (U+0120), got ' ' (U+0020)" in result.message
    assert "hint:" in result.message


def test_bytes_to_unicode_that_maps_every_byte_to_itself():
    result = checks.check_bytes_to_unicode(lambda: {b: chr(b) for b in range(256)})
    assert "at [0]: expected 'Ā' (U+0100), got '\\x00' (U+0000)" in result.message


def test_clean_without_lower_casing():
    result = checks.check_clean(lambda text: " ".join(unicodedata.normalize("NFC", text).split()))
    assert not result
    assert "input:       clean('A Photo of a CAT')" in result.message
    assert "expected:    'a photo of a cat'" in result.message and "got:         'A Photo of a CAT'" in result.message
    assert "character 0 differs: expected 'a' (U+0061), got 'A' (U+0041)" in result.message


def test_clean_without_nfc_shows_the_code_points_that_look_the_same():
    result = checks.check_clean(lambda text: "".join(c.lower() for c in " ".join(text.split())))
    assert "13 of 14 inputs match" in result.message
    assert "character 3 differs: expected 'é' (U+00E9), got 'e' (U+0065)" in result.message


def test_pre_tokenize_split_on_spaces():
    result = checks.check_pre_tokenize(str.split)
    assert not result
    assert "5 of 18 inputs match" in result.message  # 'a photo of an astronaut ...' splits the same
    assert "input:       pre_tokenize('masterpiece, best quality, (red hair:1.2'… (61 characters))" in result.message
    assert "difference:  at [0]: expected 'masterpiece', got 'masterpiece,'\n" in result.message


def test_bpe_merging_the_highest_rank_first():
    result = checks.check_bpe(lambda word, ranks: my_bpe(word, ranks, lowest_first=False))
    assert not result
    assert "input:       bpe('cats', {('i', 'n'): 0" in result.message  # the word, and the ranks cut short
    assert "expected:    ['cats</w>']" in result.message
    assert "LOWEST rank" in result.message


def test_bpe_without_end_of_word_marker():
    result = checks.check_bpe(lambda word, ranks: my_bpe(word + " ", ranks)[:-1] or [word])
    assert not result and "first mismatch" in result.message


def test_pad_without_eos():
    result = checks.check_pad(lambda ids, max_length=77: my_pad(ids, max_length, eos=False))
    assert not result
    assert "input:       pad([], 77)" in result.message
    assert "difference:  at [1][1]: expected 1, got 0" in result.message  # EOS missing shows in the mask


def test_pad_that_truncates_away_the_eos():
    def pad(ids, max_length=77):
        row = ([49406] + ids + [49407])[:max_length]
        return row + [49407] * (max_length - len(row)), [1] * len(row) + [0] * (max_length - len(row))

    result = checks.check_pad(pad)
    assert "5 of 9 inputs match" in result.message
    assert "input:       pad([320, 320, 320, 320, … 76 items], 77)" in result.message
    assert "at [0][76]: expected 49407, got 320" in result.message


def test_train_bpe_breaking_ties_the_wrong_way():
    result = checks.check_train_bpe(lambda texts, n: my_train_bpe(texts, n, smallest_on_ties=False))
    assert not result
    assert "train_bpe(['a red circle on a blue backgro'" in result.message
    assert "difference:  at [3]: expected ('ar', 'e</w>'), got ('u', 'ar')\n" in result.message


def test_train_bpe_that_does_not_stop_when_nothing_is_left():
    def train_bpe(texts, num_merges):
        merges = my_train_bpe(texts, num_merges)
        return merges + [("?", "?")] * (num_merges - len(merges))

    result = checks.check_train_bpe(train_bpe)
    assert "2 of 4 inputs match" in result.message
    assert "input:       train_bpe(['a a a b b', 'ab ab ba'], 5)" in result.message
    assert "expected 2 items, got 5; first extra ('?', '?') at [2]" in result.message


# ---- not written yet, exceptions, wrong arguments -------------------------------------------------

@pytest.mark.parametrize("check", [checks.check_bytes_to_unicode, checks.check_clean, checks.check_pre_tokenize,
                                   checks.check_bpe, checks.check_encode, checks.check_pad, checks.check_train_bpe])
def test_a_stub_is_not_written_yet_without_a_traceback(check, capsys):
    result = check(not_written)
    out = capsys.readouterr()
    assert not result and "not written yet" in result.message and "hint:" in result.message
    assert "Traceback" not in out.out + out.err and out.out.strip() == result.message


def test_an_exception_names_its_type_message_and_input(capsys):
    result = checks.check_encode(lambda text: [len(text) // text.count("x")])
    assert not result
    assert ("encode raised ZeroDivisionError on input encode('a photo of an astronaut riding a horse o'… "
            "(46 characters)):\n    ZeroDivisionError: integer division or modulo by zero") in result.message
    assert "Traceback" not in capsys.readouterr().out


def test_an_exception_on_a_later_input_counts_the_matches_before():
    result = checks.check_clean(lambda text: tokenizer.clean(text) if text.strip() else {}["empty"])
    assert "12 of 14 inputs match; clean raised KeyError on input clean('')" in result.message


def test_passing_the_result_instead_of_the_function():
    result = checks.check_clean("a photo of a cat")
    assert not result and "expected a function, got a str" in result.message


def test_a_function_that_forgets_to_return():
    result = checks.check_clean(lambda text: None)
    assert "got None: does the function `return` its result?" in result.message


def test_the_result_object():
    assert repr(CheckResult(True, "✓ x")) == "CheckResult(passed=True)"
    assert not CheckResult(False, "✗ x")


# ---- the generic comparison -------------------------------------------------------------------------

def test_tensors_of_different_shapes():
    result = compare(lambda: torch.zeros(2, 3), lambda: torch.zeros(3, 2), [()], name="f")
    assert not result and "expected shape (3, 2), got (2, 3)" in result.message
    assert "expected:    tensor of shape (3, 2), torch.float32" in result.message


def test_tensor_values_beyond_atol_report_max_delta_and_where():
    expected = torch.zeros(2, 3)
    got = expected.clone()
    got[1, 2] = 1e-3
    got[0, 0] = 1e-6  # inside the tolerance
    result = compare(lambda: got, lambda: expected, [()], name="f", atol=1e-5)
    assert not result
    assert "1 of 6 values differ; max |Δ| = 0.001 at index (1, 2): expected 0, got 0.001" in result.message
    assert compare(lambda: got, lambda: expected, [()], name="f", atol=1e-2)


def test_tensor_dtype_and_kind_mismatch():
    assert "expected dtype torch.float32, got torch.float64" in compare(
        lambda: torch.zeros(3, dtype=torch.float64), lambda: torch.zeros(3), [()], name="f").message
    assert "expected a tensor of shape (3,), got a numpy array of shape (3,), float32" in compare(
        lambda: np.zeros(3, np.float32), lambda: torch.zeros(3), [()], name="f").message


def test_numpy_arrays_and_nans():
    a = np.array([1.0, np.nan, 3.0])
    assert compare(lambda: a.copy(), lambda: a, [()], name="f")
    message = compare(lambda: a + [0, 0, 1], lambda: a, [()], name="f").message
    assert "1 of 3 values differ; max |Δ| = 1 at index (2,): expected 3, got 4" in message


def test_a_parameter_counts_as_a_tensor():
    weight = torch.ones(2, 2)
    assert compare(lambda: torch.nn.Parameter(weight.clone()), lambda: weight, [()], name="f")


def test_integer_tensors_compare_exactly():
    ids = torch.tensor([[49406, 320, 49407]])
    assert compare(lambda: ids.clone(), lambda: ids, [()], name="f")
    assert "at index (0, 1): expected 320, got 321" in compare(lambda: ids + torch.tensor([0, 1, 0]), lambda: ids,
                                                                [()], name="f").message


def test_nested_structures_report_the_path():
    expected = {"input_ids": [[1, 2, 3]], "scale": 0.5}
    got = {"input_ids": [[1, 2, 4]], "scale": 0.5}
    assert first_difference(expected, got) == "at ['input_ids'][0][2]: expected 3, got 4"
    assert first_difference(expected, {"input_ids": [[1, 2, 3]]}) == "key 'scale' is missing (expected 'scale': 0.5)"
    assert first_difference(expected, {**expected, "x": 1}) == "unexpected key 'x' (1 in all)"
    assert first_difference(expected, {"input_ids": [[1, 2, 3]], "scale": 0.5000001}) is None
    assert "expected 0.5, got 0.6" in first_difference(expected, {"input_ids": [[1, 2, 3]], "scale": 0.6})


def test_lists_and_tuples_of_different_lengths():
    assert first_difference([1, 2, 3], [1, 2]) == "expected 3 items, got 2; first missing 3 at [2]"
    assert first_difference((1, 2), [1, 2]) is None  # a tuple for a list is fine
    assert first_difference([1, 2], "12") == "expected a list of 2 items, got a str"
    assert first_difference(3, 3.0) is None and first_difference(3, "3") == "expected a number, got a str '3'"


def test_strings_inside_lists():
    assert first_difference(["cat</w>"], ["ca", "t</w>"]) == "at [0]: expected 'cat</w>', got 'ca'"
    assert first_difference(["cafe\u0301"], ["caf\u00e9"]) == (
        "at [0]: expected 'cafe\u0301', got 'caf\u00e9'; character 3 differs: expected 'e' (U+0065), got 'é' (U+00E9)")


def test_strings_that_stop_early_or_go_on():
    assert first_difference("abc", "ab") == "got stops after character 2; expected 1 more: 'c'"
    assert first_difference("ab", "abc") == "got goes on after character 2; 1 extra: 'c'"


def test_short_cuts_long_values():
    assert short("x" * 100) == repr("x" * 60) + "… (100 characters)"
    assert short(list(range(100))) == "[0, 1, 2, 3, 4, 5, 6, 7, … 100 items]"
    assert short((1,)) == "(1,)"
    assert short({i: i for i in range(10)}) == "{0: 0, 1: 1, 2: 2, 3: 3, … 10 items}"
    assert short(torch.zeros(2, 77, dtype=torch.long)) == "tensor of shape (2, 77), torch.int64"


def test_several_inputs_and_the_count():
    result = compare(lambda x: x * 2, lambda x: x + x, [(1,), (2,), ("a",)], name="double")
    assert result and result.message == "✓ double: all 3 inputs match the reference."
    result = compare(lambda x: x * 2, lambda x: x ** 2, [(1,), (2,), (3,)], name="square", hint="multiply x by itself")
    assert result.message == ("✗ square: 1 of 3 inputs match; first mismatch:\n    input:       square(1)\n"
                              "    expected:    1\n    got:         2\n    difference:  expected 1, got 2\n"
                              "  hint: multiply x by itself")


def test_a_learner_function_that_changes_its_input_is_compared_fairly():
    def pad_in_place(ids, max_length=77):
        del ids[max_length - 2:]
        ids.insert(0, 49406)
        ids.append(49407)
        mask = [1] * len(ids)
        return ids + [49407] * (max_length - len(ids)), mask + [0] * (max_length - len(mask))

    assert checks.check_pad(pad_in_place)
