from siteshell.plugins import ExtensionPoint, PluginConfig


class RecordNotesConfig(PluginConfig):
    name = "tests.recordnotes"
    label = "recordnotes"
    verbose_name = "档案附注"

    class PluginMeta:
        name = "档案附注"
        version = "1.0.0"
        description = "测试用模块：在烈士档案页上显示附注"
        author = "测试"
        requires = ("memorials",)
        compatibility = ">=1.0,<2"

    def extension_points(self):
        return [ExtensionPoint("recordnotes.note.after", "附注之后", context=("note",))]
