"""``python -m teachkit``: the ``teachkit`` command where its script is not on the path."""

from .teaching import main

__all__ = ["main"]

main()
