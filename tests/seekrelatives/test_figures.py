"""The campaign's figures: clues received (not those refused), families found (cases confirmed,
also once closed), martyrs still sought (published entries whose family is not found), the same
on the page (read afresh on a cached page), in the API and in the staff statistics."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


def confirm(case, user):
    import datetime

    from campaigns.seekrelatives import workflow

    workflow.change_stage(case, "verifying", user)
    workflow.record_dna(case, user, sampled_on=datetime.date(2026, 3, 1), lab="中心", lab_reference="X", result_on=None)
    workflow.change_stage(case, "dna", user)
    workflow.change_stage(case, "confirmed", user)


def test_the_figures_count_what_they_say(client, campaign, send_clue, make_record, make_sought, team_member):
    from campaigns.seekrelatives.figures import campaign_figures
    from campaigns.seekrelatives.models import Clue
    from siteshell.moderation import service

    entries = [make_sought(make_record(name=f"烈士{n}")) for n in range(4)]
    from campaigns.seekrelatives.models import SoughtMartyr

    SoughtMartyr(record=make_record(name="草稿烈士"), live=False).save()  # not published: not counted
    for number, entry in enumerate(entries[:3]):
        send_clue(client=Client(), sought=entry.pk, mobile=f"1360000000{number}")
    send_clue(client=Client(), sought=entries[0].pk, mobile="13600000009")  # same martyr, same case
    send_clue(client=Client(), martyr_name="名单外烈士", mobile="13600000008")
    first, *_rest, spam = Clue.objects.order_by("pk")
    service.reject(spam, team_member, "与寻亲无关")
    assert campaign_figures().clues_received == 4 and campaign_figures().families_found == 0
    confirm(first.case, team_member)
    second_case = Clue.objects.filter(record=entries[1].record).get().case
    confirm(second_case, team_member)
    from campaigns.seekrelatives import workflow

    workflow.change_stage(second_case, "closed", team_member)  # closed after the family was found
    figures = campaign_figures()
    assert (figures.clues_received, figures.families_found, figures.still_sought) == (4, 2, 2)

    page = client.get(campaign.url).content.decode()
    figures_html = page.split('class="seekrel-figures"')[1].split("</dl>")[0]
    assert [number for number in ("4", "2", "2") if f"<dd>{number}</dd>" in figures_html] == ["4", "2", "2"]
    assert client.get("/api/seekrelatives/figures").json() == {
        "clues_received": 4,
        "families_found": 2,
        "still_sought": 2,
    }


def test_the_figures_on_a_cached_page_are_fresh(client, campaign, sought, send_clue, page_cache):
    client.get(campaign.url)
    assert client.get(campaign.url)["X-Page-Cache"] == "hit"
    send_clue(client=Client(), sought=sought.pk)
    response = client.get(campaign.url)
    assert response["X-Page-Cache"] == "hit"
    figures_html = response.content.decode().split('class="seekrel-figures"')[1].split("</dl>")[0]
    assert "<dd>1</dd>" in figures_html


def test_the_figures_are_counted_once_then_read_from_the_cache(
    sought, send_clue, django_assert_num_queries, django_assert_max_num_queries
):
    """A cached page puts the figures in on every serve: counting the clues each time would cost
    three queries a visitor at the peak. A new clue clears them."""
    from campaigns.seekrelatives.figures import campaign_figures

    with django_assert_num_queries(3):
        assert campaign_figures().clues_received == 0
    with django_assert_num_queries(0):
        assert campaign_figures().still_sought == 1
    send_clue(client=Client(), sought=sought.pk)
    with django_assert_max_num_queries(3):
        assert campaign_figures().clues_received == 1
