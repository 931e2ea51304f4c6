"""A1111's prompt syntax that acts during sampling: prompt editing and composition, rebuilt from scratch.

    schedule        "a [cat:dog:0.5]", 10    -> [(5, 'a cat'), (10, 'a dog')]        (prompt editing)
    parse_and       "a cat AND a dog:0.5"    -> [('a cat', 1.0), (' a dog', 0.5)]     (composable diffusion)

A1111 applies them in the order parse_and -> schedule -> chunk (course.text.prompts): AND splits the prompt into
sub-prompts, and each sub-prompt gets its own text per sampling step. The reference is A1111 1.5's
modules/prompt_parser.py (get_learned_conditioning_prompt_schedules with its lark grammar,
get_multicond_prompt_list), quirks included, checked against 3,000 prompts run through A1111's own code
(tests/test_a1111_vectors.py). The quirks a learner meets:
- A '|' outside a valid [a|b] ('[a|b]|', or '[a|(b]' where the '(' closes nothing inside), or a backslash at
  the very end or before a line break: the grammar rejects the whole prompt, and A1111 uses it as written at
  every step, its [a:b:when] and [a|b] included.
- A bracket holding what no bracket may (a second ':' in '(a:b:c)', a bracket closing nothing) is text, and
  so is every bracket around it: '[a:(b:3]' is text.
- [a|b] keeps the first piece of each alternative only: '[(x) y|z]' alternates '(x)' and 'z'.
- A bracket that is both valid editing/emphasis and, read as plain characters, valid text (at the top level,
  followed by ':' or brackets that close nothing) is read whichever way lark's Earley parser lists first;
  see _read_as_text. '[a:b:0.5]:]' is one text; '[a:b:0.5]:' edits. (This follows lark 1.1.9 and later; with
  lark 1.1.2, which A1111 1.5 pins, the choice changes with Python's hash seed from one run to the next.)
- The switch step is any number lark reads: '[a:b:1e2]' switches at step 100, '[a:b:-1]' never shows a and
  adds an entry ending at step -steps, which no step uses. Below 1 is a fraction of the steps, as before A1111
  1.6 (1.6 calls any number with a '.' a fraction: 2.0 means 200%).
- An AND weight: ':w' after the last ':' of the part, with the part's text on one line after its leading
  whitespace ('a\\ncat :0.7' keeps the weight 1.0 and all of its text). Leading whitespace stays in the text.

Deliberate differences, where A1111 fails (none of the reference prompts needs them):
- An empty alternative ('[a|]', '[|b]'): A1111 1.5 crashes (StopIteration inside lark); here it is the empty
  text, as A1111 1.6 reads it.
- A switch step or AND weight too large for a float ('[a:b:1e400]'): A1111 raises OverflowError or passes
  inf on; refused here with a ValueError.
- More than MAX_DEPTH brackets nested inside each other are refused, as parse_emphasis refuses them.
Every parser here is linear in the prompt's length.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from course.text.prompts import MAX_DEPTH, NUMBER, check_str, excerpt, parse_weight, too_deep, whole_number

__all__ = ["schedule", "parse_and"]


# ---- 3. prompt editing: [a:b:when], [a:when], [a::when], [a|b] ----------------------------------
# lark's NUMBER (common.SIGNED_NUMBER): 3, 3., 3.5, .5, 1e2, -1 (ASCII digits only), after optional whitespace
WHEN = re.compile(r"\s*([+-]?(?:[0-9]+[eE][+-]?[0-9]+|(?:[0-9]+\.(?:[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[0-9]+))")
TEXT = set("[]():")  # the characters A1111's grammar takes as plain text outside brackets (and only there)
OPENER = {")": "(", "]": "["}


@dataclass
class _Bracket:
    """A bracket the grammar accepts: '(' or '[' emphasis, ':' editing, '|' alternation."""

    start: int
    end: int  # one past the closing bracket
    kind: str
    parts: list[tuple[int, int]]  # the text between the separators: [before, after] for editing
    when: str | None = None  # editing: the switch number as written
    height: int = 1  # brackets nested inside, itself included
    innermost: int = 0  # where the deepest of them opens (for the error message)


def _form(prompt: str, start: int, end: int, seps: list[int]) -> _Bracket | None:
    """The bracket prompt[start:end] with separators at seps, or None if the grammar has no such bracket."""
    parts = list(zip([start + 1, *[s + 1 for s in seps]], [*seps, end - 1]))
    kinds = {prompt[s] for s in seps}
    if prompt[start] == "(":  # (x) or (x:y)
        return _Bracket(start, end, "(", parts) if kinds <= {":"} and len(seps) <= 1 else None
    if not seps:  # [x]
        return _Bracket(start, end, "[", parts)
    if kinds == {"|"}:  # [a|b|...]
        return _Bracket(start, end, "|", parts)
    if kinds == {":"} and len(seps) <= 2:  # [after:when], [before:after:when]: a number right before ']'
        m = WHEN.fullmatch(prompt, *parts[-1])
        if m:
            return _Bracket(start, end, ":", parts[:-1], m.group(1))
    return None


def _brackets(prompt: str) -> dict[int, _Bracket] | None:
    """Every bracket the grammar accepts, by where it opens; None if the grammar rejects the prompt.

    A bracket holds text, escapes and accepted brackets only: a bracket that closes nothing inside it, or
    one that is not accepted, makes all brackets around it plain characters (text at the top level).
    """
    found: dict[int, _Bracket] = {}
    stack: list[tuple[int, list[int], list[_Bracket]]] = []  # open: (start, separators, brackets inside)
    spoilt = 0  # stack[:spoilt] contain a character they cannot hold, so none of them is accepted
    i = 0
    while i < len(prompt):
        c = prompt[i]
        if c == "\\":
            if i + 1 == len(prompt) or prompt[i + 1] == "\n":  # lark's '\\.' needs a character, not a line break
                return None
            i += 1
        elif c in "([":
            stack.append((i, [], []))
        elif c in ")]" and stack and prompt[stack[-1][0]] == OPENER[c]:
            start, seps, inside = stack.pop()
            b = _form(prompt, start, i + 1, seps) if len(stack) >= spoilt else None
            spoilt = min(spoilt, len(stack))
            if b is None:
                if any(prompt[s] == "|" for s in seps):  # a '|' that belongs to no [a|b]
                    return None
                spoilt = len(stack)
            else:
                tallest = max(inside, key=lambda x: x.height, default=None)
                if tallest is not None:
                    b.height, b.innermost = tallest.height + 1, tallest.innermost
                else:
                    b.innermost = start
                if b.height > MAX_DEPTH:
                    raise too_deep(prompt, b.innermost, "each bracket inside the one before")
                found[start] = b
                if stack:
                    stack[-1][2].append(b)
        elif c in ")]":
            spoilt = len(stack)
        elif c in ":|":
            if stack:
                stack[-1][1].append(i)
            elif c == "|":
                return None
        i += 1
    return None if any(prompt[s] == "|" for _, seps, _ in stack for s in seps) else found


def _read_as_text(prompt: str, found: dict[int, _Bracket]) -> set[int]:
    """Where the accepted brackets open that A1111 nevertheless reads as plain characters.

    At the top level ':' and brackets may be text (rule 'start'), so '[a]::' is either the emphasis [a] and the
    text '::', or the text '[', 'a', ']::'. lark's Earley parser keeps the reading it recorded first at the end
    of each run of such text-only characters. So walk back from the end: a bracket that closes here is kept,
    other text is skipped, and a run of text-only characters that ends at pos starts at first[pos]: the
    brackets whose closing character falls inside it are text.

    Which start lark records first follows from the order in which it works through its Earley sets (a stack,
    so each comes out in the reverse order of the one before). Call P(m) the starts of the runs ending at m, in
    lark's order. After a text-only character, P(m + 1) is P(m) reversed, plus m (the run starting at m, if the
    text before m is a complete prompt) placed before its last entry, or after it when lark completed a bracket
    closing at m before the runs (at every other bracket of a row of closing brackets such as ']]]', the first
    not). Only the first and last entries of P are needed. tests/test_a1111_vectors.py holds the reference;
    docs/results.md says how far beyond it this was checked against lark itself.
    """
    n, ends = len(prompt), {b.end: b for b in found.values()}
    # after the first '|' of an [a|b] and before its ']', the text so far is no complete prompt
    complete, depth, opens = [True] * (n + 1), 0, {}
    for b in found.values():
        if b.kind == "|":
            opens[b.parts[1][0]] = opens.get(b.parts[1][0], 0) + 1
            opens[b.end] = opens.get(b.end, 0) - 1
    for m in range(n + 1):
        depth += opens.get(m, 0)
        complete[m] = depth == 0
    text_only, i = [False] * n, 0  # characters that rule 'start' can take as text (escaped ones cannot)
    while i < n:
        text_only[i], i = prompt[i] in TEXT, i + (2 if prompt[i] == "\\" else 1)

    first, last, size = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1)  # of P(m)
    runs_first = [False] * (n + 1)  # at m, lark completed the runs before a bracket closing at m
    for m in range(n):
        if size[m] and complete[m] and m in ends:
            runs_first[m] = not runs_first[m - 1] if m - 1 in ends else True
        else:
            runs_first[m] = size[m] > 0
        if not text_only[m]:
            continue
        if not complete[m]:  # no run starts at m
            first[m + 1], last[m + 1], size[m + 1] = last[m], first[m], size[m]
        elif not size[m]:
            first[m + 1] = last[m + 1] = m
            size[m + 1] = 1
        else:
            after = not runs_first[m] and m in ends  # m goes after P(m)'s first entry, or (reversed) last
            first[m + 1] = last[m] if after or size[m] > 1 else m
            last[m + 1] = m if after else first[m]
            size[m + 1] = size[m] + 1

    as_text, pos = set(), n
    while pos > 0:
        b = ends.get(pos)
        if b is not None:  # a bracket closes here: lark prefers it to text
            pos = b.start
        elif not text_only[pos - 1]:
            pos -= 1
        else:  # a run of text ends here: it starts where lark's first reading says
            start = first[pos] if size[pos] else pos - 1
            as_text.update(ends[j + 1].start for j in range(start, pos) if j + 1 in ends)
            pos = start
    return as_text


def _number(b: _Bracket, prompt: str, steps: int) -> int:
    """The step at which [before:after:when] switches: below 1 a fraction of steps, else a step number."""
    value = float(b.when)
    value = value * steps if value < 1 else value
    if not math.isfinite(value):  # A1111: OverflowError from int(inf)
        raise ValueError(f"Prompt editing {excerpt(prompt[b.start:b.end])!r} switches at {excerpt(b.when)}, "
                         f"too large for a float; write a fraction of the steps in 0..1 (0.5 = halfway) or "
                         f"a step number 1..{steps}.")
    return min(steps, int(value))  # beyond the last step: never switches (a prompt serves several step counts)


def schedule(prompt: str, steps: int) -> list[tuple[int, str]]:
    """Expand prompt editing into [(end_step, text), ...]: text is used for the steps up to end_step.

    ``[a:b:when]`` a until step ``when``, then b; ``[a:when]`` a from ``when`` on; ``[a::when]``
    a until ``when``; ``when`` below 1 is a fraction of ``steps``. ``[a|b]`` alternates every step.
    Brackets that form none of these, like (red:1.2) or [blue], pass through as written, and so does
    the whole prompt when A1111's grammar rejects it (see the module docstring).

    >>> schedule("a [cat:dog:0.5]", 10)
    [(5, 'a cat'), (10, 'a dog')]
    """
    check_str(prompt, "prompt")
    steps = whole_number(steps, "steps", 1, "the number of sampling steps, e.g. 20")
    found = _brackets(prompt)
    if found is None:
        return [(steps, prompt)]
    as_text = _read_as_text(prompt, found)
    ends, alternates = {steps}, False
    for b in found.values():  # A1111 collects the steps of every edit in its parse, used or not
        if b.start not in as_text and b.kind == ":":
            ends.add(_number(b, prompt, steps))
        alternates = alternates or (b.start not in as_text and b.kind == "|")
    # brackets inside one read as text are still parsed: only the top-level ones can be text
    for start in as_text:
        del found[start]
    if alternates:
        ends.update(range(1, steps + 1))

    def render(a: int, z: int, step: int, out: list[str]) -> None:
        i = a
        while i < z:
            b = found.get(i)
            if b is None:
                j = i + 2 if prompt[i] == "\\" else i + 1
                out.append(prompt[i:j])
                i = j
                continue
            if b.kind == ":":
                if step <= _number(b, prompt, steps):
                    if len(b.parts) == 2:
                        render(*b.parts[0], step, out)
                else:
                    render(*b.parts[-1], step, out)
            elif b.kind == "|":
                x, y = b.parts[(step - 1) % len(b.parts)]
                render(x, _first_piece(prompt, found, x, y), step, out)
            else:  # emphasis: kept as written for parse_emphasis, with the brackets inside it expanded
                out.append(prompt[b.start])
                for k, (x, y) in enumerate(b.parts):
                    out.append(prompt[x - 1] if k else "")
                    render(x, y, step, out)
                out.append(prompt[b.end - 1])
            i = b.end

    result = []
    for end in sorted(ends):
        out: list[str] = []
        render(0, len(prompt), end, out)
        result.append((end, "".join(out)))
    return result


def _first_piece(prompt: str, found: dict[int, _Bracket], x: int, y: int) -> int:
    """End of the first piece of prompt[x:y]: a bracket, or the text up to the next bracket.

    A1111 renders [a|b|...] with next() on each alternative's pieces, which yields the first one only.
    """
    if x < y and x in found:
        return found[x].end
    i = x
    while i < y and i not in found:
        i += 2 if prompt[i] == "\\" else 1
    return min(i, y)


# ---- 4. composable diffusion: a AND b:0.5 -------------------------------------------------------
AND_WORD = re.compile(r"\bAND\b")
WEIGHT_AT_END = re.compile(rf"\s*({NUMBER})\s*")


def parse_and(prompt: str) -> list[tuple[str, float]]:
    """Split at the uppercase word AND; each part may end in ':weight' (default 1.0).

    As A1111's pattern ``^(\\s*.*?)(?:\\s*:\\s*(number))?\\s*$``: the text keeps its leading whitespace and
    loses its trailing whitespace; when the text after the leading whitespace spans lines, the part is
    kept whole with weight 1.0. Refused (ValueError): a weight too long for a float (inf).

    >>> parse_and("a cat :1.2 AND a dog")
    [('a cat', 1.2), (' a dog', 1.0)]
    """
    check_str(prompt, "prompt")
    result = []
    for part in AND_WORD.split(prompt):
        lead = len(part) - len(part.lstrip())
        text_end = len(part.rstrip())
        colon = part.rfind(":")
        m = WEIGHT_AT_END.fullmatch(part, colon + 1) if colon >= 0 else None
        if m:  # the text ends where the whitespace before the colon starts
            text_end = len(part[:colon].rstrip())
        text_end = max(lead, text_end)
        if "\n" in part[lead:text_end]:  # A1111's '.' stops at a line break: no match, the part as it is
            result.append((part, 1.0))
        elif m:
            result.append((part[:text_end], parse_weight(m.group(1), part[colon:], "a cat :1.2 AND a dog")))
        else:
            result.append((part[:text_end], 1.0))
    return result
