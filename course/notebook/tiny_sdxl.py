"""A tiny SDXL, built with diffusers and transformers themselves, for notebook 10 to compare the course with.

Nothing is downloaded: the two tokenizers read the bundled model's vocabulary (the second pads with "!", as
SDXL's OpenCLIP tokenizer does), and every network gets seeded random weights at toy size, shaped as SDXL's are:
a CLIPTextModel and a wider CLIPTextModelWithProjection, a UNet with no attention at its highest level, more
transformer layers lower down and the text_time micro-conditioning (6 numbers for the base, 5 for the refiner,
whose last is the aesthetic score), and a small VAE. The weights are moved off their initial values so that the
prompt, the pooled text and every size number change the picture.
"""
from __future__ import annotations

import warnings

import torch

from course.parts import BUNDLED_DIR

__all__ = ["tiny_sdxl_pipelines"]

SCHEDULER = dict(num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
                 steps_offset=1, timestep_spacing="leading", interpolation_type="linear", use_karras_sigmas=False)


def _moved(module: torch.nn.Module, seed: int) -> torch.nn.Module:
    torch.manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return module.eval()


def bundled_tokenizers():
    """Two transformers CLIPTokenizers on the bundled vocabulary: the first pads with the end token (CLIP ViT-L's
    way), the second with "!" (OpenCLIP bigG's)."""
    from transformers import CLIPTokenizer as HFTokenizer

    folder = str(BUNDLED_DIR / "tokenizer")
    return (HFTokenizer.from_pretrained(folder, model_max_length=77),
            HFTokenizer.from_pretrained(folder, model_max_length=77, pad_token="!"))


def tiny_sdxl_pipelines(seed: int = 0):
    """(StableDiffusionXLPipeline, StableDiffusionXLImg2ImgPipeline): a base and its refiner, which shares the base's
    VAE and second text encoder as SDXL's does. Random weights: they draw noise-like pictures, equal or not."""
    import diffusers
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection

    tok, tok_2 = bundled_tokenizers()

    def encoder(wide: bool, k: int):
        config = CLIPTextConfig(vocab_size=len(tok), hidden_size=48 if wide else 32, intermediate_size=64,
                                num_hidden_layers=3, num_attention_heads=4, max_position_embeddings=77,
                                bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                                pad_token_id=tok.pad_token_id, projection_dim=32,
                                hidden_act="gelu" if wide else "quick_gelu")
        torch.manual_seed(seed + k)
        return _moved((CLIPTextModelWithProjection if wide else CLIPTextModel)(config), seed + k + 1)

    def unet(context: int, numbers: int, k: int):
        torch.manual_seed(seed + k)
        net = diffusers.UNet2DConditionModel(
            block_out_channels=(32, 64), layers_per_block=1, sample_size=16, in_channels=4, out_channels=4,
            down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"), up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
            attention_head_dim=(2, 4), use_linear_projection=True, addition_embed_type="text_time",
            addition_time_embed_dim=8, transformer_layers_per_block=(1, 2), norm_num_groups=8,
            projection_class_embeddings_input_dim=32 + numbers * 8, cross_attention_dim=context)
        return _moved(net, seed + k + 1)

    torch.manual_seed(seed + 20)
    vae = diffusers.AutoencoderKL(block_out_channels=[32, 64], norm_num_groups=8, latent_channels=4,
                                  down_block_types=["DownEncoderBlock2D"] * 2,
                                  up_block_types=["UpDecoderBlock2D"] * 2).eval()
    text_encoder_2 = encoder(True, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = diffusers.StableDiffusionXLPipeline(
            vae=vae, text_encoder=encoder(False, 1), text_encoder_2=text_encoder_2, tokenizer=tok, tokenizer_2=tok_2,
            unet=unet(32 + 48, 6, 7), scheduler=diffusers.EulerDiscreteScheduler.from_config(SCHEDULER),
            add_watermarker=False)
        refiner = diffusers.StableDiffusionXLImg2ImgPipeline(
            vae=vae, text_encoder=None, text_encoder_2=text_encoder_2, tokenizer=None, tokenizer_2=tok_2,
            unet=unet(48, 5, 11), scheduler=diffusers.EulerDiscreteScheduler.from_config(SCHEDULER),
            requires_aesthetics_score=True, force_zeros_for_empty_prompt=False, add_watermarker=False)
    for pipe in (base, refiner):
        pipe.set_progress_bar_config(disable=True)
    return base, refiner
