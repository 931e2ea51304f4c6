"""course.text.prompts against A1111's documented behaviour (the doctests and comments of
modules/prompt_parser.py, the rules of sd_hijack_clip.tokenize_line) and hand-derived cases.
The comparison with A1111's own outputs on 3,000 prompts, and the quirks, are in test_a1111_vectors.py."""
import doctest
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import course.text.prompt_schedule
import course.text.prompts
from course.text.prompt_schedule import parse_and, schedule
from course.text.prompts import BREAK, Chunk, chunk, match_chunk_counts, parse_emphasis
from course.text.tokenizer import load_clip_tokenizer

BOS, EOS, PAD = 49406, 49407, 49407  # SD 1.x CLIP: padding is EOS
CAT, DOG, A, RED, CAR, SPORTS, COMMA = 2368, 1929, 320, 736, 1615, 2054, 267


@pytest.fixture(scope="module")
def tok():
    t = load_clip_tokenizer()
    # the hand-derived expectations below rest on these single-token words
    assert [t.encode(w) for w in ["cat", "dog", "a", "red", "car", "sports", ","]] == \
        [[CAT], [DOG], [A], [RED], [CAR], [SPORTS], [COMMA]]
    assert (t.bos_id, t.eos_id, t.pad_id) == (BOS, EOS, PAD)
    return t


def approx_runs(runs):
    return [(text, pytest.approx(weight)) for text, weight in runs]


def test_docstring_examples_run(tok):
    result = doctest.testmod(course.text.prompts, extraglobs={"tok": tok})
    assert result.attempted == 3 and result.failed == 0
    result = doctest.testmod(course.text.prompt_schedule)
    assert result.attempted == 2 and result.failed == 0


# ---- parse_emphasis -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [  # the doctests of A1111's parse_prompt_attention
    ("normal text", [("normal text", 1.0)]),
    ("an (important) word", [("an ", 1.0), ("important", 1.1), (" word", 1.0)]),
    ("(unbalanced", [("unbalanced", 1.1)]),
    ("\\(literal\\]", [("(literal]", 1.0)]),
    ("(unnecessary)(parens)", [("unnecessaryparens", 1.1)]),
    ("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).",
     [("a ", 1.0), ("house", 1.573), (" ", 1.1), ("on", 1.0), (" a ", 1.1), ("hill", 0.55),
      (", sun, ", 1.1), ("sky", 1.4641), (".", 1.1)]),
])
def test_emphasis_a1111_examples(text, expected):
    assert parse_emphasis(text) == approx_runs(expected)


@pytest.mark.parametrize("text, expected", [
    ("((word))", [("word", 1.21)]),
    ("[word]", [("word", 1 / 1.1)]),
    ("[[word]]", [("word", 1 / 1.21)]),
    ("([word])", [("word", 1.0)]),
    ("(word:1.5)", [("word", 1.5)]),
    ("(word: 0.5 )", [("word: 0.5 ", 1.1)]),  # A1111 1.5: the number follows the colon at once (1.6+ reads 0.5)
    ("(word:0.5 )", [("word:0.5 ", 1.1)]),
    ("((word:1.5))", [("word", 1.65)]),
    ("[(word:2)]", [("word", 2 / 1.1)]),
    ("(word:-1)", [("word", -1.0)]),
    ("a [b c", [("a ", 1.0), ("b c", 1 / 1.1)]),  # unclosed: to the end of the text
    ("((a) b", [("a", 1.21), (" b", 1.1)]),
    ("a) b]", [("a) b]", 1.0)]),  # closers nobody opened are text
    ("a:1.5) b", [("a:1.5) b", 1.0)]),
    ("(a:b)", [("a:b", 1.1)]),  # ':' not followed by a number is text
    ("(a:1.2.3)", [("a:1.2.3", 1.1)]),  # not a number: text, no crash
    ("a \\\\ b", [("a \\ b", 1.0)]),
    ("\\((a)\\)", [("(", 1.0), ("a", 1.1), (")", 1.0)]),
    ("a\\b", [("ab", 1.0)]),  # A1111 drops a backslash that escapes nothing
    ("", [("", 1.0)]),
])
def test_emphasis_rules(text, expected):
    assert parse_emphasis(text) == approx_runs(expected)


def test_break():
    assert parse_emphasis("a cat BREAK a dog") == [("a cat", 1.0), BREAK, ("a dog", 1.0)]
    # A1111 splits the text at BREAK and keeps every piece, empty ones too; brackets weight the marker like text
    assert parse_emphasis("a cat BREAK") == [("a cat", 1.0), BREAK, ("", 1.0)]
    assert parse_emphasis("(a BREAK b)") == [("a", 1.1), ("BREAK", -1.0 * 1.1), ("b", 1.1)]
    assert parse_emphasis("a BREAK BREAK b") == [("a", 1.0), BREAK, ("", 1.0), BREAK, ("b", 1.0)]
    assert parse_emphasis("break BREAKfast aBREAK") == [("break BREAKfast aBREAK", 1.0)]


def test_emphasis_rejects_non_text():
    with pytest.raises(TypeError, match="must be a str"):
        parse_emphasis(None)


# ---- chunk --------------------------------------------------------------------------------------
def test_120_tokens_give_75_plus_45(tok):
    chunks = chunk(" ".join(["cat"] * 120), tok)
    assert len(chunks) == 2
    assert chunks[0].ids == [BOS] + [CAT] * 75 + [EOS]
    assert chunks[1].ids == [BOS] + [CAT] * 45 + [EOS] + [PAD] * 30
    assert all(c.weights == [1.0] * 77 for c in chunks)


def test_exactly_75_tokens_fill_one_chunk(tok):
    assert [c.ids for c in chunk(" ".join(["cat"] * 75), tok)] == [[BOS] + [CAT] * 75 + [EOS]]
    assert len(chunk(" ".join(["cat"] * 76), tok)) == 2


def test_empty_prompt_gives_one_empty_chunk(tok):
    (only,) = chunk("", tok)
    assert only.ids == [BOS, EOS] + [PAD] * 75 and only.weights == [1.0] * 77


def test_weights_follow_their_tokens(tok):
    (c,) = chunk("a (red sports:1.5) [car]", tok)
    assert c.ids[:6] == [BOS, A, RED, SPORTS, CAR, EOS]
    assert c.weights[:6] == pytest.approx([1.0, 1.0, 1.5, 1.5, 1 / 1.1, 1.0])
    assert c.weights[6:] == [1.0] * 71


def test_comma_backtrack_moves_the_words_after_the_comma(tok):
    prompt = " ".join(["cat"] * 70) + ", " + " ".join(["dog"] * 10)  # comma at index 70, dogs at 71..80
    first, second = chunk(prompt, tok)
    assert first.ids == [BOS] + [CAT] * 70 + [COMMA, EOS] + [PAD] * 4
    assert second.ids == [BOS] + [DOG] * 10 + [EOS] + [PAD] * 65
    # switched off, or the comma too far back: a plain cut after 75 tokens
    for backtrack in (0, 4):
        first, second = chunk(prompt, tok, comma_backtrack=backtrack)
        assert first.ids == [BOS] + [CAT] * 70 + [COMMA] + [DOG] * 4 + [EOS]
        assert second.ids == [BOS] + [DOG] * 6 + [EOS] + [PAD] * 69


@pytest.mark.parametrize("cats, moved", [(55, True), (54, False)])
def test_comma_backtrack_reaches_exactly_20_tokens(tok, cats, moved):
    prompt = " ".join(["cat"] * cats) + ", " + " ".join(["dog"] * 40)
    first = chunk(prompt, tok)[0]
    if moved:  # comma at index 55: 75 - 55 = 20 <= 20, the 19 dogs after it move on
        assert first.ids == [BOS] + [CAT] * 55 + [COMMA, EOS] + [PAD] * 19
    else:  # comma at index 54: 21 > 20
        assert first.ids == [BOS] + [CAT] * 54 + [COMMA] + [DOG] * 20 + [EOS]


def test_comma_arriving_at_a_full_chunk_starts_the_next(tok):
    first, second = chunk(" ".join(["cat"] * 75) + ", dog", tok)
    assert first.ids == [BOS] + [CAT] * 75 + [EOS]
    assert second.ids[:4] == [BOS, COMMA, DOG, EOS]


def test_break_starts_a_new_chunk(tok):
    chunks = chunk("a cat BREAK a dog", tok)
    assert [c.ids[:4] for c in chunks] == [[BOS, A, CAT, EOS], [BOS, A, DOG, EOS]]
    assert len(chunk("a cat BREAK", tok)) == 1
    assert [c.ids[:3] for c in chunk("BREAK dog", tok)] == [[BOS, EOS, PAD], [BOS, DOG, EOS]]  # as A1111
    assert len(chunk(" ".join(["cat"] * 75) + " BREAK dog", tok)) == 2  # a full chunk is not closed twice


def test_chunks_lose_no_tokens(tok):
    prompt = ", ".join(["a (red:1.3) car, [sports] cat, ((tall)) dog"] * 12)
    plain = ", ".join(["a red car, sports cat, tall dog"] * 12)
    chunks = chunk(prompt, tok, comma_backtrack=0)
    ids = [i for c in chunks for i in c.ids if i not in (BOS, EOS, PAD)]
    assert ids == tok.encode(plain) and len(ids) == 12 * 9 + 11
    assert len(chunks) == 2 and all(len(c.ids) == len(c.weights) == 77 for c in chunks)


WORDS = ["cat", "dog", "red", "car", "sports", "a", ","]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["{}", "({})", "[{}]", "({}:1.3)", "(({}))"])),
                max_size=200))
def test_chunks_lose_no_tokens_property(tok, words):
    prompt = " ".join(form.format(word) for word, form in words)
    chunks = chunk(prompt, tok, comma_backtrack=0)
    ids = [i for c in chunks for i in c.ids if i not in (BOS, EOS, PAD)]
    assert ids == tok.encode(" ".join(word for word, _ in words))
    assert len(chunks) == max(1, -(-len(ids) // 75))
    assert all(c.ids[0] == BOS and len(c.ids) == 77 for c in chunks)


class WordTokenizer:
    """A tokenizer with a padding id of its own (as SD 2.x has): one id per word."""
    bos_id, eos_id, pad_id = 1, 2, 0
    encoder = {",</w>": 3}

    def encode(self, text):
        return [3 if w == "," else 10 + len(w) for w in text.replace(",", " , ").split()]


def test_padding_uses_the_pad_id_after_eos():
    (c,) = chunk("ab (abc:2)", WordTokenizer(), chunk_length=5)
    assert c.ids == [1, 12, 13, 2, 0, 0, 0] and c.weights == [1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]


def test_small_chunks_and_backtrack():
    # chunk_length 4, backtrack 2: 'a bb , ccc' fills 4 slots; 'dddd' finds the comma 2 from the end
    chunks = chunk("a bb, ccc dddd", WordTokenizer(), chunk_length=4, comma_backtrack=2)
    assert [c.ids for c in chunks] == [[1, 11, 12, 3, 2, 0], [1, 13, 14, 2, 0, 0]]


def test_chunk_validates_its_arguments(tok):
    with pytest.raises(ValueError, match="chunk_length"):
        chunk("a", tok, chunk_length=0)
    with pytest.raises(ValueError, match="comma_backtrack"):
        chunk("a", tok, comma_backtrack=-1)
    with pytest.raises(TypeError):
        chunk(["a"], tok)
    with pytest.raises(ValueError, match="weights"):
        Chunk([1, 2], [1.0])


def test_chunk_repr_is_short(tok):
    assert repr(chunk("a cat", tok)[0]) == "Chunk(ids=[49406, 320, 2368, 49407 ×74], weights=[1.0 ×77])"


# ---- match_chunk_counts -------------------------------------------------------------------------
def test_match_chunk_counts_pads_the_shorter_with_empty_prompt_chunks(tok):
    long, short = chunk(" ".join(["cat"] * 160), tok), chunk("dog", tok)
    empty = [BOS, EOS] + [PAD] * 75
    cond, uncond = match_chunk_counts(long, short, tok)
    assert cond == long and len(uncond) == 3
    assert uncond[0] == short[0] and [c.ids for c in uncond[1:]] == [empty, empty]
    assert all(c.weights == [1.0] * 77 for c in uncond[1:])
    cond, uncond = match_chunk_counts(short, long, tok)  # and the other way round
    assert uncond == long and [c.ids for c in cond] == [short[0].ids, empty, empty]
    assert len(short) == 1 and len(long) == 3  # the inputs are not changed
    assert match_chunk_counts(short, short, tok) == (short, short)


def test_match_chunk_counts_validates(tok):
    with pytest.raises(ValueError, match="at least one"):
        match_chunk_counts([], chunk("a", tok), tok)
    with pytest.raises(ValueError, match="same length"):
        match_chunk_counts(chunk("a", tok), chunk("a", tok, chunk_length=10), tok)


# ---- schedule -----------------------------------------------------------------------------------
def test_schedule_a1111_comment_example():
    prompt = ("fantasy landscape with a [mountain:lake:0.25] and [an oak:a christmas tree:0.75]"
              "[ in foreground::0.6][: in background:0.25] [shoddy:masterful:0.5]")
    assert schedule(prompt, 100) == [
        (25, "fantasy landscape with a mountain and an oak in foreground shoddy"),
        (50, "fantasy landscape with a lake and an oak in foreground in background shoddy"),
        (60, "fantasy landscape with a lake and an oak in foreground in background masterful"),
        (75, "fantasy landscape with a lake and an oak in background masterful"),
        (100, "fantasy landscape with a lake and a christmas tree in background masterful"),
    ]


ALTERNATING = [(s, "a" if s % 2 else "(b:1.1)") for s in range(1, 11)]


@pytest.mark.parametrize("prompt, expected", [  # the doctests of get_learned_conditioning_prompt_schedules, steps=10
    ("test", [(10, "test")]),
    ("a [b:3]", [(3, "a "), (10, "a b")]),
    ("a [b: 3]", [(3, "a "), (10, "a b")]),
    ("a [[[b]]:2]", [(2, "a "), (10, "a [[b]]")]),
    ("[(a:2):3]", [(3, ""), (10, "(a:2)")]),
    ("a [b : c : 1] d", [(1, "a b  d"), (10, "a  c  d")]),
    ("a[b:[c:d:2]:1]e", [(1, "abe"), (2, "ace"), (10, "ade")]),
    ("a [unbalanced", [(10, "a [unbalanced")]),
    ("a [b:.5] c", [(5, "a  c"), (10, "a b c")]),
    ("((a][:b:c [d:3]", [(3, "((a][:b:c "), (10, "((a][:b:c d")]),
    ("[a|(b:1.1)]", ALTERNATING),
    ("[fe|]male", [(s, "female" if s % 2 else "male") for s in range(1, 11)]),
    ("[fe|||]male", [(s, "female" if s % 4 == 1 else "male") for s in range(1, 11)]),
])
def test_schedule_a1111_examples(prompt, expected):
    assert schedule(prompt, 10) == expected


@pytest.mark.parametrize("prompt, steps, expected", [
    ("a (red:1.2) car, ((sharp)) [blur]", 20, [(20, "a (red:1.2) car, ((sharp)) [blur]")]),  # emphasis untouched
    ("a [(red:1.2):blue:5] car", 20, [(5, "a (red:1.2) car"), (20, "a blue car")]),
    ("a [cat::4] dog", 10, [(4, "a cat dog"), (10, "a  dog")]),
    ("[cat:dog:0.5]", 7, [(3, "cat"), (7, "dog")]),  # int(0.5 * 7) = 3
    ("[cat:dog:50]", 10, [(10, "cat")]),  # beyond the last step: never switches
    ("[cat:dog:0]", 10, [(0, "cat"), (10, "dog")]),  # A1111 keeps the step 0 (no step uses it)
    ("[cat:[dog|fox]:2]", 3, [(1, "cat"), (2, "cat"), (3, "dog")]),
    ("[a:b] [a:b:c:3] [a|b:3]", 10, [(10, "[a:b] [a:b:c:3] [a|b:3]")]),  # no valid editing: text
    ("\\[a:b:3\\]", 10, [(10, "\\[a:b:3\\]")]),  # escaped brackets are text, escapes kept for parse_emphasis
    ("a | b [c:d:5]", 10, [(10, "a | b [c:d:5]")]),  # a '|' outside [a|b]: A1111's grammar rejects the prompt
    ("(a [b) c]", 10, [(10, "(a [b) c]")]),
    ("[a\\]:3]", 10, [(3, ""), (10, "a\\]")]),  # an escaped ']' does not close the bracket
    ("", 5, [(5, "")]),
])
def test_schedule_cases(prompt, steps, expected):
    assert schedule(prompt, steps) == expected


def test_schedule_errors_are_clear():
    for steps in (0, -3, 2.5, True):
        with pytest.raises(ValueError, match="steps"):
            schedule("a", steps)
    with pytest.raises(ValueError, match="nests brackets"):
        schedule("[" * 500 + "a" + "]" * 500, 10)
    assert schedule("[" * 500 + "a", 10) == [(10, "[" * 500 + "a")]  # unmatched: text, no recursion


# ---- parse_and ----------------------------------------------------------------------------------
@pytest.mark.parametrize("prompt, expected", [  # A1111 keeps the whitespace in front of a part, drops the one after
    ("a cat :1.2 AND a dog", [("a cat", 1.2), (" a dog", 1.0)]),
    ("a cat", [("a cat", 1.0)]),
    ("a cat:0.5 AND a dog: -.7 AND fox :2", [("a cat", 0.5), (" a dog", -0.7), (" fox", 2.0)]),
    ("cat and dog AND ANDROID", [("cat and dog", 1.0), (" ANDROID", 1.0)]),
    ("a (red:1.2) AND [b:c:0.5]", [("a (red:1.2)", 1.0), (" [b:c:0.5]", 1.0)]),
    ("a cat:1.2.3", [("a cat:1.2.3", 1.0)]),
    ("AND b", [("", 1.0), (" b", 1.0)]),
    ("cat\n:0.7", [("cat", 0.7)]),  # whitespace before the ':' may hold a line break
    ("a\ncat :0.7 ", [("a\ncat :0.7 ", 1.0)]),  # the text itself may not: the part stays whole, weight 1
    ("\n cat :0.7", [("\n cat", 0.7)]),  # leading whitespace may
])
def test_parse_and(prompt, expected):
    assert parse_and(prompt) == expected


def test_parse_and_rejects_non_text():
    with pytest.raises(TypeError):
        parse_and(3)


# ---- the linear-time readings agree with the plain regexes they replace ----------------------------------
# These regexes define the syntax but take quadratic time on some long inputs (a run of whitespace before
# no BREAK, a long number followed by no ')'), so course.text.prompts reads the same thing another way.
SYNTAX = st.lists(st.sampled_from([" ", "\t", "\n", "\u3000", "BREAK", "B", "K", "AND", "a", "_", ":", ".", "+", "-",
                                   "0", "1", "5", "e"]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(SYNTAX)
def test_break_split_agrees_with_the_regex(text):
    assert course.text.prompts._split_break(text) == re.split(r"\s*\bBREAK\b\s*", text)


@settings(max_examples=400, deadline=None)
@given(SYNTAX)
def test_number_pattern_agrees_with_the_plain_one(text):
    numbers = course.text.prompts.NUMBER, r"[+-]?(?:\d+\.?\d*|\.\d+)"
    for pattern in [r"{}", r":({})\)", r"\s*({})\s*"]:  # alone, as a weight, as an AND weight
        for match in (re.match, re.fullmatch):
            new, plain = (match(pattern.format(number), text) for number in numbers)
            assert (new and (new.group(0), new.groups())) == (plain and (plain.group(0), plain.groups()))


@settings(max_examples=400, deadline=None)
@given(SYNTAX)
def test_parse_and_agrees_with_the_regex(text):
    # A1111 1.5's re_weight, searched in each part; no match leaves the part whole with weight 1
    trailing_weight = re.compile(r"^(\s*.*?)(?:\s*:\s*([-+]?(?:\d+\.?|\d*\.\d+)))?\s*$")
    expected = []
    for part in re.split(r"\bAND\b", text):
        m = trailing_weight.search(part)
        t, w = m.groups() if m else (part, None)
        expected.append((t, float(w) if w is not None else 1.0))
    assert parse_and(text) == expected
