"""Generated martyr lists shaped like the bureaus' 英名录 sheets, for the benchmarks.

The national list has about 1.86 million names. Most rows hold only the basic facts (name,
籍贯, unit, date and place of death); a minority carry a few sentences of 生平事迹. The
generator follows that shape, with enough variety that the search index is realistic:

- names from the 100 commonest surnames and about 180 given-name characters (most names are
  rare, a few such as 王德福 recur, as they do in the real lists);
- 籍贯 from a generated gazetteer of 1,500 counties in 34 provinces, written in three ways
  (山东省某某县 / 山东某某 / 山东省某某市某某县);
- units, positions, battles and places of death from the periods of the archive;
- 生平事迹 for one row in five, assembled from phrases with the row's own facts;
- a handful of real, publicly known martyrs (黄继光, 邱少云, 杨根思, …) spread through the list,
  so that rare terms have a known answer.

``write_csv(path, rows)`` writes a UTF-8 (BOM) CSV with the importer's Chinese headers.
"""

from __future__ import annotations

import csv
import random

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = (
    "德富贵明国华建军兴志文玉福长春海山林成生永秀英兰桂荣贤忠良义宝金田光辉有才占元振庆祥瑞云飞鹏宏伟强勇刚毅"
    "树清正学红东方新卫民安平继少根思存瑞子龙占魁世昌殿凤岐连城汉章锡九守仁万里保家秋水开立本怀远耀宗克俭敬之"
)
PROVINCES = [
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "内蒙古",
    "宁夏",
    "新疆",
    "北京",
    "天津",
    "上海",
    "重庆",
    "海南",
    "西藏",
    "热河",
    "察哈尔",
    "松江",
]
_PLACE_CHARS = "东西南北中安平永长宁清河阳山泉城新华兴定丰庆昌武德福寿兰临江海林源汉明光和顺广乐宝"
BATTLES = [
    "北伐战争",
    "南昌起义",
    "秋收起义",
    "长征",
    "平型关战斗",
    "台儿庄战役",
    "百团大战",
    "反扫荡作战",
    "孟良崮战役",
    "辽沈战役",
    "淮海战役",
    "平津战役",
    "渡江战役",
    "济南战役",
    "解放海南岛战役",
    "剿匪作战",
    "长津湖战役",
    "上甘岭战役",
    "第五次战役",
    "金城战役",
    "铁原阻击战",
    "边境防御作战",
    "抗洪抢险",
    "抗震救灾",
    "",
    "",
    "",
]
KOREA = {"长津湖战役", "上甘岭战役", "第五次战役", "金城战役", "铁原阻击战"}
YEARS = {
    "北伐战争": (1926, 1927),
    "南昌起义": (1927, 1927),
    "秋收起义": (1927, 1928),
    "长征": (1934, 1936),
    "平型关战斗": (1937, 1937),
    "台儿庄战役": (1938, 1938),
    "百团大战": (1940, 1940),
    "反扫荡作战": (1941, 1944),
    "孟良崮战役": (1947, 1947),
    "辽沈战役": (1948, 1948),
    "淮海战役": (1948, 1949),
    "平津战役": (1948, 1949),
    "渡江战役": (1949, 1949),
    "济南战役": (1948, 1948),
    "解放海南岛战役": (1950, 1950),
    "剿匪作战": (1949, 1953),
    "长津湖战役": (1950, 1950),
    "上甘岭战役": (1952, 1952),
    "第五次战役": (1951, 1951),
    "金城战役": (1953, 1953),
    "铁原阻击战": (1951, 1951),
    "边境防御作战": (1979, 1989),
    "抗洪抢险": (1998, 1998),
    "抗震救灾": (2008, 2008),
    "": (1927, 2020),
}
UNIT_TEMPLATES = [
    "八路军第{a}师第{b}团",
    "新四军第{a}支队",
    "华东野战军第{a}纵队",
    "东北野战军第{a}纵队第{b}师",
    "中国人民志愿军第{c}军第{d}师",
    "中国人民解放军第{c}军",
    "某部{e}连",
    "{p}军区独立团",
]
POSITIONS = ["战士", "战士", "战士", "班长", "副班长", "排长", "连长", "指导员", "营长", "卫生员", "通信员", "炮手"]
DEEDS = [
    "在战斗中英勇牺牲",
    "为掩护战友壮烈牺牲",
    "身负重伤仍坚持战斗直至牺牲",
    "带领全班打退敌人多次进攻后牺牲",
    "在抢修工事时牺牲",
    "在执行侦察任务时牺牲",
    "用身体堵住敌人枪眼",
    "在爆破敌人碉堡时牺牲",
    "抢救落水群众时牺牲",
    "在运送弹药途中遭敌机轰炸牺牲",
]
HONOURS = ["追记特等功", "追记一等功", "追授战斗英雄称号", "被评为模范共产党员", ""]
#: Real martyrs (facts as publicly known); each recurs a few times in a large list.
KNOWN = [
    ("黄继光", "四川省中江县", "中国人民志愿军第十五军第一三五团", "上甘岭战役", "朝鲜", 1952),
    ("邱少云", "重庆市铜梁区", "中国人民志愿军第十五军第八十七团", "金城战役", "朝鲜", 1952),
    ("杨根思", "江苏省泰兴市", "中国人民志愿军第二十军第一七二团", "长津湖战役", "朝鲜", 1950),
    ("董存瑞", "河北省怀来县", "东北野战军第十一纵队", "解放隆化战斗", "河北隆化", 1948),
    ("赵一曼", "四川省宜宾市", "东北抗日联军第三军", "", "黑龙江珠河", 1936),
    ("左权", "湖南省醴陵市", "八路军总部", "反扫荡作战", "山西辽县", 1942),
]
HEADERS = [
    "编号",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "籍贯",
    "入伍年月",
    "生前单位",
    "职务",
    "牺牲年月",
    "牺牲地点",
    "战役",
    "安葬地",
    "墓位",
    "烈士证明书编号",
    "生平事迹",
]


def _gazetteer(rng):
    """1,500 (province, city, county) triples: like the real gazetteer, a county belongs to
    one city of one province, so a list repeats a limited set of places."""
    names = sorted({a + b for a in _PLACE_CHARS for b in _PLACE_CHARS if a != b})
    counties = rng.sample(names, 1500)
    cities = {province: rng.sample(names, 6) for province in PROVINCES}
    return [(province := rng.choice(PROVINCES), rng.choice(cities[province]), county) for county in counties]


def rows(count, *, seed=1949, prefix="GEN", facilities=()):
    """``count`` rows as lists in the order of :data:`HEADERS`."""
    rng = random.Random(seed)
    gazetteer = _gazetteer(rng)
    facilities = list(facilities) or [f"第{i + 1}烈士陵园" for i in range(20)]
    for number in range(count):
        if number % 40_000 == 17:
            name, place, unit, battle, death_place, year = KNOWN[(number // 40_000) % len(KNOWN)]
            position, gender, ethnicity = "战士", "男", "汉族"
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
            province, city, county = rng.choice(gazetteer)
            style = rng.random()
            if style < 0.5:
                place = f"{province}省{county}县"
            elif style < 0.8:
                place = f"{province}{county}"
            else:
                place = f"{province}省{city}市{county}县"
            battle = rng.choice(BATTLES)
            low, high = YEARS[battle]
            year = rng.randint(low, high)
            unit = rng.choice(UNIT_TEMPLATES).format(
                a=rng.randint(1, 12),
                b=rng.randint(1, 40),
                c=rng.randint(12, 68),
                d=rng.randint(30, 204),
                e=rng.choice(("侦察", "工兵", "炮兵", "通信", "步兵")),
                p=province,
            )
            where = rng.choice(gazetteer)
            death_place = "朝鲜" if battle in KOREA else f"{where[0]}{where[2]}"
            position = rng.choice(POSITIONS)
            gender = "女" if rng.random() < 0.03 else "男"
            ethnicity = "汉族" if rng.random() < 0.92 else rng.choice(("回族", "满族", "蒙古族", "朝鲜族", "壮族"))
        month = rng.randint(1, 12)
        death = rng.choice((f"{year}年", f"{year}年{month}月", f"{year}.{month}", f"{year}-{month:02d}"))
        birth = f"{year - rng.randint(17, 40)}年" if rng.random() < 0.7 else ""
        enlistment = f"{year - rng.randint(0, 5)}年" if rng.random() < 0.5 else ""
        burial = rng.choice(facilities) if rng.random() < 0.4 else ""
        grave = f"{rng.choice('ABCDEF')}区{rng.randint(1, 30)}排{rng.randint(1, 50)}号" if burial else ""
        biography = ""
        if rng.random() < 0.2:
            sentences = [f"{name}，{place}人，{year - rng.randint(0, 5)}年参加革命，历任{unit}{position}。"]
            if battle:
                sentences.append(f"{year}年在{battle}中{rng.choice(DEEDS)}，年仅{rng.randint(17, 35)}岁。")
            else:
                sentences.append(f"{year}年在{death_place}{rng.choice(DEEDS)}。")
            honour = rng.choice(HONOURS)
            if honour:
                sentences.append(f"牺牲后{honour}。")
            biography = "".join(sentences)
        certificate = f"烈证字第{rng.randint(1, 999999):06d}号" if rng.random() < 0.3 else ""
        yield [
            f"{prefix}-{number:08d}",
            name,
            gender,
            ethnicity,
            birth,
            place,
            enlistment,
            unit,
            position,
            death,
            death_place,
            battle,
            burial,
            grave,
            certificate,
            biography,
        ]


def write_csv(path, count, **options):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows(count, **options))
