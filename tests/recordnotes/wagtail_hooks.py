from django.template.loader import render_to_string
from wagtail import hooks


@hooks.register("memorials.record.actions")
def record_note(request, record):
    from tests.recordnotes.models import RecordNote

    notes = list(RecordNote.objects.filter(record_id=record.pk).order_by("pk"))
    if not notes:
        return None
    return render_to_string("recordnotes/notes.html", {"notes": notes}, request=request)
