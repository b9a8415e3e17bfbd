"""A read-only admin page listing the enabled plugins and what each contributes."""

from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import render
from django.urls import path

from siteshell.plugins import get_plugins


@user_passes_test(lambda user: user.is_superuser)
def plugin_list(request):
    rows = []
    for plugin in get_plugins():
        rows.append(
            {
                **plugin.describe(),
                "page_types": list(plugin.page_types()),
                "search_documents": [model._meta.verbose_name for model in plugin.search_documents()],
                "has_api": plugin.api_router() is not None,
                "staff_groups": [str(group.name) for group in plugin.staff_groups()],
            }
        )
    return render(request, "siteshell/admin/plugins.html", {"plugins": rows})


urlpatterns = [path("", plugin_list, name="plugins")]
