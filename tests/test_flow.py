"""Rectified flow against diffusers: FlowMatchEulerDiscreteScheduler's σ's and timesteps, every intermediate latent
of our Euler/Heun over FlowDenoiser against FlowMatchEuler/HeunDiscreteScheduler (a toy velocity model and a tiny
random SD3Transformer2DModel), and the SD3 training pieces against diffusers.training_utils and the loss of
train_dreambooth_sd3.py, for the same generator."""
import pytest
import torch
from diffusers import FlowMatchEulerDiscreteScheduler, FlowMatchHeunDiscreteScheduler, SD3Transformer2DModel
from diffusers.training_utils import compute_density_for_timestep_sampling, compute_loss_weighting_for_sd3

from course.sampling import flow as F
from course.sampling.samplers import sample_euler, sample_heun

SHAPE = (2, 4, 8, 8)
SCHEMES = ["logit_normal", "mode", "cosmap", "sigma_sqrt", "none"]


def toy_velocity(x, t):
    """A fixed, smooth, nonlinear v(x, t): near x (on pure noise x = ε and v = ε - x_0 ≈ ε), channel mixing, tanh,
    and a t-dependent shift, so a wrong t or a wrong σ shows in the latents."""
    g = torch.Generator().manual_seed(1234)
    w, phase = torch.randn(4, 4, generator=g) * 0.5, torch.randn(4, generator=g)
    mixed = torch.einsum("oc,bchw->bohw", w, x)
    t = torch.as_tensor(t, dtype=torch.float32).reshape(-1, 1)  # one t, or one per image: (1 or B, 1)
    return 0.8 * x + 0.3 * torch.tanh(mixed) + 0.2 * torch.sin(t / 300 + phase)[:, :, None, None]


def noise():
    return torch.randn(SHAPE, generator=torch.Generator().manual_seed(0))


def tiny_sd3():
    """diffusers' SD3 transformer test config (patch 1, one joint block, 4 heads of 8), random weights; returns it and
    v(x, t) over it with a fixed random prompt (context and pooled projection) for a batch of 2."""
    torch.manual_seed(0)
    model = SD3Transformer2DModel(sample_size=32, patch_size=1, in_channels=4, num_layers=1, attention_head_dim=8,
                                  num_attention_heads=4, caption_projection_dim=32, joint_attention_dim=32,
                                  pooled_projection_dim=64, out_channels=4).eval()
    g = torch.Generator().manual_seed(1)
    context, pooled = torch.randn(2, 7, 32, generator=g), torch.randn(2, 64, generator=g)

    def velocity(x, t):
        return model(hidden_states=x, encoder_hidden_states=context, pooled_projections=pooled,
                     timestep=torch.as_tensor(t).expand(len(x))).sample
    return model, velocity


def run_diffusers(sched, model, n, **set_kw):
    """The SD3/Flux pipelines' loop; the latent after each full step (Heun: after its 2nd stage; its last step is a
    lone Euler step onto σ = 0)."""
    sched.set_timesteps(n, **set_kw)
    x, xs = noise(), []  # σ_max = 1: x = ε
    for t in sched.timesteps:
        x = sched.step(model(x, t), t, x).prev_sample
        if getattr(sched, "state_in_first_order", True):
            xs.append(x)
    if not xs or xs[-1] is not x:
        xs.append(x)
    return xs


def run_ours(fn, model, sigmas):
    xs = []
    fn(F.FlowDenoiser(model), noise(), sigmas, callback=lambda d: xs.append(d["x"]))
    return xs


def assert_close_latents(ours, ref):
    """Every step, ≤ 1e-5 relative to the latents' size."""
    assert len(ours) == len(ref)
    scale = max(1.0, max(float(r.abs().max()) for r in ref))
    delta = max(float((a - b).abs().max()) for a, b in zip(ours, ref))
    assert delta <= 1e-5 * scale, f"max |Δ| = {delta:.2e} on latents of size {scale:.2f}"


# --- the schedule -----------------------------------------------------------------------------------------------------

SCHEDULES = [
    ({}, None), ({"shift": 3.0}, None), ({"shift": 0.5}, None),
    ({"use_dynamic_shifting": True}, 0.5), ({"use_dynamic_shifting": True, "shift": 3.0}, 1.15),
    ({"use_dynamic_shifting": True, "time_shift_type": "linear"}, 1.5),
    ({"shift": 3.0, "shift_terminal": 0.1}, None), ({"shift": 3.0, "use_karras_sigmas": True}, None),
    ({"shift": 3.0, "use_exponential_sigmas": True}, None), ({"use_beta_sigmas": True}, None),
    ({"num_train_timesteps": 500, "shift": 2.0}, None)]


@pytest.mark.parametrize("cfg,mu", SCHEDULES)
@pytest.mark.parametrize("n", [1, 4, 28, 50])
def test_sigmas_and_timesteps(cfg, mu, n):
    if n == 1 and (cfg.get("use_karras_sigmas") or cfg.get("use_exponential_sigmas")):
        pytest.skip("a one-point Karras/exponential ramp is its first σ; nothing to compare beyond the n > 1 cases")
    if n == 1 and cfg.get("shift_terminal"):
        pytest.skip("one step ends at σ = 1, where diffusers' stretch divides by 0 (we refuse it: test_refusals)")
    ref = FlowMatchEulerDiscreteScheduler(**cfg)
    ref.set_timesteps(n, **({"mu": mu} if mu is not None else {}))
    sigmas = F.flow_sigmas(n, cfg, mu=mu)
    assert torch.equal(sigmas, ref.sigmas)
    assert torch.equal(F.flow_timesteps(sigmas, ref.config.num_train_timesteps), ref.timesteps)


@pytest.mark.parametrize("n", [1, 4, 28])
@pytest.mark.parametrize("seq_len", [64, 256, 1024, 4096])
def test_flux_sigmas_and_mu(n, seq_len):
    """Flux: custom σ's linspace(1, 1/n, n) and μ from the token count, as FluxPipeline passes them."""
    import numpy as np
    from diffusers.pipelines.flux.pipeline_flux import calculate_shift
    cfg = {"shift": 3.0, "use_dynamic_shifting": True, "base_shift": 0.5, "max_shift": 1.15}
    mu = F.flow_mu(seq_len)
    assert mu == calculate_shift(seq_len, 256, 4096, 0.5, 1.15)
    start = np.linspace(1.0, 1 / n, n)
    ref = FlowMatchEulerDiscreteScheduler(**cfg)
    ref.set_timesteps(n, sigmas=start, mu=mu)
    assert torch.equal(F.flow_sigmas(n, cfg, mu=mu, sigmas=start), ref.sigmas)


def test_heun_schedule_is_eulers():
    """FlowMatchHeunDiscreteScheduler lists the inner σ's twice (its two stages); once each, they are Euler's."""
    for shift, n in [(1.0, 5), (3.0, 12)]:
        ref = FlowMatchHeunDiscreteScheduler(shift=shift)
        ref.set_timesteps(n)
        assert torch.equal(F.flow_sigmas(n, {"shift": shift}), torch.cat([ref.sigmas[:1], ref.sigmas[1::2]]))


def test_static_shift_is_the_exponential_time_shift():
    """Esser et al.'s shift s is Flux's exponential time shift with μ = log s."""
    s = torch.linspace(0.01, 1, 50, dtype=torch.float64)
    assert torch.allclose(F.shift_sigmas(s, 3.0), F.time_shift(s, float(torch.tensor(3.0).log())), atol=1e-12)


# --- the samplers step by step ----------------------------------------------------------------------------------------

EULER_CASES = [(1, {}, None), (5, {}, None), (28, {"shift": 3.0}, None), (10, {"shift": 3.0}, None),
               (8, {"use_dynamic_shifting": True}, 0.7), (20, {"use_dynamic_shifting": True, "shift": 3.0}, 1.15)]


@pytest.mark.parametrize("n,cfg,mu", EULER_CASES)
def test_euler_steps(n, cfg, mu):
    ref = run_diffusers(FlowMatchEulerDiscreteScheduler(**cfg), toy_velocity, n,
                        **({"mu": mu} if mu is not None else {}))
    assert_close_latents(run_ours(sample_euler, toy_velocity, F.flow_sigmas(n, cfg, mu=mu)), ref)


@pytest.mark.parametrize("n,shift", [(1, 1.0), (2, 1.0), (5, 3.0), (12, 3.0), (7, 0.7)])
def test_heun_steps(n, shift):
    ref = run_diffusers(FlowMatchHeunDiscreteScheduler(shift=shift), toy_velocity, n)
    assert_close_latents(run_ours(sample_heun, toy_velocity, F.flow_sigmas(n, {"shift": shift})), ref)


@pytest.mark.parametrize("fn,cls,n,cfg,mu", [
    (sample_euler, FlowMatchEulerDiscreteScheduler, 6, {"shift": 3.0}, None),
    (sample_euler, FlowMatchEulerDiscreteScheduler, 4, {"use_dynamic_shifting": True}, 0.9),
    (sample_heun, FlowMatchHeunDiscreteScheduler, 4, {"shift": 3.0}, None)])
@torch.no_grad()
def test_steps_with_sd3_transformer(fn, cls, n, cfg, mu):
    model = tiny_sd3()[1]
    ref = run_diffusers(cls(**cfg), model, n, **({"mu": mu} if mu is not None else {}))
    assert_close_latents(run_ours(fn, model, F.flow_sigmas(n, cfg, mu=mu)), ref)


def test_denoiser_derivative_is_the_velocity():
    """(x - D(x, σ))/σ = v: the k-diffusion slope is the model's velocity (to fp32 rounding)."""
    x = noise()
    for sigma in (1.0, 0.5, 0.03):
        d = (x - F.FlowDenoiser(toy_velocity)(x, sigma)) / sigma
        assert (d - toy_velocity(x, torch.tensor(sigma) * 1000)).abs().max() <= 1e-6 / sigma * x.abs().max()


def test_same_ode_in_the_ve_parametrisation():
    """x_flow = (1 - σ) x_VE, s = σ/(1 - σ) maps the flow ODE onto k-diffusion's x = x_0 + s ε ODE with the same
    x̂_0: fine Heun in either agrees (they solve one ODE); coarse Euler steps in σ and in s do not (two
    discretisations)."""
    den = F.FlowDenoiser(toy_velocity)

    def ve_denoiser(y, s):
        sigma = s / (1 + s)
        return den(y * (1 - sigma), sigma)

    def both(fn, n):
        sigmas = torch.linspace(0.8, 0.2, n + 1)
        x_flow = fn(den, noise(), sigmas)
        y, s = F.flow_to_ve(noise(), sigmas[0])
        s_grid = torch.linspace(float(s), float(F.flow_to_ve(noise(), sigmas[-1])[1]), n + 1)
        y = fn(ve_denoiser, y, s_grid)
        return x_flow, y * (1 - sigmas[-1])
    a, b = both(sample_heun, 400)
    fine, size = float((a - b).abs().max()), float(a.abs().max())
    coarse = float(torch.sub(*both(sample_euler, 3)).abs().max())
    assert fine <= 1e-4 * size, (fine, size)  # Heun's O(h²) with h = 1.5e-3 in σ, plus fp32 rounding
    assert coarse > 100 * fine, (coarse, fine)


# --- ε / v / x_0 ------------------------------------------------------------------------------------------------------

def test_relations_round_trip():
    g = torch.Generator().manual_seed(3)
    x0, eps = torch.randn(SHAPE, generator=g), torch.randn(SHAPE, generator=g)
    sigma = torch.tensor([0.9, 0.25])  # one per image
    x = F.flow_noisy(x0, eps, sigma)
    v = F.flow_velocity(x0, eps)
    for got, want in [(F.x0_from_v(x, v, sigma), x0), (F.eps_from_v(x, v, sigma), eps),
                      (F.v_from_x0(x, x0, sigma), v), (F.v_from_eps(x, eps, sigma), v),
                      (F.x0_from_v(x, F.v_from_x0(x, x0, sigma), sigma), x0),
                      (F.v_from_eps(x, F.eps_from_v(x, v, sigma), sigma), v)]:
        assert (got - want).abs().max() <= 1e-5 * max(1.0, float(want.abs().max()))
    y, s = F.flow_to_ve(x, sigma)  # the same point is x_0 + s ε in SD 1.x's form
    assert (y - (x0 + s.view(-1, 1, 1, 1) * eps)).abs().max() <= 1e-5 * float(y.abs().max())


def test_forward_process_is_diffusers_scale_noise():
    ref = FlowMatchEulerDiscreteScheduler(shift=3.0)
    g = torch.Generator().manual_seed(4)
    x0, eps = torch.randn(SHAPE, generator=g), torch.randn(SHAPE, generator=g)
    t = ref.timesteps[[100, 700]]
    assert torch.equal(F.flow_noisy(x0, eps, ref.sigmas[[100, 700]]), ref.scale_noise(x0, t, eps))


# --- training ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
def test_timestep_draws_and_weights_are_diffusers(scheme):
    """u, the σ and t it lands on in the training table (shift 3, SD3's), and the loss weight: as diffusers has them."""
    mean, std = (0.3, 1.2) if scheme == "logit_normal" else (0.0, 1.0)
    ours = F.sample_training_u(64, scheme, torch.Generator().manual_seed(5), logit_mean=mean, logit_std=std)
    ref = compute_density_for_timestep_sampling(scheme, 64, mean, std, 1.29, generator=torch.Generator().manual_seed(5))
    assert torch.equal(ours, ref)
    sigmas, t = F.training_sigmas(ref, {"shift": 3.0})
    sched = FlowMatchEulerDiscreteScheduler(shift=3.0)  # the script's noise_scheduler_copy
    idx = (ref * 1000).long()
    assert torch.equal(t, sched.timesteps[idx]) and torch.equal(sigmas, sched.sigmas[idx])
    assert torch.equal(F.loss_weighting(scheme, sigmas), compute_loss_weighting_for_sd3(scheme, sigmas))


def test_logit_normal_timesteps_is_diffusers():
    ref = compute_density_for_timestep_sampling("logit_normal", 32, 0.0, 1.0,
                                                generator=torch.Generator().manual_seed(6))
    assert torch.equal(F.logit_normal_timesteps(32, generator=torch.Generator().manual_seed(6)), ref)


def test_mode_timesteps_is_diffusers():
    ref = compute_density_for_timestep_sampling("mode", 32, mode_scale=0.8, generator=torch.Generator().manual_seed(6))
    assert torch.equal(F.mode_timesteps(32, 0.8, torch.Generator().manual_seed(6)), ref)


def script_loss(model, x0, seed, cfg, scheme):
    """train_dreambooth_sd3.py's loss lines, with a generator where the script uses the global RNG."""
    g = torch.Generator().manual_seed(seed)
    noise = torch.randn(x0.shape, generator=g)
    u = compute_density_for_timestep_sampling(scheme, len(x0), 0.0, 1.0, 1.29, generator=g)
    sched = FlowMatchEulerDiscreteScheduler(**cfg)
    timesteps = sched.timesteps[(u * sched.config.num_train_timesteps).long()]
    step_indices = [(sched.timesteps == t).nonzero().item() for t in timesteps]
    sigmas = sched.sigmas[step_indices].flatten().view(-1, 1, 1, 1)
    pred = model((1.0 - sigmas) * x0 + sigmas * noise, timesteps)
    weighting = compute_loss_weighting_for_sd3(scheme, sigmas)
    return torch.mean((weighting.float() * (pred.float() - (noise - x0).float()) ** 2).reshape(len(x0), -1), 1).mean()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("cfg", [{"shift": 3.0}, {}, {"use_dynamic_shifting": True, "shift": 3.0}])
def test_loss_is_the_sd3_scripts(scheme, cfg):
    x0 = torch.randn(SHAPE, generator=torch.Generator().manual_seed(7))
    ours = F.flow_matching_loss(toy_velocity, x0, torch.Generator().manual_seed(8), cfg, scheme)
    assert torch.equal(ours, script_loss(toy_velocity, x0, 8, cfg, scheme))


def test_loss_with_sd3_transformer_and_gradients():
    model, velocity = tiny_sd3()
    x0 = torch.randn(SHAPE, generator=torch.Generator().manual_seed(7))
    ours = F.flow_matching_loss(velocity, x0, torch.Generator().manual_seed(9), {"shift": 3.0})
    with torch.no_grad():
        ref = script_loss(velocity, x0, 9, {"shift": 3.0}, "logit_normal")
    assert (ours.detach() - ref).abs() <= 1e-6 * float(ref)
    ours.backward()
    assert all(p.grad is not None for p in model.proj_out.parameters())


def test_true_velocity_has_zero_loss():
    """With one training image, the exact velocity at (x_σ, σ) is (x_σ - x_0)/σ: the loss is 0 only if x_σ, the
    target and t = σ·T agree with each other."""
    x0 = torch.randn(SHAPE, generator=torch.Generator().manual_seed(7))
    loss = F.flow_matching_loss(lambda x, t: F.v_from_x0(x, x0, t / 1000), x0, torch.Generator().manual_seed(2),
                                {"shift": 3.0})
    assert float(loss) <= 1e-10


# --- refusals ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cfg,kw,match", [
    ({"invert_sigmas": True}, {}, "invert_sigmas=True"),
    ({"stochastic_sampling": True}, {}, "stochastic_sampling=True"),
    ({"shfit": 3.0}, {}, r"\['shfit'\]"),
    ({"use_dynamic_shifting": True}, {}, "needs mu"),
    ({"use_karras_sigmas": True, "use_beta_sigmas": True}, {}, "at most one"),
    ({"time_shift_type": "cosine"}, {}, "time_shift_type='cosine'"),
    ({"shift": 0.0}, {}, "shift=0.0"),
    ({}, {"sigmas": [1.0, 0.5]}, "2 sigmas for num_steps=4"),
    ({"shift_terminal": 0.1}, {"num_steps": 1}, "shift_terminal=0.1 .* num_steps >= 2")])
def test_refusals(cfg, kw, match):
    with pytest.raises(ValueError, match=match):
        F.flow_sigmas(**{"num_steps": 4, **kw}, scheduler_config=cfg)


def test_config_file_keys_and_bad_inputs():
    sd3 = {"_class_name": "FlowMatchEulerDiscreteScheduler", "_diffusers_version": "0.29.0", "shift": 3.0}
    assert torch.equal(F.flow_sigmas(8, sd3), F.flow_sigmas(8, {"shift": 3.0}))
    with pytest.raises(ValueError, match="num_steps=0"):
        F.flow_sigmas(0)
    with pytest.raises(ValueError, match="weighting_scheme='lognorm'"):
        F.flow_matching_loss(toy_velocity, noise(), None, weighting_scheme="lognorm")
    with pytest.raises(ValueError, match="need a float batch"):
        F.flow_matching_loss(toy_velocity, torch.zeros(SHAPE, dtype=torch.long))


def test_flow_samplers_table():
    import diffusers
    assert F.FLOW_SAMPLERS["flow_euler"].fn is sample_euler and F.FLOW_SAMPLERS["flow_heun"].fn is sample_heun
    assert all(hasattr(diffusers, info.diffusers) for info in F.FLOW_SAMPLERS.values())
