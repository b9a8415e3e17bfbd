"""Admin upload forms for images, documents, video and audio (set as Wagtail's form bases).

Wagtail builds every upload form (the add and edit views, multiple upload, the chooser's
upload tab) from these bases, so each path gets the same checks from ``media.uploads``.
"""

from django.db import transaction
from django.forms.fields import FileField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.widgets import AdminImageChooser
from wagtailmedia.forms import BaseMediaForm

from media import uploads


class SafeImageField(WagtailImageField):
    """Wagtail's image field, judging the upload by its content and handing back a clean copy.

    A PNG named ``.jpg`` is accepted as the PNG it is (and renamed); a text file named
    ``.png``, a truncated JPEG or a decompression bomb is refused with a Chinese message.
    """

    def to_python(self, data):
        upload = FileField.to_python(self, data)
        if upload is None:
            return None
        return uploads.clean_image_upload(upload, upload.name)


class FirstFileErrorMixin:
    """Show only the field's own reason when a file is refused.

    When the uploaded file fails, the model's validation then sees no file at all and adds
    confusing errors of its own (such as an empty extension); those are dropped.
    """

    def _post_clean(self):
        file_errors = self.errors.get("file")
        super()._post_clean()
        if file_errors:
            self.errors["file"] = self.error_class(list(file_errors)[:1])


class SafeImageForm(FirstFileErrorMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, SafeImageField):
            self.fields["file"] = SafeImageField(
                label=field.label, required=field.required, widget=field.widget, initial=field.initial
            )

    def save(self, commit=True):
        # Wagtail deletes the old renditions after saving a replaced file: in one transaction,
        # the new renditions (generated once it commits, media.signal_handlers) come after that.
        with transaction.atomic():
            return super().save(commit=commit)


class SafeDocumentForm(FirstFileErrorMixin, BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            uploads.validate_document_file(file)
        return file


class SafeMediaForm(FirstFileErrorMixin, BaseMediaForm):
    class Meta(BaseMediaForm.Meta):
        widgets = {**BaseMediaForm.Meta.widgets, "poster": AdminImageChooser}
