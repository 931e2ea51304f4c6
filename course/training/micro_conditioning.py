"""Size and crop conditioning, demonstrated: two UNets fine-tuned on random crops, one told the crop, one not.

Podell et al. 2023, "SDXL", §2.2: a model trained on random crops learns to draw cut-off objects, because
its data shows them; SDXL tells the UNet each training picture's original size and crop corner (``time_ids``,
course/nets/micro_conditioning.py), and at sampling time asks for crop (0, 0) of an original as large as the
picture: then it draws whole objects. The shapes world shows the same on the course's scale:

- the data (``crop_example``): each picture is drawn on a larger "original" (sides 32 to 48 px, not always
  square) with the shape wholly inside, at least ``margin`` px from every edge, and a random 32×32 crop of it is
  taken (one that keeps the shape's centre, so the caption stays true: the crop may cut the shape, never lose it);
  a share of pictures are not cropped at all (original 32×32, crop (0, 0)). Captions name no position, since a
  crop moves the shape. time_ids = (original height, width, crop top, crop left, 32, 32);
- two UNets from the bundled one, trained on the same batches (``train_pair``): "micro" with SDXL's
  micro-conditioning added (its text_embeds the frozen text encoder's pooled output, as SDXL's are its second
  encoder's; the new ``add_embedding`` ends in a zero-initialised layer, so training starts from the bundled
  model's behaviour), "plain" without it. Tokenizer, text encoder and VAE stay frozen;
- ``cut_off``: a picture's shape is cut off when the analytic reader's shape mask (``data.shape_mask``) reaches
  the frame. Whole shapes keep their margin, so on rendered pictures it flags no uncropped one, every crop that
  cut the shape, and the few whose crop edge lies exactly along the shape's (tests/test_crop_conditioning.py);
  tools/eval_crops.py measures the models.

``sample`` is a small sampling loop that gives the UNet its text_embeds and time_ids (course.pipeline does not
pass them): the bundled model's sampler, steps and guidance, on course.sampling's denoiser and guidance.
Resumable as the other trainers: ``<workdir>/crops_micro.pt`` and ``crops_plain.pt`` (``course.training.stage``).
Figures: docs/sdxl_crops.md.
"""
from __future__ import annotations

import copy
import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn
from tqdm.auto import tqdm

from course.nets.unet import UNet
from course.parts import Parts
from course.pipeline import with_defaults
from course.sampling.arguments import latent_factor
from course.sampling.denoiser import denoiser_for, schedule_for
from course.sampling.guidance import classifier_free_guidance
from course.sampling.samplers import get_sampler
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.bundled import eps_loss
from course.training.stage import Stage, prepare_resume, recipe_settings, step_generator

__all__ = ["CropRecipe", "Cropped", "crop_example", "crop_caption", "make_pool", "with_micro_conditioning",
           "train_pair", "sample", "cut_off", "framing", "UNCROPPED", "MODELS", "load_bundled_crops"]

SIDE = 32  # the training pictures' side, and the target size of every time_ids
UNCROPPED = (SIDE, SIDE, 0, 0, SIDE, SIDE)  # SDXL's request at sampling time: an uncropped original of this size
MODELS = ("micro", "plain")


@dataclass(frozen=True)
class CropRecipe:
    """The data and training of the two UNets (``quick()``: a few steps, for tests)."""

    original: tuple[int, int] = (32, 48)  # each side of a cropped picture's original: a whole number in this range
    uncropped: float = 0.25  # the share of pictures drawn at 32×32 and not cropped: time_ids UNCROPPED
    margin: float = 1.0  # px a whole shape keeps from its original's edges: so only a cut shape touches the frame
    pool: int = 8000  # pictures drawn, cropped and encoded by the VAE once
    steps: int = 800
    batch: int = 64
    lr: float = 1e-3  # 3e-4 for 500 steps left the time_ids unused (docs/sdxl_crops.md)
    warmup: int = 20
    time_embed_dim: int = 32  # sinusoid width of each time_id (SDXL: 256 for its 1024 px): numbers here are < 64
    caption_dropout: float = 0.1  # as the bundled model: the unconditional prediction for guidance
    min_snr_gamma: float | None = 5.0  # as the bundled model
    seed: int = 0
    save_every_s: float = 120.0

    @classmethod
    def quick(cls) -> "CropRecipe":
        return dataclasses.replace(cls(), pool=8, steps=2, batch=4, warmup=1)


@dataclass(frozen=True)
class Cropped:
    """One training picture and where it came from. ``spec`` is drawn on a square canvas of side ``canvas``
    (``data.render``); the original is its (H, W) window at ``origin`` (top, left), the picture the 32×32
    window of the original at (time_ids[2], time_ids[3])."""
    picture: np.ndarray  # (32, 32, 3) uint8
    original: np.ndarray  # (H, W, 3) uint8, the shape wholly inside
    time_ids: tuple  # (H, W, crop top, crop left, 32, 32)
    spec: data.Spec
    canvas: int
    origin: tuple


def _window(lo: float, hi: float, rng: np.random.Generator) -> int:
    """A whole number drawn uniformly from [lo, hi] (rounded inwards)."""
    return int(rng.integers(math.ceil(lo - 1e-9), math.floor(hi + 1e-9) + 1))


def crop_example(rng: np.random.Generator, triple, recipe: CropRecipe = CropRecipe(), noise: float = 6.0) -> Cropped:
    """Draw a (colour, shape, background) ``triple`` wholly inside an original and crop 32×32 of it (module
    docstring). The shape is as large in pixels as the bundled model's (data.SIZE_RANGE of 32 px), at one of
    data.POSITIONS of the canvas with jitter, so the picture is one of the shapes world's, moved by the crop."""
    if rng.random() < recipe.uncropped:
        h = w = SIDE
    else:
        h, w = (int(rng.integers(recipe.original[0], recipe.original[1] + 1)) for _ in range(2))
    side = max(h, w)
    half, m = float(rng.uniform(*data.SIZE_RANGE)) * SIDE / 2, recipe.margin  # half the shape's side, px
    position = list(data.POSITIONS)[rng.integers(len(data.POSITIONS))]
    limit = data.MAX_JITTER * side
    jitter = [float(rng.uniform(max(-limit, half + m - a * side), min(limit, side - half - m - a * side)))
              for a in data.POSITIONS[position]]  # (dx, dy): the shape keeps its margin inside the canvas
    spec = data.Spec(*triple, position=position, size=2 * half / side, jitter=jitter)
    canvas = data.render(spec, side, noise, rng)  # (side, side, 3)
    cx, cy = (a * side + d for a, d in zip(data.POSITIONS[position], jitter))
    # the original: an (h, w) window of the canvas that holds the whole shape and its margin
    top = _window(max(0, cy + half + m - h), min(side - h, cy - half - m), rng)
    left = _window(max(0, cx + half + m - w), min(side - w, cx - half - m), rng)
    original = canvas[top:top + h, left:left + w]
    # the crop: any 32×32 window of the original that keeps the shape's centre
    y, x = cy - top, cx - left  # the centre in the original
    ct = _window(max(0, y - SIDE + 1), min(h - SIDE, y - 1), rng)
    cl = _window(max(0, x - SIDE + 1), min(w - SIDE, x - 1), rng)
    picture = original[ct:ct + SIDE, cl:cl + SIDE]
    return Cropped(picture, original, (h, w, ct, cl, SIDE, SIDE), spec, side, (top, left))


def crop_caption(spec: data.Spec, rng: np.random.Generator) -> str:
    """A caption without the position (a crop moves the shape): colour and shape, the background in ~90%."""
    options = data.TEMPLATES[False, bool(rng.random() < data.BACKGROUND_RATE)]
    return data._articles(options[rng.integers(len(options))].format(
        colour=spec.colour, shape=spec.shape, background=spec.background))


def make_pool(recipe: CropRecipe, parts: Parts):
    """``recipe.pool`` cropped pictures of the training triples (seed + 3: not the bundled model's pool): their
    latent means and stds (n, 4, h, w), captions, and time_ids (n, 6), computed once."""
    means, stds, captions, time_ids = [], [], [], []
    with torch.no_grad():
        for start in tqdm(range(0, recipe.pool, 500), desc="pool: crop, encode"):
            pictures = []
            for i in range(start, min(start + 500, recipe.pool)):
                rng = np.random.default_rng((recipe.seed + 3, i))  # item i is a pure function of (seed, i)
                s = data.sample_spec(rng, "train")  # only its triple is used: the crop decides the rest
                item = crop_example(rng, (s.colour, s.shape, s.background), recipe)
                pictures.append(torch.from_numpy(item.picture.copy()).permute(2, 0, 1))
                captions.append(crop_caption(item.spec, rng))
                time_ids.append(item.time_ids)
            x = torch.stack(pictures).float() / 255 * 2 - 1  # (n, 3, 32, 32) in [-1, 1]
            posterior = parts.vae.encode(x.to(next(parts.vae.parameters())))
            means.append(posterior.mean)
            stds.append(posterior.std)
    return torch.cat(means), torch.cat(stds), captions, torch.tensor(time_ids, dtype=torch.float32)


def with_micro_conditioning(unet: UNet, time_embed_dim: int, pooled_dim: int) -> UNet:
    """A copy of ``unet`` with SDXL's micro-conditioning (pooled text of ``pooled_dim`` + 6 time_ids of
    ``time_embed_dim`` sinusoids each): every weight copied, the new ``add_embedding``'s last layer zero, so the
    copy predicts exactly what ``unet`` does until training moves it."""
    if unet.config.addition_embed_type is not None:
        raise ValueError(f"with_micro_conditioning takes an SD 1.x-style UNet; this one has addition_embed_type="
                         f"{unet.config.addition_embed_type!r} already: pass the UNet it was made from.")
    config = dataclasses.replace(unet.config, addition_embed_type="text_time", addition_time_embed_dim=time_embed_dim,
                                 projection_class_embeddings_input_dim=pooled_dim + 6 * time_embed_dim)
    new = UNet(config).to(next(unet.parameters()))
    missing, unexpected = new.load_state_dict(unet.state_dict(), strict=False)
    assert not unexpected and all(k.startswith("add_embedding.") for k in missing)  # the same UNet plus add_embedding
    nn.init.zeros_(new.add_embedding.linear_2.weight)
    nn.init.zeros_(new.add_embedding.linear_2.bias)
    return new


def _text(parts: Parts, texts: list[str], device) -> tuple[torch.Tensor, torch.Tensor]:
    """(context (B, T, D), pooled (B, D)) of the frozen text encoder, as the bundled model was trained."""
    ids = parts.tokenizer(texts, warn=False)["input_ids"].to(device)
    out = parts.text_encoder(ids, output_hidden_states=True)
    return out.last_hidden_state, out.pooled


def train_pair(recipe: CropRecipe, parts: Parts, workdir: Path, device="cpu", restart: bool = False,
               models=MODELS) -> dict:
    """Train ``models`` ("micro", "plain") from ``parts.unet`` on the same batches; returns {name: Stage} (its
    ``model`` the trained UNet, its ``seconds`` the training time over all sessions). Resumes checkpoints in
    ``workdir`` made with the same recipe; ``restart`` deletes them first."""
    settings = recipe_settings(recipe)
    for name in models:
        if name not in MODELS:
            raise ValueError(f"models: {name!r} is not one of {MODELS}.")
        prepare_resume(Path(workdir) / f"crops_{name}.pt", settings, restart)  # before the slow setup
    for net in (parts.text_encoder, parts.vae):
        net.to(device).requires_grad_(False).eval()
    means, stds, captions, time_ids = (t.to(device) if torch.is_tensor(t) else t for t in make_pool(recipe, parts))
    ac = training_alphas_cumprod(parts.scheduler_config).to(device)  # the schedule the bundled model learnt
    stages = {}
    for name in models:
        torch.manual_seed(recipe.seed)  # the new add_embedding's first layer starts random, the same every run
        base = copy.deepcopy(parts.unet).to(device).requires_grad_(True)
        unet = with_micro_conditioning(base, recipe.time_embed_dim, parts.text_encoder.config.hidden_size) \
            if name == "micro" else base
        stage = Stage(f"crops_{name}", unet.train(), recipe.lr, workdir, recipe.steps, recipe.warmup, settings=settings)

        def loss_at(step: int, stage=stage, micro=name == "micro") -> torch.Tensor:
            g, b = step_generator(recipe.seed, step), recipe.batch  # the same batches for both models
            idx = torch.randint(0, len(captions), (b,), generator=g)
            drop = torch.rand(b, generator=g) < recipe.caption_dropout
            eps, t = torch.randn((b, *means.shape[1:]), generator=g), torch.randint(0, len(ac), (b,), generator=g)
            noise = torch.randn(eps.shape, generator=g).to(device)
            with torch.no_grad():
                context, pooled = _text(parts, ["" if d else captions[i] for i, d in zip(idx.tolist(), drop.tolist())],
                                        device)
            idx, t = idx.to(device), t.to(device)
            z = (means[idx] + stds[idx] * eps.to(device)) * parts.vae.scaling_factor
            x_t = add_noise(z, noise, ac[t])  # (B, 4, h, w)
            extra = {"text_embeds": pooled, "time_ids": time_ids[idx]} if micro else {}
            return eps_loss(stage.model(x_t, t, context, **extra), noise, ac[t], recipe.min_snr_gamma)

        stage.run(loss_at, recipe.save_every_s)
        stage.model.eval()
        stages[name] = stage
    return stages


@torch.no_grad()
def sample(parts: Parts, unet: UNet, prompts: list[str], time_ids=None, seed: int = 0, steps: int | None = None,
           guidance_scale: float | None = None, sampler=None) -> torch.Tensor:
    """Pictures (B, 3, 32, 32) in [0, 1] of ``prompts`` from ``unet`` with the frozen text encoder and VAE of
    ``parts``; ``time_ids`` (6 numbers, or (B, 6)) for a micro-conditioned UNet, None for a plain one. Sampler,
    steps and guidance: the bundled model's defaults unless given; the noise: ``seed``'s, the same for every UNet."""
    steps, guidance_scale, sampler = with_defaults(parts, steps, guidance_scale, sampler)
    device, b = next(unet.parameters()).device, len(prompts)
    context, pooled = _text(parts, list(prompts), device)
    context_u, pooled_u = _text(parts, [""] * b, device)
    if time_ids is not None:
        time_ids = torch.as_tensor(time_ids, dtype=torch.float32, device=device).expand(b, 6)  # (B, 6)

    def model(x, t, context):  # rows [uncond, cond] under guidance, [cond] without: the micro inputs follow them
        if time_ids is None:
            return unet(x, t, context)
        text_embeds = pooled if x.shape[0] == b else torch.cat([pooled_u, pooled])  # (rows, D)
        return unet(x, t, context, text_embeds=text_embeds, time_ids=time_ids.repeat(x.shape[0] // b, 1))

    guided = classifier_free_guidance(model, guidance_scale)
    sigmas, quantize, ac, init_scale = schedule_for(sampler, parts.scheduler_config, steps)
    denoiser = denoiser_for(parts, lambda x_t, t: guided(x_t, t, context, context_u), ac, quantize)
    f = latent_factor(parts.vae)  # 4 for the bundled VAE: 32 px -> 8×8 latents
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn((b, parts.vae.config.latent_channels, SIDE // f, SIDE // f), generator=generator).to(device)
    x = get_sampler(sampler).fn(denoiser, x * init_scale, sigmas.to(device), generator=generator)
    latents = x / (sigmas[-1] ** 2 + 1) ** 0.5
    return (parts.vae.decode(latents / parts.vae.scaling_factor) / 2 + 0.5).clamp(0, 1)


def cut_off(image) -> bool | None:
    """Whether the picture's shape is cut off by the frame: its mask (``data.shape_mask``, the analytic reader's)
    reaches the outermost row or column. None when the reader sees no shape at all."""
    mask = data.shape_mask(image)
    if not mask.any():
        return None
    return bool(mask[0].any() or mask[-1].any() or mask[:, 0].any() or mask[:, -1].any())


def framing(images, specs) -> dict:
    """``data.evaluate``'s accuracies plus "cut off" (the share of pictures whose shape the frame cuts) and
    "no shape" (the share where the reader sees none)."""
    images = list(images.cpu() if torch.is_tensor(images) else images)  # the reader works on the CPU, in numpy
    cuts = [cut_off(image) for image in images]
    return {**data.evaluate(images, specs), "cut off": float(np.mean([c is True for c in cuts])),
            "no shape": float(np.mean([c is None for c in cuts]))}


def load_bundled_crops(device=None) -> UNet:
    """The micro-conditioned UNet trained by ``train_pair`` (CropRecipe's defaults) and shipped in
    course/bundled_crops/ (float16 weights, docs/sdxl_crops.md): the bundled UNet plus SDXL's size and crop
    conditioning; use it with the bundled model's other parts through ``sample(parts, unet, prompts, time_ids)``."""
    from course.io.loading import load_unet
    from course.parts import BUNDLED_CROPS_DIR

    unet = load_unet(BUNDLED_CROPS_DIR / "unet")
    return unet if device is None else unet.to(device)
