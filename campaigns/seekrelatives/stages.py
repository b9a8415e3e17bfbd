"""The stages of a case (寻亲案件) and the moves between them.

received → verifying (核实) → dna (DNA比对) → confirmed (认亲成功) / not_matched (未能匹配), and
closed (结案) from anywhere. A case that failed or was closed may be reopened for verification
when new information arrives. No genetic data is ever kept: the DNA stage records only sample
dates and the laboratory's reference.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    RECEIVED = "received", _("已受理")
    VERIFYING = "verifying", _("核实中")
    DNA = "dna", _("DNA比对中")
    CONFIRMED = "confirmed", _("认亲成功")
    NOT_MATCHED = "not_matched", _("未能匹配")
    CLOSED = "closed", _("已结案")


#: Where a case may go from each stage.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.RECEIVED: (Stage.VERIFYING, Stage.CLOSED),
    Stage.VERIFYING: (Stage.DNA, Stage.CONFIRMED, Stage.NOT_MATCHED, Stage.CLOSED),
    Stage.DNA: (Stage.CONFIRMED, Stage.NOT_MATCHED, Stage.VERIFYING, Stage.CLOSED),
    Stage.CONFIRMED: (Stage.CLOSED,),
    Stage.NOT_MATCHED: (Stage.VERIFYING, Stage.CLOSED),
    Stage.CLOSED: (Stage.VERIFYING,),
}

#: Stages in which a case is finished: its clues' personal data count towards retention.
FINISHED = (Stage.NOT_MATCHED, Stage.CLOSED)
#: Stages in which a case still takes new clues about its martyr.
TAKES_CLUES = (Stage.RECEIVED, Stage.VERIFYING, Stage.DNA, Stage.CONFIRMED)

#: What staff are offered to tell the submitters when a case reaches a stage (they may edit it,
#: or send nothing).
STANDARD_MESSAGES = {
    Stage.VERIFYING: _("工作人员正在核实您提供的线索，可能会打电话向您了解情况，请留意来电。"),
    Stage.DNA: _("您提供的线索已初步核实，下一步将安排DNA比对，工作人员会与您联系采样事宜。"),
    Stage.CONFIRMED: _("经DNA比对确认，烈士的亲属已经找到。衷心感谢您的帮助！"),
    Stage.NOT_MATCHED: _("经核实和比对，未能确认亲属关系。感谢您的帮助，如有新的线索，欢迎继续提供。"),
    Stage.CLOSED: _("本案已办结。感谢您对为烈士寻亲活动的支持。"),
}

#: What the status page tells the submitter about the next step, by stage.
NEXT_STEPS = {
    Stage.RECEIVED: _("工作人员将尽快核实您提供的线索。有新进展时，我们会发短信提醒您来此查看。"),
    Stage.VERIFYING: _("核实可能需要几周时间，工作人员可能会打电话向您了解情况。"),
    Stage.DNA: _("DNA比对需要一些时间，结果出来后我们会通知您。"),
    Stage.CONFIRMED: _("感谢您的帮助！"),
    Stage.NOT_MATCHED: _("如有新的线索，您可以在本页补充信息。"),
    Stage.CLOSED: _("本案已办结。如有疑问，请致电服务电话。"),
}


def allowed_moves(stage: str) -> tuple[str, ...]:
    return TRANSITIONS.get(stage, ())


def may_move(stage: str, target: str) -> bool:
    return target in allowed_moves(stage)
