"""The book's simulation models and their registry.

``REGISTRY`` maps a model's name to a :class:`Model`: ``.params`` (its Param list),
``.run(**overrides)`` (a tidy DataFrame) and what a chart of it shows. Each model's
function lives in a module of this package with a docstring giving its equations,
assumptions, sources and what it leaves out; the reference page prints those.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from ..params import Param

__all__ = ["View", "Model", "REGISTRY", "register", "get"]


@dataclass(frozen=True)
class View:
    """How a run is drawn: x and y columns of the tidy output, and the column that splits lines."""

    x: str
    y: str
    color: str | None = None
    x_title: str = ""
    y_title: str = ""
    mark: str = "line"
    signed: bool = False  # True when y may be negative (a change, not a stock)


@dataclass(frozen=True)
class Model:
    """A registered model: a pure function of validated parameters, plus how to show it."""

    name: str
    title: str
    row: str  # argument-map rows, e.g. "I.6, I.7"
    params: tuple[Param, ...]
    fn: Callable[..., pd.DataFrame]
    view: View
    presets: dict[str, dict] = field(default_factory=dict)
    explore: tuple[str, ...] = ()  # parameters an in-page explorer varies by default (else the first two)

    @property
    def explore_params(self) -> list[str]:
        return list(self.explore) or [p.name for p in self.params[:2]]

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise ValueError(f"{self.name} has no parameter {name!r}; its parameters are {[p.name for p in self.params]}")

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def validate(self, preset: str | None = None, **overrides) -> dict:
        """Defaults, updated by the named ``preset``, then by ``overrides`` (a caller's value always
        wins), each checked against its Param; unknown names raise ValueError."""
        if preset is not None and preset not in self.presets:
            raise ValueError(f"{self.name} has no preset {preset!r}; its presets are {list(self.presets)}")
        values = self.defaults()
        for name, value in {**self.presets.get(preset, {}), **overrides}.items():
            values[name] = self.param(name).check(value)
        return values

    def run(self, preset: str | None = None, **overrides) -> pd.DataFrame:
        """A tidy run at the defaults, updated by ``preset`` and then by ``overrides`` (see :meth:`validate`)."""
        return self.fn(**self.validate(preset, **overrides))

    def run_presets(self, names: list[str] | None = None, **overrides) -> pd.DataFrame:
        """One run per preset (all, or ``names``), stacked with a ``preset`` column; ``overrides`` apply to every run."""
        runs = [self.run(name, **overrides).assign(preset=name) for name in names or self.presets]
        return pd.concat(runs, ignore_index=True)

    @property
    def doc(self) -> str:
        return self.fn.__doc__ or ""


REGISTRY: dict[str, Model] = {}


def register(model: Model) -> Model:
    if model.name in REGISTRY:
        raise ValueError(f"model {model.name!r} is registered twice")
    for _preset, values in model.presets.items():
        model.validate(**values)  # a preset must lie inside the sliders' ranges
    REGISTRY[model.name] = model
    return model


def get(name: str) -> Model:
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValueError(f"no model named {name!r}; known models: {sorted(REGISTRY)}") from None


def _load_all():
    """Import every module of this package, so each registers its models; a new model is just a new file."""
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}")


_load_all()
