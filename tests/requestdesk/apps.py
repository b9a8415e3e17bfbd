from django.urls import path

from siteshell.plugins import PluginConfig


class RequestDeskConfig(PluginConfig):
    name = "tests.requestdesk"
    label = "requestdesk"
    verbose_name = "服务申请"

    class PluginMeta:
        name = "服务申请"
        version = "1.0.0"
        description = "测试用模块：公众提交服务申请，凭查询码查看进度，状态变化时收到通知"
        author = "测试"
        compatibility = ">=1.0,<2"

    def public_urls(self):
        from tests.requestdesk.views import request_form

        return [path("requestdesk/", request_form, name="form")]
