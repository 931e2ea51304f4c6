"""Prompt composition (AND) and prompt editing ([cat:dog:when]) in the pipeline, against a sampling loop written
out with diffusers' own EulerDiscreteScheduler, UNet and encode_prompt: one UNet call per context, the pulls summed
by hand, the text switched at the step A1111 switches it (a text is used up to and including its end step)."""
import diffusers
import torch
from diffusers import PNDMScheduler
from reference_parts import SD15_SCHEDULER

from course.pipeline import text_to_image
from course.sampling.conditioning import Conditioning

NEGATIVE = "blurry"


@torch.no_grad()
def written_out(pipe, texts_at, weights, steps=4, scale=7.5, seed=0):
    sched = diffusers.EulerDiscreteScheduler.from_config(PNDMScheduler.from_config(SD15_SCHEDULER).config)
    sched.set_timesteps(steps)
    latents = torch.randn((1, 4, 16, 16), generator=torch.Generator().manual_seed(seed)) * sched.init_noise_sigma
    embed = lambda text: pipe.encode_prompt(text, "cpu", 1, False)[0]  # noqa: E731
    eps_of = lambda x, t, text: pipe.unet(x, t, encoder_hidden_states=embed(text)).sample  # noqa: E731
    for i, t in enumerate(sched.timesteps):
        x = sched.scale_model_input(latents, t)
        eps_u = eps_of(x, t, NEGATIVE)
        eps = eps_u + scale * sum(w * (eps_of(x, t, text) - eps_u) for w, text in zip(weights, texts_at(i)))
        latents = sched.step(eps, t, latents).prev_sample
    return latents


def ours(parts, prompt, steps=4):
    return text_to_image(parts, prompt, negative_prompt=NEGATIVE, steps=steps, seed=0, sampler="euler",
                         height=32, width=32, output_type="latent", progress=False)


def rel(a, b):
    return float((a - b).abs().max()) / max(1.0, float(b.abs().max()))


def test_and_matches_summed_pulls(pipe, parts):
    a = ours(parts, "a red cat AND a green hat :0.5")
    b = written_out(pipe, lambda i: ["a red cat", "a green hat"], [1.0, 0.5])
    assert rel(a, b) <= 1e-5


def test_negative_and_weight(pipe, parts):
    a = ours(parts, "a red cat AND a green hat :-0.7")
    b = written_out(pipe, lambda i: ["a red cat", "a green hat"], [1.0, -0.7])
    assert rel(a, b) <= 1e-5


def test_prompt_editing_switches_after_its_step(pipe, parts):
    a = ours(parts, "a photo of a [cat:dog:1]", steps=4)
    b = written_out(pipe, lambda i: ["a photo of a cat" if i <= 1 else "a photo of a dog"], [1.0])
    assert rel(a, b) <= 1e-5
    not_switched = written_out(pipe, lambda i: ["a photo of a cat"], [1.0])
    assert rel(a, not_switched) > 1e-4  # the switch changed the result


def test_rows_per_step_and_padding(parts):
    like = next(parts.unet.parameters())
    cond = Conditioning(parts, ["a [cat:dog:0.5] AND a hat", "a house"], ["", "[blurry::2]"], 4, 0, 2, like)
    c0, u0, w = cond.at(0)
    c3, u3, _ = cond.at(3)
    assert c0.shape == (2 * 2 * 2, 77, 32) and u0.shape == (4, 77, 32)  # B = 2 prompts · 2 images, J = 2
    assert w.tolist() == [[1.0, 1.0], [1.0, 1.0], [1.0, 0.0], [1.0, 0.0]]  # "a house" padded with a weight-0 part
    assert torch.equal(c0[4:], c3[4:]) and not torch.equal(c0[:2], c3[:2])  # only the edited part changes
    assert torch.equal(u0[:2], u3[:2]) and not torch.equal(u0[2:], u3[2:])  # "[blurry::2]" drops out after step 2
    assert cond.at(0)[0] is c0  # cached: the same rows are not gathered twice
