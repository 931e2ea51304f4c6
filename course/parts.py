"""What a pipeline is made of, and where the course's own models live.

``Parts`` is the bag the pipeline, the widgets and the trainers pass around: the tokenizer, the three networks
and the scheduler's settings. It imports nothing else of the course, so every module may import it, and the
loaders (``course.io.loading``) and trainers (``course.training``) can both name the bundled folders without
importing each other.

Where the parts run is theirs too: ``Parts.to(device, dtype)`` moves all three networks (the loaders take the
same ``device=`` and ``dtype=``), and ``default_device()`` is the one place that picks a GPU when there is one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import nn

# the course's small model, its ControlNet and its IP-Adapter ship inside the package (safetensors, configs, model
# cards)
BUNDLED_DIR = Path(__file__).resolve().parent / "bundled"
BUNDLED_CONTROLNET_DIR = Path(__file__).resolve().parent / "bundled_controlnet"
BUNDLED_IP_ADAPTER_DIR = Path(__file__).resolve().parent / "bundled_ip_adapter"  # its image encoder and adapter
BUNDLED_CROPS_DIR = Path(__file__).resolve().parent / "bundled_crops"  # its UNet with size/crop conditioning


@dataclass
class Parts:
    """Everything a pipeline needs: the tokenizer, the three networks, and the scheduler's settings; optionally
    an image encoder (CLIP's vision tower, for an IP-Adapter's ``ip_adapter_image=``); for SDXL a second tokenizer
    and text encoder; for SD3 the MMDiT as ``transformer`` in place of the UNet (``unet`` None)."""

    tokenizer: object
    text_encoder: nn.Module
    unet: nn.Module | None
    vae: nn.Module
    # diffusers' scheduler_config.json; empty means SD 1.x's (course.sampling.schedules.SD15_SCHEDULER_CONFIG)
    scheduler_config: dict = field(default_factory=dict)
    # what the model is meant to be sampled with (sampler, steps, guidance_scale, height, width): the
    # pipeline uses these when a call leaves them out; the bundled model sets them, SD 1.x folders do not
    defaults: dict = field(default_factory=dict)
    # CLIP's image tower (course.nets.image_encoder.ImageEncoder, e.g. load_image_encoder(folder)): it turns an
    # IP-Adapter's picture prompt into its embedding; None when no picture prompts are made
    image_encoder: nn.Module | None = None
    # SDXL (Podell et al. 2023): the second tokenizer and text encoder (OpenCLIP bigG, with a text_projection); None
    # for SD 1.x. SDXL's refiner has only these two: its tokenizer and text_encoder are None
    tokenizer_2: object | None = None
    text_encoder_2: nn.Module | None = None
    # diffusers' SDXL pipeline settings (model_index.json): no negative prompt (None) gives zeros, not the encoding
    # of "" (the base: True; the refiner: False); the UNet reads an aesthetic score instead of the target size (the
    # refiner: True; None: read it off the UNet, 5 size/crop numbers instead of 6)
    force_zeros_for_empty_prompt: bool = True
    requires_aesthetics_score: bool | None = None
    # SD3 (Esser et al. 2024): the MMDiT (course.nets.mmdit) that replaces the UNet, on a rectified flow; its two
    # CLIP encoders are text_encoder (CLIP-L) and text_encoder_2 (CLIP-G), both with a text_projection; no T5
    transformer: nn.Module | None = None

    @property
    def is_sdxl(self) -> bool:
        """Whether the UNet takes SDXL's pooled text and size/crop numbers (``addition_embed_type="text_time"``)."""
        return self.unet is not None and getattr(self.unet.config, "addition_embed_type", None) == "text_time"

    @property
    def is_sd3(self) -> bool:
        """Whether the denoiser is SD3's MMDiT (``transformer``) rather than a UNet."""
        return self.transformer is not None

    @property
    def denoiser(self) -> nn.Module:
        """The network that denoises: the UNet, or SD3's MMDiT."""
        return self.transformer if self.unet is None else self.unet

    @property
    def device(self) -> torch.device:
        """Where the denoiser's weights are: the pipeline runs there (noise is still drawn on a CPU generator)."""
        return next(self.denoiser.parameters()).device

    @property
    def dtype(self) -> torch.dtype:
        """The denoiser's dtype: latents and the text conditioning are made in it."""
        return next(self.denoiser.parameters()).dtype

    def to(self, device=None, dtype=None, *, upcast_vae: bool = False) -> "Parts":
        """Move the networks (the text encoder(s), the UNet, the VAE, the image encoder, an IP-Adapter attached to the
        UNet) to ``device`` and/or ``dtype``, in place, and return the parts (as ``nn.Module.to`` does), e.g.
        ``parts.to("cuda", torch.float16)``.

        ``upcast_vae=True`` keeps the VAE in float32 while the rest goes to half precision: SD's VAE decoder
        can overflow float16 (inf, then a black picture) at large sizes; diffusers' ``upcast_vae`` does the same.
        The pipeline gives each network its own dtype, so mixed parts work."""
        device, dtype = check_device(device), check_dtype(dtype)
        for encoder in (self.text_encoder, self.text_encoder_2):  # SDXL's refiner has only the second
            if encoder is not None:
                encoder.to(device=device, dtype=dtype)
        self.denoiser.to(device=device, dtype=dtype)
        self.vae.to(device=device, dtype=torch.float32 if upcast_vae else dtype)
        # an IP-Adapter is lent to the UNet by reference, not as a submodule, so the UNet's .to() leaves it behind
        for extra in (self.image_encoder, getattr(self.unet, "ip_adapter", None)):
            if extra is not None:
                extra.to(device=device, dtype=dtype)
        return self


# ---- devices and dtypes --------------------------------------------------------------------------

DTYPES = {"float32": torch.float32, "fp32": torch.float32, "float16": torch.float16, "fp16": torch.float16,
          "half": torch.float16, "bfloat16": torch.bfloat16, "bf16": torch.bfloat16}


def check_dtype(dtype) -> torch.dtype | None:
    """None, a floating torch dtype, or one of the names in ``DTYPES`` -> the torch dtype (or None)."""
    if dtype is None:
        return None
    if isinstance(dtype, str) and dtype.lower() in DTYPES:
        return DTYPES[dtype.lower()]
    if isinstance(dtype, torch.dtype) and dtype in (torch.float32, torch.float16, torch.bfloat16, torch.float64):
        return dtype
    raise ValueError(f"dtype={dtype!r}: the networks run in torch.float32 (the default), torch.float16 or "
                     "torch.bfloat16 (half the memory, on a GPU about twice as fast); pass one of those, or its name "
                     "('float16', 'bf16', ...).")


def check_device(device) -> torch.device | None:
    """None, or a device torch can use on this machine -> ``torch.device``; refuses one that is not here."""
    if device is None:
        return None
    try:
        device = torch.device(device)
    except (RuntimeError, TypeError):
        raise ValueError(f"device={device!r} is not a device name: pass 'cpu', 'cuda' (or 'cuda:1'), or 'mps', or "
                         "course.parts.default_device().") from None
    here = {"cuda": torch.cuda.is_available(),
            "mps": getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()}
    if device.type in here and not here[device.type]:
        raise ValueError(f"device={str(device)!r}, but this torch sees no {device.type.upper()} device (torch "
                         f"{torch.__version__}; a CPU-only build, or no GPU visible). Use 'cpu', or "
                         "course.parts.default_device(), which picks what is here.")
    if device.type == "cuda" and device.index is not None and device.index >= torch.cuda.device_count():
        raise ValueError(f"device={str(device)!r}: this machine has {torch.cuda.device_count()} CUDA device(s), "
                         f"numbered from 0: use 'cuda:0' ... 'cuda:{torch.cuda.device_count() - 1}'.")
    return device


def default_device() -> str:
    """Where the notebooks and the command line run: $COURSE_DEVICE when set (e.g. ``COURSE_DEVICE=cpu``), else
    "cuda" when a GPU is visible, else "mps" on Apple silicon, else "cpu"."""
    chosen = os.environ.get("COURSE_DEVICE", "").strip()
    if chosen:
        try:
            return str(check_device(chosen))
        except ValueError as err:
            raise ValueError(f"COURSE_DEVICE={chosen!r}: {err}") from None
    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"
