"""Fixtures of the education tests: an education page and resources. Plugin models are imported
inside the fixtures, so that the folder collects with education off."""

import datetime

import pytest


@pytest.fixture
def education_page(home_page):
    from campaigns.education.models import EducationIndexPage

    page = EducationIndexPage(title="国防教育", slug="education", intro="<p>国防教育资源</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_resource(education_page):
    """``make_resource(title=…, grade_band=…, body=[("paragraph", "<p>…</p>")], …)``, published."""

    def make(live=True, links=(), **fields):
        from campaigns.education.models import ResourceLink, ResourcePage

        values = {
            "title": "最可爱的人：抗美援朝战争",
            "kind": "lesson_plan",
            "grade_band": "junior",
            "topic": "heroes",
            "summary": "学习志愿军英雄的事迹。",
            "source": "示范市教育局",
            "source_date": datetime.date(2026, 9, 1),
            **fields,
        }
        resource = ResourcePage(**values, live=live)
        for order, link in enumerate(links):
            resource.links.add(ResourceLink(sort_order=order, **link))
        education_page.add_child(instance=resource)
        revision = resource.save_revision()
        if live:
            revision.publish()
        return resource

    return make
