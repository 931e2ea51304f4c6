"""Tests for course/nets/vae.py: parity with diffusers' AutoencoderKL (encode, sample, kl, decode), and the errors."""
from __future__ import annotations

import time
import warnings
from dataclasses import asdict, replace

import pytest
import torch
from diffusers import AutoencoderKL
from diffusers.models.autoencoders.vae import DiagonalGaussianDistribution

from course.config import VAEConfig
from course.io.loading import from_reference
from course.io.weights import load_weights
from course.nets.vae import VAE, DiagonalGaussian

TOL = 1e-5

CONFIGS = {
    "tiny": VAEConfig.tiny(),
    "three_blocks": VAEConfig(block_out_channels=(32, 32, 64), layers_per_block=2, norm_num_groups=16),
    "no_mid_attention": replace(VAEConfig.tiny(), mid_block_add_attention=False),
    "no_quant_convs": replace(VAEConfig.tiny(), use_quant_conv=False, use_post_quant_conv=False),
}


def reference(config: VAEConfig, seed: int = 0) -> AutoencoderKL:
    """diffusers' AutoencoderKL with the same sizes, random weights from a fixed seed."""
    torch.manual_seed(seed)
    n = len(config.block_out_channels)
    return AutoencoderKL(**asdict(config), down_block_types=("DownEncoderBlock2D",) * n,
                         up_block_types=("UpDecoderBlock2D",) * n).eval()


def image(config: VAEConfig, batch: int = 2, size: int = 32, seed: int = 1) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.rand(batch, config.in_channels, size, size, generator=g) * 2 - 1  # [-1, 1], as the VAE expects


def maxdiff(a: torch.Tensor, b: torch.Tensor) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return (a.float() - b.float()).abs().max().item()


def compare(ref: AutoencoderKL, ours: VAE, x: torch.Tensor, tol: float = TOL) -> dict[str, float]:
    """Every output of ours against diffusers on the same input; returns the max |Δ| of each."""
    with torch.no_grad():
        theirs, mine = ref.encode(x).latent_dist, ours.encode(x)
        z = theirs.mode()
        d = {
            "mean": maxdiff(mine.mean, theirs.mean),
            "logvar": maxdiff(mine.logvar, theirs.logvar),
            "std": maxdiff(mine.std, theirs.std),
            "sample": maxdiff(mine.sample(torch.Generator(x.device).manual_seed(7)),
                              theirs.sample(torch.Generator(x.device).manual_seed(7))),
            "kl (relative)": maxdiff(mine.kl(), theirs.kl()) / max(1.0, theirs.kl().abs().max().item()),
            "decode": maxdiff(ours.decode(z), ref.decode(z).sample),
            "forward": maxdiff(ours(x), ref(x).sample),
        }
    bad = {k: v for k, v in d.items() if not v <= tol}
    assert not bad, f"max |Δ| above {tol}: {bad}"
    return d


@pytest.mark.parametrize("name", CONFIGS)
def test_parity_with_diffusers(name):
    config = CONFIGS[name]
    ref = reference(config)
    ours = from_reference(ref)  # our VAE, config read from theirs, weights loaded with strict=True
    assert isinstance(ours, VAE) and ours.config == config
    compare(ref, ours, image(config))


def test_latent_helpers_apply_the_scaling_factor_like_the_pipelines():
    config = VAEConfig.tiny()
    ref = reference(config)
    ours = from_reference(ref)
    x = image(config)
    sf = ref.config.scaling_factor
    assert ours.scaling_factor == sf == 0.18215
    with torch.no_grad():
        theirs = ref.encode(x).latent_dist.sample(torch.Generator().manual_seed(3)) * sf
        mine = ours.to_latent(x, generator=torch.Generator().manual_seed(3))
        assert maxdiff(mine, theirs) <= TOL
        assert maxdiff(ours.from_latent(mine), ref.decode(theirs / sf).sample) <= TOL
    other = VAE(replace(config, scaling_factor=0.5))
    assert other.scaling_factor == 0.5


def test_shapes_and_downscale():
    ours = VAE(CONFIGS["three_blocks"]).eval()
    assert ours.downscale == 4 and VAE(VAEConfig.tiny()).downscale == 2
    with torch.no_grad():
        posterior = ours.encode(image(ours.config, batch=1, size=24))
        assert posterior.mean.shape == posterior.var.shape == (1, 4, 6, 6)
        assert ours.decode(posterior.mode()).shape == (1, 3, 24, 24)
        assert ours.decode(torch.zeros(1, 4, 5, 7)).shape == (1, 3, 20, 28)  # any latent size decodes


def test_diagonal_gaussian_matches_diffusers_including_the_clamp():
    g = torch.Generator().manual_seed(0)
    moments = torch.randn(3, 8, 4, 5, generator=g) * 4
    moments[:, 4:, 0, 0] = torch.tensor([-100.0, 100.0, 0.0])[:, None]  # logvar outside [-30, 20]: clamped
    theirs, mine = DiagonalGaussianDistribution(moments), DiagonalGaussian(moments)
    assert mine.logvar.min() == -30 and mine.logvar.max() == 20
    for name in ("mean", "logvar", "std", "var"):
        assert torch.equal(getattr(mine, name), getattr(theirs, name)), name
    assert torch.equal(mine.mode(), theirs.mode())
    assert maxdiff(mine.kl(), theirs.kl()) <= TOL * mine.kl().abs().max()
    assert torch.equal(mine.sample(torch.Generator().manual_seed(5)), theirs.sample(torch.Generator().manual_seed(5)))


def test_sample_is_differentiable_and_deterministic():
    moments = torch.randn(2, 8, 3, 3, requires_grad=True)
    posterior = DiagonalGaussian(moments)
    z = posterior.sample(torch.Generator().manual_seed(0))
    z.sum().backward()  # the reparameterisation trick: gradients reach mean and logvar through the sample
    assert moments.grad[:, :4].eq(1).all() and moments.grad[:, 4:].abs().sum() > 0
    again = DiagonalGaussian(moments.detach()).sample(torch.Generator().manual_seed(0))
    assert torch.equal(z.detach(), again)
    kl_at_prior = DiagonalGaussian(torch.zeros(1, 8, 2, 2)).kl()
    assert torch.equal(kl_at_prior, torch.zeros(1))  # N(0, I) is at distance 0 from itself


# ---- errors and hints ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tiny_vae() -> VAE:
    return VAE(VAEConfig.tiny()).eval()


def test_image_size_must_be_a_multiple_of_the_downscale_factor():
    vae = VAE(CONFIGS["three_blocks"])  # f = 4
    with pytest.raises(ValueError, match=r"height 30 is not a multiple of 4.*28 or 32"):
        vae.encode(torch.zeros(1, 3, 30, 32))
    with pytest.raises(ValueError, match=r"width 3 is not a multiple of 4.*to 4\."):
        vae.encode(torch.zeros(1, 3, 32, 3))


@pytest.mark.parametrize("bad, message", [
    (torch.zeros(1, 4, 32, 32), r"image has 4 channels.*takes 3"),
    (torch.zeros(1, 32, 32, 3), r"image has 32 channels.*permute\(0, 3, 1, 2\)"),
    (torch.zeros(3, 32, 32), r"4 dimensions.*x\[None\]"),
    (torch.zeros(1, 3, 32, 32, dtype=torch.uint8), r"dtype torch.uint8.*127.5 - 1"),
    ([[0.0]], r"must be a torch.Tensor"),
])
def test_encode_rejects_bad_images(tiny_vae, bad, message):
    with pytest.raises(ValueError, match=message):
        tiny_vae.encode(bad)


def test_decode_rejects_bad_latents(tiny_vae):
    with pytest.raises(ValueError, match=r"latent z has 3 channels.*takes 4"):
        tiny_vae.decode(torch.zeros(1, 3, 8, 8))
    with pytest.raises(ValueError, match=r"latent z has 8 channels"):
        tiny_vae.from_latent(torch.zeros(1, 8, 8, 8))
    with pytest.raises(ValueError, match=r"generator must be a torch.Generator"):
        tiny_vae.to_latent(image(tiny_vae.config), generator=42)


@pytest.mark.parametrize("scale, hint", [(255.0, r"\[0, 255\].*127.5 - 1"), (1.0, r"\[0, 1\].*\* 2 - 1")])
def test_warns_when_the_image_is_not_in_minus_one_one(tiny_vae, scale, hint):
    x = torch.rand(1, 3, 8, 8) * scale
    with pytest.warns(UserWarning, match=hint), torch.no_grad():
        tiny_vae.encode(x)


def test_no_warning_for_an_image_in_minus_one_one(tiny_vae):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with torch.no_grad():
            tiny_vae.encode(image(tiny_vae.config))


def test_weights_of_a_different_layout_are_refused():
    ref = reference(VAEConfig.tiny())
    ours = VAE(CONFIGS["no_quant_convs"])
    with pytest.raises(ValueError, match=r"unexpected.*quant_conv"):
        load_weights(ours, ref.state_dict())


# ---- full size and GPU ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_full_size_sd15_random_weights():
    start = time.perf_counter()
    config = VAEConfig.sd15()
    ref = reference(config)
    ours = from_reference(ref)
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in ref.parameters())
    x = image(config, batch=1, size=64)
    with torch.no_grad():
        theirs, mine = ref.encode(x).latent_dist, ours.encode(x)
        assert mine.mean.shape == (1, 4, 8, 8)
        assert maxdiff(mine.mean, theirs.mean) <= TOL and maxdiff(mine.logvar, theirs.logvar) <= TOL
        g = torch.Generator().manual_seed(0)
        z = torch.randn(1, 4, 8, 8, generator=g)
        assert maxdiff(ours.decode(z), ref.decode(z).sample) <= TOL
    assert time.perf_counter() - start < 60
