"""The notice a family agrees to before sending a request (个人信息处理说明)."""

from django.utils.translation import gettext_lazy as _

from siteshell.privacy.consent import ConsentNotice, register_notice

NOTICE_KEY = "sweeping.request"


def register():
    register_notice(
        ConsentNotice(
            NOTICE_KEY,
            "1",
            _(
                "您填写的姓名、手机号码和身份证号码只用于核实您与烈士的关系、安排代祭扫和通知您办理进度，"
                "不会公开，也不会提供给其他单位或个人。手机号码和身份证号码加密保存，"
                "只有负责该纪念设施代祭扫的工作人员经授权后可以查看，每次查看都有记录。"
                "祭扫照片只在凭查询码打开的进度页上向您展示。"
                "办结180天后，我们删除您的手机号码、身份证号码、电子邮箱和寄语，姓名只保留姓氏；"
                "您也可以随时在进度页上要求提前删除。"
            ),
        )
    )
