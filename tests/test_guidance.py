"""Classifier-free guidance: the formula, one batched call, and no uncond call at scale 1."""
import pytest
import torch

from course.sampling.guidance import classifier_free_guidance
from course.sampling.samplers import Denoiser
from course.sampling.schedules import alphas_cumprod, betas


class CountingModel:
    """A fake model whose output depends on x, s and the context; counts its calls and batch sizes."""

    def __init__(self):
        self.batches = []

    def __call__(self, x, s, context):
        self.batches.append(x.shape[0])
        return torch.tanh(x) * (1 + torch.as_tensor(s) / 1000) + context.mean(dim=(1, 2))[:, None, None, None]


def data(seed=0, b=2):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(b, 4, 8, 8, generator=g), torch.randn(b, 77, 32, generator=g),
            torch.randn(b, 77, 32, generator=g))


@pytest.mark.parametrize("scale", [0.0, 3.0, 7.5, -1.0])
def test_matches_direct_computation_in_one_call(scale):
    x, cond, uncond = data()
    model = CountingModel()
    out = classifier_free_guidance(model, scale)(x, 0.5, cond=cond, uncond=uncond)
    direct_uncond, direct_cond = CountingModel()(x, 0.5, uncond), CountingModel()(x, 0.5, cond)
    expected = direct_uncond + scale * (direct_cond - direct_uncond)
    assert float((out - expected).abs().max()) <= 1e-6
    assert model.batches == [4]  # one call on [uncond, cond]


def test_scale_one_is_a_single_conditional_call():
    x, cond, uncond = data()
    model = CountingModel()
    out = classifier_free_guidance(model, 1.0)(x, 0.5, cond=cond, uncond=uncond)
    assert model.batches == [2]
    assert torch.equal(out, CountingModel()(x, 0.5, cond))


def test_guiding_the_denoiser_equals_guiding_epsilon():
    """D = x - σ ε̂ is affine in ε̂: guidance commutes with the denoiser (up to float rounding)."""
    x, cond, uncond = data(1)
    ac = alphas_cumprod(betas())
    eps_model = CountingModel()
    outer = classifier_free_guidance(Denoiser(eps_model, ac), 7.5)(x * 5, 5.0, cond=cond, uncond=uncond)
    inner = Denoiser(classifier_free_guidance(eps_model, 7.5), ac)(x * 5, 5.0, cond=cond, uncond=uncond)
    assert float((outer - inner).abs().max()) <= 1e-5


def test_errors():
    with pytest.raises(ValueError, match=r"guidance_scale=nan must be a number"):
        classifier_free_guidance(CountingModel(), float("nan"))
    with pytest.raises(ValueError, match=r"guidance_scale='7' must be a number"):
        classifier_free_guidance(CountingModel(), "7")
    x, cond, _ = data()
    with pytest.raises(ValueError, match=r"uncond context \(2, 154, 32\) and cond context \(2, 77, 32\) differ"):
        classifier_free_guidance(CountingModel(), 7.5)(x, 0.5, cond=cond, uncond=torch.cat([cond, cond], 1))


@pytest.mark.parametrize("scale", [1.0, 7.5])
def test_composable_weights_sum_the_pulls_in_one_call(scale):
    """AND: uncond + s · Σ_j w_j (cond_j - uncond), J contexts per image, all in one batched call."""
    g = torch.Generator().manual_seed(3)
    x, uncond = torch.randn(2, 4, 8, 8, generator=g), torch.randn(2, 77, 32, generator=g)
    cond = torch.randn(2 * 3, 77, 32, generator=g)  # image 0's three parts, then image 1's
    weights = torch.tensor([[1.0, 0.5, 0.0], [0.2, -0.4, 1.0]])
    model = CountingModel()
    out = classifier_free_guidance(model, scale)(x, 0.5, cond=cond, uncond=uncond, weights=weights)
    assert model.batches == [2 + 6]
    for b in range(2):
        u = CountingModel()(x[b:b + 1], 0.5, uncond[b:b + 1])
        pulls = [weights[b, j] * (CountingModel()(x[b:b + 1], 0.5, cond[3 * b + j:3 * b + j + 1]) - u) for j in range(3)]
        assert float((out[b:b + 1] - (u + scale * sum(pulls))).abs().max()) <= 1e-5
    with pytest.raises(ValueError, match=r"weights \(2, 2\) and cond \(6, 77, 32\) do not fit"):
        classifier_free_guidance(model, scale)(x, 0.5, cond=cond, uncond=uncond, weights=weights[:, :2])
