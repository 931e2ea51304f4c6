"""The mistakes learners make in notebook 11's exercises, each as the code that makes it, with its sentence.

A slip is ``(words, fn)``: ``fn`` takes what the learner's function takes (flow_loss: model, x0, noise, sigma, then
the context as a fifth positional argument; flow_euler_step: x, v, sigma, sigma_next; patchify: x, p; unpatchify:
tokens, h, w, p; joint_attention: attn, x, context) and returns what the mistake returns. course.checks.flow names
the one that gives the learner's result; ``*_error_words`` explain an error from its message and the case's sizes.
"""
from __future__ import annotations

import math
import re

import torch

from course.nets.attention import merge_heads, split_heads

# ---- §1 flow_loss ------------------------------------------------------------------------------------------------


def _per_image(s, like):
    return s.view(-1, *[1] * (like.ndim - 1))  # (B,) -> (B, 1, 1, 1)


def _loss(noisy=None, target=None, t=lambda s: s * 1000, cond=True, reduce=None):
    """The flow-matching loss with one part done another way: ``noisy(x0, noise, σ (B, 1, 1, 1))`` the model's input,
    ``target(x0, noise)``, ``t(σ)`` the model's timestep, ``reduce(squared errors, σ (B, 1, 1, 1))``."""
    def slip(m, x0, n, s, ctx):
        sb = _per_image(s, x0)
        x = noisy(x0, n, sb) if noisy else (1 - sb) * x0 + sb * n
        pred = m(x, t(s), context=ctx) if cond else m(x, t(s))
        err = (pred - (target(x0, n) if target else n - x0)) ** 2
        return reduce(err, sb) if reduce else err.mean()
    return slip


LOSS_SLIPS = [
    ("the target's sign is flipped, x0 − noise: the velocity is the way x_σ moves as σ grows, from the picture "
     "towards the noise, v = noise − x0.", _loss(target=lambda x0, n: x0 - n)),
    ("x0 and the noise are swapped in the mix: x_σ = (1 − σ)·x0 + σ·noise, so that σ = 0 is the clean picture and "
     "σ = 1 pure noise.", _loss(noisy=lambda x0, n, s: s * x0 + (1 - s) * n)),
    ("the target is the noise, SD 1.x's ε-prediction: a flow model predicts the velocity, noise − x0.",
     _loss(target=lambda x0, n: n)),
    ("the target is x0: a flow model predicts the velocity, noise − x0, the same at every σ.",
     _loss(target=lambda x0, n: x0)),
    ("the model got σ as its timestep: SD3's model counts time as diffusers' schedulers do, t = σ·1000.",
     _loss(t=lambda s: s)),
    ("the model got the clean x0: it sees the noised x_σ = (1 − σ)·x0 + σ·noise, and predicts the way out of it.",
     _loss(noisy=lambda x0, n, s: x0)),
    ("the conditioning was not passed on: give the model every keyword argument the loss received (here context), "
     "so that it sees the prompt it is trained on.", _loss(cond=False)),
    ("you summed the squared errors: the loss is their mean over every number of the batch.",
     _loss(reduce=lambda e, s: e.sum())),
    ("you averaged each image's squared errors and summed the images: the loss is the mean over every number, so "
     "it does not grow with the batch.", _loss(reduce=lambda e, s: e.flatten(1).mean(1).sum())),
    ("you summed each image's squared errors and averaged over the batch: the loss is the mean over every number.",
     _loss(reduce=lambda e, s: e.flatten(1).sum(1).mean())),
    ("each image's error was weighted by 1/σ², SD3's sigma_sqrt scheme: the plain loss weighs every image alike "
     "(SD3 itself draws σ from a logit-normal law instead, with no weight).", _loss(reduce=lambda e, s: (e / s ** 2)
                                                                                      .mean())),
]

_MISMATCH = r"size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) at non-singleton dimension (\d+)"


def loss_error_words(error: Exception, b: int, c: int, h: int, w: int) -> str | None:
    """A sentence for an error the learner's flow_loss raised on x0 of shape (b, c, h, w)."""
    text = str(error)
    if "unexpected keyword argument 'context'" in text:
        return ("flow_loss takes the conditioning as keyword arguments after sigma (here context) and hands them to "
                "the model as they came: end its parameters with a double-star catch-all, as the exercise's signature does.")
    if "positional argument" in text:
        return ("flow_loss takes model, x0, noise and sigma, in this order, then the conditioning as keywords, which "
                "go to the model unchanged, next to x_σ and t.")
    if "unexpected keyword" in text:
        return ("the model got a keyword it does not take: hand it the conditioning keywords just as flow_loss got "
                "them, here context, unpacked with a double star, not packed into one argument.")
    found = re.search(_MISMATCH, text)
    if found and b in (int(found.group(1)), int(found.group(2))):
        axis = {1: f"the channels, C = {c}", 2: f"the rows, H = {h}", 3: f"the columns, W = {w}"}.get(
            int(found.group(3)), "another axis")
        return (f"σ has one number per image, shape (B,) = ({b},), and lined up with x0 ({b}, {c}, {h}, {w}) from the "
                f"right its numbers meet {axis}, not the batch: view it as (B, 1, 1, 1), here ({b}, 1, 1, 1), so that "
                "each image's σ spreads over its channels, rows and columns.")
    return None


# ---- §2 flow_euler_step ------------------------------------------------------------------------------------------

EULER_SLIPS = [
    ("the step goes the wrong way, (σ − σ_next)·v: σ falls from step to step, so x moves by (σ_next − σ)·v, against "
     "the velocity, towards the picture; yours adds noise.", lambda x, v, s, sn: x + (s - sn) * v),
    ("you jumped straight to the predicted x0, x − σ·v: one Euler step goes only from σ to σ_next, by "
     "(σ_next − σ)·v.", lambda x, v, s, sn: x - s * v),
    ("the step is σ_next·v: its length is the change in σ, σ_next − σ, not σ_next itself.",
     lambda x, v, s, sn: x + sn * v),
    ("the step was measured in the model's timesteps, t = 1000·σ: t_next − t is 1000 times too long; the ODE runs in "
     "σ, from 1 down to 0.", lambda x, v, s, sn: x + 1000 * (sn - s) * v),
    ("the velocity was added whole, x + v: multiply it by the step's length in σ, σ_next − σ, which is negative.",
     lambda x, v, s, sn: x + v),
]


def euler_error_words(error: Exception) -> str | None:
    text = str(error)
    if "positional argument" in text or "unexpected keyword" in text:
        return "flow_euler_step takes four arguments, in this order: x, v, sigma and sigma_next."
    if "'float' object has no attribute" in text:
        return ("σ may come as a plain Python number or as a 0-d tensor: write the step with plain arithmetic, which "
                "works on both, without tensor methods on σ.")
    return None


# ---- §3 patchify and unpatchify ----------------------------------------------------------------------------------


def _patches(order):
    """x (B, C, H, W) seen as (B, C, h, u, w, v), the axes 2 to 5 and C put in ``order``, each token's numbers in a
    row: -> (B, h·w, p·p·C) (the reference's order is (2, 4, 3, 5, 1))."""
    def slip(x, p):
        b, c, hh, ww = x.shape
        grid = x.view(b, c, hh // p, p, ww // p, p)  # (B, C, h, u, w, v)
        return grid.permute(0, *order).reshape(b, (hh // p) * (ww // p), -1)
    return slip


CHANNEL_FIRST = ("each token holds its numbers channel by channel, (c, u, v), the order a Conv2d patch embedding's "
                 "weight flattens to: not wrong in itself, but the layout asked for is the one the MMDiT's output "
                 "unpacks, row within the patch, then column, then channel, (u, v, c).")
UV_SWAPPED = ("within a token the patch's rows and columns are swapped, (v, u, c): the numbers go row by row through "
              "the patch, the column within the row next, the channel last, (u, v, c).")
PATCHIFY_SLIPS = [
    (CHANNEL_FIRST, _patches((2, 4, 1, 3, 5))),
    (UV_SWAPPED, _patches((2, 4, 5, 3, 1))),
    ("the tokens run down the columns of the patch grid: they go row by row, left to right, token i·w + j being "
     "patch (i, j), as the position table counts them.", _patches((4, 2, 3, 5, 1))),
    ("the picture was reshaped into tokens without a permute: a reshape reads the numbers in memory order, channel "
     "by channel, row by row, so each token gets runs of one channel's rows; bring the grid's axes and the patch's "
     "axes into place with a permute first.", lambda x, p: x.reshape(len(x), (x.shape[2] // p) * (x.shape[3] // p),
                                                                      -1)),
]


def _pixels(order, by_rows=True, out_swapped=False):
    """tokens (B, h·w, p·p·C) seen as (B, h, w, u, v, C) (or (B, w, h, ...) when not ``by_rows``), the axes put in
    ``order`` -> (B, C, h·p, w·p) (the reference's order is (5, 1, 3, 2, 4))."""
    def slip(tokens, h, w, p):
        b = len(tokens)
        grid = tokens.view(b, h, w, p, p, -1) if by_rows else tokens.view(b, w, h, p, p, -1)
        rows, cols = (w, h) if out_swapped else (h, w)
        return grid.permute(0, *order).reshape(b, -1, rows * p, cols * p)
    return slip


UNPATCHIFY_SLIPS = [
    ("the tokens were reshaped into a picture without a permute: a reshape keeps the numbers in memory order, so "
     "the picture is made of runs of tokens; view them as (B, h, w, p, p, C) and bring the channels first and each "
     "patch's rows next to the grid's rows with a permute.", lambda t, h, w, p: t.reshape(len(t), -1, h * p, w * p)),
    ("each patch was filled with its rows and columns swapped, (v, u, c): a token's numbers go row by row through "
     "its patch, the column within the row next, the channel last, (u, v, c).", _pixels((5, 1, 4, 2, 3))),
    ("the tokens were read down the columns of the grid: token i·w + j is patch (i, j), row i and column j, the "
     "tokens running row by row.", _pixels((5, 2, 3, 1, 4), by_rows=False)),
    ("h and w are swapped: the picture is h patches high and w wide, h·p rows of w·p columns.",
     _pixels((5, 1, 3, 2, 4), by_rows=False, out_swapped=True)),
    ("each token's numbers were read channel by channel, (c, u, v): the MMDiT's last linear layer gives them row "
     "within the patch first, then column, then channel, (u, v, c).",
     lambda t, h, w, p: t.view(len(t), h, w, -1, p, p).permute(0, 3, 1, 4, 2, 5).reshape(len(t), -1, h * p, w * p)),
]


def patch_error_words(error: Exception, name: str, b: int, c: int, h: int, w: int, p: int) -> str | None:
    """A sentence for an error the learner's patchify or unpatchify (``name``) raised on a picture (b, c, h·p, w·p)
    of h by w patches of side p."""
    text = str(error)
    args = "x and p" if name == "patchify" else "tokens, h, w and p"
    if "positional argument" in text or "unexpected keyword" in text:
        return f"{name} takes {args}, in this order."
    if "view size is not compatible" in text:
        return ("a view came after a permute or a transpose: those reorder the axes, not the numbers in memory, so a "
                "view cannot merge them; use reshape, which copies when it must.")
    if "tuple of ints" in text and "float" in text:  # the message's wording differs between torch versions
        return ("a size is a float: a side divided by p with a single slash gives a float even when it divides "
                "evenly; use integer division, or take h and w as they are given.")
    if "number of dims don't match in permute" in text or "number of dimensions in the tensor input does not match" \
            in text:
        return ("permute names every axis of the tensor once: after the view to six axes, list all six, the batch "
                "first.")
    found = re.search(r"shape '\[([-\d, ]+)\]' is invalid for input of size (\d+)", text)
    if found:
        return (f"a view does not fit: here the picture is ({b}, {c}, {h * p}, {w * p}), h = {h} by w = {w} patches "
                f"of side p = {p}, each token p·p·C = {p * p * c} numbers, {int(found.group(2))} numbers in all; "
                "take every size from the shapes you are given and p, none fixed.")
    return None


# ---- §4 joint_attention ------------------------------------------------------------------------------------------


def _streams(attn, x, ctx, text_weights="text", norms="both", one_head=False):
    """[(q, k, v) of the image, (q, k, v) of the text], each (B, heads, tokens, d) (or (B, 1, tokens, heads·d) with
    ``one_head``), the text's made with ``text_weights``' projections, the QK-norms on "both", the "image" or "none"."""
    image = (attn.to_q, attn.to_k, attn.to_v, attn.norm_q, attn.norm_k)
    text = image if text_weights == "image" else (attn.add_q_proj, attn.add_k_proj, attn.add_v_proj,
                                                  attn.norm_added_q, attn.norm_added_k)
    out = []
    for tokens, parts, normed in ((x, image, norms != "none"), (ctx, text, norms == "both")):
        q, k, v = (split_heads(proj(tokens), attn.heads) for proj in parts[:3])  # (B, heads, T, d)
        if normed:
            q, k = (t if norm is None else norm(t) for t, norm in zip((q, k), parts[3:]))
        if one_head:
            q, k, v = (merge_heads(t)[:, None] for t in (q, k, v))  # (B, 1, T, heads·d)
        out.append((q, k, v))
    return out


def _attend(q, k, v, root=True):
    d = q.shape[-1]
    scores = q @ k.transpose(-2, -1) / (math.sqrt(d) if root else d)  # (B, heads, Tq, Tk)
    return merge_heads(scores.softmax(-1) @ v)  # (B, Tq, heads·d)


def _project(attn, image, text, image_out=True, text_out=True, pre_only_text=False):
    image = attn.to_out[0](image) if image_out else image
    if attn.context_pre_only:
        return image, (text if pre_only_text else None)
    return image, (attn.to_add_out(text) if text_out else text)


def joint(attn, x, ctx, text_first=False, root=True, project=None, **streams):
    """The joint attention as a learner wrote it: one sequence [image; text] (or [text; image], still split as if
    the image came first, with ``text_first``), the streams made as ``_streams``' keywords say."""
    (q, k, v), (cq, ck, cv) = _streams(attn, x, ctx, **streams)
    first, second = ((cq, ck, cv), (q, k, v)) if text_first else ((q, k, v), (cq, ck, cv))
    out = _attend(*(torch.cat(pair, dim=2) for pair in zip(first, second)), root=root)  # (B, N + T, heads·d)
    n = x.shape[1]
    return _project(attn, out[:, :n], out[:, n:], **(project or {}))


def apart(attn, x, ctx, cross=False):
    """Two attentions instead of one: each stream over itself, or (``cross``) each over the other only."""
    (q, k, v), (cq, ck, cv) = _streams(attn, x, ctx)
    image = _attend(q, ck, cv) if cross else _attend(q, k, v)
    text = _attend(cq, k, v) if cross else _attend(cq, ck, cv)
    return _project(attn, image, text)


JOINT_SLIPS = [
    ("you ran two separate self-attentions, the image over the image and the text over the text: nothing passes "
     "between them; MMDiT joins the two into one sequence, N + T tokens, and runs one attention over all of it.",
     lambda a, x, c: apart(a, x, c)),
    ("the image attends to the text only and the text to the image only, SD 1.x's cross-attention both ways: in "
     "MMDiT every token, image or text, attends to every token of the joined sequence, its own stream's too.",
     lambda a, x, c: apart(a, x, c, cross=True)),
    ("the text's q, k and v were made with the image's weights: the text has its own projections, add_q_proj, "
     "add_k_proj and add_v_proj, and its own QK-norms, the two streams meeting only in the attention.",
     lambda a, x, c: joint(a, x, c, text_weights="image")),
    ("the image's output skipped to_out: after the split, the image tokens go through to_out, the text tokens "
     "through to_add_out.", lambda a, x, c: joint(a, x, c, project=dict(image_out=False))),
    ("the text's output skipped to_add_out: after the split, the image tokens go through to_out, the text tokens "
     "through to_add_out.", lambda a, x, c: joint(a, x, c, project=dict(text_out=False))),
    ("both outputs skipped their projections: after the split, the image tokens go through to_out, the text tokens "
     "through to_add_out.", lambda a, x, c: joint(a, x, c, project=dict(image_out=False, text_out=False))),
    ("the QK-norm was skipped: when the attention has norm_q and norm_k (SD3.5), q and k of each head are normalised "
     "before the scores, the text's with norm_added_q and norm_added_k.", lambda a, x, c: joint(a, x, c, norms="none")),
    ("the text's QK-norm was skipped: the text's q and k go through norm_added_q and norm_added_k, as the image's "
     "through norm_q and norm_k.", lambda a, x, c: joint(a, x, c, norms="image")),
    ("the scores were divided by d: the softmax's scale is one over the square root of d, the size of one head.",
     lambda a, x, c: joint(a, x, c, root=False)),
    ("the heads were not split: the attention ran as one head of width heads·d; split q, k and v into the heads, "
     "(B, heads, tokens, d), each head with its own softmax.", lambda a, x, c: joint(a, x, c, one_head=True)),
    ("the text was put first in the sequence, but the output was split as if the image came first: the first N "
     "outputs are then text tokens; put the image first, as SD3 does, or split at T.",
     lambda a, x, c: joint(a, x, c, text_first=True)),
    ("the last block's attention (context_pre_only) returned the text's output: it has no to_add_out, nothing reads "
     "the text after it; return None in its place.", lambda a, x, c: joint(a, x, c, project=dict(pre_only_text=True))),
]


def joint_error_words(error: Exception, attn) -> str | None:
    """A sentence for an error the learner's joint_attention raised on ``attn``."""
    text = str(error)
    heads, d = attn.heads, attn.to_q.out_features // attn.heads
    if "positional argument" in text or "unexpected keyword" in text:
        return ("joint_attention takes three arguments, in this order: attn, x, the image tokens, and context, the "
                "text tokens.")
    if "'NoneType' object is not callable" in text and attn.context_pre_only:
        return ("this attention is the last block's (context_pre_only): it has no to_add_out, since nothing reads the "
                "text after it; return None in the text's place.")
    if "'NoneType' object is not callable" in text and attn.norm_q is None:
        return ("this attention has no QK-norm (SD3 medium's): its norm_q and norm_k are None; normalise q and k only "
                "when the norms exist.")
    found = re.search(_MISMATCH, text)
    sizes = {int(found.group(1)), int(found.group(2))} if found else set()
    if sizes == {heads * d, d} or "normalized_shape" in text:
        return (f"the QK-norm got q or k with every head together, heads·d = {heads * d} numbers: it normalises each "
                f"head's d = {d} numbers, so split the heads first, (B, heads, tokens, d), then normalise.")
    if "Sizes of tensors must match except in dimension" in text:
        return ("the image and the text were joined along another axis than the tokens: with q, k and v as "
                "(B, heads, tokens, d), join them along the tokens, N + T in all.")
    return None
