"""The cycle collector pause restores what it found, even when the work inside fails."""

from __future__ import annotations

import gc

import pytest

from repforge.gcpause import paused


def test_paused_turns_collection_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one in force
    assert gc.isenabled()


def test_a_failure_inside_still_restores_collection() -> None:
    with pytest.raises(ValueError, match="boom"), paused():
        raise ValueError("boom")
    assert gc.isenabled()
