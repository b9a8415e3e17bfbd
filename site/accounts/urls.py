from django.urls import path

from siteshell.accounts.views import manage, report, twofactor

app_name = "accounts_admin"
urlpatterns = [
    path("security/", twofactor.SecurityView.as_view(), name="security"),
    path("two-factor/enrol/", twofactor.EnrolView.as_view(), name="enrol"),
    path("two-factor/verify/", twofactor.VerifyView.as_view(), name="verify"),
    path("two-factor/recovery/", twofactor.RecoveryView.as_view(), name="recovery"),
    path("two-factor/recovery-codes/", twofactor.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("two-factor/new-codes/", twofactor.NewCodesView.as_view(), name="new_codes"),
    path("two-factor/remove/", twofactor.RemoveView.as_view(), name="remove"),
    path("users/<int:pk>/reset-two-factor/", manage.ResetTwoFactorView.as_view(), name="reset_two_factor"),
    path("lockouts/", manage.LockoutsView.as_view(), name="lockouts"),
    path("logins/", report.LoginEventReportView.as_view(), name="logins"),
    path("logins/results/", report.LoginEventReportView.as_view(results_only=True), name="logins_results"),
]
