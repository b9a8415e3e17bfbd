"""Reading an attachment: only 寻亲专班 with a verified second factor, each reading logged on
the clue. The file is decrypted for this answer only and never cached."""

from __future__ import annotations

import io

from cryptography.fernet import InvalidToken
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaigns.seekrelatives import access, attachments
from campaigns.seekrelatives.models import ClueAttachment


def attachment(request, pk):
    if not access.can_view_full(request):
        raise PermissionDenied
    item = get_object_or_404(ClueAttachment.objects.select_related("clue"), pk=pk)
    try:
        content = attachments.read(item.stored_name)
    except (FileNotFoundError, InvalidToken):
        raise Http404(_("这个附件无法读取（文件缺失，或加密密钥已更换）")) from None
    log(item.clue, access.ATTACHMENT_ACTION, user=request.user, data={"attachment": item.pk})
    response = FileResponse(
        io.BytesIO(content),
        content_type=item.mime_type,
        as_attachment=not item.is_image,
        filename=f"clue-{item.clue_id}-{item.pk}.{item.extension or 'bin'}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
