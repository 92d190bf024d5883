"""Param: one model parameter, the single source of truth for its range.

Validation, the live sliders (:mod:`widgets.controls`), the in-page explorer's grid
(:mod:`widgets.explorer`) and the model reference page all read these fields.
"""

import math
from dataclasses import dataclass
from numbers import Real

__all__ = ["Param", "horizon"]


@dataclass(frozen=True, kw_only=True)
class Param:
    """A model input: its name, label, unit, range, slider step, default and meaning (given by keyword:
    eight values in a row are easy to swap unseen)."""

    name: str
    label: str
    unit: str
    min: float
    max: float
    step: float
    default: float
    meaning: str

    def __post_init__(self):
        if not self.min <= self.default <= self.max:
            raise ValueError(f"{self.name}: default {self.default} outside [{self.min}, {self.max}]")
        if self.step <= 0 or self.step > self.max - self.min:
            raise ValueError(f"{self.name}: step {self.step} does not fit the range [{self.min}, {self.max}]")

    @property
    def integer(self) -> bool:
        """True when every value on the slider is a whole number."""
        return all(float(v).is_integer() for v in (self.min, self.max, self.step, self.default))

    @property
    def range_text(self) -> str:
        return f"[{self.min:g}, {self.max:g}]"

    def check(self, value) -> float | int:
        """Return ``value`` as a number if the model accepts it, else raise ValueError naming name, value and range."""
        if isinstance(value, bool) or not isinstance(value, Real):
            raise ValueError(f"{self.name} = {value!r} is not a number; allowed range {self.range_text} {self.unit}")
        if not math.isfinite(value):
            raise ValueError(f"{self.name} = {value!r} is not finite; allowed range {self.range_text} {self.unit}")
        if not self.min <= value <= self.max:
            raise ValueError(f"{self.name} = {value!r} is outside the allowed range {self.range_text} {self.unit}")
        if self.integer:
            if not float(value).is_integer():
                raise ValueError(f"{self.name} = {value!r} must be a whole number in {self.range_text} {self.unit}")
            return int(value)
        return float(value)

    def grid(self, n: int = 9) -> list[float]:
        """About ``n`` evenly spaced values on the slider's own steps, always including the default.

        The spacing is a whole number of steps (:meth:`grid_stride`); the grid runs from the
        default down towards ``min`` and up towards ``max`` as far as whole spacings fit. The
        in-page explorer's slider uses the same points, so it opens on the default and every
        position it can reach is a computed run.
        """
        stride = self.grid_stride(n)
        below = round((self.default - self.min) / self.step) // stride
        above = round((self.max - self.default) / self.step) // stride
        values = [self.default + k * stride * self.step for k in range(-below, above + 1)]
        decimals = max(0, -math.floor(math.log10(self.step))) + 2
        return [int(round(v)) if self.integer else round(v, decimals) + 0.0 for v in values]  # + 0.0: no -0.0

    def grid_stride(self, n: int = 9) -> int:
        """How many slider steps lie between neighbouring grid points: the smallest count that gives at
        most ``n`` points, widened a little where that lets the grid reach both ends of the range."""
        steps = round((self.max - self.min) / self.step)
        below = round((self.default - self.min) / self.step)
        smallest = max(1, math.ceil(steps / (n - 1)))
        for stride in range(smallest, 2 * smallest + 1):
            if below % stride == 0 and (steps - below) % stride == 0:
                return stride
        return smallest


def horizon(*, min: int, max: int, step: int, default: int) -> Param:
    """The slider for how many years a model follows a place: the same parameter in every model over time."""
    return Param(
        name="years",
        label="Years",
        unit="years",
        min=min,
        max=max,
        step=step,
        default=default,
        meaning="how many years to follow",
    )
