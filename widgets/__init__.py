"""The library the chapters of *Migration and Development* import: data, models, charts and panels.

Importing it changes nothing global; a chapter's import cell calls :func:`widgets.charts.use`, which
sets Altair's theme and the renderer for the kernel (the book's build, the grader or a live kernel).
It needs only the dependencies pyproject.toml declares, and carries the book's data as ``widgets._data``.

Modules:
  data        the data tables (data/, validated against its data package) and their sources
  params      Param: one model input, the single source of its range
  models      the registered simulation models (a module each) and REGISTRY
  outcomes    the number an explorer shows beside its chart
  charts      the chart theme, the renderers and use(), titled() and lines_by()
  explorer    model charts and in-page explorers (sliders over a precomputed grid)
  live        charts in a kernel: SVG drawn with no network, an explorer as a live panel
  controls    a live panel of every slider of a model, for a notebook of one's own
  tables      the book's table look, and frames and sentences printed for checked cells
  diagrams    the essays' figures as HTML and CSS
  claims      claims of an essay's text checked against its own tables
  reference   the models reference page
  parts       chapter helpers, one module per part of the book
"""

__all__ = [
    "charts",
    "claims",
    "controls",
    "data",
    "diagrams",
    "explorer",
    "live",
    "models",
    "outcomes",
    "params",
    "parts",
    "reference",
    "tables",
]
