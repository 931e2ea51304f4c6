"""Shared fixtures."""
import pytest

from reference_parts import write_model_folder


@pytest.fixture
def model_folder(tmp_path):
    """A tiny diffusers Stable Diffusion folder on disk, written by the reference libraries."""
    return write_model_folder(tmp_path / "model")
