"""The training code of the bundled model: every stage runs a few steps, a stopped run resumes to the very same
weights, and the folder it writes loads in the course and in diffusers' StableDiffusionPipeline alike."""
import dataclasses
import warnings

import pytest
import torch

from course import train
from course.loading import from_reference, load_folder
from course.pipeline import text_to_image


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
            original = train.Stage.update

            def update(self, loss):
                if self.step == stop_at:
                    raise KeyboardInterrupt
                original(self, loss)
            train.Stage.update = update
            try:
                with pytest.raises(KeyboardInterrupt, match="stopped at step 2.*Run the same command again"):
                    train.train_vae(recipe, workdir, torch.device("cpu"))
            finally:
                train.Stage.update = original
            assert torch.load(workdir / "vae.pt", weights_only=True)["step"] == 2
        return train.train_vae(recipe, workdir, torch.device("cpu")).state_dict()

    straight, resumed = weights(tmp_path / "a"), weights(tmp_path / "b", stop_at=2)
    assert all(torch.equal(straight[k], resumed[k]) for k in straight)


def test_load_bundled_without_the_folder_says_how_to_train(monkeypatch, tmp_path):
    from course import loading
    monkeypatch.setattr(train, "BUNDLED_DIR", tmp_path / "nothing")
    with pytest.raises(FileNotFoundError, match="python -m course train-bundled"):
        loading.load_bundled()
