"""What a pipeline is made of, and where the course's own models live.

``Parts`` is the bag the pipeline, the widgets and the trainers pass around: the tokenizer, the three networks
and the scheduler's settings. It imports nothing else of the course, so every module may import it, and the
loaders (``course.io.loading``) and trainers (``course.training``) can both name the bundled folders without
importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from torch import nn

# the course's small model and its ControlNet ship inside the package (fp16 safetensors, configs, model cards)
BUNDLED_DIR = Path(__file__).resolve().parent / "bundled"
BUNDLED_CONTROLNET_DIR = Path(__file__).resolve().parent / "bundled_controlnet"


@dataclass
class Parts:
    """Everything a pipeline needs: the tokenizer, the three networks, and the scheduler's settings."""

    tokenizer: object
    text_encoder: nn.Module
    unet: nn.Module
    vae: nn.Module
    # diffusers' scheduler_config.json; empty means SD 1.x's (course.sampling.schedules.SD15_SCHEDULER_CONFIG)
    scheduler_config: dict = field(default_factory=dict)
    # what the model is meant to be sampled with (sampler, steps, guidance_scale, height, width): the
    # pipeline uses these when a call leaves them out; the bundled model sets them, SD 1.x folders do not
    defaults: dict = field(default_factory=dict)
