"""Training a ControlNet for the bundled model: an edge map fixes the shape and its place, the prompt the colours.

Zhang, Rao & Agrawala 2023, "Adding Conditional Control to Text-to-Image Diffusion Models", on the course's scale.
The bundled model (tokenizer, text encoder, UNet, VAE) stays frozen; a ControlNet copied from its UNet learns
the usual diffusion loss, ε-MSE on the frozen UNet's prediction with the ControlNet's residuals added, from
(picture, caption, Canny edge map of the same picture) triples of the synthetic dataset (course/training/data.py). As in
the paper, half of the captions are replaced by "", and here the other half name only the colours ("red on a blue
background"), so that the ControlNet has to read the shape and its place from the edges, instead of leaving them to
the prompt. Timesteps are drawn biased towards high noise, where the layout is decided: that is what the
ControlNet must learn first, and a short run learns it sooner.

Resumable as the bundled model's stages (``course.training.stage.Stage``: checkpoints in ``<workdir>/controlnet.pt``,
saved every few minutes and on Ctrl-C; run the same command again to continue).

    python -m course train-controlnet      # writes course/bundled_controlnet/ (time: docs/recipes.md)
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
import torch.nn.functional as F
from tqdm.auto import tqdm

from course.io.canny import edge_hint
from course.io.loading import load_bundled, save_controlnet
from course.nets.controlnet import ControlNet
from course.parts import BUNDLED_CONTROLNET_DIR, BUNDLED_DIR, Parts
from course.pipeline import text_to_image
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.stage import Stage, prepare_resume, recipe_settings, step_generator

__all__ = ["ControlRecipe", "spec_hint", "make_pool", "train_controlnet", "control_accuracy", "base_fingerprint",
           "write_card"]


@dataclass(frozen=True)
class ControlRecipe:
    """Settings of the bundled ControlNet (``quick()``: a few steps, for tests)."""

    hint_widths: tuple[int, ...] = (16, 32, 64)  # the hint encoder: 32 px -> 8 (the latents), two halvings
    low: int = 100  # Canny thresholds of the edge maps (the ControlNet annotators' defaults)
    high: int = 200
    pool: int = 6000  # pictures rendered, encoded by the VAE and edge-mapped once
    steps: int = 1200  # with lr 1e-3: fewer steps or a lower rate leave shapes away from their edges (docs/recipes.md)
    batch: int = 64
    lr: float = 1e-3
    warmup: int = 30
    caption_dropout: float = 0.5  # the paper's: half of the prompts are ""
    # of the other captions, this share names only the colours ("red on a blue background", COLOUR_PROMPT): with
    # the shape word in a caption the prompt alone can draw the outline, and the ControlNet need not learn it
    colour_captions: float = 1.0
    # t = T (1 - u^k), u uniform: k = 1 is uniform, k > 1 favours high noise. The layout (where) is decided at
    # high t (notebook 05), the outline later, and control matters most for the layout; a strong bias loses the
    # outline (the runs that chose 1.5: docs/recipes.md)
    t_exponent: float = 1.5
    seed: int = 0
    save_every_s: float = 120.0

    @classmethod
    def quick(cls) -> "ControlRecipe":
        return dataclasses.replace(cls(), pool=8, steps=3, batch=4, warmup=1)


COLOUR_PROMPT = "{colour} on a {background} background"  # the colours and nothing else, in words the model knows


def colour_prompt(spec: data.Spec) -> str:
    """The prompt that names only the colours: the edge map must give the shape and its place."""
    return data._articles(COLOUR_PROMPT.format(colour=spec.colour, background=spec.background))


def spec_hint(spec: data.Spec, size: int = 32, recipe: ControlRecipe = ControlRecipe()) -> np.ndarray:
    """The edge map of a spec's picture, as the ControlNet sees it: (size, size, 3) uint8, white edges on black."""
    return edge_hint(data.render(spec, size), recipe.low, recipe.high)


def make_pool(recipe: ControlRecipe, parts: Parts, size: int = 32):
    """``recipe.pool`` training pictures (seed + 2: not the bundled model's pool): their latent means and stds
    (n, 4, h, w), captions, colours-only captions (``colour_prompt``), and edge maps (n, 3, size, size) in [0, 1],
    computed once."""
    ds = data.ShapesDataset(recipe.pool, seed=recipe.seed + 2, size=size)
    means, stds, captions, colours, hints = [], [], [], [], []
    with torch.no_grad():
        for start in tqdm(range(0, recipe.pool, 500), desc="pool: encode, edges"):
            items = [ds.item(i) for i in range(start, min(start + 500, recipe.pool))]
            pixels = torch.stack([torch.from_numpy(im).permute(2, 0, 1) for im, _, _ in items]).float() / 255
            posterior = parts.vae.encode(pixels.to(next(parts.vae.parameters())) * 2 - 1)
            means.append(posterior.mean)
            stds.append(posterior.std)
            captions += [text for _, text, _ in items]
            colours += [colour_prompt(spec) for _, _, spec in items]
            edges = np.stack([edge_hint(im, recipe.low, recipe.high) for im, _, _ in items])  # (n, H, W, 3)
            hints.append(torch.from_numpy(edges).permute(0, 3, 1, 2).float() / 255)
    return torch.cat(means), torch.cat(stds), captions, colours, torch.cat(hints)


def base_fingerprint(folder: Path = BUNDLED_DIR) -> str:
    """SHA-256 (first 16 hex digits) of the base model's UNet weights: a ControlNet fits the UNet it was trained on."""
    weights = folder / "unet" / "diffusion_pytorch_model.safetensors"
    return hashlib.sha256(weights.read_bytes()).hexdigest()[:16]


def train(recipe: ControlRecipe, parts: Parts, workdir: Path, device) -> Stage:
    """The loop: returns the Stage (its ``model`` is the trained ControlNet, its ``seconds`` the training time)."""
    torch.manual_seed(recipe.seed)  # the hint encoder's first convs start random
    for net in (parts.text_encoder, parts.unet, parts.vae):
        net.to(device).requires_grad_(False).eval()
    means, stds, captions, colours, hints = (t.to(device) if torch.is_tensor(t) else t
                                             for t in make_pool(recipe, parts))
    ac = training_alphas_cumprod(parts.scheduler_config).to(device)  # the schedule the base model learnt
    net = ControlNet.from_unet(parts.unet, recipe.hint_widths).to(device).train()
    stage = Stage("controlnet", net, recipe.lr, workdir, recipe.steps, recipe.warmup, settings=recipe_settings(recipe))

    def loss_at(step: int) -> torch.Tensor:
        g = step_generator(recipe.seed, step)
        idx = torch.randint(0, len(captions), (recipe.batch,), generator=g)
        pick = torch.rand(recipe.batch, generator=g).tolist()  # < dropout: "", then colours only, then the caption
        cut = recipe.caption_dropout + (1 - recipe.caption_dropout) * recipe.colour_captions
        texts = ["" if v < recipe.caption_dropout else colours[i] if v < cut else captions[i]
                 for i, v in zip(idx.tolist(), pick)]
        with torch.no_grad():
            context = parts.text_encoder(parts.tokenizer(texts, warn=False)["input_ids"].to(device))
        z = (means[idx] + stds[idx] * torch.randn(means[idx].shape, generator=g).to(device)) * parts.vae.scaling_factor
        u = torch.rand(recipe.batch, generator=g)
        t = (len(ac) * (1 - u ** recipe.t_exponent)).long().clamp(0, len(ac) - 1).to(device)  # biased to high noise
        noise = torch.randn(z.shape, generator=g).to(device)
        x_t = add_noise(z, noise, ac[t])  # (B, 4, h, w)
        down, mid = stage.model(x_t, t, context, hints[idx])
        return F.mse_loss(parts.unet(x_t, t, context, down, mid), noise)  # gradients flow through the frozen UNet

    stage.run(loss_at, recipe.save_every_s)
    stage.model.eval()
    return stage


# ---- evaluation --------------------------------------------------------------------------------------------

def _other(value: str, options, shift: int = 1) -> str:
    options = list(options)
    return options[(options.index(value) + shift) % len(options)]


PROMPTS = {  # how each evaluation case words the prompt of a spec s (the edge map always shows s itself)
    "prompt without position": lambda s: data._articles(f"a {s.colour} {s.shape} on a {s.background} background"),
    "prompt names another position": lambda s: data.prompt(dataclasses.replace(s, position=_other(
        s.position, data.POSITIONS), jitter=(0.0, 0.0))),
    "prompt names another shape": lambda s: data.prompt(dataclasses.replace(s, shape=_other(s.shape, data.SHAPES))),
    "prompt names only the colours": colour_prompt,  # the edge map alone must give the shape and its place
    "empty prompt": lambda s: "",  # the edges alone: shape and position only (colours are then anyone's guess)
}

BASELINE_CASES = ("prompt without position", "prompt names only the colours", "empty prompt")  # also uncontrolled


@torch.no_grad()
def control_accuracy(parts: Parts, controlnet: ControlNet | None, n: int = 100, case: str = "prompt without position",
                     scale: float = 1.0, seed: int = 0, batch: int = 50) -> dict:
    """Held-out cases: spec i of ``data.heldout_prompts(n)`` (held-out triples, positions balanced) gives the edge
    map; the prompt words its colours as ``PROMPTS[case]`` does. Scores (``data.evaluate``) read position and shape
    against the edge map's spec, colour and background against the prompt (the same colours). ``controlnet=None``:
    the same prompts without control, the baseline."""

    specs = [spec for _, spec in data.heldout_prompts(n, seed=seed)]
    images = []
    for start in range(0, n, batch):
        chunk = specs[start:start + batch]
        prompts = [PROMPTS[case](s) for s in chunk]
        control = None
        if controlnet is not None:
            hints = torch.stack([torch.from_numpy(spec_hint(s)).permute(2, 0, 1) for s in chunk]).float() / 255
            control = [(controlnet, hints, scale)]
        images.append(text_to_image(parts, prompts, seed=seed + start, output_type="pt", progress=False,
                                    control=control))
    return data.evaluate(torch.cat(images), specs)


# ---- the command ---------------------------------------------------------------------------------------------

def train_controlnet(out: Path = BUNDLED_CONTROLNET_DIR, workdir: Path = Path("runs/controlnet"),
                     recipe: ControlRecipe | None = None, device: str | None = None, eval_n: int = 100,
                     restart: bool = False) -> Path:
    """Train the ControlNet on the bundled model (resuming a checkpoint in ``workdir`` made with the same recipe;
    ``restart``: delete it and start anew), evaluate it on ``eval_n`` held-out cases against the uncontrolled model,
    and write it (fp16, diffusers layout) with its model card."""
    recipe = recipe or ControlRecipe()
    prepare_resume(Path(workdir) / "controlnet.pt", recipe_settings(recipe), restart)  # before the slow setup
    device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    parts = load_bundled()
    stage = train(recipe, parts, Path(workdir), device)
    parts.unet, parts.text_encoder, parts.vae = parts.unet.cpu(), parts.text_encoder.cpu(), parts.vae.cpu()
    net = stage.model.cpu()
    started = time.monotonic()
    evaluation = {"controlled": {case: control_accuracy(parts, net, eval_n, case) for case in PROMPTS},
                  "uncontrolled": {case: control_accuracy(parts, None, eval_n, case)
                                   for case in BASELINE_CASES}}
    info = {"recipe": dataclasses.asdict(recipe), "base_unet_sha256": base_fingerprint(),
            "training_seconds": round(stage.seconds, 1), "evaluation_seconds": round(time.monotonic() - started, 1),
            "device": str(device), "torch_threads": torch.get_num_threads(),
            "parameters": sum(p.numel() for p in net.parameters()), "eval_n": eval_n, "sampling": dict(parts.defaults),
            "evaluation": evaluation}
    save_controlnet(net, out, dtype=torch.float16, extra={"controlnet.json": info})  # written whole, or not at all
    write_card(Path(out))
    print(f"wrote {out}: trained in {stage.seconds / 60:.1f} min")
    print((Path(out) / "README.md").read_text())
    return Path(out)


def write_card(folder: Path) -> None:
    """README.md of the shipped ControlNet, from controlnet.json."""
    info = json.loads((folder / "controlnet.json").read_text())
    r, ev, d = info["recipe"], info["evaluation"], info.get("sampling", {})
    size = (folder / "diffusion_pytorch_model.safetensors").stat().st_size
    rows = {f"uncontrolled, {case}": v for case, v in ev["uncontrolled"].items()}
    rows.update({f"edge map, {case}": v for case, v in ev["controlled"].items()})
    lines = [
        "# The bundled ControlNet (Canny edges)", "",
        "A ControlNet (Zhang et al. 2023) for the course's bundled model (course/bundled/), trained by "
        "`python -m course train-controlnet`: the Canny edge map of a picture (white outline on black, 32×32, "
        f"`cv2.Canny(picture, {r['low']}, {r['high']})`) fixes where the shape is and what its outline is; the "
        "prompt still sets its colour and the background's.", "",
        f"Architecture: a trainable copy of the bundled UNet's encoder and mid block, a hint encoder of widths "
        f"{tuple(r['hint_widths'])} (32 px to the 8×8 latents), zero-initialised 1×1 convolutions on every output: "
        f"{info['parameters']:,} parameters, {size / 1e6:.1f} MB of fp16 safetensors in the diffusers "
        "`ControlNetModel` folder layout (loads with `course.io.loading.load_bundled_controlnet()` and with diffusers' "
        "`ControlNetModel.from_pretrained`).", "",
        f"Training: {r['steps']} steps of {r['batch']} (AdamW, lr {r['lr']}, cosine), ε-MSE through the frozen UNet, "
        f"timesteps t = 1000·(1 − u^{r.get('t_exponent', 1):g}) (u uniform: biased to the noisy steps), "
        f"{r['caption_dropout']:.0%} of the captions dropped to \"\" and "
        f"{(1 - r['caption_dropout']) * r.get('colour_captions', 0):.0%} cut to the colours (\"red on a blue "
        f"background\"), {r['pool']:,} pictures of the training triples; "
        f"{info['training_seconds'] / 60:.1f} minutes on {info['device']} with {info['torch_threads']} threads "
        "(a shared machine: an upper bound). Base UNet: sha256 "
        f"{info['base_unet_sha256']}... (after retraining the bundled model, retrain this one).", "",
        "## Evaluation", "",
        f"{info['eval_n']} held-out cases (held-out colour/shape/background triples, positions balanced; the bundled "
        f"model's defaults: {d.get('sampler')}, {d.get('steps')} steps, CFG {d.get('guidance_scale')}). The edge map "
        "comes from the case's picture; position and shape are scored against it, colour and background against the "
        "prompt, all read back by the analytic checker "
        "(course.training.data.read). The prompt leaves the position out, or names another position or another shape than "
        "the edge map shows, or names only the colours (\"red on a blue background\": the shape and its place must "
        "come from the edges), or is empty (the edges alone: then only shape and position can be right, colours "
        "are the model's guess).", "",
        data.format_table(rows), ""]
    (folder / "README.md").write_text("\n".join(lines))
