"""A confirmed case becomes a success story: a draft page under the campaign page, linked to the
case (whose recorded written consent the page checks), written and then published through the
two-step review (内容审核: 初审 → 终审) like any page."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaigns.seekrelatives.models import ClueCase, SeekRelativesCampaignPage, SuccessStoryPage
from campaigns.seekrelatives.workflow import CaseError


@transaction.atomic
def create_story_draft(case: ClueCase, user) -> SuccessStoryPage:
    """A draft story for ``case``; refused without 认亲成功, the family's written consent or a
    campaign page."""
    if case.confirmed_at is None:
        raise CaseError(_("只有认亲成功的案件才能写成成功故事。"))
    if case.story_consent_on is None:
        raise CaseError(_("请先记录家属的书面同意（日期和同意书编号）。"))
    campaign = SeekRelativesCampaignPage.objects.first()
    if campaign is None:
        raise CaseError(_("还没有“为烈士寻亲”活动页面，请先创建。"))
    existing = SuccessStoryPage.objects.filter(case=case).first()
    if existing is not None:
        return existing
    name = case.display_name
    story = SuccessStoryPage(
        title=_("%(name)s烈士的亲人找到了") % {"name": name},
        slug=f"story-{case.reference.lower()}",
        case=case,
        record=case.record,
        summary="",
        body="<p>" + _("（请在此写下寻亲的经过。家属未同意公开姓名时，不要写出在世亲属的姓名。）") + "</p>",
        live=False,
        owner=user,
    )
    campaign.add_child(instance=story)
    story.save_revision(user=user, log_action=True)
    log(case, "seekrelatives.story_draft", user=user, data={"page": story.pk})
    return story
