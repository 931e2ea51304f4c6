"""The training commands of ``python -m course``: train-bundled, train-lora, train-textual-inversion,
train-controlnet, train-dreambooth and train-ip-adapter, each turning its parsed options into a recipe and calling
the trainer.

``course/__main__.py`` declares their options (argparse, with the checked types of course/cli.py) and hands the
parsed namespace here. Every path is checked for writing before the trainer starts (``check_writable``), so a bad
--out is refused in a second instead of after the training; Ctrl-C saves (the trainer's Stage does that) and exits
with 130. Like the command line itself, this module imports torch only inside the commands, so ``--help`` is quick.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path


def check_writable(path: Path, option: str, kind: str) -> None:
    """A training output (``kind`` "file" or "folder") that the command creates, its folders too: refused now if
    it cannot be, rather than when the training ends or first saves."""
    if kind == "file" and path.is_dir():
        raise ValueError(f"{option} {path} is a folder: give a file name in it.")
    if kind == "folder" and path.exists() and not path.is_dir():
        raise ValueError(f"{option} {path} is a file: give a folder (it is created if missing).")
    existing = path
    while not existing.exists() and existing != existing.parent:  # the nearest folder that exists
        existing = existing.parent
    if existing != path and not existing.is_dir():
        raise ValueError(f"{option} {path}: {existing} is a file, so no folder can be made there: choose another path.")
    folder = existing if existing.is_dir() else existing.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"{option} {path}: the folder {folder} is not writable (its permissions, or a read-only "
                         "disk): choose a folder you can write to.")


def _stopped(stop: KeyboardInterrupt) -> None:
    """Ctrl-C: the trainer saved its checkpoint; say where, and exit with 130."""
    print(f"\n{stop}", file=sys.stderr)
    raise SystemExit(130) from None


def _changes(args: argparse.Namespace, *names: str) -> dict:
    """The recipe fields given on the command line (an option left out is None: the recipe's default stays)."""
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def train_bundled(args: argparse.Namespace) -> None:
    """Train the course's small model from scratch (resuming a stopped run) and write it as a model folder."""
    from course.parts import BUNDLED_DIR
    from course.training.bundled import Recipe
    from course.training.bundled import train_bundled as train
    from course.training.stage import is_main

    # --quick keeps its useless model and its checkpoints apart: a real run must neither ship nor resume them
    workdir = Path(args.workdir or ("runs/bundled-quick" if args.quick else "runs/bundled"))
    out = Path(args.out) if args.out else workdir / "model" if args.quick else BUNDLED_DIR
    check_writable(out, "--out", "folder")
    check_writable(workdir, "--workdir", "folder")
    try:
        train(out, workdir, Recipe.quick() if args.quick else None, device=args.device, restart=args.restart)
    except KeyboardInterrupt as stop:
        if is_main():  # under a launcher every process stops; the main one saved
            print(f"\n{stop}", file=sys.stderr)
        raise SystemExit(130) from None


def train_lora(args: argparse.Namespace) -> None:
    """Teach the bundled model a new colour ("pink") with a LoRA (resuming a stopped run); write the LoRA file."""
    if Path(args.out).suffix != ".safetensors":
        raise ValueError(f"--out {args.out}: a LoRA file is written as .safetensors; give a path ending in "
                         ".safetensors.")
    check_writable(Path(args.out), "--out", "file")
    check_writable(Path(args.workdir), "--workdir", "folder")
    from course.training.lora import LoRARecipe, train_lora_command

    changes = _changes(args, "steps", "rank", "alpha", "lr", "images")
    if args.targets:
        changes["targets"] = tuple(args.targets)
    try:
        train_lora_command(Path(args.out), Path(args.workdir), dataclasses.replace(LoRARecipe(), **changes),
                           layout=args.layout, device=args.device, restart=args.restart)
    except KeyboardInterrupt as stop:
        _stopped(stop)


def train_textual_inversion(args: argparse.Namespace) -> None:
    """Teach the bundled model a word for a new shape ("<ring>") by textual inversion; write the embedding file."""
    if Path(args.out).suffix != ".safetensors":
        raise ValueError(f"--out {args.out}: an embedding is written as .safetensors; give a path ending in "
                         ".safetensors (diffusers reads learned_embeds.safetensors; A1111 names it after the file).")
    check_writable(Path(args.out), "--out", "file")
    check_writable(Path(args.workdir), "--workdir", "folder")
    from course.training.textual_inversion import TextualInversionRecipe, train_textual_inversion_command

    changes = _changes(args, "steps", "lr", "vectors", "images", "token", "init_word")
    try:
        train_textual_inversion_command(Path(args.out), Path(args.workdir),
                                        TextualInversionRecipe.of(args.concept, **changes), layout=args.layout,
                                        device=args.device, restart=args.restart)
    except KeyboardInterrupt as stop:
        _stopped(stop)


def train_controlnet(args: argparse.Namespace) -> None:
    """Train the bundled model's Canny ControlNet (resuming a stopped run), evaluate it, write it with its card."""
    from course.parts import BUNDLED_CONTROLNET_DIR
    from course.training.controlnet import ControlRecipe
    from course.training.controlnet import train_controlnet as train

    out = Path(args.out) if args.out else BUNDLED_CONTROLNET_DIR
    check_writable(out, "--out", "folder")
    check_writable(Path(args.workdir), "--workdir", "folder")
    try:
        train(out, Path(args.workdir), dataclasses.replace(ControlRecipe(), **_changes(args, "steps", "batch", "lr")),
              device=args.device, eval_n=args.eval_n, restart=args.restart)
    except KeyboardInterrupt as stop:
        _stopped(stop)


def train_dreambooth(args: argparse.Namespace) -> None:
    """Teach the bundled model a new concept with DreamBooth (the UNet fine-tuned, prior preservation); write the
    fine-tuned model as a model folder."""
    check_writable(Path(args.out), "--out", "folder")
    check_writable(Path(args.workdir), "--workdir", "folder")
    from course.training.dreambooth import DreamBoothRecipe, train_dreambooth_command

    changes = _changes(args, "steps", "lr", "images", "prior_weight")
    if args.train_text_encoder:
        changes["train_text_encoder"] = True
    try:
        train_dreambooth_command(Path(args.out), Path(args.workdir), DreamBoothRecipe.of(args.concept, **changes),
                                 device=args.device, restart=args.restart)
    except KeyboardInterrupt as stop:
        _stopped(stop)


def train_ip_adapter(args: argparse.Namespace) -> None:
    """Train the bundled model's IP-Adapter (first its image encoder, unless --image-encoder names one); write the
    folder: image_encoder/, ip_adapter.safetensors, ip_adapter.json."""
    check_writable(Path(args.out), "--out", "folder")
    check_writable(Path(args.workdir), "--workdir", "folder")
    if args.image_encoder is not None and not (Path(args.image_encoder) / "config.json").is_file():
        raise ValueError(f"--image-encoder {args.image_encoder} holds no config.json: give an image encoder folder "
                         "(config.json + model.safetensors, e.g. course/bundled_ip_adapter/image_encoder), or leave "
                         "it out to train one first.")
    from course.training.image_encoder import ImageEncoderRecipe
    from course.training.ip_adapter import IPAdapterRecipe, train_ip_adapter_command

    recipe = dataclasses.replace(IPAdapterRecipe(), **_changes(args, "steps", "lr", "batch", "reference", "captions"))
    encoder = ImageEncoderRecipe()
    if args.encoder_steps is not None:
        encoder = dataclasses.replace(encoder, steps=args.encoder_steps)
    try:
        train_ip_adapter_command(Path(args.out), Path(args.workdir), recipe, encoder, image_encoder=args.image_encoder,
                                 device=args.device, restart=args.restart)
    except KeyboardInterrupt as stop:
        _stopped(stop)


__all__ = ["check_writable", "train_bundled", "train_lora", "train_textual_inversion", "train_controlnet",
           "train_dreambooth", "train_ip_adapter"]
