"""An honour roll to test against: four titles, two selection rounds and a handful of profiles.

| profile        | category      | region | honours                                       |
|----------------|---------------|--------|-----------------------------------------------|
| 周立军         | veteran       | 青河县 | 2021 最美退役军人                              |
| 韩雪梅         | spouse        | 东城区 | 2021 最美军嫂, 2023 最美退役军人志愿者          |
| 陈秀兰         | spouse        | 西山区 | 2023 最美军嫂                                  |
| 应急救援服务队 | organisation  | 南湖区 | 2023 最佳退役军人志愿服务组织                    |
| 马振华         | veteran       | 西山区 | 2023 最美退役军人                              |
| 草稿人物       | veteran (draft)      | 北塘县 | 2023 最美退役军人                       |
| 内部人物       | veteran (login only) | 石门县 | 2023 最美退役军人                       |
"""

from types import SimpleNamespace

import pytest
from wagtail.models import PageViewRestriction

from honors.models import Category, HonorIndexPage, HonourTitle, ProfileHonour, ProfilePage, SelectionRound

PUBLIC_NAMES = {"周立军", "韩雪梅", "陈秀兰", "示范市退役军人应急救援志愿服务队", "马振华"}


def make_profile(index, name, honours, *, live=True, **fields):
    """A profile under ``index`` with ``honours`` as (round, title) pairs, published unless ``live=False``."""
    fields.setdefault("summary", f"{name}的一句话事迹")
    fields.setdefault("region", "南湖区")
    profile = ProfilePage(title=name, live=live, **fields)
    for selection, title in honours:
        profile.honours.add(ProfileHonour(round=selection, title=title))
    index.add_child(instance=profile)
    revision = profile.save_revision()
    if live:
        revision.publish()
    return profile


@pytest.fixture
def titles(db):
    return SimpleNamespace(
        veteran=HonourTitle.objects.create(name="最美退役军人", slug="zuimei-tuiyi-junren", sort_order=1),
        spouse=HonourTitle.objects.create(name="最美军嫂", slug="zuimei-junsao", sort_order=2),
        volunteer=HonourTitle.objects.create(name="最美退役军人志愿者", slug="zuimei-zhiyuanzhe", sort_order=3),
        organisation=HonourTitle.objects.create(name="最佳退役军人志愿服务组织", slug="zuijia-zuzhi", sort_order=4),
    )


@pytest.fixture
def rounds(titles):
    second = SelectionRound.objects.create(
        year=2021, edition="第二届", level=SelectionRound.Level.MUNICIPAL, organiser="示范市退役军人事务局"
    )
    second.titles.set([titles.veteran, titles.spouse])
    third = SelectionRound.objects.create(
        year=2023, edition="第三届", level=SelectionRound.Level.MUNICIPAL, organiser="示范市退役军人事务局"
    )
    third.titles.set([titles.veteran, titles.spouse, titles.volunteer, titles.organisation])
    return SimpleNamespace(second=second, third=third)


@pytest.fixture
def honor_index(home_page):
    index = HonorIndexPage(title="最美退役军人风采", slug="zuimei", intro="<p>历届先进典型</p>")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def honour_roll(honor_index, titles, rounds):
    index = honor_index
    profiles = SimpleNamespace(
        zhou=make_profile(
            index,
            "周立军",
            [(rounds.second, titles.veteran)],
            category=Category.VETERAN,
            gender="male",
            region="青河县",
            birth_year=1978,
            service_branch="army",
            enlisted_year=1996,
            retired_year=2008,
        ),
        han=make_profile(
            index,
            "韩雪梅",
            [(rounds.second, titles.spouse), (rounds.third, titles.volunteer)],
            category=Category.MILITARY_SPOUSE,
            gender="female",
            region="东城区",
        ),
        chen=make_profile(
            index,
            "陈秀兰",
            [(rounds.third, titles.spouse)],
            category=Category.MILITARY_SPOUSE,
            gender="female",
            region="西山区",
        ),
        team=make_profile(
            index,
            "示范市退役军人应急救援志愿服务队",
            [(rounds.third, titles.organisation)],
            category=Category.VOLUNTEER_ORGANISATION,
            region="南湖区",
        ),
        ma=make_profile(
            index,
            "马振华",
            [(rounds.third, titles.veteran)],
            category=Category.VETERAN,
            gender="male",
            region="西山区",
            summary="七十岁的老兵宣讲员，走进一百多所学校讲述英雄故事",
        ),
        draft=make_profile(
            index, "草稿人物", [(rounds.third, titles.veteran)], live=False, category=Category.VETERAN, region="北塘县"
        ),
        private=make_profile(
            index, "内部人物", [(rounds.third, titles.veteran)], category=Category.VETERAN, region="石门县"
        ),
    )
    PageViewRestriction.objects.create(page=profiles.private, restriction_type=PageViewRestriction.LOGIN)
    return SimpleNamespace(index=index, titles=titles, rounds=rounds, profiles=profiles)
