"""The LoRA training loop on the bundled model: it trains only the LoRA and lowers the loss on a fixed batch, a stopped
run resumes to the very same weights, and the command writes a file that loads back."""
import dataclasses

import pytest
import torch
from stopping import ctrl_c_at

from course.io import lora_files
from course.io.loading import load_bundled
from course.sampling.schedules import alphas_cumprod, betas
from course.training.lora import LoRARecipe, batch_at, encode_pictures, train_lora, train_lora_command


@pytest.fixture
def parts():
    return load_bundled()


def fixed_batch_loss(parts, pictures, recipe):
    """The ε loss of one fixed batch (the same pictures, timesteps and noise every time), without gradients."""
    g = torch.Generator().manual_seed(123)
    mean, _, captions = batch_at(pictures, recipe, 0, g)
    t = torch.linspace(50, 950, len(captions)).long()
    noise = torch.randn(mean.shape, generator=g)
    a = alphas_cumprod(betas(1000, 0.00085, 0.012, "scaled_linear"))[t].view(-1, 1, 1, 1)
    x_t = a.sqrt() * mean * parts.vae.scaling_factor + (1 - a).sqrt() * noise
    with torch.no_grad():
        context = parts.text_encoder(parts.tokenizer(captions, warn=False)["input_ids"])
        return (parts.unet(x_t, t, context) - noise).pow(2).mean().item()


def test_a_few_steps_train_only_the_lora_and_lower_the_loss(parts, tmp_path):
    recipe = dataclasses.replace(LoRARecipe(), images=8, prior_images=8, batch=8, steps=25, lr=5e-3, warmup=0,
                                 caption_dropout=0.0)
    pictures = encode_pictures(parts, recipe, "cpu")
    unet_before = {k: v.clone() for k, v in parts.unet.state_dict().items()}
    before = fixed_batch_loss(parts, pictures, recipe)
    network, losses = train_lora(parts, recipe, tmp_path)
    after = fixed_batch_loss(parts, pictures, recipe)
    assert len(losses) == 25 and after < 0.95 * before, (before, after)
    assert all(torch.equal(v, unet_before[k]) for k, v in parts.unet.state_dict().items())  # the UNet is untouched
    assert any(layer.lora_up.weight.abs().max() > 0 for layer in network.children())        # the LoRA moved
    network.scale = 0.0
    assert fixed_batch_loss(parts, pictures, recipe) == pytest.approx(before, abs=1e-6)     # weight 0 = the base model


def test_a_stopped_run_resumes_to_the_same_weights(tmp_path):
    recipe = dataclasses.replace(LoRARecipe.quick(), steps=5)

    def weights(workdir, stop_at=None):
        if stop_at is not None:  # Ctrl-C during step `stop_at`: the stage saves and raises
            with ctrl_c_at(stop_at), pytest.raises(KeyboardInterrupt, match="lora stopped at step 2"):
                train_lora(load_bundled(), recipe, workdir)
        network, losses = train_lora(load_bundled(), recipe, workdir)
        return network.state_dict(), losses

    (straight, _), (resumed, rest) = weights(tmp_path / "a"), weights(tmp_path / "b", stop_at=2)
    assert len(rest) == 3  # steps 2, 3, 4 ran after the restart
    assert straight.keys() == resumed.keys() and all(torch.equal(straight[k], resumed[k]) for k in straight)


def test_the_command_writes_a_lora_file_that_loads(tmp_path):
    out = train_lora_command(tmp_path / "pink.safetensors", tmp_path / "work", LoRARecipe.quick(), layout="diffusers")
    assert out.is_file() and out.with_suffix(".json").is_file()
    parts = load_bundled()
    network = lora_files.load_lora(parts, out)
    blocks = sum(type(m).__name__ == "BasicTransformerBlock" for m in parts.unet.modules())
    assert len(network.paths) == 8 * blocks  # q, k, v, out of attn1 and attn2 in every transformer block


def test_bad_recipes_say_what_to_do(parts, tmp_path):
    with pytest.raises(ValueError, match="prior_share=1.*in \\[0, 1\\)"):
        train_lora(parts, dataclasses.replace(LoRARecipe.quick(), prior_share=1.0), tmp_path)
    with pytest.raises(ValueError, match="images=0"):
        train_lora(parts, dataclasses.replace(LoRARecipe.quick(), images=0), tmp_path)
