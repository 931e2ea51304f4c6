"""Schedules against the attributes diffusers' schedulers compute (exact or <= 1e-6)."""
import numpy as np
import pytest
import torch
from diffusers import DDIMScheduler, DPMSolverMultistepScheduler, DPMSolverSDEScheduler, EulerDiscreteScheduler

from course.sampling import schedules as S

SD15 = dict(num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear")


def ac(kind="scaled_linear"):
    return S.alphas_cumprod(S.betas(1000, 0.00085, 0.012, kind))


@pytest.mark.parametrize("kind", ["scaled_linear", "linear"])
def test_betas_and_alphas_cumprod(kind):
    ref = EulerDiscreteScheduler(**{**SD15, "beta_schedule": kind})
    b = S.betas(1000, 0.00085, 0.012, kind)
    assert torch.equal(b, ref.betas)
    assert torch.equal(S.alphas_cumprod(b), ref.alphas_cumprod)


@pytest.mark.parametrize("spacing", ["leading", "trailing", "linspace"])
@pytest.mark.parametrize("n", [1, 7, 20, 30, 50])
@pytest.mark.parametrize("karras", [False, True])
def test_euler_timesteps_and_sigmas(spacing, n, karras):
    ref = EulerDiscreteScheduler(**SD15, timestep_spacing=spacing, steps_offset=1, use_karras_sigmas=karras)
    ref.set_timesteps(n)
    t = S.timesteps(n, spacing, steps_offset=1)
    sigmas = S.sigmas_at(ac(), t)
    if karras:
        if n == 1:
            pytest.skip("a one-step Karras ramp is degenerate (σ_min = σ_max)")
        sigmas = S.karras_sigmas(float(sigmas[-2]), float(sigmas[0]), n)
        t = S.sigma_to_t(sigmas[:-1], ac())
    assert (torch.as_tensor(t) - ref.timesteps).abs().max() <= 1e-6 * 1000
    assert (sigmas - ref.sigmas).abs().max() <= 1e-6 * float(ref.sigmas.max())


@pytest.mark.parametrize("spacing", ["leading", "trailing", "linspace"])
@pytest.mark.parametrize("n", [1, 7, 20, 50])
def test_ddim_timesteps(spacing, n):
    ref = DDIMScheduler(**SD15, timestep_spacing=spacing, steps_offset=1)
    ref.set_timesteps(n)
    assert torch.equal(torch.from_numpy(S.timesteps(n, spacing, 1, style="ddim")), ref.timesteps)


@pytest.mark.parametrize("spacing", ["leading", "trailing", "linspace"])
@pytest.mark.parametrize("n", [5, 20, 25])
@pytest.mark.parametrize("karras", [False, True])
def test_dpm_timesteps_and_sigmas(spacing, n, karras):
    ref = DPMSolverMultistepScheduler(**SD15, timestep_spacing=spacing, steps_offset=1, use_karras_sigmas=karras)
    ref.set_timesteps(n)
    if karras:
        table = S.sigmas_from_alphas_cumprod(ac())
        sigmas = S.karras_sigmas(float(table[0]), float(table[-1]), n)
        t = S.sigma_to_t(sigmas[:-1], ac(), quantize=True)
    else:
        t = S.timesteps(n, spacing, 1, style="dpm")
        sigmas = S.sigmas_at(ac(), t)
    assert torch.equal(torch.as_tensor(t).long(), ref.timesteps)
    assert (sigmas - ref.sigmas).abs().max() <= 1e-6 * float(ref.sigmas.max())


@pytest.mark.parametrize("spacing", ["leading", "trailing", "linspace"])
@pytest.mark.parametrize("n", [7, 20])
@pytest.mark.parametrize("karras", [False, True])
def test_dpm_sde_sigmas_and_midpoint_timesteps(spacing, n, karras):
    """DPMSolverSDEScheduler lists each σ twice (its two stages), the midpoint's timestep between: the σ's are ours
    bit for bit (its Brownian noise is that sensitive), and the UNet gets unrounded t(σ) at σ_i and σ_mid."""
    ref = DPMSolverSDEScheduler(**SD15, timestep_spacing=spacing, steps_offset=1, use_karras_sigmas=karras)
    ref.set_timesteps(n)
    sigmas, quantize = S.sampling_sigmas("DPMSolverSDEScheduler", ac(), n, spacing, 1, karras=karras)
    assert not quantize and torch.equal(sigmas, torch.cat([ref.sigmas[:-1:2], ref.sigmas[-1:]]))
    lam = -sigmas[:-1].log()
    mid = (-(lam[:-1] + (lam[1:] - lam[:-1]) * 0.5)).exp()  # σ_mid = e^{-(λ_i + λ_{i+1})/2}
    assert (S.sigma_to_t(mid, ac()) - ref.timesteps[1::2]).abs().max() <= 1e-6 * 1000
    if karras:  # (otherwise it passes the spaced timesteps themselves, as the Euler family does)
        assert (S.sigma_to_t(sigmas[:-1], ac()) - ref.timesteps[0::2]).abs().max() <= 1e-6 * 1000


def test_t_sigma_round_trip():
    t = torch.tensor([0.0, 1.5, 10.25, 500.0, 998.9, 999.0])
    back = S.sigma_to_t(S.t_to_sigma(t, ac()), ac())
    assert (back - t).abs().max() < 1e-3
    table = S.sigmas_from_alphas_cumprod(ac())
    assert torch.allclose(S.t_to_sigma(torch.arange(1000.0), ac()), table, rtol=1e-6, atol=0)


def test_errors():
    with pytest.raises(ValueError, match="kind='cosine'"):
        S.betas(kind="cosine")
    with pytest.raises(ValueError, match="beta_start"):
        S.betas(beta_start=0.1, beta_end=0.01)
    with pytest.raises(ValueError, match="spacing='middle'"):
        S.timesteps(10, "middle")
    with pytest.raises(ValueError, match="num_steps=0"):
        S.timesteps(0)
    with pytest.raises(ValueError, match="sigma_min"):
        S.karras_sigmas(10.0, 1.0, 5)
    with pytest.raises(ValueError, match="t="):
        S.t_to_sigma(1000.5, ac())
    with pytest.raises(ValueError, match="betas"):
        S.alphas_cumprod(torch.tensor([0.5, 1.5]))
    assert np.all(np.diff(S.timesteps(10, "trailing")) < 0)


def test_sampling_sigmas_errors():
    with pytest.raises(ValueError, match="scheduler='KarrasVeScheduler'"):
        S.sampling_sigmas("KarrasVeScheduler", ac(), 10)
    with pytest.raises(ValueError, match="karras=True"):
        S.sampling_sigmas("DDIMScheduler", ac(), 10, karras=True)
    sigmas, quantize = S.sampling_sigmas("DDIMScheduler", ac(), 10)
    assert float(sigmas[-1]) == float(S.sigmas_from_alphas_cumprod(ac())[0]) and not quantize
