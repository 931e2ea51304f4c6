"""End to end: course.pipeline.text_to_image against diffusers' StableDiffusionPipeline on the same tiny parts.

Same weights (from_reference), same SD 1.5 scheduler config, same seed: the latents must agree to 1e-5 (relative
to their size) and the decoded images to 1/255, for each sampler against the diffusers scheduler SAMPLERS names.
"""
import diffusers
import numpy as np
import pytest
import torch
from diffusers import AutoencoderKL, PNDMScheduler, UNet2DConditionModel
from reference_parts import SD15_SCHEDULER, assemble_pipeline
from transformers import CLIPTextConfig, CLIPTextModel

from course.io.loading import from_reference
from course.parts import Parts
from course.pipeline import text_to_image
from course.sampling.samplers import SAMPLERS

PROMPT, NEGATIVE = "a photo of a red cat", "blurry, low quality"
DELTAS = {}  # what -> max |Δ| (printed with -s)


def bound(reference: torch.Tensor) -> float:
    """1e-5 relative to the latents' size: fp32 sums of a random tiny UNet's latents (25 to 70, not ~4 as a trained
    model's) differ in the last bits between CPUs and thread counts, and the error grows with the values."""
    return 1e-5 * max(1.0, float(reference.abs().max()))


def with_scheduler(pipe, key, seed=None):
    info = SAMPLERS[key]
    base = PNDMScheduler.from_config(SD15_SCHEDULER).config  # each time from SD 1.5's config, as a user would
    # DPM++ SDE's Brownian tree: ours is seeded with the generator's seed, diffusers' with this option
    options = {"noise_sampler_seed": seed} if info.diffusers == "DPMSolverSDEScheduler" else {}
    pipe.scheduler = getattr(diffusers, info.diffusers).from_config(base, **info.diffusers_options, **options)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def reference(pipe, key, output_type, seed=0, **kw):
    kw = {"num_inference_steps": kw.pop("steps", 5), "guidance_scale": 7.5, "height": 32, "width": 32, **kw}
    pipe = with_scheduler(pipe, key, seed)
    with torch.no_grad():
        return pipe(PROMPT, negative_prompt=NEGATIVE, generator=torch.Generator().manual_seed(seed),
                    output_type=output_type, **kw).images


def ours(parts, key, output_type, seed=0, **kw):
    kw = {"steps": 5, "guidance_scale": 7.5, "height": 32, "width": 32, **kw}
    return text_to_image(parts, PROMPT, negative_prompt=NEGATIVE, sampler=key, seed=seed, output_type=output_type,
                         progress=False, **kw)


def record(name, a, b):
    delta = float((torch.as_tensor(np.asarray(a, dtype=np.float64)) - torch.as_tensor(np.asarray(b, dtype=np.float64)))
                  .abs().max())
    DELTAS[name] = delta
    print(f"{name}: max |Δ| = {delta:.2e}")
    return delta


def test_from_reference_pipeline(pipe, parts):
    assert isinstance(parts, Parts)
    assert parts.scheduler_config["steps_offset"] == 1
    text = "a photo of a red cat, trending"
    ids = parts.tokenizer([text])["input_ids"]
    assert torch.equal(ids, pipe.tokenizer([text], padding="max_length", max_length=77, return_tensors="pt").input_ids)


@pytest.mark.parametrize("key", ["euler", "euler_a", "dpmpp_2m", "ddim", "dpmpp_2m_karras", "unipc", "plms", "lms",
                                 "heun", "ddpm", "dpmpp_sde_karras"])
def test_matches_diffusers(pipe, parts, key):
    a, b = ours(parts, key, "latent"), reference(pipe, key, "latent")
    assert a.shape == b.shape == (1, 4, 16, 16)
    # Euler, Euler a, Heun: bit for bit. The samplers diffusers runs on x/√(σ²+1) (DDIM, DPM, UniPC, PLMS, DDPM) or
    # with scipy's integrals (LMS) agree to fp32 rounding, which CFG 7.5 and this random UNet (latents of size
    # 25 to 70, not ~4 as a trained one gives) amplify: the bound is 1e-5 relative to the latents' size.
    assert record(f"{key} latents", a, b) <= bound(b)
    a, b = ours(parts, key, "pt"), reference(pipe, key, "pt")
    assert record(f"{key} images", a, b) <= 1 / 255


def test_pil_images_match_diffusers(pipe, parts):
    a, b = ours(parts, "euler", "pil"), reference(pipe, "euler", "pil")
    assert len(a) == len(b) == 1 and a[0].size == b[0].size == (32, 32)
    assert record("euler pil (uint8)", np.asarray(a[0]), np.asarray(b[0])) <= 1


def test_guidance_scale_one_matches_diffusers(pipe, parts):
    a, b = ours(parts, "euler", "latent", guidance_scale=1.0), reference(pipe, "euler", "latent", guidance_scale=1.0)
    assert record("euler cfg=1 latents", a, b) <= bound(b)


def test_batch_and_images_per_prompt_match_diffusers(pipe, parts):
    prompts = [PROMPT, "an oil painting of a house"]
    a = text_to_image(parts, prompts, negative_prompt=["", NEGATIVE], steps=4, seed=3, num_images_per_prompt=2,
                      height=32, width=32, output_type="latent", progress=False)
    with torch.no_grad():
        b = with_scheduler(pipe, "euler")(prompts, negative_prompt=["", NEGATIVE], num_inference_steps=4,
                                          generator=torch.Generator().manual_seed(3), num_images_per_prompt=2,
                                          height=32, width=32, output_type="latent").images
    assert a.shape == (4, 4, 16, 16)
    assert record("euler batch latents", a, b) <= bound(b)


def test_same_seed_same_image(parts):
    a, b = (ours(parts, "euler_a", "pil", seed=7)[0] for _ in range(2))
    assert np.array_equal(np.asarray(a), np.asarray(b))
    c = ours(parts, "euler_a", "latent", seed=8)
    assert not torch.equal(c, ours(parts, "euler_a", "latent", seed=7))


def test_callback_sees_every_step(parts):
    seen = []
    ours(parts, "euler", "latent", steps=3, callback=seen.append)
    assert [d["i"] for d in seen] == [0, 1, 2]


@pytest.mark.parametrize("kw,match", [
    ({"height": 30}, r"height=30 must be a positive multiple of 8"),
    ({"width": 0}, r"width=0 must be a positive multiple of 8"),
    ({"steps": 0}, r"steps=0 must be a whole number >= 1"),
    ({"sampler": "euler b"}, r"unknown sampler 'euler b'; known names: .*euler_a"),
    ({"guidance_scale": float("nan")}, r"guidance_scale=nan must be a number"),
    ({"negative_prompt": ["x", "y"]}, r"negative_prompt has 2 entries but there are 1 prompts"),
    ({"output_type": "np"}, r"output_type='np'"),
    ({"num_images_per_prompt": 0}, r"num_images_per_prompt=0"),
    ({"height": 42}, r"height=42 must be a positive multiple of 8.*e\.g\. 40"),
])
def test_errors(parts, kw, match):
    args = {"steps": 2, "height": 32, "width": 32, "progress": False, **kw}
    with pytest.raises(ValueError, match=match):
        text_to_image(parts, PROMPT, **args)


@pytest.mark.slow
def test_sd15_size_matches_diffusers():
    """SD 1.5's sizes (random weights), 64×64 px, 2 steps of Euler a with CFG: latents and image against diffusers."""
    import dataclasses

    from course.config import TextEncoderConfig
    torch.manual_seed(0)
    text_encoder = CLIPTextModel(CLIPTextConfig(**dataclasses.asdict(TextEncoderConfig.sd15()))).eval()
    unet = UNet2DConditionModel(sample_size=64, cross_attention_dim=768).eval()
    vae = AutoencoderKL(block_out_channels=(128, 256, 512, 512), sample_size=512, latent_channels=4,
                        down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4).eval()
    pipe = assemble_pipeline(text_encoder, unet, vae)
    parts = from_reference(pipe)
    assert parts.unet.config.cross_attention_dim == 768 == parts.text_encoder.config.hidden_size
    kw = {"steps": 2, "height": 64, "width": 64}
    a, b = ours(parts, "euler_a", "latent", **kw), reference(pipe, "euler_a", "latent", **kw)
    assert record("sd15 euler_a latents", a, b) <= bound(b)
    with torch.no_grad():  # decode both latents, each with its own VAE (the pipelines' "pt" path; tiny tests run it)
        a = (parts.vae.decode(a / parts.vae.scaling_factor) / 2 + 0.5).clamp(0, 1)
        b = pipe.image_processor.postprocess(pipe.vae.decode(b / vae.config.scaling_factor).sample, output_type="pt")
    assert record("sd15 euler_a images", a, b) <= 1 / 255


def test_clip_sample_is_refused_for_ddim(parts):
    clipped = Parts(parts.tokenizer, parts.text_encoder, parts.unet, parts.vae,
                    {**parts.scheduler_config, "clip_sample": True})
    with pytest.raises(ValueError, match=r"clip_sample=True.*set them to False"):
        text_to_image(clipped, PROMPT, sampler="ddim", steps=2, height=32, width=32, progress=False)


def test_empty_scheduler_config_means_sd15_and_a1111_names_work(pipe, parts):
    bare = Parts(parts.tokenizer, parts.text_encoder, parts.unet, parts.vae, {})
    a = text_to_image(bare, PROMPT, negative_prompt=NEGATIVE, sampler="DPM++ 2M Karras", steps=4, seed=0,
                      height=32, width=32, output_type="latent", progress=False)
    b = reference(pipe, "dpmpp_2m_karras", "latent", steps=4)
    assert record("dpmpp_2m_karras (empty config, A1111 name) latents", a, b) <= bound(b)


def test_long_prompt_and_weights(parts):
    """Beyond 75 tokens the prompt takes two chunks and the negative prompt is padded to two as well."""
    long = ", ".join(["a (very:1.3) detailed photo of a red cat on a green sofa"] * 8)
    seen = []
    out = text_to_image(parts, long, negative_prompt="blurry", steps=2, seed=0, height=32, width=32,
                        output_type="pt", progress=False, callback=seen.append)
    assert out.shape == (1, 3, 32, 32) and len(seen) == 2
    assert 0 <= float(out.min()) and float(out.max()) <= 1


def test_guidance_below_one_applies_the_formula(parts):
    """Scale 0 is the negative prompt alone (diffusers would turn guidance off at <= 1 and use the prompt)."""
    zero = ours(parts, "euler", "latent", guidance_scale=0.0)
    negative_alone = text_to_image(parts, NEGATIVE, steps=5, guidance_scale=1.0, sampler="euler", seed=0, height=32,
                                   width=32, output_type="latent", progress=False)
    assert float((zero - negative_alone).abs().max()) <= bound(negative_alone)
    assert not torch.allclose(ours(parts, "euler", "latent", guidance_scale=-2.0), zero)


def test_scheduler_defaults_are_not_carried_over(pipe):
    """SD 1.5's scheduler_config.json names no timestep_spacing: PNDM fills in "leading", but Euler built from that
    config takes its own default ("linspace"). from_reference keeps only what the file said, so we do the same."""
    saved = pipe.scheduler
    file_says = {k: v for k, v in SD15_SCHEDULER.items() if k != "timestep_spacing"}
    pipe.scheduler = PNDMScheduler.from_config(file_says)
    try:
        parts = from_reference(pipe)
        assert "timestep_spacing" not in parts.scheduler_config and "_use_default_values" not in parts.scheduler_config
        base = pipe.scheduler.config
        pipe.scheduler = diffusers.EulerDiscreteScheduler.from_config(base)
        assert pipe.scheduler.config.timestep_spacing == "linspace"
        with torch.no_grad():
            b = pipe(PROMPT, negative_prompt=NEGATIVE, num_inference_steps=4, height=32, width=32,
                     generator=torch.Generator().manual_seed(0), output_type="latent").images
        a = text_to_image(parts, PROMPT, negative_prompt=NEGATIVE, steps=4, sampler="euler", seed=0, height=32,
                          width=32, output_type="latent", progress=False)
        assert record("euler, spacing from the class default", a, b) <= bound(b)
    finally:
        pipe.scheduler = saved


def test_clip_skip_matches_diffusers_formula(pipe, parts):
    """clip_skip=1: the penultimate layer through final_layer_norm, as diffusers' encode_prompt computes it (fed to
    its pipeline as prompt_embeds: its own clip_skip path reads text_model, which transformers 5 removed)."""
    def embeds(text):
        ids = pipe.tokenizer([text], padding="max_length", max_length=77, return_tensors="pt").input_ids
        hidden = pipe.text_encoder(ids, output_hidden_states=True).hidden_states[-2]
        return pipe.text_encoder.final_layer_norm(hidden)

    with torch.no_grad():
        b = with_scheduler(pipe, "euler")(prompt_embeds=embeds(PROMPT), negative_prompt_embeds=embeds(NEGATIVE),
                                          num_inference_steps=4, height=32, width=32, output_type="latent",
                                          generator=torch.Generator().manual_seed(0)).images
    a = ours(parts, "euler", "latent", steps=4, clip_skip=1)
    assert record("euler clip_skip=1 latents", a, b) <= bound(b)
    assert not torch.allclose(a, ours(parts, "euler", "latent", steps=4))


def test_thread_count_changes_only_the_last_bits():
    """Same seed, same thread count: the same latents bit for bit. Another thread count sums in another order,
    so the latents may move in their last bits, and no further (what the README's "bit for bit" claim means)."""
    from course.io.loading import load_bundled

    parts, threads = load_bundled(), torch.get_num_threads()
    run = lambda: text_to_image(parts, "a red circle on a blue background", seed=1, output_type="latent",  # noqa: E731
                                progress=False)
    try:
        torch.set_num_threads(1)
        one, again = run(), run()
        torch.set_num_threads(2)
        two = run()
    finally:
        torch.set_num_threads(threads)
    assert torch.equal(one, again)
    assert record("1 vs 2 threads, bundled latents", one, two) <= bound(two)
