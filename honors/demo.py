"""Demo content for the honour roll: titles, four selection rounds and 22 profiles.

People, places and units are invented; the kinds of deeds follow what bureau work reports
describe (emergency rescue teams, epidemic checkpoints, drought relief, legal aid, talks in
schools, starting businesses, caring for martyrs' families). Every object is looked up
before it is created, so loading twice changes nothing.
"""

import json

from honors.models import (
    Category,
    HonorIndexPage,
    HonourTitle,
    ProfileHonour,
    ProfilePage,
    RelatedProfile,
    SelectionRound,
)

INDEX_TITLE = "最美退役军人风采"
INDEX_SLUG = "zuimei"
INDEX_INTRO = (
    "<p>他们曾在军营淬炼本色，退役后在平凡岗位上继续奉献；她们以柔弱肩膀撑起军人家庭。"
    "这里展示历届“最美退役军人”“最美军嫂”和优秀志愿服务组织的风采。</p>"
)
ORGANISER = "示范市退役军人事务局"

TITLES = [
    ("zuimei-tuiyi-junren", "最美退役军人", "退役后在各行各业作出突出贡献、事迹感人的退役军人"),
    ("zuimei-junsao", "最美军嫂", "支持丈夫安心服役、操持家庭、热心公益的军人配偶"),
    ("zuimei-zhiyuanzhe", "最美退役军人志愿者", "长期参加志愿服务、群众认可度高的退役军人"),
    ("zuijia-zhiyuan-zuzhi", "最佳退役军人志愿服务组织", "组织健全、服务持续、成效明显的退役军人志愿服务队伍"),
]

# key: (year, edition, level, organiser, title slugs)
ROUNDS = {
    "2021": (2021, "第二届", SelectionRound.Level.MUNICIPAL, ORGANISER, ["zuimei-tuiyi-junren", "zuimei-junsao"]),
    "2022": (
        2022,
        "2022年度",
        SelectionRound.Level.PROVINCIAL,
        "省退役军人事务厅",
        ["zuimei-tuiyi-junren", "zuimei-junsao"],
    ),
    "2023": (2023, "第三届", SelectionRound.Level.MUNICIPAL, ORGANISER, [slug for slug, *_rest in TITLES]),
    "2024": (
        2024,
        "第一届",
        SelectionRound.Level.COUNTY,
        "南湖区退役军人事务局",
        ["zuimei-tuiyi-junren", "zuimei-junsao"],
    ),
}

VETERAN, SPOUSE, ORGANISATION = Category.VETERAN, Category.MILITARY_SPOUSE, Category.VOLUNTEER_ORGANISATION

PROFILES = [
    {
        "name": "周立军",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1978,
        "native_place": "示范市青河县",
        "branch": "army",
        "enlisted": 1996,
        "retired": 2008,
        "region": "青河县",
        "summary": "退伍不褪色，带领乡亲种植高粱和中药材，合作社年销售额突破千万元",
        "honours": [("2021", "zuimei-tuiyi-junren"), ("2022", "zuimei-tuiyi-junren")],
        "tags": ["创业带富", "乡村振兴"],
        "story": [
            "周立军在某集团军侦察连服役十二年，两次荣立三等功。退役时，他放弃了城里的安置岗位，回到贫瘠的家乡青河县。",
            "他从承包八十亩荒地起步，牵头成立种植专业合作社，把部队里“一个班就是一个战斗集体”的做法用在合作社管理上，优先吸纳退役军人和困难群众入社。如今合作社流转土地三千余亩，带动两百多户农户增收。",
        ],
        "quote": "在部队学会了冲锋，回到村里就要带着乡亲们一起往前冲。",
        "events": [
            (2005, "荣立个人三等功"),
            (2010, "牵头成立种植专业合作社"),
            (2021, "获评示范市第二届“最美退役军人”"),
        ],
    },
    {
        "name": "韩雪梅",
        "category": SPOUSE,
        "gender": "female",
        "birth_year": 1985,
        "native_place": "示范市东城区",
        "region": "东城区",
        "summary": "丈夫驻守雪域高原十四年，她独自照顾瘫痪在床的公公和一双儿女",
        "honours": [("2021", "zuimei-junsao"), ("2022", "zuimei-junsao")],
        "tags": ["孝老爱亲", "军属"],
        "story": [
            "韩雪梅的丈夫是驻守高原边防的一名连队干部，一年难得回家一次。公公因脑梗瘫痪在床后，翻身、擦洗、喂饭都由她一人承担，十年如一日从无怨言。",
            "她还在社区组建“军嫂互助小组”，帮助新随军的军嫂找工作、办理子女入学，被姐妹们称为“主心骨”。",
        ],
        "quote": "他守着国家的边防，我守着我们的小家，这是我们共同的岗位。",
        "events": [(2009, "与边防军官结婚"), (2015, "组建社区“军嫂互助小组”"), (2022, "获评全省“最美军嫂”")],
    },
    {
        "name": "示范市退役军人应急救援志愿服务队",
        "category": ORGANISATION,
        "region": "南湖区",
        "summary": "一百二十余名退役军人组成的专业救援队，五年出动抢险救灾三百余次",
        "honours": [("2023", "zuijia-zhiyuan-zuzhi")],
        "tags": ["应急救援", "志愿服务"],
        "story": [
            "服务队由退役军人自发组建，队员来自陆军、武警、消防等不同单位，具备水域救援、山地搜救、应急通信等专业技能。",
            "近年来，服务队参与抗旱救灾、防汛抢险和疫情防控卡点值守，开展应急救护培训进社区、进校园活动，培训群众上万人次，队员多人被评为优秀志愿者。",
        ],
        "quote": "脱下军装，我们依然是一支召之即来、来之能战的队伍。",
        "events": [
            (2018, "服务队成立，首批队员三十六人"),
            (2020, "参与疫情防控卡点值守"),
            (2023, "获评“最佳退役军人志愿服务组织”"),
        ],
    },
    {
        "name": "马振华",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1952,
        "native_place": "河北沧州",
        "branch": "army",
        "enlisted": 1970,
        "retired": 1990,
        "region": "西山区",
        "summary": "七十岁的老兵宣讲员，走进一百多所学校讲述英雄故事",
        "honours": [("2023", "zuimei-tuiyi-junren")],
        "tags": ["红色宣讲", "国防教育"],
        "story": [
            "马振华是老兵宣讲团里年纪最大的成员。退休后，他把自己珍藏的老照片、立功证书整理成宣讲材料，主动联系学校开展国防教育。",
            "他为“红星班”和少年军校的孩子们讲军史、讲英烈事迹，十余年来累计宣讲四百余场，听众超过六万人次。",
        ],
        "quote": "只要还讲得动，我就要把英雄的故事讲给孩子们听。",
        "events": [
            (1979, "随部队执行边境作战任务"),
            (2010, "加入老兵宣讲团"),
            (2023, "获评示范市第三届“最美退役军人”"),
        ],
    },
    {
        "name": "李建国",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1983,
        "native_place": "示范市北塘县",
        "branch": "armed_police",
        "enlisted": 2001,
        "retired": 2013,
        "region": "北塘县",
        "summary": "创办安全教育实践基地，项目获全国退役军人创业创新大赛优胜奖",
        "honours": [("2023", "zuimei-tuiyi-junren")],
        "tags": ["创业带富", "安全教育"],
        "story": [
            "李建国退役后参加了退役军人创业培训，发现中小学安全教育缺少实践场所，便筹资建设集消防、交通、防灾体验于一体的安全教育实践基地。",
            "基地累计接待学生十余万人次，安置退役军人就业四十余人，他的项目在全国退役军人创业创新大赛总决赛中获得优胜奖。",
        ],
        "quote": "创业路上遇到难处时，我就想想当年在部队里扛过的那些难关。",
        "events": [
            (2014, "参加退役军人创业培训"),
            (2016, "安全教育实践基地开园"),
            (2022, "项目获全国退役军人创业创新大赛优胜奖"),
        ],
    },
    {
        "name": "陈秀兰",
        "category": SPOUSE,
        "gender": "female",
        "birth_year": 1976,
        "native_place": "四川南充",
        "region": "西山区",
        "summary": "随军二十年辗转五地，办起拥军驿站为过往官兵送去热饭热茶",
        "honours": [("2023", "zuimei-junsao")],
        "tags": ["拥军优属", "军属"],
        "story": [
            "陈秀兰随丈夫部队调动辗转五个城市，每到一处都很快融入当地、找到工作，让丈夫没有后顾之忧。",
            "丈夫转业后，她在高铁站旁开了一家小面馆，并挂出“拥军驿站”的牌子，为过往官兵和退役军人免费提供热饭热茶和休息场所，几年来接待一万多人次。",
        ],
        "quote": "当兵的人出门在外，能吃上一口热饭，心里就踏实了。",
        "events": [(2001, "随军"), (2018, "开办“拥军驿站”"), (2023, "获评示范市第三届“最美军嫂”")],
    },
    {
        "name": "赵志刚",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1990,
        "native_place": "示范市南湖区",
        "branch": "navy",
        "enlisted": 2008,
        "retired": 2016,
        "region": "南湖区",
        "summary": "寒冬跳入冰冷河水救起落水儿童，事后悄然离开",
        "honours": [("2024", "zuimei-tuiyi-junren")],
        "tags": ["见义勇为"],
        "story": [
            "一个冬日傍晚，在小区附近散步的赵志刚听到呼救声，看到一名儿童在结着薄冰的河中挣扎。他来不及脱下外衣便跳入水中，把孩子托上岸。",
            "孩子得救后，他悄悄离开了现场。家长多方打听才找到这位“海军老兵”，他却说：“换了谁都会这么做。”",
        ],
        "quote": "我当过兵，水性好，这时候不下去谁下去？",
        "events": [
            (2012, "在海军某舰艇部队任帆缆班长"),
            (2024, "冬日河中救起落水儿童"),
            (2024, "获评南湖区第一届“最美退役军人”"),
        ],
    },
    {
        "name": "王淑芬",
        "category": SPOUSE,
        "gender": "female",
        "birth_year": 1968,
        "native_place": "示范市石门县",
        "region": "石门县",
        "summary": "烈士遗孀四十年赡养公婆，坚持为烈士陵园义务清扫",
        "honours": [("2021", "zuimei-junsao")],
        "tags": ["烈属", "孝老爱亲"],
        "story": [
            "王淑芬的丈夫在一次抢险任务中牺牲，那时她刚刚二十出头。她没有改嫁，而是留下来照顾公婆，把女儿抚养成人。",
            "每逢清明和烈士纪念日，她都会到烈士陵园清扫墓碑、擦拭烈士照片，后来还带动村里的年轻人一起参与，成为陵园的义务讲解员。",
        ],
        "quote": "他没能走完的路，我替他走下去。",
        "events": [
            (1987, "丈夫在抢险任务中牺牲"),
            (2005, "担任烈士陵园义务讲解员"),
            (2021, "获评示范市第二届“最美军嫂”"),
        ],
    },
    {
        "name": "刘海波",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1980,
        "native_place": "山东临沂",
        "branch": "army",
        "enlisted": 1998,
        "retired": 2014,
        "region": "东城区",
        "summary": "退役军人律师，牵头成立法律援助志愿服务队，为老兵维权两百余件",
        "honours": [("2023", "zuimei-zhiyuanzhe")],
        "tags": ["法律援助", "志愿服务"],
        "story": [
            "刘海波在部队服役期间自学法律，转业后考取律师执业证。他发现不少老兵遇到劳动纠纷、优抚待遇等问题时不知如何维权。",
            "他牵头成立退役军人法律援助志愿服务队，每月到退役军人服务站坐班答疑，免费代理案件两百余件，并担任志愿普法讲师。",
        ],
        "quote": "法律是我现在的武器，用它守护战友们的权益。",
        "events": [
            (2012, "取得法律职业资格"),
            (2019, "成立退役军人法律援助志愿服务队"),
            (2023, "获评“最美退役军人志愿者”"),
        ],
    },
    {
        "name": "孙丽娟",
        "category": SPOUSE,
        "gender": "female",
        "birth_year": 1988,
        "native_place": "示范市南湖区",
        "region": "南湖区",
        "summary": "社区医生军嫂，组织义诊团队定期为军烈属和老兵上门服务",
        "honours": [("2024", "zuimei-junsao")],
        "tags": ["志愿服务", "健康咨询"],
        "story": [
            "孙丽娟是一名社区医生，丈夫在外地部队服役。她利用业余时间组织医护志愿者，每月为辖区内的军烈属、伤残军人上门测血压、送药品。",
            "她建立了一百多位老兵的健康档案，哪位老人需要复查、哪位老人要调整用药，她都记在心里。",
        ],
        "quote": "多跑几趟路，老人家就少受一份罪。",
        "events": [(2013, "与现役军人结婚"), (2019, "组织军烈属上门义诊"), (2024, "获评南湖区第一届“最美军嫂”")],
    },
    {
        "name": "杨国强",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1965,
        "native_place": "示范市北塘县",
        "branch": "air_force",
        "enlisted": 1983,
        "retired": 2003,
        "region": "北塘县",
        "summary": "二十年如一日担任村支书，带领全村打井抗旱、修路通车",
        "honours": [("2022", "zuimei-tuiyi-junren")],
        "tags": ["乡村振兴", "基层治理"],
        "story": [
            "杨国强从空军地勤部队退役后被村民推选为村支书。村里常年缺水，他带领党员和退役军人打井修渠，遇到大旱年份就组织抗旱救灾突击队。",
            "在他的带领下，村里修通了硬化路，建起了退役军人服务站，成了全县的示范村。",
        ],
        "quote": "当过兵的人，说到就要做到。",
        "events": [(2004, "当选村党支部书记"), (2017, "村退役军人服务站建成"), (2022, "获评全省“最美退役军人”")],
    },
    {
        "name": "吴晓燕",
        "category": SPOUSE,
        "gender": "female",
        "birth_year": 1992,
        "native_place": "示范市青河县",
        "region": "青河县",
        "summary": "乡村教师军嫂，在红星班里给孩子们上国防教育课",
        "honours": [("2023", "zuimei-junsao")],
        "tags": ["国防教育", "红星班"],
        "story": [
            "吴晓燕是一名乡村小学教师，丈夫在火箭军某部服役。学校创建双拥和国防教育特色“红星班”后，她主动担任辅导员。",
            "她邀请老兵进课堂，带孩子们给边防官兵写信、参观烈士纪念馆，让国防教育在孩子们心里生根发芽。",
        ],
        "quote": "我想让孩子们知道，是谁在远方守护着他们。",
        "events": [(2016, "成为乡村小学教师"), (2020, "担任“红星班”辅导员"), (2023, "获评示范市第三届“最美军嫂”")],
    },
    {
        "name": "郑海洋",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1986,
        "native_place": "福建莆田",
        "branch": "rocket_force",
        "enlisted": 2004,
        "retired": 2019,
        "region": "东城区",
        "summary": "疫情防控中连续值守卡点四十天，被群众称为“最美守门人”",
        "honours": [("2023", "zuimei-zhiyuanzhe")],
        "tags": ["疫情防控", "志愿服务"],
        "story": [
            "疫情期间，刚在社区安顿下来的郑海洋第一个报名当志愿者，在高速路口卡点连续值守四十天，负责车辆登记和体温检测。",
            "卡点撤销后，他又加入社区“新长征”志愿服务队，参与文明创建、关爱孤寡老人等活动，累计服务时长一千多小时。",
        ],
        "quote": "在部队站岗，在家乡也站岗，站的都是同一班岗。",
        "events": [
            (2020, "连续值守疫情防控卡点四十天"),
            (2021, "加入“新长征”志愿服务队"),
            (2023, "获评“最美退役军人志愿者”"),
        ],
    },
    {
        "name": "示范市爱国拥军促进会",
        "category": ORGANISATION,
        "region": "东城区",
        "summary": "联合三百多家企业为军人军属和退役军人提供优待服务",
        "honours": [("2023", "zuijia-zhiyuan-zuzhi")],
        "tags": ["社会化拥军", "拥军优属"],
        "story": [
            "促进会由热心拥军的企业家和退役军人发起成立，招募企业和社会组织作为拥军志愿服务单位，为持优待证的军人军属提供衣食住行、游娱购学等方面的优待服务。",
            "促进会还开展“情系边海防官兵”慰问活动，为边防连队送去书画作品和家乡特产，帮助部队官兵家属解决就业困难。",
        ],
        "quote": "让拥军成为全社会的自觉行动。",
        "events": [(2021, "促进会成立"), (2022, "拥军优待单位超过三百家"), (2023, "获评“最佳退役军人志愿服务组织”")],
    },
    {
        "name": "高红霞",
        "category": VETERAN,
        "gender": "female",
        "birth_year": 1979,
        "native_place": "示范市西山区",
        "branch": "strategic_support",
        "enlisted": 1997,
        "retired": 2012,
        "region": "西山区",
        "summary": "女兵出身的社区书记，把退役军人服务站办成了老兵之家",
        "honours": [("2023", "zuimei-tuiyi-junren")],
        "tags": ["基层治理", "服务保障"],
        "story": [
            "高红霞在部队从事通信工作十五年，转业后到社区工作。她牵头建起社区退役军人服务站，为辖区三百多名退役军人建档立卡，做到家家有联系人、户户有服务卡。",
            "她推动政策咨询、就业推荐、困难帮扶“一站式”办理，社区服务站被评为示范型退役军人服务站。",
        ],
        "quote": "老兵们的事，再小也是大事。",
        "events": [(2013, "到社区工作"), (2019, "社区退役军人服务站建成"), (2023, "获评示范市第三届“最美退役军人”")],
    },
    {
        "name": "黄德明",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1925,
        "native_place": "湖南湘潭",
        "branch": "army",
        "enlisted": 1944,
        "retired": 1982,
        "region": "南湖区",
        "summary": "百岁军休老兵，把一生积蓄捐给家乡学校设立助学金",
        "honours": [("2022", "zuimei-tuiyi-junren")],
        "tags": ["军休干部", "捐资助学"],
        "story": [
            "黄德明十九岁参军，参加过多次战役，身上留有弹片。离休后住在军休所，生活简朴，却先后拿出数十万元积蓄在家乡学校设立助学金。",
            "军休所把他的故事拍成微视频《红色记忆》，在机关和学校播放，激励了许多年轻人。",
        ],
        "quote": "我这条命是战友们换来的，要多做点有用的事。",
        "events": [(1944, "参军"), (1982, "离休"), (2022, "获评全省“最美退役军人”")],
    },
    {
        "name": "林小芳",
        "category": SPOUSE,
        "gender": "female",
        "birth_year": 1983,
        "native_place": "广东湛江",
        "region": "石门县",
        "summary": "海岛军嫂带领随军家属创办手工坊，帮助二十多名军嫂就业",
        "honours": [("2022", "zuimei-junsao")],
        "tags": ["就业创业", "军属"],
        "story": [
            "林小芳随军到海岛后，发现很多军嫂因为交通不便难以就业。她自学手工编织，带着姐妹们创办手工坊，把产品通过网络销往各地。",
            "丈夫调回内地后，她又在石门县开设了第二家手工坊，继续帮助随军家属在家门口就业。",
        ],
        "quote": "军嫂不只是等待，我们也能创造。",
        "events": [(2008, "随军上岛"), (2014, "创办随军家属手工坊"), (2022, "获评全省“最美军嫂”")],
    },
    {
        "name": "何振东",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1975,
        "native_place": "示范市石门县",
        "branch": "armed_police",
        "enlisted": 1993,
        "retired": 2009,
        "region": "石门县",
        "summary": "为烈士寻亲的志愿者，帮助十三位烈士找到亲人",
        "honours": [("2023", "zuimei-zhiyuanzhe")],
        "tags": ["为烈士寻亲", "志愿服务"],
        "story": [
            "何振东在一次祭扫中发现陵园里有不少无名或无亲属信息的烈士墓。此后他利用业余时间查阅档案、走访知情人，协助退役军人事务部门开展为烈士寻亲工作。",
            "十年来，他和寻亲志愿者们一起帮助十三位烈士找到了亲人，还把寻亲经历写成文章，在宣讲中讲给年轻人听。",
        ],
        "quote": "每找到一位烈士的亲人，就是让英雄回了一次家。",
        "events": [(2013, "开始参与为烈士寻亲"), (2020, "加入寻亲志愿服务队"), (2023, "获评“最美退役军人志愿者”")],
    },
    {
        "name": "南湖区“红色先锋”退役军人志愿服务队",
        "category": ORGANISATION,
        "region": "南湖区",
        "summary": "一域一队伍，六十支分队常年开展关爱烈属、困难帮扶活动",
        "honours": [("2023", "zuijia-zhiyuan-zuzhi")],
        "tags": ["志愿服务", "关爱烈属"],
        "story": [
            "服务队按照“一域一队伍”的思路，在全区每个街道、社区组建分队，队员都是退役军人。",
            "他们开展“学雷锋月”、关爱老兵、协同应急救援、助力文明实践等志愿服务，建起集办公、展示、教育于一体的志愿服务阵地。",
        ],
        "quote": "哪里有需要，哪里就有红色先锋。",
        "events": [(2019, "服务队组建"), (2022, "志愿服务阵地对外开放"), (2023, "获评“最佳退役军人志愿服务组织”")],
    },
    {
        "name": "张卫东",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1970,
        "native_place": "示范市东城区",
        "branch": "joint_logistics",
        "enlisted": 1988,
        "retired": 2010,
        "region": "东城区",
        "summary": "开办退役军人就业培训学校，帮助上千名退役士兵掌握一技之长",
        "honours": [("2021", "zuimei-tuiyi-junren")],
        "tags": ["就业创业", "技能培训"],
        "story": [
            "张卫东转业后投身职业教育，开办的培训学校专门面向退役士兵开设汽车维修、电工、无人机操作等课程，并与用工企业签订定向就业协议。",
            "学校累计培训退役士兵一千二百余人，就业率超过九成，多名学员成为企业技术骨干。",
        ],
        "quote": "给战友们一门手艺，比给什么都强。",
        "events": [(2011, "创办职业培训学校"), (2018, "开设无人机操作课程"), (2021, "获评示范市第二届“最美退役军人”")],
    },
    {
        "name": "冯桂英",
        "category": SPOUSE,
        "gender": "female",
        "birth_year": 1962,
        "native_place": "示范市北塘县",
        "region": "北塘县",
        "summary": "三代从军之家的“兵妈妈”，把儿子孙子先后送进军营",
        "honours": [("2021", "zuimei-junsao")],
        "tags": ["光荣之家", "军属"],
        "story": [
            "冯桂英的丈夫是老兵，她先后把儿子、孙子送进军营，家里挂着三块“光荣之家”的牌子。",
            "她常说当兵光荣，每年新兵入伍欢送会上都会作为军属代表发言，叮嘱新兵们在部队好好干。",
        ],
        "quote": "国家需要，咱家就出兵。",
        "events": [(1982, "与退役军人结婚"), (2006, "儿子参军入伍"), (2021, "获评示范市第二届“最美军嫂”")],
    },
    {
        "name": "谢文斌",
        "category": VETERAN,
        "gender": "male",
        "birth_year": 1994,
        "native_place": "示范市西山区",
        "branch": "army",
        "enlisted": 2012,
        "retired": 2020,
        "region": "西山区",
        "summary": "退役后扎根山区做电商，帮助乡亲把山货卖出大山",
        "honours": [("2023", "zuimei-tuiyi-junren")],
        "tags": ["创业带富", "乡村振兴"],
        "story": [
            "谢文斌退役后参加了电商创业培训，回到西山区的山村，开设网店销售核桃、蜂蜜等山货。",
            "他为乡亲们统一包装、统一品牌，还免费培训村里的年轻人做直播，带动五十多户村民增收。",
        ],
        "quote": "山里的好东西，不能烂在山里。",
        "events": [(2020, "退役返乡"), (2021, "开设山货网店"), (2023, "获评示范市第三届“最美退役军人”")],
    },
]


def _timeline(spec):
    events = []
    if spec.get("enlisted"):
        events.append({"year": spec["enlisted"], "month": 9 if spec["enlisted"] >= 1960 else None, "event": "参军入伍"})
    if spec.get("retired"):
        events.append({"year": spec["retired"], "month": None, "event": "退出现役"})
    events += [{"year": year, "month": None, "event": text} for year, text in spec["events"]]
    events.sort(key=lambda event: event["year"])
    return {"heading": "成长足迹", "events": events}


def _story(spec, story_image):
    first, *rest = spec["story"]
    blocks = [{"type": "paragraph", "value": f"<p>{first}</p>"}]
    blocks.append({"type": "pull_quote", "value": {"quote": spec["quote"], "attribution": spec["name"]}})
    if story_image is not None:
        blocks.append({"type": "image", "value": {"image": story_image.pk, "caption": ""}})
    blocks += [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in rest]
    blocks.append({"type": "timeline", "value": _timeline(spec)})
    return json.dumps(blocks, ensure_ascii=False)


def _ensure_index(home):
    index = HonorIndexPage.objects.child_of(home).first()
    if index is None:
        index = HonorIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _ensure_titles():
    titles = {}
    for order, (slug, name, description) in enumerate(TITLES):
        titles[slug], _created = HonourTitle.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order * 10}
        )
    return titles


def _ensure_rounds(titles):
    rounds = {}
    for key, (year, edition, level, organiser, slugs) in ROUNDS.items():
        selection, created = SelectionRound.objects.get_or_create(
            year=year, edition=edition, level=level, defaults={"organiser": organiser}
        )
        if created:
            selection.titles.set([titles[slug] for slug in slugs])
        rounds[key] = selection
    return rounds


def load_demo(context):
    """Create the honour roll under ``context.home_page`` (idempotent)."""
    index = _ensure_index(context.home_page)
    titles = _ensure_titles()
    rounds = _ensure_rounds(titles)
    created = []
    for number, spec in enumerate(PROFILES):
        if ProfilePage.objects.child_of(index).filter(title=spec["name"]).exists():
            continue
        photo = context.make_image(
            f"{spec['name']}（示例肖像）",
            seed=f"honors-portrait-{number}",
            alt_text=f"{spec['name']}的示例图片",
            caption="演示用生成图片，非真实照片",
        )
        story_image = None
        if number % 3 == 0:
            story_image = context.make_image(
                f"{spec['name']}的事迹现场（示例）", seed=f"honors-story-{number}", caption="演示用生成图片"
            )
        profile = ProfilePage(
            title=spec["name"],
            slug=f"profile-{number + 1:02d}",
            category=spec["category"],
            gender=spec.get("gender", ""),
            birth_year=spec.get("birth_year"),
            native_place=spec.get("native_place", ""),
            service_branch=spec.get("branch", ""),
            enlisted_year=spec.get("enlisted"),
            retired_year=spec.get("retired"),
            region=spec["region"],
            summary=spec["summary"],
            photo=photo,
            story=_story(spec, story_image),
        )
        for round_key, title_slug in spec["honours"]:
            profile.honours.add(ProfileHonour(round=rounds[round_key], title=titles[title_slug]))
        profile.tags.add(*spec["tags"])
        index.add_child(instance=profile)
        profile.save_revision().publish()
        created.append(profile)
    _link_related(index, created)
    context.log(f"  荣誉风采：{len(rounds)} 个评选届次，新建 {len(created)} 位人物")


def _link_related(index, profiles):
    """New profiles point to up to three others from the same district."""
    for profile in profiles:
        neighbours = (
            ProfilePage.objects.child_of(index).filter(region=profile.region).exclude(pk=profile.pk).order_by("pk")[:3]
        )
        if not neighbours:
            continue
        profile.related_profiles = [RelatedProfile(profile=other) for other in neighbours]
        profile.save_revision().publish()
