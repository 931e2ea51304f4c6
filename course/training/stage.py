"""One training stage, resumable, and data parallelism: what every training loop of the course runs on.

``Stage`` keeps a model, its AdamW optimizer, LR schedule (linear warm-up, then cosine: ``lr_factor``), an
exponential moving average of its weights and the step reached in ``<workdir>/<name>.pt``: saved every few
minutes, on Ctrl-C and at the end, so running the same command again continues where it stopped. The bundled
model (course/training/bundled.py), the LoRA (course/training/lora.py) and the ControlNet (course/training/controlnet.py) train
through it.

Under ``accelerate launch`` (or ``torchrun``) every process holds the same model, computes the gradient of its
own ``shard`` of each batch, and all of them step with the average (``average_gradients``): data parallelism, as
torch's DistributedDataParallel does it, written out.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import math
import os
import time
from pathlib import Path

import torch
import torch.distributed as dist
from tqdm.auto import tqdm

__all__ = ["start_processes", "is_main", "shard", "average_gradients", "lr_factor", "Stage", "prepare_resume",
           "recipe_settings"]


# ---- several processes: data parallelism --------------------------------------------------------------------

def start_processes(device: str | None = None) -> torch.device:
    """This process's device; under a launcher (it sets WORLD_SIZE > 1) also join the other processes.

    Data parallelism, what torch's DistributedDataParallel does: every process holds the same model (same seed, same
    checkpoint), computes the gradient of its own ``shard`` of each batch, and all of them step with the average
    of those gradients (``average_gradients``), so the weights stay identical on every process.
    """
    cpu = not torch.cuda.is_available() or os.environ.get("ACCELERATE_USE_CPU", "").lower() == "true"
    device = torch.device(device or ("cpu" if cpu else "cuda"))
    if int(os.environ.get("WORLD_SIZE", "1")) > 1 and not dist.is_initialized():
        if device.type == "cuda":  # one GPU per process
            device = torch.device("cuda", int(os.environ["LOCAL_RANK"]))
            torch.cuda.set_device(device)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return device


def is_main() -> bool:
    """Whether this process writes checkpoints, progress bars and the model folder: rank 0, or the only one."""
    return not dist.is_initialized() or dist.get_rank() == 0


def shard(n: int) -> slice:
    """This process's rows of a batch of ``n``: all of them in a plain run, its 1/N under a launcher."""
    rank, world = (dist.get_rank(), dist.get_world_size()) if dist.is_initialized() else (0, 1)
    if n % world:  # equal shares: then the mean of the N shares' mean losses is the mean loss of the batch
        raise ValueError(f"A batch of {n} does not split evenly over {world} processes: every process must get the "
                         "same share. Launch a number of processes that divides the batch (or change the batch).")
    return slice(rank * n // world, (rank + 1) * n // world)


def average_gradients(model: torch.nn.Module) -> None:
    """Replace every process's gradients by their mean over the processes: one all-reduce of them all, flattened."""
    grads = [p.grad for p in model.parameters() if p.grad is not None]
    flat = torch.cat([g.flatten() for g in grads])  # (total,): one message instead of one per tensor
    dist.all_reduce(flat)  # the sum over the processes, the same on each
    for g, mean in zip(grads, (flat / dist.get_world_size()).split([g.numel() for g in grads])):
        g.copy_(mean.view_as(g))


# ---- one training stage, resumable ------------------------------------------------------------------------

def step_generator(seed: int, step: int) -> torch.Generator:
    """The random draws of training step ``step``: a pure function of (seed, step), so a resumed run draws the
    batches the uninterrupted run would have drawn. 1_000_003 is a prime above any step count, so no two
    (seed, step) pairs of the course's runs share a stream."""
    return torch.Generator().manual_seed(seed * 1_000_003 + step)


def log_row(path: Path, row: dict) -> None:
    """Append one JSON row to a run's log (``<workdir>/<stage>_log.jsonl``): the loss of a step, or an evaluation.
    Only the main process writes; a resumed run repeats the steps after its last save, and readers keep the last."""
    if is_main():
        Path(path).parent.mkdir(parents=True, exist_ok=True)  # the first row may come before the first checkpoint
        with Path(path).open("a") as f:
            f.write(json.dumps(row) + "\n")


def log_evaluations(stage: "Stage", log: Path, follow) -> None:
    """A trainer's evaluation during its run: ``follow(model)`` -> the prompt-following scores of the last weights
    and of the EMA, each written to the run's log and printed in one line."""
    for name, model in (("weights", stage.model), ("EMA", stage.ema)):
        scores = follow(model)
        log_row(log, {"step": stage.step, "eval": name, **scores})
        tqdm.write(f"step {stage.step}, {name}, {scores.get('n', '?')} prompts: "
                   + ", ".join(f"{k} {scores[k]:.0%}" for k in ("colour", "shape", "background", "position", "all")))


def lr_factor(step: int, warmup: int, steps: int) -> float:
    """Linear warm-up over ``warmup`` steps, then a cosine from 1 down to 0 at ``steps``.

    Ending at a learning rate near 0 averages out the noise of the last updates, which matters when a run is
    as short as ours (a few thousand steps): the final weights are then about as good as an EMA of them.
    """
    if step < warmup:
        return (step + 1) / warmup
    done = min(step - warmup, steps - warmup) / max(steps - warmup, 1)
    return 0.5 * (1 + math.cos(math.pi * done))


def _plain(settings: dict) -> dict:
    """Settings as JSON has them (tuples as lists, nested dataclasses as dicts), so a saved copy compares equal."""
    return json.loads(json.dumps(settings, default=str))


def _differences(old: dict, new: dict, prefix: str = "") -> list[str]:
    """'lr 0.002 → 0.01', one per setting that differs (nested ones as 'unet.block_out_channels ...')."""
    show = lambda d, k: json.dumps(d[k]) if k in d else "(not set)"  # noqa: E731
    out = []
    for key in list(old) + [k for k in new if k not in old]:
        if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
            out += _differences(old[key], new[key], f"{prefix}{key}.")
        elif key not in old or key not in new or old[key] != new[key]:
            out.append(f"{prefix}{key} {show(old, key)} → {show(new, key)}")
    return out


def _refuse_other_settings(path: Path, old: dict | None, new: dict) -> None:
    if old is None:  # a checkpoint from before the settings were saved with it: nothing to compare
        return
    changed = _differences(old, _plain(new))
    if changed:
        raise ValueError(f"{path} holds a run made with other settings: {', '.join(changed)}. Continuing it would "
                         "silently keep the old ones (its optimizer and schedule are saved with it). To start anew, "
                         "pass --restart (restart=True), which deletes this checkpoint, or use another --workdir; to "
                         "continue the old run, run it with its old settings.")


def check_recipe(recipe) -> None:
    """Refuse a recipe with a number that cannot train: NaN or inf anywhere (an optimizer would fail deep inside
    torch, or train to NaN), or a learning rate, step count or batch size that is not > 0."""
    for name, value in dataclasses.asdict(recipe).items():
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{name}={value} must be a finite number (the recipe's default is "
                             f"{getattr(type(recipe)(), name)!r}).")
        positive = name == "lr" or name.endswith(("_lr", "steps", "batch"))
        if positive and isinstance(value, (int, float)) and not isinstance(value, bool) and not value > 0:
            raise ValueError(f"{name}={value!r} must be > 0 (the recipe's default is {getattr(type(recipe)(), name)!r}).")


def recipe_settings(recipe, leave_out: tuple[str, ...] = ("save_every_s",)) -> dict:
    """A recipe (a dataclass) as the settings its checkpoint is saved with: every field but ``leave_out``, those
    that do not change what is trained (how often it is saved). Every trainer reads its settings through here
    before its slow setup, so a recipe that cannot train is refused here first (``check_recipe``)."""
    check_recipe(recipe)
    return {k: v for k, v in dataclasses.asdict(recipe).items() if k not in leave_out}


def concept_recipe(cls, concepts: dict, concept: str, changes: dict):
    """``cls()`` with the settings of ``concepts[concept]`` and then ``changes``: the ``of`` of the personalisation
    recipes (textual inversion, DreamBooth), which learn the same concepts; refuses an unknown one by name."""
    if concept not in concepts:
        raise ValueError(f"concept={concept!r}: use one of {', '.join(concepts)}.")
    return dataclasses.replace(cls(), **{**concepts[concept], **changes})


def prepare_resume(path: str | Path, settings: dict, restart: bool = False) -> None:
    """Before a run that resumes from the checkpoint ``path``: with ``restart``, delete the checkpoint (the run
    starts from step 0); otherwise refuse, naming each setting that differs (old → new), when the checkpoint was
    made with other ``settings``. Cheap (the weights are not read), so a trainer calls it before its slow setup;
    ``Stage`` checks again when it loads."""
    path = Path(path)
    if restart:
        if is_main():
            path.unlink(missing_ok=True)
            path.with_suffix(".tmp").unlink(missing_ok=True)
        if dist.is_initialized():
            dist.barrier()  # no process may load the checkpoint before the main one deleted it
    elif path.is_file():
        state = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
        _refuse_other_settings(path, state.get("settings"), settings)


class Stage:
    """A model, its optimizer and EMA, and the step reached, kept in ``<workdir>/<name>.pt``.

    Under a launcher every process keeps all of it, EMA included: the same averaged gradients make the same
    updates everywhere, which costs no communication. Only the main process writes the file; all read it.
    ``settings`` (default: lr, steps, warmup, ema_decay) are saved with it: a checkpoint made with other settings
    is refused instead of resumed (``prepare_resume`` deletes it, for a fresh start).
    """

    def __init__(self, name: str, model: torch.nn.Module, lr: float, workdir: Path, steps: int, warmup: int = 0,
                 ema_decay: float | None = None, settings: dict | None = None):
        self.name, self.model, self.steps, self.path = name, model, steps, Path(workdir) / f"{name}.pt"
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
        self.sched = torch.optim.lr_scheduler.LambdaLR(self.opt, lambda s: lr_factor(s, warmup, steps))
        self.ema = copy.deepcopy(model).requires_grad_(False) if ema_decay else None
        self.ema_decay, self.step, self.seconds = ema_decay, 0, 0.0  # seconds: training time over all sessions
        default = {"lr": lr, "steps": steps, "warmup": warmup, "ema_decay": ema_decay}
        self.settings = _plain(default if settings is None else settings)
        if self.path.is_file():
            state = torch.load(self.path, map_location="cpu", weights_only=True)
            _refuse_other_settings(self.path, state.get("settings"), self.settings)
            for key, obj in (("model", model), ("opt", self.opt), ("sched", self.sched), ("ema", self.ema)):
                if obj is not None:
                    obj.load_state_dict(state[key])
            self.step, self.seconds = state["step"], state.get("seconds", 0.0)
            if is_main():
                print(f"{name}: resuming at step {self.step} of {steps} ({self.path})")

    def save(self) -> None:
        now = time.monotonic()
        self.seconds, self._since = self.seconds + now - self._since, now
        if not is_main():
            return
        state = {"model": self.model.state_dict(), "opt": self.opt.state_dict(), "sched": self.sched.state_dict(),
                 "step": self.step, "seconds": self.seconds, "settings": self.settings,
                 **({"ema": self.ema.state_dict()} if self.ema is not None else {})}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        torch.save(state, self.path.with_suffix(".tmp"))
        self.path.with_suffix(".tmp").replace(self.path)  # never a half-written checkpoint

    def update(self, loss: torch.Tensor) -> None:
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        if dist.is_initialized():
            average_gradients(self.model)
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        self.sched.step()
        if self.ema is not None:  # early on the average would still be mostly the random start: warm it up
            decay = min(self.ema_decay, (1 + self.step) / (10 + self.step))  # as diffusers' EMAModel
            with torch.no_grad():
                for e, p in zip(self.ema.parameters(), self.model.parameters()):
                    e.lerp_(p, 1 - decay)  # e ← d·e + (1-d)·p
        self.step += 1

    def run(self, loss_at, save_every_s: float, log=None, log_every: int = 400) -> torch.nn.Module:
        """Call ``loss_at(step)`` and update until ``steps``; Ctrl-C saves and stops. Returns the EMA (or model)."""
        last_save = time.monotonic()
        bar = tqdm(total=self.steps, initial=self.step, desc=self.name, disable=not is_main())
        self._since, initial = last_save, self.step
        try:
            while self.step < self.steps:
                loss = loss_at(self.step)
                self.update(loss)
                bar.update(1)
                bar.set_postfix(loss=f"{loss.item():.4f}")
                if log is not None and self.step % log_every == 0 and is_main():
                    log(self)
                if time.monotonic() - last_save > save_every_s:
                    self.save()
                    last_save = time.monotonic()
        except KeyboardInterrupt:
            self.save()
            bar.close()
            raise KeyboardInterrupt(f"{self.name} stopped at step {self.step}; saved to {self.path}. "
                                    "Run the same command again to continue.") from None
        if self.step > initial or not self.path.is_file():
            self.save()
        bar.close()
        return self.ema if self.ema is not None else self.model
