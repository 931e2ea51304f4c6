"""Tests for notebook 05's checks (course/checks/sampling.py, sampler_steps.py, samplers.py): right answers, written
in several ways, pass; each usual mistake, written as a learner would write it, gets its own diagnosis."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from verdicts import fails, passes

from course import checks
from course.checks import progress
from course.sampling import samplers as ref

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_learner_notebooks import code_in  # noqa: E402  (the detector of code in hints)


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    """Each test starts with no check passed or failed (the tiers of a second failure would change the output)."""
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


def diagnosis(out: str) -> str:
    """The verdict's first line, where the diagnosis is (above the numeric report)."""
    return out.split("\n", 1)[0]


# ---- right answers, written the way learners write them ----------------------------------------------------------

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


def add_noise_with_a_loop(x0, noise, sigma):
    sigma = torch.as_tensor(sigma, dtype=x0.dtype)
    while sigma.ndim and sigma.ndim < x0.ndim:
        sigma = sigma[..., None]
    return x0 + sigma * noise


def ddpm_loss_by_hand(model, x0, t, noise, alphas_cumprod):
    a = alphas_cumprod.gather(0, t).view(-1, *([1] * (x0.ndim - 1)))
    x_t = torch.sqrt(a) * x0 + torch.sqrt(1 - a) * noise
    return ((model(x_t, t) - noise) ** 2).mean()


CORRECT_FUNCTIONS = [
    ("sigma: power", checks.check_sigma_from_alpha_bar, my_sigma_from_alpha_bar),
    ("sigma: 1/ᾱ - 1", checks.check_sigma_from_alpha_bar, lambda a: (1 / a - 1).sqrt()),
    ("sigma: two roots", checks.check_sigma_from_alpha_bar, lambda a: torch.sqrt(1 - a) / torch.sqrt(a)),
    ("add_noise: reshape", checks.check_add_noise, my_add_noise),
    ("add_noise: add axes in a loop", checks.check_add_noise, add_noise_with_a_loop),
    ("ddpm_loss: mse_loss", checks.check_ddpm_loss, my_ddpm_loss),
    ("ddpm_loss: gather and mean", checks.check_ddpm_loss, ddpm_loss_by_hand),
]


@pytest.mark.parametrize("check, fn", [c[1:] for c in CORRECT_FUNCTIONS], ids=[c[0] for c in CORRECT_FUNCTIONS])
def test_right_answers_pass(check, fn, capsys):
    passes(check(fn), capsys)


def report(callback, x, denoised, i, sigma):
    if callback is None:
        return x
    replaced = callback({"x": x, "denoised": denoised, "i": i, "sigma": sigma})
    return x if replaced is None else replaced


def euler(step=None, extra=True, use_callback_result=True, at_next=False):
    """A learner's Euler; ``step(x, denoised, s, s_next)`` replaces the update to make a wrong one."""
    step = step or (lambda x, d, s, s_next: x + (x - d) / s * (s_next - s))

    def sample_euler(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        for i in range(len(sigmas) - 1):
            s = sigmas[i + 1] if at_next else sigmas[i]
            denoised = denoiser(x, s, **(extra_args or {})) if extra else denoiser(x, s)
            x_new = step(x, denoised, sigmas[i], sigmas[i + 1])
            replaced = report(callback, x_new, denoised, i, sigmas[i])
            x = replaced if use_callback_result else x_new
        return x

    return sample_euler


def my_ddim(vp_only=False, ignore_eta=False, global_noise=False, swapped=False, std_only_with_eta=False,
            a_of=lambda s: 1 / (1 + s ** 2), by_a_prev=False, eps_divided=True):
    def sample_ddim(denoiser, x, sigmas, generator=None, callback=None, extra_args=None, eta=0.0):
        for i in range(len(sigmas) - 1):
            s, s_next = sigmas[i], sigmas[i + 1]
            denoised = denoiser(x, s, **(extra_args or {}))
            eps = (x - denoised) / s if eps_divided else x - denoised
            a, a_prev = a_of(s), a_of(s_next)
            if swapped:
                a, a_prev = a_prev, a
            e = 0.0 if ignore_eta else eta
            std = 0.0
            if e > 0 or not std_only_with_eta:
                std = e * ((1 - a_prev) / (1 - a) * (1 - a / a_prev)) ** 0.5
            x_prev = a_prev ** 0.5 * denoised + (1 - a_prev - std ** 2) ** 0.5 * eps
            if e > 0:
                z = torch.randn(x.shape) if global_noise else torch.randn(x.shape, generator=generator, dtype=x.dtype)
                x_prev = x_prev + std * z
            x_new = x_prev if vp_only else x_prev / (a_prev if by_a_prev else a_prev ** 0.5)
            x = report(callback, x_new, denoised, i, s)
        return x

    return sample_ddim


def test_right_samplers_pass(capsys):
    out = passes(checks.check_sample_euler(euler()), capsys)
    assert "all 5 cases match the reference step by step" in out and "note" not in out
    passes(checks.check_sample_euler(ref.sample_euler), capsys)
    passes(checks.check_sample_euler(euler(lambda x, d, s, s_next: d + s_next * (x - d) / s)), capsys)  # DDIM's form
    for eta in (0.0, 0.5, 1.0):
        passes(checks.check_sample_ddim(my_ddim(), eta=eta), capsys)
        passes(checks.check_sample_ddim(my_ddim(std_only_with_eta=True), eta=eta), capsys)
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


# ---- σ from ᾱ: one diagnosis per mistake ------------------------------------------------------------------------

SIGMA_MISTAKES = {
    "vp noise factor": (lambda a: torch.sqrt(1 - a), "you wrote √(1 − ᾱ)"),
    "no square root": (lambda a: (1 - a) / a, "you left out the square root"),
    "inverse (√SNR)": (lambda a: torch.sqrt(a / (1 - a)), "you wrote √(ᾱ/(1 − ᾱ)), the square root of the signal"),
    "root of the numerator only": (lambda a: torch.sqrt(1 - a) / a, "the square root covers only the numerator"),
    "forgot the minus one": (lambda a: 1 / torch.sqrt(a), "you wrote √(1/ᾱ)"),
}


@pytest.mark.parametrize("mistake", SIGMA_MISTAKES)
def test_sigma_mistakes_are_named(mistake, capsys):
    fn, words = SIGMA_MISTAKES[mistake]
    out = fails(checks.check_sigma_from_alpha_bar(fn), capsys)
    assert f"it looks like {words}" in diagnosis(out)
    assert "first mismatch" in out.split("\n", 2)[1] + out.split("\n", 2)[2]  # the numeric report, below
    assert "hint:" in out


def test_an_unknown_sigma_mistake_gets_the_numeric_report_only(capsys):
    out = fails(checks.check_sigma_from_alpha_bar(lambda a: a * 2), capsys)
    assert "first mismatch" in out and "it looks like" not in out


# ---- add_noise --------------------------------------------------------------------------------------------------

def add_noise_vp(x0, noise, sigma):
    s = torch.as_tensor(sigma, dtype=x0.dtype)
    s = s.reshape(-1, *[1] * (x0.ndim - 1)) if s.ndim == 1 else s
    a = 1 / (1 + s ** 2)
    return a.sqrt() * x0 + (1 - a).sqrt() * noise


ADD_NOISE_MISTAKES = {
    "VP form": (add_noise_vp, "you wrote the VP form"),
    "σ squared": (lambda x0, n, s: my_add_noise(x0, n, torch.as_tensor(s) ** 2), "you multiplied the noise by σ²"),
    "√σ": (lambda x0, n, s: my_add_noise(x0, n, torch.as_tensor(s) ** 0.5), "you multiplied the noise by √σ"),
    "x0 and noise swapped": (lambda x0, n, s: my_add_noise(n, x0, s), "you swapped x0 and noise"),
    "σ per sample not reshaped": (lambda x0, n, s: x0 + s * n, "a σ per sample, shape (B,), was not reshaped"),
}


@pytest.mark.parametrize("mistake", ADD_NOISE_MISTAKES)
def test_add_noise_mistakes_are_named(mistake, capsys):
    fn, words = ADD_NOISE_MISTAKES[mistake]
    assert f"it looks like {words}" in diagnosis(fails(checks.check_add_noise(fn), capsys))


def test_add_noise_broadcast_error_keeps_the_error_below_the_diagnosis(capsys):
    out = fails(checks.check_add_noise(lambda x0, n, s: x0 + s * n), capsys)
    assert "raised RuntimeError" in out and "trailing singleton dimensions, (B, 1, 1, 1)" in diagnosis(out)


# ---- the DDPM loss ----------------------------------------------------------------------------------------------

def loss_with(a_index=lambda t: t, x_t=None, target="noise", model_t=lambda t: t, reduce="mean", reshape=True):
    """A learner's ddpm_loss with one thing changed."""
    def ddpm_loss(model, x0, t, noise, alphas_cumprod):
        a = alphas_cumprod[a_index(t)]
        if reshape:
            a = a.reshape(-1, *[1] * (x0.ndim - 1))
        xt = a.sqrt() * x0 + (1 - a).sqrt() * noise if x_t is None else x_t(a, x0, noise)
        pred = model(xt, model_t(t))
        wanted = noise if target == "noise" else x0
        if reduce == "sum":
            return ((pred - wanted) ** 2).sum()
        if reduce == "sample sums":
            return ((pred - wanted) ** 2).flatten(1).sum(dim=1).mean()
        if reduce == "l1":
            return (pred - wanted).abs().mean()
        return F.mse_loss(pred, wanted)
    return ddpm_loss


DDPM_MISTAKES = {
    "ᾱ at t - 1 (paper's 1-indexed t)": (loss_with(a_index=lambda t: t - 1), "you took ᾱ at t − 1"),
    "ᾱ at t - 1, clamped at 0": (loss_with(a_index=lambda t: (t - 1).clamp(min=0)), "you took ᾱ at t − 1"),
    "ᾱ at t + 1": (loss_with(a_index=lambda t: (t + 1).clamp(max=9)), "you took ᾱ at t + 1"),
    "model given t - 1": (loss_with(model_t=lambda t: t - 1), "the model got t − 1"),
    "target x0": (loss_with(target="x0"), "the target is x0"),
    "VE input": (loss_with(x_t=lambda a, x0, n: x0 + ((1 - a) / a).sqrt() * n), "the model got x0 + σ ε"),
    "no square roots": (loss_with(x_t=lambda a, x0, n: a * x0 + (1 - a) * n), "the square roots are missing"),
    "factors swapped": (loss_with(x_t=lambda a, x0, n: (1 - a).sqrt() * x0 + a.sqrt() * n), "the two factors are "
                                                                                              "swapped"),
    "clean x0 as input": (loss_with(x_t=lambda a, x0, n: x0), "the model got the clean x0"),
    "sum": (loss_with(reduce="sum"), "you summed the squared errors"),
    "per-sample sums": (loss_with(reduce="sample sums"), "you summed each sample's squared errors"),
    "L1": (loss_with(reduce="l1"), "you took the mean absolute error"),
    "ᾱ not reshaped per sample": (loss_with(reshape=False), "ᾱ_t was spread over the last axis"),
}


@pytest.mark.parametrize("mistake", DDPM_MISTAKES)
def test_ddpm_loss_mistakes_are_named(mistake, capsys):
    fn, words = DDPM_MISTAKES[mistake]
    assert f"it looks like {words}" in diagnosis(fails(checks.check_ddpm_loss(fn), capsys))


def test_ddpm_loss_at_t_minus_1_no_longer_passes(capsys):
    """Issue 19's false pass: ᾱ at t - 1, clamped, matched SD's fine schedule to within the tolerance."""
    out = fails(checks.check_ddpm_loss(loss_with(a_index=lambda t: (t - 1).clamp(min=0))), capsys)
    assert "1 of 4 inputs match" in out and "index alphas_cumprod with t itself" in out


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


def test_a_failure_counts_once_and_the_second_earns_the_closer_hint(capsys):
    wrong = loss_with(target="x0")
    first = fails(checks.check_ddpm_loss(wrong), capsys)
    assert "closer hint" not in first
    second = fails(checks.check_ddpm_loss(wrong), capsys)
    assert second.count("closer hint (2nd try): index alphas_cumprod with t itself") == 1
    passes(checks.check_ddpm_loss(my_ddpm_loss), capsys)
    progress.require("ddpm_loss")


# ---- Euler: the first differing step, and why ------------------------------------------------------------------

EULER_MISTAKES = {
    "divided by σ_{i+1}": (euler(lambda x, d, s, s_next: x + (x - d) / s_next * (s_next - s)),
                           "you divided by σ_{i+1} instead of σ_i"),
    "step the wrong way": (euler(lambda x, d, s, s_next: x + (x - d) / s * (s - s_next)),
                           "the step goes the wrong way"),
    "slope with the wrong sign": (euler(lambda x, d, s, s_next: x + (d - x) / s * (s_next - s)),
                                  "the step goes the wrong way"),
    "not divided by σ": (euler(lambda x, d, s, s_next: x + (x - d) * (s_next - s)), "you forgot to divide"),
    "x not updated": (euler(lambda x, d, s, s_next: x), "x did not change in this step"),
    "jump to denoised": (euler(lambda x, d, s, s_next: d), "the new x is denoised itself"),
    "denoiser at σ_{i+1}": (euler(at_next=True), "you called the denoiser at σ_{i+1}"),
    "extra_args dropped": (euler(extra=False), "extra_args did not reach the denoiser"),
    "callback's x ignored": (euler(use_callback_result=False), "your sampler ignored what the callback returned"),
}


@pytest.mark.parametrize("mistake", EULER_MISTAKES)
def test_euler_mistakes_are_named(mistake, capsys):
    fn, words = EULER_MISTAKES[mistake]
    out = fails(checks.check_sample_euler(fn), capsys)
    assert f"it looks like {words}" in diagnosis(out)
    assert "is the first that differs" in out and "hint:" in out  # the step report stays, below


def test_euler_dividing_by_the_next_sigma_names_step_sigma_and_delta(capsys):
    out = fails(checks.check_sample_euler(EULER_MISTAKES["divided by σ_{i+1}"][0]), capsys)
    assert "case 1 of 5 (SD 1.5's σ's, 10 steps, x (2, 4, 8, 8)): step 0 of 10 (σ 8.391 → 5.134)" in out
    assert "x after the step:" in out and "max |Δ| =" in out
    assert out.index("it looks like") < out.index("case 1 of 5") < out.index("hint: at each step")


def test_a_later_step_is_reported_with_the_steps_that_matched(capsys):
    def late(x, d, s, s_next):  # right, except below σ = 1
        return x + (x - d) / s * (s_next - s) * (1.0 if s > 1 else 1.01)

    out = fails(checks.check_sample_euler(euler(late)), capsys)
    assert "step 6 of 10 (σ 0.8357 → 0.5741) is the first that differs (steps 0–5 match)" in out


def test_ignoring_what_the_callback_returns_is_found_at_the_step_after(capsys):
    out = fails(checks.check_sample_euler(euler(use_callback_result=False)), capsys)
    assert "case 5 of 5" in out and "step 2 of 10" in out and "denoised (D(x, σ_i), what the callback got)" in out


def test_extra_args_none_unguarded(capsys):
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


def test_wrong_returns(capsys):
    def returns_none(*args, **kwargs):
        euler()(*args, **kwargs)

    assert "returned None: does it end with `return x`?" in fails(checks.check_sample_euler(returns_none), capsys)

    def returns_list(*args, **kwargs):
        return [euler()(*args, **kwargs)]

    assert "returned a list; return the final x" in fails(checks.check_sample_euler(returns_list), capsys)


def test_nan_at_the_last_step_is_a_division_by_the_zero_sigma(capsys):
    def last_step_nan(x, d, s, s_next):
        x = x + (x - d) / s * (s_next - s)
        return x / s_next if s_next == 0 else x

    out = fails(checks.check_sample_euler(euler(last_step_nan)), capsys)
    assert "step 9 of 10" in out and "has NaN or inf values: a division by σ_{i+1}? It is 0 on this step" in out


def test_nan_elsewhere_is_not_called_a_division_by_zero(capsys):
    def sqrt_of_negative(x, d, s, s_next):
        return x + (x - d) / s * (s_next - s) * (s_next - s).sqrt()

    out = fails(checks.check_sample_euler(euler(sqrt_of_negative)), capsys)
    assert "σ_{i+1} is 5.134 on this step, so it is not a division by σ_{i+1}" in out
    assert "square root of a negative number" in out


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


# ---- DDIM -------------------------------------------------------------------------------------------------------

DDIM_MISTAKES = {
    "left in VP form": (my_ddim(vp_only=True), {}, "you stayed in the VP form"),
    "divided by ᾱ_prev": (my_ddim(by_a_prev=True), {}, "you divided x_prev by ᾱ_prev"),
    "ᾱ_t and ᾱ_prev swapped": (my_ddim(swapped=True), {}, "you swapped ᾱ_t and ᾱ_prev"),
    "ᾱ's swapped, η = 1": (my_ddim(swapped=True), {"eta": 1.0}, "you swapped ᾱ_t and ᾱ_prev"),
    "ᾱ's swapped, σ_t skipped at η = 0": (my_ddim(swapped=True, std_only_with_eta=True), {}, "x came out unchanged"),
    "ᾱ without the square": (my_ddim(a_of=lambda s: 1 / (1 + s)), {}, "ᾱ = 1/(1 + σ) is missing the square"),
    "ε̂ not divided by σ": (my_ddim(eps_divided=False), {}, "ε̂ is x − denoised, not divided by σ_i"),
    "η ignored": (my_ddim(ignore_eta=True), {"eta": 1.0}, "η = 1 was ignored"),
}


@pytest.mark.parametrize("mistake", DDIM_MISTAKES)
def test_ddim_mistakes_are_named(mistake, capsys):
    fn, kwargs, words = DDIM_MISTAKES[mistake]
    out = fails(checks.check_sample_ddim(fn, **kwargs), capsys)
    assert f"it looks like {words}" in diagnosis(out)


def test_ddim_with_swapped_alphas_is_not_called_a_division_by_zero(capsys):
    """Issue 19's misdiagnosis: NaN from ᾱ_t and ᾱ_prev swapped was reported as 'a division by zero?'."""
    out = fails(checks.check_sample_ddim(my_ddim(swapped=True)), capsys)
    assert "division by zero" not in out and "x after the step has NaN or inf values" in out
    assert "1 − ᾱ_t/ᾱ_prev is negative" in diagnosis(out)


def test_ddim_noise_from_the_wrong_generator_is_found_at_the_first_step(capsys):
    out = fails(checks.check_sample_ddim(my_ddim(global_noise=True), eta=1.0), capsys)
    assert "step 0 of 10" in out and "x after the step" in out and "draw the noise from `generator`" in out


def test_ddim_without_the_eta_keyword(capsys):
    def no_eta(denoiser, x, sigmas, generator=None, callback=None, extra_args=None):
        return my_ddim()(denoiser, x, sigmas, generator, callback, extra_args)

    assert "keep the signature sample_ddim(denoiser, x, sigmas, generator=None, callback=None, extra_args=None, " \
           "eta=0.0)" in fails(checks.check_sample_ddim(no_eta), capsys)


def test_ddim_at_one_eta_is_not_the_reference_at_another(capsys):
    assert "x after the step" in fails(
        checks.check_sampler(functools.partial(my_ddim(), eta=0.5), functools.partial(ref.sample_ddim, eta=1.0),
                             name="ddim"), capsys)


# ---- stubs, types, hints ----------------------------------------------------------------------------------------

def stub(*args, **kwargs):
    raise NotImplementedError("write it")


@pytest.mark.parametrize("check", [checks.check_sigma_from_alpha_bar, checks.check_add_noise, checks.check_ddpm_loss,
                                   checks.check_sample_euler, checks.check_sample_ddim], ids=lambda c: c.__name__)
def test_stubs_are_not_written_yet_and_stop_later_cells(check, capsys):
    out = fails(check(stub), capsys)
    assert "not written yet (stub raises NotImplementedError)" in out and "hint:" in out
    name = check.__name__.removeprefix("check_")
    with pytest.raises(progress.NotReady, match=f"finish §[1-4] `{name}` first: its check does not pass yet"):
        progress.require(name)


def test_a_half_written_sampler_is_not_written_yet(capsys):
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


NOTEBOOK_05 = ["sigma_from_alpha_bar", "add_noise", "ddpm_loss", "sample_euler", "sample_ddim"]


@pytest.mark.parametrize("name", NOTEBOOK_05)
def test_every_exercise_has_tiers_in_words_and_points_to_the_solution(name):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "05_sampling" and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert not code_in(tier, ""), f"{name}: {tier!r} shows code {code_in(tier, '')}"
    assert "solutions/05_sampling.ipynb" in progress.hint(name, len(exercise.tiers) + 1, quiet=True)
