"""Content to search: stories of the sample plugin under a published index page (the tests
that use them are skipped when the sample plugin is switched off)."""

import pytest

from tests.conftest import installed_plugin_labels


@pytest.fixture
def story_index(home_page):
    if "sampleplugin" not in installed_plugin_labels():
        pytest.skip("plugin switched off: sampleplugin")
    from tests.sampleplugin.models import SampleIndexPage

    index = SampleIndexPage(title="纪念活动", slug="events")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def publish_story(story_index):
    from tests.sampleplugin.models import SampleStoryPage

    def _publish(title, summary="", live=True):
        story = SampleStoryPage(title=title, summary=summary, live=live)
        story_index.add_child(instance=story)
        if live:
            story.save_revision().publish()
        else:
            story.save_revision()
        return story

    return _publish


@pytest.fixture
def stories(publish_story):
    return {
        "seek": publish_story("为烈士寻亲活动启动", "退役军人事务局联合多部门开展为烈士寻亲，征集烈士亲属线索。"),
        "huang": publish_story("黄继光", "特级英雄，在上甘岭战役中舍身堵枪眼，年仅二十一岁。"),
        "card": publish_story("优待证集中发放", "为退役军人和其他优抚对象办理优待证，方便享受各项优待。"),
        "sweep": publish_story("清明代祭扫服务", "工作人员为外地烈属代祭扫，擦拭墓碑、敬献鲜花并拍照回传。"),
    }
