"""Text to image with an MMDiT trained by rectified flow: SD3's way of sampling, on the course's own parts.

Esser et al. 2024 (SD3): the prompt gives text tokens (the context) and one pooled vector; the transformer predicts
the velocity v = ε - x_0; sampling walks x from pure noise at σ = 1 to σ = 0 along dx/dσ = v̂. ``FlowDenoiser``
turns v̂ into D = x - σ v̂, so the course's k-diffusion samplers (``sample_euler`` is SD3's FlowMatchEuler step)
run unchanged over the σ's of ``flow_sigmas``; classifier-free guidance wraps D as for the UNet.

    prompt, "" ─ tokenizer ─ text_encoder ─► context (B, T, D) and pooled (B, D), packed as (B, T + 1, D)
    noise (B, 4, h, w) (σ = 1: pure noise, no scaling) ─ sampler over flow_sigmas, D = guided FlowDenoiser ─► z_0
    z_0 / scaling_factor ─ vae.decode ─► image (B, 3, H, W)

Guidance (course.sampling.guidance) hands the model one tensor, ``context``; the MMDiT also needs the pooled vector,
so it travels as one more token at the end of the context and ``velocity_fn`` splits it off again.

A model folder (``save_flow_folder``, ``load_flow_folder``; the bundled one: ``load_bundled_flow``) has SD3's
layout with the course's parts: tokenizer/, text_encoder/ (CLIP text model), transformer/ (SD3Transformer2DModel
config names), vae/, scheduler/ (FlowMatchEulerDiscreteScheduler) and flow.json (recipe, defaults, figures).
"""
from __future__ import annotations

import json
import numbers
from dataclasses import dataclass, field
from pathlib import Path

import torch

from course.io.folders import _read_config, _refuse_hub_id, _weights_in
from course.io.loading import load_text_encoder, load_vae
from course.io.weights import load_weights, read_state_dict, replacing
from course.nets.mmdit import MMDiT, config_from_reference
from course.sampling.flow import FLOW_SAMPLERS, FlowDenoiser, flow_config, flow_sigmas
from course.sampling.guidance import classifier_free_guidance
from course.text.tokenizer import CLIPTokenizer

BUNDLED_FLOW_DIR = Path(__file__).resolve().parents[1] / "bundled_flow"
FLOW_DEFAULTS = {"sampler": "flow_euler", "steps": 20, "guidance_scale": 3.0}

__all__ = ["FlowParts", "BUNDLED_FLOW_DIR", "encode_text", "velocity_fn", "flow_text_to_image", "save_flow_folder",
           "load_flow_folder", "load_bundled_flow"]


@dataclass
class FlowParts:
    """What sampling needs: the tokenizer, the text encoder, the MMDiT, the VAE, the flow scheduler settings
    (``shift``) and the recommended sampler, steps and guidance scale."""

    tokenizer: CLIPTokenizer
    text_encoder: torch.nn.Module
    transformer: MMDiT
    vae: torch.nn.Module
    scheduler_config: dict = field(default_factory=dict)
    defaults: dict = field(default_factory=lambda: dict(FLOW_DEFAULTS))


def encode_text(tokenizer, text_encoder, texts: list[str], device=None) -> torch.Tensor:
    """Prompts -> (B, T + 1, D): the text tokens (the last layer, normalised), then the pooled vector (EOS's)."""
    ids = tokenizer(list(texts), warn=False)["input_ids"].to(device or next(text_encoder.parameters()).device)
    out = text_encoder(ids, output_hidden_states=True)
    return torch.cat([out.last_hidden_state, out.pooled[:, None]], dim=1)  # (B, T + 1, D)


def velocity_fn(transformer: MMDiT):
    """``v(x, t, context=packed)``: the MMDiT on a packed context (``encode_text``), t = σ·1000."""

    def v(x: torch.Tensor, t, context: torch.Tensor) -> torch.Tensor:
        return transformer(x, t, context[:, :-1], context[:, -1])  # tokens (B, T, D), pooled (B, D)

    return v


def _check(prompts, steps, sampler, guidance_scale, seed) -> list[str]:
    prompts = [prompts] if isinstance(prompts, str) else prompts
    if not isinstance(prompts, (list, tuple)) or not prompts or not all(isinstance(p, str) for p in prompts):
        raise ValueError(f"prompts={prompts!r}: pass a prompt (str) or a non-empty list of them.")
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 1:
        raise ValueError(f"steps={steps!r} must be a whole number >= 1 (the bundled flow model: 20; 1 to 4 for "
                         "a quick look).")
    if sampler not in FLOW_SAMPLERS:
        raise ValueError(f"sampler={sampler!r}: an MMDiT trained by rectified flow samples with one of "
                         f"{sorted(FLOW_SAMPLERS)} (the UNet's samplers assume SD 1.x's noise schedule).")
    if isinstance(guidance_scale, bool) or not isinstance(guidance_scale, numbers.Real):
        raise ValueError(f"guidance_scale={guidance_scale!r} must be a number (1: no guidance; the bundled flow "
                         "model: 3).")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise ValueError(f"seed={seed!r} must be a whole number: the same seed gives the same picture.")
    return list(prompts)


@torch.no_grad()
def flow_text_to_image(parts: FlowParts, prompts, steps: int | None = None, sampler: str | None = None,
                       guidance_scale: float | None = None, seed: int = 0, negative_prompt: str = "",
                       output_type: str = "pt", callback=None, sigmas=None, latents=None) -> torch.Tensor:
    """Pictures (B, 3, H, W) in [0, 1] (``output_type="latent"``: the latents z_0) for ``prompts``, at the size
    the model was trained at. Leaving steps, sampler or guidance_scale out takes ``parts.defaults``. ``sigmas``:
    the σ's to step through instead of the scheduler's (``flow_sigmas(sigmas=...)``: 0 is appended), e.g. Flux's
    ``linspace(1, 1/n, n)``, whose last step is not the scheduler's short 1/T → 0. ``latents``: the noise to start
    from, (B, C, h, w) at σ = 1, instead of the one ``seed`` draws (diffusers' ``latents=``)."""
    d = {**FLOW_DEFAULTS, **parts.defaults}
    if sigmas is not None:  # they set the number of steps
        if not len(sigmas):
            raise ValueError("sigmas=[]: pass one σ per step, descending from 1 (0 is appended), or leave it out.")
        if steps is not None and steps != len(sigmas):
            raise ValueError(f"steps={steps} with {len(sigmas)} sigmas: leave steps out when you pass sigmas.")
        steps = len(sigmas)
    steps, sampler = d["steps"] if steps is None else steps, d["sampler"] if sampler is None else sampler
    guidance_scale = d["guidance_scale"] if guidance_scale is None else guidance_scale
    prompts = _check(prompts, steps, sampler, guidance_scale, seed)
    if output_type not in ("pt", "latent"):
        raise ValueError(f"output_type={output_type!r}: use 'pt' (pictures in [0, 1]) or 'latent'.")
    te, net, vae = parts.text_encoder.eval(), parts.transformer.eval(), parts.vae.eval()
    device = next(net.parameters()).device
    cond = encode_text(parts.tokenizer, te, prompts, device)
    uncond = encode_text(parts.tokenizer, te, [negative_prompt] * len(prompts), device)
    guided = classifier_free_guidance(FlowDenoiser(velocity_fn(net)), float(guidance_scale))
    sigmas = flow_sigmas(steps, flow_config(parts.scheduler_config), sigmas=sigmas).to(device)
    side = net.config.sample_size
    generator = torch.Generator().manual_seed(int(seed))
    shape = (len(prompts), net.config.in_channels, side, side)
    if latents is not None and (not isinstance(latents, torch.Tensor) or tuple(latents.shape) != shape):
        got = tuple(latents.shape) if isinstance(latents, torch.Tensor) else type(latents).__name__
        raise ValueError(f"latents {got}: pass noise of shape {shape}, one per prompt at the model's size, or none.")
    x = torch.randn(shape, generator=generator).to(device) if latents is None else latents.to(device)  # σ = 1
    z = FLOW_SAMPLERS[sampler].fn(guided, x, sigmas, generator=generator, callback=callback,
                                  extra_args={"cond": cond, "uncond": uncond})
    if output_type == "latent":
        return z
    return (vae.decode(z / vae.scaling_factor) / 2 + 0.5).clamp(0, 1)  # (B, 3, H, W)


# ---- the model folder ------------------------------------------------------------------------------------------

def _json(config, **extra) -> str:
    from dataclasses import asdict
    return json.dumps({**extra, **{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(config).items()}},
                      indent=1)


def save_flow_folder(parts: FlowParts, path: str | Path, dtype: torch.dtype | None = torch.float16,
                     info: dict | None = None) -> Path:
    """Write ``parts`` as a folder (see the module's docstring), weights in ``dtype``; ``info`` goes to flow.json
    with the defaults. Written beside ``path``, then it replaces it whole."""
    from safetensors.torch import save_file

    path = Path(path)
    with replacing(path) as tmp:
        parts.tokenizer.save(tmp / "tokenizer")
        te, net, vae = parts.text_encoder, parts.transformer, parts.vae
        components = [
            ("text_encoder", te, "model", _json(te.config, architectures=["CLIPTextModel"],
                                                model_type="clip_text_model")),
            ("transformer", net, "diffusion_pytorch_model", _json(net.config, _class_name="SD3Transformer2DModel")),
            ("vae", vae, "diffusion_pytorch_model", _json(vae.config, _class_name="AutoencoderKL")),
        ]
        for name, module, stem, config in components:
            (tmp / name).mkdir(parents=True)
            state = {k: v.detach().to("cpu", dtype or v.dtype).contiguous() for k, v in module.state_dict().items()}
            save_file(state, str(tmp / name / f"{stem}.safetensors"))
            (tmp / name / "config.json").write_text(config)
        (tmp / "scheduler").mkdir()
        scheduler = {"_class_name": "FlowMatchEulerDiscreteScheduler", **flow_config(parts.scheduler_config)}
        (tmp / "scheduler" / "scheduler_config.json").write_text(json.dumps(scheduler, indent=1))
        (tmp / "flow.json").write_text(json.dumps({**(info or {}), "defaults": parts.defaults}, indent=1))
    return path


def load_flow_folder(path: str | Path, device=None) -> FlowParts:
    """A folder written by ``save_flow_folder`` -> FlowParts in float32 (on ``device``, default the CPU)."""
    path = _refuse_hub_id(path)
    missing = [d for d in ("tokenizer", "text_encoder", "transformer", "vae", "scheduler") if not (path / d).is_dir()]
    if missing:
        raise FileNotFoundError(f"{path} lacks {missing}: a flow model folder has tokenizer/, text_encoder/, "
                                "transformer/, vae/ and scheduler/ (course.sampling.flow_pipeline.save_flow_folder).")
    source = str(path / "transformer" / "config.json")
    net = MMDiT(config_from_reference(_read_config(path / "transformer"), source))
    state = read_state_dict(_weights_in(path / "transformer", "diffusion_pytorch_model", False), False)
    load_weights(net, state, source=str(path / "transformer"))
    scheduler = json.loads((path / "scheduler" / "scheduler_config.json").read_text())
    info = json.loads((path / "flow.json").read_text()) if (path / "flow.json").is_file() else {}
    defaults = {**FLOW_DEFAULTS, **info.get("defaults", {})}
    parts = FlowParts(CLIPTokenizer.from_folder(path / "tokenizer"), load_text_encoder(path / "text_encoder"),
                      net, load_vae(path / "vae"), flow_config(scheduler), defaults)
    for module in (parts.text_encoder, parts.transformer, parts.vae):
        module.float().eval().to(device or "cpu")
    return parts


def load_bundled_flow(device=None) -> FlowParts:
    """The course's small MMDiT trained by rectified flow (course/bundled_flow/, ``python -m
    course.training.flow``), beside the bundled UNet model and on the same data."""
    if not (BUNDLED_FLOW_DIR / "transformer").is_dir():
        raise FileNotFoundError(f"the bundled flow model is not in {BUNDLED_FLOW_DIR}: train it with "
                                "`python -m course.training.flow` (docs/flow.md).")
    return load_flow_folder(BUNDLED_FLOW_DIR, device)
