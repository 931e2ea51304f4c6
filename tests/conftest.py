"""Shared fixtures."""
import pytest
from reference_parts import tiny_pipeline, write_model_folder


@pytest.fixture
def model_folder(tmp_path):
    """A tiny diffusers Stable Diffusion folder on disk, written by the reference libraries."""
    return write_model_folder(tmp_path / "model")


@pytest.fixture(scope="session")
def pipe():
    """diffusers' StableDiffusionPipeline on tiny random parts (tests swap its scheduler as they need)."""
    return tiny_pipeline()


@pytest.fixture(scope="session")
def parts(pipe):
    """The same parts as the course's: ``from_reference(pipe)``."""
    from course.io.loading import from_reference
    return from_reference(pipe)
