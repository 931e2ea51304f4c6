"""For the training tests: Ctrl-C in the middle of a training stage (to stop a run and resume it), and the loss of
one fixed batch (to see that a short run learnt something)."""
from contextlib import contextmanager

import torch

from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training.stage import Stage


@contextmanager
def ctrl_c_at(step: int):
    """Inside the block, any ``Stage`` raises KeyboardInterrupt when it is about to take ``step``, as if the person
    had pressed Ctrl-C then: the stage saves its checkpoint and stops with its message."""
    original = Stage.update

    def update(self, loss):
        if self.step == step:
            raise KeyboardInterrupt
        original(self, loss)
    Stage.update = update
    try:
        yield
    finally:
        Stage.update = original


def fixed_batch_loss(parts, mean, captions) -> float:
    """The ε loss of one fixed batch (the same latents, timesteps and noise every time), without gradients."""
    g = torch.Generator().manual_seed(123)
    t = torch.linspace(50, 950, len(captions)).long()
    noise = torch.randn(mean.shape, generator=g)
    x_t = add_noise(mean * parts.vae.scaling_factor, noise, training_alphas_cumprod(parts.scheduler_config)[t])
    with torch.no_grad():
        context = parts.text_encoder(parts.tokenizer(captions, warn=False)["input_ids"])
        return (parts.unet(x_t, t, context) - noise).pow(2).mean().item()
