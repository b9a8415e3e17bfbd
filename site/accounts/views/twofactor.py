"""The user's own two-factor views: enrol, verify at login, recovery code, new recovery codes,
remove the device. Every POST with a code is rate limited per user (django-ratelimit)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_ratelimit.core import is_ratelimited
from wagtail.log_actions import log

from siteshell.accounts import twofactor
from siteshell.accounts.forms import CodeForm
from siteshell.accounts.views.base import AccountsPage

CODES_SESSION_KEY = "accounts_new_recovery_codes"


def next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def too_many_tries(request) -> bool:
    rate = getattr(settings, "ACCOUNTS_OTP_RATE", "5/5m")
    return is_ratelimited(request, group="accounts.otp", key="user", rate=rate, method="POST", increment=True)


class CodePage(AccountsPage):
    """A page with a code form; subclasses implement :meth:`check_code`."""

    template_name = "accounts/twofactor/code.html"
    intro = ""
    submit_label = gettext_lazy("验证")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=form or CodeForm(), intro=self.intro, submit_label=self.submit_label)
        context["next"] = self.request.POST.get("next") or self.request.GET.get("next", "")
        return context

    def post(self, request, *args, **kwargs):
        form = CodeForm(request.POST)
        if too_many_tries(request):
            form.is_valid()
            form.add_error(None, _("尝试次数过多，请等几分钟后再试。"))
        elif form.is_valid():
            response = self.check_code(form.cleaned_data["code"])
            if response is not None:
                return response
            form.add_error("code", _("验证码不正确或已过期，请重新输入"))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def check_code(self, code):
        raise NotImplementedError


class EnrolView(CodePage):
    page_title = gettext_lazy("设置两步验证")
    template_name = "accounts/twofactor/enrol.html"
    submit_label = gettext_lazy("确认并启用")

    def get(self, request, *args, **kwargs):
        if twofactor.has_device(request.user):
            return redirect("accounts_admin:security")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = twofactor.pending_totp_device(self.request.user)
        context.update(qr_svg=twofactor.qr_svg(device), secret=twofactor.secret_text(device))
        return context

    def check_code(self, code):
        user = twofactor.concrete_user(self.request.user)
        if twofactor.has_device(user):
            return redirect("accounts_admin:security")
        device = twofactor.pending_totp_device(user)
        if not device.verify_token(code):
            return None
        codes = twofactor.confirm_device(device)
        otp_login(self.request, device)
        log(user, "accounts.2fa_enrol", user=user)
        self.request.session[CODES_SESSION_KEY] = codes
        return redirect(f"{reverse('accounts_admin:recovery_codes')}?next={next_url(self.request)}")


class VerifyView(CodePage):
    page_title = gettext_lazy("两步验证")
    intro = gettext_lazy("请打开手机上的身份验证器应用，输入显示的 6 位数字验证码。")
    recovery = False

    def get(self, request, *args, **kwargs):
        if not twofactor.has_device(request.user):
            return redirect(f"{reverse('accounts_admin:enrol')}?next={next_url(request)}")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_recovery_link"] = not self.recovery
        context["show_verify_link"] = self.recovery
        return context

    def check_code(self, code):
        user = twofactor.concrete_user(self.request.user)
        if self.recovery:
            device = twofactor.verify_recovery_code(user, code)
        else:
            device = twofactor.verify_totp(user, code)
        if device is None:
            return None
        otp_login(self.request, device)
        if self.recovery:
            log(user, "accounts.2fa_recovery_used", user=user, data={"left": twofactor.recovery_codes_left(user)})
            messages.warning(
                self.request,
                _("您用了一个恢复码，还剩 %(count)d 个。恢复码用完前请生成新的。")
                % {"count": twofactor.recovery_codes_left(user)},
            )
        return redirect(next_url(self.request))


class RecoveryView(VerifyView):
    page_title = gettext_lazy("使用恢复码")
    intro = gettext_lazy("手机不在身边时，可输入一个恢复码登录。每个恢复码只能使用一次。")
    recovery = True


class RecoveryCodesView(AccountsPage):
    """Shows newly issued recovery codes once (they are then forgotten)."""

    page_title = gettext_lazy("恢复码")
    template_name = "accounts/twofactor/recovery_codes.html"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(CODES_SESSION_KEY, None)
        if not codes:
            return redirect("accounts_admin:security")
        return self.render_to_response(self.get_context_data(codes=codes, next=next_url(request)))


class SecurityView(AccountsPage):
    """The user's own overview: 2FA status, recovery codes left, actions."""

    page_title = gettext_lazy("登录安全")
    template_name = "accounts/twofactor/security.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            has_device=twofactor.has_device(user),
            required=twofactor.must_use_2fa(user),
            codes_left=twofactor.recovery_codes_left(user),
            verified=twofactor.is_verified(self.request),
        )
        return context


class NewCodesView(CodePage):
    """Replace the recovery codes: confirm with a current code first."""

    page_title = gettext_lazy("生成新的恢复码")
    intro = gettext_lazy("生成后，原有的恢复码全部作废。请输入身份验证器中的验证码以确认。")
    submit_label = gettext_lazy("生成新的恢复码")

    def check_code(self, code):
        user = twofactor.concrete_user(self.request.user)
        if twofactor.verify_totp(user, code) is None:
            return None
        self.request.session[CODES_SESSION_KEY] = twofactor.new_recovery_codes(user)
        log(user, "accounts.2fa_new_codes", user=user)
        return redirect("accounts_admin:recovery_codes")


class RemoveView(CodePage):
    """Remove one's own second factor: confirm with a current code (or a recovery code)."""

    page_title = gettext_lazy("停用两步验证")
    intro = gettext_lazy("停用后登录只需密码。如您的账户必须使用两步验证，下次打开后台时将要求重新设置。")
    submit_label = gettext_lazy("确认停用")

    def check_code(self, code):
        user = twofactor.concrete_user(self.request.user)
        if (twofactor.verify_totp(user, code) or twofactor.verify_recovery_code(user, code)) is None:
            return None
        twofactor.remove_devices(user)
        twofactor.forget_verification(self.request)
        log(user, "accounts.2fa_remove", user=user)
        messages.success(self.request, _("两步验证已停用。"))
        return redirect("accounts_admin:security")
