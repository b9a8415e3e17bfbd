"""Pages get a readable slug (缩略名) from their title in pinyin, for every page type: when an
editor leaves it empty in the admin (with or without JavaScript), and when code adds a page
without one. It stays editable and unique among the page's siblings."""

import pytest
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from siteshell.models import HomePage
from siteshell.slugs.pinyin import pinyin_slug

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("李卫国", "li-weiguo"),
        ("欧阳海", "ouyang-hai"),
        ("单雄信", "shan-xiongxin"),  # a surname read its own way
        ("李衛國", "li-weiguo"),  # traditional characters
        ("清明祭英烈", "qingming-jiyinglie"),
        ("烈士纪念日", "lieshi-jinianri"),
        ("退役军人事务局", "tuiyi-junren-shiwuju"),  # a long word cut into its words
        ("最可爱的人·抗美援朝", "zui-keai-de-ren-kangmeiyuanchao"),  # an idiom stays whole
        ("２０２６年 清明", "2026-nian-qingming"),  # full-width digits
        ("Café 英雄 Day", "cafe-yingxiong-day"),
        ("！！！", ""),
        ("", ""),
    ],
)
def test_a_title_is_written_in_pinyin(title, slug):
    assert pinyin_slug(title) == slug


def test_a_long_title_is_cut_at_a_word():
    slug = pinyin_slug("中华人民共和国" * 10)
    assert len(slug) <= 80 and slug.startswith("zhonghua-renmin-gongheguo-") and not slug.endswith("-")


# -- pages added by code ----------------------------------------------------------------------


def child_types_of_the_home_page():
    """Every page type of the enabled plugins that goes under the home page and needs nothing
    but a title (the index pages of honours, memorials, campaigns…)."""
    return [
        model
        for model in HomePage.allowed_subpage_models()
        if not [
            field
            for field in model._meta.get_fields()
            if getattr(field, "concrete", False)
            and field.model is model
            and not (field.blank or field.has_default() or field.null or field.primary_key or field.auto_created)
        ]
    ]


def test_the_shell_home_page_added_without_a_slug_gets_its_pinyin(db):
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="崇尚英雄"))
    assert home.slug == "chongshang-yingxiong"
    assert home.url_path == "/chongshang-yingxiong/"


def test_every_section_page_added_without_a_slug_gets_its_pinyin(home_page):
    models = child_types_of_the_home_page()
    assert models, "no plugin page type under the home page"
    for number, model in enumerate(models):
        page = home_page.add_child(instance=model(title="烈士英名录", live=False))
        assert page.slug == ("lieshi-yingminglu" if number == 0 else f"lieshi-yingminglu-{number + 1}"), model
        assert page.url_path == f"{home_page.url_path}{page.slug}/"


@pytest.mark.plugin("honors")
def test_profiles_of_the_same_name_are_numbered_among_siblings(home_page):
    from honors.models import HonorIndexPage, ProfilePage

    first_roll = home_page.add_child(instance=HonorIndexPage(title="最美退役军人"))
    second_roll = home_page.add_child(instance=HonorIndexPage(title="最美退役军人"))
    assert (first_roll.slug, second_roll.slug) == ("zuimei-tuiyi-junren", "zuimei-tuiyi-junren-2")

    def profile(roll, **fields):
        return roll.add_child(instance=ProfilePage(title="李卫国", summary="事迹", region="南湖区", **fields))

    assert [profile(first_roll).slug for _ in range(3)] == ["li-weiguo", "li-weiguo-2", "li-weiguo-3"]
    # Under another parent the name is free again; a slug given by hand is kept as it is.
    assert profile(second_roll).slug == "li-weiguo"
    assert profile(second_roll, slug="weiguo-li").slug == "weiguo-li"
    assert profile(second_roll, slug="李卫国").slug == "李卫国"


# -- the admin --------------------------------------------------------------------------------


def form_data(client, url, model, **fields):
    """What an admin page form at ``url`` posts, read from its HTML (as a browser would), with
    ``fields`` typed in."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # The admin's script posts an empty StreamField as a count of no blocks.
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    for name, value in fields.items():
        data[name] = value
    return data


def create_form_data(client, model, parent, **fields):
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    return form_data(client, url, model, **fields)


def test_an_editor_saves_a_new_page_of_every_section_type_without_typing_a_slug(admin_client, home_page):
    for model in child_types_of_the_home_page():
        data = create_form_data(admin_client, model, home_page, title="烈士英名录", slug="")
        response = admin_client.post(
            f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{home_page.pk}/", data
        )
        assert response.status_code == 302, (model, response.content.decode()[:2000])
        page = model.objects.child_of(home_page).latest("pk")
        assert page.slug.startswith("lieshi-yingminglu"), model
    slugs = list(Page.objects.child_of(home_page).order_by("pk").values_list("slug", flat=True))
    assert slugs[:2] == ["lieshi-yingminglu", "lieshi-yingminglu-2"] and len(set(slugs)) == len(slugs)


@pytest.fixture
def honour_roll(home_page):
    from honors.models import HonorIndexPage

    return home_page.add_child(instance=HonorIndexPage(title="最美退役军人", slug="zuimei"))


def profile_data(client, roll, **fields):
    from honors.models import ProfilePage

    # A draft needs no honour yet (the form opens with one empty honour row).
    fields = {"summary": "退伍不褪色", "region": "南湖区", "honours-TOTAL_FORMS": "0", **fields}
    return create_form_data(client, ProfilePage, roll, **fields)


@pytest.mark.plugin("honors")
def test_a_profile_saved_without_a_slug_gets_the_name_in_pinyin(admin_client, honour_roll):
    from honors.models import ProfilePage

    url = f"/admin/pages/add/honors/profilepage/{honour_roll.pk}/"
    for expected in ("li-weiguo", "li-weiguo-2"):
        response = admin_client.post(url, profile_data(admin_client, honour_roll, title="李卫国", slug=""))
        assert response.status_code == 302, response.content.decode()[:2000]
        assert ProfilePage.objects.latest("pk").slug == expected


@pytest.mark.plugin("honors")
def test_the_slug_stays_editable(admin_client, honour_roll):
    from honors.models import ProfilePage

    url = f"/admin/pages/add/honors/profilepage/{honour_roll.pk}/"
    admin_client.post(url, profile_data(admin_client, honour_roll, title="李卫国", slug="weiguo"))
    profile = ProfilePage.objects.get(title="李卫国")
    assert profile.slug == "weiguo"
    edit = form_data(admin_client, f"/admin/pages/{profile.pk}/edit/", ProfilePage, slug="li-weiguo-tongzhi")
    edit["honours-TOTAL_FORMS"] = "0"
    assert admin_client.post(f"/admin/pages/{profile.pk}/edit/", edit).status_code == 302
    profile.refresh_from_db()
    assert profile.slug == "li-weiguo-tongzhi"
    # Emptied, it is made from the title again.
    edit["slug"] = ""
    assert admin_client.post(f"/admin/pages/{profile.pk}/edit/", edit).status_code == 302
    profile.refresh_from_db()
    assert profile.slug == "li-weiguo"
    # A slug a sibling has is refused, in Chinese, on the slug.
    admin_client.post(url, profile_data(admin_client, honour_roll, title="王小", slug="li-weiguo"))
    assert not ProfilePage.objects.filter(title="王小").exists()


@pytest.mark.plugin("honors")
def test_a_title_without_anything_to_write_asks_for_a_slug_in_chinese(admin_client, honour_roll):
    url = f"/admin/pages/add/honors/profilepage/{honour_roll.pk}/"
    response = admin_client.post(url, profile_data(admin_client, honour_roll, title="！！！", slug=""))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["title"] == errors["slug"] == ["标题里没有能写进网址的文字，请手动填写缩略名。"]


@pytest.mark.plugin("honors")
def test_a_new_profile_is_previewed_without_a_slug(admin_client, honour_roll):
    data = profile_data(admin_client, honour_roll, title="李卫国", slug="")
    response = admin_client.post(f"/admin/pages/add/honors/profilepage/{honour_roll.pk}/preview/", data)
    assert response.json() == {"is_valid": True, "is_available": True}


# -- the editor's script ----------------------------------------------------------------------


@pytest.mark.plugin("honors")
def test_the_editor_is_told_where_to_ask_for_the_slug(admin_client, honour_roll):
    html = admin_client.get(f"/admin/pages/add/honors/profilepage/{honour_roll.pk}/").content.decode()
    assert f'data-pinyin-slug-url="/admin/slugs/pinyin/?parent={honour_roll.pk}"' in html
    assert 'data-pinyin-slug-sync="auto"' in html
    assert "siteshell/js/pinyin-slug.js" in html


def test_the_slug_of_a_title_is_answered_for_the_editor(admin_client, home_page):
    home_page.add_child(instance=Page(title="李卫国"))
    answer = admin_client.get("/admin/slugs/pinyin/", {"parent": home_page.pk, "title": "李卫国"})
    assert answer.json() == {"slug": "li-weiguo-2"}
    page = Page.objects.child_of(home_page).get()
    answer = admin_client.get("/admin/slugs/pinyin/", {"page": page.pk, "title": "李卫国"})
    assert answer.json() == {"slug": "li-weiguo"}  # the page itself is no other page


@pytest.mark.parametrize("query", [{"parent": "x"}, {"parent": "99999999"}, {"page": "-1"}, {}])
def test_a_bad_question_is_answered_in_chinese(admin_client, home_page, query):
    answer = admin_client.get("/admin/slugs/pinyin/", {"title": "李卫国", **query})
    assert answer.status_code == 400 and answer.json() == {"detail": "找不到这个页面"}


def test_only_who_may_add_there_is_answered(client, home_page, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", "reader@example.gov.cn", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    answer = client.get("/admin/slugs/pinyin/", {"parent": home_page.pk, "title": "李卫国"})
    assert answer.status_code == 403 and answer.json() == {"detail": "您没有编辑这个页面的权限"}
