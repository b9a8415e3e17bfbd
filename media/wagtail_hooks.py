from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail import hooks

from media.checks import images_missing_alt_text, install_image_field_override


@hooks.register("register_admin_urls", order=100)
def add_alt_text_check_to_image_fields():
    # Runs after wagtail.admin has registered the image chooser widget (order 0).
    install_image_field_override()
    return []


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_images_without_alt_text(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    blocked = []
    for page in objects:
        content = page.specific.get_latest_revision_as_object()
        missing = images_missing_alt_text(content)
        if missing:
            blocked.append((page, missing))
    if not blocked:
        return None
    # The titles are quoted one by one: “甲”“乙” in Chinese, “A”, “B” in English.
    quoted_titles_separator = pgettext("between quoted image titles", "”“")
    for page, images in blocked:
        messages.error(
            request,
            _("“%(page)s”未发布：所用图片“%(images)s”还没有替代文字。请填写替代文字或标为装饰性图片后再发布。")
            % {
                "page": page.get_admin_display_title(),
                "images": quoted_titles_separator.join(image.title for image in images),
            },
        )
    return redirect(action_class_instance.next_url)
