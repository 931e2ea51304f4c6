"""Training the bundled model's IP-Adapter (course/training/ip_adapter.py) and its image encoder
(course/training/image_encoder.py): only the adapter's weights change and it learns, a stopped run resumes to the
same weights, bad recipes are refused before any work, the encoder's folder is transformers' own, the command writes
a folder that loads, and the shipped adapter loads and at scale 0 draws exactly what the plain model draws."""
import dataclasses
import json

import numpy as np
import pytest
import torch
from stopping import ctrl_c_at

from course.io.ip_adapter_files import load_bundled_ip_adapter, load_image_encoder, load_ip_adapter, save_image_encoder
from course.io.loading import load_bundled
from course.nets.image_encoder import ImageEncoder
from course.nets.ip_adapter import IPAdapter
from course.parts import BUNDLED_IP_ADAPTER_DIR
from course.pipeline import text_to_image
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.image_encoder import ImageEncoderRecipe, contrastive_batch, train_image_encoder
from course.training.ip_adapter import (
    IPAdapterRecipe,
    make_pool,
    place_caption,
    reference_spec,
    train_ip_adapter,
    train_ip_adapter_command,
)

QUICK, ENCODER = IPAdapterRecipe.quick(), ImageEncoderRecipe.quick()


def encoder(seed: int = 0) -> ImageEncoder:
    torch.manual_seed(seed)
    return ImageEncoder(ENCODER.config()).eval()


def states(*modules) -> list[dict]:
    return [{k: v.clone() for k, v in m.state_dict().items()} for m in modules]


def same(module, state) -> bool:
    return all(torch.equal(v, state[k]) for k, v in module.state_dict().items())


def pool_loss(parts, pool) -> float:
    """The ε loss of the whole pool with its captions and pictures, fixed timesteps and noise, no gradients."""
    g = torch.Generator().manual_seed(123)
    t = torch.linspace(50, 950, len(pool["captions"])).long()
    noise = torch.randn(pool["mean"].shape, generator=g)
    x_t = add_noise(pool["mean"] * parts.vae.scaling_factor, noise, training_alphas_cumprod(parts.scheduler_config)[t])
    with torch.no_grad():
        context = parts.text_encoder(parts.tokenizer(pool["captions"], warn=False)["input_ids"])
        return (parts.unet(x_t, t, context, image_embeds=pool["embeds"]) - noise).pow(2).mean().item()


# ---- the data ----------------------------------------------------------------------------------------------------

def test_captions_leave_out_colour_and_shape_and_references_keep_them():
    rng = np.random.default_rng(0)
    words = set(data.COLOURS) | set(data.SHAPES)
    for _ in range(200):
        spec = data.sample_spec(rng)
        text, ref = place_caption(spec, rng), reference_spec(spec, rng)
        assert not words & set(text.replace(",", "").split()) - {spec.background}
        assert (ref.colour, ref.shape) == (spec.colour, spec.shape)
        assert data.split_of(ref.colour, ref.shape, ref.background) == "train"
    # drawn independently of the target: every background and place turns up for one target
    refs = [reference_spec(data.Spec("red", "circle", "blue", "center"), rng) for _ in range(300)]
    assert {r.position for r in refs} == set(data.POSITIONS) and "blue" in {r.background for r in refs}


def test_contrastive_batches_are_a_pure_function_of_seed_and_step():
    a, b = contrastive_batch(ENCODER, 3), contrastive_batch(ENCODER, 3)
    assert a[1] == b[1] and all(np.array_equal(x, y) for x, y in zip(a[0], b[0]))
    assert contrastive_batch(ENCODER, 4)[1] != a[1]
    assert all(data.split_of(s.colour, s.shape, s.background) == "train" for s in a[2])


# ---- training ----------------------------------------------------------------------------------------------------

def test_a_short_run_trains_the_adapter_alone_and_lowers_the_loss(tmp_path):
    parts, enc = load_bundled(), encoder()
    before = states(parts.unet, parts.text_encoder, parts.vae, enc)
    recipe = dataclasses.replace(QUICK, batch=8, steps=30, lr=1e-2, warmup=0, text_dropout=0.0, image_dropout=0.0,
                                 both_dropout=0.0)
    pool = make_pool(parts, enc, recipe, "cpu")
    torch.manual_seed(recipe.seed)  # the adapter as training starts it
    start_adapter = IPAdapter(parts.unet, enc.config.projection_dim, recipe.num_tokens).attach()
    start = pool_loss(parts, pool)
    start_adapter.remove()
    adapter, losses = train_ip_adapter(parts, enc, recipe, tmp_path / "b")
    assert len(losses) == 30 and parts.unet.ip_adapter is adapter and parts.image_encoder is enc
    assert pool_loss(parts, pool) < 0.8 * start
    for module, state in zip((parts.unet, parts.text_encoder, parts.vae, enc), before):
        assert same(module, state)  # the UNet's state_dict holds no adapter weight: it is lent, not added
    assert all(k.startswith(("image_proj.", "ip_adapter.")) for k in adapter.state_dict())
    assert not any(p.requires_grad for p in adapter.parameters())
    with pytest.raises(ValueError, match="already has an IP-Adapter"):
        train_ip_adapter(parts, enc, QUICK, tmp_path / "c")


def test_a_stopped_run_resumes_to_the_same_weights_and_a_changed_recipe_is_refused(tmp_path):
    recipe = dataclasses.replace(QUICK, steps=5)

    def run(workdir, stop_at=None):
        if stop_at is not None:
            with ctrl_c_at(stop_at), pytest.raises(KeyboardInterrupt, match="ip_adapter stopped at step 2"):
                train_ip_adapter(load_bundled(), encoder(), recipe, workdir)
        adapter, losses = train_ip_adapter(load_bundled(), encoder(), recipe, workdir)
        return adapter.state_dict(), losses

    (straight, _), (resumed, rest) = run(tmp_path / "a"), run(tmp_path / "b", stop_at=2)
    assert len(rest) == 3 and all(torch.equal(straight[k], resumed[k]) for k in straight)
    with pytest.raises(ValueError, match=r"reference \"other\" → \"same\".*--restart"):
        train_ip_adapter(load_bundled(), encoder(), dataclasses.replace(recipe, reference="same"), tmp_path / "a")
    with pytest.raises(ValueError, match=r"image_encoder \"[0-9a-f]{16}\" → \"[0-9a-f]{16}\""):  # another encoder
        train_ip_adapter(load_bundled(), encoder(seed=1), recipe, tmp_path / "a")


@pytest.mark.parametrize("changes,says", [
    (dict(reference="target"), "reference='target'"),
    (dict(captions="none"), "captions='none'"),
    (dict(pool=0), "pool=0"),
    (dict(num_tokens=0), "num_tokens=0"),
    (dict(t_exponent=0.0), "t_exponent=0.0 must be > 0"),
    (dict(text_dropout=-0.1), "each >= 0"),
    (dict(text_dropout=0.5, image_dropout=0.3, both_dropout=0.2), "together < 1"),
    (dict(lr=float("nan")), "lr=nan must be a finite number"),
    (dict(steps=0), "steps=0 must be > 0"),
])
def test_bad_recipes_say_what_to_do(tmp_path, changes, says):
    with pytest.raises(ValueError, match=says):
        train_ip_adapter(load_bundled(), encoder(), dataclasses.replace(QUICK, **changes), tmp_path)
    assert not (tmp_path / "ip_adapter.pt").exists()


def test_the_image_encoder_trains_alone_and_saves_as_transformers_reads_it(tmp_path):
    from transformers import CLIPVisionModelWithProjection

    parts = load_bundled()
    text_before = states(parts.text_encoder)[0]
    pair, losses = train_image_encoder(parts, ENCODER, tmp_path / "w")
    assert len(losses) == ENCODER.steps and same(parts.text_encoder, text_before)
    folder = save_image_encoder(pair.image_encoder, tmp_path / "image_encoder")
    pixels = torch.randn(2, 3, 32, 32, generator=torch.Generator().manual_seed(0))
    ours = load_image_encoder(folder)
    assert torch.equal(ours(pixels), pair.image_encoder(pixels))
    theirs = CLIPVisionModelWithProjection.from_pretrained(folder).eval()
    with torch.no_grad():
        assert (theirs(pixel_values=pixels).image_embeds - ours(pixels)).abs().max() <= 1e-5
    with pytest.raises(ValueError, match="hidden_size=30 does not split"):
        train_image_encoder(parts, dataclasses.replace(ENCODER, hidden_size=30), tmp_path / "bad")


# ---- the command and the shipped adapter -------------------------------------------------------------------------

def test_the_command_writes_a_folder_that_loads(tmp_path):
    out = train_ip_adapter_command(tmp_path / "model", tmp_path / "work", QUICK, ENCODER, eval_n=4)
    info = json.loads((out / "ip_adapter.json").read_text())
    assert info["recipe"]["steps"] == QUICK.steps and set(info["image_encoder"]["zero_shot"]) == {"train", "heldout"}
    parts = load_bundled()
    adapter = load_ip_adapter(parts.unet, out / "ip_adapter.safetensors")
    trained, _ = train_ip_adapter(load_bundled(), load_image_encoder(out / "image_encoder"), QUICK, tmp_path / "again")
    assert all(torch.equal(v, trained.state_dict()[k]) for k, v in adapter.state_dict().items())


def test_cli(monkeypatch, tmp_path, capsys):
    from course.__main__ import main

    with pytest.raises(SystemExit):
        main(["train-ip-adapter", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"default {IPAdapterRecipe().steps}" in text and f"default {ImageEncoderRecipe().steps}" in text
    seen = {}
    monkeypatch.setattr("course.training.ip_adapter.train_ip_adapter_command",
                        lambda *a, **kw: seen.update(kw, out=a[0], recipe=a[2], encoder=a[3]))
    argv = ["train-ip-adapter", "--workdir", str(tmp_path / "w"), "--out", str(tmp_path / "m")]
    assert main(argv + ["--steps", "7", "--lr", "1e-3", "--batch", "8", "--reference", "same", "--captions", "full",
                        "--encoder-steps", "9", "--restart", "--device", "cpu"]) == 0
    assert (seen["recipe"].steps, seen["recipe"].batch, seen["recipe"].reference, seen["recipe"].captions) \
        == (7, 8, "same", "full")
    assert seen["encoder"].steps == 9 and seen["restart"] is True and seen["image_encoder"] is None
    assert main(argv) == 0 and seen["recipe"] == IPAdapterRecipe() and seen["encoder"] == ImageEncoderRecipe()
    assert main(argv + ["--image-encoder", str(tmp_path)]) == 2
    assert "holds no config.json" in capsys.readouterr().err
    assert main(argv + ["--reference", "target"]) == 2


def test_the_shipped_adapter_loads_and_scale_0_is_the_plain_model():
    assert (BUNDLED_IP_ADAPTER_DIR / "ip_adapter.safetensors").stat().st_size <= 5e6
    plain, parts = load_bundled(), load_bundled()
    adapter = load_bundled_ip_adapter(parts)
    assert parts.unet.ip_adapter is adapter and parts.image_encoder.config.projection_dim == adapter.image_embed_dim
    picture = torch.from_numpy(data.render(data.Spec("purple", "triangle", "green", "top left"), 32))
    picture = picture.permute(2, 0, 1).float() / 255
    prompt = "on a white background, in the bottom right"
    want = text_to_image(plain, prompt, seed=0, output_type="pt", progress=False)
    off = text_to_image(parts, prompt, seed=0, output_type="pt", progress=False, ip_adapter_image=picture,
                        ip_adapter_scale=0.0)
    on = text_to_image(parts, prompt, seed=0, output_type="pt", progress=False, ip_adapter_image=picture)
    assert torch.equal(off, want) and (on - want).abs().max() > 0.1
    with pytest.raises(ValueError, match="already has an IP-Adapter attached"):
        load_bundled_ip_adapter(parts)
