"""course.text's prompt syntax against A1111's own parser, and the quirks that parity brings.

../shared/data/a1111-prompt-vectors.jsonl (beside the clone, where CI has it) holds 3,000 prompts with the outputs
of A1111 1.5's modules/prompt_parser.py: ``emphasis`` = parse_prompt_attention's runs or the exception it raised,
``schedule`` = get_learned_conditioning_prompt_schedules at 10 and 20 steps, ``and`` = the sub-prompts and weights
of get_multicond_prompt_list. Every row must agree; the deliberate differences listed in the module docstrings of
course.text.prompts and course.text.prompt_schedule are skipped by their rule, never by row.

The named tests below pin each quirk with A1111's output, derived from its code (prompt_parser.py, and
sd_hijack_clip.tokenize_line for what reaches the text encoder) and checked by running it.
"""
import json
import re
from pathlib import Path

import pytest

from course.text.prompt_schedule import parse_and, schedule
from course.text.prompts import BREAK, chunk, parse_emphasis
from course.text.tokenizer import load_clip_tokenizer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "a1111-prompt-vectors.jsonl"
A1111_RAISED = "A1111 raises ValueError"


@pytest.fixture(scope="module")
def rows():
    if not DATA.is_file():
        pytest.skip(f"A1111's reference outputs are not here: {DATA} (they live in the shared data folder "
                    "beside the clone, ../shared/data)")
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def tok():
    return load_clip_tokenizer()


def weight_a1111_cannot_read(prompt: str) -> bool:
    """The deliberate difference of parse_emphasis: a weight token of A1111 (':' digits and dots ')') that
    float() refuses, such as ':1.2.3)'. A1111 raises ValueError; parse_emphasis reads the characters as text."""
    for m in re.finditer(r":([+-]?[.\d]+)\)", prompt):
        try:
            float(m.group(1))
        except ValueError:
            return True
    return False


def differences(pairs) -> str:
    return "\n".join(f"{prompt!r}\n  A1111: {expected}\n  ours:  {got}" for prompt, expected, got in pairs[:5])


def test_the_reference_holds_3000_prompts(rows):
    assert len(rows) == 3000 and all(set(row) == {"prompt", "emphasis", "schedule", "and"} for row in rows)


def test_emphasis_equals_a1111(rows):
    skipped, wrong = 0, []
    for row in rows:
        if row["emphasis"] == A1111_RAISED:
            assert weight_a1111_cannot_read(row["prompt"]), f"A1111 raised for another reason: {row['prompt']!r}"
            skipped += 1
            continue
        got = [list(run) for run in parse_emphasis(row["prompt"])]
        if got != row["emphasis"]:  # weights too, to the last bit
            wrong.append((row["prompt"], row["emphasis"], got))
    assert not wrong, f"{len(wrong)} prompts differ:\n{differences(wrong)}"
    assert skipped < len(rows) // 10  # the rule covers a corner, not the syntax


def test_schedule_equals_a1111(rows):
    wrong = []
    for row in rows:
        for steps, expected in row["schedule"].items():
            got = [list(entry) for entry in schedule(row["prompt"], int(steps))]
            if got != expected:
                wrong.append((f"{row['prompt']} ({steps} steps)", expected, got))
    assert len(rows) * 2 == sum(len(row["schedule"]) for row in rows)
    assert not wrong, f"{len(wrong)} schedules differ:\n{differences(wrong)}"


def test_and_equals_a1111(rows):
    wrong = [(row["prompt"], row["and"], got) for row in rows
             if (got := [list(part) for part in parse_and(row["prompt"])]) != row["and"]]
    assert not wrong, f"{len(wrong)} prompts differ:\n{differences(wrong)}"


def a1111_chunks(runs, tok, chunk_length=75, comma_backtrack=20) -> list[tuple[list[int], list[float]]]:
    """sd_hijack_clip.tokenize_line on A1111's own runs: (ids, weights) of each chunk the text encoder gets."""
    comma = tok.encoder[",</w>"]
    done, ids, weights, last_comma = [], [], [], -1

    def close():
        nonlocal ids, weights, last_comma
        pad = chunk_length - len(ids)  # A1111 pads with the end token, then ends with one more
        done.append(([tok.bos_id, *ids] + [tok.eos_id] * (pad + 1), [1.0, *weights] + [1.0] * (pad + 1)))
        ids, weights, last_comma = [], [], -1

    for text, weight in runs:
        if text == "BREAK" and weight == -1:  # only the marker itself: a weighted BREAK is a word
            close()
            continue
        for token in tok.encode(text):
            if token == comma:
                last_comma = len(ids)
            elif len(ids) == chunk_length and last_comma != -1 and len(ids) - last_comma <= comma_backtrack:
                moved = ids[last_comma + 1:], weights[last_comma + 1:]
                ids, weights = ids[:last_comma + 1], weights[:last_comma + 1]
                close()
                ids, weights = list(moved[0]), list(moved[1])
            if len(ids) == chunk_length:
                close()
            ids.append(token)
            weights.append(weight)
    if ids or not done:
        close()
    return done


def test_what_reaches_the_text_encoder_equals_a1111(rows, tok):
    assert tok.pad_id == tok.eos_id  # SD 1.x: padding is the end token, as A1111 writes it
    wrong = []
    for row in rows:
        if row["emphasis"] == A1111_RAISED:
            continue
        expected = a1111_chunks(row["emphasis"], tok)
        got = [(c.ids, c.weights) for c in chunk(row["prompt"], tok)]
        if got != expected:
            wrong.append((row["prompt"], expected, got))
    assert not wrong, f"{len(wrong)} prompts reach the encoder differently:\n{differences(wrong)}"


# ---- the quirks, by name ------------------------------------------------------------------------------------------
def test_break_inside_brackets_is_the_word_break_weighted(tok):
    # A1111 weights the marker like any run; tokenize_line then sees no marker and encodes the word
    assert parse_emphasis("(a BREAK b)") == [("a", 1.1), ("BREAK", -1.1), ("b", 1.1)]
    (only,) = chunk("(a BREAK b)", tok)  # one chunk: no break
    word = tok.encode("BREAK")
    n = 2 + len(word)
    assert only.ids[1:n + 1] == tok.encode("a") + word + tok.encode("b")
    assert only.weights[1:n + 1] == [1.1] + [-1.1] * len(word) + [1.1]
    assert len(chunk("a BREAK b", tok)) == 2  # outside brackets it still starts a chunk
    assert parse_emphasis("a BREAK") == [("a", 1.0), BREAK, ("", 1.0)]


def test_a_stray_bar_makes_a1111_use_the_prompt_as_written():
    # '|' belongs in [a|b] only; anywhere else A1111's grammar rejects the prompt, editing included
    assert schedule("[a|b]|", 4) == [(4, "[a|b]|")]
    assert schedule("a | b [c:d:5]", 10) == [(10, "a | b [c:d:5]")]
    assert schedule("[a|(b]", 3) == [(3, "[a|(b]")]  # the ( closes nothing inside: [a|(b] is no alternation
    assert schedule("([a|b]", 3) == [(1, "(a"), (2, "(b"), (3, "(a")]  # an unclosed '(' alone is text


def test_a_stray_colon_or_bracket_inside_brackets_or_a_last_backslash():
    assert schedule("[a:(b:3]", 3) == [(3, "[a:(b:3]")]
    assert schedule("[a:b:3]\\", 10) == [(10, "[a:b:3]\\")]  # a backslash needs a character after it
    assert schedule("a\\\n[b:c:3]", 10) == [(10, "a\\\n[b:c:3]")]  # ... and a line break is none
    assert schedule("a [b:c:3] d:", 10) == [(3, "a b d:"), (10, "a c d:")]  # at the top level ':' is text


def test_a_bracket_followed_by_text_only_characters_depends_on_their_count():
    # lark reads [a:b:3] as editing or as characters, whichever it lists first (see _read_as_text)
    assert schedule("[cat:dog:3]:", 10) == [(3, "cat:"), (10, "dog:")]
    assert schedule("[cat:dog:3]::", 10) == [(10, "[cat:dog:3]::")]
    assert schedule("[cat:dog:3]:::", 10) == [(3, "cat:::"), (10, "dog:::")]
    assert schedule("[[a|b]:c:0.25]:]", 4) == [(1, "[a:c:0.25]:]"), (2, "[b:c:0.25]:]"), (3, "[a:c:0.25]:]"),
                                               (4, "[b:c:0.25]:]")]


def test_alternation_keeps_the_first_piece_of_each_alternative():
    assert schedule("[(x) y|z]", 4) == [(1, "(x)"), (2, "z"), (3, "(x)"), (4, "z")]
    assert schedule("[ a|b]", 2) == [(1, " a"), (2, "b")]


def test_exponents_and_negative_numbers_are_switch_steps():
    assert schedule("[a:b:1e1]", 20) == [(10, "a"), (20, "b")]
    assert schedule("[a:b:1e2]", 10) == [(10, "a")]
    assert schedule("[a:b:-1]", 10) == [(-10, "a"), (10, "b")]  # an entry no step uses
    assert schedule("[a:b:3 ]", 10) == [(10, "[a:b:3 ]")]  # no space after the number (A1111 1.6 allows one)


def test_a_line_break_before_an_and_weight():
    # A1111's pattern lets whitespace before ':w' hold a line break, but not the text before it
    assert parse_and("cat\n:0.7") == [("cat", 0.7)]
    assert parse_and("a\ncat :0.7") == [("a\ncat :0.7", 1.0)]
    assert parse_and("a cat AND\ndog :0.7") == [("a cat", 1.0), ("\ndog", 0.7)]
