"""Styled tables show numbers as the source prints them."""

from widgets import tables


def cells(name, **kwargs):
    return tables.show(name, **kwargs).to_html()


def test_decimals_and_zeros_are_kept_as_printed():
    html = cells("portes_table2_transnationalism")
    assert ">0.440<" in html and ">0.013<" in html and ">235.3<" in html and ">0.003<" in html
    assert ">0.0<" in cells("portes_table4_cils"), "Table 4's 0.0 must not become 0"


def test_counts_get_thousands_separators_and_years_do_not():
    assert ">197,537<" in cells("portes_table1_h1b_2002")
    html = cells("debate_positions", columns=["voice", "year"])
    assert ">2005<" in html and "2,005" not in html


def test_blanks_show_as_a_dash_and_rows_filter():
    html = cells("portes_table2_transnationalism", rows=lambda f: f["model"] == "sociocultural")
    assert "–" in html and html.count("<tr>") == 1 + 13, "header plus the 13 socio-cultural rows"


def test_caption_carries_source_and_notes():
    html = cells("portes_table3_census2000")
    assert "Source: Portes" in html and "foreign-born males" in html
