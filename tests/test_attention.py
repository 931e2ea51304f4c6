"""course.nets.attention: the written-out formula, the fast path, and the module against diffusers' Attention."""
import pytest
import torch
from diffusers.models.attention_processor import Attention as DiffusersAttention

from course.nets.attention import Attention, attention, merge_heads, split_heads


def qkv(tq=6, tk=9, seed=0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(2, 4, tq, 8, generator=g), torch.randn(2, 4, tk, 8, generator=g),
            torch.randn(2, 4, tk, 8, generator=g))


@pytest.mark.parametrize("causal", [False, True])
def test_written_out_equals_the_fast_kernel(causal):
    q, k, v = qkv(tk=6) if causal else qkv()
    fast = attention(q, k, v, causal=causal)
    slow, probs = attention(q, k, v, causal=causal, return_probs=True)
    assert (fast - slow).abs().max() <= 1e-5
    assert torch.allclose(probs.sum(-1), torch.ones(probs.shape[:-1]))


def test_written_out_is_the_textbook_formula():
    q, k, v = qkv()
    by_hand = torch.softmax(q @ k.transpose(-1, -2) / 8 ** 0.5, dim=-1) @ v
    assert (attention(q, k, v, fast=False) - by_hand).abs().max() <= 1e-6


def test_causal_means_no_looking_ahead():
    q, k, v = qkv(tk=6)
    _, probs = attention(q, k, v, causal=True, return_probs=True)
    assert probs.triu(1).abs().max() == 0 and probs[..., 0, 0].eq(1).all()


def test_heads_split_and_merge_back():
    x = torch.randn(2, 5, 12)
    assert split_heads(x, 3).shape == (2, 3, 5, 4)
    assert torch.equal(merge_heads(split_heads(x, 3)), x)


def test_cross_attention_module_matches_diffusers():
    torch.manual_seed(0)
    reference = DiffusersAttention(64, cross_attention_dim=32, heads=8, dim_head=8).eval()
    ours = Attention(64, 32, heads=8, dim_head=8)
    ours.load_state_dict(reference.state_dict(), strict=True)
    x, context = torch.randn(2, 16, 64), torch.randn(2, 7, 32)
    want = reference(x, encoder_hidden_states=context)
    assert (ours(x, context) - want).abs().max() <= 1e-5
    ours.keep_probs = True
    assert (ours(x, context) - want).abs().max() <= 1e-5
    assert ours.probs.shape == (2, 8, 16, 7)  # (B, heads, image tokens, text tokens)


def test_vae_style_attention_over_a_feature_map_matches_diffusers():
    torch.manual_seed(0)
    reference = DiffusersAttention(64, heads=1, dim_head=64, norm_num_groups=32, residual_connection=True, bias=True,
                                   upcast_softmax=True, _from_deprecated_attn_block=True, eps=1e-6).eval()
    ours = Attention(64, heads=1, dim_head=64, bias=True, norm_groups=32, eps=1e-6, residual=True)
    ours.load_state_dict(reference.state_dict(), strict=True)
    x = torch.randn(2, 64, 8, 8)
    assert (ours(x) - reference(x)).abs().max() <= 1e-5
