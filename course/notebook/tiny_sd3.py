"""A tiny SD3, built with diffusers and transformers themselves, for notebook 11 to compare the course with.

Esser et al. 2024 (SD3) at toy size: two CLIP text encoders with projections (32 and 48 wide, as ViT-L is narrower
than bigG), no T5 (``text_encoder_3=None``: diffusers puts zeros in its place), an MMDiT of two joint blocks whose
``joint_attention_dim`` (96) is wider than the two CLIP contexts side by side (80), so the zero padding shows, SD3's
flow-matching scheduler (shift 3) and a 16-channel VAE with SD3's scaling and shift factors. Nothing is downloaded:
the tokenizers read the bundled model's vocabulary. Weights are seeded and moved off their initial values (the
MMDiT's adaLN-Zero gates start at 0, which would make every block the identity) so that the prompt, the pooled text
and the timestep all change the output. Random weights draw noise-like pictures, equal or not.
"""
from __future__ import annotations

import warnings

import torch

from course.notebook.tiny_sdxl import _moved, bundled_tokenizers

__all__ = ["tiny_sd3_pipeline", "tiny_sd3_transformer"]

# stabilityai/stable-diffusion-3-medium-diffusers: scheduler_config.json and the VAE's config.json
SD3_SCHEDULER = {"num_train_timesteps": 1000, "shift": 3.0}
SD3_SCALING, SD3_SHIFT = 1.5305, 0.0609


def tiny_sd3_transformer(seed: int = 7, qk_norm: str | None = None, joint_attention_dim: int = 96):
    """A diffusers SD3Transformer2DModel: latents 16×16×16 in 2×2 patches (64 image tokens), 2 blocks of 4 heads
    of 8, text tokens ``joint_attention_dim`` wide, pooled text 64 wide (SD3's 768 + 1280 at toy size)."""
    from diffusers import SD3Transformer2DModel

    torch.manual_seed(seed)
    net = SD3Transformer2DModel(sample_size=16, patch_size=2, in_channels=16, num_layers=2, attention_head_dim=8,
                                num_attention_heads=4, joint_attention_dim=joint_attention_dim,
                                caption_projection_dim=32, pooled_projection_dim=64, out_channels=16,
                                pos_embed_max_size=16, qk_norm=qk_norm)
    with torch.no_grad():  # larger moves than _moved's: the zero-initialised gates must open
        for p in net.parameters():
            p.add_(0.1 * torch.randn_like(p))
    return net.eval()


def tiny_sd3_pipeline(seed: int = 0):
    """A StableDiffusion3Pipeline without T5 drawing 32×32 pictures (latents 16×16 × the VAE's factor 2)."""
    import diffusers
    from transformers import CLIPTextConfig, CLIPTextModelWithProjection

    tok, tok_2 = bundled_tokenizers()

    def encoder(hidden: int, k: int):
        config = CLIPTextConfig(vocab_size=len(tok), hidden_size=hidden, intermediate_size=64, num_hidden_layers=3,
                                num_attention_heads=4, max_position_embeddings=77, bos_token_id=tok.bos_token_id,
                                eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, projection_dim=32,
                                hidden_act="gelu")
        torch.manual_seed(seed + k)
        return _moved(CLIPTextModelWithProjection(config), seed + k + 1)

    torch.manual_seed(seed + 20)
    vae = diffusers.AutoencoderKL(block_out_channels=[32, 64], norm_num_groups=8, latent_channels=16,
                                  down_block_types=["DownEncoderBlock2D"] * 2, up_block_types=["UpDecoderBlock2D"] * 2,
                                  scaling_factor=SD3_SCALING, shift_factor=SD3_SHIFT, use_quant_conv=False,
                                  use_post_quant_conv=False).eval()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = diffusers.StableDiffusion3Pipeline(
            transformer=tiny_sd3_transformer(seed + 7), vae=vae,
            scheduler=diffusers.FlowMatchEulerDiscreteScheduler(**SD3_SCHEDULER),
            text_encoder=encoder(32, 1), tokenizer=tok, text_encoder_2=encoder(48, 3), tokenizer_2=tok_2,
            text_encoder_3=None, tokenizer_3=None)
    pipe.set_progress_bar_config(disable=True)
    return pipe
