"""CLIP's contrastive loss against a hand computation, and a few steps of pre-training that lower it."""
import math

import pytest
import torch

from course.training import bundled as train
from course.training import contrastive


def test_clip_loss_is_the_symmetric_cross_entropy_by_hand():
    g = torch.Generator().manual_seed(0)
    text = torch.nn.functional.normalize(torch.randn(5, 8, generator=g), dim=-1)
    image = torch.nn.functional.normalize(torch.randn(5, 8, generator=g), dim=-1)
    scale = 7.0
    total = 0.0
    for i in range(5):  # caption i should pick image i among the 5, and image i caption i
        row = [scale * float(text[i] @ image[j]) for j in range(5)]
        col = [scale * float(text[j] @ image[i]) for j in range(5)]
        total += -row[i] + math.log(sum(math.exp(v) for v in row))
        total += -col[i] + math.log(sum(math.exp(v) for v in col))
    assert float(contrastive.clip_loss(text, image, scale)) == pytest.approx(total / 10, rel=1e-5)
    # pairs that match perfectly and differ from the others: the loss goes to 0 as the scale grows
    eye = torch.eye(5, 8)
    assert float(contrastive.clip_loss(eye, eye, 100.0)) < 1e-6


def test_pretraining_lowers_the_loss_on_a_fixed_batch(tmp_path):
    recipe = train.Recipe.quick()
    tok = train.train_tokenizer(recipe)
    torch.manual_seed(0)
    from course.nets.text_encoder import TextEncoder
    from course.training import data
    pair = contrastive.CLIPPair(TextEncoder(recipe.text))
    items = [data.ShapesDataset(16, seed=3)[i] for i in range(16)]
    images = torch.stack([im for im, _ in items]) * 2 - 1
    ids = tok([c for _, c in items], warn=False)["input_ids"]
    opt = torch.optim.AdamW(pair.parameters(), lr=1e-3)
    first = float(pair(ids, images))
    for _ in range(15):
        loss = pair(ids, images)
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert float(pair(ids, images)) < 0.7 * first
