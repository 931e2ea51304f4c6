"""Tests for course/checks/sampling.py (notebook 05): right answers pass, wrong ones fail and say what is wrong."""
from __future__ import annotations

import functools

import pytest
import torch
import torch.nn.functional as F
from verdicts import fails, passes

from course import checks
from course.sampling import samplers as ref

# ---- right answers, written the way a learner would ---------------------------------------------


def my_sigma_from_alpha_bar(alpha_bar):
    return ((1 - alpha_bar) / alpha_bar) ** 0.5


def my_add_noise(x0, noise, sigma):
    sigma = torch.as_tensor(sigma, dtype=x0.dtype)
    if sigma.ndim == 1:
        sigma = sigma.reshape(-1, *[1] * (x0.ndim - 1))
    return x0 + sigma * noise


def my_ddpm_loss(model, x0, t, noise, alphas_cumprod):
    a = alphas_cumprod[t].reshape(-1, *[1] * (x0.ndim - 1))
    return F.mse_loss(model(a.sqrt() * x0 + (1 - a).sqrt() * noise, t), noise)


def report(callback, x, denoised, i, sigma):
    if callback is None:
        return x
    replaced = callback({"x": x, "denoised": denoised, "i": i, "sigma": sigma})
    return x if replaced is None else replaced


def euler(step=None, extra=True, use_callback_result=True):
    """A learner's Euler; ``step(x, denoised, s, s_next)`` replaces the update to make a wrong one."""
    step = step or (lambda x, d, s, s_next: x + (x - d) / s * (s_next - s))

    def sample_euler(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        for i in range(len(sigmas) - 1):
            denoised = denoiser(x, sigmas[i], **(extra_args or {})) if extra else denoiser(x, sigmas[i])
            x_new = step(x, denoised, sigmas[i], sigmas[i + 1])
            replaced = report(callback, x_new, denoised, i, sigmas[i])
            x = replaced if use_callback_result else x_new
        return x

    return sample_euler


def my_ddim(vp_only=False, ignore_eta=False, global_noise=False):
    def sample_ddim(denoiser, x, sigmas, generator=None, callback=None, extra_args=None, eta=0.0):
        for i in range(len(sigmas) - 1):
            s, s_next = sigmas[i], sigmas[i + 1]
            denoised = denoiser(x, s, **(extra_args or {}))
            eps = (x - denoised) / s
            a, a_prev = 1 / (1 + s ** 2), 1 / (1 + s_next ** 2)
            e = 0.0 if ignore_eta else eta
            std = e * ((1 - a_prev) / (1 - a) * (1 - a / a_prev)) ** 0.5
            x_prev = a_prev ** 0.5 * denoised + (1 - a_prev - std ** 2) ** 0.5 * eps
            if e > 0:
                z = torch.randn(x.shape) if global_noise else torch.randn(x.shape, generator=generator, dtype=x.dtype)
                x_prev = x_prev + std * z
            x = report(callback, x_prev if vp_only else x_prev / a_prev ** 0.5, denoised, i, s)
        return x

    return sample_ddim


def stub(*args, **kwargs):
    raise NotImplementedError("write it")


# ---- the right answers pass ----------------------------------------------------------------------

def test_right_answers_pass(capsys):
    passes(checks.check_sigma_from_alpha_bar(my_sigma_from_alpha_bar), capsys)
    passes(checks.check_add_noise(my_add_noise), capsys)
    assert "Gradients reach every weight" in passes(checks.check_ddpm_loss(my_ddpm_loss), capsys)
    out = passes(checks.check_sample_euler(euler()), capsys)
    assert "all 5 cases match the reference step by step" in out and "note" not in out
    passes(checks.check_sample_euler(ref.sample_euler), capsys)
    for eta in (0.0, 0.5, 1.0):
        passes(checks.check_sample_ddim(my_ddim(), eta=eta), capsys)
        passes(checks.check_sample_ddim(ref.sample_ddim, eta=eta), capsys)


@pytest.mark.parametrize("name", ["sample_heun", "sample_euler_ancestral", "sample_dpmpp_2m", "sample_lms",
                                  "sample_unipc", "sample_plms"])
def test_check_sampler_passes_every_reference_against_itself(name, capsys):
    fn = getattr(ref, name)
    passes(checks.check_sampler(fn, fn), capsys)


def test_checks_leave_the_global_random_state_alone(capsys):
    torch.manual_seed(123)
    before = torch.get_rng_state()
    checks.check_ddpm_loss(my_ddpm_loss)
    checks.check_sample_ddim(my_ddim(), eta=1.0)
    capsys.readouterr()
    assert torch.equal(before, torch.get_rng_state())


# ---- σ, add_noise, the loss: wrong answers name the slip ------------------------------------------

def test_sigma_slips_are_named(capsys):
    out = fails(checks.check_sigma_from_alpha_bar(lambda a: (1 - a) ** 0.5), capsys)
    assert "0 of 3 inputs match" in out and "it looks like you wrote √(1 - ᾱ)" in out and "hint:" in out
    assert "it looks like you left out the square root" in fails(
        checks.check_sigma_from_alpha_bar(lambda a: (1 - a) / a), capsys)
    out = fails(checks.check_sigma_from_alpha_bar(lambda a: a * 2), capsys)
    assert "first mismatch" in out and "it looks like" not in out


def test_add_noise_slips_and_broadcasting(capsys):
    out = fails(checks.check_add_noise(lambda x0, n, s: x0 + s * n), capsys)  # no reshape of a per-sample σ
    assert "2 of 4 inputs match" in out and "raised RuntimeError" in out and "sigma.reshape(-1" in out

    def vp(x0, noise, sigma):
        x = my_add_noise(x0, noise, sigma)
        return x / (my_add_noise(torch.zeros_like(x0), torch.ones_like(noise), sigma) ** 2 + 1) ** 0.5

    assert "it looks like you wrote the VP form" in fails(checks.check_add_noise(vp), capsys)
    swapped = lambda x0, noise, sigma: my_add_noise(noise, x0, sigma)  # noqa: E731
    assert "you swapped x0 and noise" in fails(checks.check_add_noise(swapped), capsys)


def test_ddpm_loss_slips(capsys):
    def target_x0(model, x0, t, noise, ac):
        a = ac[t].reshape(-1, *[1] * (x0.ndim - 1))
        return F.mse_loss(model(a.sqrt() * x0 + (1 - a).sqrt() * noise, t), x0)

    def ve_input(model, x0, t, noise, ac):
        a = ac[t].reshape(-1, *[1] * (x0.ndim - 1))
        return F.mse_loss(model(x0 + ((1 - a) / a).sqrt() * noise, t), noise)

    def summed(model, x0, t, noise, ac):
        a = ac[t].reshape(-1, *[1] * (x0.ndim - 1))
        return ((model(a.sqrt() * x0 + (1 - a).sqrt() * noise, t) - noise) ** 2).sum()

    assert "it looks like the target is x0" in fails(checks.check_ddpm_loss(target_x0), capsys)
    assert "it looks like the model got x0 + σ ε (the VE form)" in fails(checks.check_ddpm_loss(ve_input), capsys)
    assert "it looks like you summed" in fails(checks.check_ddpm_loss(summed), capsys)


def test_ddpm_loss_shape_and_gradient(capsys):
    def per_sample(model, x0, t, noise, ac):
        a = ac[t].reshape(-1, *[1] * (x0.ndim - 1))
        err = (model(a.sqrt() * x0 + (1 - a).sqrt() * noise, t) - noise) ** 2
        return err.flatten(1).mean(dim=1)

    assert "expected shape (), got (4,)" in fails(checks.check_ddpm_loss(per_sample), capsys)

    def no_grad(*args):
        with torch.no_grad():
            return my_ddpm_loss(*args)

    assert "no gradient reaches the model's weights" in fails(checks.check_ddpm_loss(no_grad), capsys)


# ---- samplers: the first differing step, and why ---------------------------------------------------

def test_euler_dividing_by_the_next_sigma_names_step_sigma_and_delta(capsys):
    wrong = euler(lambda x, d, s, s_next: x + (x - d) / s_next * (s_next - s))
    out = fails(checks.check_sample_euler(wrong), capsys)
    assert "case 1 of 5 (SD 1.5's σ's, 10 steps, x (2, 4, 8, 8)): step 0 of 10 (σ 8.391 → 5.134)" in out
    assert "x after the step:" in out and "max |Δ| =" in out
    assert "it looks like you divided by σ_{i+1} instead of σ_i" in out and "hint: for each i" in out


def test_euler_slips_are_named(capsys):
    backwards = euler(lambda x, d, s, s_next: x + (x - d) / s * (s - s_next))
    assert "the step goes the wrong way" in fails(checks.check_sample_euler(backwards), capsys)
    unchanged = euler(lambda x, d, s, s_next: x)
    assert "x did not change" in fails(checks.check_sample_euler(unchanged), capsys)
    jump = euler(lambda x, d, s, s_next: d)
    assert "the new x is denoised itself" in fails(checks.check_sample_euler(jump), capsys)


def test_a_later_step_is_reported_with_the_steps_that_matched(capsys):
    def late(x, d, s, s_next):  # right, except below σ = 1
        return x + (x - d) / s * (s_next - s) * (1.0 if s > 1 else 1.01)

    out = fails(checks.check_sample_euler(euler(late)), capsys)
    assert "step 6 of 10 (σ 0.8357 → 0.5741) is the first that differs (steps 0–5 match)" in out


def test_ignoring_what_the_callback_returns(capsys):
    out = fails(checks.check_sample_euler(euler(use_callback_result=False)), capsys)
    assert "case 5 of 5" in out and "step 2 of 10" in out and "denoised (D(x, σ_i), what the callback got)" in out
    assert "it looks like your sampler ignored what the callback returned after step 1" in out


def test_extra_args_missing_or_none(capsys):
    out = fails(checks.check_sample_euler(euler(extra=False)), capsys)
    assert "it looks like extra_args did not reach the denoiser" in out

    def unguarded(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        for i in range(len(sigmas) - 1):
            denoised = denoiser(x, sigmas[i], **extra_args)
            x = report(callback, x + (x - denoised) / sigmas[i] * (sigmas[i + 1] - sigmas[i]), denoised, i, sigmas[i])
        return x

    out = fails(checks.check_sample_euler(unguarded), capsys)
    assert "case 2 of 5" in out and "raised during step 0" in out and "TypeError" in out
    assert "extra_args may be None: call denoiser(x, sigmas[i], **(extra_args or {}))" in out


def test_callback_misuse_is_explained(capsys):
    def silent(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return euler()(denoiser, x, sigmas, extra_args=extra_args)

    assert "called callback 0 times for 10 steps" in fails(checks.check_sample_euler(silent), capsys)

    def keywords(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return euler()(denoiser, x, sigmas, callback=lambda d: callback(**d), extra_args=extra_args)

    assert "callback must get one dict" in fails(checks.check_sample_euler(keywords), capsys)

    def one_based(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return euler()(denoiser, x, sigmas, callback=lambda d: callback({**d, "i": d["i"] + 1}), extra_args=extra_args)

    assert "says 'i': 1; it should be the step index 0" in fails(checks.check_sample_euler(one_based), capsys)

    def next_sigma(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return euler()(denoiser, x, sigmas, extra_args=extra_args,
                       callback=lambda d: callback({**d, "sigma": sigmas[d["i"] + 1]}))

    assert "expected sigmas[0] = 8.39" in fails(checks.check_sample_euler(next_sigma), capsys)

    def no_denoised(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return euler()(denoiser, x, sigmas, extra_args=extra_args,
                       callback=lambda d: callback({k: v for k, v in d.items() if k != "denoised"}))

    assert "has no 'denoised'" in fails(checks.check_sample_euler(no_denoised), capsys)


def test_wrong_returns_and_nan(capsys):
    def returns_none(*args, **kwargs):
        euler()(*args, **kwargs)

    assert "returned None: does it end with `return x`?" in fails(checks.check_sample_euler(returns_none), capsys)

    def returns_list(*args, **kwargs):
        return [euler()(*args, **kwargs)]

    assert "returned a list; return the final x" in fails(checks.check_sample_euler(returns_list), capsys)

    def last_step_nan(x, d, s, s_next):
        x = x + (x - d) / s * (s_next - s)
        return x / s_next if s_next == 0 else x

    out = fails(checks.check_sample_euler(euler(last_step_nan)), capsys)
    assert "step 9 of 10" in out and "has NaN or inf values: a division by zero? σ_{i+1} is 0 on this step" in out


def test_other_errors_and_non_functions(capsys):
    def broken(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        raise ValueError("boom")

    out = fails(checks.check_sample_euler(broken), capsys)
    assert "raised during step 0:\n    ValueError: boom" in out
    assert "expected a function, got an int" in fails(checks.check_sample_euler(3), capsys)


def test_extra_denoiser_calls_pass_with_a_note(capsys):
    def twice(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return euler()(lambda x, s, **kw: (denoiser(x, s, **kw), denoiser(x, s, **kw))[1], x, sigmas,
                       callback=callback, extra_args=extra_args)

    out = passes(checks.check_sample_euler(twice), capsys)
    assert "note: yours called the denoiser 20 times in case 1, the reference 10 times" in out


def test_ddim_slips(capsys):
    out = fails(checks.check_sample_ddim(my_ddim(vp_only=True)), capsys)
    assert "it looks like you stayed in the VP form" in out
    out = fails(checks.check_sample_ddim(my_ddim(ignore_eta=True), eta=1.0), capsys)
    assert "it looks like η = 1 was ignored" in out and "torch.randn(x.shape, generator=generator" in out
    out = fails(checks.check_sample_ddim(my_ddim(global_noise=True), eta=1.0), capsys)
    assert "step 0 of 10" in out and "x after the step" in out

    def no_eta(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return my_ddim()(denoiser, x, sigmas, generator, callback, extra_args)

    assert "keep the signature sample_ddim(denoiser, x, sigmas, generator=None, callback=None, extra_args=None, " \
           "eta=0.0)" in fails(checks.check_sample_ddim(no_eta), capsys)


def test_ddim_at_one_eta_is_not_the_reference_at_another(capsys):
    assert "x after the step" in fails(
        checks.check_sampler(functools.partial(my_ddim(), eta=0.5), functools.partial(ref.sample_ddim, eta=1.0),
                             name="ddim"), capsys)


def test_stubs_are_not_written_yet(capsys):
    for check in (checks.check_sigma_from_alpha_bar, checks.check_add_noise, checks.check_ddpm_loss,
                  checks.check_sample_euler, checks.check_sample_ddim):
        out = fails(check(stub), capsys)
        assert "not written yet (stub raises NotImplementedError)" in out and "hint:" in out

    def half_written(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        report(callback, x, denoiser(x, sigmas[0], **(extra_args or {})), 0, sigmas[0])
        raise NotImplementedError

    assert "not written yet" in fails(checks.check_sample_euler(half_written), capsys)


def test_wrong_types_and_shapes_in_function_checks(capsys):
    out = fails(checks.check_sigma_from_alpha_bar(lambda a: ((1 - a) / a).sqrt().tolist()), capsys)
    assert "expected a tensor of shape (1000,), got a list" in out
    out = fails(checks.check_add_noise(lambda x0, noise, sigma: my_add_noise(x0, noise, sigma)[:1]), capsys)
    assert "expected shape (2, 4, 8, 8), got (1, 4, 8, 8)" in out
    out = fails(checks.check_sigma_from_alpha_bar(lambda a: (a - 1).sqrt()), capsys)
    assert "values differ" in out and "nan" in out
