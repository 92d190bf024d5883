"""The V.2 pipeline chains three registered models: its links must be the models themselves."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.models import get
from widgets.models.bridges import bridges
from widgets.models.village import village_paths

PIPE = get("pipeline")


def at_end(frame, series):
    return frame.loc[(frame["series"] == series) & (frame["year"] == frame["year"].max()), "index"].item()


def test_defaults_give_the_village_models_default_rate():
    frame = PIPE.run()
    assert frame["outmigration_rate"].iloc[0] == pytest.approx(get("village").defaults()["outmigration_rate"])


def test_the_bridge_share_is_the_bridges_model_share():
    frame = PIPE.run(tie_strength=1.5, sending_country=7)
    expected = bridges(1.5, get("bridges").defaults()["wage_gap_elasticity"])["share"].iloc[6]
    assert frame["country_share"].iloc[0] == pytest.approx(expected)


def test_the_village_part_is_the_village_model_at_the_pipeline_rate():
    frame = PIPE.run(enforcement=0.7, jobs_programme=0.3)
    rate = frame["outmigration_rate"].iloc[0]
    base = get("village").defaults()
    home = village_paths(rate, base["return_rate"], base["family_share"], 0.3, 0.7, PIPE.defaults()["years"])["home"]
    np.testing.assert_allclose(frame.loc[frame["series"] == "village: people at home", "index"], home)


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 0.09), st.floats(0.001, 0.01))
def test_a_faster_growing_city_never_pulls_fewer_migrants(growth, more):
    slow, fast = PIPE.run(services_growth=growth), PIPE.run(services_growth=growth + more)
    assert fast["outmigration_rate"].iloc[0] >= slow["outmigration_rate"].iloc[0] - 1e-12


def test_a_militarised_border_empties_the_village_and_a_programme_softens_it():
    open_, closed, programme = (PIPE.run(**PIPE.presets[name]) for name in PIPE.presets)
    home = "village: people at home"
    assert at_end(closed, home) < at_end(open_, home)
    assert at_end(closed, home) < at_end(programme, home)
    income = "village: local income"
    assert at_end(closed, income) < at_end(programme, income) < at_end(open_, income)


def test_without_ties_a_poor_but_untied_country_sends_more_than_with_ties():
    untied = 8  # the poorest hypothetical country, with no bridge
    assert (
        PIPE.run(tie_strength=0, sending_country=untied)["country_share"].iloc[0]
        > PIPE.run(tie_strength=4, sending_country=untied)["country_share"].iloc[0]
    )
