"""A record without a photo shows a neutral placeholder bearing the surname (compound surnames
whole), hidden from screen readers (the name is the heading)."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("memorials")]


@pytest.mark.parametrize(("name", "surname"), [("黄继光", "黄"), ("欧阳海", "欧阳"), ("司马光明", "司马")])
def test_a_record_without_a_photo_shows_its_surname_in_a_neutral_placeholder(
    client, archive, make_record, name, surname
):
    record = make_record(name=name)
    html = client.get(f"{archive.url}{record.pk}/").content.decode()
    assert (
        f'class="memorials-record__photo memorials-record__placeholder" aria-hidden="true" lang="zh-hans">{surname}</div>'
        in html
    )


def test_the_surname_filter_leaves_other_names_to_their_first_letter():
    from search.templatetags.chinese_names import surname

    assert (surname("Smith"), surname(""), surname(None), surname("诸葛亮")) == ("S", "", "", "诸葛")
