"""Offerings, their daily counters and the database queue between them.

An accepted offering is first queued (a Redis stream in production, :class:`QueuedOffering` on
the embedded default); the folder (``memorials.tributes.folding``) turns queued entries into
:class:`Offering` rows — at most one per visitor, hall, kind and day, which is what makes the
counters honest and the folding safe to repeat — and adds what it inserted to
:class:`TributeCount`, all in one transaction.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from memorials.interface import MartyrRecord, MemorialFacility
from memorials.tributes.kinds import OfferingKind

#: Keyed hashes (``siteshell.publicforms.visitor.digest``): 24 hexadecimal characters.
DIGEST_LENGTH = 24


class Offering(models.Model):
    """One counted offering. The visitor and the address are keyed hashes, never a cookie's
    token or an address; the address hash changes every day."""

    record = models.ForeignKey(MartyrRecord, verbose_name=_("烈士档案"), on_delete=models.CASCADE, related_name="+")
    facility = models.ForeignKey(
        MemorialFacility,
        verbose_name=_("纪念设施"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("祭奠方式"), max_length=10, choices=OfferingKind.choices)
    day = models.DateField(_("日期"))
    visitor = models.CharField(_("访客标识"), max_length=DIGEST_LENGTH)
    address = models.CharField(_("地址标识"), max_length=DIGEST_LENGTH, blank=True)
    offered_at = models.DateTimeField(_("时间"), default=timezone.now)

    class Meta:
        verbose_name = _("祭奠记录")
        verbose_name_plural = _("祭奠记录")
        constraints = [
            # One of each kind per visitor, hall and day counts; the folder's INSERT … ON
            # CONFLICT DO NOTHING relies on it (a queue entry folded twice counts once).
            models.UniqueConstraint(fields=["record", "kind", "day", "visitor"], name="tributes_offering_once"),
        ]
        indexes = [models.Index(fields=["day"], name="tributes_offering_day")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.day}"


class Scope(models.TextChoices):
    SITE = "site", _("全站")
    HALL = "hall", _("纪念馆")
    FACILITY = "facility", _("纪念设施")


class TributeCount(models.Model):
    """Offerings counted per scope (the whole site, a hall, a memorial facility), day and kind.
    A campaign's counters are the site's days in its period."""

    scope = models.CharField(_("范围"), max_length=8, choices=Scope.choices)
    #: The record's or facility's id; 0 for the site.
    scope_id = models.BigIntegerField(_("编号"))
    day = models.DateField(_("日期"))
    kind = models.CharField(_("祭奠方式"), max_length=10, choices=OfferingKind.choices)
    count = models.PositiveBigIntegerField(_("次数"), default=0)

    class Meta:
        verbose_name = _("祭奠统计")
        verbose_name_plural = _("祭奠统计")
        constraints = [
            models.UniqueConstraint(fields=["scope", "scope_id", "day", "kind"], name="tributes_count_key"),
        ]
        permissions = [("view_statistics", _("查看网上祭奠统计"))]

    def __str__(self):
        return f"{self.scope}:{self.scope_id} {self.day} {self.kind} = {self.count}"


class QueuedOffering(models.Model):
    """An accepted offering waiting to be folded (the queue of the embedded default; Redis
    stream entries carry the same fields). ``claimed_at``/``claimed_by``: a folder took it; an
    entry whose claim is older than the lease is taken over by another folder."""

    record_id = models.BigIntegerField()
    facility_id = models.BigIntegerField(null=True)
    kind = models.CharField(max_length=10)
    day = models.DateField()
    visitor = models.CharField(max_length=DIGEST_LENGTH)
    address = models.CharField(max_length=DIGEST_LENGTH, blank=True)
    offered_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True)
    claimed_by = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("待统计的祭奠")
        verbose_name_plural = _("待统计的祭奠")
        indexes = [models.Index(fields=["claimed_at", "id"], name="tributes_queue_claim")]

    def __str__(self):
        return f"{self.kind} → {self.record_id} · {self.day}"
