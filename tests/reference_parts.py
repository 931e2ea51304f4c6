"""Tiny reference parts the tests build with the reference libraries themselves (fixed seeds)."""
import json
import warnings
from pathlib import Path

import torch
from diffusers import AutoencoderKL, PNDMScheduler, StableDiffusionPipeline, UNet2DConditionModel
from transformers import CLIPTextConfig, CLIPTextModel
from transformers import CLIPTokenizer as HFCLIPTokenizer

from course.text.tokenizer import load_clip_tokenizer, train_bpe

# SD 1.5's scheduler_config.json, with the spacing diffusers' schedulers take when the file names none
SD15_SCHEDULER = dict(num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
                      steps_offset=1, timestep_spacing="leading", set_alpha_to_one=False, skip_prk_steps=True,
                      clip_sample=False)

UNET_CONFIGS = {
    "tiny": dict(block_out_channels=(32, 64), down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                 up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32, layers_per_block=2),
    "sd-order": dict(block_out_channels=(32, 32, 64, 64), down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
                     up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3, cross_attention_dim=32,
                     layers_per_block=1, attention_head_dim=(2, 4, 8, 8)),
}
VAE_CONFIGS = {
    "tiny": dict(block_out_channels=(32, 64), down_block_types=["DownEncoderBlock2D"] * 2,
                 up_block_types=["UpDecoderBlock2D"] * 2),
    "three-blocks": dict(block_out_channels=(32, 32, 64), layers_per_block=2, down_block_types=["DownEncoderBlock2D"] * 3,
                         up_block_types=["UpDecoderBlock2D"] * 3),
}


def tiny_unet(name="tiny"):
    torch.manual_seed(0)
    return UNet2DConditionModel(**UNET_CONFIGS[name]).eval()


def seeded_unet(config: dict):
    """diffusers' UNet2DConditionModel(**config) with seed 0 and its norm weights moved off 1 and 0 (so that a swapped
    norm shows), and ours from it (from_reference loads strictly)."""
    from course.io.loading import from_reference

    torch.manual_seed(0)
    ref = UNet2DConditionModel(**config).eval()
    with torch.no_grad():
        for key, p in ref.named_parameters():
            if "norm" in key:
                p.add_(0.1 * torch.randn_like(p))
    return ref, from_reference(ref)


def tiny_vae(name="tiny"):
    torch.manual_seed(1)
    return AutoencoderKL(**VAE_CONFIGS[name]).eval()


def tiny_clip(vocab_size=1000):
    torch.manual_seed(2)
    config = CLIPTextConfig(vocab_size=vocab_size, hidden_size=32, intermediate_size=37, num_hidden_layers=2,
                            num_attention_heads=4, max_position_embeddings=77, bos_token_id=0, eos_token_id=2)
    return CLIPTextModel(config).eval()


def write_model_folder(path: Path) -> Path:
    """A tiny diffusers SD folder (unet/, vae/, text_encoder/, tokenizer/, scheduler/), written by the libraries."""
    tiny_unet().save_pretrained(path / "unet")
    tiny_vae().save_pretrained(path / "vae")
    tiny_clip().save_pretrained(path / "text_encoder")
    train_bpe(["a red circle on a blue background"], vocab_size=520).save(path / "tokenizer")
    (path / "scheduler").mkdir()
    scheduler = {"_class_name": "PNDMScheduler", "num_train_timesteps": 1000, "beta_start": 0.00085,
                 "beta_end": 0.012, "beta_schedule": "scaled_linear", "steps_offset": 1, "set_alpha_to_one": False,
                 "clip_sample": False, "skip_prk_steps": True}  # SD 1.5's scheduler_config.json
    (path / "scheduler" / "scheduler_config.json").write_text(json.dumps(scheduler))
    return path


def tiny_pipeline(cls=StableDiffusionPipeline, in_channels=4):
    """A diffusers SD pipeline (``cls``: txt2img, img2img or inpaint) on tiny random parts and the real CLIP
    vocabulary; ``in_channels=9`` gives the inpainting UNet (latents + mask + masked-image latents)."""
    torch.manual_seed(0)
    text_encoder = CLIPTextModel(CLIPTextConfig(vocab_size=49408, hidden_size=32, intermediate_size=37,
                                                num_hidden_layers=2, num_attention_heads=4, max_position_embeddings=77,
                                                eos_token_id=2, hidden_act="quick_gelu")).eval()
    unet = UNet2DConditionModel(sample_size=8, block_out_channels=(32, 64), layers_per_block=1, norm_num_groups=8,
                                in_channels=in_channels, down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32).eval()
    vae = AutoencoderKL(block_out_channels=(32, 32), norm_num_groups=8, latent_channels=4,
                        down_block_types=("DownEncoderBlock2D",) * 2, up_block_types=("UpDecoderBlock2D",) * 2).eval()
    with torch.no_grad():  # random weights give a UNet that barely depends on its context: make CFG matter
        for p in list(unet.parameters()) + list(text_encoder.parameters()):
            p.add_(0.05 * torch.randn_like(p))
    return assemble_pipeline(text_encoder, unet, vae, cls)


def assemble_pipeline(text_encoder, unet, vae, cls=StableDiffusionPipeline):
    """A diffusers pipeline of these networks, SD 1.x's CLIP vocabulary and SD 1.5's scheduler config."""
    tok = load_clip_tokenizer()
    hf_tok = HFCLIPTokenizer(vocab=tok.encoder, merges=tok.merges, model_max_length=77)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = cls(vae=vae, text_encoder=text_encoder, tokenizer=hf_tok, unet=unet,
                   scheduler=PNDMScheduler.from_config(SD15_SCHEDULER), safety_checker=None,
                   feature_extractor=None, requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def random_ip_adapter(unet: UNet2DConditionModel, width: int, image_dim: int, tokens: int = 4, spread: float = 0.3,
                      seed: int = 3) -> dict[str, torch.Tensor]:
    """A random plain IP-Adapter for diffusers' ``unet`` in the original flat layout, numbered as diffusers numbers
    it: over every attention processor, 1 for the first attn2 and +2 for each next one. ``width``: the UNet's
    cross-attention width; ``image_dim``: the image embedding's."""
    g = torch.Generator().manual_seed(seed)
    state = {"image_proj.proj.weight": spread * torch.randn(tokens * width, image_dim, generator=g),
             "image_proj.proj.bias": 0.3 * torch.randn(tokens * width, generator=g),
             "image_proj.norm.weight": 1 + 0.2 * torch.randn(width, generator=g),
             "image_proj.norm.bias": 0.2 * torch.randn(width, generator=g)}
    key_id = 1
    for processor in unet.attn_processors:
        if processor.endswith("attn2.processor"):
            inner = unet.get_submodule(processor.removesuffix(".processor")).to_k.out_features
            for kind in ("to_k_ip", "to_v_ip"):
                state[f"ip_adapter.{key_id}.{kind}.weight"] = spread * torch.randn(inner, width, generator=g)
            key_id += 2
    return state


def nested_ip_adapter(flat: dict) -> dict:
    """The nested form of an IP-Adapter: what diffusers' load_ip_adapter builds from a .safetensors file, and
    torch.load gives for the original .bin."""
    out = {"image_proj": {}, "ip_adapter": {}}
    for key, value in flat.items():
        part, _, rest = key.partition(".")
        out[part][rest] = value
    return out
