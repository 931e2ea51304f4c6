"""Tiny SDXL pipelines built with diffusers and transformers themselves (fixed seeds): the base with both text
encoders, the refiner with the second alone, about as diffusers' own SDXL tests size them (hidden 32 and 48, pooled
32, time_ids of 8), every weight moved off its init so that the prompt, the pooled text and the size numbers all
matter."""
import warnings

import diffusers
import torch
from diffusers import AutoencoderKL, StableDiffusionXLImg2ImgPipeline, StableDiffusionXLPipeline, UNet2DConditionModel
from reference_parts import SD15_SCHEDULER
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection
from transformers import CLIPTokenizer as HFCLIPTokenizer

from course.sampling.samplers import SAMPLERS
from course.text.tokenizer import train_bpe

CAPTIONS = [f"a {c} {s} on a {b} background" for c in ("red", "green", "blue", "purple")
            for s in ("circle", "square", "triangle") for b in ("white", "gray", "black")]
# SDXL's scheduler_config.json: SD 1.5's numbers, EulerDiscreteScheduler, "leading" spacing with steps_offset 1
SDXL_SCHEDULER = {**SD15_SCHEDULER, "interpolation_type": "linear", "use_karras_sigmas": False}


def _nudged(module, seed: int, spread: float = 0.05):
    torch.manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.add_(spread * torch.randn_like(p))
    return module.eval()


def _encoder(projection: bool, seed: int, eos: int):
    """The pooled vector is read at the first EOS (eos_token_id), so it changes with the prompt. The second encoder
    is wider (48) than the first (32), as bigG is wider than ViT-L: diffusers' single-file loader tells them apart
    by their widths."""
    config = CLIPTextConfig(vocab_size=1000, hidden_size=48 if projection else 32, intermediate_size=37,
                            num_hidden_layers=3, num_attention_heads=4, max_position_embeddings=77, bos_token_id=0,
                            pad_token_id=1, eos_token_id=eos, projection_dim=32,
                            hidden_act="gelu" if projection else "quick_gelu")
    torch.manual_seed(seed)
    return _nudged((CLIPTextModelWithProjection if projection else CLIPTextModel)(config), seed + 1)


def _unet(cross_attention_dim: int, time_ids: int, seed: int):
    torch.manual_seed(seed)
    unet = UNet2DConditionModel(block_out_channels=(32, 64), layers_per_block=1, sample_size=16, in_channels=4,
                                out_channels=4, down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), attention_head_dim=(2, 4),
                                use_linear_projection=True, addition_embed_type="text_time", addition_time_embed_dim=8,
                                transformer_layers_per_block=(1, 2), norm_num_groups=8,
                                projection_class_embeddings_input_dim=32 + time_ids * 8,
                                cross_attention_dim=cross_attention_dim)
    return _nudged(unet, seed + 1)


def _vae():
    torch.manual_seed(5)
    return AutoencoderKL(block_out_channels=[32, 64], norm_num_groups=8, latent_channels=4,
                         down_block_types=["DownEncoderBlock2D"] * 2, up_block_types=["UpDecoderBlock2D"] * 2).eval()


def tokenizers():
    """(tokenizer, tokenizer_2) as transformers', on a small BPE vocabulary: the second pads with "!" as SDXL's."""
    base = train_bpe(CAPTIONS, vocab_size=600)
    return (HFCLIPTokenizer(vocab=base.encoder, merges=base.merges, model_max_length=77),
            HFCLIPTokenizer(vocab=base.encoder, merges=base.merges, model_max_length=77, pad_token="!"))


def sdxl_base():
    tok, tok_2 = tokenizers()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = StableDiffusionXLPipeline(vae=_vae(), text_encoder=_encoder(False, 1, tok.eos_token_id),
                                         text_encoder_2=_encoder(True, 3, tok.eos_token_id),
                                         tokenizer=tok, tokenizer_2=tok_2, unet=_unet(80, 6, 7),
                                         scheduler=diffusers.EulerDiscreteScheduler.from_config(SDXL_SCHEDULER),
                                         add_watermarker=False)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def sdxl_refiner(base):
    """The refiner: the base's VAE and second text encoder (as SDXL's are shared), its own UNet reading 5 numbers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = StableDiffusionXLImg2ImgPipeline(
            vae=base.vae, text_encoder=None, text_encoder_2=base.text_encoder_2, tokenizer=None,
            tokenizer_2=base.tokenizer_2, unet=_unet(48, 5, 11),
            scheduler=diffusers.EulerDiscreteScheduler.from_config(SDXL_SCHEDULER), requires_aesthetics_score=True,
            force_zeros_for_empty_prompt=False, add_watermarker=False)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def with_sampler(pipe, key):
    """The pipeline with the diffusers scheduler of our sampler ``key``, built from SDXL's config as a user would."""
    info = SAMPLERS[key]
    pipe.scheduler = getattr(diffusers, info.diffusers).from_config(SDXL_SCHEDULER, **info.diffusers_options)
    return pipe
