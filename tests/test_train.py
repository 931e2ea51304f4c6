"""The training code of the bundled model: every stage runs a few steps, a stopped run resumes to the very same
weights, and the folder it writes loads in the course and in diffusers' StableDiffusionPipeline alike."""
import dataclasses
import warnings

import pytest
import torch
from stopping import ctrl_c_at

from course.io.loading import from_reference, load_folder
from course.pipeline import text_to_image
from course.training import bundled as train
from course.training.stage import lr_factor


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundled")
    out = train.train_bundled(root / "model", root / "work", train.Recipe.quick(), device="cpu")
    return out, root / "work"


def test_every_stage_runs_and_writes_a_diffusers_folder(trained):
    out, work = trained
    for name in ("tokenizer/vocab.json", "tokenizer/merges.txt", "tokenizer/tokenizer_config.json",
                 "text_encoder/model.safetensors", "unet/diffusion_pytorch_model.safetensors",
                 "vae/diffusion_pytorch_model.safetensors", "scheduler/scheduler_config.json", "model_index.json",
                 "bundled.json"):
        assert (out / name).is_file(), name
    assert (work / "vae.pt").is_file() and (work / "unet.pt").is_file()
    parts = load_folder(out)
    assert parts.tokenizer.model_max_length == train.Recipe().max_length
    assert parts.unet.config.cross_attention_dim == parts.text_encoder.config.hidden_size


def test_the_unet_stage_logs_each_steps_loss_and_each_evaluation(trained):
    from course.training.flow import read_log  # one reader for the run logs of both trainers

    _, work = trained
    quick = train.Recipe.quick()
    losses = read_log(work / "unet_log.jsonl")
    assert [r["step"] for r in losses] == list(range(quick.unet_steps)) and all(r["loss"] > 0 for r in losses)
    every = quick.eval_every
    for name in ("weights", "EMA"):
        evaluations = read_log(work / "unet_log.jsonl", evaluations=name)
        assert [r["step"] for r in evaluations] == list(range(every, quick.unet_steps + 1, every))
        assert all(0 <= r["all"] <= r["position"] + 1 and r["n"] == quick.eval_prompts for r in evaluations)


def test_diffusers_loads_it_and_draws_the_same_image(trained):
    from diffusers import StableDiffusionPipeline

    out, _ = trained
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = StableDiffusionPipeline.from_pretrained(out, torch_dtype=torch.float32)
    pipe.set_progress_bar_config(disable=True)
    with torch.no_grad():
        b = pipe("a red circle on a blue background", num_inference_steps=4, height=32, width=32,
                 generator=torch.Generator().manual_seed(0), output_type="pt").images
    ours = load_folder(out)
    a = text_to_image(ours, "a red circle on a blue background", steps=4, sampler="plms", guidance_scale=7.5, seed=0,
                      height=32, width=32, output_type="pt", progress=False)
    assert float((a - b).abs().max()) <= 1 / 255
    assert from_reference(pipe).tokenizer.model_max_length == ours.tokenizer.model_max_length


def test_a_stopped_run_resumes_to_the_same_weights(tmp_path):
    recipe = dataclasses.replace(train.Recipe.quick(), vae_steps=4)

    def weights(workdir, stop_at=None):
        if stop_at is not None:  # Ctrl-C during step `stop_at`: the stage saves and raises
            with ctrl_c_at(stop_at), pytest.raises(KeyboardInterrupt, match="stopped at step 2.*Run the same command"):
                train.train_vae(recipe, workdir, torch.device("cpu"))
            assert torch.load(workdir / "vae.pt", weights_only=True)["step"] == 2
        return train.train_vae(recipe, workdir, torch.device("cpu")).state_dict()

    straight, resumed = weights(tmp_path / "a"), weights(tmp_path / "b", stop_at=2)
    assert all(torch.equal(straight[k], resumed[k]) for k in straight)


def test_load_bundled_without_the_folder_says_how_to_train(monkeypatch, tmp_path):
    from course.io import loading
    monkeypatch.setattr(loading, "BUNDLED_DIR", tmp_path / "nothing")  # where load_bundled looks
    with pytest.raises(FileNotFoundError, match="python -m course train-bundled"):
        loading.load_bundled()


def test_learning_rate_warms_up_then_follows_a_cosine_to_zero():
    warmup, steps = 10, 110
    assert lr_factor(0, warmup, steps) == pytest.approx(1 / warmup)
    assert lr_factor(warmup - 1, warmup, steps) == pytest.approx(1.0)
    assert lr_factor(warmup, warmup, steps) == pytest.approx(1.0)
    assert lr_factor(warmup + 50, warmup, steps) == pytest.approx(0.5)  # half-way down the cosine
    assert lr_factor(steps, warmup, steps) == pytest.approx(0.0, abs=1e-12)
    assert lr_factor(0, 0, steps) == pytest.approx(1.0)  # no warm-up: starts at the full rate


def test_edge_loss_is_zero_for_a_shifted_colour_and_sees_a_blurred_edge():
    x = torch.zeros(1, 3, 8, 8)
    x[..., 2:6, 2:6] = 1.0  # a square
    assert float(train.edge_loss(x + 0.3, x)) == pytest.approx(0.0, abs=1e-12)  # same edges, other brightness: only the MSE term sees it
    blurred = torch.nn.functional.avg_pool2d(x, 3, stride=1, padding=1, count_include_pad=False)
    # the loss by hand: squared differences of neighbouring pixels, along x and along y
    by_hand = sum(((b.diff(dim=d) - a.diff(dim=d)) ** 2).mean() for d in (-1, -2) for a, b in [(x, blurred)])
    assert float(train.edge_loss(blurred, x)) == pytest.approx(float(by_hand)) and float(by_hand) > 0


def test_min_snr_weighting_caps_the_weight_of_the_nearly_clean_steps():
    """With γ the loss of a sample is weighted min(SNR, γ)/SNR: 1 where SNR ≤ γ (noisy), γ/SNR above it."""
    g = torch.Generator().manual_seed(0)
    pred, noise = torch.randn(3, 4, 2, 2, generator=g), torch.randn(3, 4, 2, 2, generator=g)
    alpha_bar = torch.tensor([0.1, 0.5, 0.99])  # SNR 1/9, 1, 99
    errors = [float(((pred[i] - noise[i]) ** 2).mean()) for i in range(3)]
    assert float(train.eps_loss(pred, noise, alpha_bar, None)) == pytest.approx(sum(errors) / 3, rel=1e-6)
    by_hand = (errors[0] + errors[1] + errors[2] * 5 / 99) / 3
    assert float(train.eps_loss(pred, noise, alpha_bar, 5.0)) == pytest.approx(by_hand, rel=1e-6)
    assert float(train.eps_loss(pred, noise, alpha_bar, 1e9)) == pytest.approx(sum(errors) / 3, rel=1e-6)


def test_a_frozen_text_encoder_stays_as_given(tmp_path):
    from course.training import contrastive

    recipe = dataclasses.replace(train.Recipe.quick(), unet_steps=2)
    tok = train.train_tokenizer(recipe)
    vae = train.train_vae(recipe, tmp_path, torch.device("cpu"))
    pool = train.encode_pool(recipe, vae, torch.device("cpu"))
    te = contrastive.pretrain(recipe, tok, tmp_path / "c", torch.device("cpu"), steps=2, batch=8)
    stage = train.train_unet(recipe, tok, vae, pool, tmp_path / "u", torch.device("cpu"), frozen_text_encoder=te)
    given, after = te.state_dict(), stage.model.text_encoder.state_dict()
    assert all(torch.equal(given[k], after[k]) for k in given)
    assert stage.step == 2


def test_the_card_says_where_the_unets_cross_attention_is():
    from course.training.bundled import _attention

    every = {"sample_size": 8, "down_block_types": ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D"]}
    assert _attention(every) == "cross-attention in every block"
    sdxl_like = {"sample_size": 8, "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D"]}
    assert _attention(sdxl_like) == "cross-attention at 4×4 and in the mid block, none at 8×8"
