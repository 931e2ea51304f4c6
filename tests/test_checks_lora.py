"""course.checks.lora: the reference pieces pass; stubs, the usual slips and wrong names fail with a useful message."""
import math
import re

import torch
from torch import nn

from course.checks.lora import check_inject, check_lora_conv, check_lora_linear, check_low_rank
from course.nets import lora


def test_low_rank():
    def svd_cut(w, k):
        u, s, vh = torch.linalg.svd(w, full_matrices=False)
        return u[:, :k] * s[:k] @ vh[:k]

    def smallest_values(w, k):  # keeps the last k singular values instead of the first
        u, s, vh = torch.linalg.svd(w, full_matrices=False)
        return u[:, -k:] * s[-k:] @ vh[-k:]

    def stub(w, k):
        raise NotImplementedError("svd")

    assert check_low_rank(svd_cut)
    result = check_low_rank(smallest_values)
    assert not result and "first mismatch" in result.message
    assert "not written yet" in check_low_rank(stub).message


def test_lora_linear_reference_passes_and_slips_fail(capsys):
    assert check_lora_linear(lora.LoRALinear)

    class NoAlpha(lora.LoRALinear):  # forgets α/r
        def forward(self, x):
            return self.lora_up(self.lora_down(x)) * self.scale

    class BothRandom(lora.LoRALinear):  # B not zero at the start
        def __init__(self, base, rank=4, alpha=None, dropout=0.0):
            super().__init__(base, rank, alpha, dropout)
            nn.init.normal_(self.lora_up.weight)

    class ZeroA(lora.LoRALinear):  # A zero too: nothing ever trains
        def __init__(self, base, rank=4, alpha=None, dropout=0.0):
            super().__init__(base, rank, alpha, dropout)
            nn.init.zeros_(self.lora_down.weight)

    class OtherNames(nn.Module):
        def __init__(self, base, rank=4, alpha=None, dropout=0.0):
            super().__init__()
            self.rank, self.scale, self.alpha = rank, 1.0, alpha
            self.A, self.B = nn.Linear(base.in_features, rank, bias=False), nn.Linear(rank, base.out_features, bias=False)
            self.lora_down, self.lora_up = self.A, self.B
            nn.init.kaiming_uniform_(self.A.weight, a=math.sqrt(5))
            nn.init.zeros_(self.B.weight)

    class Stub(lora.LoRALinear):
        def forward(self, x):
            raise NotImplementedError("write forward")

    result = check_lora_linear(NoAlpha)
    assert not result and "first mismatch" in result.message
    assert "must start at zero" in check_lora_linear(BothRandom).message
    assert "Kaiming-uniform" in check_lora_linear(ZeroA).message
    message = check_lora_linear(OtherNames).message
    assert "unexpected" in message and re.search(r"A\.weight", message) and "lora_down" in message
    assert "not written yet" in check_lora_linear(Stub).message


def test_lora_conv_reference_passes_and_a_wrong_kernel_fails():
    assert check_lora_conv(lora.LoRAConv2d)

    class NoPadding(lora.LoRAConv2d):  # A without the base's padding: the output has the wrong size
        @staticmethod
        def pair(base, rank):
            return (nn.Conv2d(base.in_channels, rank, base.kernel_size, base.stride, bias=False),
                    nn.Conv2d(rank, base.out_channels, 1, bias=False))

    class Transposed(lora.LoRAConv2d):  # A·B reshaped the wrong way round
        def delta_weight(self):
            down, up = self.lora_down.weight, self.lora_up.weight
            return self.multiplier() * (up.flatten(1) @ down.flatten(1)).reshape(
                down.shape[1], up.shape[0], *down.shape[2:]).transpose(0, 1)

    assert not check_lora_conv(NoPadding)
    assert not check_lora_conv(Transposed)


def reference_inject(unet, pattern, rank=4, alpha=None):
    unet.requires_grad_(False)
    layers = {}
    for name, module in unet.named_modules():
        if isinstance(module, nn.Linear) and re.search(pattern, name):
            layer = lora.LoRALinear(module, rank, alpha)
            module.register_forward_hook(lambda mod, args, out, layer=layer: out + layer(args[0]))
            layers[name] = layer
    return layers


def test_inject_reference_passes_and_the_usual_bugs_fail():
    assert check_inject(reference_inject)

    def late_binding(unet, pattern, rank=4, alpha=None):  # every hook sees the last layer
        unet.requires_grad_(False)
        layers = {}
        for name, module in unet.named_modules():
            if isinstance(module, nn.Linear) and re.search(pattern, name):
                layer = lora.LoRALinear(module, rank, alpha)
                module.register_forward_hook(lambda mod, args, out: out + layer(args[0]))
                layers[name] = layer
        return layers

    def not_frozen(unet, pattern, rank=4, alpha=None):
        layers = reference_inject(unet, pattern, rank, alpha)
        unet.requires_grad_(True)
        return layers

    def replaces_output(unet, pattern, rank=4, alpha=None):  # forgets W₀x
        unet.requires_grad_(False)
        layers = {}
        for name, module in unet.named_modules():
            if isinstance(module, nn.Linear) and re.search(pattern, name):
                layers[name] = layer = lora.LoRALinear(module, rank, alpha)
                module.register_forward_hook(lambda mod, args, out, layer=layer: layer(args[0]))
        return layers

    def every_linear(unet, pattern, rank=4, alpha=None):
        return reference_inject(unet, ".", rank, alpha)

    def stub(unet, pattern, rank=4, alpha=None):
        raise NotImplementedError("hooks")

    assert "Bind it as a default argument" in check_inject(late_binding).message
    assert "still require grad" in check_inject(not_frozen).message
    assert "must not change" in check_inject(replaces_output).message
    assert "not wanted" in check_inject(every_linear).message
    assert "not written yet" in check_inject(stub).message
