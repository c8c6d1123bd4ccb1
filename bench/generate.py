"""Generate a synthetic corpus of articles of the kind Chanye KG reads, for benchmarks.

    python bench/generate.py OUT_DIR --articles 10000 [--seed 1] [--format txt|jsonl] [--style news|dense]

Regions come from the gazetteer (a county with its city and province), officials, parks,
companies and projects from name parts below; figures and dates vary. About one article in four
is in traditional script with pinyin glosses, as some outlets publish. Every article is written
from templates here: no text of any real article.

Two styles:
- news (default): articles of 2-6 KB like the seeds, facts set in paragraphs of general prose,
  and each county has its cast for a year (its bureau chiefs, party secretary, county head,
  parks and companies), so the same names come back across articles as they do in a region's
  news.
- dense: about 700 bytes of nothing but facts, with new people and companies in every article:
  the worst case for per-article costs and for the number of entities.
"""
from __future__ import annotations

import argparse
import json
import random
from functools import lru_cache
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "建国志强海燕立新明远晓东文华国强永胜丽娟伟平秀英春风德华玉杰学军红梅晓峰振华云飞思远"
BRANDS = "华恒 鑫源 瑞科 金禾 昌能 宏图 远帆 天元 福兴 宇兴 聚鑫 蒙泰 恒旭 博泽 吉美 中盛 隆达 腾飞 汇通 安泰 荣信 力拓 兴业 佳和".split()
INDUSTRIES = "新材料 生物 科技 电子 化工 食品 能源 机械 实业 药业 乳业".split()
PRODUCTS = "锂电池负极材料 高端鲜奶 岩矿棉 可降解塑料 储能电池 光伏组件 风电齿轮箱 饲料 碳纤维 电子元器件".split()
PARK_KINDS = "经济开发区 工业园区 高新区 产业园".split()
STATUS = "开工建设 进入收尾阶段 建成投产 完成签约 主体封顶".split()
BODIES = [("工信局", "局长"), ("发改委", "主任"), ("商务局", "局长"), ("工业和信息化局", "党组书记、局长")]
OUTLETS = "日报 融媒体中心 发布 新闻网".split()
# general prose between the facts (written for this generator)
PROSE = [
    "坚持把发展经济的着力点放在实体经济上", "持续优化营商环境", "推动传统产业转型升级",
    "加快培育战略性新兴产业", "围绕产业链部署创新链", "强化要素保障和服务企业力度",
    "深入开展招商引资攻坚行动", "积极推进数字化改造", "着力破解企业融资难题",
    "不断提升园区承载能力", "推动产业集群发展壮大", "大力支持中小企业专精特新发展",
    "扎实做好稳增长各项工作", "坚持项目为王的工作导向", "加强重点项目全过程跟踪服务",
    "统筹推进节能降碳和绿色发展", "深化与高校院所的产学研合作", "完善企业梯度培育机制",
    "以更大力度推进制造业高质量发展", "切实把各项政策落到实处",
]
PERIODS = ["1-10月份", "上半年", "前三季度", "今年以来", "1—7月份"]


def counties():
    from kg.extract.gazetteer import load

    g = load()
    out = []
    for d in g.by_code.values():
        if d.level != "county" or not d.code.isdigit() or len(d.name) < 3:
            continue
        chain = g.chain(d.code)
        if len(chain) == 3 and chain[1].name.endswith("市"):
            out.append((d.name, chain[1].name, chain[2].name))
    out.sort()
    return out


def person(r: random.Random) -> str:
    return r.choice(SURNAMES) + "".join(r.sample(GIVEN, r.choice((1, 2))))


def prose(r: random.Random, n: int) -> str:
    """n sentences of two clauses each."""
    return "".join("{},{}。".format(*r.sample(PROSE, 2)) for _ in range(n))


def cast(county: str, year: int) -> dict:
    """A county's people, parks and companies for a year: the same in every article about it."""
    r = random.Random(f"{county}|{year}")
    stem = county[:-1] if len(county) > 2 else county
    return {
        "chiefs": {body: person(r) for body, _ in BODIES},
        "secretary": person(r), "head": person(r),
        "parks": [stem + kind for kind in r.sample(PARK_KINDS, 2)],
        "companies": [b + r.choice(INDUSTRIES) for b in r.sample(BRANDS, 6)],
        "reporters": [person(r) for _ in range(3)],
    }


def news(r: random.Random, places) -> tuple[str, str]:
    county, city, province = r.choice(places)
    level = county[-1]
    stem = county[:-1] if len(county) > 2 else county
    year = r.choice((2021, 2022, 2023, 2024))
    c = cast(county, year)
    body, title = r.choice(BODIES)
    chief = c["chiefs"][body]
    park = r.choice(c["parks"])
    comps = r.sample(c["companies"], 3)
    product, product2 = r.sample(PRODUCTS, 2)
    date = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}"
    cap, money, pct = r.randint(2, 50), round(r.uniform(1, 90), 2), round(r.uniform(2, 30), 1)
    facts = [
        f"{chief}表示,{r.choice(PERIODS)},全{level}规模以上工业增加值同比增长{pct}%,完成工业投资{money}亿元。",
        f"{park}引进了{comps[0]}、{comps[1]}等一批企业,{comps[2]}年产{cap}万吨{product}项目{r.choice(STATUS)}。",
        f"{comps[0]}二期、年产{cap + 3}万吨{product2}生产线项目{r.choice(STATUS)}。",
        f"{level}委书记{c['secretary']}、{level}长{c['head']}出席{city}重点项目集中签约仪式,"
        f"{province}{comps[1][:2]}集团有限公司投资{round(money / 3, 1)}亿元的{product2}项目落户{park}。",
    ]
    paras = []
    for f in r.sample(facts, r.randint(2, 4)):
        paras.append(prose(r, r.randint(1, 3)) + f + prose(r, r.randint(2, 5)))
    paras += [prose(r, r.randint(3, 6)) for _ in range(r.randint(2, 6))]
    lines = [
        f"标题:{county}{body}{title.split('、')[-1]}{chief}:推动产业高质量发展",
        f"时间:{date} 来源:{stem}{r.choice(OUTLETS)}",
        f"本期,记者专访了{level}{body}{title}{chief}。",
        *paras,
        f"(记者 {r.choice(c['reporters'])})",
    ]
    return f"{county}-{year}", "\n".join(lines) + "\n"


def article(r: random.Random, places) -> tuple[str, str]:
    county, city, province = r.choice(places)
    level = county[-1]
    stem = county[:-1] if len(county) > 2 else county
    body, title = r.choice(BODIES)
    chief, secretary, head, reporter = person(r), person(r), person(r), person(r)
    park = stem + r.choice(PARK_KINDS)
    brands = r.sample(BRANDS, 3)
    comps = [b + r.choice(INDUSTRIES) for b in brands]
    product, product2 = r.sample(PRODUCTS, 2)
    year = r.choice((2021, 2022, 2023, 2024))
    date = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}"
    cap, money, pct = r.randint(2, 50), round(r.uniform(1, 90), 2), round(r.uniform(2, 30), 1)
    period = r.choice(PERIODS)
    lines = [
        f"标题:{county}{body}{title.split('、')[-1]}{chief}:推动产业高质量发展",
        f"时间:{date} 来源:{stem}{r.choice(OUTLETS)}",
        f"本期,记者专访了{level}{body}{title}{chief}。",
        f"{chief}表示,{period},全{level}规模以上工业增加值同比增长{pct}%,完成工业投资{money}亿元。",
        f"{park}引进了{comps[0]}、{comps[1]}等一批企业,{comps[2]}年产{cap}万吨{product}项目{r.choice(STATUS)}。",
        f"{comps[0]}二期、年产{cap + 3}万吨{product2}生产线项目{r.choice(STATUS)}。",
        f"{level}委书记{secretary}、{level}长{head}出席{city}重点项目集中签约仪式,{province}{brands[1]}集团有限公司投资{round(money / 3, 1)}亿元的{product2}项目落户{park}。",
        f"(记者 {reporter})",
    ]
    return f"{county}-{year}", "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _s2t():
    from opencc import OpenCC

    try:
        return OpenCC("s2t.json")
    except Exception:
        return OpenCC("s2t")


def traditional(text: str, r: random.Random) -> str:
    """Traditional script, with a pinyin gloss after a few characters, as some scrapers keep."""
    t = _s2t().convert(text)
    for word, gloss in (("業", "業(yè)"), ("發", "發(fā)"), ("區", "區(qū)")):
        if r.random() < 0.5:
            t = t.replace(word, gloss)
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--style", choices=("news", "dense"), default="news")
    args = ap.parse_args()
    r = random.Random(args.seed)
    places = counties()
    args.out.mkdir(parents=True, exist_ok=True)
    shard, per_shard, size = None, 10000, 0
    for i in range(args.articles):
        name, text = (news if args.style == "news" else article)(r, places)
        if r.random() < 0.25:
            text = traditional(text, r)
        size += len(text.encode("utf-8"))
        if args.format == "txt":
            sub = args.out / f"{i // 1000:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:07d}.txt").write_text(text, encoding="utf-8")
        else:
            if i % per_shard == 0:
                if shard:
                    shard.close()
                shard = open(args.out / f"part-{i // per_shard:04d}.jsonl", "w", encoding="utf-8")
            shard.write(json.dumps({"url": f"https://example.cn/{i}", "content": text}, ensure_ascii=False) + "\n")
    if shard:
        shard.close()
    print(f"{args.articles} articles, {size / 1e6:.1f} MB, in {args.out}")


if __name__ == "__main__":
    main()
