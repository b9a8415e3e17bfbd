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

# The factories are imported inside the fixtures: they look the models up when imported, and
# other test modules (tests/browser) import these fixtures whether the plugin is on or off.

PUBLIC_NAMES = {"周立军", "韩雪梅", "陈秀兰", "示范市退役军人应急救援志愿服务队", "马振华"}


@pytest.fixture
def titles(db):
    from tests.honors.factories import HonourTitleFactory

    return SimpleNamespace(
        veteran=HonourTitleFactory(name="最美退役军人", slug="zuimei-tuiyi-junren", sort_order=1),
        spouse=HonourTitleFactory(name="最美军嫂", slug="zuimei-junsao", sort_order=2),
        volunteer=HonourTitleFactory(name="最美退役军人志愿者", slug="zuimei-zhiyuanzhe", sort_order=3),
        organisation=HonourTitleFactory(name="最佳退役军人志愿服务组织", slug="zuijia-zuzhi", sort_order=4),
    )


@pytest.fixture
def rounds(titles):
    from tests.honors.factories import SelectionRoundFactory

    return SimpleNamespace(
        second=SelectionRoundFactory(year=2021, edition="第二届", titles=[titles.veteran, titles.spouse]),
        third=SelectionRoundFactory(
            year=2023,
            edition="第三届",
            titles=[titles.veteran, titles.spouse, titles.volunteer, titles.organisation],
        ),
    )


@pytest.fixture
def honor_index(home_page):
    from tests.honors.factories import HonorIndexPageFactory

    return HonorIndexPageFactory(parent=home_page, intro="<p>历届先进典型</p>")


@pytest.fixture
def honour_roll(honor_index, titles, rounds):
    from tests.honors.factories import ProfilePageFactory

    index = honor_index
    profiles = SimpleNamespace(
        zhou=ProfilePageFactory(
            parent=index,
            title="周立军",
            honours=[(rounds.second, titles.veteran)],
            category="veteran",
            gender="male",
            region="青河县",
            birth_year=1978,
            service_branch="army",
            enlisted_year=1996,
            retired_year=2008,
        ),
        han=ProfilePageFactory(
            parent=index,
            title="韩雪梅",
            honours=[(rounds.second, titles.spouse), (rounds.third, titles.volunteer)],
            category="military_spouse",
            gender="female",
            region="东城区",
        ),
        chen=ProfilePageFactory(
            parent=index,
            title="陈秀兰",
            honours=[(rounds.third, titles.spouse)],
            category="military_spouse",
            gender="female",
            region="西山区",
        ),
        team=ProfilePageFactory(
            parent=index,
            title="示范市退役军人应急救援志愿服务队",
            honours=[(rounds.third, titles.organisation)],
            category="volunteer_organisation",
            region="南湖区",
        ),
        ma=ProfilePageFactory(
            parent=index,
            title="马振华",
            honours=[(rounds.third, titles.veteran)],
            category="veteran",
            gender="male",
            region="西山区",
            summary="七十岁的老兵宣讲员，走进一百多所学校讲述英雄故事",
        ),
        draft=ProfilePageFactory(
            parent=index, title="草稿人物", honours=[(rounds.third, titles.veteran)], live=False, region="北塘县"
        ),
        private=ProfilePageFactory(
            parent=index, title="内部人物", honours=[(rounds.third, titles.veteran)], region="石门县"
        ),
    )
    PageViewRestriction.objects.create(page=profiles.private, restriction_type=PageViewRestriction.LOGIN)
    return SimpleNamespace(index=index, titles=titles, rounds=rounds, profiles=profiles)
