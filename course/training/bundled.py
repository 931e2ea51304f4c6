"""Training the bundled model from scratch: tokenizer, VAE, then text encoder and UNet together.

Rombach et al. 2022, "High-Resolution Image Synthesis with Latent Diffusion Models": first an autoencoder
(reconstruction loss plus a small KL term that keeps the latent space smooth), then a diffusion model in its
latent space. The diffusion model is trained as in Ho et al. 2020 (DDPM): pick a timestep t, noise the latent
to x_t = √ᾱ_t z + √(1-ᾱ_t) ε, and regress ε with a mean squared error. SD's own recipe on a small scale: the
scaled-linear schedule (0.00085 -> 0.012, 1000 steps), captions dropped to "" 10% of the time so the model also
learns the unconditional prediction classifier-free guidance needs (Ho & Salimans 2022), and an exponential
moving average (EMA) of the weights for sampling. The text encoder is trained jointly with the UNet.

Every stage keeps its state in ``<workdir>/<stage>.pt`` (weights, EMA, optimizer, step: ``course.training.stage.Stage``):
saved every few minutes, on Ctrl-C and at the end, so running the same command again continues where it stopped.
The data is a pure function of (seed, step), so a resumed run sees the batches it would have seen.

Under ``accelerate launch`` (or ``torchrun``) the stages train data-parallel: each of N processes takes 1/N of
every step's batch and the processes average their gradients, so the run sees the same data as a plain one.

    python -m course train-bundled              # writes course/bundled/ (time: docs/recipes.md)
    accelerate launch --num_processes 4 -m course train-bundled      # four GPUs, same batches
"""
from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from tqdm.auto import tqdm

from course.config import TextEncoderConfig, UNetConfig, VAEConfig
from course.io.loading import save_folder
from course.nets.text_encoder import TextEncoder
from course.nets.unet import UNet
from course.nets.vae import VAE
from course.parts import BUNDLED_DIR, Parts
from course.pipeline import text_to_image
from course.sampling.schedules import SD15_SCHEDULER_CONFIG, add_noise, training_alphas_cumprod
from course.text.tokenizer import CLIPTokenizer, train_bpe
from course.training import data
from course.training.stage import (
    Stage,
    check_recipe,
    is_main,
    log_evaluations,
    log_row,
    prepare_resume,
    shard,
    start_processes,
    step_generator,
)

# the model is trained on SD 1.x's schedule and its folder names SD 1.5's scheduler class, so diffusers reads it as SD
SCHEDULER_CONFIG = {"_class_name": "PNDMScheduler", **SD15_SCHEDULER_CONFIG, "prediction_type": "epsilon"}


@dataclass(frozen=True)
class Recipe:
    """Sizes and training settings of the bundled model (``quick()``: a few steps, for tests)."""

    image_size: int = 32
    max_length: int = 24  # tokens per prompt, BOS and EOS included: the captions are short
    vocab_size: int = 640
    text: TextEncoderConfig = TextEncoderConfig(vocab_size=640, hidden_size=128, intermediate_size=512,
                                                num_hidden_layers=2, num_attention_heads=4, max_position_embeddings=24)
    vae: VAEConfig = VAEConfig(block_out_channels=(32, 64, 64), layers_per_block=1, sample_size=32)
    # no attention at 8×8, as SDXL at its highest resolution: attention there costs the most time and the 32 px
    # pictures' layout is read well enough at 4×4 (docs/recipes.md has the runs)
    unet: UNetConfig = UNetConfig(sample_size=8, block_out_channels=(64, 128), layers_per_block=1,
                                  down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                  up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
                                  cross_attention_dim=128, attention_head_dim=4)
    seed: int = 0
    vae_steps: int = 800
    vae_batch: int = 32
    vae_lr: float = 2e-3
    vae_warmup: int = 50
    kl_weight: float = 1e-6
    edge_weight: float = 1.0  # weight of the image-gradient term of the VAE's loss (see edge_loss)
    pool: int = 20_000  # images encoded once; the UNet samples their latents from the VAE's posterior each step
    unet_steps: int = 1250  # fewer steps or smaller batches lose held-out accuracy (docs/recipes.md)
    batch: int = 128
    lr: float = 8e-4
    warmup: int = 100
    ema_decay: float = 0.999
    min_snr_gamma: float | None = 5.0  # loss weighting of the UNet's timesteps (None: plain MSE, as SD)
    caption_dropout: float = 0.1
    save_every_s: float = 120.0
    eval_every: int = 400  # steps between quick evaluations during UNet training
    eval_prompts: int = 20  # prompts of training triples in each of them
    choice_prompts: int = 100  # prompts that choose between the EMA and the last weights at the end
    defaults: dict = field(default_factory=lambda: {"sampler": "dpmpp_2m", "steps": 20, "guidance_scale": 3.0,
                                                    "height": 32, "width": 32})

    @classmethod
    def quick(cls) -> "Recipe":
        return dataclasses.replace(cls(), vae_steps=3, vae_batch=4, vae_warmup=1, pool=16, unet_steps=3, batch=4, warmup=1,
                                   eval_every=2, eval_prompts=2, choice_prompts=4)


# ---- the stages --------------------------------------------------------------------------------------------

def train_tokenizer(recipe: Recipe) -> CLIPTokenizer:
    """Byte-level BPE on 5,000 captions (and the evaluation phrasing), with the course's own trainer."""
    rng = np.random.default_rng(recipe.seed)
    texts = [data.caption(data.sample_spec(rng), rng) for _ in range(5000)]
    texts += [p for p, _ in data.heldout_prompts(200, seed=recipe.seed)]
    tok = train_bpe(texts, vocab_size=recipe.vocab_size)
    tok.model_max_length = recipe.max_length
    return tok


def _images(recipe: Recipe, start: int, n: int, device) -> torch.Tensor:
    """Images start .. start+n-1 of the training stream: (n, 3, H, W) in [-1, 1]."""
    ds = data.ShapesDataset(start + n, seed=recipe.seed, size=recipe.image_size)
    return torch.stack([ds[i][0] for i in range(start, start + n)]).to(device) * 2 - 1


def edge_loss(recon: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Squared error of the horizontal and vertical pixel differences (Mathieu et al. 2016's gradient loss).

    A plain MSE is dominated by the flat background and is content with rounded, blurry shapes; matching the
    image's gradients too rewards sharp edges and corners, which is what tells a square from a circle.
    """
    dx = lambda im: im[..., :, 1:] - im[..., :, :-1]  # noqa: E731
    dy = lambda im: im[..., 1:, :] - im[..., :-1, :]  # noqa: E731
    return F.mse_loss(dx(recon), dx(x)) + F.mse_loss(dy(recon), dy(x))


# what each stage's checkpoint depends on: a checkpoint is continued only with the same values (Stage refuses it
# otherwise). The VAE stage reads only its own fields; the UNet stage everything that decides its batches and
# weights (its pool comes from the VAE, its tokenizer from the recipe), not the evaluation or saving intervals.
VAE_SETTINGS = ("image_size", "vae", "seed", "vae_steps", "vae_batch", "vae_lr", "vae_warmup", "kl_weight",
                "edge_weight")
NOT_UNET_SETTINGS = ("save_every_s", "eval_every", "eval_prompts", "choice_prompts", "defaults")


def stage_settings(recipe: Recipe, stage: str, frozen_text_encoder: bool = False) -> dict:
    """The settings saved with (and compared against) the checkpoint of ``stage`` ("vae" or "unet"); a recipe that
    cannot train is refused first (``check_recipe``)."""
    check_recipe(recipe)
    every = dataclasses.asdict(recipe)
    if stage == "vae":
        return {k: every[k] for k in VAE_SETTINGS}
    unet = {k: v for k, v in every.items() if k not in NOT_UNET_SETTINGS}
    return {**unet, "frozen_text_encoder": frozen_text_encoder}


def train_vae(recipe: Recipe, workdir: Path, device) -> VAE:
    torch.manual_seed(recipe.seed)
    stage = Stage("vae", VAE(recipe.vae).to(device), recipe.vae_lr, workdir, recipe.vae_steps, recipe.vae_warmup,
                  settings=stage_settings(recipe, "vae"))

    def loss_at(step: int) -> torch.Tensor:
        rows = shard(recipe.vae_batch)  # this process's images of the step's batch
        x = _images(recipe, 1_000_000 + step * recipe.vae_batch + rows.start, rows.stop - rows.start, device)
        posterior = stage.model.encode(x)
        # posterior.sample(), with ε drawn for the whole batch so that each process takes its rows of the same draw
        eps = torch.randn((recipe.vae_batch, *posterior.mean.shape[1:]), device=device,
                          generator=torch.Generator(device).manual_seed(step))[rows]
        recon = stage.model.decode(posterior.mean + posterior.std * eps)
        kl = 0.5 * (posterior.mean ** 2 + posterior.var - 1 - posterior.logvar).sum(dim=(1, 2, 3)).mean()
        return F.mse_loss(recon, x) + recipe.edge_weight * edge_loss(recon, x) + recipe.kl_weight * kl

    trained = stage.run(loss_at, recipe.save_every_s).eval()
    with torch.no_grad():  # SD's scaling factor: 1 / std of the latents, so the UNet sees unit variance
        z = trained.encode(_images(recipe, 2_000_000, 256, device)).sample(torch.Generator(device).manual_seed(0))
    vae = VAE(dataclasses.replace(recipe.vae, scaling_factor=round(1 / float(z.std()), 5))).to(device)
    vae.load_state_dict(trained.state_dict())
    return vae.eval()


def encode_pool(recipe: Recipe, vae: VAE, device) -> tuple[torch.Tensor, torch.Tensor, list[str]]:
    """The pool's latent means and stds (n, 4, h, w) and its captions, once."""
    ds = data.ShapesDataset(recipe.pool, seed=recipe.seed + 1, size=recipe.image_size)
    means, stds, captions = [], [], []
    with torch.no_grad():
        for start in tqdm(range(0, recipe.pool, 500), desc="encode pool", disable=not is_main()):
            items = [ds[i] for i in range(start, min(start + 500, recipe.pool))]
            posterior = vae.encode(torch.stack([im for im, _ in items]).to(device) * 2 - 1)
            means.append(posterior.mean)
            stds.append(posterior.std)
            captions += [c for _, c in items]
    return torch.cat(means), torch.cat(stds), captions


def pool_batch(pool, b: int, caption_dropout: float, scaling_factor: float, g: torch.Generator, device):
    """One step's training pairs from the pool: b latents z (sampled from each image's posterior, times the VAE's
    scaling factor) and their captions, "" for a ``caption_dropout`` share of them (the unconditional prediction
    classifier-free guidance needs). Draws the whole batch from ``g`` (rows, drops, then the posterior's noise),
    then keeps this process's ``shard`` of it: the same draws in a plain run and under a launcher."""
    means, stds, captions = pool
    idx = torch.randint(0, len(captions), (b,), generator=g)
    drop = torch.rand(b, generator=g) < caption_dropout
    eps = torch.randn((b, *means.shape[1:]), generator=g)  # (b, 4, h, w)
    rows = shard(b)
    idx, drop, eps = idx[rows], drop[rows], eps[rows].to(means.device)
    texts = ["" if d else captions[i] for i, d in zip(idx.tolist(), drop.tolist())]
    return ((means[idx] + stds[idx] * eps) * scaling_factor).to(device), texts


def eps_loss(pred: torch.Tensor, noise: torch.Tensor, alpha_bar: torch.Tensor, gamma: float | None) -> torch.Tensor:
    """The mean squared error of the predicted noise, each sample weighted by min(SNR, γ)/SNR (γ None: plain MSE).

    Min-SNR-γ (Hang et al. 2023): the nearly clean steps (high SNR = ᾱ/(1-ᾱ)) are easy, and their gradients pull
    against those of the noisy steps, where the layout (which shape, where) is decided; for ε-prediction the
    weight min(SNR, γ)/SNR caps their share.
    """
    per_sample = (pred - noise).pow(2).mean(dim=tuple(range(1, pred.ndim)))  # (B,)
    if gamma is None:
        return per_sample.mean()
    snr = alpha_bar / (1 - alpha_bar)
    return (per_sample * snr.clamp(max=gamma) / snr).mean()


class TextAndUNet(torch.nn.Module):
    """The two networks trained together, so one optimizer and one EMA cover both."""

    def __init__(self, recipe: Recipe):
        super().__init__()
        self.text_encoder, self.unet = TextEncoder(recipe.text), UNet(recipe.unet)


def train_unet(recipe: Recipe, tok: CLIPTokenizer, vae: VAE, pool, workdir: Path, device,
               frozen_text_encoder: TextEncoder | None = None):
    """The UNet and, unless ``frozen_text_encoder`` is given (SD's way: a pre-trained CLIP), the text encoder."""
    torch.manual_seed(recipe.seed)
    means = pool[0]
    ac = training_alphas_cumprod(SCHEDULER_CONFIG).to(device)
    both = TextAndUNet(recipe).to(device)
    if frozen_text_encoder is not None:
        both.text_encoder.load_state_dict(frozen_text_encoder.state_dict())
        both.text_encoder.requires_grad_(False)  # AdamW skips parameters that get no gradient
    stage = Stage("unet", both, recipe.lr, workdir, recipe.unet_steps, recipe.warmup, recipe.ema_decay,
                  settings=stage_settings(recipe, "unet", frozen_text_encoder is not None))
    log = Path(workdir) / "unet_log.jsonl"  # each step's loss and each evaluation, for the training curves

    def loss_at(step: int) -> torch.Tensor:
        g, b = step_generator(recipe.seed, step), recipe.batch
        z, texts = pool_batch(pool, b, recipe.caption_dropout, vae.scaling_factor, g, device)
        t = torch.randint(0, len(ac), (b,), generator=g)
        noise = torch.randn((b, *means.shape[1:]), generator=g)  # (b, 4, h, w)
        rows = shard(b)  # every process draws the whole batch, then keeps its own rows of it
        t, noise = t[rows].to(device), noise[rows].to(device)
        ids = tok(texts, warn=False)["input_ids"].to(device)
        x_t = add_noise(z, noise, ac[t])  # (B, 4, h, w)
        context = stage.model.text_encoder(ids)
        loss = eps_loss(stage.model.unet(x_t, t, context), noise, ac[t], recipe.min_snr_gamma)
        log_row(log, {"step": step, "loss": round(loss.item(), 5)})
        return loss

    def evaluate(stage: Stage) -> None:
        log_evaluations(stage, log, lambda model: prompt_following(recipe, tok, vae, model, recipe.eval_prompts))

    stage.run(loss_at, recipe.save_every_s, log=evaluate, log_every=recipe.eval_every)
    return stage


def prompt_following(recipe: Recipe, tok, vae, both: TextAndUNet, n: int) -> dict:
    """Accuracies on ``n`` prompts of training triples (the held-out ones are kept for the final evaluation)."""

    rng = np.random.default_rng(recipe.seed + 7)
    specs = [data.sample_spec(rng) for _ in range(n)]
    parts = Parts(tok, both.text_encoder.eval(), both.unet.eval(), vae, dict(SCHEDULER_CONFIG), dict(recipe.defaults))
    images = text_to_image(parts, [data.prompt(s) for s in specs], seed=0, output_type="pt", progress=False)
    both.train()
    return data.evaluate(images, specs)


# ---- the command ---------------------------------------------------------------------------------------------

def train_bundled(out: Path = BUNDLED_DIR, workdir: Path = Path("runs/bundled"), recipe: Recipe | None = None,
                  device: str | None = None, restart: bool = False) -> Path:
    """Train every stage (resuming any that a checkpoint in ``workdir`` has started with the same recipe) and write
    the model folder. ``restart``: delete the checkpoints in ``workdir`` first and train every stage anew."""

    recipe = recipe or Recipe()
    device = start_processes(device)  # under a launcher: this process's GPU (or the CPU), in the group of all
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    for stage_name in ("vae", "unet"):  # a changed recipe is refused now, not after the first stages ran
        prepare_resume(workdir / f"{stage_name}.pt", stage_settings(recipe, stage_name), restart)
    started = time.monotonic()
    timings = {}
    tok = train_tokenizer(recipe)
    timings["tokenizer"] = time.monotonic() - started
    vae = train_vae(recipe, workdir, device)
    timings["vae"] = time.monotonic() - started - sum(timings.values())
    pool = encode_pool(recipe, vae, device)
    timings["encode pool"] = time.monotonic() - started - sum(timings.values())
    stage = train_unet(recipe, tok, vae, pool, workdir, device)
    processes = dist.get_world_size() if dist.is_initialized() else 1
    if processes > 1:  # training is over: the main process alone chooses the weights and writes the folder
        main = is_main()
        dist.destroy_process_group()
        if not main:
            return Path(out)
    # ship the EMA or the last weights, whichever follows the prompts of training triples better
    scores = {name: prompt_following(recipe, tok, vae, m, recipe.choice_prompts)
              for name, m in (("ema", stage.ema), ("last", stage.model))}
    chosen = "ema" if scores["ema"]["all"] >= scores["last"]["all"] else "last"
    both = stage.ema if chosen == "ema" else stage.model
    # training time over every session (the checkpoints keep it), not just this one's
    timings["vae"] = torch.load(workdir / "vae.pt", map_location="cpu", weights_only=True).get("seconds", timings["vae"])
    timings["text encoder + unet"] = stage.seconds
    parts = Parts(tok, both.text_encoder.eval(), both.unet.eval(), vae.eval(), dict(SCHEDULER_CONFIG),
                  defaults=dict(recipe.defaults))
    info = {"recipe": dataclasses.asdict(recipe),
            "seconds": {k: round(v, 1) for k, v in timings.items()},
            "device": str(device) if processes == 1 else f"{device.type} ×{processes}",
            "torch_threads": torch.get_num_threads(), "defaults": recipe.defaults,
            "weights": {"chosen": chosen, **{k: {m: round(v, 3) for m, v in r.items()} for k, r in scores.items()}}}
    info["parameters"] = {name: sum(p.numel() for p in m.parameters())
                          for name, m in (("text_encoder", parts.text_encoder), ("unet", parts.unet), ("vae", vae))}
    save_folder(parts, out, dtype=torch.float16, extra={"bundled.json": info})
    write_card(Path(out))
    print(f"wrote {out} in {sum(timings.values()) / 60:.1f} min ({json.dumps(info['seconds'])})")
    return Path(out)


def _attention(unet: dict) -> str:
    """Where the UNet's cross-attention is, for the card: "in every block", or at which latent sizes."""
    sizes = [unet["sample_size"] >> i for i in range(len(unet["down_block_types"]))]
    kinds = {f"{n}×{n}": kind.startswith("CrossAttn") for n, kind in zip(sizes, unet["down_block_types"])}
    if all(kinds.values()):
        return "cross-attention in every block"
    return (f"cross-attention at {', '.join(k for k, a in kinds.items() if a) or 'no level'} and in the mid block, "
            f"none at {', '.join(k for k, a in kinds.items() if not a)}")


def write_card(folder: Path) -> None:
    """The model card, README.md in the folder, from bundled.json (which tools/eval_bundled.py --write completes)."""
    info = json.loads((folder / "bundled.json").read_text())
    r, params, secs = info["recipe"], info["parameters"], info["seconds"]
    size = sum(p.stat().st_size for p in folder.rglob("*.safetensors"))
    lines = [
        "# The course's bundled model", "",
        "A small Stable Diffusion (the SD 1.x architecture at toy size) trained from scratch by "
        "`python -m course train-bundled` on synthetic pictures: one shape (circle, square, triangle) in one of nine "
        "colours at one of five positions (the four corners, the center) on a background of another of the colours, "
        f"{r['image_size']}×{r['image_size']} pixels, with captions in 15 phrasings (course/training/data.py). 26 of the 216 "
        "(colour, shape, background) triples never appear in training; the evaluation uses only those.", "",
        "| part | architecture | parameters |", "| --- | --- | ---: |",
        f"| tokenizer | byte-level BPE trained on the captions, {r['max_length']} tokens per prompt | – |",
        f"| text encoder | CLIP text transformer, {r['text']['num_hidden_layers']} layers, width "
        f"{r['text']['hidden_size']}, trained jointly with the UNet | {params['text_encoder']:,} |",
        f"| UNet | UNet2DConditionModel, channels {tuple(r['unet']['block_out_channels'])}, {_attention(r['unet'])}, "
        f"latents {r['unet']['sample_size']}×{r['unet']['sample_size']}×4 | {params['unet']:,} |",
        f"| VAE | AutoencoderKL, channels {tuple(r['vae']['block_out_channels'])}, KL weight {r['kl_weight']} "
        f"| {params['vae']:,} |", "",
        f"Weights: {size / 1e6:.1f} MB of fp16 safetensors in the diffusers folder layout (loads in `course` and in "
        "diffusers' `StableDiffusionPipeline.from_pretrained`). Training: VAE {vae} steps of {vb}, then text encoder "
        "and UNet {u} steps of {b} (ε-prediction, scaled-linear schedule, {d:.0%} captions dropped, EMA {e}), "
        "on {dev} with {th} threads: {total:.1f} minutes ({parts}).".format(
            vae=r["vae_steps"], vb=r["vae_batch"], u=r["unet_steps"], b=r["batch"], d=r["caption_dropout"],
            e=r["ema_decay"], dev=info["device"], th=info["torch_threads"], total=sum(secs.values()) / 60,
            parts=", ".join(f"{k} {v / 60:.1f}" for k, v in secs.items())), "",
        "Shipped weights: the {w} (the EMA and the last weights were compared on {n} prompts of training triples: "
        "all-correct {ema:.0%} and {last:.0%}).".format(w="EMA" if info["weights"]["chosen"] == "ema" else
                                                       "last weights", n=r.get("choice_prompts", 100),
                                                       ema=info["weights"]["ema"]["all"],
                                                       last=info["weights"]["last"]["all"]), "",
        "Recommended settings (what `text_to_image` uses when a call leaves them out): "
        + ", ".join(f"{k} {v}" for k, v in info["defaults"].items()) + ".", ""]
    if "evaluation" in info:
        lines += ["## Evaluation", "", info["evaluation"], ""]
    (folder / "README.md").write_text("\n".join(lines))


if __name__ == "__main__":  # pragma: no cover
    train_bundled()
