"""Notebook 04's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from verdicts import fails, passes

from course import checks
from course.checks import progress
from course.nets import vae as ref


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(progress, "PASSED", {})
    monkeypatch.setattr(progress, "FAILURES", progress.Counter())


def diagnosed(result, capsys, words: str) -> str:
    out = fails(result, capsys)
    first = out.split("\n", 1)[0]
    assert words in first, f"expected {words!r} on the first line:\n{out}"
    return out


# ---- §1 ResnetBlock -----------------------------------------------------------------------------------------

class Block(nn.Module):
    """A learner's ResnetBlock; every keyword changes one thing."""

    def __init__(self, i, o, g, eps=1e-6, kernel=3, norm2_channels=None, always_shortcut=False):
        super().__init__()
        self.norm1 = nn.GroupNorm(g, i, eps=eps)
        self.conv1 = nn.Conv2d(i, o, kernel, padding=kernel // 2)
        self.norm2 = nn.GroupNorm(g, norm2_channels or o, eps=eps)
        self.conv2 = nn.Conv2d(o, o, kernel, padding=kernel // 2)
        self.conv_shortcut = nn.Conv2d(i, o, 1) if i != o or always_shortcut else None

    def act(self, x, which):
        return F.silu(x)

    def branch(self, x):
        h = self.conv1(self.act(self.norm1(x), 1))
        return self.conv2(self.act(self.norm2(h), 2))

    def skip(self, x):
        return x if self.conv_shortcut is None else self.conv_shortcut(x)

    def forward(self, x):
        return self.skip(x) + self.branch(x)


def block(**changes):
    """A Block subclass with methods replaced or __init__ keywords set, built as cls(i, o, g)."""
    init = {k: changes.pop(k) for k in list(changes) if k in ("eps", "kernel", "always_shortcut", "norm2_channels")}
    if "norm2_channels" in init:
        init["norm2_channels"] = None
        changes["__init__"] = lambda self, i, o, g: Block.__init__(self, i, o, g, norm2_channels=i)
    elif init:
        changes["__init__"] = lambda self, i, o, g: Block.__init__(self, i, o, g, **init)
    return type("ResnetBlock", (Block,), changes)


RESNET_MISTAKES = {
    "unet_eps": (block(eps=1e-5), "eps 1e-5"),
    "relu": (block(act=lambda self, x, which: F.relu(x)), "ReLU where it should use SiLU"),
    "no_silu": (block(act=lambda self, x, which: x), "both SiLUs are missing"),
    "first_silu_missing": (block(act=lambda self, x, which: x if which == 1 else F.silu(x)),
                           "the SiLU between norm1 and conv1 is missing"),
    "second_silu_missing": (block(act=lambda self, x, which: x if which == 2 else F.silu(x)),
                            "the SiLU between norm2 and conv2 is missing"),
    "no_residual": (block(forward=lambda self, x: self.branch(x)), "the residual is missing"),
    "shortcut_not_applied": (block(forward=lambda self, x: x + self.branch(x)),
                             "x was added as it is although the width changes"),
    "conv_before_norm": (block(branch=lambda self, x: F.silu(self.norm2(self.conv2(F.silu(self.norm1(self.conv1(x))))))),
                         "each conv comes before its norm"),
    "norm1_twice": (block(branch=lambda self, x: self.conv2(F.silu(self.norm1(self.conv1(F.silu(self.norm1(x))))))),
                    "norm1 is used twice"),
    "norms_swapped": (block(branch=lambda self, x: self.conv2(F.silu(self.norm1(self.conv1(F.silu(self.norm2(x))))))),
                      "norm1 and norm2 are swapped"),
    "shortcut_when_same_width": (block(always_shortcut=True), "conv_shortcut although in_channels == out_channels"),
    "one_by_one_kernels": (block(kernel=1), "conv1 and conv2 are 3×3 convolutions"),
    "norm2_on_in_channels": (block(norm2_channels=True), "norm2 normalises what conv1 gives"),
}


@pytest.mark.parametrize("mistake", RESNET_MISTAKES)
def test_resnet_block_mistake_is_named(mistake, capsys):
    cls, words = RESNET_MISTAKES[mistake]
    out = diagnosed(checks.check_vae_resnet_block(cls), capsys, words)
    if "fit" not in out:
        assert "first mismatch" in out or "raised" in out  # the numeric report stays, below the sentence


class SiluModules(Block):
    def __init__(self, i, o, g):
        super().__init__(i, o, g)
        self.nonlinearity = nn.SiLU()

    def act(self, x, which):
        return self.nonlinearity(x)


class SigmoidByHand(Block):
    def act(self, x, which):
        return x * torch.sigmoid(x)

    def forward(self, x):
        h = self.branch(x)
        if self.conv_shortcut is not None:
            x = self.conv_shortcut(x)
        return h + x


@pytest.mark.parametrize("cls", [Block, SiluModules, SigmoidByHand, ref.ResnetBlock], ids=lambda c: c.__name__)
def test_resnet_block_correct_variants_pass(cls, capsys):
    passes(checks.check_vae_resnet_block(cls), capsys)


# ---- §2 sample ------------------------------------------------------------------------------------------------

def good_sample(mean, logvar, eps):
    return mean + torch.exp(0.5 * logvar.clamp(-30, 20)) * eps


SAMPLE_MISTAKES = {
    "logvar_as_std": (lambda m, lv, e: m + lv.clamp(-30, 20) * e, "you used logvar itself as the standard deviation"),
    "logvar_as_std_unclamped": (lambda m, lv, e: m + lv * e, "you used logvar itself as the standard deviation"),
    "std_without_half": (lambda m, lv, e: m + torch.exp(lv.clamp(-30, 20)) * e, "the ½ is missing"),
    "no_clamp": (lambda m, lv, e: m + torch.exp(0.5 * lv) * e, "logvar was not clamped"),
    "clamped_std": (lambda m, lv, e: m + torch.exp(0.5 * lv).clamp(-30, 20) * e, "you clamped σ instead of logvar"),
    "mean_logvar_swapped": (lambda m, lv, e: good_sample(lv, m, e), "mean and logvar are swapped"),
    "no_eps": (lambda m, lv, e: m, "eps was left out"),
    "minus": (lambda m, lv, e: m - torch.exp(0.5 * lv.clamp(-30, 20)) * e, "you subtracted σ·eps"),
    "draws_its_own_noise": (lambda m, lv, e: good_sample(m, lv, torch.randn_like(m)), "draws its own noise"),
}


@pytest.mark.parametrize("mistake", SAMPLE_MISTAKES)
def test_sample_mistake_is_named(mistake, capsys):
    fn, words = SAMPLE_MISTAKES[mistake]
    out = diagnosed(checks.check_vae_sample(fn), capsys, words)
    assert "first mismatch" in out and "difference:" in out


SAMPLE_VARIANTS = {
    "exp_half": good_sample,
    "sqrt_of_var": lambda m, lv, e: m + torch.sqrt(torch.exp(torch.clamp(lv, -30.0, 20.0))) * e,
    "method_calls": lambda m, lv, e: (0.5 * lv.clamp(min=-30, max=20)).exp().mul(e).add(m),
    "diagonal_gaussian": lambda m, lv, e: ref.DiagonalGaussian(torch.cat([m, lv], 1)).mean
    + ref.DiagonalGaussian(torch.cat([m, lv], 1)).std * e,
}


@pytest.mark.parametrize("variant", SAMPLE_VARIANTS)
def test_sample_correct_variants_pass(variant, capsys):
    passes(checks.check_vae_sample(SAMPLE_VARIANTS[variant]), capsys)


# ---- §2 kl -------------------------------------------------------------------------------------------------

def kl_terms(m, lv):
    lv = lv.clamp(-30, 20)
    return 0.5 * (m ** 2 + lv.exp() - 1 - lv)


KL_MISTAKES = {
    "sign_flipped": (lambda m, lv: -kl_terms(m, lv).sum(dim=[1, 2, 3]), "the sign is flipped"),
    "half_missing": (lambda m, lv: 2 * kl_terms(m, lv).sum(dim=[1, 2, 3]), "the ½ in front is missing"),
    "summed_over_batch_too": (lambda m, lv: kl_terms(m, lv).sum(), "you summed over the batch too"),
    "mean_instead_of_sum": (lambda m, lv: kl_terms(m, lv).mean(dim=[1, 2, 3]), "you averaged over the latent numbers"),
    "mean_over_everything": (lambda m, lv: kl_terms(m, lv).mean(), "you averaged over everything"),
    "height_and_width_only": (lambda m, lv: kl_terms(m, lv).sum(dim=[2, 3]), "you summed over height and width only"),
    "channels_only": (lambda m, lv: kl_terms(m, lv).sum(dim=1), "you summed over the channels only"),
    "batch_instead_of_channels": (lambda m, lv: kl_terms(m, lv).sum(dim=[0, 2, 3]),
                                  "you summed over the batch axis instead of the channels"),
    "no_clamp": (lambda m, lv: 0.5 * (m ** 2 + lv.exp() - 1 - lv).sum(dim=[1, 2, 3]), "logvar was not clamped"),
    "std_for_variance": (lambda m, lv: 0.5 * (m ** 2 + (0.5 * lv).exp() - 1 - lv).sum(dim=[1, 2, 3]),
                         "you used σ = exp(½·logvar) where the formula has the variance"),
    "minus_one_missing": (lambda m, lv: 0.5 * (m ** 2 + lv.exp() - lv).sum(dim=[1, 2, 3]), "the − 1 is missing"),
    "logvar_sign": (lambda m, lv: 0.5 * (m ** 2 + lv.exp() - 1 + lv).sum(dim=[1, 2, 3]), "log σ² has the wrong sign"),
    "mean_not_squared": (lambda m, lv: 0.5 * (m + lv.exp() - 1 - lv).sum(dim=[1, 2, 3]), "the mean is not squared"),
}


@pytest.mark.parametrize("mistake", KL_MISTAKES)
def test_kl_mistake_is_named(mistake, capsys):
    fn, words = KL_MISTAKES[mistake]
    out = diagnosed(checks.check_vae_kl(fn), capsys, words)
    assert "first mismatch" in out


KL_VARIANTS = {
    "as_in_the_notebook": lambda m, lv: kl_terms(m, lv).sum(dim=[1, 2, 3]),
    "kingma_form": lambda m, lv: -0.5 * torch.sum(1 + lv.clamp(-30, 20) - m.pow(2) - lv.clamp(-30, 20).exp(),
                                                  dim=(1, 2, 3)),
    "flatten_then_sum": lambda m, lv: kl_terms(m, lv).flatten(1).sum(1),
    "std_squared": lambda m, lv: 0.5 * (m ** 2 + torch.exp(0.5 * lv.clamp(-30, 20)) ** 2 - 1 - lv.clamp(-30, 20)
                                        ).sum(dim=[1, 2, 3]),
}


@pytest.mark.parametrize("variant", KL_VARIANTS)
def test_kl_correct_variants_pass(variant, capsys):
    passes(checks.check_vae_kl(KL_VARIANTS[variant]), capsys)


# ---- §3 Encoder and Decoder --------------------------------------------------------------------------------

def run_block(block, x, resnets_first=True):
    resamplers = list(getattr(block, "downsamplers", None) or getattr(block, "upsamplers", None) or [])
    layers = [*block.resnets, *resamplers] if resnets_first else [*resamplers, *block.resnets]
    for layer in layers:
        x = layer(x)
    return x


def encoder(body):
    return type("Encoder", (ref.Encoder,), {"forward": body})


def decoder(body):
    return type("Decoder", (ref.Decoder,), {"forward": body})


def out_layers(self, x):
    return self.conv_out(self.conv_act(self.conv_norm_out(x)))


def through(self, x, blocks, mid_first, mid=True, resnets_first=True):
    if mid and mid_first:
        x = self.mid_block(x)
    for b in blocks:
        x = run_block(b, x, resnets_first)
    if mid and not mid_first:
        x = self.mid_block(x)
    return x


ENCODER_MISTAKES = {
    "mid_block_missing": (lambda s, x: out_layers(s, through(s, s.conv_in(x), s.down_blocks, False, mid=False)),
                          "mid_block is missing"),
    "mid_block_first": (lambda s, x: out_layers(s, through(s, s.conv_in(x), s.down_blocks, True)),
                        "mid_block runs before the down blocks"),
    "blocks_reversed": (lambda s, x: out_layers(s, through(s, s.conv_in(x), s.down_blocks[::-1], False)),
                        "the down blocks ran in reverse order"),
    "last_block_skipped": (lambda s, x: out_layers(s, through(s, s.conv_in(x), s.down_blocks[:-1], False)),
                           "the last down block was skipped"),
    "downsample_before_resnets": (lambda s, x: out_layers(s, through(s, s.conv_in(x), s.down_blocks, False,
                                                                     resnets_first=False)),
                                  "halved the size before its resnets"),
    "only_the_means": (lambda s, x: out_layers(s, through(s, s.conv_in(x), s.down_blocks, False)).chunk(2, dim=1)[0],
                       "you returned only the first half of the channels"),
    "norm_out_missing": (lambda s, x: s.conv_out(s.conv_act(through(s, s.conv_in(x), s.down_blocks, False))),
                         "conv_norm_out is missing"),
    "act_missing": (lambda s, x: s.conv_out(s.conv_norm_out(through(s, s.conv_in(x), s.down_blocks, False))),
                    "conv_act is missing"),
    "act_before_norm": (lambda s, x: s.conv_out(s.conv_norm_out(s.conv_act(through(s, s.conv_in(x), s.down_blocks,
                                                                                    False)))),
                        "the SiLU runs before the GroupNorm"),
    "conv_out_missing": (lambda s, x: s.conv_act(s.conv_norm_out(through(s, s.conv_in(x), s.down_blocks, False))),
                         "conv_out is missing"),
    "conv_in_skipped": (lambda s, x: out_layers(s, through(s, x, s.down_blocks, False)), "conv_in was skipped"),
}


@pytest.mark.parametrize("mistake", ENCODER_MISTAKES)
def test_encoder_mistake_is_named(mistake, capsys):
    body, words = ENCODER_MISTAKES[mistake]
    diagnosed(checks.check_vae_encoder(encoder(body)), capsys, words)


DECODER_MISTAKES = {
    "mid_block_last": (lambda s, z: out_layers(s, through(s, s.conv_in(z), s.up_blocks, False)),
                       "mid_block runs after the up blocks"),
    "mid_block_missing": (lambda s, z: out_layers(s, through(s, s.conv_in(z), s.up_blocks, True, mid=False)),
                          "mid_block is missing"),
    "blocks_reversed": (lambda s, z: out_layers(s, through(s, s.conv_in(z), s.up_blocks[::-1], True)),
                        "the up blocks ran in reverse order"),
    "last_block_skipped": (lambda s, z: out_layers(s, through(s, s.conv_in(z), s.up_blocks[:-1], True)),
                           "the last up block was skipped"),
    "upsample_before_resnets": (lambda s, z: out_layers(s, through(s, s.conv_in(z), s.up_blocks, True,
                                                                   resnets_first=False)),
                                "doubled the size before its resnets"),
    "clamped": (lambda s, z: out_layers(s, through(s, s.conv_in(z), s.up_blocks, True)).clamp(-1, 1),
                "you clamped the output to [-1, 1]"),
    "tanh": (lambda s, z: torch.tanh(out_layers(s, through(s, s.conv_in(z), s.up_blocks, True))), "through tanh"),
    "norm_out_missing": (lambda s, z: s.conv_out(s.conv_act(through(s, s.conv_in(z), s.up_blocks, True))),
                         "conv_norm_out is missing"),
    "act_missing": (lambda s, z: s.conv_out(s.conv_norm_out(through(s, s.conv_in(z), s.up_blocks, True))),
                    "conv_act is missing"),
    "conv_in_skipped": (lambda s, z: out_layers(s, through(s, z, s.up_blocks, True)), "conv_in was skipped"),
}


@pytest.mark.parametrize("mistake", DECODER_MISTAKES)
def test_decoder_mistake_is_named(mistake, capsys):
    body, words = DECODER_MISTAKES[mistake]
    diagnosed(checks.check_vae_decoder(decoder(body)), capsys, words)


def encoder_as_in_the_solution(self, x):
    x = self.conv_in(x)
    for b in self.down_blocks:
        x = b(x)
    return out_layers(self, self.mid_block(x))


def encoder_with_silu(self, x):  # F.silu instead of self.conv_act, the blocks by index
    x = self.conv_in(x)
    for i in range(len(self.down_blocks)):
        x = self.down_blocks[i](x)
    return self.conv_out(F.silu(self.conv_norm_out(self.mid_block(x))))


def decoder_with_sequential(self, z):
    return nn.Sequential(self.conv_in, self.mid_block, *self.up_blocks, self.conv_norm_out, self.conv_act,
                         self.conv_out)(z)


@pytest.mark.parametrize("body", [encoder_as_in_the_solution, encoder_with_silu], ids=lambda f: f.__name__)
def test_encoder_correct_variants_pass(body, capsys):
    passes(checks.check_vae_encoder(encoder(body)), capsys)


@pytest.mark.parametrize("body", [decoder_with_sequential, ref.Decoder.forward], ids=["sequential", "reference"])
def test_decoder_correct_variants_pass(body, capsys):
    passes(checks.check_vae_decoder(decoder(body)), capsys)


# ---- §3 VAE (given, but checked: a learner may change it) --------------------------------------------------

def vae(encode=None, decode=None):
    methods = {"encode": encode or (lambda s, x: tuple(s.quant_conv(s.encoder(x)).chunk(2, dim=1))),
               "decode": decode or (lambda s, z: s.decoder(s.post_quant_conv(z)))}
    return type("VAE", (ref.VAE,), methods)


VAE_MISTAKES = {
    "halves_swapped": (vae(encode=lambda s, x: tuple(s.quant_conv(s.encoder(x)).chunk(2, dim=1))[::-1]),
                       "mean and logvar are swapped"),
    "split_the_batch": (vae(encode=lambda s, x: tuple(s.quant_conv(s.encoder(x)).chunk(2, dim=0))),
                        "you split along dim 0, the batch"),
    "quant_conv_skipped": (vae(encode=lambda s, x: tuple(s.encoder(x).chunk(2, dim=1))), "quant_conv was skipped"),
    "encode_scaled": (vae(encode=lambda s, x: (s.quant_conv(s.encoder(x))[:, :s.config.latent_channels] * 0.18215,
                                               s.quant_conv(s.encoder(x))[:, s.config.latent_channels:])),
                      "encode multiplied the mean by the scaling factor"),
    "decode_divides": (vae(decode=lambda s, z: s.decoder(s.post_quant_conv(z / s.config.scaling_factor))),
                       "decode divided by the scaling factor"),
    "decode_multiplies": (vae(decode=lambda s, z: s.decoder(s.post_quant_conv(z * 0.18215))),
                          "decode multiplied by the scaling factor"),
    "post_quant_conv_skipped": (vae(decode=lambda s, z: s.decoder(z)), "post_quant_conv was skipped"),
    "post_quant_conv_last": (vae(decode=lambda s, z: s.post_quant_conv(s.decoder(z))),
                             "post_quant_conv runs after the decoder"),
    "decode_clamped": (vae(decode=lambda s, z: s.decoder(s.post_quant_conv(z)).clamp(-1, 1)),
                       "decode clamped its output"),
}


@pytest.mark.parametrize("mistake", VAE_MISTAKES)
def test_vae_mistake_is_named(mistake, capsys):
    cls, words = VAE_MISTAKES[mistake]
    diagnosed(checks.check_vae(cls), capsys, words)


def test_vae_as_given_passes(capsys):
    passes(checks.check_vae(vae()), capsys)


# ---- hints in tiers, one record per check --------------------------------------------------------------------

def test_a_second_failure_shows_the_closer_hint_once(capsys):
    fn, _ = KL_MISTAKES["half_missing"]
    first = fails(checks.check_vae_kl(fn), capsys)
    assert "closer hint" not in first and progress.FAILURES["kl"] == 1
    second = fails(checks.check_vae_kl(fn), capsys)
    assert second.count("closer hint (2nd try): The variance is the exponential of logvar") == 1
    third = fails(checks.check_vae_kl(fn), capsys)
    assert "no more hints: the answer is in solutions/04_vae.ipynb, §2." in third


@pytest.mark.parametrize("name", ["ResnetBlock", "sample", "kl", "Encoder", "Decoder", "VAE"])
def test_every_check_is_registered_with_hints_in_words(name):
    exercise = progress.EXERCISES[name]
    assert exercise.notebook == "04_vae" and len(exercise.tiers) >= 2
    for tier in exercise.tiers:
        assert "(" not in tier and "=" not in tier, tier  # words, not code


def test_require_waits_for_a_failing_check(capsys):
    fails(checks.check_vae_kl(KL_MISTAKES["sign_flipped"][0]), capsys)
    with pytest.raises(progress.NotReady, match=r"finish §2 `kl` first: its check does not pass yet"):
        checks.require("kl")


def stub(*args, **kwargs):
    raise NotImplementedError("write it")


STUBS = {
    "ResnetBlock.__init__": (checks.check_vae_resnet_block, block(__init__=stub)),
    "ResnetBlock.forward": (checks.check_vae_resnet_block, block(forward=stub)),
    "sample": (checks.check_vae_sample, stub),
    "kl": (checks.check_vae_kl, stub),
    "Encoder.forward": (checks.check_vae_encoder, encoder(stub)),
    "Decoder.forward": (checks.check_vae_decoder, decoder(stub)),
}


@pytest.mark.parametrize("part", STUBS)
def test_a_stub_is_not_written_yet_and_its_hint_is_words(part, capsys):
    check, learner = STUBS[part]
    out = fails(check(learner), capsys)
    assert "not written yet" in out.split("\n", 1)[0]
    hint = out.split("hint: ", 1)[1]
    assert "(" not in hint and "=" not in hint, hint
