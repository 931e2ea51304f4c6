"""Bad inputs to the prompt syntax (course.text.prompts): each is refused at once with one clear error,
and prompts of any shape parse in time linear in their length (issue 21)."""
import gc
import time

import numpy as np
import pytest
from refusals import refused

from course.text.prompt_schedule import parse_and, schedule
from course.text.prompts import MAX_DEPTH, chunk, parse_emphasis
from course.text.tokenizer import load_clip_tokenizer

HUGE = "9" * 400  # a number that float() reads as inf (A1111's weight patterns have no exponent: '1e400' is text)


@pytest.fixture(scope="module")
def tok():
    return load_clip_tokenizer()


# ---- not a str: a wrong type, so TypeError (as course.text.tokenizer's encode) ----------------------------
@pytest.mark.parametrize("call, got", [
    (lambda tok: parse_emphasis(None), "NoneType"),
    (lambda tok: parse_emphasis(b"a (cat)"), "bytes"),
    (lambda tok: schedule(123, 20), "int"),
    (lambda tok: parse_and(["a cat", "a dog"]), "list"),
    (lambda tok: chunk(3.5, tok), "float"),
], ids=["emphasis-None", "emphasis-bytes", "schedule-int", "and-list", "chunk-float"])
def test_a_prompt_that_is_not_text_is_refused(tok, call, got):
    refused(lambda: call(tok), TypeError, "must be a str", got, "pass the prompt text")


# ---- steps ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("steps", [0, -1, 1.5, True, "20", None], ids=["0", "-1", "1.5", "True", "str", "None"])
def test_steps_that_are_not_a_whole_number_from_1_are_refused(steps):
    refused(lambda: schedule("a [cat:dog:0.5]", steps), ValueError, f"steps={steps!r}", "whole number >= 1")


def test_numpy_steps_are_accepted():
    assert schedule("a [cat:dog:0.5]", np.int64(20)) == [(10, "a cat"), (20, "a dog")]
    assert type(schedule("a", np.int32(7))[0][0]) is int


@pytest.mark.parametrize("name, value", [("chunk_length", True), ("chunk_length", 0), ("chunk_length", 7.0),
                                         ("comma_backtrack", -1), ("comma_backtrack", 1.5)])
def test_chunk_sizes_that_are_not_whole_numbers_are_refused(tok, name, value):
    refused(lambda: chunk("a cat", tok, **{name: value}), ValueError, f"{name}={value!r}", "whole number")


def test_numpy_chunk_sizes_are_accepted(tok):
    assert chunk("a cat", tok, chunk_length=np.int64(75), comma_backtrack=np.int32(0)) == chunk("a cat", tok)


# ---- weights that overflow to inf (an infinite weight gives a black picture) ---------------------------
def test_an_emphasis_weight_too_large_for_a_float_is_refused():
    refused(lambda: parse_emphasis(f"a (cat:{HUGE}) dog"), ValueError, "9999", "too large", "inf", "0..2")


def test_a_negative_emphasis_weight_too_large_for_a_float_is_refused():
    refused(lambda: parse_emphasis(f"(cat:-{HUGE})"), ValueError, "-9999", "-inf", "0..2")


def test_nested_weights_that_multiply_out_to_inf_are_refused():
    big = "9" * 300  # 1e300 is a float, 1e300 * 1e300 is not
    refused(lambda: parse_emphasis(f"((cat:{big}):{big})"), ValueError, "'cat'", "multiplies out to inf", "0..2")


def test_chunk_refuses_an_infinite_weight_too(tok):
    refused(lambda: chunk(f"(cat:{HUGE})", tok), ValueError, "too large", "0..2")


def test_an_and_weight_too_large_for_a_float_is_refused():
    refused(lambda: parse_and(f"a cat :{HUGE} AND a dog"), ValueError, "9999", "inf", "0..2", "AND")


def test_words_that_look_like_inf_or_nan_are_text_as_in_a1111():
    # A1111's weight pattern ':\s*([+-]?[.\d]+)\s*\)' reads digits and dots only
    assert parse_emphasis("(a:1e400)") == [("a:1e400", 1.1)]
    assert parse_emphasis("(a:nan)") == [("a:nan", 1.1)]
    assert parse_emphasis("(a:inf)") == [("a:inf", 1.1)]
    assert parse_and("a cat:nan") == [("a cat:nan", 1.0)]


# ---- prompt editing numbers -----------------------------------------------------------------------------
@pytest.mark.parametrize("prompt, expected", [
    ("a [cat:dog:-0.5]", [(-10, "a cat"), (20, "a dog")]),  # below 1: a fraction, -0.5 * 20
    ("a [cat:-3]", [(-60, "a "), (20, "a cat")]),
    ("[cat::-1]", [(-20, "cat"), (20, "")]),
], ids=["edit-negative-fraction", "add-negative-step", "remove-negative-step"])
def test_a_negative_switch_step_is_read_as_in_a1111(prompt, expected):
    # Issue 26: A1111 accepts these (refused from issue 21 on): the text after the switch from the first step
    # on, and an entry ending at a negative step that no sampling step uses. Nothing to guard against.
    assert schedule(prompt, 20) == expected


def test_a_switch_step_too_large_for_a_float_is_refused():
    # before: OverflowError from int(inf), deep inside
    refused(lambda: schedule(f"a [cat:dog:{HUGE}]", 20), ValueError, "9999", "too large", "1..20")


def test_a_switch_step_beyond_the_last_step_is_kept_as_in_a1111():
    # A prompt serves runs with different step counts (hires fix, x/y plots): 15 at 10 steps never switches
    assert schedule("a [cat:dog:15]", 10) == [(10, "a cat")]
    assert schedule("a [cat:dog:15]", 20) == [(15, "a cat"), (20, "a dog")]


def test_numbers_of_brackets_that_are_no_edit_are_text():
    # [a:b|c:-1] mixes ':' and '|', [a:b:c:-1] has four parts: neither is editing, so the number is text
    assert schedule(f"[a:b|c:-1] [a:b:c:{HUGE}]", 5) == [(5, f"[a:b|c:-1] [a:b:c:{HUGE}]")]


# ---- nesting deeper than MAX_DEPTH ---------------------------------------------------------------------
def test_emphasis_nested_deeper_than_the_limit_is_refused():
    prompt = "(" * (MAX_DEPTH + 1) + "cat" + ")" * (MAX_DEPTH + 1)
    refused(lambda: parse_emphasis(prompt), ValueError, f"more than {MAX_DEPTH} deep", f"character {MAX_DEPTH}",
            "remove some brackets")


def test_thousands_of_unclosed_brackets_are_refused():
    # each weights the rest of the prompt: 5000 '[' would give the cat a weight of 1.1**-5000 = 0.0
    refused(lambda: parse_emphasis("[" * 5000 + "cat"), ValueError, "never closed", "remove some brackets")


def test_a_100_kb_prompt_of_unclosed_brackets_is_refused_at_once(tok):
    refused(lambda: chunk("(:" * 50_000, tok), ValueError, f"more than {MAX_DEPTH} deep", "\\(")


def test_prompt_editing_nested_deeper_than_the_limit_is_refused():
    prompt = "[" * (MAX_DEPTH + 1) + "a:b:3" + "]" * (MAX_DEPTH + 1)
    refused(lambda: schedule(prompt, 20), ValueError, "nests brackets", f"more than {MAX_DEPTH} deep",
            "remove some brackets")


def test_nesting_at_the_limit_is_parsed():
    weight = 1.0
    for _ in range(MAX_DEPTH):
        weight *= 1.1  # one multiplication per bracket, innermost first
    assert parse_emphasis("(" * MAX_DEPTH + "cat" + ")" * MAX_DEPTH) == [("cat", weight)]
    assert parse_emphasis("[" * MAX_DEPTH + "cat")[0][0] == "cat"
    around = "[" * (MAX_DEPTH - 1), "]" * (MAX_DEPTH - 1)
    assert schedule("[a:b:3]".join(around), 5) == [(3, "a".join(around)), (5, "b".join(around))]


# ---- linear time ----------------------------------------------------------------------------------------
SHAPES = {  # a prompt of about n characters that a regex or a bracket stack could make slow
    "digits-after-(a:": lambda n: "(a:" + "1" * n + "x",
    "digits-after-(a:-closed": lambda n: "(a:" + "1" * n + "x)",
    "unclosed-(": lambda n: "(" * n + "a",
    "unclosed-[": lambda n: "[" * n + "a",
    "alternating-(:": lambda n: "(:" * (n // 2),
    "backslashes": lambda n: "\\" * n,
    "a:-repeated": lambda n: "a:" * (n // 2),
    "nested-at-the-limit": lambda n: ("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH) * (n // (2 * MAX_DEPTH + 1)),
    "edits-nested-at-the-limit": lambda n: ("[a:" * MAX_DEPTH + "b" + ":0.5]" * MAX_DEPTH) * (n // (8 * MAX_DEPTH)),
    "[a:b:-digits": lambda n: "[a:b:" + "1" * n,
    "[a:b:-digits-x]": lambda n: "[a:b:" + "1" * n + "x]",
    "spaces": lambda n: "a" + " " * n + "b",
    "spaces-around-:": lambda n: "a" + " " * (n // 2) + ":" + " " * (n // 2) + "1x",
    "spaces-around-BREAK": lambda n: "a" + " " * (n // 2) + "BREAK" + " " * (n // 2) + "b",
    "99-open-then-(a)b": lambda n: "(" * (MAX_DEPTH - 1) + "(a)b" * (n // 4),
    "alternation": lambda n: "[a|b]" * (n // 5),
    "BREAK-and-AND": lambda n: "a BREAK b AND " * (n // 14),
}


def seconds(call, prompts: list[str]) -> list[float]:
    """CPU seconds for each prompt, the best of 3 runs taken in turns, with the garbage collector off (as
    timeit does): other processes on the machine, and collecting the session's objects, only add time."""
    best = [float("inf")] * len(prompts)
    gc.disable()
    try:
        for _ in range(3):
            for i, prompt in enumerate(prompts):
                start = time.process_time()
                try:
                    call(prompt)
                except ValueError:
                    pass  # some shapes are refused (too many open brackets): at once, which is fine too
                best[i] = min(best[i], time.process_time() - start)
    finally:
        gc.enable()
    return best


# chunk is parse_emphasis plus the tokenizer: a few shapes that reach the tokenizer with many runs or long ones
CASES = [(shape, what) for shape in SHAPES for what in ("emphasis", "schedule", "and")] + \
    [(shape, "chunk") for shape in ("99-open-then-(a)b", "a:-repeated", "spaces-around-BREAK", "digits-after-(a:")]


@pytest.mark.parametrize("shape, what", CASES)
def test_time_grows_linearly_with_the_prompt(tok, shape, what):
    call = {"emphasis": parse_emphasis, "schedule": lambda p: schedule(p, 20), "and": parse_and,
            "chunk": lambda p: chunk(p, tok)}[what]
    small, large = SHAPES[shape](10_000), SHAPES[shape](100_000)
    assert 9 < len(large) / len(small) < 11
    t_small, t_large = seconds(call, [small, large])
    # 10 times the text: linear takes ~10 times as long, quadratic ~100 times. Below a millisecond timings
    # are mostly noise, so the 10 KB time counts as 1 ms at least: a quadratic step over 10 KB is 10**8
    # operations, far more than a millisecond.
    assert t_large < 30 * max(t_small, 1e-3), f"{shape}: {t_small:.4f} s for 10 KB, {t_large:.4f} s for 100 KB"
