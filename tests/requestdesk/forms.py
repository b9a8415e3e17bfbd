from django import forms
from django.utils.translation import gettext_lazy as _

from siteshell.notifications.recipients import normalise_phone
from tests.requestdesk.models import ServiceRequest


class ServiceRequestForm(forms.ModelForm):
    class Meta:
        model = ServiceRequest
        fields = ["name", "phone", "email", "text"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})}

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if not phone:
            raise forms.ValidationError(_("请输入11位手机号码"))
        return phone
