"""The synthesis of both essays (chapter 50): the ``pipeline`` model's presets, from the global
city's demand for low-wage labour through the bridges to the sending village (row V.2).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import lines_by, titled
from ..models import get

__all__ = ["pipeline_presets", "pipeline_presets_chart", "pipeline_presets_text"]

VILLAGE_SERIES = ["village: people at home", "village: remittances", "village: local income"]


def pipeline_presets() -> pd.DataFrame:
    """The ``pipeline`` model's presets side by side at the last year: the pull the city and the
    bridge give the village (out-migration rate, country share) and the village's state."""
    model = get("pipeline")
    rows = []
    for name in model.presets:
        run = model.run(name)
        last = run[run["year"] == run["year"].max()].set_index("series")["index"]
        rows.append(
            {
                "preset": name,
                "country share": float(run["country_share"].iloc[0]),
                "out-migration rate": float(run["outmigration_rate"].iloc[0]),
                "city low-wage jobs": float(last["city: low-wage and informal jobs"]),
                **{s.removeprefix("village: "): float(last[s]) for s in VILLAGE_SERIES},
            }
        )
    return pd.DataFrame(rows).set_index("preset")


def pipeline_presets_chart(series: str = "village: people at home") -> alt.Chart:
    """One village series over time under each preset of the ``pipeline`` model."""
    model = get("pipeline")
    frame = model.run_presets()
    frame = frame[frame["series"] == series]
    chart = lines_by(
        frame,
        alt.X("year:Q", title="Year"),
        alt.Y(
            "index:Q",
            title=f"{series[0].upper() + series[1:]} (index, 100 at the start)",
            scale=alt.Scale(domain=[0, 100]),
        ),
        "preset",
        order=list(model.presets),
        tooltip=["preset", "year", alt.Tooltip("index:Q", format=".1f")],
    ).properties(height=260)
    return titled(
        chart,
        "Same city, same bridge: the border and the state decide what is left of the village",
        "Model: From the city's demand to the sending village, the three presets. Illustrative, not data.",
    )


def pipeline_presets_text() -> str:
    """:func:`pipeline_presets` as three short lines per preset, for a checked cell."""
    lines = []
    for preset, row in pipeline_presets().iterrows():
        lines += [
            preset,
            f"  country share {row['country share']:.3f}, out-migration {row['out-migration rate']:.3f} a year,"
            f" city low-wage jobs in year 30 {row['city low-wage jobs']:.1f}",
            f"  village in year 30: at home {row['people at home']:.1f}, remittances {row['remittances']:.1f},"
            f" local income {row['local income']:.1f}",
        ]
    return "\n".join(lines)
