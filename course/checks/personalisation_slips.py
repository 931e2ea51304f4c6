"""The mistakes learners make in notebook 08's exercises, each as the code that makes it, with its sentence.

A slip is ``(words, fn)``: ``fn`` takes what the learner's function takes and does what the mistake does (for
``insert_embedding``: changes a tokenizer and a text encoder; for ``textual_inversion_loss`` and
``prior_preservation_loss``: returns the mistaken loss). course.checks.personalisation runs them where the learner's
function ran and names the one that gives the learner's result on the verdict's first line, after "it looks like".
``ERRORS`` lists ``(fragment, words)``: the words shown when the learner's function raised an error holding the
fragment. ``ti_loss`` is also the reference of the loss: the trainer's (course.training.textual_inversion) by default.
"""
from __future__ import annotations

from functools import partial

import torch
import torch.nn.functional as F

from course.sampling.schedules import add_noise

# ---- §1 insert_embedding ---------------------------------------------------------------------------------------


def _insert(names=None, values=None, write=True):
    """A mistaken insert: other ``names(token, n)``, other ``values(vectors)``, or no write at all."""
    def insert(tokenizer, encoder, token, vectors):
        words = names(token, len(vectors)) if names else [token] + [f"{token}_{i}" for i in range(1, len(vectors))]
        ids = tokenizer.add_tokens(words)
        if encoder.embeddings.token_embedding.num_embeddings <= max(ids):
            encoder.resize_token_embeddings(max(ids) + 1)
        table = encoder.embeddings.token_embedding.weight
        if write:
            with torch.no_grad():
                rows = values(vectors) if values else vectors
                table[ids[:len(rows)]] = rows.to(table)
        return words
    return insert


NEVER_WRITTEN = ("the vectors were never written: the new rows still hold what they held (the spare rows' old "
                 "numbers, or zeros after growing). Indexing the weight with a list of ids gives a copy, and copying "
                 "into that copy writes nowhere: assign to the indexed weight itself.")
INSERT_SLIPS = [
    (NEVER_WRITTEN, _insert(write=False)),
    ("only the first vector was written: an embedding of n vectors fills n rows, one per name.",
     _insert(values=lambda v: v[:1])),
    ("every row got the first vector: row i gets vector i.", _insert(values=lambda v: v[:1].expand_as(v))),
    ("you added only the word itself, with its first vector: n vectors need n tokens, the word then word_1, word_2, "
     "..., so that a prompt's word stands for all of them.", _insert(names=lambda t, n: [t], values=lambda v: v[:1])),
    ("the extra names lack the underscore: diffusers names them word_1, word_2, ..., and the tokenizer expands a "
     "prompt's word only into names of that form.", _insert(names=lambda t, n: [t] + [f"{t}{i}" for i in range(1, n)])),
    ("the names start at word_0: the first is the word itself, the others word_1, word_2, ...",
     _insert(names=lambda t, n: [f"{t}_{i}" for i in range(n)])),
]
NOT_RESIZED = ("the table has no row for the new ids: when the largest new id is not below its number of rows, grow "
               "it with the text encoder's resize_token_embeddings (it keeps the old rows and updates the config's "
               "vocab_size, which the encoder checks ids against).")
INSERT_ERRORS = [
    ("out of bounds", NOT_RESIZED), ("outside the vocabulary", NOT_RESIZED), ("index out of range", NOT_RESIZED),
    ("leaf Variable", "you wrote into the table while autograd tracks it: the weight is a parameter, so write its "
                      "rows inside a no-gradient block."),
    ("dtypes match", "the vectors went in with their own dtype: a file's vectors are often float16, and writing rows "
                     "by index needs the table's dtype (and device): convert them first."),
    ("same device", "the vectors are on another device than the table: move them to the table's device (and dtype) "
                    "before writing them."),
    ("cannot be broadcast to indexing result of shape [1,", "you added one token for several vectors: n vectors need "
                                                            "n tokens, the word then word_1, word_2, ..."),
]


def shifted(k: int) -> str:
    """The words for vectors written ``k`` rows away from their tokens' rows."""
    where = f"{abs(k)} row{'s' if abs(k) > 1 else ''} {'after' if k > 0 else 'before'}"
    return (f"the vectors went {where} their tokens' rows: vector i belongs in the row of the id the tokenizer gave "
            "name i (did you take the first free row after adding the tokens, or count from 1?).")


# ---- §2 textual_inversion_loss ---------------------------------------------------------------------------------


def ti_loss(parts, latents, ids, ac, g, *, scale=1, t_from=0, t_cut=0, noise_first=False, mix="vp", target="noise",
            freeze=("unet", "text_encoder"), clean=False, reduce="mean"):
    """The trainer's loss of one batch (course.training.textual_inversion); the options make one mistake each."""
    for name in freeze:
        getattr(parts, name).requires_grad_(False)
    z = latents * parts.vae.scaling_factor ** scale
    if noise_first:
        noise = torch.randn(z.shape, generator=g)
    t = torch.randint(t_from, len(ac) - t_cut, (len(z),), generator=g)
    if not noise_first:
        noise = torch.randn(z.shape, generator=g)
    t, noise = t.to(z.device), noise.to(z.device)
    a = ac[t].view(-1, 1, 1, 1)  # (B, 1, 1, 1)
    x = {"vp": lambda: add_noise(z, noise, ac[t]), "no roots": lambda: a * z + (1 - a) * noise,
         "swapped": lambda: (1 - a).sqrt() * z + a.sqrt() * noise, "ve": lambda: z + ((1 - a) / a).sqrt() * noise}
    pred = parts.unet(z if clean else x[mix](), t, parts.text_encoder(ids))
    return F.mse_loss(pred, noise if target == "noise" else z, reduction=reduce)


FROZEN = "only the new vectors may train: freeze"
LOSS_SLIPS = [(words, partial(ti_loss, **options)) for words, options in [
    ("the target is the latent: the UNet predicts the noise that was added, so compare its output with the noise.",
     dict(target="latent")),
    ("the latents were not multiplied by the VAE's scaling_factor: the UNet was trained on scaled latents, with a "
     "variance near 1, and sees these as far too faint.", dict(scale=0)),
    ("the latents were divided by the VAE's scaling_factor: dividing is the way back, before decoding; before the "
     "UNet, multiply.", dict(scale=-1)),
    ("t was drawn from 1: the training timesteps are 0 to T − 1, all of them (randint's upper end is excluded).",
     dict(t_from=1)),
    ("t stops at T − 2: randint already excludes its upper end, so pass the number of alphas itself.", dict(t_cut=1)),
    ("the noise was drawn before t: draw t first, then the noise, as the trainer does, so that the same generator "
     "gives the same batch.", dict(noise_first=True)),
    ("the square roots are missing: x_t = √ᾱ_t · z + √(1 − ᾱ_t) · ε (notebook 05's add_noise).", dict(mix="no roots")),
    ("the two factors are swapped: the latent gets √ᾱ_t and the noise √(1 − ᾱ_t).", dict(mix="swapped")),
    ("the latent was noised in the VE form z + σε; the UNet is trained on x_t = √ᾱ_t · z + √(1 − ᾱ_t) · ε.",
     dict(mix="ve")),
    ("the UNet got the clean latent: give it the noised one, x_t.", dict(clean=True)),
    (f"nothing was frozen, so the UNet and the text encoder got gradients too: {FROZEN} the UNet and the text encoder "
     "(the new vectors are a parameter of their own).", dict(freeze=())),
    (f"the text encoder was not frozen: its weights, the token table included, got gradients; {FROZEN} it too.",
     dict(freeze=("unet",))),
    (f"the UNet was not frozen: its weights got gradients; {FROZEN} it too.", dict(freeze=("text_encoder",))),
    ("you summed the squared errors: take their mean.", dict(reduce="sum")),
]]
LOSS_ERRORS = [
    ("does not require grad", "the loss carries no gradient back to the new vectors: run the text encoder with "
                              "gradients on (no no-gradient block, no detach) and return the loss tensor itself."),
    ("has no attribute 'backward'", "the loss came back as a number: return the tensor itself, whose backward the "
                                    "trainer calls."),
    ("same device", "t or the noise stayed on the CPU: draw them on the CPU generator, then move them to the "
                    "latents' device."),
]
NOT_FROM_GENERATOR = ("two calls with the same generator gave two losses: draw t and the noise from the generator "
                      "passed in (its generator argument), nothing else.")

# ---- §5 prior_preservation_loss --------------------------------------------------------------------------------


def _mse(pred, target, rows):
    return (pred[rows] - target[rows]).float().pow(2).mean()


def _split(pred, target, n, w, at=None, weight_on="class", reduce="mean"):
    """concept term + w · class term: the concept rows first (``at``: split there instead, negative for the class
    rows first), the weight on the class term, each a mean; a slip changes one of these. No class rows: 0."""
    b = len(pred)
    at = n if at is None else at
    first, second = (slice(0, at), slice(at, b)) if at >= 0 else (slice(b + at, b), slice(0, b + at))
    terms = [torch.zeros(()) if not len(range(b)[r]) else
             (pred[r] - target[r]).float().pow(2).sum() if reduce == "sum" else _mse(pred, target, r)
             for r in (first, second)]
    return terms[0] + w * terms[1] if weight_on == "class" else w * terms[0] + terms[1]


PRIOR_SLIPS = [
    ("with no class rows the class term is a mean over nothing, NaN: leave it out then.",
     lambda p, t, n, w: _mse(p, t, slice(0, n)) + w * _mse(p, t, slice(n, None))),
    ("the weight went on the concept rows: prior_weight multiplies the class rows' term.",
     lambda p, t, n, w: _split(p, t, n, w, weight_on="instance")),
    ("you took the class rows first: the concept's n_instance rows come first, the class rows after them.",
     lambda p, t, n, w: _split(p, t, n, w, at=-n)),
    ("you split the batch in the middle: the concept rows are the first n_instance, whatever their number.",
     lambda p, t, n, w: _split(p, t, n, w, at=(len(p) + 1) // 2)),
    ("you took the mean over the whole batch: the loss is two means, one per part, the class one times "
     "prior_weight.", lambda p, t, n, w: F.mse_loss(p.float(), t.float())),
    ("the weight is forgotten: the class term is multiplied by prior_weight.", lambda p, t, n, w: _split(p, t, n, 1.0)),
    ("you divided by 1 + prior_weight: the loss is the sum of the two terms, not their weighted average.",
     lambda p, t, n, w: _split(p, t, n, w) / (1 + w)),
    ("you averaged the two terms: the loss is their sum.", lambda p, t, n, w: _split(p, t, n, w) / 2),
    ("you summed the squared errors: each term is a mean.", lambda p, t, n, w: _split(p, t, n, w, reduce="sum")),
    ("the class rows are left out: the loss adds prior_weight times their mean squared error.",
     lambda p, t, n, w: _mse(p, t, slice(0, n))),
    ("you weighted the class rows' errors and took one mean over the whole batch: each part is a mean over its own "
     "rows, then the two are added.", lambda p, t, n, w: torch.cat([
         (p[:n] - t[:n]).float().pow(2).flatten(), w * (p[n:] - t[n:]).float().pow(2).flatten()]).mean()),
]
