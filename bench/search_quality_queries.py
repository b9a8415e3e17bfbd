"""The documents and the query set of ``bench/search_quality.py``.

Every query comes with its relevance judgement, written from the documents, not from what an
engine returns: the concepts a passage must contain to answer it (in simplified characters,
whatever script, word order or wording the query uses; ``"a|b"`` is a concept worded either
way), or ``"name:<title>"`` for the one biography it asks for.

The kinds follow what visitors type:

- single words, words inside compounds, several words, reordered words, traditional characters,
  pinyin names, names, full-width input: the original set;
- ``compound, parts apart``: a compound of a topic and a general word (优抚对象); a passage about
  the topic answers it whether or not it uses the general word;
- ``topic + setting``: a topic and where it happens (双拥 社区); a passage about the topic answers
  it, whatever word it uses for the setting (街道, 居民, 基层 …);
- ``synonym``: a word for which the documents (mostly) use another one (烈士家属 for 烈属, 自谋职业
  for 自主就业), judged by every wording of the concept;
- ``pinyin spaced``: a name typed as separate syllables, with capitals or a hyphen;
- ``polyphonic name``: a name whose characters have several readings, typed with the reading
  the person knows (曾 zeng or ceng, 乐 yue or le, 长 chang or zhang).
"""

BIOGRAPHIES = {
    "黄继光": "黄继光，四川中江人，中国人民志愿军战士，上甘岭战役中用胸膛堵住敌人枪眼，被追记特等功，授予特级英雄称号。",
    "邱少云": "邱少云，重庆铜梁人，志愿军战士，潜伏时被燃烧弹引燃，为不暴露目标忍受烈火烧身直至牺牲。",
    "杨根思": "杨根思，江苏泰兴人，志愿军连长，长津湖战役中抱起炸药包冲向敌群，与敌同归于尽。",
    "董存瑞": "董存瑞，河北怀来人，解放隆化战斗中手托炸药包炸毁敌人暗堡，年仅十九岁。",
    "刘胡兰": "刘胡兰，山西文水人，共产党员，面对敌人铡刀英勇不屈，毛泽东题词生的伟大死的光荣。",
    "赵一曼": "赵一曼，四川宜宾人，东北抗日联军将领，被俘后受尽酷刑，坚贞不屈，在珠河就义。",
    "左权": "左权，湖南醴陵人，八路军副参谋长，在山西辽县指挥突围时牺牲，是抗战中牺牲的最高将领之一。",
    "张思德": "张思德，四川仪陇人，中央警备团战士，在陕北烧炭时炭窑崩塌牺牲，为人民服务由此而来。",
    "罗盛教": "罗盛教，湖南新化人，志愿军侦察员，为抢救落入冰窟的朝鲜少年献出生命。",
    "雷锋": "雷锋，湖南长沙人，沈阳军区工程兵战士，因公殉职，他的精神激励了一代又一代人。",
    "王继才": "王继才，江苏灌云人，与妻子守卫开山岛三十二年，病逝于执勤岗位，被追授时代楷模称号。",
    "孙继先": "孙继先，山东曹县人，红军强渡大渡河十七勇士的指挥者，开国中将。",
    # Names with a compound surname or polyphonic characters.
    "欧阳海": "欧阳海，湖南桂阳人，解放军班长，1963年为推开铁路上受惊的驮炮战马、保护列车而牺牲。",
    "乐以琴": "乐以琴，四川芦山人，中国空军飞行员，全面抗战爆发后屡建战功，1937年在南京上空迎击日机时牺牲。",
    "曾中生": "曾中生，湖南资兴人，鄂豫皖革命根据地和红四方面军的创建人和领导人之一，1935年牺牲。",
    "王朴": "王朴，四川江北人，中共党员，变卖家产支持党的工作，1949年在重庆就义。",
    "谢子长": "谢子长，陕西安定人，陕北红军和革命根据地的创建人之一，1935年牺牲，安定县后改名子长县。",
}

# (kind, query, judgement)
QUERIES = [
    ("single word", "优待证", ("优待证",)),
    ("single word", "双拥", ("双拥",)),
    ("single word", "英烈", ("英烈",)),
    ("single word", "帮扶", ("帮扶",)),
    ("single word", "培训", ("培训",)),
    ("single word", "安置", ("安置",)),
    ("single word", "服务站", ("服务站",)),
    ("single word", "烈士纪念设施", ("烈士纪念设施",)),
    ("single word", "信访", ("信访",)),
    ("single word", "褒扬", ("褒扬",)),
    ("word in compound", "军人", ("军人",)),
    ("word in compound", "纪念", ("纪念",)),
    ("multi-word", "退役军人 就业", ("退役军人", "就业")),
    ("multi-word", "优抚 医疗", ("优抚", "医疗")),
    ("multi-word", "烈士 祭扫", ("烈士", "祭扫")),
    ("multi-word", "双拥 活动", ("双拥", "活动")),
    ("multi-word", "就业创业培训", ("就业", "创业", "培训")),
    ("multi-word", "困难帮扶", ("困难", "帮扶")),
    ("reordered", "培训就业", ("培训", "就业")),
    ("reordered", "设施纪念烈士", ("烈士纪念设施",)),
    ("reordered", "拥军 双拥 优属", ("拥军", "优属")),
    ("reordered", "帮扶困难", ("困难", "帮扶")),
    ("traditional", "優待證", ("优待证",)),
    ("traditional", "雙擁", ("双拥",)),
    ("traditional", "退役軍人 就業", ("退役军人", "就业")),
    ("traditional", "烈士紀念設施", ("烈士纪念设施",)),
    ("traditional", "黃繼光", "name:黄继光"),
    ("pinyin name", "huangjiguang", "name:黄继光"),
    ("pinyin name", "hjg", "name:黄继光"),
    ("pinyin name", "qiushaoyun", "name:邱少云"),
    ("pinyin name", "ygs", "name:杨根思"),
    ("pinyin name", "dongcunrui", "name:董存瑞"),
    ("pinyin name", "liuhulan", "name:刘胡兰"),
    ("pinyin name", "zym", "name:赵一曼"),
    ("name", "黄继光", "name:黄继光"),
    ("name", "继光", "name:黄继光"),
    ("name", "杨根思", "name:杨根思"),
    ("full-width", "ＨＪＧ", "name:黄继光"),
    # A topic and a general word written together: the topic answers it.
    ("compound, parts apart", "优抚对象", ("优抚",)),
    ("compound, parts apart", "双拥工作", ("双拥",)),
    ("compound, parts apart", "信访问题", ("信访",)),
    ("compound, parts apart", "优待证办理", ("优待证",)),
    ("compound, parts apart", "帮扶对象", ("帮扶",)),
    ("compound, parts apart", "祭扫活动", ("祭扫",)),
    # A topic and where it happens: the topic answers it, whatever the setting is called.
    ("topic + setting", "双拥 社区", ("双拥",)),
    ("topic + setting", "优抚 街道", ("优抚",)),
    ("topic + setting", "帮扶 农村", ("帮扶",)),
    ("topic + setting", "褒扬 学校", ("褒扬",)),
    ("topic + setting", "祭扫 陵园", ("祭扫",)),
    ("topic + setting", "服务站 乡镇", ("服务站",)),
    # Another wording of a concept the documents name (the starter list of 搜索同义词).
    ("synonym", "烈士家属", ("烈属|烈士家属|烈士遗属",)),
    ("synonym", "军人家属", ("军属|军人家属",)),
    ("synonym", "军队转业干部", ("军转干部|军队转业干部",)),
    ("synonym", "残疾军人", ("伤残军人|残疾军人",)),
    ("synonym", "英雄烈士", ("英烈|英雄烈士",)),
    ("synonym", "自谋职业", ("自主就业|自谋职业",)),
    ("synonym", "抚恤金", ("抚恤|抚恤金",)),
    ("synonym", "军人配偶", ("军嫂|军人配偶",)),
    # Names typed in separate syllables.
    ("pinyin spaced", "huang ji guang", "name:黄继光"),
    ("pinyin spaced", "Huang Jiguang", "name:黄继光"),
    ("pinyin spaced", "qiu shaoyun", "name:邱少云"),
    ("pinyin spaced", "Lei Feng", "name:雷锋"),
    ("pinyin spaced", "lei feng", "name:雷锋"),
    ("pinyin spaced", "ouyang hai", "name:欧阳海"),
    ("pinyin spaced", "ou yang hai", "name:欧阳海"),
    ("pinyin spaced", "ouyang-hai", "name:欧阳海"),
    ("pinyin spaced", "Zhao Yiman", "name:赵一曼"),
    ("pinyin spaced", "luo sheng jiao", "name:罗盛教"),
    # Names whose characters have several readings.
    ("polyphonic name", "yueyiqin", "name:乐以琴"),
    ("polyphonic name", "le yi qin", "name:乐以琴"),
    ("polyphonic name", "zengzhongsheng", "name:曾中生"),
    ("polyphonic name", "ceng zhongsheng", "name:曾中生"),
    ("polyphonic name", "zzs", "name:曾中生"),
    ("polyphonic name", "wangpu", "name:王朴"),
    ("polyphonic name", "xie zichang", "name:谢子长"),
    ("polyphonic name", "xiezizhang", "name:谢子长"),
]
