"""Checks for ex-50-programme (chapter 50): adults at home after 30 years under the border and programme levers."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-50-programme"
points = 1
prompt = (
    "a tuple of four numbers: the adults per 100 at home after 30 years with the city booming "
    "(`services_growth=0.08`) and a militarised border (`enforcement=0.9`), with the jobs programme at "
    "0, 0.5 and 1; then with an open border and no programme (each to one decimal)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def four_numbers(answer_ex_50_programme):
    assert answer_ex_50_programme is not ..., "replace the ... with your answer"
    assert len(answer_ex_50_programme) == 4, "give four numbers: programme 0, 0.5, 1, then the open border"
    assert all(isinstance(x, Real) and 0 <= x <= 100 for x in answer_ex_50_programme), (
        "give adults at home per 100 at the start"
    )


@test_case(hidden=True)
def pipeline_runs(answer_ex_50_programme):
    settings = [dict(enforcement=0.9, jobs_programme=j) for j in (0, 0.5, 1)]
    settings.append(dict(enforcement=0, jobs_programme=0))
    for given, values in zip(answer_ex_50_programme, settings):
        run = get("pipeline").run(services_growth=0.08, **values)
        at_home = run.query("year == 30 and series == 'village: people at home'")["index"].item()
        assert abs(given - at_home) <= 0.051, values
