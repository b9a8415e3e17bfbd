"""A starter list of 搜索同义词 drawn from the bureau vocabulary (the work reports in the seeds:
抚恤, 烈属, 军属, 军转干部, 军休干部, 志愿兵, 自主就业, 伤残军人, 英烈, 祭扫 …) and the words people
use for the same things. Staff edit it in 设置 → 搜索同义词; a group they changed or removed is
left alone when the migration is reversed."""

from django.db import migrations

STARTER_SYNONYMS = [
    ("抚恤，抚恤金", "抚恤待遇"),
    ("复员军人，退伍军人，退役军人", "退役军人的旧称与口语说法"),
    ("烈属，烈士家属，烈士遗属", "《烈士褒扬条例》称烈士遗属"),
    ("军属，军人家属", ""),
    ("军嫂，军人配偶", ""),
    ("抗美援朝，朝鲜战争，抗美援朝战争", ""),
    ("军转干部，军队转业干部", ""),
    ("军休干部，军队离休退休干部", ""),
    ("伤残军人，残疾军人", "法规称残疾军人"),
    ("志愿兵，士官", "1999 年起志愿兵改称士官"),
    ("自主就业，自谋职业", "2011 年起退役士兵自谋职业改称自主就业"),
    ("英烈，英雄烈士", ""),
    ("烈士证明书，烈士证", ""),
    ("祭扫，扫墓", ""),
    ("光荣牌，光荣之家", ""),
]


def add_starter_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for words, note in STARTER_SYNONYMS:
        SearchSynonym.objects.get_or_create(words=words, defaults={"note": note})


def remove_starter_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    SearchSynonym.objects.filter(words__in=[words for words, _note in STARTER_SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_searchsynonym")]

    operations = [migrations.RunPython(add_starter_synonyms, remove_starter_synonyms)]
