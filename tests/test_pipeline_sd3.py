"""SD3 without T5 against diffusers' StableDiffusion3Pipeline (text_encoder_3=None): the parts from_reference makes,
the prompt encoding (CLIP-L ‖ CLIP-G, padded, then T5's zeros; the pooled vectors), and text_to_image end to end.

Same tiny random pipeline (tests/reference_sd3.py, converted with from_reference), same scheduler config, same seed:
the prompt encoding within 1e-5, latents within 1e-5 relative to their size (as tests/test_pipeline.py), images
within 1/255.
"""
import warnings

import numpy as np
import pytest
import torch
from reference_sd3 import SD3_SCHEDULER, sd3

from course.io.loading import from_reference
from course.nets.sd3_text import encode_prompt_sd3
from course.sampling.flow import flow_config

PROMPT, NEGATIVE = "a red circle on a blue background", "a gray square"


@pytest.fixture(scope="module")
def pair():
    pipe = sd3()
    return pipe, from_reference(pipe)


def delta(a, b) -> float:
    a, b = (torch.as_tensor(np.asarray(x, dtype=np.float64)) for x in (a, b))
    assert a.shape == b.shape, (a.shape, b.shape)
    return float((a - b).abs().max())


# ---- the parts --------------------------------------------------------------------------------------------------

def test_parts_hold_the_mmdit_two_clips_and_the_shifted_vae(pair):
    pipe, parts = pair
    assert parts.unet is None and parts.is_sd3 and not parts.is_sdxl
    assert parts.transformer.config.joint_attention_dim == pipe.transformer.config.joint_attention_dim
    assert parts.text_encoder.text_projection is not None and parts.text_encoder_2.text_projection is not None
    assert parts.vae.config.latent_channels == 16
    assert (parts.vae.scaling_factor, parts.vae.shift_factor) == (pipe.vae.config.scaling_factor,
                                                                   pipe.vae.config.shift_factor)
    assert flow_config(parts.scheduler_config)["shift"] == SD3_SCHEDULER["shift"]
    assert parts.device == torch.device("cpu") and parts.dtype == torch.float32


def test_the_vae_shifts_as_diffusers_decodes(pair):
    """diffusers decodes latents / scaling_factor + shift_factor; VAE.from_latent does the same."""
    pipe, parts = pair
    latents = torch.randn(1, 16, 8, 8, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        theirs = pipe.vae.decode(latents / pipe.vae.config.scaling_factor + pipe.vae.config.shift_factor).sample
        assert delta(parts.vae.from_latent(latents), theirs) <= 1e-5
        image = torch.rand(1, 3, 16, 16, generator=torch.Generator().manual_seed(1)) * 2 - 1
        ours = parts.vae.to_latent(image, torch.Generator().manual_seed(2))
        expected = (pipe.vae.encode(image).latent_dist.sample(torch.Generator().manual_seed(2))
                    - pipe.vae.config.shift_factor) * pipe.vae.config.scaling_factor
    assert delta(ours, expected) <= 1e-5


def test_parts_to_moves_the_mmdit(pair):
    """Parts.to reaches the transformer (not only the UNet, which SD3 parts lack). Own parts: bfloat16 and back
    would round the shared ones' weights."""
    parts = from_reference(pair[0]).to(dtype=torch.bfloat16)
    assert parts.dtype == torch.bfloat16 and next(parts.transformer.parameters()).dtype == torch.bfloat16
    assert next(parts.text_encoder_2.parameters()).dtype == torch.bfloat16


def test_save_folder_refuses_sd3_parts(pair, tmp_path):
    from course.io.loading import save_folder

    _, parts = pair
    with pytest.raises(ValueError, match="SD3's MMDiT.*save_pretrained"):
        save_folder(parts, tmp_path / "sd3")
    assert not (tmp_path / "sd3").exists()


def test_a_t5_encoder_is_refused_by_name(pair):
    pipe, _ = pair
    fake = torch.nn.Linear(1, 1)  # stands for a T5EncoderModel: the refusal is by presence, not by class
    pipe.text_encoder_3 = fake
    try:
        with pytest.raises(ValueError, match="text_encoder_3.*leaves T5 out.*zeros.*dropped"):
            from_reference(pipe)
    finally:
        pipe.text_encoder_3 = None


# ---- the prompt -------------------------------------------------------------------------------------------------

CASES = {
    "one prompt, no negative": dict(prompt=PROMPT),
    "two prompts, negative, 2 images each": dict(prompt=[PROMPT, "a green triangle"], negative_prompt=NEGATIVE,
                                                 num_images_per_prompt=2),
    "prompt_2 and negative_prompt_2": dict(prompt=PROMPT, prompt_2="a purple square", negative_prompt=[NEGATIVE],
                                           negative_prompt_2=["a white circle"]),
}


@pytest.mark.parametrize("case", CASES)
def test_encode_prompt_equals_diffusers(pair, case):
    pipe, parts = pair
    kw = CASES[case]
    with torch.no_grad():
        theirs = pipe.encode_prompt(prompt_3=None, device="cpu", prompt_2=kw.get("prompt_2"),
                                    **{k: v for k, v in kw.items() if k != "prompt_2"})
        ours = encode_prompt_sd3([parts.tokenizer, parts.tokenizer_2], [parts.text_encoder, parts.text_encoder_2],
                                 joint_attention_dim=parts.transformer.config.joint_attention_dim, **kw)
    context, negative_context, pooled, negative_pooled = theirs
    width = parts.text_encoder.config.hidden_size + parts.text_encoder_2.config.hidden_size
    assert context.shape[1:] == (77 + 256, parts.transformer.config.joint_attention_dim)
    assert pooled.shape[1] == sum(e.config.projection_dim for e in (parts.text_encoder, parts.text_encoder_2))
    assert context[:, :77, width:].abs().max() == 0 and context[:, 77:].abs().max() == 0  # the padding, no T5
    for got, expected in zip(ours, (context, pooled, negative_context, negative_pooled)):
        assert delta(got, expected) <= 1e-5


def test_without_guidance_there_are_no_negatives(pair):
    _, parts = pair
    out = encode_prompt_sd3([parts.tokenizer, parts.tokenizer_2], [parts.text_encoder, parts.text_encoder_2], PROMPT,
                            joint_attention_dim=96, guidance=False)
    assert out.negative_context is None and out.negative_pooled is None


def test_clip_wider_than_the_transformer_is_refused(pair):
    """diffusers would pad by a negative width, cutting CLIP-G's channels off silently."""
    _, parts = pair
    with pytest.raises(ValueError, match="joint_attention_dim=64.*different models"):
        encode_prompt_sd3([parts.tokenizer, parts.tokenizer_2], [parts.text_encoder, parts.text_encoder_2], PROMPT,
                          joint_attention_dim=64)


def test_sdxl_first_encoder_without_projection_is_refused(pair):
    _, parts = pair
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from reference_sdxl import sdxl_base
        xl = from_reference(sdxl_base())
    with pytest.raises(ValueError, match="both with a text_projection"):
        encode_prompt_sd3([xl.tokenizer, xl.tokenizer_2], [xl.text_encoder, xl.text_encoder_2], PROMPT)


# ---- text to image ----------------------------------------------------------------------------------------------

def bound(reference: torch.Tensor) -> float:
    """1e-5 relative to the latents' size (see tests/test_pipeline.py: fp32 sums of a random tiny network)."""
    return 1e-5 * max(1.0, float(reference.abs().max()))


RUNS = {  # (steps, guidance_scale, extra arguments): CFG on and off, a negative prompt, several step counts
    "2 steps, CFG 5": (2, 5.0, {}),
    "4 steps, no CFG": (4, 1.0, {}),
    "3 steps, CFG 4, negative, 2 per prompt": (3, 4.0, {"negative_prompt": NEGATIVE, "num_images_per_prompt": 2}),
    "5 steps, two prompts, negative_prompt_2": (5, 6.0, {"negative_prompt": [NEGATIVE, ""],
                                                         "negative_prompt_2": ["a white circle", "a black square"]}),
}


def theirs(pipe, steps, scale, prompt=PROMPT, seed=0, **kw):
    with torch.no_grad():
        return pipe(prompt, num_inference_steps=steps, guidance_scale=scale,
                    generator=torch.Generator().manual_seed(seed), **kw).images


@pytest.mark.parametrize("run", RUNS)
def test_text_to_image_equals_diffusers(pair, run):
    """course.pipeline.text_to_image on SD3 parts: latents within 1e-5 (relative), images within 1/255."""
    from course.pipeline import text_to_image

    pipe, parts = pair
    steps, scale, kw = RUNS[run]
    prompt = [PROMPT, "a green triangle"] if isinstance(kw.get("negative_prompt"), list) else PROMPT
    for output_type in ("latent", "pt"):
        expected = theirs(pipe, steps, scale, prompt, output_type=output_type, **kw)
        got = text_to_image(parts, prompt, steps=steps, guidance_scale=scale, sampler="flow_euler", seed=0,
                            output_type=output_type, progress=False, **kw)
        assert delta(got, expected) <= (1 / 255 if output_type == "pt" else bound(expected)), output_type


def test_pil_images_and_defaults_match_diffusers(pair):
    """Left out, steps/guidance/sampler are diffusers' (28, 7.0, FlowMatchEuler) and the size is sample_size × the
    VAE's factor; the PIL pictures are diffusers' pixel for pixel (within one level) and carry their seed."""
    from course.sampling.sd3 import text_to_image_sd3

    pipe, parts = pair
    expected = theirs(pipe, 28, 7.0, output_type="np")  # diffusers' own defaults, passed explicitly
    with torch.no_grad():
        default_run = pipe(PROMPT, generator=torch.Generator().manual_seed(3), output_type="np").images
    got = text_to_image_sd3(parts, PROMPT, seed=0, progress=False)
    assert got[0].size == (expected.shape[2], expected.shape[1]) and got[0].info["seed"] == 0
    assert np.abs(np.asarray(got[0], dtype=np.float64) / 255 - expected[0]).max() <= 1 / 255 + 1e-6
    ours_default = text_to_image_sd3(parts, PROMPT, seed=3, output_type="pt", progress=False)
    assert delta(ours_default.permute(0, 2, 3, 1), default_run) <= 1 / 255


def test_heun_is_the_flow_heun_scheduler(pair):
    """"flow_heun" (and the SD name "heun") against FlowMatchHeunDiscreteScheduler: diffusers counts 2 model calls
    per step but the same number of steps."""
    from diffusers import FlowMatchHeunDiscreteScheduler

    from course.sampling.sd3 import text_to_image_sd3

    pipe, parts = pair
    euler = pipe.scheduler
    pipe.scheduler = FlowMatchHeunDiscreteScheduler.from_config(euler.config)
    try:
        expected = theirs(pipe, 3, 5.0, output_type="latent")
    finally:
        pipe.scheduler = euler
    got = text_to_image_sd3(parts, PROMPT, steps=3, guidance_scale=5.0, sampler="heun", seed=0, output_type="latent",
                            progress=False)
    assert delta(got, expected) <= bound(expected)


def test_the_prompt_and_the_guidance_matter(pair):
    """Not a test that cannot fail: another prompt, or no guidance, gives other latents."""
    from course.sampling.sd3 import text_to_image_sd3

    _, parts = pair
    run = lambda prompt, scale: text_to_image_sd3(parts, prompt, steps=2, guidance_scale=scale, seed=0,  # noqa: E731
                                                  output_type="latent", progress=False)
    base = run(PROMPT, 5.0)
    assert delta(base, run("a green triangle", 5.0)) > 1e-3 and delta(base, run(PROMPT, 1.0)) > 1e-3


REFUSED = {
    "control": ({"control": [("net", "hint", 1.0)]}, "control: not available for SD3"),
    "size conditioning": ({"original_size": (64, 64)}, "original_size: not available for SD3"),
    "an SD sampler": ({"sampler": "dpmpp_2m"}, "sampler='dpmpp_2m': SD3 samples a rectified flow"),
    "a size off the patch grid": ({"height": 22}, "height=22 must be a positive multiple of 4"),
    "bad steps": ({"steps": 0}, "steps=0 must be a whole number >= 1"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_refusals_name_the_argument(pair, case):
    from course.pipeline import text_to_image

    _, parts = pair
    kw, message = REFUSED[case]
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        text_to_image(parts, PROMPT, progress=False, **kw)


def test_image_to_image_and_inpaint_refuse_sd3_parts(pair):
    from course.pipeline import image_to_image, inpaint

    _, parts = pair
    image = torch.rand(3, 32, 32)
    with pytest.raises(ValueError, match="SD3 parts.*text to image"):
        image_to_image(parts, PROMPT, image)
    with pytest.raises(ValueError, match="SD3 parts.*text to image"):
        inpaint(parts, PROMPT, image, torch.ones(32, 32))


def test_dynamic_shifting_follows_diffusers(pair):
    """A scheduler config with use_dynamic_shifting: μ from the token count, as the pipeline's calculate_shift."""
    import dataclasses

    from diffusers import FlowMatchEulerDiscreteScheduler

    from course.io.pipeline_parts import scheduler_config_from_reference
    from course.sampling.sd3 import text_to_image_sd3

    pipe, parts = pair
    euler = pipe.scheduler
    pipe.scheduler = FlowMatchEulerDiscreteScheduler(use_dynamic_shifting=True, base_image_seq_len=16,
                                                     max_image_seq_len=256)
    try:
        expected = theirs(pipe, 3, 5.0, output_type="latent")
        config = scheduler_config_from_reference(pipe.scheduler)
    finally:
        pipe.scheduler = euler
    got = text_to_image_sd3(dataclasses.replace(parts, scheduler_config=config), PROMPT, steps=3, guidance_scale=5.0,
                            seed=0, output_type="latent", progress=False)
    assert delta(got, expected) <= bound(expected)
    static = text_to_image_sd3(parts, PROMPT, steps=3, guidance_scale=5.0, seed=0, output_type="latent",
                               progress=False)
    assert delta(static, expected) > 1e-3  # the shift made a difference


def test_callback_sees_every_step(pair):
    from course.pipeline import text_to_image

    _, parts = pair
    seen = []
    text_to_image(parts, PROMPT, steps=3, seed=0, output_type="latent", progress=False,
                  callback=lambda d: seen.append((d["i"], float(d["sigma"]))))
    assert [i for i, _ in seen] == [0, 1, 2] and seen[0][1] == 1.0
