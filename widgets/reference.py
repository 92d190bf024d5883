"""The model reference page, written from the registry: equations, parameters and sources of each model."""

import inspect

from IPython.display import Markdown, display

from . import explorer
from .models import REGISTRY, Model

__all__ = ["model_markdown", "models_page"]


def _param_table(model: Model) -> str:
    """The parameters as a captioned table (a data table needs a caption to be announced by name)."""
    rows = [
        f"```{{table}} Parameters of the model: {model.title} (the sliders use exactly these ranges)",
        "| Parameter | Meaning | Unit | Range | Step | Default |",
        "|---|---|---|---|---|---|",
    ]
    rows += [
        f"| `{p.name}` ({p.label}) | {p.meaning} | {p.unit} | {p.range_text} | {p.step:g} | {p.default:g} |"
        for p in model.params
    ]
    return "\n".join([*rows, "```"])


def model_markdown(model: Model) -> str:
    """One model's section: a target to link to, its row of the argument map, docstring, parameters, presets."""
    parts = [
        f"(model-{model.name.replace('_', '-')})=",
        f"## {model.title}",
        f"Registry name `{model.name}`; argument-map row {model.row}. "
        f'Run it with `REGISTRY["{model.name}"].run(**values)`.',
        inspect.cleandoc(model.doc),
        _param_table(model),
    ]
    if model.presets:
        parts.append(
            "**Presets:** "
            + "; ".join(
                f"*{name}*: " + ", ".join(f"`{k}` = {v:g}" for k, v in values.items())
                for name, values in model.presets.items()
            )
            + "."
        )
    return "\n\n".join(parts)


def models_page() -> None:
    """Every registered model's section, ordered by argument-map row, each with a chart of a run at defaults."""
    for model in sorted(REGISTRY.values(), key=lambda m: (_row_key(m.row), m.name)):
        display(Markdown(model_markdown(model)))
        display(explorer.chart(model.name, title=f"{model.title}: a run at the default values"))


def _row_key(row: str) -> tuple:
    part, _, number = row.split(",")[0].strip().partition(".")
    return ("0 I II III IV V".split().index(part), int(number or 0))
