"""Fill the site with demo content from the shell and every enabled plugin.

Safe to run again: everything is looked up before it is created.
"""

import os
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

from media.demo import make_image
from siteshell.groups import sync_staff_groups
from siteshell.models import BureauSettings, DisplaySettings, HomePage
from siteshell.plugins import DemoContext, get_plugins
from siteshell.review.demo import ensure_role_accounts

HOME_TITLE = "崇尚英雄 · 关爱退役军人"
# What visitors can do here follows the intro on the page, from what the enabled plugins offer.
HOME_INTRO = "让军人成为全社会尊崇的职业，让退役军人成为全社会尊重的人。"
#: The intro of earlier demos, which promised every plugin's service itself.
EARLIER_HOME_INTRO = (
    "让军人成为全社会尊崇的职业，让退役军人成为全社会尊重的人。"
    "在这里了解身边的最美退役军人和最美军嫂，查阅英烈名录，网上祭奠英烈，为烈士寻找亲人。"
)
DEMO_BUREAU = {
    "bureau_name": "示范市退役军人事务局",
    "tagline": "崇尚英雄　缅怀先烈　关爱退役军人",
    "address": "示范市人民路88号市民服务中心3号楼",
    "postcode": "100000",
    "phone": "0000-12345678",
    "email": "tyjrswj@example.gov.cn",
    "office_hours": "工作日 8:30–12:00，14:00–17:30",
    "icp_number": "示ICP备00000000号",
}


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _("载入演示内容（可重复执行）：首页、单位信息、管理员账号和各功能模块的示例数据")

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument(
            "--admin-password",
            default=os.environ.get("DEMO_ADMIN_PASSWORD", ""),
            help=gettext_lazy("管理员密码；不填则随机生成并打印"),
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            home = self.ensure_home_page()
            self.ensure_settings(home)
            password = self.ensure_admin(options["admin_username"], options["admin_password"])
            sync_staff_groups()
            accounts = ensure_role_accounts()
        context = DemoContext(home_page=home, stdout=self.stdout, style=self.style, make_image=make_image)
        for plugin in get_plugins():
            self.stdout.write(f"· {plugin.describe()['name']} ({plugin.label})")
            with transaction.atomic():
                plugin.load_demo(context)
        self.stdout.write(self.style.SUCCESS(_("演示内容已就绪。")))
        self.stdout.write(
            _("后台地址: /admin/  用户名: %(username)s  密码: %(password)s")
            % {"username": options["admin_username"], "password": password}
        )
        self.stdout.write(accounts)

    def ensure_home_page(self):
        home = HomePage.objects.first()
        root = Page.get_first_root_node()
        if home is None:
            # Wagtail's own welcome page holds the slug "home" until it is replaced below.
            slug = "index" if root.get_children().filter(slug="home").exists() else "home"
            home = HomePage(title=HOME_TITLE, slug=slug, intro=HOME_INTRO)
            root.add_child(instance=home)
            home.hero_image = make_image(
                "首页题图：英雄纪念碑",
                seed="home-hero",
                scene="monument",
                width=2000,
                height=700,
                alt_text="松柏环绕的英雄纪念碑（生成的示例图片）",
            )
            home.save_revision().publish()
        elif home.intro == EARLIER_HOME_INTRO:
            home.intro = HOME_INTRO
            home.save_revision().publish()
        # The demo site answers at BASE_URL (http://127.0.0.1:8000 by default), so that the
        # full URLs it gives out (API, share links, QR codes) work on the laptop.
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        address = {
            "hostname": base_url.hostname or "localhost",
            "port": base_url.port or (443 if base_url.scheme == "https" else 80),
        }
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(**address, root_page=home, is_default_site=True)
        old_root = site.root_page if site.root_page_id != home.id else None
        site.root_page = home
        site.site_name = "退役军人荣誉与纪念"
        site.hostname, site.port = address["hostname"], address["port"]
        site.save()
        if old_root is not None:
            # Wagtail's "Welcome to your new Wagtail site!" page is not ours to keep.
            if old_root.specific_class is Page and old_root.depth == 2 and not old_root.get_children().exists():
                old_root.delete()
        return home

    def ensure_settings(self, home):
        site = Site.objects.get(root_page=home, is_default_site=True)
        bureau = BureauSettings.for_site(site)
        if not bureau.address:
            for field, value in DEMO_BUREAU.items():
                setattr(bureau, field, value)
            bureau.save()
        DisplaySettings.for_site(site)

    def ensure_admin(self, username, password):
        password = password or secrets.token_urlsafe(12)
        User = get_user_model()
        user, _created = User.objects.get_or_create(
            username=username, defaults={"email": "admin@example.gov.cn", "is_staff": True, "is_superuser": True}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        return password
