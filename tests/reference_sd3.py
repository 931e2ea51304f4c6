"""A tiny SD3 pipeline built with diffusers and transformers themselves (fixed seeds), T5 left out
(text_encoder_3=None): CLIP-L and CLIP-G with projections (hidden 32 and 48, pooled 32 + 32), an MMDiT of two blocks
whose joint_attention_dim (96) is wider than the two CLIP contexts side by side (80), so the zero padding shows, and a
16-channel VAE with SD3's scaling_factor and shift_factor. Every weight is moved off its init so that the prompt, the
pooled text and the timestep all matter."""
import warnings

import torch
from diffusers import AutoencoderKL, FlowMatchEulerDiscreteScheduler, SD3Transformer2DModel, StableDiffusion3Pipeline
from reference_sdxl import _nudged, tokenizers
from transformers import CLIPTextConfig, CLIPTextModelWithProjection

# stabilityai/stable-diffusion-3-medium-diffusers: scheduler/scheduler_config.json and vae/config.json's numbers
SD3_SCHEDULER = {"num_train_timesteps": 1000, "shift": 3.0}
SD3_SCALING, SD3_SHIFT = 1.5305, 0.0609


def _clip(hidden: int, seed: int, eos: int):
    config = CLIPTextConfig(vocab_size=1000, hidden_size=hidden, intermediate_size=37, num_hidden_layers=3,
                            num_attention_heads=4, max_position_embeddings=77, bos_token_id=0, pad_token_id=1,
                            eos_token_id=eos, projection_dim=32, hidden_act="gelu")
    torch.manual_seed(seed)
    return _nudged(CLIPTextModelWithProjection(config), seed + 1)


def _transformer(seed: int = 7, joint_attention_dim: int = 96):
    torch.manual_seed(seed)
    model = SD3Transformer2DModel(sample_size=16, patch_size=2, in_channels=16, num_layers=2, attention_head_dim=8,
                                  num_attention_heads=4, joint_attention_dim=joint_attention_dim,
                                  caption_projection_dim=32, pooled_projection_dim=64, out_channels=16,
                                  pos_embed_max_size=16)
    return _nudged(model, seed + 1, spread=0.1)


def _vae():
    torch.manual_seed(5)
    return AutoencoderKL(block_out_channels=[32, 64], norm_num_groups=8, latent_channels=16,
                         down_block_types=["DownEncoderBlock2D"] * 2, up_block_types=["UpDecoderBlock2D"] * 2,
                         scaling_factor=SD3_SCALING, shift_factor=SD3_SHIFT, use_quant_conv=False,
                         use_post_quant_conv=False).eval()


def sd3(joint_attention_dim: int = 96):
    """StableDiffusion3Pipeline without T5: 32×32 pictures by default (sample_size 16 × the VAE's factor 2)."""
    tok, tok_2 = tokenizers()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = StableDiffusion3Pipeline(
            transformer=_transformer(joint_attention_dim=joint_attention_dim),
            scheduler=FlowMatchEulerDiscreteScheduler(**SD3_SCHEDULER), vae=_vae(),
            text_encoder=_clip(32, 1, tok.eos_token_id), tokenizer=tok,
            text_encoder_2=_clip(48, 3, tok.eos_token_id), tokenizer_2=tok_2, text_encoder_3=None, tokenizer_3=None)
    pipe.set_progress_bar_config(disable=True)
    return pipe
