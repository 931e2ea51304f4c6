"""The mistakes learners make in notebook 10's exercises, each as the code that makes it, with its sentence.

A slip is ``(words, fn)``: ``fn`` takes what the learner's function takes (for ``micro_conditioning``: text_embeds,
time_ids, add_time_proj, add_embedding; for ``dual_context``: tokenizers, text_encoders, prompts) and returns what
the mistake returns. course.checks.sdxl names the one that gives the learner's result on the same input; the
``*_error_words`` functions explain an error the learner's code raised, from its message and the sizes of the case.
"""
from __future__ import annotations

import contextlib
import re

import torch
import torch.nn.functional as F

from course.nets.text_encoder import eos_positions
from course.nets.unet_blocks import timestep_embedding

# ---- §2 micro_conditioning ---------------------------------------------------------------------------------------


def sinusoids(time_ids, proj, flat=None):
    """Each number its own d sinusoids, one image's K embeddings side by side: (B, K) -> (B, K·d)."""
    flat = time_ids.flatten() if flat is None else flat
    return proj(flat).reshape(len(time_ids), -1)


def _mlp(text_embeds, sizes, emb):
    return emb(torch.cat([text_embeds, sizes], dim=-1))  # (B, P + K·d) -> (B, E)


def _regrouped(regroup):
    """The sinusoids of the row-by-row flattened numbers, regrouped by ``regroup(s (B·K, d), B, K, d)``."""
    def slip(te, ids, p, e):
        b, k = ids.shape
        s = p(ids.flatten())  # (B·K, d)
        return _mlp(te, regroup(s, b, k, s.shape[-1]).reshape(b, -1), e)
    return slip


def _scaled(by):
    return lambda te, ids, p, e: _mlp(te, sinusoids(by(ids.float()), p), e)


def _own_sinusoids(**how):
    """Sinusoids written by hand with another convention than add_time_proj's."""
    def slip(te, ids, p, e):
        settings = {"flip_sin_to_cos": p.flip_sin_to_cos, "freq_shift": p.freq_shift, **how}
        flat = timestep_embedding(ids.flatten(), p.dim, **settings)  # (B·K, d)
        return _mlp(te, flat.reshape(len(ids), -1), e)
    return slip


MIXED = ("the numbers of one image are mixed with another's: flatten time_ids row by row, so that each image's K "
         "numbers stay together, and regroup the sinusoids into B rows, one per image, with no transposing.")
INTERLEAVED = ("each image's K embeddings were interleaved channel by channel: put them side by side, the first "
               "number's d sinusoids, then the second's, and so on, one row of K·d per image.")
SCALED = ("the size and crop numbers were scaled before the sinusoids: they go in as they are, in pixels (1024, not "
          "1), as timesteps do; the sinusoids' frequencies are made for numbers up to thousands.")
ACTIVATION = ("an activation was added: add_embedding is the whole MLP (linear, SiLU, linear), so nothing comes "
              "before or after it.")
MICRO_SLIPS = [
    ("the pooled text came after the sizes: it goes first, then the K sinusoid embeddings, as add_embedding was "
     "trained.", lambda te, ids, p, e: e(torch.cat([sinusoids(ids, p), te], dim=-1))),
    (MIXED, lambda te, ids, p, e: _mlp(te, sinusoids(ids, p, ids.t().flatten()), e)),
    (MIXED, _regrouped(lambda s, b, k, d: s.reshape(k, b, d).transpose(0, 1))),
    (MIXED, _regrouped(lambda s, b, k, d: s.t())),
    (INTERLEAVED, _regrouped(lambda s, b, k, d: s.reshape(b, k, d).transpose(1, 2))),
    (INTERLEAVED, _regrouped(lambda s, b, k, d: s.reshape(b, d, k).transpose(1, 2))),
    ("add_embedding was skipped: the joined vector, P + K·d numbers, goes through it to become the (B, E) "
     "embedding added to the time embedding.", lambda te, ids, p, e: torch.cat([te, sinusoids(ids, p)], dim=-1)),
    *[(ACTIVATION, lambda te, ids, p, e, act=act: act(_mlp(te, sinusoids(ids, p), e)))
      for act in (F.silu, F.gelu, F.relu, torch.tanh)],
    *[(ACTIVATION, lambda te, ids, p, e, act=act: e(act(torch.cat([te, sinusoids(ids, p)], dim=-1))))
      for act in (F.silu, F.gelu, F.relu)],
    (SCALED, _scaled(lambda ids: ids / 1000)),
    (SCALED, _scaled(lambda ids: ids / 1024)),
    (SCALED, _scaled(lambda ids: ids / ids.max())),
    (SCALED, _scaled(lambda ids: ids / ids.amax(dim=1, keepdim=True))),
    (SCALED, _scaled(lambda ids: ids / ids[:, 4:5])),  # by the target height (SDXL base's fifth number)
    ("the sines came before the cosines: SDXL's add_time_proj puts the cosines first; use add_time_proj itself "
     "rather than sinusoids of your own.", _own_sinusoids(flip_sin_to_cos=False)),
    ("your sinusoids use other frequencies than add_time_proj's (a frequency shift of one, diffusers' default for "
     "other models): use add_time_proj itself, built as SDXL builds it.", _own_sinusoids(freq_shift=1)),
]


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text))


def micro_error_words(error: Exception, b: int, p: int, k: int, d: int) -> str | None:
    """A sentence for an error the learner's micro_conditioning raised on a case of B images, P pooled numbers,
    K numbers per image and sinusoids of width d."""
    text = str(error)
    if "positional argument" in text or "unexpected keyword" in text:
        return ("micro_conditioning takes four arguments, in this order: text_embeds, time_ids, add_time_proj and "
                "add_embedding (the dtype is text_embeds' own).")
    if "1-d tensor of timesteps" in text:
        return ("add_time_proj got all of time_ids at once, (B, K): it takes a flat list of numbers and gives each its "
                "own d sinusoids, so flatten time_ids to B·K numbers first, then regroup them into (B, K·d).")
    found = re.search(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)", text)
    if found:
        width = int(found.group(2))
        known = {p + k: "time_ids went in without their sinusoids: each of the K numbers goes through add_time_proj "
                        f"first, giving d = {d} numbers, so add_embedding gets P + K·d = {p + k * d} per image.",
                 p + d: f"the K = {k} numbers were summed or averaged into one before the sinusoids: each number gets "
                        f"its own d = {d} sinusoids, K·d = {k * d} in all.",
                 k * d: "the pooled text is missing: add_embedding takes the pooled text and the sinusoids joined, "
                        f"P + K·d = {p + k * d} numbers per image.",
                 p: "the sizes are missing: add_embedding takes the pooled text and the K sinusoid embeddings joined, "
                    f"P + K·d = {p + k * d} numbers per image."}
        return known.get(width, f"add_embedding takes P + K·d = {p + k * d} numbers per image (the pooled text's {p}, "
                                f"then {k} sinusoid embeddings of {d}), but got {width}.")
    if "Tensors must have same number of dimensions" in text:
        return ("the sinusoids were kept as (B, K, d): flatten each image's K embeddings into one row of K·d numbers "
                "before joining them to the pooled text.")
    found = re.search(r"Sizes of tensors must match except in dimension (\d+)\. Expected size (\d+) but got size (\d+)",
                      text)
    if found and {int(found.group(2)), int(found.group(3))} == {b, b * k}:
        return ("the sinusoids were left one row per number, (B·K, d): regroup them into one row per image, (B, K·d), "
                "before joining them to the pooled text.")
    if found and found.group(1) == "0":
        return ("the pooled text and the sinusoids were joined along the batch axis: join each image's two parts side "
                "by side, along the last axis.")
    if "must match the size of tensor b" in text:
        return ("the pooled text and the sinusoids were added: join them side by side along the last axis, P + K·d "
                "numbers per image.")
    found = re.search(r"shape '\[([-\d, ]+)\]' is invalid", text)
    if found:
        shape = _numbers(found.group(1))
        if k != 6 and (6 in shape or 6 * d in shape):
            return (f"the number of time_ids is fixed at six: take K from time_ids' second axis (SDXL's refiner "
                    f"passes {k}).")
        return (f"a reshape does not fit: add_time_proj gives B·K rows of d numbers, here {b * k} of {d}, to regroup "
                f"into B = {b} rows of K·d = {k * d}, B and K read from time_ids' shape.")
    return None


# ---- §1 dual_context ---------------------------------------------------------------------------------------------


MEMO: dict = {}  # (tokenizer, encoder, prompts, padding) -> read's answer, while ``remembered`` holds


@contextlib.contextmanager
def remembered():
    """Within the block, each encoder reads each batch of prompts once, however many slips ask for it."""
    MEMO.clear()
    try:
        yield
    finally:
        MEMO.clear()


def read(tokenizer, encoder, prompts, padding: bool = True):
    """(ids (B, T), the encoder's TextEncoderOutput with every hidden state) for one tokenizer and encoder."""
    key = (id(tokenizer), id(encoder), tuple(prompts), padding)
    if key not in MEMO:
        ids = tokenizer(list(prompts), padding=padding)["input_ids"].to(next(encoder.parameters()).device)
        MEMO[key] = ids, encoder(ids, output_hidden_states=True)
    return MEMO[key]


LAYERS = {  # (encoder, output) -> (B, T, D): what a learner may read as the context
    "penultimate": lambda enc, out: out.hidden_states[-2],
    "last": lambda enc, out: out.hidden_states[-1],
    "last normed": lambda enc, out: enc.final_layer_norm(out.hidden_states[-1]),
    "penultimate normed": lambda enc, out: enc.final_layer_norm(out.hidden_states[-2]),
    "two back": lambda enc, out: out.hidden_states[-3],
}


def context(tz, te, prompts, layers=("penultimate", "penultimate"), toks=(0, 1), order=(0, 1), padding=True):
    """The context as a learner built it: encoder i reads tokenizer toks[i]'s ids and gives layer layers[i]; the
    encoders' parts joined along the channels in ``order``."""
    parts = []
    for i in (0, 1):
        _, out = read(tz[toks[i]], te[i], prompts, padding)
        parts.append(LAYERS[layers[i]](te[i], out))
    return torch.cat([parts[i] for i in order], dim=-1)  # (B, T, D1 + D2)


def _second(tz, te, prompts):
    return (te[1],) + read(tz[1], te[1], prompts)


def _at_end(x, ids, enc):
    """(B, T, D) -> (B, D): each row's vector at its end token."""
    return x[torch.arange(len(ids), device=x.device), eos_positions(ids, enc.config.eos_token_id)]


def _pooled(how):
    def pooled(tz, te, prompts):
        enc, ids, out = _second(tz, te, prompts)
        return how(enc, ids, out)
    return pooled


LAYER_WORDS = {
    "last": "the context came from the last layer {}: SDXL reads the penultimate layer, the second entry of "
            "hidden_states from the end.",
    "last normed": "the context is the final output {}, the last layer through final_layer_norm: SDXL reads the "
                   "penultimate layer, without the norm.",
    "penultimate normed": "the penultimate layer {} went through final_layer_norm, SD 1.x's clip-skip habit: SDXL "
                          "reads it as it is, un-normalised.",
    "two back": "the context came from two layers before the last {}: the penultimate is one before the last, the "
                "second entry of hidden_states from the end (they are the embeddings, then each layer).",
}
WHERE = {(0, 1): "of both encoders", (0,): "of the first encoder", (1,): "of the second encoder"}
CONTEXT_SLIPS = [
    *[(LAYER_WORDS[layer].format(WHERE[which]),
       lambda tz, te, p, layer=layer, which=which: context(tz, te, p, tuple(layer if i in which else "penultimate"
                                                                           for i in (0, 1))))
      for layer in LAYER_WORDS for which in WHERE],
    ("the encoders' order is swapped: the first encoder's channels come first, then the second's, as SDXL was "
     "trained.", lambda tz, te, p: context(tz, te, p, order=(1, 0))),
    ("the context holds only the first encoder's channels: join both encoders' penultimate layers along the "
     "channels.", lambda tz, te, p: context(tz, te, p, order=(0,))),
    ("the context holds only the second encoder's channels: join both encoders' penultimate layers along the "
     "channels.", lambda tz, te, p: context(tz, te, p, order=(1,))),
    ("the prompts were padded only to the longest of them: pad every prompt to the full 77 tokens, the tokenizer's "
     "default, as the UNet was trained.", lambda tz, te, p: context(tz, te, p, padding=False)),
]
POOLED_SLIPS = [
    ("the pooled vector is the first encoder's pooled output: SDXL's is the second encoder's text_embeds, its pooled "
     "vector through text_projection.", lambda tz, te, p: read(tz[0], te[0], p)[1].pooled),
    ("the pooled vector came from the first encoder, which has no projection: SDXL's is the second encoder's "
     "text_embeds.", lambda tz, te, p: read(tz[0], te[0], p)[1].text_embeds),
    ("the pooled vector is the second encoder's pooled output before its projection: take text_embeds, the pooled "
     "vector through text_projection.", _pooled(lambda enc, ids, out: out.pooled)),
    ("the pooled vector was read at the last position, which is padding: it is read at each prompt's end token.",
     _pooled(lambda enc, ids, out: enc.text_projection(enc.final_layer_norm(out.hidden_states[-1])[:, -1]))),
    ("the pooled vector was read at the first position, the start token: CLIP reads it at each prompt's end token.",
     _pooled(lambda enc, ids, out: enc.text_projection(enc.final_layer_norm(out.hidden_states[-1])[:, 0]))),
    ("the pooled vector is a mean over the tokens: CLIP reads it at each prompt's end token.",
     _pooled(lambda enc, ids, out: enc.text_projection(enc.final_layer_norm(out.hidden_states[-1]).mean(1)))),
    ("the pooled vector was taken from the penultimate layer: it comes from the last layer through "
     "final_layer_norm, at the end token, then text_projection; text_embeds holds it.",
     _pooled(lambda enc, ids, out: enc.text_projection(_at_end(out.hidden_states[-2], ids, enc)))),
    ("the pooled vector was taken from the penultimate layer: it comes from the last layer through "
     "final_layer_norm, at the end token, then text_projection; text_embeds holds it.",
     _pooled(lambda enc, ids, out: enc.text_projection(enc.final_layer_norm(_at_end(out.hidden_states[-2], ids,
                                                                                     enc))))),
    ("the pooled vector skipped final_layer_norm: it is the last layer through final_layer_norm, at the end token, "
     "then text_projection; text_embeds holds it.",
     _pooled(lambda enc, ids, out: enc.text_projection(_at_end(out.hidden_states[-1], ids, enc)))),
]


def _pair(ctx=None, pooled=None):
    """The full answer with one part replaced by a slip's."""
    def slip(tz, te, p):
        right = context(tz, te, p), _second(tz, te, p)[2].text_embeds
        return (ctx(tz, te, p) if ctx else right[0]), (pooled(tz, te, p) if pooled else right[1])
    return slip


def _tokenizers(toks):
    def slip(tz, te, p):
        ids, out = read(tz[toks[1]], te[1], p)
        return context(tz, te, p, toks=toks), out.text_embeds
    return slip


FIRST_TOKENIZER = ("the first tokenizer was used for both encoders: the second encoder reads its own tokenizer's ids, "
                   "padded with \"!\" (id 0) and not with the end token, and \"!\" in a prompt is that same id.")
DUAL_SLIPS = [
    *[(words, _pair(ctx=fn)) for words, fn in CONTEXT_SLIPS],
    *[(words, _pair(pooled=fn)) for words, fn in POOLED_SLIPS],
    (FIRST_TOKENIZER, _tokenizers((0, 0))),
    ("the second tokenizer was used for both encoders: the first encoder reads its own tokenizer's ids, padded with "
     "the end token, as CLIP ViT-L was trained.", _tokenizers((1, 1))),
    ("the tokenizers are swapped: each encoder reads the ids of its own tokenizer, the first padded with the end "
     "token, the second with \"!\".", _tokenizers((1, 0))),
    ("you returned the pooled vector first: return the context, then the pooled vector.",
     lambda tz, te, p: _pair()(tz, te, p)[::-1]),
]


def dual_error_words(error: Exception, widths: tuple[int, int]) -> str | None:
    """A sentence for an error the learner's dual_context raised, the encoders ``widths`` channels wide."""
    text = str(error)
    if "positional argument" in text or "unexpected keyword" in text:
        return "dual_context takes three arguments, in this order: tokenizers, text_encoders and prompts."
    if "has no attribute 'hidden_states'" in text or "has no attribute 'text_embeds'" in text:
        return ("called plainly, an encoder returns only its final output: ask it for every hidden state too, and it "
                "returns an object holding hidden_states and text_embeds.")
    if "same device" in text:
        return ("the ids are on another device than the encoder: move each tokenizer's ids to its encoder's device "
                "before reading them.")
    if "'NoneType' object is not callable" in text or "'NoneType' object has no attribute" in text:
        return ("the first encoder has no text_projection, and its text_embeds are None: the pooled vector is the "
                "second encoder's text_embeds.")
    found = re.search(r"Sizes of tensors must match except in dimension (\d+)", text)
    if found and found.group(1) in ("1", "-2"):
        return (f"the two contexts were joined along the tokens: join them along the channels, the last axis, "
                f"{widths[0]} + {widths[1]} = {sum(widths)} numbers per token.")
    if found and found.group(1) in ("2", "-1"):
        return ("the two contexts have different token counts: pad every prompt to 77 tokens, the tokenizers' "
                "default, for both encoders.")
    if "stack expects each tensor to be equal size" in text:
        return (f"the two contexts were stacked: they differ in width, {widths[0]} and {widths[1]}; join them side by "
                "side along the channels, the last axis.")
    found = re.search(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and", text)
    if found and int(found.group(2)) == widths[0]:
        return ("the second encoder's text_projection got the first encoder's vectors: the pooled vector is the "
                "second encoder's text_embeds.")
    if "index" in text and "out of range" in text:
        return ("an index into hidden_states does not exist: count from the end, where the penultimate layer is the "
                "second entry, whatever the number of layers.")
    return None
