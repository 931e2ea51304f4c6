"""Ctrl-C in the middle of a training stage, for the tests that stop a run and resume it."""
from contextlib import contextmanager

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
