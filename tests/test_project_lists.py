"""A list's head gives its items' type: items listed under 项目 (closed by 等N个项目 / N个项目,
opened by 项目包括 / 项目有 / a heading with a colon) are projects, roads, lines and works among
them too; generic items stay out. Sentences written for the tests."""
from __future__ import annotations

from test_parks_projects import of


def test_roads_and_lines_closed_by_a_class_of_projects_are_projects():
    p = of("Project", "会上通报，北岭快速路、G318改线工程东段和清河大桥等重大交通项目均已复工。")
    assert {"北岭快速路", "G318改线工程东段", "清河大桥"} <= p


def test_the_last_item_joined_by_he_is_its_own_item():
    p = of("Project", "今年将推进南湖隧道、滨河东路延伸段和鹤鸣客运枢纽等一批基础设施项目。")
    assert {"南湖隧道", "滨河东路延伸段", "鹤鸣客运枢纽"} <= p
    assert not any("和" in n for n in p)


def test_a_count_without_deng_closes_a_list_too():
    p = of("Project", "当天集中开工了鹿鸣湾污水厂二期、金溪路改造和凤凰山隧道三个重点项目。")
    assert {"金溪路改造", "凤凰山隧道"} <= p


def test_a_list_opened_by_xiangmu_baokuo():
    p = of("Project", "此次签约项目包括鑫泰锂电隔膜、远航冷链仓储和青禾智慧农业示范园，总投资46亿元。")
    assert {"鑫泰锂电隔膜", "远航冷链仓储", "青禾智慧农业示范园"} <= p
    assert not any("总投资" in n for n in p)


def test_numbered_items_under_a_heading_of_projects():
    p = of("Project", "重点项目：1.云岭数据中心二期；2.东江航道整治；3.秀峰大道北延工程。")
    assert {"东江航道整治", "秀峰大道北延工程"} <= p
    assert not any(n[:1].isdigit() for n in p)


def test_generic_items_of_a_project_list_stay_out():
    p = of("Project", "全县加快推进基础设施、公共服务、产业园区等重点项目建设。")
    assert p == set()
    assert of("Project", "签约项目包括新能源、新材料和生物医药等领域。") == set()


def test_a_verb_between_deng_and_the_head_is_another_construction():
    # the items sign the projects: they are the investors, not the projects
    assert of("Project", "县里与远东、华能等签约项目12个。") == set()


def test_a_quoted_name_before_a_suffix_is_one_name():
    p = of("IndustrialPark", "去年引进的“星河湾”智能装备产业园已投产。") | of("Project", "去年引进的“星河湾”智能装备产业园已投产。")
    assert any("星河湾" in n and n.endswith("智能装备产业园") for n in p)


def test_a_quoted_slogan_before_a_generic_stem_is_no_name():
    assert of("Project", "全县坚持“项目为王”重大项目一抓到底。") == set()


def test_a_head_without_a_verb_or_a_colon_opens_no_list():
    assert of("Project", "县里印发重点项目清单明确责任、时限和标准。") == set()
    assert of("Project", "各类项目有序推进南城、北城和东城片区开发。") == set()
