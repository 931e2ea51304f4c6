"""Reflow (course/training/reflow.py): each pair is a noise and the picture the model's own ODE carries it to, the
loss pulls the velocity towards the straight line between the two, and a short run of the fine-tune learns."""
import dataclasses

import pytest
import torch

from course.sampling.flow_pipeline import flow_text_to_image, load_bundled_flow
from course.training.flow import FlowRecipe, TextAndMMDiT
from course.training.reflow import ReflowRecipe, make_pairs, reflow_loss, train_reflow

QUICK = dataclasses.replace(ReflowRecipe(), pairs=5, pair_steps=3, steps=3, batch=4, warmup=1)


@pytest.fixture(scope="module")
def parts():
    torch.set_num_threads(1)
    return load_bundled_flow()


def _copy(parts):
    both = TextAndMMDiT(FlowRecipe(mmdit=parts.transformer.config, text=parts.text_encoder.config))
    both.text_encoder.load_state_dict(parts.text_encoder.state_dict())
    both.transformer.load_state_dict(parts.transformer.state_dict())
    return both


def test_each_pair_is_a_noise_and_where_the_models_ode_takes_it(parts):
    pairs = make_pairs(parts, QUICK, chunk=2)  # chunks of 2 for 5 pairs: the order must survive the chunking
    assert len(pairs["captions"]) == 5 and pairs["noise"].shape == pairs["latents"].shape == (5, 4, 8, 8)
    for i in (0, 3, 4):
        alone = flow_text_to_image(parts, [pairs["captions"][i]], steps=3, guidance_scale=QUICK.guidance_scale,
                                   output_type="latent", latents=pairs["noise"][i:i + 1])
        assert torch.allclose(alone[0], pairs["latents"][i], atol=1e-5)
    assert not torch.allclose(pairs["noise"], pairs["latents"])


def test_the_loss_is_zero_for_the_straight_line_between_each_pair(parts, monkeypatch):
    pairs = make_pairs(parts, QUICK)
    both = _copy(parts)
    assert reflow_loss(both, parts.tokenizer, pairs, QUICK, 0).item() > 0
    from course.training import reflow

    def straight(net):  # a model that knows each pair: v = noise - picture, read back from x_σ and σ
        def v(x, t, context):
            sigma = (t / 1000).view(-1, 1, 1, 1)
            rows = [min(range(5), key=lambda j: ((x[b] - ((1 - sigma[b]) * pairs["latents"][j]
                                                         + sigma[b] * pairs["noise"][j])).abs().sum()))
                    for b in range(len(x))]
            return pairs["noise"][rows] - pairs["latents"][rows]
        return v

    monkeypatch.setattr(reflow, "velocity_fn", straight)
    assert reflow_loss(both, parts.tokenizer, pairs, QUICK, 0).item() < 1e-10


def test_a_short_fine_tune_moves_the_weights_and_resumes(parts, tmp_path):
    stage, tuned = train_reflow(QUICK, tmp_path, parts=parts)
    assert stage.step == QUICK.steps and (tmp_path / "pairs.pt").is_file() and (tmp_path / "reflow.pt").is_file()
    before = parts.transformer.state_dict()
    assert any(not torch.equal(before[k], v) for k, v in stage.model.transformer.state_dict().items())
    again, _ = train_reflow(QUICK, tmp_path, parts=parts)  # the finished run is found and not trained again
    assert again.step == QUICK.steps
    other = dataclasses.replace(QUICK, lr=1e-3)
    with pytest.raises(ValueError, match="lr"):  # a checkpoint of other settings is refused by name
        train_reflow(other, tmp_path, parts=parts)


def test_the_starting_noise_can_be_given(parts):
    drawn = torch.randn((2, 4, 8, 8), generator=torch.Generator().manual_seed(9))
    same = flow_text_to_image(parts, ["a red circle", "a blue square"], steps=2, seed=9, output_type="latent")
    given = flow_text_to_image(parts, ["a red circle", "a blue square"], steps=2, seed=0, output_type="latent",
                               latents=drawn)
    assert torch.equal(same, given)  # seed 9 draws exactly this noise first
    with pytest.raises(ValueError, match=r"latents \(1, 4, 8, 8\): pass noise of shape \(2, 4, 8, 8\)"):
        flow_text_to_image(parts, ["a", "b"], steps=2, latents=drawn[:1])
