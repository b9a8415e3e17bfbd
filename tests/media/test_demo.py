"""Demo media that plugins' demo loaders can use: generated, valid, created once."""

import pytest

from media import demo, uploads

pytestmark = pytest.mark.django_db


def test_demo_image_audio_and_document_are_valid_and_idempotent():
    image = demo.make_image("英雄纪念碑", seed="monument")
    assert demo.make_image("英雄纪念碑") == image
    assert image.alt_text == "英雄纪念碑" and image.width == 1200

    audio = demo.make_audio("老兵口述：渡江战役", transcript="那年我十九岁。")
    assert demo.make_audio("老兵口述：渡江战役") == audio
    audio.file.open("rb")
    uploads.validate_media_file(audio.file, "audio")  # a real WAV, accepted like an upload
    audio.file.close()
    assert audio.mime_type in ("audio/x-wav", "audio/wav")

    document = demo.make_document("红星班国防教育教案")
    assert demo.make_document("红星班国防教育教案") == document
    document.file.open("rb")
    uploads.validate_document_file(document.file)  # a real PDF, accepted like an upload
    document.file.close()
