"""Tests for course/checks/vae.py (notebook 04): right answers pass, wrong ones fail and say what is wrong."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from verdicts import fails, passes

from course import checks
from course.nets import vae as ref

# ---- right answers, written the way a learner would ---------------------------------------------


class MyResnetBlock(nn.Module):
    def __init__(self, in_channels, out_channels, groups, eps=1e-6, act=F.silu, shortcut_name="conv_shortcut",
                 always_shortcut=False):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, in_channels, eps=eps)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.norm2 = nn.GroupNorm(groups, out_channels, eps=eps)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
        needed = always_shortcut or in_channels != out_channels
        setattr(self, shortcut_name, nn.Conv2d(in_channels, out_channels, 1) if needed else None)
        self.shortcut_name, self.act = shortcut_name, act

    def forward(self, x):
        h = self.conv1(self.act(self.norm1(x)))
        h = self.conv2(self.act(self.norm2(h)))
        shortcut = getattr(self, self.shortcut_name)
        return (x if shortcut is None else shortcut(x)) + h


def my_sample(mean, logvar, eps):
    return mean + torch.exp(0.5 * logvar.clamp(-30, 20)) * eps


def my_kl(mean, logvar):
    logvar = logvar.clamp(-30, 20)
    return 0.5 * (mean ** 2 + logvar.exp() - 1 - logvar).sum(dim=[1, 2, 3])


class MyEncoder(ref.Encoder):  # the notebook gives __init__ (same names); the learner writes forward
    def forward(self, x):
        x = self.conv_in(x)
        for block in self.down_blocks:
            x = block(x)
        return self.conv_out(self.conv_act(self.conv_norm_out(self.mid_block(x))))


class MyDecoder(ref.Decoder):
    def forward(self, z):
        x = self.mid_block(self.conv_in(z))
        for block in self.up_blocks:
            x = block(x)
        return self.conv_out(self.conv_act(self.conv_norm_out(x)))


class MyVAE(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.encoder, self.decoder = MyEncoder(config), MyDecoder(config)
        self.quant_conv = nn.Conv2d(2 * config.latent_channels, 2 * config.latent_channels, 1)
        self.post_quant_conv = nn.Conv2d(config.latent_channels, config.latent_channels, 1)

    def encode(self, image):
        return self.quant_conv(self.encoder(image)).chunk(2, dim=1)

    def decode(self, z):
        return self.decoder(self.post_quant_conv(z))


# ---- the right answers pass --------------------------------------------------------------------

def test_right_answers_pass(capsys):
    passes(checks.check_vae_resnet_block(MyResnetBlock), capsys)
    passes(checks.check_vae_resnet_block(ref.ResnetBlock), capsys)
    out = passes(checks.check_vae_sample(my_sample), capsys)
    assert "Gradients reach mean and logvar" in out
    passes(checks.check_vae_kl(my_kl), capsys)
    passes(checks.check_vae_encoder(MyEncoder), capsys)
    passes(checks.check_vae_decoder(MyDecoder), capsys)
    passes(checks.check_vae(MyVAE), capsys)


def test_module_checks_leave_the_global_random_state_alone(capsys):
    torch.manual_seed(123)
    before = torch.get_rng_state()
    checks.check_vae_resnet_block(MyResnetBlock)
    checks.check_vae_decoder(MyDecoder)
    assert torch.equal(before, torch.get_rng_state())


# ---- ResnetBlock: wrong answers -----------------------------------------------------------------

def test_resnet_block_with_the_unet_eps_fails(capsys):
    class Eps(MyResnetBlock):
        def __init__(self, i, o, g):
            super().__init__(i, o, g, eps=1e-5)

    out = fails(checks.check_vae_resnet_block(Eps), capsys)
    assert "first mismatch" in out and "values differ" in out and "eps=1e-6" in out


def test_resnet_block_with_relu_names_the_first_mismatch(capsys):
    class Relu(MyResnetBlock):
        def __init__(self, i, o, g):
            super().__init__(i, o, g, act=F.relu)

    out = fails(checks.check_vae_resnet_block(Relu), capsys)
    assert "0 of 9 inputs match" in out and "ResnetBlock(32, 32, 8)(tensor of shape (2, 32, 8, 8)" in out


def test_resnet_block_with_other_names_lists_missing_and_unexpected(capsys):
    class Renamed(MyResnetBlock):
        def __init__(self, i, o, g):
            super().__init__(i, o, g, shortcut_name="skip", always_shortcut=False)

    class Always(MyResnetBlock):
        def __init__(self, i, o, g):
            super().__init__(i, o, g, always_shortcut=True)

    out = fails(checks.check_vae_resnet_block(Always), capsys)
    assert "unexpected (yours has them, the reference does not): conv_shortcut.weight, conv_shortcut.bias" in out
    assert "ResnetBlock(32, 32, 8)" in out

    out = fails(checks.check_vae_resnet_block(Renamed), capsys)  # the first case (32 -> 32) has no shortcut: 2nd case
    assert "missing (the reference has them, yours does not): conv_shortcut.weight, conv_shortcut.bias" in out
    assert "unexpected (yours has them, the reference does not): skip.weight, skip.bias" in out
    assert "ResnetBlock(32, 64, 8)" in out


def test_resnet_block_with_a_wrong_kernel_reports_the_shape(capsys):
    class Kernel(MyResnetBlock):
        def __init__(self, i, o, g):
            super().__init__(i, o, g)
            self.conv1 = nn.Conv2d(i, o, 1)

    out = fails(checks.check_vae_resnet_block(Kernel), capsys)
    assert "wrong shape: conv1.weight: expected (32, 32, 3, 3), yours (32, 32, 1, 1)" in out


def test_stubs_are_not_written_yet(capsys):
    class StubInit(nn.Module):
        def __init__(self, i, o, g):
            super().__init__()
            raise NotImplementedError("write it")

    class StubForward(MyResnetBlock):
        def forward(self, x):
            raise NotImplementedError("write it")

    for stub, where in ((StubInit, "StubInit.__init__"), (StubForward, "StubForward.forward")):
        out = fails(checks.check_vae_resnet_block(stub), capsys)
        assert f"not written yet ({where} raises NotImplementedError)" in out and "hint:" in out

    class EncoderWithStubBlock(MyEncoder):  # the Encoder is written, but the ResnetBlock it is built from is not
        def __init__(self, config):
            super().__init__(config)
            self.down_blocks[0].resnets[0] = StubForward(config.block_out_channels[0], config.block_out_channels[0], 4)

    out = fails(checks.check_vae_encoder(EncoderWithStubBlock), capsys)
    assert "not written yet (StubForward.forward raises NotImplementedError)" in out

    class StubDecoder(ref.Decoder):
        def forward(self, z):
            raise NotImplementedError

    assert "not written yet" in fails(checks.check_vae_decoder(StubDecoder), capsys)

    def stub(*args):
        raise NotImplementedError

    assert "not written yet" in fails(checks.check_vae_sample(stub), capsys)
    assert "not written yet" in fails(checks.check_vae_kl(stub), capsys)


def test_an_instance_or_a_bad_signature_is_explained(capsys):
    out = fails(checks.check_vae_resnet_block(MyResnetBlock(4, 4, 2)), capsys)
    assert "expected the class itself" in out and "not ResnetBlock(...)" in out

    class TwoArgs(nn.Module):
        def __init__(self, in_channels, out_channels):
            super().__init__()

    out = fails(checks.check_vae_resnet_block(TwoArgs), capsys)
    assert "building ResnetBlock(32, 32, 8) raised" in out and "TypeError" in out


# ---- sample and kl: wrong answers ---------------------------------------------------------------

def test_sample_without_the_clamp_fails_with_the_hint(capsys):
    out = fails(checks.check_vae_sample(lambda m, lv, e: m + torch.exp(0.5 * lv) * e), capsys)
    assert "6 of 7 inputs match" in out and "logvar was not clamped to [-30, 20]" in out


def test_sample_with_the_variance_for_the_std_fails(capsys):
    out = fails(checks.check_vae_sample(lambda m, lv, e: m + torch.exp(lv.clamp(-30, 20)) * e), capsys)
    assert "first mismatch" in out and "sample(" in out


def test_sample_without_gradient_fails(capsys):
    out = fails(checks.check_vae_sample(lambda m, lv, e: my_sample(m, lv, e).detach()), capsys)
    assert "values are right" in out and "no gradient" in out

    def half_detached(mean, logvar, eps):
        return mean + torch.exp(0.5 * logvar.clamp(-30, 20)).detach() * eps

    out = fails(checks.check_vae_sample(half_detached), capsys)
    assert "with respect to logvar" in out


def test_kl_mean_instead_of_sum_and_missing_clamp(capsys):
    def mean_kl(mean, logvar):
        logvar = logvar.clamp(-30, 20)
        return 0.5 * (mean ** 2 + logvar.exp() - 1 - logvar).mean(dim=[1, 2, 3])

    out = fails(checks.check_vae_kl(mean_kl), capsys)
    assert "first mismatch" in out and "the KL of an image is their sum, over dims 1, 2, 3" in out

    out = fails(checks.check_vae_kl(lambda m, lv: 0.5 * (m ** 2 + lv.exp() - 1 - lv).sum(dim=[1, 2, 3])), capsys)
    assert "6 of 7 inputs match" in out

    out = fails(checks.check_vae_kl(lambda m, lv: 0.5 * (m ** 2 + lv.exp() - 1 - lv).sum()), capsys)
    assert "expected shape (2,), got ()" in out


# ---- Encoder, Decoder, VAE: wrong answers -------------------------------------------------------

def test_decoder_with_the_mid_block_last_reports_the_error_without_a_traceback(capsys):
    class MidLast(ref.Decoder):
        def forward(self, z):
            x = self.conv_in(z)
            for block in self.up_blocks:
                x = block(x)
            return self.conv_out(self.conv_act(self.conv_norm_out(self.mid_block(x))))

    out = fails(checks.check_vae_decoder(MidLast), capsys)
    assert "raised" in out and "RuntimeError" in out and "mid_block runs after the up blocks" in out


def test_encoder_skipping_the_last_block_fails(capsys):
    class Skips(ref.Encoder):
        def forward(self, x):
            x = self.conv_in(x)
            for block in self.down_blocks[:-1]:
                x = block(x)
            return self.conv_out(self.conv_act(self.conv_norm_out(self.mid_block(x))))

    class NoNorm(ref.Encoder):
        def forward(self, x):
            x = self.conv_in(x)
            for block in self.down_blocks:
                x = block(x)
            return self.conv_out(self.conv_act(self.mid_block(x)))

    assert "0 of 6 inputs match" in fails(checks.check_vae_encoder(Skips), capsys)
    out = fails(checks.check_vae_encoder(NoNorm), capsys)
    assert "first mismatch" in out and "Encoder(VAEConfig.tiny())" in out


def test_vae_with_mean_and_logvar_swapped_fails(capsys):
    class Swapped(MyVAE):
        def encode(self, image):
            mean, logvar = super().encode(image)
            return logvar, mean

    out = fails(checks.check_vae(Swapped), capsys)
    assert "3 of 6 inputs match" in out and ".encode(" in out and "at [0]" in out


@pytest.mark.parametrize("missing", ["quant_conv", "post_quant_conv"])
def test_vae_without_a_quant_conv_lists_its_names(missing, capsys):
    class Without(MyVAE):
        def __init__(self, config):
            super().__init__(config)
            delattr(self, missing)
            setattr(self, missing, None)

    out = fails(checks.check_vae(Without), capsys)
    assert f"missing (the reference has them, yours does not): {missing}.weight, {missing}.bias" in out
