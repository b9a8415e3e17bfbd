"""The user forms of the admin with one 姓名 field instead of 名 and 姓 (Wagtail's user
create/edit forms and the name panel of 帐号), and its login form in Chinese."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.forms.auth import LoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from siteshell.staff.names import full_name, store_full_name

#: Django's ``first_name`` holds the whole name.
NAME_MAX_LENGTH = 150


def full_name_field():
    return forms.CharField(
        label=_("姓名"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("按中文习惯先姓后名，如：王小明"),
        error_messages={
            "required": _("请填写姓名"),
            "max_length": _("姓名不能超过 %(limit_value)d 个字符"),
        },
    )


class FullNameMixin:
    """Replaces Django's ``first_name``/``last_name`` with ``full_name``, stored whole."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["full_name"] = full_name(self.instance)

    def _post_clean(self):
        # Before the model validation, so a password check that compares it with the name
        # (UserAttributeSimilarityValidator) sees the name entered.
        if "full_name" in self.cleaned_data:
            store_full_name(self.instance, self.cleaned_data["full_name"])
        super()._post_clean()


class StaffUserCreationForm(FullNameMixin, UserCreationForm):
    first_name = None
    last_name = None
    full_name = full_name_field()

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields - {"first_name", "last_name"}


class StaffUserEditForm(FullNameMixin, UserEditForm):
    first_name = None
    last_name = None
    full_name = full_name_field()

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields - {"first_name", "last_name"}


class StaffNameEmailForm(FullNameMixin, NameEmailForm):
    """帐号 → 姓名和电子邮件: the staff member's own name, one field."""

    first_name = None
    last_name = None
    full_name = full_name_field()

    class Meta(NameEmailForm.Meta):
        fields = ["full_name", "email"]


class StaffLoginForm(LoginForm):
    """Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM) labelled in Chinese: its password
    field has no label of its own, so Django would show the field name "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["placeholder"] = _("请输入用户名")
        self.fields["password"].label = _("密码")
