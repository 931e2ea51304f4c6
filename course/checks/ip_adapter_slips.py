"""The mistakes learners make in notebook 09's exercises, each as the code that makes it, with its sentence.

A slip is ``(words, fn)``: ``fn`` takes what the learner's code takes (for ``ImageProjection``: our module, holding
the very weights the learner's got, then image_embeds; for ``decoupled_attention``: q, k, v, k_ip, v_ip, scale) and
returns what the mistake returns. course.checks.ip_adapter names the one that gives the learner's result on the
verdict's first line, after "it looks like". Mistakes that show in the parameters' names and shapes are read from
those (``fit_words``), and errors from their messages (``projection_error_words``, ``attention_error_words``).
"""
from __future__ import annotations

import math
import re

import torch
import torch.nn.functional as F

# ---- §1 ImageProjection ------------------------------------------------------------------------------------------


def _sizes(m, x):
    return len(x), m.num_tokens, m.norm.normalized_shape[0]  # B, N, C


def _split(m, x, act=None):
    b, n, c = _sizes(m, x)
    y = m.proj(x)  # (B, N·C)
    return (act(y) if act else y).view(b, n, c)  # (B, N, C)


def _affine(m, h):
    return h * m.norm.weight + m.norm.bias


def _over_tokens(m, x, affine=True):
    """Each channel normalised over the N tokens (axis 1) instead of each token over its C channels."""
    h = _split(m, x)
    h = (h - h.mean(1, keepdim=True)) / torch.sqrt(h.var(1, unbiased=False, keepdim=True) + m.norm.eps)
    return _affine(m, h) if affine else h


def _before_split(m, x, affine=True):
    """One LayerNorm over all N·C numbers, then the split (and the norm's weight and bias per token, or none)."""
    b, n, c = _sizes(m, x)
    h = F.layer_norm(m.proj(x), (n * c,), eps=m.norm.eps).view(b, n, c)  # (B, N, C)
    return _affine(m, h) if affine else h


SPLIT_ORDER = ("you split the N·C numbers into tokens the wrong way round: proj gives the first token's C numbers, "
               "then the second token's, and so on, so split the last axis into N tokens of C numbers directly; "
               "reading it as C rows of N and transposing gives each token every N-th number.")
BEFORE_SPLIT = ("the LayerNorm ran over all N·C numbers at once, before the split: it normalises each image token on "
                "its own, over its C numbers, so split into tokens first and normalise them after.")
OVER_TOKENS = ("the tokens were normalised over the token axis: LayerNorm normalises each token over its own C "
               "numbers, the last axis, not each channel over the N tokens.")
BATCH_MIXED = ("the tokens of one picture are made of numbers from other pictures of the batch: a reshape of a "
               "transposed or reordered tensor mixes the batch; keep the batch axis first and split only the last "
               "axis, proj's N·C numbers, into N tokens of C.")
ACTIVATION = ("an activation function was added: IP-Adapter's projection is a linear layer, a split into tokens and a "
              "LayerNorm, nothing else.")
PROJECTION_SLIPS = [
    (SPLIT_ORDER, lambda m, x: m.norm(m.proj(x).view(len(x), _sizes(m, x)[2], -1).transpose(1, 2))),
    (BEFORE_SPLIT, _before_split),
    (BEFORE_SPLIT, lambda m, x: _before_split(m, x, affine=False)),
    (OVER_TOKENS, _over_tokens),
    (OVER_TOKENS, lambda m, x: _over_tokens(m, x, affine=False)),
    ("the norm is built but never applied: forward ends by passing the (B, N, C) tokens through norm.", _split),
    ("the tokens were normalised without the norm's own weight and bias: apply the norm module itself, whose learned "
     "scale and shift come from the file.", lambda m, x: F.layer_norm(_split(m, x), m.norm.normalized_shape,
                                                                     eps=m.norm.eps)),
    (BATCH_MIXED, lambda m, x: m.norm(m.proj(x).reshape(_sizes(m, x)[1], len(x), -1).transpose(0, 1))),
    (BATCH_MIXED, lambda m, x: m.norm(m.proj(x).t().reshape(len(x), _sizes(m, x)[1], -1))),
    ("you returned the tokens flattened back to (B, N·C): return them as (B, N, C), one row per image token.",
     lambda m, x: m.norm(_split(m, x)).reshape(len(x), -1)),
    ("the pictures' tokens were stacked on one axis, (B·N, C): keep the batch axis first, (B, N, C).",
     lambda m, x: m.norm(_split(m, x)).reshape(-1, _sizes(m, x)[2])),
    ("you returned (B, C, N): the output is (B, N, C), one row of C numbers per image token.",
     lambda m, x: m.norm(_split(m, x)).transpose(1, 2)),
    *[(ACTIVATION, lambda m, x, act=act: m.norm(_split(m, x, act))) for act in (F.gelu, F.relu, F.silu, torch.tanh)],
    *[(ACTIVATION, lambda m, x, act=act: act(m.norm(_split(m, x)))) for act in (F.gelu, F.relu, F.silu, torch.tanh)],
]


def _shape(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text))


def fit_words(missing: list[str], unexpected: list[str], shapes: dict[str, tuple[tuple, tuple]], d: int, c: int,
              n: int, norm_without_affine: bool) -> str | None:
    """A sentence for the usual ``__init__`` slips, from what strict loading would refuse: keys ``missing`` from the
    learner's state_dict, keys it has that the file lacks, and ``shapes`` {key: (expected, yours)}."""
    proj = shapes.get("proj.weight")
    norm = shapes.get("norm.weight")
    if norm is not None and norm[1] == (n * c,):
        return (f"norm.weight has N·C = {n * c} numbers; expected {c}, cross_attention_dim: the LayerNorm normalises "
                "each image token on its own, over its C numbers, not the whole projection at once.")
    if norm is not None and norm[1] == (d,):
        return (f"norm.weight has image_embed_dim = {d} numbers; expected {c}, cross_attention_dim: the norm works on "
                "the image tokens after the projection, each C numbers wide, not on the image embedding.")
    if proj is not None and proj[1] == (d, n * c):
        return (f"proj.weight is ({d}, {n * c}); expected ({n * c}, {d}): proj takes image_embed_dim numbers in and "
                "gives N·C out, and a linear layer stores its weight as out by in.")
    if proj is not None and proj[1] == (c, d):
        return (f"proj gives only C = {c} numbers; expected proj.weight ({n * c}, {d}): it must give all N tokens at "
                "once, num_tokens times cross_attention_dim numbers, which forward then splits.")
    if proj is not None and proj[1][1:] == (d,) and proj[1][0] % c == 0 and proj[1][0] != n * c:
        return (f"proj gives {proj[1][0] // c} tokens of C numbers, but this build asks for num_tokens = {n}: expected "
                f"proj.weight ({n * c}, {d}); take the number of tokens from num_tokens.")
    if "proj.bias" in missing and "proj.weight" not in missing:
        return (f"proj has no bias: IP-Adapter's linear layer keeps its bias, {n * c} numbers, and the file holds it "
                "as proj.bias.")
    if {"norm.weight", "norm.bias"} <= set(missing) and not unexpected:
        if norm_without_affine:
            return (f"the LayerNorm has no learned weight and bias: keep them on, {c} numbers each; the file holds "
                    "them as norm.weight and norm.bias.")
        return (f"there is no norm: the projection ends with a LayerNorm over each token's C = {c} numbers, named "
                "norm, whose weight and bias the file holds.")
    if missing and unexpected:
        parts = sorted({k.rsplit(".", 1)[0] for k in unexpected})
        return (f"your parts have other names ({', '.join(parts)}): name the linear layer proj and the LayerNorm "
                "norm, the names in IP-Adapter files, so that the trained weights load.")
    if unexpected and not missing:
        return (f"your module also saves {unexpected[0]}, which the file does not hold, and strict loading refuses it: "
                "keep plain numbers such as num_tokens as attributes, not as buffers or parameters.")
    return None


def projection_error_words(error: Exception, b: int, d: int, c: int, n: int) -> str | None:
    """A sentence for an error the learner's forward raised on image_embeds (b, d) of a build (d, c, n)."""
    text = str(error)
    found = re.search(r"shape '\[([-\d, ]+)\]' is invalid", text)
    if found:
        shape = _shape(found.group(1))
        if len(shape) == 3 and shape[0] != b and shape[1:] == (n, c):
            return (f"the batch size is a fixed number, {shape[0]}: take it from image_embeds' first axis, which holds "
                    f"{b} picture{'s' if b > 1 else ''} here.")
        if len(shape) == 3 and shape[1] == 4 and n != 4:
            return f"the number of tokens is fixed at 4: take it from num_tokens, {n} in this build."
        return (f"a reshape does not fit: proj gives {n * c} numbers per picture, to split into num_tokens = {n} "
                f"tokens of cross_attention_dim = {c}, with the batch size taken from image_embeds.")
    size = re.search(r"got input of size\s*\[([\d, ]+)\]", text)
    if "normalized_shape" in text and size and _shape(size.group(1))[1:2] == (4,) and n != 4:
        return f"the number of tokens is fixed at 4: take it from num_tokens, {n} in this build."
    if "normalized_shape" in text:
        return (f"the LayerNorm got a tensor whose last axis is not C = {c}: split proj's output into N tokens of C "
                "numbers first, and normalise those.")
    if "cannot be multiplied" in text:
        return (f"proj got a tensor whose last axis is not image_embed_dim = {d}: apply proj to image_embeds as they "
                "come, one row per picture, before any split.")
    return None


# ---- §2 decoupled_attention --------------------------------------------------------------------------------------


def half(q, k, v, *, root="d", dim=-1, times=1.0):
    """softmax(q kᵀ · times / root) v with the root a slip makes: "d" (right), "none", "d itself", "heads·d", "keys",
    "heads", "after" (divided after the softmax) or a number; ``dim`` the softmax's axis."""
    b, heads, tq, d = q.shape
    sizes = {"d": d, "none": 1, "d itself": d * d, "heads·d": heads * d, "keys": k.shape[-2], "heads": heads,
             "after": 1}
    size = root if isinstance(root, int) else sizes[root]
    scores = q @ k.transpose(-2, -1) * times / math.sqrt(size)  # (B, heads, Tq, Tk)
    out = scores.softmax(dim) @ v  # (B, heads, Tq, d)
    return out / math.sqrt(d) if root == "after" else out


def _concatenated(q, k, v, k_ip, v_ip, s, on="nothing"):
    """One softmax over the text and image keys together, λ on the image values, on their scores, or nowhere."""
    d = q.shape[-1]
    text, image = q @ k.transpose(-2, -1) / math.sqrt(d), q @ k_ip.transpose(-2, -1) / math.sqrt(d)
    probs = torch.cat([text, image * s if on == "scores" else image], dim=-1).softmax(-1)  # (B, heads, Tq, Tk + Ti)
    return probs @ torch.cat([v, v_ip * s if on == "values" else v_ip], dim=-2)


def _both(fn):
    return lambda q, k, v, k_ip, v_ip, s: fn(half(q, k, v), half(q, k_ip, v_ip), s)


def _halves(**how):
    return lambda q, k, v, k_ip, v_ip, s: half(q, k, v, **how) + s * half(q, k_ip, v_ip, **how)


ONE_SOFTMAX = ("you took one softmax over the text and image keys together: decoupled means two softmaxes, each "
               "summing to one over its own half's keys, then text plus scale times image; in one softmax the few "
               "image tokens compete with the text's for the same attention")
WRONG_ROOT = "the scores were divided by the square root of {}: d is the size of one head, q's last axis"
CROSSED = ("the keys and values of the two halves are crossed: each half reads its own keys and its own values, the "
           "text keys with the text values and the image keys with the image values.")
SWAPPED_KV = ("keys and values are swapped in {}: the scores come from q and the keys, and the softmax's weights then "
              "average the values.")
ATTENTION_SLIPS = [
    (ONE_SOFTMAX + ".", _concatenated),
    (ONE_SOFTMAX + ", and scale on the image values does not undo that.",
     lambda *a: _concatenated(*a, on="values")),
    (ONE_SOFTMAX + ", and scale on the image scores does not undo that.",
     lambda *a: _concatenated(*a, on="scores")),
    ("scale multiplies both halves: it weighs only the image half, the text half keeps its weight of one, so a scale "
     "of zero gives the plain UNet.", _both(lambda t, i, s: s * (t + i))),
    ("you blended the halves, one minus scale times the text plus scale times the image: the text half keeps its "
     "weight of one and scale weighs only the picture, above one as well.", _both(lambda t, i, s: (1 - s) * t + s * i)),
    ("scale multiplied the image scores inside the softmax: that changes how sharply the image tokens are attended, "
     "not how much the picture adds; multiply the image half's output by scale.",
     lambda q, k, v, k_ip, v_ip, s: half(q, k, v) + half(q, k_ip, v_ip, times=s)),
    ("scale was ignored: the image half is multiplied by scale, so that zero switches the picture off.",
     _both(lambda t, i, s: t + i)),
    ("scale went on the text half: it weighs the image half, and the text half keeps its weight of one.",
     _both(lambda t, i, s: s * t + i)),
    ("the image half is missing: add scale times the attention of q over the image keys and values.",
     _both(lambda t, i, s: t)),
    ("the text half is missing: the output is the text's attention plus scale times the image's.",
     _both(lambda t, i, s: s * i)),
    ("you averaged the halves: add them, with no division.", _both(lambda t, i, s: (t + s * i) / 2)),
    ("the two halves were put side by side along the last axis: add them, so the output is as wide as one half, "
     "(B, heads, Tq, d).", _both(lambda t, i, s: torch.cat([t, s * i], dim=-1))),
    ("the two halves were put one after the other along the query axis: add them, so the output keeps Tq rows, "
     "(B, heads, Tq, d).", _both(lambda t, i, s: torch.cat([t, s * i], dim=-2))),
    ("both halves read the image tokens: the first softmax uses the text keys and values, k and v.",
     lambda q, k, v, k_ip, v_ip, s: (1 + s) * half(q, k_ip, v_ip)),
    ("both halves read the text tokens: the second softmax uses the image keys and values, k_ip and v_ip.",
     lambda q, k, v, k_ip, v_ip, s: (1 + s) * half(q, k, v)),
    (CROSSED, lambda q, k, v, k_ip, v_ip, s: half(q, k, v_ip) + s * half(q, k_ip, v)),
    (CROSSED, lambda q, k, v, k_ip, v_ip, s: half(q, k_ip, v) + s * half(q, k, v_ip)),
    (CROSSED, lambda q, k, v, k_ip, v_ip, s: half(q, k, v_ip) + s * half(q, k_ip, v_ip)),
    (CROSSED, lambda q, k, v, k_ip, v_ip, s: half(q, k, v) + s * half(q, k_ip, v)),
    (SWAPPED_KV.format("the image half"), lambda q, k, v, k_ip, v_ip, s: half(q, k, v) + s * half(q, v_ip, k_ip)),
    (SWAPPED_KV.format("the text half"), lambda q, k, v, k_ip, v_ip, s: half(q, v, k) + s * half(q, k_ip, v_ip)),
    (SWAPPED_KV.format("both halves"), lambda q, k, v, k_ip, v_ip, s: half(q, v, k) + s * half(q, v_ip, k_ip)),
    ("the scores were not divided by the square root of d: each half is the softmax of q times the transposed keys "
     "over the square root of the head size d, q's last axis.", _halves(root="none")),
    ("the image half's scores were not divided by the square root of d: both halves scale their scores alike.",
     lambda q, k, v, k_ip, v_ip, s: half(q, k, v) + s * half(q, k_ip, v_ip, root="none")),
    ("the scores were divided by d itself: the scale is one over the square root of d.", _halves(root="d itself")),
    (WRONG_ROOT.format("heads times d, the model's width") + ".", _halves(root="heads·d")),
    (WRONG_ROOT.format("the number of keys") + ", not a token count.", _halves(root="keys")),
    (WRONG_ROOT.format("the number of keys") + ", not a token count.",
     lambda q, k, v, k_ip, v_ip, s: half(q, k, v, root="keys") + s * half(q, k_ip, v_ip, root=k.shape[-2])),
    (WRONG_ROOT.format("the number of heads") + ".", _halves(root="heads")),
    ("you divided by the square root of d after the softmax: it scales the scores, before the softmax.",
     _halves(root="after")),
    ("the softmax ran over the query axis: each query's weights sum to one over the keys, the last axis of the scores.",
     _halves(dim=-2)),
    ("the softmax ran over the heads axis: each query's weights sum to one over the keys, the last axis of the "
     "scores.", _halves(dim=1)),
]
SAME_TOKEN_COUNT = ("your function works only when the text and the picture have as many tokens as each other (the "
                    "text has 77, the picture 4): the halves are two separate attentions, each over its own keys.")


def attention_error_words(error: Exception) -> str | None:
    """A sentence for an error that the learner's decoupled_attention raised on shapes where no crossing shows."""
    text = str(error)
    if "positional argument" in text or "unexpected keyword" in text:
        return "decoupled_attention takes six arguments, in this order: q, k, v, k_ip, v_ip and scale."
    if any(f in text for f in ("cannot be multiplied", "Expected size for first two dimensions", "must match the size",
                               "expected a tensor of", "Expected key.size", "but got")):
        return ("a matrix product got sizes that do not line up: the scores are q times the keys transposed on their "
                "last two axes, Tq by d times d by Tk, and the softmax's Tq by Tk weights multiply the values of the "
                "same half, Tk by d.")
    return None
