"""Reference solution of ex-11-programme."""

from widgets.models import REGISTRY

run = REGISTRY["village"].run(family_share=0.5, enforcement=0.8, jobs_programme=1)
year40 = run[run.year == 40].set_index("series")["value"]
answer_ex_11_programme = (year40["population at home"], year40["local income"])
