"""Success stories need a confirmed case with the family's written consent, and name living
relatives only when the family agreed; announcements list the martyrs whose families were
found in a period that has ended."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


@pytest.fixture
def confirmed_case(send_clue, sought, team_member):
    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import Clue

    send_clue(sought=sought.pk)
    case = Clue.objects.get().case
    workflow.change_stage(case, "verifying", team_member)
    workflow.change_stage(case, "confirmed", team_member)
    return case


def test_a_story_needs_a_confirmed_case_and_the_written_consent(campaign, confirmed_case, team_member, send_clue):
    from campaigns.seekrelatives import stories, workflow
    from campaigns.seekrelatives.models import SuccessStoryPage

    with pytest.raises(workflow.CaseError, match="书面同意"):
        stories.create_story_draft(confirmed_case, team_member)
    page = SuccessStoryPage(title="手工创建的故事", slug="manual", body="<p>正文</p>")
    with pytest.raises(ValidationError, match="须从认亲成功的寻亲案件生成"):
        campaign.add_child(instance=page)
    workflow.record_story_consent(
        confirmed_case, team_member, consent_on=datetime.date(2026, 4, 1), reference="TY-1", names=False
    )
    story = stories.create_story_draft(confirmed_case, team_member)
    assert not story.live and story.get_parent().specific == campaign
    assert stories.create_story_draft(confirmed_case, team_member) == story  # one story per case


def test_living_relatives_are_named_only_with_consent(confirmed_case, team_member):
    from campaigns.seekrelatives import stories, workflow

    workflow.record_story_consent(
        confirmed_case, team_member, consent_on=datetime.date(2026, 4, 1), reference="TY-1", names=False
    )
    story = stories.create_story_draft(confirmed_case, team_member)
    story.body = "<p>烈士的侄子张卫国来到陵园。</p>"
    with pytest.raises(ValidationError, match=r"家属未同意公开在世亲属的姓名，请删去：张\*\*"):
        story.full_clean()
    story.body = "<p>烈士的侄子张先生来到陵园。</p>"
    story.full_clean()
    workflow.record_story_consent(
        confirmed_case, team_member, consent_on=datetime.date(2026, 4, 1), reference="TY-1", names=True
    )
    story.case.refresh_from_db()
    story.body = "<p>烈士的侄子张卫国来到陵园。</p>"
    story.full_clean()


def test_an_announcement_lists_the_families_found_in_its_period(client, campaign, confirmed_case, martyr):
    from campaigns.seekrelatives.models import ResultAnnouncementPage

    today = timezone.localdate()
    future = ResultAnnouncementPage(
        title="未来", slug="future", period_start=today, period_end=today + datetime.timedelta(days=7)
    )
    with pytest.raises(ValidationError, match="截止日期不能晚于今天"):
        future.full_clean()
    page = ResultAnnouncementPage(
        title="第一批寻亲结果", slug="batch-1", period_start=today - datetime.timedelta(days=30), period_end=today
    )
    campaign.add_child(instance=page)
    page.save_revision().publish()
    earlier = ResultAnnouncementPage(
        title="上一批", slug="batch-0", period_start=datetime.date(2020, 1, 1), period_end=datetime.date(2020, 12, 31)
    )
    campaign.add_child(instance=earlier)
    earlier.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "王德胜" in html and "四川省中江县" in html and martyr.get_url() in html
    assert "张卫国" not in html and "139" not in html
    assert "这一时间段内没有认亲成功的烈士" in client.get(earlier.url).content.decode()
    assert "第一批寻亲结果" in client.get(campaign.url).content.decode()
