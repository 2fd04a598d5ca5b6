"""Forms, filters and export resources that a higher layer extends for pages of a lower one.

The network's actor form edits the actor's action fields, yet the network knows nothing of the
plan: the measures app subclasses `ActorForm` with the field and registers the subclass (in its
AppConfig.ready); the network's views ask for `extended(ActorForm)` and get the subclass.
Sections (core.sections) do the same for what a page shows.
"""

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T", bound=type)

_REGISTRY: dict[type, type] = {}


def extends(base: type) -> Callable[[T], T]:
    """Class decorator: the decorated subclass of `base` is used wherever `base` is asked for."""

    def register(extension: T) -> T:
        current = _REGISTRY.get(base, base)
        if extension is not current and not issubclass(extension, current):
            raise TypeError(f"{extension.__name__} must extend {current.__name__}")
        _REGISTRY[base] = extension
        return extension

    return register


def extended(base: T) -> T:
    """`base`, or the subclass a higher layer registered for it."""
    return _REGISTRY.get(base, base)  # type: ignore[return-value]
