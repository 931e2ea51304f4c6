"""IPAdapter.use(combine=, image_proj=): notebook 09 runs the UNet with the learner's decoupled attention and image
projection in place of the course's. The course's own pieces plugged in change nothing, bit for bit; another combine
changes the output; use() puts the course's pieces back; the adapter's weights (its file) never change; a module
whose names or shapes are not the file's is refused and leaves the adapter as it was."""
from __future__ import annotations

import pytest
import torch
from reference_parts import UNET_CONFIGS, random_ip_adapter, tiny_unet
from torch import nn

from course.io.loading import from_reference
from course.nets.attention import attention
from course.nets.ip_adapter import ImageProjection, IPAdapter, cross_attention_layers, decoupled_attention

D, N = 20, 4  # the image embedding's width; the plain IP-Adapter's number of image tokens
C = UNET_CONFIGS["tiny"]["cross_attention_dim"]


@pytest.fixture(scope="module")
def unet():
    return from_reference(tiny_unet()).eval()


@pytest.fixture
def adapter(unet):
    """A random IP-Adapter (seeded, norms off 1 and 0) attached to the tiny UNet; detached after the test."""
    adapter = IPAdapter(unet, D, N)
    adapter.load_state_dict(random_ip_adapter(tiny_unet(), C, D, N, spread=0.3, seed=3), strict=True)
    adapter.attach()
    yield adapter
    adapter.remove()


def run(unet) -> torch.Tensor:
    g = torch.Generator().manual_seed(1)
    x, context = torch.randn(2, 4, 8, 8, generator=g), torch.randn(2, 7, C, generator=g)
    image_embeds = 2 * torch.randn(2, D, generator=g)
    with torch.no_grad():
        return unet(x, 500, context, image_embeds=image_embeds)


def one_softmax(q, k, v, k_ip, v_ip, scale):
    """A learner's slip: the text and image tokens concatenated into one softmax."""
    return attention(q, torch.cat([k, k_ip], dim=2), torch.cat([v, scale * v_ip], dim=2))


def snapshot(module: nn.Module) -> dict[str, torch.Tensor]:
    return {key: value.clone() for key, value in module.state_dict().items()}


def test_the_course_pieces_plugged_in_give_the_same_output_bit_for_bit(unet, adapter):
    before, own = run(unet), adapter.image_proj
    adapter.use(decoupled_attention)
    assert torch.equal(run(unet), before)
    fresh = ImageProjection(D, C, N)  # random weights of its own: use() loads the adapter's into it
    adapter.use(image_proj=fresh)
    assert adapter.image_proj is fresh and adapter.image_proj is not own
    assert torch.equal(run(unet), before)
    adapter.use(decoupled_attention, image_proj=ImageProjection(D, C))  # num_tokens by default: 4
    assert torch.equal(run(unet), before)


def test_the_plugged_in_combine_is_what_every_cross_attention_calls(unet, adapter):
    calls = []

    def recording(*args):
        calls.append(tuple(a.shape for a in args[:5]))
        return decoupled_attention(*args)

    before = run(unet)
    adapter.use(recording)
    assert torch.equal(run(unet), before)
    assert len(calls) == len(cross_attention_layers(unet)) >= 2  # once per attn2, per forward
    assert all(shape[3] == shape[4] and shape[3][2] == N for shape in calls)  # k_ip, v_ip: the N image tokens


def test_another_combine_changes_the_output_and_use_puts_the_course_pieces_back(unet, adapter):
    before, own = run(unet), adapter.image_proj
    adapter.use(one_softmax, image_proj=ImageProjection(D, C, N))
    changed = run(unet)
    assert (changed - before).abs().max().item() > 1e-3 * before.abs().max().item()
    adapter.use()
    assert adapter.image_proj is own
    assert all(layer.combine is decoupled_attention for layer in adapter.ip_adapter.values())
    assert torch.equal(run(unet), before)


def test_a_learners_projection_is_the_one_that_runs(unet, adapter):
    class NoNorm(ImageProjection):  # right names and shapes, the norm forgotten in forward
        def forward(self, image_embeds):
            return self.proj(image_embeds).view(len(image_embeds), self.num_tokens, -1)

    before = run(unet)
    adapter.use(image_proj=NoNorm(D, C, N))
    assert not torch.allclose(run(unet), before)
    adapter.use()
    assert torch.equal(run(unet), before)


def test_use_with_a_projection_keeps_the_adapters_weights(unet, adapter):
    keys, values = list(adapter.state_dict()), snapshot(adapter)
    fresh = ImageProjection(D, C, N)
    adapter.use(image_proj=fresh)
    assert list(adapter.state_dict()) == keys  # the file's layout: image_proj.proj.weight, ..., ip_adapter.1...
    assert all(torch.equal(value, values[key]) for key, value in adapter.state_dict().items())
    assert all(torch.equal(value, values[f"image_proj.{key}"]) for key, value in fresh.state_dict().items())
    adapter.use()
    assert all(torch.equal(value, values[key]) for key, value in adapter.state_dict().items())


class OtherNames(nn.Module):
    def __init__(self, image_embed_dim, cross_attention_dim, num_tokens=4):
        super().__init__()
        self.linear = nn.Linear(image_embed_dim, num_tokens * cross_attention_dim)
        self.ln = nn.LayerNorm(cross_attention_dim)


class NormOverAllTokens(ImageProjection):
    def __init__(self, image_embed_dim, cross_attention_dim, num_tokens=4):
        super().__init__(image_embed_dim, cross_attention_dim, num_tokens)
        self.norm = nn.LayerNorm(num_tokens * cross_attention_dim)


REFUSED = {"other_names": OtherNames(D, C, N), "wrong_shapes": NormOverAllTokens(D, C, N),
           "another_number_of_tokens": ImageProjection(D, C, 3)}


@pytest.mark.parametrize("learner", REFUSED)
def test_a_projection_that_does_not_fit_is_refused_and_the_adapter_stays_as_it_was(unet, adapter, learner):
    before, own, values = run(unet), adapter.image_proj, snapshot(adapter)
    with pytest.raises((ValueError, RuntimeError)):
        adapter.use(image_proj=REFUSED[learner])
    assert adapter.image_proj is own
    assert all(torch.equal(value, values[key]) for key, value in adapter.state_dict().items())
    assert torch.equal(run(unet), before)


# IPAdapter.use hands torch's load_state_dict error through as it is (a RuntimeError whose "Missing key(s)" lists the
# learner's names, seen from the learner's module), and sets the combine before it tries the projection.

@pytest.mark.parametrize("learner, says", [
    (OtherNames(D, C, N), r"proj\.weight.*norm\.weight.*linear\.weight"),  # the file's names, then the learner's
    (NormOverAllTokens(D, C, N), r"norm\.weight.*\(128,\).*\(32,\)"),  # the key, yours and the file's shapes
    (ImageProjection, r"class"),  # the class, not a built module
])
def test_a_projection_that_does_not_fit_gets_a_clear_error(adapter, learner, says):
    with pytest.raises(ValueError, match=says):
        adapter.use(image_proj=learner)


def test_a_refused_use_changes_no_combine(adapter):
    with pytest.raises((ValueError, RuntimeError)):
        adapter.use(one_softmax, image_proj=OtherNames(D, C, N))
    assert all(layer.combine is decoupled_attention for layer in adapter.ip_adapter.values())
