"""The public API's documentation page (``/api/docs``): the OpenAPI schema the API already
produces, rendered on the server into an ordinary page of the site — the site's header, footer,
display modes and language, no script — instead of Swagger UI (1.6 MB of script, which failed the
site's accessibility checks). The machine-readable schema stays at ``/api/openapi.json``.
"""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from ninja.openapi.docs import DocsBase

from siteshell.apidocs.reading import read_schema


class SiteDocs(DocsBase):
    """django-ninja's docs page, drawn with the site's templates."""

    template = "siteshell/api_docs.html"

    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        base_url = request.build_absolute_uri("/").rstrip("/")
        documentation = read_schema(schema, base_url=base_url)
        response = render(
            request,
            self.template,
            {"documentation": documentation, "openapi_url": self.get_openapi_url(api, kwargs)},
        )
        # The page follows the visitor's language and display mode, both kept in cookies.
        patch_vary_headers(response, ("Cookie",))
        return response
