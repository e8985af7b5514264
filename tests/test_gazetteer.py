import json
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.tokens import Doc
from spacy.vocab import Vocab

from corpus.article import Article
from gazetteer import Gazetteer
from gazetteer.cli import lookup
from gazetteer.names import name_key, short_name, syllable_key
from pipeline.nlp import blank

EXAMPLES = [json.loads(line) for line in
            (Path(__file__).parent / "examples" / "places.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.default()


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['rule']}:{e['text'][:40]}" for e in EXAMPLES])
def test_example_table(gazetteer, example):
    when = date.fromisoformat(example["date"]) if example["date"] else None
    provinces = frozenset([example["source"]] if example["source"] else [])
    text = example["text"]
    mentions = gazetteer.resolve_text(text, when, provinces)
    assert [[text[m.start:m.end], m.unit] for m in mentions] == example["expect"]


def test_example_table_covers_every_rule():
    rules = {e["rule"] for e in EXAMPLES}
    assert len(EXAMPLES) >= 80
    assert {"type_word", "abbreviation", "list", "parent", "area", "area_source", "ambiguity_level",
            "person", "merged", "moved", "date_2025", "tone_marks", "numerals", "not_a_unit"} <= rules


def test_loading_is_fast():
    start = time.perf_counter()
    Gazetteer.load()
    assert time.perf_counter() - start < 1.0


def test_national_coverage(gazetteer):
    units = list(gazetteer.units())
    assert len([u for u in units if u.level == "province" and not u.era]) == 63
    assert len([u for u in units if u.level == "district" and u.valid_to == "2025-06-30"]) > 690
    assert len([u for u in units if u.level == "commune" and u.valid_to == "2025-06-30"]) > 10000
    assert len([u for u in units if u.level == "province" and u.era]) == 34


def test_unit_carries_name_period_and_successor(gazetteer):
    loc_ha = gazetteer.unit("448")
    assert (loc_ha.name, loc_ha.level, loc_ha.parent) == ("Huyện Lộc Hà", "district", "42")
    assert loc_ha.valid_to == "2024-12-31"
    assert loc_ha.successor_2025 == "42"
    assert gazetteer.unit("449").valid_from == "2015-04-10"
    hoa_hai = gazetteer.unit("18508")
    assert hoa_hai.name == "Xã Hòa Hải" and hoa_hai.successor_2025_name.startswith("Xã ")
    assert gazetteer.unit("nope") is None


def test_unit_of_the_2025_map_for_a_later_date(gazetteer):
    assert gazetteer.unit("18568").name == "Thị trấn Lộc Hà"
    assert gazetteer.unit("18568", date(2025, 10, 1)).name == "Xã Lộc Hà"


def test_merged_commune_points_to_its_successor(gazetteer):
    kim_loc = gazetteer.lookup("Kim Lộc", province="Hà Tĩnh")
    assert [u.merged_into for u in kim_loc] == ["18436"]
    assert kim_loc[0].valid_to == "2019-12-31"
    assert kim_loc[0].successor_2025 == gazetteer.unit("18436").successor_2025


@pytest.mark.parametrize("code, when, parent", [
    ("18685", date(2020, 6, 1), "446"),     # Cẩm Bình in Cẩm Xuyên ...
    ("18685", date(2025, 3, 1), "436"),     # ... then in Thành phố Hà Tĩnh
    ("18580", date(2022, 1, 1), "448"),     # Thạch Kim in Lộc Hà ...
    ("18580", date(2025, 3, 1), "445"),     # ... then in Thạch Hà
    ("18808", date(2012, 1, 1), "447"),     # Kỳ Hà in Huyện Kỳ Anh before the town was formed
    ("18808", date(2016, 1, 1), "449"),
    ("18568", date(2025, 10, 1), "42"),     # the 2025 commune lies directly under its province
])
def test_parent_at(gazetteer, code, when, parent):
    assert gazetteer.parent_at(code, when).code == parent


def test_parent_at_without_date_is_the_last_parent(gazetteer):
    assert gazetteer.parent_at("18685").code == "436"
    assert gazetteer.parent_at("42") is None


@pytest.mark.parametrize("name, codes", [
    ("Hương Bình", {"18523"}),
    ("xã Hương Bình", {"18523"}),
    ("TP. Hà Tĩnh", {"436"}),
    ("TP Hà Tĩnh", {"436"}),
    ("TX Kỳ Anh", {"449"}),
    ("H. Hương Khê", {"444"}),
    ("Sơn Kim II", {"18199"}),
    ("Hoà Hải", {"18508"}),
    ("Hương Khê", {"444", "18496"}),
])
def test_lookup_in_ha_tinh(gazetteer, name, codes):
    assert {u.code for u in gazetteer.lookup(name, province="42")} == codes


def test_lookup_by_date_and_level_order(gazetteer):
    assert [u.code for u in gazetteer.lookup("Kỳ Anh", when=date(2012, 1, 1))] == ["447"]
    found = gazetteer.lookup("Hương Khê")
    assert [u.level for u in found][:2] == ["district", "commune"]


def test_data_keys_follow_the_name_rules(gazetteer):
    # The shipped keys were computed by gazetteer.names: rebuild the data when those rules change.
    for row in gazetteer.rows[::50]:
        names = [row["name"], *filter(None, row["aliases"].split("|"))]
        assert set(row["keys"].split("|")) == {" ".join(name_key(short_name(n))) for n in names}


def test_cli_shows_other_names():
    result = CliRunner().invoke(lookup, ["Sơn Trà", "--province", "42"])
    assert "Xã Mỹ Long\talso Xã Sơn Trà" in result.output


def test_syllable_key_joins_tone_conventions():
    assert syllable_key("Hoà") == syllable_key("hòa")
    assert syllable_key("Thuỵ") == syllable_key("Thụy")
    assert syllable_key("II") == syllable_key("2") == syllable_key("02")
    assert syllable_key("Hà") != syllable_key("Hạ")


def test_list_units_gives_the_items_not_their_parent(gazetteer):
    text = "Công nhận 2 xã gồm: Sơn Tiến, Sơn Lâm (huyện Hương Sơn) đạt chuẩn."
    mentions = gazetteer.resolve_text(text, date(2022, 12, 1), frozenset({"42"}))
    start = text.index("Sơn Tiến")
    items = gazetteer.list_units(mentions, start, text.index(")") + 1)
    assert [m.unit for m in items] == ["18142", "18145"]
    assert [m.signal for m in mentions] == ["parent", "parent", "type_word"]


def make_doc(text: str, **article) -> Doc:
    doc = Doc(Vocab(), words=text.split(" "))
    doc._.article = Article(key="x.txt", text=text, **article)
    return doc


def test_resolve_reads_area_and_date_from_the_article(gazetteer):
    text = "Phú Lộc có nhà văn hóa mới, xã Lộc Hà cũng vậy."
    from_ha_tinh = gazetteer.resolve(make_doc(text, url="https://baohatinh.vn/a", published="2025-10-01"))
    assert [m.unit for m in from_ha_tinh] == ["18454", "18568"]
    assert gazetteer.unit("18568", date(2025, 10, 1)).name == "Xã Lộc Hà"
    unknown_source = gazetteer.resolve(make_doc("Phú Lộc có nhà văn hóa mới.", published="2025-10-01"))
    assert unknown_source == []


def test_resolve_reads_the_opening_credit(gazetteer):
    doc = make_doc("(Baohatinh.vn) - Phúc Đồng đã chạm chuẩn.", published="2022-04-26")
    assert [(m.unit, m.signal) for m in gazetteer.resolve(doc)] == [("18514", "area")]


def test_offsets_are_exact(gazetteer):
    text = "Đến nay, các xã Hương Bình, Hương Thủy đã về đích."
    for m in gazetteer.resolve_text(text, date(2022, 1, 1), frozenset({"42"})):
        assert text[m.start:m.end] in ("Hương Bình", "Hương Thủy")


def test_cli_lookup_prints_candidates():
    result = CliRunner().invoke(lookup, ["Cẩm Bình", "--province", "Hà Tĩnh"])
    assert result.exit_code == 0
    first = result.output.splitlines()[0].split("\t")
    assert first[:3] == ["18685", "Xã", "Xã Cẩm Bình"]
    assert "Huyện Cẩm Xuyên (446)" in first[3] and "Thành phố Hà Tĩnh (436)" in first[3]
    assert first[4] == "valid … – 2025-06-30"
    assert "2025: Xã Cẩm Bình (18685)" in result.output


def test_cli_lookup_with_date_and_unknown_name():
    result = CliRunner().invoke(lookup, ["Kỳ Anh", "--date", "2012-01-01"])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 1
    assert CliRunner().invoke(lookup, ["Nơi Không Có"]).exit_code != 0
    assert CliRunner().invoke(lookup, ["Kỳ Anh", "--date", "2012"]).exit_code != 0


def test_build_parent_periods_and_validity():
    from gazetteer.build import Legacy, parent_periods, validity
    moved = Legacy("18685", "commune", names={s: "Xã Cẩm Bình" for s in "ABL"},
                   parents={"A": "446", "B": "446", "L": "436"})
    assert parent_periods(moved) == [("446", None, "2024-12-31"), ("436", "2025-01-01", None)]
    assert validity(moved) == (None, "2025-06-30")
    merged = Legacy("18424", "commune", names={"A": "Xã Kim Lộc"}, parents={"A": "443"})
    assert validity(merged) == (None, "2019-12-31")


def test_build_follows_the_package_aliases_to_the_merged_commune():
    from gazetteer.build import Legacy, follow, merge_targets
    units = {
        "42": Legacy("42", "province", names={"A": "Tỉnh Hà Tĩnh", "L": "Tỉnh Hà Tĩnh"}),
        "443": Legacy("443", "district", names={"A": "Huyện Can Lộc", "L": "Huyện Can Lộc"},
                      parents={"A": "42", "L": "42"}),
        "18424": Legacy("18424", "commune", names={"A": "Xã Kim Lộc"}, parents={"A": "443"}),
        "18436": Legacy("18436", "commune", names={"A": "Xã Song Lộc", "L": "Xã Kim Song Trường"},
                        parents={"A": "443", "L": "443"}, folded_aliases=["xakimloc", "kimloc"]),
    }
    targets = merge_targets(units)
    assert targets == {"18424": "18436"}
    assert follow(targets, "18424") == "18436" and follow(targets, "18436") is None


@pytest.mark.parametrize("sentence, expect", [
    ("Huyện yêu cầu Kim Liên phấn đấu về đích.", ["17971"]),     # "cầu" of "yêu cầu" is no bridge
    ("Nhu cầu vốn của Kim Liên là 5 tỷ đồng.", ["17971"]),
    ("Huyện xây mới cầu Kim Liên.", []),                          # a bridge of that name
])
def test_a_place_word_inside_a_compound_word_is_no_place_word(sentence, expect):
    from corpus.article import Article
    from pipeline.process import process
    text = f"Huyện Nam Đàn (Nghệ An) họp\n\nXã Kim Liên đạt 17/19 tiêu chí.\n\n{sentence}"
    doc = process(Article(key="x", text=text, published="2014-07-17"))
    assert [m.unit for m in doc._.mentions if m.start > text.index(sentence)] == expect


@pytest.mark.parametrize("sentence, published, expect", [
    ("Khu di tích lịch sử Ngã ba Đồng Lộc đón 1 triệu lượt khách.", "2019-05-01", []),  # a landmark
    ("Khu du lịch biển Thiên Cầm đón khách.", "2019-05-01", []),
    ("Nhu cầu về Đồng Lộc tăng mạnh.", "2019-05-01", ["18484"]),
    ("Giám đốc Agribank Hà Tĩnh Trần Văn Nam cho biết.", "2019-05-01", ["42"]),
    # the communes a merger takes in are the former ones; the new map's Sơn Hồng is 18160
    ("Huyện sáp nhập 3 xã: Sơn Tây, Sơn Lĩnh, Sơn Hồng thành một xã.", "2025-10-20",
     ["18172", "18160", "18139"]),
    ("Sau sáp nhập, xã Sơn Hồng có 25 thôn.", "2025-10-20", ["18160"]),
])
def test_landmarks_organisations_and_mergers_in_a_segmented_article(gazetteer, sentence, published, expect):
    text = f"(Baohatinh.vn) - Huyện Can Lộc họp\n\nXã Đồng Lộc đạt 19/19 tiêu chí.\n\n{sentence}"
    doc = blank().make_doc(text)
    doc._.article = Article(key="x", text=text, published=published)
    assert [m.unit for m in gazetteer.resolve(doc) if m.start > text.index(sentence)] == expect
