"""The personalisation comparison (course/training/compare.py): each row's trainable numbers and file size against
facts derived independently (the text encoder's width, the adapted layers' shapes, the UNet's parameters, the
files on disk), textual inversion leaving old pictures bit-identical, the gradient norms before clipping, the
table and the refusals. Runs are a few steps of a few pictures: what they learn is docs/results.md's business."""
import os

import pytest
import torch
from safetensors.torch import load_file

from course.io.loading import load_bundled
from course.nets.lora import find_targets
from course.pipeline import text_to_image
from course.training import data
from course.training.compare import METHODS, GradNorms, Row, compare, format_table, lr_sweep, run_method
from course.training.lora import LoRARecipe
from course.training.stage import Stage, lr_factor
from course.training.textual_inversion import TextualInversionRecipe

TINY = dict(steps=2, batch=2, n_prompts=2, images=2)


def numbers_in(path) -> int:
    """How many numbers a safetensors file holds (kohya's per-layer alpha, a saved constant, left out)."""
    return sum(t.numel() for k, t in load_file(str(path)).items() if not k.endswith(".alpha"))


def check_files(row: Row) -> None:
    assert row.files and all(os.path.isfile(f) for f in row.files)
    assert row.file_bytes == sum(os.path.getsize(f) for f in row.files)


def test_textual_inversion_row_and_old_pictures_bit_identical(tmp_path):
    torch.set_num_threads(2)
    row = run_method("textual_inversion", workdir=tmp_path, keep_parts=True, **TINY)
    want = TextualInversionRecipe.of("pink").vectors * load_bundled().text_encoder.config.hidden_size
    assert row.trainable == want
    check_files(row)
    assert numbers_in(row.files[0]) == want
    assert (row.word, row.steps, row.batch, len(row.losses), len(row.grad_norms)) == ("<pink>", 2, 2, 2, 2)
    old = [p for p, _ in data.heldout_prompts(2)]
    before = text_to_image(load_bundled(), old, seed=0, output_type="pt", progress=False)
    assert torch.equal(before, text_to_image(row.parts, old, seed=0, output_type="pt", progress=False))


def test_lora_row_counts_rank_times_in_plus_out(tmp_path):
    torch.set_num_threads(2)
    row = run_method("lora_text_encoder", workdir=tmp_path, prior_images=2, **TINY)  # the UNet's layers and the TE's
    rank, parts = LoRARecipe().rank, load_bundled()
    want = {root: sum(rank * (m.in_features + m.out_features) for m in find_targets(parts, targets).values())
            for root, targets in (("unet", "attention"), ("te", "text_encoder"))}
    assert METHODS["lora_text_encoder"].changes["targets"] == ("attention", "text_encoder")
    assert row.trainable == want["unet"] + want["te"]
    check_files(row)
    weights = load_file(row.files[0])
    for root in want:
        assert sum(t.numel() for k, t in weights.items() if k.startswith(f"lora_{root}_") and "alpha" not in k) == \
            want[root]


def test_dreambooth_row_trains_the_whole_unet(tmp_path):
    pytest.importorskip("course.training.dreambooth")
    torch.set_num_threads(2)
    row = run_method("dreambooth_prior", workdir=tmp_path, class_images=2, **TINY)
    unet = load_bundled().unet
    want = sum(p.numel() for p in unet.parameters())
    assert row.trainable == want
    check_files(row)
    assert numbers_in(row.files[0]) == sum(t.numel() for t in unet.state_dict().values())
    assert row.word != "pink" and row.word in row.recipe.values()  # the identifier stands for the concept


SCALES = (1.0, 0.1, 0.003, 0.01, 0.03, 1.0)  # the inputs' size per step: gradient norms from 0.014 to 1,600


def toy(tmp_path, trace, clip=None, scales=SCALES):
    """A linear model trained by Stage with ``trace`` as its log, or (``clip``) by AdamW with its own clip, as
    Stage's settings; returns its weights and each step's gradient norm, computed on copies the hooks never see."""
    torch.manual_seed(0)
    model, x, norms = torch.nn.Linear(3, 1, bias=False), torch.tensor([[10.0, -20.0, 30.0]]), []

    def loss_at(step):
        w = model.weight.detach().clone().requires_grad_()
        norms.append(torch.autograd.grad((scales[step] * x @ w.T).pow(2).sum(), w)[0].norm())
        return model(scales[step] * x).pow(2).sum()

    if clip is None:
        trace.watch(model.parameters())
        Stage("toy", model, 1e-2, tmp_path, len(scales), warmup=2, settings={}).run(loss_at, 1e9, log=trace,
                                                                                    log_every=1)
    else:
        opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.01)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: lr_factor(s, 2, len(scales)))
        for step in range(len(scales)):
            opt.zero_grad()
            loss_at(step).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            opt.step(), sched.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()]), torch.stack(norms)


def test_gradient_norms_are_taken_before_clipping(tmp_path):
    trace = GradNorms()
    _, want = toy(tmp_path, trace)
    assert trace.trainable == 3 and max(want) > 1 > min(want)
    assert trace.norms == pytest.approx(want.tolist(), rel=1e-5)
    trace.remove()


@pytest.mark.parametrize("clip", [1.0, 0.1, 0.01])
def test_clip_through_the_hooks_is_a_clip_at_that_norm(tmp_path, clip):
    weights, _ = toy(tmp_path, GradNorms(clip))
    want, _ = toy(tmp_path / "plain", None, clip=clip)
    assert torch.allclose(weights, want, rtol=1e-5, atol=1e-7)
    other, _ = toy(tmp_path / "other", None, clip=clip * 30)  # the test tells these clips apart
    assert not torch.allclose(other, want, rtol=1e-3)


def test_adam_ignores_a_clip_that_acts_on_every_step(tmp_path):
    """Why a tighter clip does not tame a diverging run here: clipped at every step, the gradients are all scaled
    to the clip's norm, and Adam's m/√v cancels a common scale (docs/results.md, "Personalisation compared")."""
    big = (1.0, 0.5, 0.8, 1.0)  # gradient norms of about 400 to 1,600: both clips act on every step
    a, _ = toy(tmp_path / "a", None, clip=1.0, scales=big)
    b, _ = toy(tmp_path / "b", None, clip=0.01, scales=big)
    assert torch.allclose(a, b, rtol=1e-5, atol=1e-7)


def row(label, concept, old):
    return Row(label, label, "pink", 2, 2, 1e-3, 10, 100, [], 1.0, 2.0, 0.5, 2, concept, old, 0.0, [1.0, 1.0], [], {})


def test_format_table_one_line_per_row():
    result = {"colour": 0.5, "shape": 1.0, "background": 1.0, "position": 1.0, "all": 0.25, "n": 4}
    rows = [row("a", result, result), row("b", None, None), row("c", result, result)]
    lines = format_table(rows).splitlines()
    assert len(lines) == 2 + len(rows)
    assert "25.0%" in lines[2] and "diverged" in lines[3]


def test_diverged():
    assert not row("a", None, None).diverged
    assert Row(**{**row("a", None, None).__dict__, "losses": [0.1] * 10 + [1.0] * 10}).diverged
    assert Row(**{**row("a", None, None).__dict__, "losses": [0.1, float("nan")]}).diverged
    assert Row(**{**row("a", None, None).__dict__, "losses": [0.1] + [1.5] * 10 + [1.0] * 9}).diverged  # at once
    assert not Row(**{**row("a", None, None).__dict__, "losses": [0.05] + [0.12] * 9 + [0.1] * 10}).diverged


def test_bad_names_and_settings_are_refused():
    with pytest.raises(ValueError, match="not one of"):
        run_method("lora_xl")
    with pytest.raises(ValueError, match="not among"):
        compare(["lora", "ti"])
    with pytest.raises(ValueError, match="learning rates"):
        lr_sweep("lora", [1e-3, float("nan")])
    with pytest.raises(ValueError, match="not settings of LoRARecipe"):
        run_method("lora", rnak=8)
    with pytest.raises(ValueError, match="LoRA and DreamBooth runs only"):
        run_method("textual_inversion", clip=0.1)
    with pytest.raises(ValueError, match="finite number > 0"):
        run_method("lora", clip=0.0)
