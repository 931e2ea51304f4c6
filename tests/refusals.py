"""One way to test a bad input: the call is refused at once with one clear error.

``refused(call, error, *must_say)`` runs ``call()`` and asserts that it raises ``error`` (a ValueError or
FileNotFoundError, never an error from deep inside torch), within ``within`` seconds, with a message that
contains every string of ``must_say`` (the bad value and the fix, said in words). The time limit is there
because a refusal that first allocates or computes for minutes is no refusal; it is far above what checking
an argument takes on any machine, so it holds on slow CI machines too.
"""
import time

import pytest

LIMIT_S = 1.0


def refused(call, error, *must_say, within: float = LIMIT_S) -> str:
    start = time.perf_counter()
    with pytest.raises(error) as info:
        call()
    seconds = time.perf_counter() - start
    message = str(info.value)
    assert type(info.value) is error or issubclass(type(info.value), error)
    assert seconds < within, f"refused after {seconds:.2f} s (limit {within} s): check the input before the work"
    missing = [s for s in must_say if s.lower() not in message.lower()]
    assert not missing, f"the message does not say {missing}: {message!r}"
    assert "\n" not in message.strip() or len(message) < 600, f"a refusal is one short message: {message!r}"
    return message
