"""Step parity: each sampler against the diffusers scheduler that implements it.

Same SD 1.x schedule, same deterministic fake ε-model, same initial noise, same generator; every
intermediate latent compared (max |Δ| <= 1e-5, fp32). diffusers' DDIM, DDPM and DPM-Solver keep
the latent in "variance preserving" form x/√(σ²+1); we compare in that form for them.
"""

import inspect
import sys

import pytest
import torch
from diffusers import (
    DDIMScheduler,
    DDPMScheduler,
    DPMSolverMultistepScheduler,
    DPMSolverSDEScheduler,
    EulerAncestralDiscreteScheduler,
    EulerDiscreteScheduler,
    HeunDiscreteScheduler,
    LMSDiscreteScheduler,
    PNDMScheduler,
    UniPCMultistepScheduler,
)

from course.sampling import samplers as K
from course.sampling import schedules as S

SD15 = dict(num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
            steps_offset=1)
AC = S.alphas_cumprod(S.betas())
TABLE = S.sigmas_from_alphas_cumprod(AC)
SHAPE = (2, 4, 8, 8)
DELTAS = {}  # sampler -> worst max |Δ| seen (printed by -s, quoted in the report)


def fake_unet(x, t):
    """A fixed, smooth, nonlinear function of (x, t): channel mixing, tanh, and a t-dependent shift."""
    g = torch.Generator().manual_seed(1234)
    w = torch.randn(4, 4, generator=g) * 0.5
    phase = torch.randn(4, generator=g)
    t = torch.as_tensor(t, dtype=torch.float32)
    mixed = torch.einsum("oc,bchw->bohw", w, x)
    # ≈ x: on pure noise a good ε-model returns its input, so latents stay O(1) as real ones do
    return 0.9 * x + 0.2 * torch.tanh(mixed) + 0.1 * torch.sin(t / 100 + phase)[None, :, None, None]


def noise():
    return torch.randn(SHAPE, generator=torch.Generator().manual_seed(0))


def run_diffusers(sched, n, seed=None, **step_kw):
    """The pipeline's loop; returns the latent after every full step (Heun, DPM++ SDE: after their 2nd stage).
    Like the pipelines, passes a generator only to a ``step`` that takes one (DPM++ SDE has its noise_sampler_seed)."""
    sched.set_timesteps(n)
    if seed is not None and "generator" in inspect.signature(sched.step).parameters:
        step_kw["generator"] = torch.Generator().manual_seed(seed)
    x = noise() * sched.init_noise_sigma
    xs = []
    for t in sched.timesteps:
        eps = fake_unet(sched.scale_model_input(x, t), t)
        x = sched.step(eps, t, x, **step_kw).prev_sample
        if getattr(sched, "state_in_first_order", True):
            xs.append(x)
    if xs[-1] is not x:  # Heun's last step is a lone Euler step (σ_next = 0)
        xs.append(x)
    return xs


def run_ours(fn, sigmas, x0, seed=None, quantize=False, prediction_type="epsilon", vp=False, **kw):
    den = K.Denoiser(fake_unet, AC, prediction_type, quantize=quantize)
    xs = []
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    fn(den, x0, sigmas, generator=gen, callback=lambda d: xs.append(d["x"]), **kw)
    if vp:  # x/√(σ²+1) at the σ each step lands on
        xs = [x / (s ** 2 + 1) ** 0.5 for x, s in zip(xs, sigmas[1:])]
    return xs


def compare(name, ours, ref, tol=1e-5):
    assert len(ours) == len(ref)
    delta = max(float((a - b).abs().max()) for a, b in zip(ours, ref))
    DELTAS[name] = max(DELTAS.get(name, 0.0), delta)
    print(f"{name}: max |Δ| = {delta:.2e}")
    assert delta <= tol, f"{name}: max |Δ| = {delta:.3e} > {tol}"


def k_sigmas(n, spacing, karras):
    sigmas = S.sigmas_at(AC, S.timesteps(n, spacing, 1))
    return S.karras_sigmas(float(sigmas[-2]), float(sigmas[0]), n) if karras else sigmas


CASES = [("leading", False), ("trailing", False), ("linspace", True), ("leading", True)]


@pytest.mark.parametrize("spacing,karras", CASES)
@pytest.mark.parametrize("prediction_type", ["epsilon", "v_prediction"])
def test_euler(spacing, karras, prediction_type):
    ref = EulerDiscreteScheduler(**SD15, timestep_spacing=spacing, use_karras_sigmas=karras,
                                 prediction_type=prediction_type)
    xs = run_diffusers(ref, 12)
    ours = run_ours(K.sample_euler, k_sigmas(12, spacing, karras), noise() * ref.init_noise_sigma,
                    prediction_type=prediction_type)
    compare("euler", ours, xs)


@pytest.mark.parametrize("spacing", ["leading", "trailing"])
def test_euler_ancestral(spacing):
    ref = EulerAncestralDiscreteScheduler(**SD15, timestep_spacing=spacing)
    xs = run_diffusers(ref, 12, seed=7)
    ours = run_ours(K.sample_euler_ancestral, k_sigmas(12, spacing, False), noise() * ref.init_noise_sigma, seed=7)
    compare("euler_a", ours, xs)


@pytest.mark.parametrize("spacing,karras", CASES)
def test_heun(spacing, karras):
    ref = HeunDiscreteScheduler(**SD15, timestep_spacing=spacing, use_karras_sigmas=karras)
    xs = run_diffusers(ref, 8)
    ours = run_ours(K.sample_heun, k_sigmas(8, spacing, karras), noise() * ref.init_noise_sigma)
    compare("heun", ours, xs)


@pytest.mark.parametrize("spacing,karras", CASES)
def test_lms(spacing, karras):
    ref = LMSDiscreteScheduler(  # needs scipy (a dev dependency) for its integration
        **SD15, timestep_spacing=spacing, use_karras_sigmas=karras)
    xs = run_diffusers(ref, 12)
    ours = run_ours(K.sample_lms, k_sigmas(12, spacing, karras), noise() * ref.init_noise_sigma)
    compare("lms", ours, xs)


@pytest.mark.parametrize("spacing", ["leading", "trailing", "linspace"])
@pytest.mark.parametrize("karras", [False, True])
@pytest.mark.parametrize("n", [10, 20])
def test_dpmpp_2m(spacing, karras, n):
    ref = DPMSolverMultistepScheduler(**SD15, timestep_spacing=spacing, use_karras_sigmas=karras,
                                      algorithm_type="dpmsolver++", solver_order=2)
    xs = run_diffusers(ref, n)
    if karras:
        sigmas = S.karras_sigmas(float(TABLE[0]), float(TABLE[-1]), n)
    else:
        sigmas = S.sigmas_at(AC, S.timesteps(n, spacing, 1, style="dpm"))
    x0 = noise() * (sigmas[0] ** 2 + 1) ** 0.5
    ours = run_ours(K.sample_dpmpp_2m, sigmas, x0, quantize=karras, vp=True)
    compare("dpmpp_2m_karras" if karras else "dpmpp_2m", ours, xs)


# diffusers' DDIM and PNDM step from t to t - T//n, which is the next listed timestep only when the spacing steps by
# exactly T//n ("leading" always, "trailing" when n divides T, "linspace" practically never). Otherwise they land on
# σ(t - T//n) and then evaluate the UNet at the next listed timestep as if the latent were there, which a sampler
# over one list of σ's cannot do (schedules.sampling_sigmas explains it): those cases are known to differ.
RELABELED = pytest.mark.xfail(raises=AssertionError, strict=True,
                              reason="diffusers lands on σ(t - T//n) and evaluates it as the next listed timestep")
STEP_CASES = [("leading", 12), ("trailing", 10), ("leading", 50), ("leading", 7), ("trailing", 8),
              *(pytest.param(sp, n, marks=RELABELED) for sp, n in [("trailing", 7), ("linspace", 7), ("trailing", 30)])]


@pytest.mark.parametrize("spacing,n", STEP_CASES)
@pytest.mark.parametrize("eta", [0.0, 0.5, 1.0])
def test_ddim(spacing, n, eta):
    ref = DDIMScheduler(**SD15, timestep_spacing=spacing, set_alpha_to_one=False, clip_sample=False)
    xs = run_diffusers(ref, n, seed=3, eta=eta)
    # (set_alpha_to_one=False, SD 1.x) DDIM ends at ᾱ_0, not at 1
    sigmas = S.sigmas_at(AC, S.timesteps(n, spacing, 1, style="ddim"), final_sigma=float(TABLE[0]))
    x0 = noise() * (sigmas[0] ** 2 + 1) ** 0.5
    ours = run_ours(K.sample_ddim, sigmas, x0, seed=3, vp=True, eta=eta)
    compare(f"ddim {spacing} {n}", ours, xs)


@pytest.mark.parametrize("spacing", ["leading", "trailing", "linspace"])
@pytest.mark.parametrize("n", [7, 12, 30])
def test_ddpm(spacing, n):
    """DDPM steps to the next listed timestep (previous_timestep), so every spacing and n agrees."""
    ref = DDPMScheduler(**SD15, timestep_spacing=spacing, clip_sample=False)
    xs = run_diffusers(ref, n, seed=5)
    sigmas = S.sigmas_at(AC, S.timesteps(n, spacing, 1, style="ddim"))
    x0 = noise() * (sigmas[0] ** 2 + 1) ** 0.5
    ours = run_ours(K.sample_ddpm, sigmas, x0, seed=5, vp=True)
    compare("ddpm", ours, xs)


@pytest.mark.parametrize("spacing,n", STEP_CASES + [("leading", 3), ("leading", 1), ("trailing", 1)])
def test_plms(spacing, n):
    ref = PNDMScheduler(**SD15, timestep_spacing=spacing, skip_prk_steps=True, set_alpha_to_one=False)
    xs = run_diffusers(ref, n)
    xs = xs[1:] if n > 1 else xs  # diffusers' first call is only the predictor of the first (Heun) step; 1 step: Euler
    sigmas = S.sigmas_at(AC, S.timesteps(n, spacing, 1, style="ddim"), final_sigma=float(TABLE[0]))
    x0 = noise() * (sigmas[0] ** 2 + 1) ** 0.5
    ours = run_ours(K.sample_plms, sigmas, x0, vp=True)
    compare(f"plms {spacing} {n}", ours, xs)


@pytest.mark.parametrize("spacing", ["leading", "trailing", "linspace"])
@pytest.mark.parametrize("n", [2, 10, 20])
def test_unipc(spacing, n):
    ref = UniPCMultistepScheduler(**SD15, timestep_spacing=spacing, solver_type="bh2", solver_order=2)
    xs = run_diffusers(ref, n)
    sigmas = S.sigmas_at(AC, S.timesteps(n, spacing, 1, style="dpm"))
    x0 = noise() * (sigmas[0] ** 2 + 1) ** 0.5
    ours = run_ours(K.sample_unipc, sigmas, x0, vp=True)
    # both report the predictor's x_{i+1}; the corrector refines it at the start of the next step
    compare("unipc", ours, xs)


@pytest.mark.parametrize("spacing,karras,n,prediction_type", [
    *((spacing, karras, 10, "epsilon") for spacing, karras in CASES + [("linspace", False)]),
    ("leading", True, 2, "epsilon"), ("leading", True, 10, "v_prediction"), ("trailing", False, 10, "v_prediction")])
def test_dpmpp_sde(spacing, karras, n, prediction_type):
    ref = DPMSolverSDEScheduler(**SD15, timestep_spacing=spacing, use_karras_sigmas=karras,
                                prediction_type=prediction_type, noise_sampler_seed=9)
    xs = run_diffusers(ref, n)
    sigmas, quantize = S.sampling_sigmas("DPMSolverSDEScheduler", AC, n, spacing, 1, karras=karras)
    ours = run_ours(K.sample_dpmpp_sde, sigmas, noise() * ref.init_noise_sigma, seed=9, quantize=quantize,
                    prediction_type=prediction_type)
    compare("dpmpp_sde_karras" if karras else "dpmpp_sde", ours, xs)


def test_dpmpp_sde_seeds():
    """The Brownian tree is seeded with generator.initial_seed(): same seed, same latents bit for bit; another seed,
    other latents. Without a generator the seed comes from torch's global RNG, as in diffusers. A noise_sampler
    given (k-diffusion's hook: img2img wants the tree of the whole schedule) replaces the tree."""
    sigmas = k_sigmas(6, "leading", True)

    def run(seed, **kw):
        return run_ours(K.sample_dpmpp_sde, sigmas, noise() * sigmas[0], seed=seed, **kw)[-1]
    assert torch.equal(run(7), run(7))
    assert not torch.allclose(run(7), run(8))
    torch.manual_seed(0)
    a = run(None)
    torch.manual_seed(0)
    assert torch.equal(a, run(None))
    assert torch.equal(run(8, noise_sampler=K.brownian_tree_noise(noise(), sigmas, 7)), run(7))
    wider = K.brownian_tree_noise(noise(), torch.cat([sigmas[:1] * 2, sigmas]), 7)
    assert not torch.allclose(run(7, noise_sampler=wider), run(7))


def test_dpmpp_sde_without_torchsde(monkeypatch):
    monkeypatch.setitem(sys.modules, "torchsde", None)  # makes `import torchsde` raise ImportError
    sigmas = k_sigmas(2, "leading", True)
    with pytest.raises(ValueError, match="pip install torchsde"):
        K.sample_dpmpp_sde(K.Denoiser(fake_unet, AC), noise() * sigmas[0], sigmas)


def test_euler_timesteps_reach_the_unet_exactly():
    """Integer timesteps survive t -> σ -> t unchanged, so the UNet sees the timesteps diffusers gives it."""
    t = S.timesteps(50, "leading", 1)
    assert torch.equal(S.sigma_to_t(S.sigmas_at(AC, t)[:-1], AC), torch.from_numpy(t))


@pytest.mark.parametrize("key", sorted(K.SAMPLERS))
@pytest.mark.parametrize("spacing", ["leading", "trailing"])
def test_table_drives_diffusers_and_ours_alike(key, spacing):
    """The Rosetta stone is right: the class + options it names, run as the pipeline runs them,
    give our function's latents when fed ``schedules.sampling_sigmas`` (final latents, SD 1.x config)."""
    import diffusers
    info = K.SAMPLERS[key]
    cls = getattr(diffusers, info.diffusers)
    extra = {"set_alpha_to_one": False} if info.diffusers in ("DDIMScheduler", "PNDMScheduler") else {}
    if info.diffusers in ("DDIMScheduler", "DDPMScheduler"):
        extra["clip_sample"] = False
    if info.diffusers == "DPMSolverSDEScheduler":
        extra["noise_sampler_seed"] = 11
    ref = cls(**SD15, timestep_spacing=spacing, **info.diffusers_options, **extra)
    seed = 11 if key in ("euler_a", "ddpm", "dpmpp_sde_karras") else None
    xs = run_diffusers(ref, 10, seed=seed)
    sigmas, quantize = S.sampling_sigmas(info.diffusers, AC, 10, spacing, 1, karras=info.schedule == "karras")
    vp = ref.init_noise_sigma == 1.0
    x0 = noise() * ((sigmas[0] ** 2 + 1) ** 0.5 if vp else ref.init_noise_sigma)
    ours = run_ours(info.fn, sigmas, x0, seed=seed, quantize=quantize, vp=vp)
    compare(f"table:{key}", ours[-1:], xs[-1:])


def test_callback_contents_and_denoiser_shapes():
    seen = []
    sigmas = k_sigmas(4, "leading", False)
    K.sample_euler(K.Denoiser(fake_unet, AC), noise() * sigmas[0], sigmas, callback=seen.append)
    assert [d["i"] for d in seen] == [0, 1, 2, 3]
    assert all(d["x"].shape == SHAPE and d["denoised"].shape == SHAPE for d in seen)
    assert torch.equal(torch.stack([d["sigma"] for d in seen]), sigmas[:-1])


def test_table_and_lookup():
    assert set(K.SAMPLERS) <= {"ddpm", "ddim", "plms", "euler", "euler_a", "heun", "lms", "dpmpp_2m",
                               "dpmpp_2m_karras", "dpmpp_sde_karras", "unipc"}
    assert K.get_sampler("DPM++ 2M Karras") is K.SAMPLERS["dpmpp_2m_karras"]
    assert K.get_sampler("euler A").fn is K.sample_euler_ancestral
    assert K.get_sampler("EULER_A").k_diffusion == "sample_euler_ancestral"
    assert K.get_sampler("DPM++ SDE Karras").fn is K.sample_dpmpp_sde
    import diffusers
    for info in K.SAMPLERS.values():  # every class named is a real diffusers scheduler
        assert hasattr(diffusers, info.diffusers)
    with pytest.raises(ValueError, match="known names: .*euler_a.*DPM\\+\\+ 2M Karras"):
        K.get_sampler("Euler b")


def test_errors():
    den = K.Denoiser(fake_unet, AC)
    with pytest.raises(ValueError, match="prediction_type='sample'"):
        K.Denoiser(fake_unet, AC, "sample")
    with pytest.raises(ValueError, match="sigmas of shape"):
        K.sample_euler(den, noise(), torch.tensor([1.0]))
    with pytest.raises(ValueError, match="non-increasing"):
        K.sample_heun(den, noise(), torch.tensor([1.0, 2.0, 0.0]))
    with pytest.raises(ValueError, match=r"sigmas\[0\]=0.0"):
        K.sample_dpmpp_sde(den, noise(), torch.tensor([0.0, 0.0]))
    with pytest.raises(ValueError, match="eta=-1"):
        K.sample_ddim(den, noise(), torch.tensor([1.0, 0.0]), eta=-1)
    with pytest.raises(ValueError, match="dtype"):
        K.sample_euler(den, torch.zeros(SHAPE, dtype=torch.long), torch.tensor([1.0, 0.0]))
