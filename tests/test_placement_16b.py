"""Places, builders and owners as the language states them: a list item headed by its site, a
project's site given after it, joint builders, 其 after a subsidiary's clause. Sentences written for
these tests (invented firms and people, real places)."""
from __future__ import annotations

from conftest import extract_text, rels


def test_a_firm_in_a_list_item_headed_by_its_town_is_in_the_town():
    # 观摩了X镇Y公司Z项目: the site heads the item, and holds the firm as well as its project
    r = extract_text(
        "高邮市观摩重点项目\n"
        "高邮市召开重点项目观摩会。\n"
        "观摩组察看了高邮市三垛镇扬州恒晟机电有限公司年产20万台电机项目和高邮市界首镇扬州绿禾食品有限公司冷链仓储项目。\n"
        "高邮市市长说,高邮市将持续优化营商环境。\n"
    )
    located = rels(r, "locatedIn")
    assert ("扬州恒晟机电有限公司", "三垛镇") in located
    assert ("扬州绿禾食品有限公司", "界首镇") in located
    assert ("扬州恒晟机电有限公司", "界首镇") not in located
