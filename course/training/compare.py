"""Personalisation compared: three ways to teach the bundled model one new concept, on one budget.

The same concept (pink, split "new" of ``course.training.data``: a colour and a word the model has never seen), the
same pictures, the same number of steps × batch, and the same reader (the analytic checker) for

- textual inversion, Gal et al. 2022, "An Image is Worth One Word: Personalizing Text-to-Image Generation using
  Textual Inversion" (course/training/textual_inversion.py): the vectors of one new word, nothing else;
- DreamBooth, Ruiz et al. 2022, "DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven
  Generation" (course/training/dreambooth.py): the whole UNet, with or without its prior-preservation loss;
- LoRA, Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models" (course/training/lora.py): rank-4
  updates of the UNet's attention, and of the text encoder's too.

``run_method`` trains one of ``METHODS`` on fresh parts and measures what a learner weighs: how often the new
concept is drawn (prompts with the method's word), whether the old concepts are still drawn right (held-out
prompts), how many numbers are trained, how big the file is (written, then measured), how long training took, and
the gradient norm of every step before ``Stage`` clips it to 1 (``clip=`` clips tighter). ``lr_sweep`` runs one
method over learning rates.

    rows = compare(["textual_inversion", "lora"], steps=20, batch=8, n_prompts=10)   # a notebook's short run
    print(format_table(rows))

tools/compare_personalisation.py runs the full comparison and the sweep; docs/results.md has the measurements.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from course.io.embeddings import save_textual_inversion
from course.io.loading import load_bundled, save_folder
from course.io.lora_files import save_lora
from course.nets.lora import inject_lora
from course.pipeline import text_to_image
from course.training import data
from course.training.dreambooth import DreamBoothRecipe, train_dreambooth
from course.training.lora import LoRARecipe, train_lora
from course.training.textual_inversion import TextualInversionRecipe, concept_prompts, train_textual_inversion


@dataclass(frozen=True)
class Method:
    """How one row is trained: ``kind`` (the trainer) and the changes to its recipe beyond the shared budget."""

    label: str
    kind: str                # "base", "textual_inversion", "dreambooth" or "lora"
    changes: dict = field(default_factory=dict)


# each method keeps its own recipe's learning rate and warm-up; only steps and batch are shared
METHODS = {
    "base": Method("base model (nothing trained)", "base"),
    "textual_inversion": Method("textual inversion, 1 vector", "textual_inversion"),
    "dreambooth": Method("DreamBooth, UNet, no prior", "dreambooth", dict(prior_weight=0.0)),
    "dreambooth_prior": Method("DreamBooth, UNet + prior preservation", "dreambooth", dict(prior_weight=1.0)),
    "lora": Method("LoRA rank 4, UNet attention", "lora", dict(targets=("attention",))),
    "lora_text_encoder": Method("LoRA rank 4, UNet attention + text encoder", "lora",
                                dict(targets=("attention", "text_encoder"))),
}


@dataclass
class Row:
    """What one run measured. ``concept``/``old``: ``data.evaluate`` dicts (None when the loss went non-finite);
    ``old_pink``: the share of old prompts drawn pink (the new concept leaking into the old ones);
    ``grad_norms``: each step's gradient norm before clipping (textual inversion's step 0: NaN, unseen)."""

    method: str
    label: str
    word: str
    steps: int
    batch: int
    lr: float
    trainable: int
    file_bytes: int
    files: list
    seconds: float           # wall clock of the whole training call: preparing the pictures, then the steps
    cpu_seconds: float       # this process's CPU time for the same (all threads): less moved by other jobs
    loop_seconds: float      # the steps alone, as the trainer's Stage counted them
    threads: int
    concept: dict | None
    old: dict | None
    old_pink: float | None
    losses: list
    grad_norms: list
    recipe: dict
    clip: float = 1.0        # the gradient norm clipped to (Stage's 1, or run_method's ``clip``)
    parts: object = field(default=None, repr=False, compare=False)  # the trained parts, with keep_parts=True

    @property
    def diverged(self) -> bool:
        """A non-finite loss, or a mean loss over the last tenth of the steps above three times step 0's, the loss
        of the model before any update (a batch's loss varies about twofold with its timesteps; 1 is the loss of
        predicting no noise at all)."""
        if not self.losses:
            return False
        losses = np.asarray(self.losses, dtype=float)
        return not np.isfinite(losses).all() or losses[-max(1, len(losses) // 10):].mean() > 3 * losses[0]


class GradNorms:
    """A ``log`` callback for the trainers (``log_every=1``): records each update's gradient norm as backward
    computed it, before ``Stage`` clips the norm to 1, and the number of numbers the optimizer updates.

    Hooks on the trained tensors add up the squares: put there by ``watch`` before training, or else at the first
    call (step 0 then goes unseen). With ``clip`` they also multiply every gradient by 1/clip: Stage's clip to
    norm 1 then acts as a clip to ``clip`` on the true gradient, and AdamW's update does not see the constant factor
    (m/√v cancels it; its ε, 1e-8, is far below these gradients), so the run is the one a trainer clipping at
    ``clip`` would make."""

    def __init__(self, clip: float = 1.0):
        if not (isinstance(clip, (int, float)) and np.isfinite(clip) and clip > 0):
            raise ValueError(f"clip={clip!r}: the gradient norm to clip to must be a finite number > 0 (Stage: 1).")
        self.norms, self.trainable, self._squares, self._handles, self.clip = [], 0, 0.0, [], float(clip)
        self._watched = set()

    def watch(self, params) -> None:
        """Hook ``params`` (the tensors the trainer will train) before the first step."""
        params = list(params)
        self._handles, self._watched = [p.register_hook(self._add) for p in params], {id(p) for p in params}

    def __call__(self, stage) -> None:
        if not self.trainable:  # the first call
            params = [p for group in stage.opt.param_groups for p in group["params"]]
            self.trainable = sum(p.numel() for p in params)
            if self._handles and self._watched != {id(p) for p in params}:
                raise RuntimeError("GradNorms: the watched tensors are not the ones the optimizer trains.")
        if not self._handles:
            self._handles = [p.register_hook(self._add) for group in stage.opt.param_groups for p in group["params"]]
            self.norms.append(float("nan"))
        else:
            self.norms.append(self._squares ** 0.5)
        self._squares = 0.0

    def _add(self, grad: torch.Tensor):
        self._squares += float(grad.detach().float().pow(2).sum())
        return grad / self.clip if self.clip != 1.0 else None  # None: the gradient as it is

    def remove(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles = []


def _recipe(kind: str, steps: int, batch: int, lr: float | None, seed: int, changes: dict):
    if kind == "textual_inversion":
        base = TextualInversionRecipe.of("pink")
    elif kind == "lora":
        base = LoRARecipe()
    else:
        base = DreamBoothRecipe.of("pink")
    names = {f.name for f in dataclasses.fields(base)}
    unknown = sorted(set(changes) - names)
    if unknown:
        raise ValueError(f"{unknown}: not settings of {type(base).__name__}; it has {', '.join(sorted(names))}.")
    recipe = dataclasses.replace(base, **changes)
    if kind == "dreambooth" and recipe.prior_weight > 0:
        # DreamBooth's batch counts the concept's pictures and adds as many class pictures: half of the shared
        # batch each, so every method runs ``batch`` pictures through the UNet per step (LoRA's prior_share 0.5
        # splits its batch the same way)
        if batch % 2:
            raise ValueError(f"batch={batch}: DreamBooth with prior preservation splits the batch in two halves "
                             "(concept and class pictures); give an even batch.")
        batch //= 2
    budget = dict(steps=steps, batch=batch, seed=seed, save_every_s=1e9, **({"lr": lr} if lr is not None else {}))
    return dataclasses.replace(recipe, **budget)


def _train(kind: str, parts, recipe, workdir: Path, device, trace: GradNorms):
    """Train; returns (the word of the concept prompts, losses, a function that writes the method's file(s))."""
    common = dict(device=device, log=trace, log_every=1, restart=True)
    if kind == "textual_inversion":
        _, losses = train_textual_inversion(parts, recipe, workdir, **common)
        return recipe.token, losses, lambda out: [save_textual_inversion(parts, out / "learned_embeds.safetensors",
                                                                         recipe.token)]
    if kind == "lora":
        torch.manual_seed(recipe.seed)  # as train_lora seeds A: the network it would build, hooked from step 0
        network = inject_lora(parts, recipe.rank, recipe.alpha, recipe.targets, recipe.dropout)
        trace.watch(network.parameters())
        network, losses = train_lora(parts, recipe, workdir, network=network, **common)
        return "pink", losses, lambda out: [save_lora(network, out / "pink.safetensors")]
    nets = [parts.unet] + ([parts.text_encoder] if recipe.train_text_encoder else [])
    params = [p.requires_grad_(True) for net in nets for p in net.parameters()]  # a hook needs it; kept by the hook
    trace.watch(params)
    parts, losses = train_dreambooth(parts, recipe, workdir, **common)
    trained = ["unet/diffusion_pytorch_model.safetensors"] + (
        ["text_encoder/model.safetensors"] if recipe.train_text_encoder else [])
    # the whole model folder is written, as a fine-tuned model ships; its file is the trained networks' weights
    return recipe.identifier, losses, lambda out: [save_folder(parts, out / "model") / name for name in trained]


def draw_and_read(parts, prompts, batch: int = 50) -> tuple[dict, float]:
    """The checker's accuracies on the pictures drawn for ``prompts`` (seed 0 per batch, the model's defaults), and
    the share of them read as pink."""
    images = torch.cat([text_to_image(parts, [p for p, _ in prompts[i:i + batch]], seed=0, output_type="pt",
                                      progress=False) for i in range(0, len(prompts), batch)])
    pink = float(np.mean([data.read(image).colour == "pink" for image in images]))
    return data.evaluate(images, [s for _, s in prompts]), pink


def run_method(name: str, steps: int = 300, batch: int = 32, lr: float | None = None, seed: int = 0,
               device=None, workdir: str | Path | None = None, n_prompts: int = 60, n_old: int | None = None,
               prompt_seed: int = 0, keep_parts: bool = False, clip: float = 1.0, **changes) -> Row:
    """Train METHODS[name] on fresh bundled parts for ``steps`` × ``batch`` (pictures through the UNet per step,
    the prior's included; ``lr``: the method's own if None; ``changes``: more recipe settings, e.g. warmup=100,
    prior_share=0.0; ``clip``: the gradient norm to clip to, see ``GradNorms``) and measure it: ``n_prompts``
    concept prompts with the method's word (``prompt_seed``), ``n_old`` held-out old prompts (default
    ``n_prompts``). The file is written into ``workdir`` (a temporary folder, removed, if None)."""
    if name not in METHODS:
        raise ValueError(f"method {name!r} is not one of {', '.join(METHODS)} (course.training.compare.METHODS).")
    if n_prompts < 1 or (n_old is not None and n_old < 1):
        raise ValueError(f"n_prompts={n_prompts}, n_old={n_old}: evaluate on at least one prompt of each.")
    method, device = METHODS[name], torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    recipe = None if method.kind == "base" else _recipe(method.kind, steps, batch, lr, seed,
                                                         {**method.changes, **changes})
    trace = GradNorms(clip)  # checks clip before the slow part
    if clip != 1.0 and method.kind not in ("lora", "dreambooth"):
        raise ValueError(f"clip={clip}: the clip is hooked from the first step into LoRA and DreamBooth runs only; "
                         f"{name} clips at 1 (Stage).")
    parts = load_bundled(device=device)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(workdir) if workdir is not None else Path(scratch)
        started, cpu = time.monotonic(), time.process_time()
        if recipe is None:
            word, losses, write = "pink", [], lambda folder: []
        else:
            try:
                word, losses, write = _train(method.kind, parts, recipe, out / "train", device, trace)
            finally:
                trace.remove()
        seconds, cpu = time.monotonic() - started, time.process_time() - cpu
        checkpoint = out / "train" / f"{method.kind}.pt"  # each trainer's Stage is named after its kind
        loop = torch.load(checkpoint, map_location="cpu", weights_only=True)["seconds"] if recipe else 0.0
        files = write(out)
        file_bytes = sum(os.path.getsize(f) for f in files)
    finite = bool(np.isfinite(losses).all())
    concept = old = old_pink = None
    if finite:  # a model whose weights went NaN draws nothing readable
        concept, _ = draw_and_read(parts, concept_prompts(word, n_prompts, prompt_seed, "new"))
        old, old_pink = draw_and_read(parts, data.heldout_prompts(n_old or n_prompts))
    return Row(name, method.label, word, 0 if recipe is None else steps, 0 if recipe is None else batch,
               0.0 if recipe is None else recipe.lr, trace.trainable, file_bytes, [str(f) for f in files],
               seconds, cpu, loop, torch.get_num_threads(), concept, old, old_pink, list(losses), trace.norms,
               {} if recipe is None else dataclasses.asdict(recipe), clip, parts if keep_parts else None)


def compare(methods=tuple(METHODS), steps: int = 300, batch: int = 32, n_prompts: int = 60,
            n_old: int | None = None, changes: dict | None = None, **kwargs) -> list[Row]:
    """``run_method`` for each of ``methods`` on the same budget; ``changes``: {method: its recipe changes}, e.g.
    {"dreambooth_prior": {"class_images": 8}} for a short run; ``kwargs`` go to every run."""
    bad = [m for m in [*methods, *(changes or {})] if m not in METHODS]
    if bad:  # before any training: a typo should not cost the runs before it
        raise ValueError(f"methods {bad} are not among {', '.join(METHODS)} (course.training.compare.METHODS).")
    return [run_method(m, steps, batch, n_prompts=n_prompts, n_old=n_old, **kwargs, **(changes or {}).get(m, {}))
            for m in methods]


def lr_sweep(method: str, lrs, steps: int = 150, batch: int = 32, n_prompts: int = 20, **kwargs) -> list[Row]:
    """``run_method`` at each learning rate of ``lrs`` (every run sees the same batches): loss curves, gradient
    norms and both accuracies per learning rate."""
    lrs = list(lrs)
    if not lrs or not all(isinstance(x, (int, float)) and np.isfinite(x) and x > 0 for x in lrs):
        raise ValueError(f"lrs={lrs!r}: give one or more finite learning rates > 0, e.g. (2e-4, 2e-3, 2e-2).")
    return [run_method(method, steps, batch, lr=lr, n_prompts=n_prompts, **kwargs) for lr in lrs]


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 2**10:.1f} KiB" if n >= 2**10 else f"{n} B"


def format_table(rows) -> str:
    """A markdown table, one line per row: budget, learning rate, trainable numbers, file, training time (wall clock
    and CPU time of the whole call, preparing the pictures included), the new concept read right (colour; all
    three), the old prompts' all three and how many of them came out pink."""
    pct = lambda r, k: "diverged" if r is None else f"{100 * r[k]:.1f}%"  # noqa: E731
    lines = ["| method | steps × batch | lr | trainable | file | training, wall (CPU) | new concept: colour "
             "| all three | old prompts: all three | old drawn pink |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        leak = "" if r.old_pink is None else f"{100 * r.old_pink:.1f}%"
        lines.append(f"| {r.label} (`{r.word}`) | {r.steps} × {r.batch} | {r.lr:g} | {r.trainable:,} | "
                     f"{_size(r.file_bytes)} | {r.seconds:.0f} s ({r.cpu_seconds:.0f} s) | "
                     f"{pct(r.concept, 'colour')} | {pct(r.concept, 'all')} | {pct(r.old, 'all')} | {leak} |")
    return "\n".join(lines)


__all__ = ["METHODS", "Method", "Row", "GradNorms", "run_method", "compare", "lr_sweep", "format_table",
           "draw_and_read"]
