"""Demo content for the honour roll: titles, four selection rounds and 22 profiles.

The content is data, in ``honour_roll.json`` beside this module; the code here only creates it.
It is content, so it stays in the content language (Chinese); only the loader's report is
translated.
People, places and units are invented; the kinds of deeds follow what bureau work reports
describe (emergency rescue teams, epidemic checkpoints, drought relief, legal aid, talks in
schools, starting businesses, caring for martyrs' families). Every object is looked up before
it is created, so loading twice changes nothing.
"""

import json
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from honors.models import HonorIndexPage, HonourTitle, ProfileHonour, ProfilePage, RelatedProfile, SelectionRound
from search.analysis import split_name

DATA_FILE = Path(__file__).with_name("honour_roll.json")


@cache
def demo_data():
    """``{"index": …, "titles": […], "rounds": {key: …}, "profiles": […]}`` from the data file."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def load_demo(context):
    """Create the honour roll under ``context.home_page`` (idempotent)."""
    data = demo_data()
    index = _ensure_index(context.home_page, data["index"])
    titles = _ensure_titles(data["titles"])
    rounds = _ensure_rounds(data["rounds"], titles)
    created = []
    for number, spec in enumerate(data["profiles"]):
        if ProfilePage.objects.child_of(index).filter(title=spec["name"]).exists():
            continue
        created.append(_create_profile(context, index, number, spec, titles, rounds))
    _link_related(index, created)
    report = _("荣誉风采：%(rounds)s，%(profiles)s") % {
        "rounds": ngettext("%(count)d 个评选届次", "%(count)d 个评选届次", len(rounds)) % {"count": len(rounds)},
        "profiles": ngettext("新建 %(count)d 位人物", "新建 %(count)d 位人物", len(created)) % {"count": len(created)},
    }
    context.log(f"  {report}")


def _ensure_index(home, spec):
    index = HonorIndexPage.objects.child_of(home).first()
    if index is None:
        index = HonorIndexPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"])
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _ensure_titles(specs):
    titles = {}
    for order, spec in enumerate(specs):
        defaults = {"name": spec["name"], "description": spec["description"], "sort_order": order * 10}
        titles[spec["slug"]], _created = HonourTitle.objects.get_or_create(slug=spec["slug"], defaults=defaults)
    return titles


def _ensure_rounds(specs, titles):
    rounds = {}
    for key, spec in specs.items():
        selection, created = SelectionRound.objects.get_or_create(
            year=spec["year"], edition=spec["edition"], level=spec["level"], defaults={"organiser": spec["organiser"]}
        )
        if created:
            selection.titles.set([titles[slug] for slug in spec["titles"]])
        rounds[key] = selection
    return rounds


def _create_profile(context, index, number, spec, titles, rounds):
    organisation = spec["category"] == "volunteer_organisation"
    photo = context.make_image(
        f"{spec['name']}（示例肖像）",
        surname="" if organisation else split_name(spec["name"])[0],
        scene="hall" if organisation else "",
        alt_text=f"{spec['name']}的{'示例图片' if organisation else '肖像占位图（示例）'}",
        caption="演示用占位图，非真实照片",
    )
    story_image = None
    if number % 3 == 0:
        story_image = context.make_image(
            f"{spec['name']}的事迹现场（示例）",
            seed=f"honors-story-{number}",
            scene=("pines", "chrysanthemums", "hall")[number // 3 % 3],
            caption="演示用生成图片",
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
    return profile


def _story(spec, story_image):
    first, *rest = spec["story"]
    blocks = [{"type": "paragraph", "value": f"<p>{first}</p>"}]
    blocks.append({"type": "pull_quote", "value": {"quote": spec["quote"], "attribution": spec["name"]}})
    if story_image is not None:
        blocks.append({"type": "image", "value": {"image": story_image.pk, "caption": ""}})
    blocks += [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in rest]
    blocks.append({"type": "timeline", "value": _timeline(spec)})
    return json.dumps(blocks, ensure_ascii=False)


def _timeline(spec):
    events = []
    if spec.get("enlisted"):
        events.append({"year": spec["enlisted"], "month": 9 if spec["enlisted"] >= 1960 else None, "event": "参军入伍"})
    if spec.get("retired"):
        events.append({"year": spec["retired"], "month": None, "event": "退出现役"})
    events += [{"year": year, "month": None, "event": text} for year, text in spec["events"]]
    events.sort(key=lambda event: event["year"])
    return {"heading": "成长足迹", "events": events}


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
