"""The command line's machinery: one-line refusals, checked option types, help filled from the recipes.

``course/__main__.py`` holds the commands; this module holds what makes their arguments safe: argparse that
raises instead of printing usage, option types that refuse NaN, out-of-range and missing devices at once, and
one-line messages for any error (course/training/commands.py checks that an output path can be written).
"""
from __future__ import annotations

import argparse
import errno
import math
import sys


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
            from course.training.dreambooth import DreamBoothRecipe
            from course.training.image_encoder import ImageEncoderRecipe
            from course.training.ip_adapter import IPAdapterRecipe
            from course.training.lora import LoRARecipe
            from course.training.textual_inversion import TextualInversionRecipe

            lora = LoRARecipe()
            text = text.format(lora=lora, lora_targets=" ".join(lora.targets), control=ControlRecipe(),
                               bundled=Recipe(), quick=Recipe.quick(), ti=TextualInversionRecipe(),
                               db=DreamBoothRecipe(), ip=IPAdapterRecipe(), enc=ImageEncoderRecipe())
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


# what to do about an operating-system error, by its errno
OS_FIXES = {errno.ENOSPC: "free some disk space, or write somewhere else", errno.EACCES: "check the permissions",
            errno.EPERM: "check the permissions", errno.EROFS: "the disk is read-only: write somewhere else",
            errno.EISDIR: "give a file, not a folder", errno.ENOTDIR: "a folder in the path is a file: check the path",
            errno.ENOENT: "check the path"}


def _say(message) -> None:
    """One line on stderr, whatever the message (torch's have several lines and terminal colour codes)."""
    import re

    print("error: " + " ".join(re.sub(r"\x1b\[[0-9;]*m", "", str(message)).split()), file=sys.stderr)
