"""Notebook 11's checks name the mistakes learners make: each mistake, written as a learner would, gets its own
sentence on the verdict's first line (above the numeric report); other correct ways of writing an answer pass, a
mistake the checks do not know gets the plain report, and an error in the learner's code is explained in words."""
from __future__ import annotations

import dataclasses
import itertools

import pytest
import torch
import torch.nn.functional as F
from verdicts import (  # noqa: F401 (fresh_record: an autouse fixture)
    broken,
    closer_hint_on_the_second_failure,
    fails,
    fresh_record,
    not_written_yet,
    passes,
    registered_with_word_hints,
    stub,
)
from verdicts import diagnosed as _diagnosed

from course.checks import flow as checks
from course.checks import progress
from course.checks.core import first_difference, unlabel
from course.checks.flow import (
    check_flow_euler_step,
    check_flow_loss,
    check_joint_attention,
    check_patchify,
    check_unpatchify,
    patchify_reference,
    unpatchify_reference,
)
from course.checks.flow_slips import EULER_SLIPS, JOINT_SLIPS, LOSS_SLIPS, PATCHIFY_SLIPS, UNPATCHIFY_SLIPS
from course.nets.attention import attention
from course.nets.mmdit import MMDiT, MMDiTConfig
from course.nets.mmdit_blocks import PatchEmbed
from course.sampling.flow import eps_from_v, flow_noisy, flow_velocity, loss_weighting, x0_from_v


def diagnosed(result, capsys, words: str) -> str:
    return _diagnosed(result, capsys, words, looks_like=True)


def plain_wrong(result, capsys, name: str) -> str:
    """Failed with the numeric report alone: no mistake named, the first difference shown."""
    out = fails(result, capsys)
    assert out.startswith(f"✗ {name}: ") and "it looks like" not in out and "first mismatch" in out, out
    assert "difference:" in out and "hint: " in out, out
    return out


# ---- §1 flow_loss -------------------------------------------------------------------------------------------------

def loss(noisy=lambda x0, n, s: (1 - s) * x0 + s * n, target=lambda x0, n: n - x0, t=lambda s: s * 1000,
         reduce=lambda e, s: e.mean(), cond=True, per_image=lambda s: s[:, None, None, None]):
    """A learner's flow_loss: ``per_image(σ)`` σ shaped against x0, ``noisy`` the model's input, ``t(σ)`` its
    timestep, ``target``, ``reduce(squared errors, shaped σ)``, the conditioning passed on when ``cond``."""
    def flow_loss(model, x0, noise, sigma, **kwargs):
        s = per_image(sigma)
        pred = model(noisy(x0, noise, s), t(sigma), **(kwargs if cond else {}))
        return reduce((pred - target(x0, noise)) ** 2, s)
    return flow_loss


def without_cond(model, x0, noise, sigma):
    return loss()(model, x0, noise, sigma)


def cond_packed(model, x0, noise, sigma, **cond):
    s = sigma.view(-1, 1, 1, 1)
    return F.mse_loss(model((1 - s) * x0 + s * noise, sigma * 1000, cond=cond), noise - x0)


def under_no_grad(model, x0, noise, sigma, **cond):
    with torch.no_grad():
        return loss()(model, x0, noise, sigma, **cond)


LOSS_MISTAKES = {
    "target_sign_flipped": (loss(target=lambda x0, n: x0 - n), "the target's sign is flipped"),
    "mix_swapped": (loss(noisy=lambda x0, n, s: s * x0 + (1 - s) * n), "x0 and the noise are swapped in the mix"),
    "epsilon_target": (loss(target=lambda x0, n: n), "the target is the noise, SD 1.x's ε-prediction"),
    "x0_target": (loss(target=lambda x0, n: x0), "the target is x0"),
    "sigma_as_timestep": (loss(t=lambda s: s), "the model got σ as its timestep"),
    "clean_input": (loss(noisy=lambda x0, n, s: x0), "the model got the clean x0"),
    "conditioning_dropped": (loss(cond=False), "the conditioning was not passed on"),
    "summed": (loss(reduce=lambda e, s: e.sum()), "you summed the squared errors"),
    "mean_per_image_summed": (loss(reduce=lambda e, s: e.mean(dim=(1, 2, 3)).sum()),
                              "you averaged each image's squared errors and summed the images"),
    "sum_per_image_averaged": (loss(reduce=lambda e, s: e.sum(dim=(1, 2, 3)).mean()),
                               "you summed each image's squared errors and averaged over the batch"),
    "sigma_sqrt_weighting": (loss(reduce=lambda e, s: (e * s ** -2.0).mean()), "weighted by 1/σ², SD3's sigma_sqrt"),
    "sigma_sqrt_from_the_course": (lambda m, x0, n, s, **c: (loss_weighting("sigma_sqrt", s).view(-1, 1, 1, 1) * (
        m(flow_noisy(x0, n, s), s * 1000, **c) - flow_velocity(x0, n)) ** 2).mean(), "SD3's sigma_sqrt scheme"),
    "sigma_not_broadcast": (loss(per_image=lambda s: s), "σ has one number per image, shape (B,) = (3,), and lined "
                                                         "up with x0 (3, 4, 6, 5) from the right its numbers meet "
                                                         "the columns, W = 5, not the batch"),
    "sigma_as_a_column": (loss(per_image=lambda s: s[:, None]), "its numbers meet the rows, H = 6, not the batch: "
                                                                "view it as (B, 1, 1, 1), here (3, 1, 1, 1)"),
    "sigma_with_two_axes": (loss(per_image=lambda s: s[:, None, None]), "its numbers meet the channels, C = 4"),
    "no_keyword_arguments": (without_cond, "flow_loss takes the conditioning as keyword arguments after sigma"),
    "conditioning_packed": (cond_packed, "the model got a keyword it does not take"),
    "arguments_forgotten": (lambda model, x0, noise, **cond: None, "flow_loss takes model, x0, noise and sigma"),
}


@pytest.mark.parametrize("mistake", LOSS_MISTAKES)
def test_flow_loss_mistake_is_named(mistake, capsys):
    fn, words = LOSS_MISTAKES[mistake]
    diagnosed(check_flow_loss(fn), capsys, words)


def as_diffusers_script(model, x0, noise, sigma, **cond):
    """train_dreambooth_sd3.py's loss, weighting "logit_normal" (all ones)."""
    pred = model(flow_noisy(x0, noise, sigma), sigma * 1000, **cond)
    weighting = loss_weighting("logit_normal", sigma).view(-1, 1, 1, 1)
    return torch.mean((weighting.float() * (pred.float() - (noise - x0).float()) ** 2).reshape(len(x0), -1), 1).mean()


LOSS_VARIANTS = {
    "as_in_the_notebook": loss(),
    "the_course_functions": lambda m, x0, n, s, **c: F.mse_loss(m(flow_noisy(x0, n, s), s * 1000, **c),
                                                                flow_velocity(x0, n)),
    "as_diffusers_script": as_diffusers_script,
    "context_by_name": lambda m, x0, n, s, context=None: loss()(m, x0, n, s, context=context),
}


@pytest.mark.parametrize("variant", LOSS_VARIANTS)
def test_flow_loss_correct_variants_pass_and_reach_the_weights(variant, capsys):
    assert "Gradients reach every weight" in passes(check_flow_loss(LOSS_VARIANTS[variant]), capsys)


def test_a_flow_loss_without_gradients_is_refused(capsys):
    out = fails(check_flow_loss(under_no_grad), capsys)
    assert out.startswith("✗ flow_loss: the values are right, but no gradient reaches the model's weights"), out


# ---- §2 flow_euler_step -------------------------------------------------------------------------------------------

def ddim_style(x, v, sigma, sigma_next):
    """Re-noise the predicted x0 with the predicted noise at σ_next, as DDIM would."""
    x0, eps = x - sigma * v, x + (1 - sigma) * v
    return (1 - sigma_next) * x0 + sigma_next * eps


EULER_MISTAKES = {
    "wrong_direction": (lambda x, v, s, sn: x - (sn - s) * v, "the step goes the wrong way"),
    "straight_to_x0": (lambda x, v, s, sn: x - s * v, "you jumped straight to the predicted x0"),
    "sigma_next_times_v": (lambda x, v, s, sn: x + sn * v, "the step is σ_next·v"),
    "in_timesteps": (lambda x, v, s, sn: x + (sn * 1000 - s * 1000) * v, "measured in the model's timesteps"),
    "dt_forgotten": (lambda x, v, s, sn: x + v, "the velocity was added whole"),
    "tensor_method_on_a_float": (lambda x, v, s, sn: x + (sn.item() - s.item()) * v, "σ may come as a plain Python"),
    "arguments_forgotten": (lambda x, v, dt: x + dt * v, "flow_euler_step takes four arguments"),
}


@pytest.mark.parametrize("mistake", EULER_MISTAKES)
def test_flow_euler_step_mistake_is_named(mistake, capsys):
    fn, words = EULER_MISTAKES[mistake]
    diagnosed(check_flow_euler_step(fn), capsys, words)


EULER_VARIANTS = {
    "as_in_the_notebook": lambda x, v, s, sn: x + (sn - s) * v,
    "ddim_style": ddim_style,
    "the_course_functions": lambda x, v, s, sn: flow_noisy(x0_from_v(x, v, s), eps_from_v(x, v, s), sn),
    "k_diffusion_form": lambda x, v, s, sn: x + (x - (x - s * v)) / s * (sn - s),
    "dt_as_a_tensor": lambda x, v, s, sn: torch.addcmul(x, torch.as_tensor(sn - s, dtype=x.dtype), v),
}


@pytest.mark.parametrize("variant", EULER_VARIANTS)
def test_flow_euler_step_correct_variants_pass(variant, capsys):
    passes(check_flow_euler_step(EULER_VARIANTS[variant]), capsys)


def test_renoising_the_predicted_x0_with_the_predicted_noise_is_the_euler_step():
    g = torch.Generator().manual_seed(0)
    x, v = torch.randn(3, 4, 5, 6, generator=g, dtype=torch.float64), torch.randn(3, 4, 5, 6, generator=g,
                                                                                  dtype=torch.float64)
    for sigma, sigma_next in [(1.0, 0.7), (0.55, 0.2), (0.3, 0.0)]:
        euler = checks.euler_reference(x, v, sigma, sigma_next)
        assert torch.allclose(ddim_style(x, v, sigma, sigma_next), euler, rtol=0, atol=1e-12)
        assert torch.allclose(x - sigma * v, euler) == (sigma_next == 0)  # the jump to x0 is the step only to σ = 0


# ---- §3 patchify, unpatchify ----------------------------------------------------------------------------------------

def grid_of(x, p):
    b, c, height, width = x.shape
    return x.view(b, c, height // p, p, width // p, p)  # (B, C, h, u, w, v)


def patches(*order):
    def patchify(x, p):
        return grid_of(x, p).permute(0, *order).reshape(len(x), -1, x.shape[1] * p * p)
    return patchify


def by_unfold(x, p):
    """F.unfold's patches are channel first, (c, u, v): reorder each to (u, v, c)."""
    cols = F.unfold(x, p, stride=p)  # (B, C·p·p, L)
    b, _, n = cols.shape
    return cols.view(b, x.shape[1], p * p, n).permute(0, 3, 2, 1).reshape(b, n, -1)


PATCHIFY_MISTAKES = {
    "channel_first": (patches(2, 4, 1, 3, 5), "each token holds its numbers channel by channel, (c, u, v)"),
    "unfold_as_it_comes": (lambda x, p: F.unfold(x, p, stride=p).transpose(1, 2), "a Conv2d patch embedding's"),
    "u_v_swapped": (patches(2, 4, 5, 3, 1), "within a token the patch's rows and columns are swapped"),
    "column_major": (patches(4, 2, 3, 5, 1), "the tokens run down the columns of the patch grid"),
    "no_permute": (lambda x, p: x.reshape(len(x), -1, x.shape[1] * p * p), "reshaped into tokens without a permute"),
    "float_division": (lambda x, p: x.view(len(x), x.shape[1], x.shape[2] / p, p, x.shape[3] / p, p), "a size is a "
                                                                                                       "float"),
    "view_after_permute": (lambda x, p: grid_of(x, p).permute(0, 2, 4, 3, 5, 1).view(len(x), -1, x.shape[1] * p * p),
                           "a view came after a permute"),
    "a_fixed_channel_count": (lambda x, p: patches(2, 4, 3, 5, 1)(x.view(len(x), 4, x.shape[2], -1), p),
                              "a view does not fit: here the picture is (2, 3, 8, 6), h = 4 by w = 3 patches"),
    "five_axes_permuted": (lambda x, p: grid_of(x, p).permute(0, 2, 4, 3, 1), "permute names every axis"),
}


@pytest.mark.parametrize("mistake", PATCHIFY_MISTAKES)
def test_patchify_mistake_is_named(mistake, capsys):
    fn, words = PATCHIFY_MISTAKES[mistake]
    diagnosed(check_patchify(fn), capsys, words)


@pytest.mark.parametrize("fn", [patchify_reference, by_unfold, patches(2, 4, 3, 5, 1)],
                         ids=["course", "unfold", "view"])
def test_patchify_correct_variants_pass(fn, capsys):
    passes(check_patchify(fn), capsys)


def pixels(*order, rows_first=True, channels_last=True):
    def unpatchify(tokens, h, w, p):
        b = len(tokens)
        shape = (b, h, w) if rows_first else (b, w, h)
        grid = tokens.view(*shape, p, p, -1) if channels_last else tokens.view(*shape, -1, p, p)
        return grid.permute(0, *order).reshape(b, -1, h * p, w * p)
    return unpatchify


def by_fold(tokens, h, w, p):
    """F.fold wants each patch channel first, (c, u, v): reorder from (u, v, c) first."""
    b, n, _ = tokens.shape
    cols = tokens.view(b, n, p * p, -1).permute(0, 3, 2, 1).reshape(b, -1, n)  # (B, C·p·p, L)
    return F.fold(cols, (h * p, w * p), p, stride=p)


UNPATCHIFY_MISTAKES = {
    "no_permute": (lambda t, h, w, p: t.reshape(len(t), -1, h * p, w * p), "reshaped into a picture without a permute"),
    "u_v_swapped": (pixels(5, 1, 4, 2, 3), "each patch was filled with its rows and columns swapped"),
    "column_major": (pixels(5, 2, 3, 1, 4, rows_first=False), "the tokens were read down the columns of the grid"),
    "h_w_swapped": (lambda t, h, w, p: pixels(5, 1, 3, 2, 4)(t, w, h, p), "h and w are swapped"),
    "channel_first": (pixels(3, 1, 4, 2, 5, channels_last=False), "each token's numbers were read channel by channel"),
    "fold_as_it_comes": (lambda t, h, w, p: F.fold(t.transpose(1, 2), (h * p, w * p), p, stride=p),
                         "read channel by channel, (c, u, v)"),
    "view_after_permute": (lambda t, h, w, p: t.view(len(t), h, w, p, p, -1).permute(0, 5, 1, 3, 2, 4)
                           .view(len(t), -1, h * p, w * p), "a view came after a permute"),
    "a_fixed_channel_count": (lambda t, h, w, p: t.view(len(t), h, w, p, p, 4), "a view does not fit"),
    "arguments_forgotten": (lambda tokens, p: tokens, "unpatchify takes tokens, h, w and p, in this order"),
}


@pytest.mark.parametrize("mistake", UNPATCHIFY_MISTAKES)
def test_unpatchify_mistake_is_named(mistake, capsys):
    fn, words = UNPATCHIFY_MISTAKES[mistake]
    diagnosed(check_unpatchify(fn), capsys, words)


@pytest.mark.parametrize("fn", [unpatchify_reference, by_fold, pixels(5, 1, 3, 2, 4)], ids=["course", "fold", "view"])
def test_unpatchify_correct_variants_pass(fn, capsys):
    passes(check_unpatchify(fn), capsys)


def test_the_unpatchify_checked_is_what_the_mmdit_does_and_patchify_inverts_it():
    config = dataclasses.replace(MMDiTConfig.tiny(), patch_size=2, out_channels=3)
    torch.manual_seed(0)
    model = MMDiT(config).eval()
    seen = []
    model.proj_out.register_forward_hook(lambda module, args, out: seen.append(out))
    x = torch.randn(2, 4, 8, 6)
    with torch.no_grad():
        out = model(x, torch.tensor([500.0, 20.0]), torch.randn(2, 5, 32), torch.randn(2, 64))
    assert torch.equal(unpatchify_reference(seen[0], 4, 3, 2), out)
    assert torch.equal(patchify_reference(out, 2), seen[0])  # patchify undoes it exactly
    image = torch.randn(3, 5, 6, 10)
    assert torch.equal(unpatchify_reference(patchify_reference(image, 2), 3, 5, 2), image)


def test_a_conv_patch_embedding_reads_the_channel_first_tokens():
    """What CHANNEL_FIRST says: PatchEmbed's Conv2d is a linear layer on each patch's numbers in (c, u, v) order,
    its weight flattened; in the (u, v, c) order the same layer needs its weight permuted."""
    torch.manual_seed(0)
    embed = PatchEmbed(sample_size=8, patch_size=2, in_channels=3, dim=8, max_size=4)
    x = torch.randn(2, 3, 8, 6)
    conv = embed.proj(x).flatten(2).transpose(1, 2)  # (B, h·w, D)
    channel_first = PATCHIFY_MISTAKES["channel_first"][0](x, 2)
    weight = embed.proj.weight  # (D, C, p, p)
    assert torch.allclose(channel_first @ weight.flatten(1).T + embed.proj.bias, conv, atol=1e-6)
    assert torch.allclose(patchify_reference(x, 2) @ weight.permute(0, 2, 3, 1).flatten(1).T + embed.proj.bias,
                          conv, atol=1e-6)


# ---- §4 joint_attention -------------------------------------------------------------------------------------------

def joint(mix="joint", text_weights="add", outs=(True, True), norms="both", scale=None, split=True, order="image",
          pre_only_text=False, norm_always=False, last_block_known=True):
    """A learner's joint_attention through F.scaled_dot_product_attention. ``mix``: "joint", "self" (two separate
    attentions) or "cross"; ``text_weights``: "add" or the image's "to"; ``norms``: "both", "image" or "none";
    ``order``: "image" first, "text" first split at N (wrong) or "text, split at T" (right)."""
    def joint_attention(attn, x, context):
        def streams(tokens, projs, norms, normed):
            q, k, v = (proj(tokens).unflatten(-1, (attn.heads, -1)).transpose(1, 2) for proj in projs)
            if normed or norm_always:  # norm_always: even where the attention has none
                q, k = (n(t) if n is not None or norm_always else t for t, n in zip((q, k), norms))
            if not split:  # one head as wide as all of them
                q, k, v = (t.transpose(1, 2).flatten(2)[:, None] for t in (q, k, v))
            return q, k, v  # (B, heads, T, d)

        image = streams(x, (attn.to_q, attn.to_k, attn.to_v), (attn.norm_q, attn.norm_k), norms != "none")
        text = streams(context, (attn.to_q, attn.to_k, attn.to_v) if text_weights == "to" else
                       (attn.add_q_proj, attn.add_k_proj, attn.add_v_proj),
                       (attn.norm_q, attn.norm_k) if text_weights == "to" else (attn.norm_added_q, attn.norm_added_k),
                       norms == "both")
        if mix == "joint":
            pairs = zip(text, image) if order.startswith("text") else zip(image, text)
            out = F.scaled_dot_product_attention(*(torch.cat(p, dim=2) for p in pairs), scale=scale)
            out = out.transpose(1, 2).flatten(2)  # (B, N + T, heads·d)
            at = context.shape[1] if order == "text, split at T" else x.shape[1]
            img, txt = (out[:, at:], out[:, :at]) if order == "text, split at T" else (out[:, :at], out[:, at:])
        else:
            keys = (text, image) if mix == "cross" else (image, text)
            img, txt = (F.scaled_dot_product_attention(q, *kv[1:], scale=scale).transpose(1, 2).flatten(2)
                        for q, kv in ((image[0], keys[0]), (text[0], keys[1])))
        img = attn.to_out[0](img) if outs[0] else img
        if attn.context_pre_only and last_block_known:
            return img, (txt if pre_only_text else None)
        return img, (attn.to_add_out(txt) if outs[1] else txt)
    return joint_attention


def norm_before_split(attn, x, context):
    q = attn.to_q(x)
    if attn.norm_q is not None:
        q = attn.norm_q(q)
    return attn(x, context)


def joined_along_heads(attn, x, context):
    q, cq = (t.unflatten(-1, (attn.heads, -1)).transpose(1, 2) for t in (attn.to_q(x), attn.add_q_proj(context)))
    return torch.cat([q, cq], dim=1)


JOINT_MISTAKES = {
    "two_self_attentions": (joint(mix="self"), "you ran two separate self-attentions"),
    "cross_attention_both_ways": (joint(mix="cross"), "SD 1.x's cross-attention both ways"),
    "image_weights_for_the_text": (joint(text_weights="to"), "the text's q, k and v were made with the image's"),
    "to_out_forgotten": (joint(outs=(False, True)), "the image's output skipped to_out"),
    "to_add_out_forgotten": (joint(outs=(True, False)), "the text's output skipped to_add_out"),
    "both_outputs_forgotten": (joint(outs=(False, False)), "both outputs skipped their projections"),
    "qk_norm_skipped": (joint(norms="none"), "the QK-norm was skipped"),
    "text_qk_norm_skipped": (joint(norms="image"), "the text's QK-norm was skipped"),
    "scaled_by_d": (lambda a, x, c: joint(scale=1 / (a.to_q.out_features // a.heads))(a, x, c),
                    "the scores were divided by d"),
    "heads_not_split": (joint(split=False), "the heads were not split"),
    "text_first_split_at_n": (joint(order="text"), "the text was put first in the sequence"),
    "text_returned_by_the_last_block": (joint(pre_only_text=True), "returned the text's output"),
    "to_add_out_called_in_the_last_block": (joint(last_block_known=False), "this attention is the last block's"),
    "norm_called_when_there_is_none": (joint(norm_always=True), "this attention has no QK-norm (SD3 medium's)"),
    "norm_before_the_heads_split": (norm_before_split, "the QK-norm got q or k with every head together, heads·d = "
                                                       "12 numbers"),
    "joined_along_the_heads": (joined_along_heads, "the image and the text were joined along another axis"),
    "arguments_forgotten": (lambda attn, x: attn(x), "joint_attention takes three arguments"),
}


@pytest.mark.parametrize("mistake", JOINT_MISTAKES)
def test_joint_attention_mistake_is_named(mistake, capsys):
    fn, words = JOINT_MISTAKES[mistake]
    diagnosed(check_joint_attention(fn), capsys, words)


def with_the_course_attention(attn, x, context):
    """The heads split by hand, the course's written-out attention (softmax of the scaled scores) in the middle."""
    def qkv(tokens, projs, norms):
        q, k, v = (p(tokens).unflatten(-1, (attn.heads, -1)).transpose(1, 2) for p in projs)
        return [t if n is None else n(t) for t, n in zip((q, k), norms)] + [v]
    image = qkv(x, (attn.to_q, attn.to_k, attn.to_v), (attn.norm_q, attn.norm_k))
    text = qkv(context, (attn.add_q_proj, attn.add_k_proj, attn.add_v_proj), (attn.norm_added_q, attn.norm_added_k))
    out = attention(*(torch.cat(pair, dim=2) for pair in zip(image, text)), fast=False)
    out = out.transpose(1, 2).flatten(2)  # (B, N + T, heads·d)
    n = x.shape[1]
    return attn.to_out[0](out[:, :n]), (None if attn.context_pre_only else attn.to_add_out(out[:, n:]))


JOINT_VARIANTS = {
    "the_module_itself": lambda attn, x, context: attn(x, context),
    "scaled_dot_product_attention": joint(),
    "text_first_split_at_t": joint(order="text, split at T"),
    "the_course_attention_written_out": with_the_course_attention,
}


@pytest.mark.parametrize("variant", JOINT_VARIANTS)
def test_joint_attention_correct_variants_pass(variant, capsys):
    passes(check_joint_attention(JOINT_VARIANTS[variant]), capsys)


# ---- every listed slip is told apart from the reference and from every other slip ----------------------------------

def _loss_slip(slip):
    return lambda m, x0, n, s, **cond: slip(m, x0, n, s, cond["context"])


SLIPS = {  # check, its inputs, its reference, its slips (as the learner's function would be called)
    "flow_loss": (check_flow_loss, checks._loss_inputs, checks._loss_reference, LOSS_SLIPS, _loss_slip),
    "flow_euler_step": (check_flow_euler_step, checks._euler_inputs, checks.euler_reference, EULER_SLIPS, None),
    "patchify": (check_patchify, checks._patchify_inputs, patchify_reference, PATCHIFY_SLIPS, None),
    "unpatchify": (check_unpatchify, checks._unpatchify_inputs, unpatchify_reference, UNPATCHIFY_SLIPS, None),
    "joint_attention": (check_joint_attention, checks._joint_inputs, lambda a, x, c: a(x, c), JOINT_SLIPS, None),
}


@pytest.mark.parametrize("name", SLIPS)
def test_each_listed_slip_is_named_by_its_own_sentence(name, capsys):
    check, _, _, slips, as_learner = SLIPS[name]
    for words, slip in slips:
        diagnosed(check(as_learner(slip) if as_learner else slip), capsys, words)


@pytest.mark.parametrize("name", SLIPS)
def test_each_slip_differs_from_the_reference_and_from_every_other_slip(name):
    _, inputs, reference, slips, _ = SLIPS[name]
    cases = [tuple(unlabel(a) for a in args) for args in inputs("cpu")]

    def value(fn, args):
        try:
            with torch.no_grad():
                return fn(*args)
        except Exception as error:
            return error

    def differ(a, b) -> bool:
        if isinstance(a, Exception) or isinstance(b, Exception):
            return not (isinstance(a, Exception) and isinstance(b, Exception))
        return first_difference(a, b) is not None

    values = [[value(reference, args) for args in cases]] + [[value(s, args) for args in cases] for _, s in slips]
    assert not any(isinstance(v, Exception) for v in values[0])
    for i, j in itertools.combinations(range(len(values)), 2):
        assert any(differ(a, b) for a, b in zip(values[i], values[j])), \
            f"{'the reference' if i == 0 else slips[i - 1][0]!r} and {slips[j - 1][0]!r} agree on every case"


# ---- unknown mistakes, errors, stubs, hints ----------------------------------------------------------------------

CHECKS = {"flow_loss": check_flow_loss, "flow_euler_step": check_flow_euler_step, "patchify": check_patchify,
          "unpatchify": check_unpatchify, "joint_attention": check_joint_attention}
UNKNOWN = {  # wrong in a way no slip describes
    "flow_loss": lambda m, x0, n, s, **c: 2 * loss()(m, x0, n, s, **c),
    "flow_euler_step": lambda x, v, s, sn: x + 0.5 * (sn - s) * v,
    "patchify": lambda x, p: patchify_reference(x, p).flip(1),
    "unpatchify": lambda t, h, w, p: unpatchify_reference(t, h, w, p).flip(-1),
    "joint_attention": lambda a, x, c: (2 * a(x, c)[0], a(x, c)[1]),
}


@pytest.mark.parametrize("name", CHECKS)
def test_an_unknown_mistake_gets_the_plain_report(name, capsys):
    plain_wrong(CHECKS[name](UNKNOWN[name]), capsys, name)


@pytest.mark.parametrize("name", CHECKS)
def test_a_stub_is_not_written_yet_and_its_hint_is_words(name, capsys):
    not_written_yet(CHECKS[name](stub), capsys)


@pytest.mark.parametrize("name, what", [
    ("flow_loss", "flow_loss(model (a small velocity model), x0 (3, 4, 6, 5), noise (3, 4, 6, 5), sigma tensor([0.02, "
                  "0.5, 0.97]), context=context (3, 4, 8))"),
    ("flow_euler_step", "flow_euler_step(x (2, 4, 5, 3), v (2, 4, 5, 3), sigma=1.0, sigma_next=0.8)"),
    ("patchify", "patchify(x (2, 3, 8, 6), p=2)"),
    ("unpatchify", "unpatchify(tokens (2, 12, 12), h=4, w=3, p=2)"),
    ("joint_attention", "joint_attention(attn (2 heads of 6, no QK-norm), x (2, 5, 16), context (2, 3, 16))"),
])
def test_an_error_in_the_learners_code_is_reported_without_a_traceback(name, what, capsys):
    out = fails(CHECKS[name](broken), capsys)
    assert f"{name} raised ValueError on input {what}:\n    ValueError: my own bug" in out, out
    assert "it looks like" not in out, out


@pytest.mark.parametrize("name", CHECKS)
def test_a_value_passed_instead_of_the_function_is_explained(name, capsys):
    assert "expected a function" in fails(CHECKS[name](torch.zeros(2)), capsys)


NAMES = {"flow_loss": "§1", "flow_euler_step": "§2", "patchify": "§3", "unpatchify": "§3", "joint_attention": "§4"}


@pytest.mark.parametrize("name", NAMES)
def test_every_check_is_registered_with_hints_in_words(name):
    registered_with_word_hints(name, "11_flow", NAMES[name])


def test_the_euler_hints_tell_the_ddim_way_is_the_same_step():
    assert "exactly the same step" in progress.EXERCISES["flow_euler_step"].tiers[2]


@pytest.mark.parametrize("name, mistake, good, closer", [
    ("flow_loss", LOSS_MISTAKES["summed"][0], loss(), "sigma holds one number per image"),
    ("flow_euler_step", EULER_MISTAKES["dt_forgotten"][0], ddim_style, "sigma_next is smaller than sigma"),
    ("patchify", PATCHIFY_MISTAKES["channel_first"][0], by_unfold, "View the height as h rows of patches"),
    ("unpatchify", UNPATCHIFY_MISTAKES["no_permute"][0], by_fold, "View the tokens as the batch"),
    ("joint_attention", JOINT_MISTAKES["two_self_attentions"][0], joint(), "Each stream keeps its own weights"),
], ids=list(NAMES))
def test_a_second_failure_shows_the_closer_hint_once_and_require_waits(name, mistake, good, closer, capsys):
    closer_hint_on_the_second_failure(CHECKS[name], name, NAMES[name], mistake, good, closer, capsys)


def test_the_checks_leave_the_learners_random_state_alone(capsys):
    torch.manual_seed(5)
    want = torch.rand(3)
    torch.manual_seed(5)
    for name, check in CHECKS.items():
        check(UNKNOWN[name])
    assert torch.equal(torch.rand(3), want)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU: the checks' device argument")
def test_on_the_gpu_the_answers_pass_and_the_slips_are_still_named(capsys):
    passes(check_flow_loss(loss(), device="cuda"), capsys)
    passes(check_flow_euler_step(ddim_style, device="cuda"), capsys)
    passes(check_patchify(by_unfold, device="cuda"), capsys)
    passes(check_unpatchify(by_fold, device="cuda"), capsys)
    passes(check_joint_attention(joint(), device="cuda"), capsys)
    diagnosed(check_flow_loss(LOSS_MISTAKES["sigma_as_timestep"][0], device="cuda"), capsys, "σ as its timestep")
    diagnosed(check_joint_attention(joint(mix="self"), device="cuda"), capsys, "two separate self-attentions")
    diagnosed(check_patchify(PATCHIFY_MISTAKES["column_major"][0], device="cuda"), capsys, "down the columns")
