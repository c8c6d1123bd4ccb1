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


def test_a_site_word_with_a_preposition_after_it_gives_the_site():
    # 建设地点在X, 选址于X: the site word is still the cue, not the bare 在
    r = extract_text(
        "宝应县重点项目清单发布\n"
        "宝应县发布今年重点项目清单。\n"
        "扬州瑞丰包装有限公司年产5万吨纸箱项目,总投资6亿元,建设地点在安宜镇;\n"
        "扬州安达管业有限公司年产3万吨管材项目,总投资4亿元,选址于氾水镇。\n"
    )
    located = rels(r, "locatedIn")
    assert ("扬州瑞丰包装有限公司年产5万吨纸箱项目", "安宜镇") in located
    assert ("扬州安达管业有限公司年产3万吨管材项目", "氾水镇") in located


def test_a_later_clause_about_the_project_narrows_its_site():
    # X项目落户A区,项目选址B镇 / …。该项目位于B镇: the site said after it, within the place it had
    r = extract_text(
        "江阳区招商引资成效明显\n"
        "泸州市江阳区今年引进项目15个。\n"
        "成都恒远电子有限公司投资8亿元建设的智能传感器项目落户江阳区,项目选址黄舣镇,达产后年产值12亿元。\n"
        "重庆川锋机械有限公司投资3亿元建设农机装备项目。该项目位于方山镇,计划明年投产。\n"
    )
    located = rels(r, "locatedIn")
    assert ("智能传感器项目", "黄舣镇") in located
    assert ("农机装备项目", "方山镇") in located


def test_a_site_said_after_another_project_is_that_one_s():
    r = extract_text(
        "江阳区招商引资成效明显\n"
        "泸州市江阳区今年引进项目15个。\n"
        "成都恒远电子有限公司投资8亿元建设智能传感器项目,重庆川锋机械有限公司投资3亿元建设农机装备项目,项目选址方山镇。\n"
    )
    located = rels(r, "locatedIn")
    assert ("智能传感器项目", "方山镇") not in located


def test_its_project_after_a_subsidiary_clause_is_the_subsidiary_s():
    # Y是X的全资子公司,其P项目…,还将开工Q项目: 其 is Y, the subject, not its parent X
    r = extract_text(
        "如皋市推进工业项目建设\n"
        "如皋市今年推进重点工业项目42个。\n"
        "如皋恒诚新材料有限公司是江苏恒诚控股集团有限公司的全资子公司,其年产8万吨改性塑料项目已试生产,下半年还将开工年产2万吨色母粒项目。\n"
    )
    built = rels(r, "developedBy")
    assert ("年产8万吨改性塑料项目", "如皋恒诚新材料有限公司") in built
    assert ("年产2万吨色母粒项目", "如皋恒诚新材料有限公司") in built
    assert not {x for x in built if x[1] == "江苏恒诚控股集团有限公司"}


def test_companies_that_build_together_each_build_the_project():
    # 由A与B共同出资建设的Y / A与B合作建设的Y: each builds it; A与B签约Y: only the one before the verb
    r = extract_text(
        "启东市推进重点项目\n"
        "启东市今年推进重点项目30个。\n"
        "由南通海锦化工有限公司与启东瑞通新材料有限公司共同出资建设的危废处置中心项目完成环评。\n"
        "南通鼎泰港务有限公司与上海华港物流有限公司合作建设的吕四港散货码头项目开工。\n"
    )
    built = rels(r, "developedBy")
    assert ("危废处置中心项目", "南通海锦化工有限公司") in built
    assert ("危废处置中心项目", "启东瑞通新材料有限公司") in built
    assert ("吕四港散货码头项目", "南通鼎泰港务有限公司") in built
    assert ("吕四港散货码头项目", "上海华港物流有限公司") in built


def test_a_group_named_as_the_owner_of_a_firm_a_visit_sees_is_not_placed_by_the_visit():
    # 来到X镇,察看了A集团旗下B公司的P项目: B and P are in X; A is named as B's owner
    r = extract_text(
        "阿荣旗观摩重点项目\n"
        "阿荣旗召开重点项目观摩会。\n"
        "观摩团来到那吉镇,察看了呼伦贝尔北岭能源集团有限公司旗下阿荣旗北岭风电有限公司20万千瓦风电项目。\n"
    )
    located = rels(r, "locatedIn")
    assert ("阿荣旗北岭风电有限公司20万千瓦风电项目", "那吉镇") in located
    assert ("呼伦贝尔北岭能源集团有限公司", "那吉镇") not in located
    assert ("阿荣旗北岭风电有限公司", "呼伦贝尔北岭能源集团有限公司") in rels(r, "subsidiaryOf")


def test_a_bare_group_word_points_at_the_group_its_paragraph_is_about():
    # X集团…。今年,集团…。集团控股子公司Y…: 集团 is X, named sentences before in the paragraph
    r = extract_text(
        "泰兴市化工园区项目推进\n"
        "江苏华兴化工集团有限公司是泰兴市龙头企业,现有子公司6家。今年,集团在泰兴经济开发区推进2个项目。集团控股子公司泰兴华兴新材料有限公司投资12亿元建设的电子化学品项目已开工。\n"
    )
    assert ("泰兴华兴新材料有限公司", "江苏华兴化工集团有限公司") in rels(r, "subsidiaryOf")


def test_a_bare_group_word_does_not_reach_into_the_paragraph_before():
    r = extract_text(
        "泰兴市化工园区项目推进\n"
        "江苏华兴化工集团有限公司是泰兴市龙头企业,现有子公司6家。\n"
        "泰兴市还引进了一批新企业。今年,园区新落户企业8家。集团控股子公司泰兴华兴新材料有限公司投资12亿元建设的电子化学品项目已开工。\n"
    )
    assert ("泰兴华兴新材料有限公司", "江苏华兴化工集团有限公司") not in rels(r, "subsidiaryOf")


def test_a_clause_about_the_company_named_before_gives_its_seat():
    # X集团是…,集团总部位于Y / X公司…。该公司位于Y: the company the subject points back at is in Y
    r = extract_text(
        "任丘市装备制造业发展提速\n"
        "河北恒远重工集团有限公司是任丘市龙头企业,集团总部位于任丘市出岸镇,现有员工3000人。\n"
        "沧州顺达阀门有限公司去年产值8亿元。该公司位于任丘市石门桥镇,主要生产工业阀门。\n"
    )
    located = rels(r, "locatedIn")
    assert ("河北恒远重工集团有限公司", "出岸镇") in located
    assert ("沧州顺达阀门有限公司", "石门桥镇") in located


def test_a_word_of_where_after_a_park_or_a_project_gives_the_place_it_is_in():
    # 园区所在的X镇 / X项目…,项目所在地Y镇: the place the text says holds it
    r = extract_text(
        "东台市沿海经济区建设提速\n"
        "东台市今年推进沿海项目12个。东台沿海新能源产业园所在的弶港镇,已建成标准厂房20万平方米。\n"
        "盐城海辰风电装备有限公司投资9亿元建设的风电叶片项目进展顺利,项目所在地三仓镇全力做好要素保障。\n"
    )
    located = rels(r, "locatedIn")
    assert ("东台沿海新能源产业园", "弶港镇") in located
    assert ("风电叶片项目", "三仓镇") in located


def test_the_bare_park_word_names_the_park_named_before():
    # X产业园…。产业园所在的Y镇…。产业园已入驻A、B等企业: Y holds the park, the park the firms
    r = extract_text(
        "海安市装备产业集群成势\n"
        "海安市曲塘装备产业园今年新开工厂房8栋。\n"
        "据介绍,产业园所在的曲塘镇正在扩建道路。目前产业园已入驻南通恒锐机械有限公司、海安鼎力液压有限公司等骨干企业30家。\n"
    )
    located = rels(r, "locatedIn")
    assert ("海安市曲塘装备产业园", "曲塘镇") in located
    assert ("南通恒锐机械有限公司", "海安市曲塘装备产业园") in located


def test_a_firm_the_copula_says_a_park_brought_in_is_in_the_park():
    # Y是园区引进的…企业: the park that brought it in holds it
    r = extract_text(
        "如东县洋口港经济开发区发展提速\n"
        "如东县洋口港经济开发区今年新开工项目15个。南通恒泰新材料有限公司是园区引进的重点企业,去年产值6亿元。\n"
    )
    assert ("南通恒泰新材料有限公司", "如东县洋口港经济开发区") in rels(r, "locatedIn")


def test_a_bare_development_zone_word_names_the_zone_named_before():
    r = extract_text(
        "如东县洋口港经济开发区发展提速\n"
        "走进洋口港经济开发区,厂房林立。南通恒泰新材料有限公司是开发区引进的重点企业,去年产值6亿元。\n"
    )
    assert ("南通恒泰新材料有限公司", "如东县洋口港经济开发区") in rels(r, "locatedIn")


def test_a_firm_gone_to_among_listed_places_is_in_the_scope_that_opens_its_sentence():
    # 在X市,…来到A园、B公司和C镇,察看了…: B is one of the places gone to in X市
    r = extract_text(
        "衡阳市委书记调研县域经济\n"
        "衡阳市委书记深入耒阳市、常宁市调研。\n"
        "在耒阳市,调研组先后来到耒阳市经济开发区、湖南耒丰电气有限公司和导子镇,察看了耒丰电气智能开关项目。\n"
    )
    assert ("湖南耒丰电气有限公司", "耒阳市") in rels(r, "locatedIn")


def test_a_project_named_after_a_group_s_brand_is_the_group_s():
    # X集团 … X光电产业园项目: the project its brand names is the group's
    r = extract_text(
        "马鞍山市重大项目集中开工\n"
        "马鞍山市举行重大项目集中开工仪式。安徽德瑞光电集团股份有限公司董事长出席。计划总投资60亿元的德瑞光电智能装备产业园项目开工建设。\n"
    )
    assert ("德瑞光电智能装备产业园项目", "安徽德瑞光电集团股份有限公司") in rels(r, "developedBy")


def test_a_firm_written_with_a_level_word_before_its_name_is_the_region_s_own():
    # 市国投集团, 县城投公司 (as 市工信局): the state firm of the article's region of that level
    r = extract_text(
        "仙桃市重点项目建设新闻发布会召开\n"
        "仙桃市召开重点项目建设新闻发布会。市发改委、市城投集团负责人回答了记者提问。\n"
    )
    located = rels(r, "locatedIn")
    assert {x for x in located if x[0].endswith("城投集团")} and all(x[1] == "仙桃市" for x in located if x[0].endswith("城投集团"))


def test_a_firm_named_after_a_county_of_the_article_s_city_is_in_the_county():
    # 江西永丰X公司 in an article about 吉安市: the place its name holds, the most specific
    r = extract_text(
        "吉安市重点项目观摩活动综述\n"
        "吉安市组织开展重点项目观摩活动。\n"
        "永丰县:江西永丰鑫达新材料有限公司年产3万吨碳酸钙项目。\n"
        "遂川县:江西遂川金桔食品有限公司金桔深加工项目。\n"
        "吉安市委书记说,吉安市将持续优化营商环境。\n"
    )
    located = rels(r, "locatedIn")
    assert ("江西永丰鑫达新材料有限公司", "永丰县") in located
    assert ("江西遂川金桔食品有限公司", "遂川县") in located
    assert ("江西永丰鑫达新材料有限公司", "吉安市") not in located


def test_firms_counted_among_a_place_s_firms_are_in_the_scope_they_are_counted_in():
    # 万安县:…,已引进X等企业8家: X is among 万安县's firms, not only the article's city's
    r = extract_text(
        "吉安市重点项目观摩活动综述\n"
        "吉安市组织开展重点项目观摩活动。\n"
        "万安县:万安县电子信息产业园二期项目,已引进江西万晶电子有限公司等企业8家。\n"
        "吉安市委书记说,吉安市将持续优化营商环境。\n"
    )
    located = rels(r, "locatedIn")
    assert ("江西万晶电子有限公司", "万安县") in located
    assert ("江西万晶电子有限公司", "吉安市") not in located


def test_an_owner_in_brackets_or_a_holding_word_makes_a_subsidiary():
    # Y(X子公司)坐落于Z: Y is X's and in Z, X is not; X控股的Y: Y is X's
    r = extract_text(
        "宿松县工业经济稳中向好\n"
        "宿松县召开工业推进会。安徽宏达电缆有限公司(江苏华强电缆集团有限公司子公司)坐落于复兴镇,主要生产特种电缆。\n"
        "浙江鑫源控股集团有限公司控股的安徽鑫晟光伏科技有限公司年产1GW光伏组件项目投产。\n"
    )
    owned = rels(r, "subsidiaryOf")
    assert ("安徽宏达电缆有限公司", "江苏华强电缆集团有限公司") in owned
    assert ("安徽鑫晟光伏科技有限公司", "浙江鑫源控股集团有限公司") in owned
    located = rels(r, "locatedIn")
    assert ("安徽宏达电缆有限公司", "复兴镇") in located
    assert ("江苏华强电缆集团有限公司", "复兴镇") not in located


def test_a_firm_that_sits_in_a_town_written_with_zai_is_there():
    # 坐落在X, as 坐落于X
    r = extract_text(
        "樟树市医药产业发展提速\n"
        "樟树市召开医药产业推进会。江西济康制药有限公司坐落在阁山镇,主要生产中成药。\n"
    )
    assert ("江西济康制药有限公司", "阁山镇") in rels(r, "locatedIn")


def test_a_firm_a_copula_makes_the_builder_of_a_project_builds_it():
    # X作为Y项目的建设主体: the role after 的 names X the builder
    r = extract_text(
        "弥勒市推进文旅项目\n"
        "弥勒市召开文旅项目调度会,云南红坡酒业有限公司负责人发言,云南东风湖文旅集团有限公司作为湖泉温泉小镇三期项目的建设主体,将于年底完工。\n"
    )
    assert ("湖泉温泉小镇三期项目", "云南东风湖文旅集团有限公司") in rels(r, "developedBy")


def test_a_firm_that_does_something_for_a_project_does_not_build_it():
    # X银行为Y工程提供贷款, X公司对Y工程开展监理: it serves the project
    r = extract_text(
        "宿松县推进重点项目\n"
        "宿松县今年推进重点项目20个。宿松恒信融资担保有限公司为宿松县城区污水处理厂扩建工程提供担保2亿元。\n"
        "安徽华信工程咨询有限公司对宿松县城区快速通道工程开展监理。\n"
    )
    assert not rels(r, "developedBy")


def test_a_new_area_word_and_the_town_it_is_in_keep_the_place_its_name_holds():
    # X区Y新区…。新区所在的Z镇: the new area is in Z镇, and still in the district its name holds
    r = extract_text(
        "福州市长乐区数字经济加快发展\n"
        "长乐滨海智慧新区今年新签约项目8个。\n"
        "新区所在的文岭镇,新建标准厂房10万平方米。\n"
    )
    located = rels(r, "locatedIn")
    assert ("长乐滨海智慧新区", "文岭镇") in located
    assert ("长乐滨海智慧新区", "长乐区") in located


def test_a_word_of_all_gives_a_site_said_last_to_each_project_before_it():
    # A项目投资…,B项目投资…,均落户X: both are in X
    r = extract_text(
        "盐城市重大项目集中签约\n"
        "盐城市举行重大项目集中签约仪式。其中,恒星储能电池项目投资50亿元,华辰光伏组件项目投资30亿元,均落户盐城经济技术开发区。\n"
    )
    located = rels(r, "locatedIn")
    assert ("恒星储能电池项目", "盐城经济技术开发区") in located
    assert ("华辰光伏组件项目", "盐城经济技术开发区") in located


def test_firms_a_later_clause_of_the_region_s_sentence_opens_with_are_the_region_s():
    # X县…,A、B获批…: the sentence is about the county, the clause about its firms
    r = extract_text(
        "沭阳县科技创新成效明显\n"
        "今年以来,沭阳县持续加大研发投入,江苏恒瑞精工科技有限公司、江苏华宇光电科技有限公司获批省级工程技术研究中心。\n"
    )
    located = rels(r, "locatedIn")
    assert ("江苏恒瑞精工科技有限公司", "沭阳县") in located
    assert ("江苏华宇光电科技有限公司", "沭阳县") in located


def test_a_firm_that_builds_in_a_clause_of_the_region_s_sentence_is_not_placed_by_it():
    r = extract_text(
        "沭阳县推进重点项目\n"
        "今年以来,沭阳县加快重点项目建设,中铁华东建设集团有限公司承建的沭阳县城南快速路工程进展顺利。\n"
    )
    assert not {x for x in rels(r, "locatedIn") if x[0] == "中铁华东建设集团有限公司"}
