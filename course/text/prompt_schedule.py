"""A1111's prompt syntax that acts during sampling: prompt editing and composition, rebuilt from scratch.

    schedule        "a [cat:dog:0.5]", 10    -> [(5, 'a cat'), (10, 'a dog')]        (prompt editing)
    parse_and       "a cat AND a dog:0.5"    -> [('a cat', 1.0), ('a dog', 0.5)]      (composable diffusion)

A1111 applies them in the order parse_and -> schedule -> chunk (course.text.prompts): AND splits the prompt into
sub-prompts, and each sub-prompt gets its own text per sampling step. The behaviour, corner cases included,
follows A1111's modules/prompt_parser.py (get_learned_conditioning_prompt_schedules, get_multicond_prompt_list);
where this file chooses differently, a comment says so and why. Every parser here is linear in the prompt's length.
"""
from __future__ import annotations

import math
import re
from collections import namedtuple

from course.text.prompts import MAX_DEPTH, NUMBER, check_str, excerpt, parse_weight, too_deep, whole_number

__all__ = ["schedule", "parse_and"]


# ---- 3. prompt editing: [a:b:when], [a:when], [a::when], [a|b] ----------------------------------
PLAIN = re.compile(r"(?:[^\\()\[\]:|]|\\.)+", re.DOTALL)  # escapes stay as written: emphasis reads them later
_Edit = namedtuple("_Edit", "before after when")  # [before:after:when]: before up to step `when`, then after
_Alternate = namedtuple("_Alternate", "options")  # [a|b|c]: a at step 1, b at 2, c at 3, a at 4, ...


def _match_brackets(text: str) -> dict[int, int]:
    """Position of each '(' or '[' -> position of its partner; unmatched brackets are left out (they are text)."""
    pairs, open_at, i = {}, [], 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2  # an escaped character is never a bracket
            continue
        if c in "([":
            open_at.append(i)
        elif c in ")]" and open_at and text[open_at[-1]] == {")": "(", "]": "["}[c]:
            pairs[open_at.pop()] = i
        i += 1
    return pairs


def _when(part: list, steps: int, bracket: str) -> int | None:
    """' 0.25' -> 25 (of 100 steps), '3' -> 3: below 1 is a fraction of steps, else a step. None if no number.

    Refused: a negative number, and one too long for a float (inf). A number beyond the last step is
    kept (the text never switches), as in A1111, where a prompt serves runs with different step counts.
    """
    m = re.fullmatch(rf"\s*({NUMBER})\s*", "".join(part)) if all(isinstance(n, str) for n in part) else None
    if m is None:
        return None
    value = float(m.group(1))
    if not 0 <= value < math.inf:
        raise ValueError(f"Prompt editing {excerpt(bracket)!r} switches at {excerpt(m.group(1))}, "
                         f"{'a negative number' if value < 0 else 'too large for a float'}; write a fraction of "
                         f"the steps in 0..1 (0.5 = halfway) or a step number 1..{steps}.")
    # A1111 before 1.6 (and its option use_old_scheduling) reads numbers this way. Since 1.6 it calls any
    # number with a '.' a fraction, so 2.0 means 200% (never switches) where we read it as step 2.
    return min(steps, int(value * steps if value < 1 else value))


def _render(nodes: list, step: int) -> str:
    out = []
    for node in nodes:
        if isinstance(node, _Edit):
            out.append(_render(node.before if step <= node.when else node.after, step))
        elif isinstance(node, _Alternate):
            out.append(_render(node.options[(step - 1) % len(node.options)], step))
        else:
            out.append(node)
    return "".join(out)


def schedule(prompt: str, steps: int) -> list[tuple[int, str]]:
    """Expand prompt editing into [(end_step, text), ...]: text is used for the steps up to end_step.

    ``[a:b:when]`` a until step ``when``, then b; ``[a:when]`` a from ``when`` on; ``[a::when]``
    a until ``when``; ``when`` below 1 is a fraction of ``steps``. ``[a|b]`` alternates every step.
    Brackets that form none of these, like (red:1.2) or [blue], pass through as written.

    >>> schedule("a [cat:dog:0.5]", 10)
    [(5, 'a cat'), (10, 'a dog')]
    """
    check_str(prompt, "prompt")
    steps = whole_number(steps, "steps", 1, "the number of sampling steps, e.g. 20")
    pairs = _match_brackets(prompt)
    ends = {steps}  # the steps at which the text changes
    alternates = False  # an [a|b] changes the text at every step

    def as_text(parts: list[list], seps: list[str]) -> list:
        """Glue parts back together with their separators, which are plain text here."""
        nodes = list(parts[0])
        for sep, part in zip(seps, parts[1:]):
            nodes += [sep, *part]
        return nodes

    def bracket(start: int, parts: list[list], seps: list[str]) -> list:
        """The bracket at prompt[start], holding parts with seps between them, as nodes."""
        nonlocal alternates
        opener = prompt[start]
        closer = ")" if opener == "(" else "]"
        if opener == "(" or not seps:  # (x), (x:1.2), [x]: emphasis, kept as written
            return [opener, *as_text(parts, seps), closer]
        if set(seps) == {"|"}:
            alternates = True
            return [_Alternate(parts)]
        when = _when(parts[-1], steps, prompt[start:pairs[start] + 1]) \
            if set(seps) == {":"} and len(parts) <= 3 else None
        if when is not None:
            if when >= 1:
                ends.add(when)
            return [_Edit(parts[0] if len(parts) == 3 else [], parts[-2], when)]
        return [opener, *as_text(parts, seps), closer]  # e.g. [a:b], [a:b|c]: plain text, as in A1111

    def parse(start: int, stop: int, depth: int) -> tuple[list[list], list[str]]:
        """prompt[start:stop] -> parts split at this level's ':' and '|', and those separators."""
        if depth > MAX_DEPTH:
            raise too_deep(prompt, start - 1, "each bracket inside the one before")
        parts, seps, i = [[]], [], start
        while i < stop:
            if prompt[i] in "([" and i in pairs:
                parts[-1] += bracket(i, *parse(i + 1, pairs[i], depth + 1))
                i = pairs[i] + 1
            elif prompt[i] in ":|":
                seps.append(prompt[i])
                parts.append([])
                i += 1
            else:  # plain text, an unmatched bracket, or a backslash at the very end
                m = PLAIN.match(prompt, i, stop)
                end = m.end() if m else i + 1
                parts[-1].append(prompt[i:end])
                i = end
        return parts, seps

    # ':' and '|' outside [...] are text. (A1111's grammar rejects a '|' there, and then ignores all
    # editing in the prompt; we still apply the editing around it.)
    nodes = as_text(*parse(0, len(prompt), 0))
    return [(end, _render(nodes, end)) for end in (range(1, steps + 1) if alternates else sorted(ends))]


# ---- 4. composable diffusion: a AND b:0.5 -------------------------------------------------------
AND_WORD = re.compile(r"\bAND\b")
WEIGHT_AT_END = re.compile(rf"\s*({NUMBER})\s*")


def parse_and(prompt: str) -> list[tuple[str, float]]:
    """Split at the uppercase word AND; each part may end in ':weight' (default 1.0).

    Refused (ValueError): a weight too long for a float (inf).

    >>> parse_and("a cat :1.2 AND a dog")
    [('a cat', 1.2), ('a dog', 1.0)]
    """
    check_str(prompt, "prompt")
    result = []
    for part in AND_WORD.split(prompt):
        # A weight is a number after the last ':' of the part, with nothing but whitespace around it
        colon = part.rfind(":")
        m = WEIGHT_AT_END.fullmatch(part, colon + 1) if colon >= 0 else None
        # A1111 keeps the whitespace in front of a part; we strip it (CLIP ignores it anyway)
        text, weight = (part[:colon], parse_weight(m.group(1), part[colon:], "a cat :1.2 AND a dog")) if m else (part, 1.0)
        result.append((text.strip(), weight))
    return result
