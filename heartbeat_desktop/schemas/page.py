"""A page of a long list, and where the next one starts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """``rows`` in the list's order; ``after`` is the cursor to pass for the
    next page (opaque to the caller), None when this page was the last."""

    rows: Sequence[T]
    after: tuple[Any, ...] | None
