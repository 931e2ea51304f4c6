"""course.nets.image_encoder against transformers' CLIPVisionModelWithProjection with the same weights."""
import dataclasses

import pytest
import torch
from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection

from course.nets.image_encoder import ImageEncoder, ImageEncoderConfig, ImageEncoderOutput, config_from_reference

TOL = 1e-5
TINY = ImageEncoderConfig.tiny()
CONFIGS = {  # name: config; sizes differ in every field the weights or the token count depend on
    "tiny_quick_gelu": TINY,
    "gelu_patch_6_three_layers": dataclasses.replace(TINY, hidden_act="gelu", patch_size=6, image_size=36,
                                                     num_hidden_layers=3, projection_dim=16, layer_norm_eps=1e-6),
    "wide_remainder_pixels": ImageEncoderConfig(hidden_size=48, intermediate_size=64, num_hidden_layers=1,
                                                num_attention_heads=2, image_size=20, patch_size=7, hidden_act="gelu",
                                                projection_dim=40, num_channels=4),  # 20 px = 2 patches + 6 px dropped
}


def reference(cfg: ImageEncoderConfig, seed: int = 0) -> CLIPVisionModelWithProjection:
    """transformers' model with our config; every parameter nudged off its init (LayerNorms start at 1 and 0, and a
    swapped pre/post LayerNorm or layer_norm1/2 would otherwise go unnoticed)."""
    torch.manual_seed(seed)
    model = CLIPVisionModelWithProjection(CLIPVisionConfig(**dataclasses.asdict(cfg)))
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return model.eval()


def ours_from(ref: CLIPVisionModelWithProjection) -> ImageEncoder:
    model = ImageEncoder(config_from_reference(ref.config.to_dict()))
    model.load_state_dict(ref.state_dict(), strict=True)
    return model.eval()


def pixels(cfg: ImageEncoderConfig, batch: int = 2, seed: int = 1) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(batch, cfg.num_channels, cfg.image_size, cfg.image_size, generator=g)


def max_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return (a - b).abs().max().item()


@pytest.mark.parametrize("name", CONFIGS)
def test_matches_transformers(name):
    cfg = CONFIGS[name]
    ref = reference(cfg)
    ours = ours_from(ref)
    assert ours.config == cfg and set(ours.state_dict()) == set(ref.state_dict())
    x = pixels(cfg)
    with torch.no_grad():
        theirs = ref(x, output_hidden_states=True)
        out = ours(x, output_hidden_states=True)
        plain = ours(x)
    assert isinstance(out, ImageEncoderOutput) and isinstance(plain, torch.Tensor)
    assert plain.shape == (2, cfg.projection_dim)
    assert len(out.hidden_states) == len(theirs.hidden_states) == cfg.num_hidden_layers + 1
    assert out.hidden_states[0].shape == (2, cfg.grid() ** 2 + 1, cfg.hidden_size)
    for i, (a, b) in enumerate(zip(out.hidden_states, theirs.hidden_states)):
        assert max_diff(a, b) <= TOL, f"hidden_states[{i}]"
    assert max_diff(out.last_hidden_state, theirs.last_hidden_state) <= TOL
    assert max_diff(out.image_embeds, theirs.image_embeds) <= TOL
    assert torch.equal(plain, out.image_embeds)


def test_every_patch_sees_every_other():
    """Not causal (the text tower is): changing the last patch moves the class token, the first in the sequence."""
    ours = ours_from(reference(TINY))
    x = pixels(TINY, batch=1)
    y = x.clone()
    y[..., -TINY.patch_size:, -TINY.patch_size:] += 1.0  # the bottom-right patch only
    with torch.no_grad():
        a, b = ours(x, output_hidden_states=True), ours(y, output_hidden_states=True)
    assert max_diff(a.hidden_states[0][:, :-1], b.hidden_states[0][:, :-1]) == 0  # before attention: that patch only
    assert max_diff(a.hidden_states[1][:, 0], b.hidden_states[1][:, 0]) > 1e-4  # after one layer: the class token


def test_batch_rows_are_independent():
    ours = ours_from(reference(TINY))
    x = pixels(TINY, batch=3)
    with torch.no_grad():
        assert max_diff(ours(x)[1:2], ours(x[1:2])) <= TOL


def test_bad_pixels_are_refused_by_shape():
    ours = ImageEncoder(TINY)
    x = pixels(TINY)
    cases = [
        (x[:, :, :-2, :-2], "30×30 pixels"),  # wrong image size
        (x[:, :2], "3 channels"),  # wrong channels
        (x[:0], "takes"),  # an empty batch
        (x[0], r"pixels\[None\]"),  # one image without its batch axis
        (x.long(), "float tensor"),
        (x.numpy(), "float tensor"),
    ]
    for bad, message in cases:
        with pytest.raises(ValueError, match=message):
            ours(bad)


def test_bad_configs_are_refused_by_name():
    with pytest.raises(ValueError, match="hidden_act"):
        ImageEncoder(dataclasses.replace(TINY, hidden_act="relu"))
    with pytest.raises(ValueError, match="num_attention_heads"):
        ImageEncoder(dataclasses.replace(TINY, num_attention_heads=5))
    with pytest.raises(ValueError, match="smaller than one patch"):
        ImageEncoder(dataclasses.replace(TINY, image_size=1))
    with pytest.raises(ValueError, match="clip_vision_model"):
        config_from_reference({"model_type": "siglip_vision_model", "hidden_size": 32})
    with pytest.raises(ValueError, match="patch_size"):
        config_from_reference({"patch_size": "14"})


def test_a_full_clip_config_gives_its_vision_tower():
    from transformers import CLIPConfig

    full = CLIPConfig(vision_config=dataclasses.asdict(TINY)).to_dict()
    assert config_from_reference(full) == TINY


def test_load_image_encoder_reads_a_transformers_folder(tmp_path):
    """IP-Adapter releases ship models/image_encoder/ as transformers writes it: config.json + model.safetensors."""
    from course.io.ip_adapter_files import load_image_encoder

    cfg = CONFIGS["gelu_patch_6_three_layers"]
    ref = reference(cfg)
    ref.save_pretrained(tmp_path / "image_encoder")
    ours = load_image_encoder(tmp_path / "image_encoder")
    assert ours.config == cfg and not ours.training
    x = pixels(cfg)
    with torch.no_grad():
        assert max_diff(ours(x), ref(x).image_embeds) <= TOL
    torch.save(ref.state_dict(), tmp_path / "pickled.bin")
    (tmp_path / "pickled.bin").rename(tmp_path / "image_encoder" / "pytorch_model.bin")
    (tmp_path / "image_encoder" / "model.safetensors").unlink()
    with pytest.raises(ValueError, match="allow_pickle=True"):
        load_image_encoder(tmp_path / "image_encoder")
    with torch.no_grad():
        pickled = load_image_encoder(tmp_path / "image_encoder", allow_pickle=True)
        assert max_diff(pickled(x), ref(x).image_embeds) <= TOL
    (tmp_path / "image_encoder" / "config.json").unlink()
    with pytest.raises(FileNotFoundError, match="config.json"):
        load_image_encoder(tmp_path / "image_encoder")
