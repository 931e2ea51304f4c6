"""Cross-attention maps: where in the picture does each word of the prompt look?

Tang et al. 2023, "What the DAAM: Interpreting Stable Diffusion Using Cross Attention" (DAAM). In every
cross-attention layer (``attn2``) of the UNet, each latent pixel (a query) spreads one unit of attention over
the T text tokens (the keys):  P = softmax(Q Kᵀ / √d), (heads, h·w, T).  Column t of P, reshaped to (h, w), is
a small map of where token t is "used" at that layer. DAAM upsamples each layer's map to the picture's size,
averages over heads, layers and sampling steps, and reads the result as the word's heat map.

``record`` runs ``course.pipeline.text_to_image`` once and keeps P of every attn2 layer at every step, for the
prompt's row of the guidance batch only (CFG runs [negative, prompt] in one batch; the prompt is the last row,
also when guidance_scale is 1 and the batch is the prompt alone). Capture uses the ``Attention`` module's
``keep_probs`` switch and torch forward hooks; both are undone afterwards, also when sampling fails.

What a step is: step i is the first UNet call after the sampler's callback reported step i - 1 (the first
call of all for i = 0), i.e. the evaluation at σ_i whose prediction the callback shows as "denoised". Samplers
that call the UNet twice per step (Heun, DPM++ SDE, PLMS's first step) have their second, intermediate call
left out.

Memory: probabilities are stored on the CPU as float16 by default (``dtype``): at SD 1.5's size (64×64
latents, 8 heads, 77 tokens, 16 attn2 layers) that is about 33 MB per step, 0.66 GB for 20 steps; the
bundled model needs about 0.05 MB per step. ``keep_steps`` and ``keep_resolutions`` store fewer; float32
keeps the exact numbers (the tests compare them with a hand computation).

``Record.map`` aggregates as DAAM does: for each layer, the per-head maps averaged over the chosen heads and
steps at the layer's own resolution, then upsampled bilinearly (align_corners=False) to the picture's size,
then averaged over the layers. Bilinear interpolation is linear, so this equals upsampling every head and
step first, and it keeps maps non-negative (bicubic, DAAM's choice, overshoots below 0 near sharp edges).
A map's values are mean attention probabilities: they sum over all T tokens to 1 at every pixel.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F

from course.nets.attention import Attention
from course.pipeline import text_to_image, with_defaults
from course.text.prompt_schedule import parse_and, schedule
from course.text.prompts import BREAK, chunk, parse_emphasis
from course.text.tokenizer import clean, pre_tokenize

__all__ = ["Record", "record", "heatmaps", "peak", "cross_attention_layers", "prompt_words"]


def cross_attention_layers(unet) -> list[str]:
    """Names of the UNet's cross-attention modules (``...transformer_blocks.N.attn2``), in forward order."""
    return [name for name, m in unet.named_modules() if name.endswith("attn2") and isinstance(m, Attention)]


# ---- prompt words -> token positions ------------------------------------------------------------

def _name(word: str) -> str:
    """'circle,' -> 'circle': punctuation at either end is not part of a word's name (unless it is all there is)."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", word) or word


def prompt_words(tokenizer, text: str, chunk_length: int = 75) -> list[tuple[str, list[int]]]:
    """The words of ``text`` in order, each with its token positions in the text encoder's context.

    Words are split at whitespace after A1111's emphasis syntax is removed ("a (red:1.3) car" has the words a, red,
    car); punctuation at a word's ends is dropped from its name and its tokens ("circle," is circle</w> alone).
    Positions count as the context does: each 75-token chunk (``chunk_length``) is BOS, tokens, EOS and padding,
    so BOS is position 0 and the second chunk starts at 77.
    """
    stream = []  # (token id, word index, holds a letter or digit) in the order chunk() lays the tokens out
    names: list[str] = []
    joined = False  # an emphasis run that starts without a space continues the last word: "(red)dish"
    for run, weight in parse_emphasis(text):
        if (run, weight) == BREAK:
            joined = False
            continue
        for m in re.finditer(r"\S+", run):
            if not (joined and m.start() == 0 and names):
                names.append("")
            names[-1] += m.group()
            for piece in pre_tokenize(clean(m.group(), tokenizer.openai_cleanup)):
                alnum = any(c.isalnum() for c in piece)
                stream += [(t, len(names) - 1, alnum) for t in tokenizer.encode(piece)]
        joined = bool(run) and not run[-1].isspace()

    positions, k = [], 0  # walk the chunks: a chunk's tokens follow its BOS until one differs from the stream
    for c, ch in enumerate(chunk(text, tokenizer, chunk_length)):
        for p in range(1, len(ch.ids) - 1):
            if k == len(stream) or ch.ids[p] != stream[k][0]:
                break
            positions.append(c * len(ch.ids) + p)
            k += 1
    if k != len(stream):
        raise RuntimeError(f"could not place token {k} of {len(stream)} of {text!r} in its chunks")

    words = []
    for w, name in enumerate(names):
        mine = [(pos, alnum) for pos, (_, word, alnum) in zip(positions, stream) if word == w]
        core = [pos for pos, alnum in mine if alnum] or [pos for pos, _ in mine]
        if core:
            words.append((_name(name), core))
    return words


# ---- the record ---------------------------------------------------------------------------------

@dataclass
class Record:
    """What ``record`` captured. ``probs[(step, layer)]``: (heads, h·w, T) on the CPU, the prompt's row of the
    guidance batch only; step in range(steps), layer in layers. ``map(word)`` aggregates them."""
    image: object                                  # the PIL image text_to_image made
    prompt: str
    words: list                                    # [(word, [token positions])], in prompt order
    tokens: list                                   # the T context tokens as BPE symbols ('<|startoftext|>', 'red</w>')
    steps: int                                     # sampler steps run (and recorded, unless keep_steps chose fewer)
    resolutions: list                              # sorted h of the h×w maps that have cross-attention
    layers: list                                   # attn2 module names, forward order
    shapes: dict                                   # layer -> (h, w) of its map
    probs: dict = field(repr=False)                # (step, layer) -> (heads, h·w, T)
    sigmas: list = field(default_factory=list)     # σ_i of each step, from the sampler's callback

    @property
    def size(self) -> tuple:
        """(H, W) of the image: every map is at this size."""
        return self.image.size[1], self.image.size[0]

    def positions(self, word) -> list[int]:
        """Token positions of ``word``: a word of the prompt (str) or one token position (int)."""
        if isinstance(word, (int, np.integer)) and not isinstance(word, bool):
            if not 0 <= word < len(self.tokens):
                raise ValueError(f"token index {word} is outside the context's {len(self.tokens)} positions: "
                                 f"use 0 (BOS) to {len(self.tokens) - 1}.")
            return [int(word)]
        groups = self._occurrences(word)
        return [p for g in groups for p in g]

    def _occurrences(self, word) -> list[list[int]]:
        if not isinstance(word, str):
            raise ValueError(f"word={word!r}: pass a word of the prompt (str) or a token position (int).")
        found = [pos for name, pos in self.words if name == word] or \
                [pos for name, pos in self.words if name.lower() == word.strip().lower()]
        if not found:
            raise ValueError(f"{word!r} is not a word of the prompt {self.prompt!r}; its words are: "
                             f"{', '.join(dict.fromkeys(n for n, _ in self.words))} (or pass a token position).")
        return found

    def map(self, word, *, resolutions=None, steps=None, heads=None, layers=None) -> np.ndarray:
        """(H, W) float32 heat map of ``word`` at the image's size (see the module docstring for the averaging).

        ``word``: a word of the prompt, whose tokens' maps are summed (a word that occurs several times gets the
        mean of its occurrences), or a token position (int). ``resolutions``: h values of ``self.resolutions``;
        ``steps``: step indices (a range or list); ``heads``: head indices; ``layers``: names of
        ``self.layers``; None = all.
        """
        return self.maps([word], resolutions=resolutions, steps=steps, heads=heads, layers=layers)[word]

    def maps(self, words=None, *, resolutions=None, steps=None, heads=None, layers=None) -> dict:
        """{word: ``map(word, ...)``} for several words (default: every word of the prompt) in one pass."""
        words = list(dict.fromkeys(name for name, _ in self.words)) if words is None else list(words)
        groups = {w: self._occurrences(w) if isinstance(w, str) else [self.positions(w)] for w in words}
        flat = sorted({p for gs in groups.values() for g in gs for p in g})
        maps = self._token_maps(flat, resolutions, steps, heads, layers)  # (len(flat), H, W)
        index = {p: i for i, p in enumerate(flat)}
        return {w: (sum(maps[[index[p] for p in g]].sum(0) for g in gs) / len(gs)).numpy()
                for w, gs in groups.items()}

    def _token_maps(self, positions: list[int], resolutions=None, steps=None, heads=None, layers=None):
        """(len(positions), H, W): each token's map, averaged over heads and steps per layer, upsampled, then
        averaged over the layers."""
        steps, layers = self._choose(resolutions, steps, heads, layers)
        H, W = self.size
        total = torch.zeros(len(positions), H, W, device="cpu")  # where the record keeps its probabilities
        for layer in layers:
            h, w = self.shapes[layer]
            acc = 0
            for s in steps:
                p = self.probs[(s, layer)][:, :, positions].float()  # (heads, h·w, n)
                acc = acc + (p if heads is None else p[list(heads)]).mean(0)
            small = (acc / len(steps)).T.reshape(len(positions), 1, h, w)  # (n, 1, h, w)
            total += F.interpolate(small, size=(H, W), mode="bilinear", align_corners=False)[:, 0]
        return total / len(layers)

    def _choose(self, resolutions, steps, heads, names):
        """Validate the selection; returns (steps, layers)."""
        kept = sorted({s for s, _ in self.probs})
        if steps is None:
            steps = kept
        else:
            steps = [int(s) for s in steps] if not isinstance(steps, (int, np.integer)) else [int(steps)]
            bad = [s for s in steps if s not in kept]
            if not steps or bad:
                have = "every step" if len(kept) == self.steps else f"steps {kept}"
                raise ValueError(f"steps={bad or steps}: this record has steps 0 to {self.steps - 1} and kept "
                                 f"{have}; pass step indices from those (e.g. range({self.steps // 2})).")
        if resolutions is None:
            resolutions = self.resolutions
        bad = [r for r in resolutions if r not in self.resolutions]
        if not list(resolutions) or bad:
            raise ValueError(f"resolutions={list(resolutions)}: the maps of this record have h in "
                             f"{self.resolutions}; pass a non-empty list of those.")
        if names is not None and (not list(names) or any(name not in self.layers for name in names)):
            raise ValueError(f"layers={list(names)}: pass names from this record's layers: {', '.join(self.layers)}.")
        layers = [name for name in self.layers if self.shapes.get(name, (None,))[0] in resolutions
                  and (steps[0], name) in self.probs and (names is None or name in names)]
        if not layers:
            raise ValueError(f"none of layers={list(names or self.layers)} has maps kept at resolutions="
                             f"{list(resolutions)}; their h: {[self.shapes.get(n, (None,))[0] for n in names or []]}.")
        if heads is not None:
            n = min(self.probs[(steps[0], name)].shape[0] for name in layers)
            if not list(heads) or any(not 0 <= int(i) < n for i in heads):
                raise ValueError(f"heads={list(heads)}: the chosen layers have {n} heads; pass indices 0 to {n - 1}.")
        return steps, layers


# ---- capture ------------------------------------------------------------------------------------

def _grid(tq: int, latent: tuple) -> tuple:
    """(h, w) of a layer's map from its Tq = h·w queries and the latent's (h0, w0): (⌈h0/f⌉, ⌈w0/f⌉), f = 2^k."""
    f = 1
    while f <= max(latent):
        h, w = math.ceil(latent[0] / f), math.ceil(latent[1] / f)
        if h * w == tq:
            return h, w
        f *= 2
    raise RuntimeError(f"a cross-attention layer has {tq} queries, no downscale of the {latent} latent")


def _check(parts, prompts, dtype, options) -> list[str]:
    """Validate; returns, per prompt, the one text its row of the batch sees at every step."""
    if options.get("num_images_per_prompt", 1) != 1:
        raise ValueError(f"num_images_per_prompt={options['num_images_per_prompt']!r}: record makes one image per "
                         "prompt; call it once per seed instead.")
    if options.get("output_type", "pil") != "pil":
        raise ValueError(f"output_type={options['output_type']!r}: record keeps the PIL images; leave it out.")
    if not (isinstance(dtype, torch.dtype) and dtype.is_floating_point):
        raise ValueError(f"dtype={dtype!r}: pass a float dtype to store the probabilities in (torch.float16 "
                         "halves the memory, torch.float32 keeps them exact).")
    steps, _, _ = with_defaults(parts, options.get("steps"), None, None)
    texts = []
    for prompt in prompts:
        if len(parse_and(prompt)) > 1:
            raise ValueError(f"prompt {prompt!r} uses AND (composable diffusion), which gives one context per part: "
                             "record the parts one by one.")
        timeline = schedule(parse_and(prompt)[0][0], steps) if isinstance(steps, int) and steps >= 1 else [(0, prompt)]
        if len(timeline) > 1:
            raise ValueError(f"prompt {prompt!r} uses prompt editing ([a:b:when] or [a|b]), so its words change "
                             f"between steps ({' -> '.join(t for _, t in timeline)}): record each text on its own.")
        texts.append(timeline[0][1])
    return texts


def record(parts, prompt, *, seed: int | None = 0, dtype: torch.dtype = torch.float16, keep_steps=None,
           keep_resolutions=None, **generation_options):
    """Run ``text_to_image(parts, prompt, seed=seed, **generation_options)`` once and keep its cross-attention.

    ``prompt``: a str -> one ``Record``; a list of str -> one batched run and a list of Records (the noise of
    a batch differs from one-by-one runs with the same seed, as in text_to_image). ``dtype``: how the
    probabilities are stored (on the CPU); ``keep_steps`` (step indices) and ``keep_resolutions`` (h values)
    store only those, to save memory at full size. A ``callback`` among the generation options still gets every
    step. Prompt weights ``(red:1.3)`` and BREAK are fine; AND and prompt editing are refused (the prompt's
    words would not be one list of tokens).
    """
    one = isinstance(prompt, str)
    prompts = [prompt] if one else prompt
    if not isinstance(prompts, (list, tuple)) or not prompts or not all(isinstance(p, str) for p in prompts):
        raise ValueError(f"prompt={prompt!r}: pass a str (one Record) or a non-empty list of str (one each).")
    texts = _check(parts, prompts, dtype, generation_options)
    unet, names = parts.unet, cross_attention_layers(parts.unet)
    if not names:
        raise ValueError("this UNet has no cross-attention (attn2) layers, so there are no word maps to record.")
    modules, B = dict(unet.named_modules()), len(prompts)
    state = {"step": 0, "latent": None}
    probs, shapes, sigmas = {}, {}, []
    if keep_steps is not None:
        n = with_defaults(parts, generation_options.get("steps"), None, None)[0]
        keep_steps = {int(s) for s in keep_steps}
        if not keep_steps or not keep_steps <= set(range(n)):
            raise ValueError(f"keep_steps={sorted(keep_steps)}: this run has steps 0 to {n - 1}; keep some of those.")

    def on_unet(module, args, kwargs):  # the latent's (h, w), to tell each layer's map shape from its h·w queries
        state["latent"] = tuple((args[0] if args else kwargs["x"]).shape[-2:])

    def on_attn2(name):
        def hook(module, args, output):
            key = (state["step"], name)
            if key in probs or (keep_steps is not None and state["step"] not in keep_steps):
                return  # a later UNet call of the same step, or a step not kept
            if name not in shapes:
                shapes[name] = _grid(module.probs.shape[2], state["latent"])
            if keep_resolutions is not None and shapes[name][0] not in keep_resolutions:
                return
            if module.probs.shape[0] not in (B, 2 * B):
                raise RuntimeError(f"expected [prompts] or [negatives, prompts], {B} each, not {module.probs.shape[0]}")
            probs[key] = module.probs[-B:].to("cpu", dtype)  # (B, heads, h·w, T): the prompts' rows
        return hook

    user_callback = generation_options.pop("callback", None)

    def on_step(d):
        sigmas.append(float(d["sigma"]))
        state["step"] = d["i"] + 1
        return user_callback(d) if user_callback is not None else None

    saved = {name: (modules[name].keep_probs, modules[name].probs) for name in names}
    handles = [unet.register_forward_pre_hook(on_unet, with_kwargs=True)]
    try:
        for name in names:
            modules[name].keep_probs = True
            handles.append(modules[name].register_forward_hook(on_attn2(name)))
        generation_options.setdefault("progress", False)
        images = text_to_image(parts, prompts, seed=seed, callback=on_step, **generation_options)
    finally:
        for handle in handles:
            handle.remove()
        for name, (keep, old) in saved.items():
            modules[name].keep_probs, modules[name].probs = keep, old

    if not probs:
        raise ValueError(f"keep_resolutions={sorted(keep_resolutions)} kept nothing: this UNet's cross-attention "
                         f"maps have h in {sorted({h for h, _ in shapes.values()})}.")
    T = next(iter(probs.values())).shape[-1]
    tok, chunk_length = parts.tokenizer, parts.text_encoder.config.max_position_embeddings - 2
    resolutions = sorted({shapes[name][0] for _, name in probs})
    records = []
    for b, (prompt, text) in enumerate(zip(prompts, texts)):
        chunks = chunk(text, tok, chunk_length)
        chunks += chunk("", tok, chunk_length) * (T // (chunk_length + 2) - len(chunks))  # padded as in the batch
        records.append(Record(image=images[b], prompt=prompt, words=prompt_words(tok, text, chunk_length),
                              tokens=[tok.decoder[i] for c in chunks for i in c.ids], steps=len(sigmas),
                              resolutions=resolutions, layers=names, shapes=shapes,
                              probs={key: p[b].clone() if B > 1 else p[b] for key, p in probs.items()},
                              sigmas=sigmas))
    return records[0] if one else records


def peak(heat, top: float = 0.25) -> tuple[float, float]:
    """(y, x), in pixels, of the centroid of the ``top`` share of the map's pixels with the highest values, each
    weighted by its value: where a word's attention is concentrated (pixel (i, j) spans [i, i+1) × [j, j+1)).

    Why not the plain centroid or the argmax: the diffuse mass spread over the whole picture pulls the plain
    centroid towards the middle, and the argmax of a map upsampled from 4×4 or 8×8 sits on one latent cell's
    peak, which can be the shape's edge. The default 0.25 is a little more than the largest shape of the
    bundled model's world covers (a square of 0.45 of the side: 20% of the picture); tools/eval_attention.py
    compares it with the plain centroid and the argmax.
    """
    heat = np.asarray(heat, dtype=np.float64)
    if heat.ndim != 2 or not np.isfinite(heat).all() or heat.min() < 0 or heat.sum() <= 0:
        raise ValueError(f"heat: pass one (H, W) map of finite values >= 0, not all 0 (got shape {heat.shape}).")
    if not 0 < top <= 1:
        raise ValueError(f"top={top}: pass the share of pixels to keep, in (0, 1] (1 = the plain centroid).")
    weights = np.where(heat >= np.quantile(heat, 1 - top), heat, 0.0)
    ys, xs = np.mgrid[0:heat.shape[0], 0:heat.shape[1]] + 0.5  # pixel centres
    return float((weights * ys).sum() / weights.sum()), float((weights * xs).sum() / weights.sum())


def heatmaps(parts, prompt: str, *, seed: int | None = 0, **generation_options):
    """(image, {word: (H, W) float32 map}) for every word of the prompt, aggregated over all heads, layers and
    steps (``Record.map``). A word that occurs twice ("a ... a") has one entry, the mean of its occurrences."""
    if not isinstance(prompt, str):
        raise ValueError(f"prompt={prompt!r}: heatmaps takes one prompt as a str; for a batch call record().")
    rec = record(parts, prompt, seed=seed, **generation_options)
    return rec.image, rec.maps()
