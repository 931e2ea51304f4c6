"""Training an IP-Adapter for the bundled model: a picture sets the colour and the shape, the words the rest.

Ye et al. 2023, "IP-Adapter: Text Compatible Image Prompt Adapter for Text-to-Image Diffusion Models"; their
training script (tutorial_train.py) on a small scale. Everything is frozen — UNet, VAE, text encoder and image
encoder — but the adapter of ``course.nets.ip_adapter``: ``image_proj`` and every attn2's ``to_k_ip``/``to_v_ip``
(these start as copies of to_k/to_v). The loss is the usual one: pick t, noise the picture's latent, regress the
noise, the UNet reading the caption through its own cross-attention and the reference picture's image embedding
through the adapter's. Dropout as the paper's, so classifier-free guidance works with a picture: 5% of the rows
lose the caption (""), 5% the picture (a zero embedding, what the pipeline gives the unconditional rows), 5% both.

The paper's reference picture is the target picture itself, and its caption the full one. Here that teaches the
adapter to copy the whole picture: at sampling time the image then outvotes the text's background and place
(measured in docs/ip_adapter.md). The bundled recipe makes the split learnable instead (``reference="other"``,
``captions="place"``): the reference is another picture of the same colour and shape, on a background and at a
place drawn independently of the target's, and the caption names only the target's background and place ("on a
blue background, in the top left"). The picture then tells nothing about background and place, and the words
nothing about colour and shape: each is learnt from the one that carries it, as InstantID pairs a face crop (who)
with landmarks and a prompt (where, and what else).

Pictures and reference embeddings are computed once (``make_pool``, training triples only: the held-out triples
measure the adapter). The loop is ``course.training.stage.Stage``: a checkpoint ``<workdir>/ip_adapter.pt`` every
minute and on Ctrl-C, and the same command continues from it with the same batches (each a pure function of seed
and step). ``train_ip_adapter_command`` also trains the image encoder first (course/training/image_encoder.py)
unless it is given one, and writes the folder course/bundled_ip_adapter/ has.

    python -m course train-ip-adapter --out runs/ip_adapter/model
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from course.io.ip_adapter_files import load_image_encoder, save_image_encoder, save_ip_adapter
from course.io.loading import load_bundled
from course.nets.ip_adapter import IPAdapter
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.image_encoder import ImageEncoderRecipe, pictures, train_image_encoder, zero_shot_accuracy
from course.training.stage import Stage, prepare_resume, recipe_settings, step_generator

CHECKPOINT = "ip_adapter.pt"
REFERENCES = ("other", "same")
CAPTIONS = ("place", "full")
# captions without the colour and the shape, by (names the position, names the background); rates as data's
PLACE_TEMPLATES = {
    (True, True): ["on a {background} background, in the {position}", "{background} background, {position}",
                   "in the {position} on a {background} background"],
    (False, True): ["on a {background} background", "{background} background"],
    (True, False): ["in the {position}", "{position}"],
    (False, False): [""]}


@dataclass(frozen=True)
class IPAdapterRecipe:
    """What the adapter learns from and how. ``quick()``: a few steps, for tests."""

    num_tokens: int = 4          # image tokens per picture (the plain IP-Adapter's 4)
    pool: int = 4000             # target pictures (training triples), each with one reference picture
    reference: str = "other"     # "other": another picture of the same colour and shape; "same": the target (paper)
    captions: str = "place"      # "place": background and place only; "full": the dataset's captions (paper)
    text_dropout: float = 0.05   # rows whose caption is "" (the paper's 0.05)
    image_dropout: float = 0.05  # rows whose picture is a zero embedding
    both_dropout: float = 0.05   # rows that lose both: the unconditional prediction of CFG
    t_exponent: float = 1.0      # t = 1000·(1 − u^e), u uniform: 1 is the paper's uniform t; > 1 favours high noise
    lr: float = 1e-3
    warmup: int = 20
    steps: int = 600
    batch: int = 64
    seed: int = 0
    save_every_s: float = 60.0

    @classmethod
    def quick(cls) -> "IPAdapterRecipe":
        return dataclasses.replace(cls(), pool=8, steps=4, batch=4, warmup=1)


def place_caption(spec: data.Spec, rng: np.random.Generator) -> str:
    """A caption of ``spec`` that names its background and place but never its colour or shape."""
    options = PLACE_TEMPLATES[bool(rng.random() < data.POSITION_RATE), bool(rng.random() < data.BACKGROUND_RATE)]
    where = "middle" if spec.position == "center" and rng.random() < 0.5 else spec.position
    return options[rng.integers(len(options))].format(background=spec.background, position=where)


def reference_spec(spec: data.Spec, rng: np.random.Generator) -> data.Spec:
    """Another picture of ``spec``'s colour and shape: background (of a training triple) and place drawn
    independently of ``spec``'s, so the picture says nothing about them."""
    backgrounds = [b for b in data.COLOURS if b != spec.colour and data.split_of(spec.colour, spec.shape, b) == "train"]
    background = backgrounds[rng.integers(len(backgrounds))]
    position = list(data.POSITIONS)[rng.integers(len(data.POSITIONS))]
    return data.spec_at(rng, (spec.colour, spec.shape, background), position)


@torch.no_grad()
def make_pool(parts, encoder, recipe: IPAdapterRecipe, device, chunk: int = 500) -> dict:
    """``recipe.pool`` training pictures (seed + 40): the VAE's posterior (mean, std) of each target, its caption,
    and its reference picture's image embedding (the frozen ``encoder``'s); computed once."""
    means, stds, embeds, captions, specs = [], [], [], [], []
    for start in range(0, recipe.pool, chunk):
        targets, references = [], []
        for i in range(start, min(start + chunk, recipe.pool)):
            rng = np.random.default_rng((recipe.seed + 40, i))  # item i depends on (seed, i) alone
            spec = data.sample_spec(rng)
            image = data.render(spec, 32, rng=rng)
            ref = image if recipe.reference == "same" else data.render(reference_spec(spec, rng), 32, rng=rng)
            targets.append(torch.from_numpy(image).permute(2, 0, 1).float() / 255)
            references.append(ref)
            captions.append(place_caption(spec, rng) if recipe.captions == "place" else data.caption(spec, rng))
            specs.append(spec)
        posterior = parts.vae.encode(torch.stack(targets).to(device) * 2 - 1)
        means.append(posterior.mean)
        stds.append(posterior.std)
        embeds.append(encoder(pictures(references).to(device)))  # (n, D)
    return {"mean": torch.cat(means), "std": torch.cat(stds), "embeds": torch.cat(embeds), "captions": captions,
            "specs": specs}


def encoder_fingerprint(encoder) -> str:
    """The first 16 hex digits of the SHA-256 of an image encoder's weights (float32, in state_dict order)."""
    digest = hashlib.sha256()
    for key, value in encoder.state_dict().items():
        digest.update(key.encode())
        digest.update(value.detach().to("cpu", torch.float32).contiguous().numpy().tobytes())
    return digest.hexdigest()[:16]


def adapter_settings(recipe: IPAdapterRecipe, encoder) -> dict:
    """What the adapter's checkpoint is saved with: the recipe, and which image encoder it reads (a run resumed
    with another encoder would go on training on other embeddings)."""
    return {**recipe_settings(recipe), "image_encoder": encoder_fingerprint(encoder)}


def train_ip_adapter(parts, encoder, recipe: IPAdapterRecipe | None = None, workdir: str | Path = "runs/ip_adapter",
                     device: str | None = None, log=None, log_every: int = 100, restart: bool = False):
    """Train an IP-Adapter for ``parts`` (a frozen ``course.parts.Parts``) reading ``encoder`` (an ``ImageEncoder``,
    frozen); return (the adapter, attached to ``parts.unet``, eval mode; the losses of the steps run in this call).
    ``parts.image_encoder`` is set to ``encoder``. Resumes from ``<workdir>/ip_adapter.pt`` when it exists and was
    made with the same recipe and image encoder (else refuses, naming what differs); ``restart=True`` starts from
    step 0."""
    recipe = recipe or IPAdapterRecipe()
    _check(recipe)
    settings = adapter_settings(recipe, encoder)
    prepare_resume(Path(workdir) / CHECKPOINT, settings, restart)  # before the slow setup
    if getattr(parts.unet, "ip_adapter", None) is not None:
        raise ValueError("parts.unet already has an IP-Adapter attached: call .remove() on it first, or load the "
                         "parts anew; a new adapter trains on the plain UNet.")
    device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    for module in (parts.unet, parts.text_encoder, parts.vae, encoder):
        module.to(device).requires_grad_(False).eval()
    parts.image_encoder = encoder
    pool = make_pool(parts, encoder, recipe, device)
    torch.manual_seed(recipe.seed)  # image_proj's initial weights
    adapter = IPAdapter(parts.unet, encoder.config.projection_dim, recipe.num_tokens).attach()
    ac = training_alphas_cumprod(parts.scheduler_config).to(device)  # the schedule the base model learnt
    stage = Stage("ip_adapter", adapter, recipe.lr, Path(workdir), recipe.steps, recipe.warmup, settings=settings)
    losses = []

    def loss_at(step: int) -> torch.Tensor:
        g = step_generator(recipe.seed, step)
        idx = torch.randint(0, len(pool["captions"]), (recipe.batch,), generator=g)
        u = torch.rand(recipe.batch, generator=g)  # one draw decides each row's dropout: text, image, both, none
        t_drop, i_drop = recipe.text_dropout, recipe.image_dropout
        no_text = (u < t_drop) | ((u >= t_drop + i_drop) & (u < t_drop + i_drop + recipe.both_dropout))
        no_image = (u >= t_drop) & (u < t_drop + i_drop + recipe.both_dropout)
        texts = ["" if d else pool["captions"][i] for i, d in zip(idx.tolist(), no_text.tolist())]
        embeds = pool["embeds"][idx] * (~no_image).to(device)[:, None]  # a zero embedding: "no picture"
        z = (pool["mean"][idx] + pool["std"][idx] * torch.randn(pool["mean"][idx].shape, generator=g).to(device))
        z = z * parts.vae.scaling_factor
        v = torch.rand(recipe.batch, generator=g)
        t = (len(ac) * (1 - v ** recipe.t_exponent)).long().clamp(0, len(ac) - 1).to(device)
        noise = torch.randn(z.shape, generator=g).to(device)
        with torch.no_grad():
            context = parts.text_encoder(parts.tokenizer(texts, warn=False)["input_ids"].to(device))
        pred = parts.unet(add_noise(z, noise, ac[t]), t, context, image_embeds=embeds)
        loss = (pred.float() - noise.float()).pow(2).mean()
        losses.append(loss.item())
        return loss

    adapter.train()
    try:
        stage.run(loss_at, recipe.save_every_s, log=log, log_every=log_every)
    finally:
        adapter.eval().requires_grad_(False)
    return adapter, losses


def _check(recipe: IPAdapterRecipe) -> None:
    recipe_settings(recipe)  # NaN, inf, steps/batch/lr <= 0
    if recipe.reference not in REFERENCES:
        raise ValueError(f"reference={recipe.reference!r}: use 'other' (another picture of the same colour and shape, "
                         "the bundled recipe) or 'same' (the target picture itself, the paper's).")
    if recipe.captions not in CAPTIONS:
        raise ValueError(f"captions={recipe.captions!r}: use 'place' (background and place only, the bundled recipe) "
                         "or 'full' (the dataset's captions, the paper's).")
    if recipe.pool < 1 or recipe.num_tokens < 1:
        raise ValueError(f"pool={recipe.pool}, num_tokens={recipe.num_tokens}: both must be >= 1 (pictures to "
                         "learn from, image tokens per picture; the plain IP-Adapter's 4).")
    if not recipe.t_exponent > 0:
        raise ValueError(f"t_exponent={recipe.t_exponent} must be > 0: timesteps are t = 1000·(1 − u^e) (1: uniform, "
                         "the paper's; above 1: more of the noisy steps).")
    drops = (recipe.text_dropout, recipe.image_dropout, recipe.both_dropout)
    if min(drops) < 0 or sum(drops) >= 1:
        raise ValueError(f"text_dropout, image_dropout, both_dropout = {drops}: each >= 0 and together < 1 (the "
                         "paper's 0.05 each: the rest of the rows keep caption and picture).")


def train_ip_adapter_command(out: str | Path, workdir: str | Path = "runs/ip_adapter",
                             recipe: IPAdapterRecipe | None = None, encoder_recipe: ImageEncoderRecipe | None = None,
                             image_encoder: str | Path | None = None, device: str | None = None,
                             restart: bool = False, eval_n: int = 500) -> Path:
    """Load the bundled model; train the image encoder (``encoder_recipe``; or load the folder ``image_encoder``),
    then the adapter (both resume a stopped run made with the same recipe; ``restart``: start anew); write the
    folder ``out``: image_encoder/ (config.json, model.safetensors), ip_adapter.safetensors and ip_adapter.json
    (the recipes, the encoder's zero-shot accuracy on ``eval_n`` pictures each of the training and the held-out
    triples, the timing), as course/bundled_ip_adapter/ holds them."""
    recipe, encoder_recipe = recipe or IPAdapterRecipe(), encoder_recipe or ImageEncoderRecipe()
    _check(recipe)
    out, started, info = Path(out), time.monotonic(), {"recipe": dataclasses.asdict(recipe)}
    if image_encoder is not None:  # a trained encoder is checked against the adapter's checkpoint when it is done
        encoder = load_image_encoder(image_encoder)
        prepare_resume(Path(workdir) / CHECKPOINT, adapter_settings(recipe, encoder), restart)  # before the rest
        info["image_encoder"] = str(image_encoder)
    parts = load_bundled()
    if image_encoder is None:
        pair, _ = train_image_encoder(parts, encoder_recipe, workdir, device, restart)
        encoder = pair.image_encoder
        seconds = torch.load(Path(workdir) / "image_encoder.pt", map_location="cpu", weights_only=True)["seconds"]
        info["image_encoder"] = {"recipe": dataclasses.asdict(encoder_recipe), "training_seconds": round(seconds, 1),
                                 "zero_shot": {split: zero_shot_accuracy(parts, pair, eval_n, split)
                                               for split in ("train", "heldout")}}
    save_image_encoder(encoder, out / "image_encoder")
    adapter, losses = train_ip_adapter(parts, encoder, recipe, workdir, device, restart=restart)
    path = save_ip_adapter(adapter, out / "ip_adapter.safetensors")
    seconds = torch.load(Path(workdir) / CHECKPOINT, map_location="cpu", weights_only=True).get("seconds", 0.0)
    info.update(training_seconds=round(seconds, 1), this_run_seconds=round(time.monotonic() - started, 1),
                torch_threads=torch.get_num_threads(), losses=[round(x, 5) for x in losses])
    (out / "ip_adapter.json").write_text(json.dumps(info, indent=1))
    tqdm.write(f"wrote {out} (image_encoder/, {path.name}); the adapter trained in {seconds:.0f} s")
    return out


__all__ = ["IPAdapterRecipe", "place_caption", "reference_spec", "make_pool", "encoder_fingerprint",
           "adapter_settings", "train_ip_adapter", "train_ip_adapter_command"]
