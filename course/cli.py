"""The command line's machinery: one-line refusals, checked option types, help filled from the recipes.

``course/__main__.py`` holds the commands; this module holds what makes their arguments safe: argparse that
raises instead of printing usage, option types that refuse NaN, out-of-range and missing devices at once, a
check that an output path can be written before the work, and one-line messages for any error.
"""
from __future__ import annotations

import argparse
import errno
import math
import os
import sys
from pathlib import Path


class UsageError(Exception):
    """A command line argparse could not read: ``main`` prints it as one ``error:`` line."""


class Parser(argparse.ArgumentParser):
    """argparse, but a bad command line raises ``UsageError`` (one line, status 2) instead of printing the usage
    and exiting, so a script or a test sees the same one-line refusal as for every other bad input."""

    def error(self, message):
        raise UsageError(f"{message} (`{self.prog} --help` lists the options)")


class RecipeHelp(argparse.HelpFormatter):
    """Fills the ``{lora.steps}``-style fields of the help texts from the training recipes, so the help cannot
    drift from them. The recipes are imported only when a help text is shown: they import torch (seconds)."""

    def _get_help_string(self, action):
        text = action.help or ""
        if "{" in text:
            from course.training.bundled import Recipe
            from course.training.controlnet import ControlRecipe
            from course.training.lora import LoRARecipe
            from course.training.textual_inversion import TextualInversionRecipe

            lora = LoRARecipe()
            text = text.format(lora=lora, lora_targets=" ".join(lora.targets), control=ControlRecipe(),
                               bundled=Recipe(), quick=Recipe.quick(), ti=TextualInversionRecipe())
        return text


WHOLE = "must be a whole number >= 1"
POSITIVE = "must be a number > 0"


def _number(kind, rule: str, ok=lambda value: True):
    """An argparse type: the text as ``kind`` (int or float), finite and passing ``ok``, else refused with
    ``rule`` (what is allowed, and a usual value) after the text as given."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or not ok(value):
            raise argparse.ArgumentTypeError(f"{text or repr(text)} {rule}")
        return value
    parse.__name__ = kind.__name__
    return parse


def _size(text: str) -> int:
    """--width / --height: a positive multiple of 8 (the VAE's factor), with the nearest ones in the refusal."""
    value = _number(int, "must be a whole number of pixels, a multiple of 8 (e.g. 512 for SD 1.5, 32 for the "
                         "bundled model)")(text)
    if value < 8 or value % 8:
        low, high = max(8, value // 8 * 8), max(8, value // 8 * 8 + 8)
        near = f"{low}" if low == high or value < 8 else f"{low} or {high}"
        raise argparse.ArgumentTypeError(f"{value} must be a positive multiple of 8 (the VAE's factor), e.g. {near}")
    return value


def _device(text: str) -> str:
    """--device: a torch device that exists here (a missing GPU is refused now, not at the first step)."""
    import torch

    try:
        device = torch.device(text)
    except RuntimeError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a device: use cpu, cuda (cuda:1 for the second GPU) "
                                         "or mps") from None
    if device.type == "cuda" and (not torch.cuda.is_available()
                                  or (device.index or 0) >= torch.cuda.device_count()):
        raise argparse.ArgumentTypeError(f"{text}: torch sees {torch.cuda.device_count()} CUDA GPU(s) here: use "
                                         "--device cpu, or leave --device out")
    if device.type == "mps" and not torch.backends.mps.is_available():
        raise argparse.ArgumentTypeError(f"{text}: this torch has no MPS (Apple GPU) here: use --device cpu")
    if device.type not in ("cpu", "cuda", "mps"):
        raise argparse.ArgumentTypeError(f"{text}: the trainers run on cpu, cuda or mps")
    return text


def _check_writable(path: Path, option: str, kind: str) -> None:
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


# what to do about an operating-system error, by its errno
OS_FIXES = {errno.ENOSPC: "free some disk space, or write somewhere else", errno.EACCES: "check the permissions",
            errno.EPERM: "check the permissions", errno.EROFS: "the disk is read-only: write somewhere else",
            errno.EISDIR: "give a file, not a folder", errno.ENOTDIR: "a folder in the path is a file: check the path",
            errno.ENOENT: "check the path"}


def _say(message) -> None:
    """One line on stderr, whatever the message (torch's have several lines and terminal colour codes)."""
    import re

    print("error: " + " ".join(re.sub(r"\x1b\[[0-9;]*m", "", str(message)).split()), file=sys.stderr)
