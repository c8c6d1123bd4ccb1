"""Extraction of one article never raises on text: random article-like text, made of the pieces
real articles are made of (places, deixis, bodies, titles, names, parks, companies, projects,
lists, figures, debris), goes through extract() with no stage and no mention left out. Where a
case no rule foresaw does raise, the article is still extracted, with a note."""
from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import article, extract_text, names

# Pieces written for this test (no sentence of any evaluation article).
PLACES = ["江苏省", "扬州市", "江都区", "宁德市", "海东市", "乐都区", "来宾市", "杭锦后旗", "巴彦淖尔市",
          "民和回族土族自治县", "甘孜藏族自治州", "阿勒泰地区", "锡林郭勒盟", "浦东新区", "雄安新区", "西华县",
          "朝阳区", "鼓楼区", "新城区", "城关镇", "江都", "宁德", "乐都", "海东"]
DEIXIS = ["我市", "全市", "该市", "我县", "全县", "本县", "我区", "全区", "该区", "我州", "全盟", "我旗",
          "市", "县", "区", "旗", "州", "盟", "省", "镇", "乡"]
BODIES = ["工信局", "工业和信息化局", "发改委", "发展和改革委员会", "商务局", "科技局", "招商局", "人民政府",
          "政府", "县委", "市委", "区委", "旗委", "州委", "党委", "政协", "人大常委会", "管委会", "党工委",
          "产业集聚区管委会", "高新区管委会", "经开区管委会", "工作委员会", "办公室", "政府办"]
TITLES = ["局长", "党组书记", "党组书记、局长", "主任", "副主任", "书记", "副书记", "县长", "市长", "区长",
          "副县长", "常务副市长", "旗长", "州长", "盟长", "党工委书记", "管委会主任", "一级调研员", "董事长",
          "总经理", "全国人大代表", "委员"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳司马"
GIVEN = ["建国", "志强", "海", "立新", "明远", "晓", "文华", "国", "永胜", "丽", "德华", "玉杰"]
STEMS = ["华恒", "鑫源", "瑞科", "金禾", "昌能", "宏图", "远帆", "聚鑫", "中盛", "新能源", "生物", "智能制造",
         "食品", "电子信息", "高端装备", "绿色建材", "数字经济"]
PARK_HEADS = ["产业园", "工业园区", "高新区", "经济开发区", "经开区", "产业集聚区", "新区", "园区", "开发区",
              "科技城", "示范区", "综合保税区", "孵化器", "小微园"]
COMPANY_HEADS = ["科技", "新材料", "有限公司", "股份有限公司", "集团", "集团有限公司", "公司", "实业", "药业",
                 "光电", "能源", "电子"]
PROJECT_HEADS = ["项目", "生产线项目", "二期", "三期项目", "产业园项目", "基地", "生产线"]
LINKS = ["、", "和", "与", "及", "等", "等企业", "等项目", "等6个项目", "等3家企业", "陪同", "调研", "考察",
         "签约", "开工", "竣工", "投产", "落户", "入驻", "建设", "以", "为龙头", "在", "于", "的", "是", "了",
         "到", "赴", "就", "对", "一行", "座谈会上", "指出", "表示", "要", "其中", "累计", "位于", "坐落于",
         "总投资", "计划投资", "年产", "日处理", "万吨", "亿元", "万元", "%", "增长", "同比", "1-10月份",
         "上半年", "2022年", "今年", "去年", "记者", "来源:", "责任编辑:", "——访", "(", ")", "“", "”",
         "《", "》", ":", ";", "(yè)", "(qū)", "\u3000", " ", "\n"]
NUMBERS = ["5", "12.8", "3000", "两千五百", "十三点八", "5—8", "2GW", "第一", "１２３"]
END = ["。", "！", "？", ";", "\n", "…", ""]


def person() -> st.SearchStrategy[str]:
    return st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES), st.sampled_from(GIVEN))


def name_of(heads: list[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda p, s, h: p + s + h, st.sampled_from(["", *PLACES]), st.sampled_from(STEMS),
                     st.sampled_from(heads))


PIECE = st.one_of(
    st.sampled_from(PLACES), st.sampled_from(DEIXIS), st.sampled_from(BODIES), st.sampled_from(TITLES),
    person(), name_of(PARK_HEADS), name_of(COMPANY_HEADS), name_of(PROJECT_HEADS), st.sampled_from(LINKS),
    st.sampled_from(NUMBERS),
    st.builds(lambda p, b, t, n: p + b + t + n, st.sampled_from(["", *PLACES, *DEIXIS]), st.sampled_from(BODIES),
              st.sampled_from(TITLES), person()),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4),  # debris
)
SENTENCE = st.builds(lambda ps, e: "".join(ps) + e, st.lists(PIECE, min_size=1, max_size=14), st.sampled_from(END))
ARTICLE = st.builds(lambda title, body: title + "\n" + "".join(body), SENTENCE, st.lists(SENTENCE, max_size=8))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE)
def test_random_article_like_text_extracts_with_nothing_left_out(text):
    r = extract_text(text)
    assert r.notes == (), r.notes
    keys = {e.key for e in r.entities}
    assert all(x.head in keys and x.tail in keys for x in r.relations)
    assert all(p.official in keys and p.agency in keys for p in r.posts)


def test_a_committee_of_a_park_with_a_level_word_before_it():
    # the body's region is the park ("=..."), not a division: it once crashed focal_region
    r = extract_text("县产业集聚区管委会主任刘明远陪同检查。\n")
    assert r.notes == ()
    assert "刘明远" in names(r, "Official")
    assert any(n.endswith("产业集聚区管理委员会") for n in names(r, "Agency"))


def test_a_stage_that_raises_costs_its_output_not_the_article(monkeypatch):
    import kg.extract.article as ex

    def broken(*args):
        raise KeyError("no such thing")

    monkeypatch.setattr(ex, "find_orgs", broken)
    r = ex.extract(article("宁德市工信局局长王建国赴华恒科技有限公司调研。\n"))
    assert "王建国" in names(r, "Official") and "宁德市工业和信息化局" in names(r, "Agency")
    assert names(r, "Company") == set()
    assert r.notes == ("parks, companies and projects left out: KeyError: 'no such thing'",)


def test_a_mention_that_raises_is_left_out_with_a_note(monkeypatch):
    from kg.extract import resolve

    real = resolve.agency_name

    def odd(body, region_name):
        if body == "商务局":
            raise ValueError("odd body")
        return real(body, region_name)

    monkeypatch.setattr(resolve, "agency_name", odd)
    r = extract_text("宁德市工信局局长王建国和宁德市商务局局长李志强出席。\n")
    assert "宁德市工业和信息化局" in names(r, "Agency")
    assert "宁德市商务局" not in names(r, "Agency")
    assert any(n.startswith("agency '") and "ValueError: odd body" in n for n in r.notes), r.notes


def test_the_build_reports_the_note_and_keeps_the_article(tmp_path):
    # a real build in a child process, with a stage broken through a sitecustomize hook
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("宁德市工信局局长王建国赴华恒科技有限公司调研。\n", encoding="utf-8")
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import kg.extract.article as ex\n"
        "def broken(*a):\n    raise KeyError('no such thing')\n"
        "ex.find_orgs = broken\n", encoding="utf-8")
    import os

    env = {**os.environ, "PYTHONPATH": str(hook)}
    p = subprocess.run([sys.executable, "-m", "kg.app.cli", "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                        "-j", "1", "--no-html"], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    assert "note " in p.stderr and "a.txt: parks, companies and projects left out: KeyError" in p.stderr
    assert "failed" not in p.stderr
    assert "王建国" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
