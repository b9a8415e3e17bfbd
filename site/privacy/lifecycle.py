"""Erasing personal data: on request (one submission) and when its retention ends (a scheduled
command). Erasure blanks the personal fields and their hashes and sets
``personal_data_erased_at``; the submission itself stays (its decision and history are records)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.log_actions import log

from siteshell.privacy import registry

logger = logging.getLogger("siteshell.privacy")

ERASE_ACTION = "privacy.erase"
RETENTION_ACTION = "privacy.retention_erase"


def blank_values(model) -> dict[str, object]:
    """What each erasable field becomes: ``""`` for text, ``None`` where allowed, else its default."""
    values = {}
    for field in model.erasable_fields():
        if isinstance(field, models.CharField | models.TextField):
            values[field.attname] = ""
        elif field.null:
            values[field.attname] = None
        else:
            values[field.attname] = field.get_default()
    return values


def erase(instance, *, user=None, reason: str = "") -> None:
    """Erase one submission's personal data now (a request from the person), logged."""
    values = blank_values(type(instance))
    for attname, value in values.items():
        setattr(instance, attname, value)
    instance.personal_data_erased_at = timezone.now()
    with transaction.atomic():
        instance.save(update_fields=[*values, "personal_data_erased_at"])
        log(instance, ERASE_ACTION, user=user, data={"reason": reason})


def retention_days(model) -> int | None:
    configured = getattr(settings, "PRIVACY_RETENTION_DAYS", None) or {}
    label = model._meta.label_lower
    if label in configured:
        return configured[label]
    return model.personal_data_retention_days


def expired(model, now=None):
    """The rows of ``model`` past their retention and not yet erased (none when kept forever)."""
    days = retention_days(model)
    if days is None or not model.personal_data_retention_from:
        return model._default_manager.none()
    cutoff = (now or timezone.now()) - timedelta(days=days)
    dates = [models.F(name) for name in model.personal_data_retention_from]
    counted_from = Coalesce(*dates) if len(dates) > 1 else dates[0]
    return (
        model._default_manager.filter(personal_data_erased_at__isnull=True)
        .alias(privacy_counted_from=counted_from)
        .filter(privacy_counted_from__lt=cutoff)
    )


def erase_expired(model, *, dry_run=False, batch_size=1000, now=None) -> int:
    """Erase the expired rows of ``model`` in batches by primary key; the number erased. One
    summary line in the log and one entry in the site history (never any personal data)."""
    now = now or timezone.now()
    queryset = expired(model, now)
    if dry_run:
        return queryset.count()
    values = {**blank_values(model), "personal_data_erased_at": now}
    erased, last_pk = 0, None
    while True:
        batch = queryset.order_by("pk")
        if last_pk is not None:
            batch = batch.filter(pk__gt=last_pk)
        pks = list(batch.values_list("pk", flat=True)[:batch_size])
        if not pks:
            break
        with transaction.atomic():
            erased += model._default_manager.filter(pk__in=pks).update(**values)
        last_pk = pks[-1]
    if erased:
        logger.info("Retention: erased the personal data of %d %s", erased, model._meta.label_lower)
        log(
            ContentType.objects.get_for_model(model),
            RETENTION_ACTION,
            data={"rows": erased, "days": retention_days(model)},
        )
    return erased


def lifecycle_models():
    return registry.lifecycle_models()
