"""Wagtail pages take part in the page cache, with the tags of what they show."""

from wagtail import hooks

from siteshell.pagecache import opt_in, path_tag, tag
from siteshell.pagecache.invalidation import TOP_LEVEL_DEPTH


@hooks.register("before_serve_page")
def cache_wagtail_pages(page, request, serve_args, serve_kwargs):
    """A page shows itself; on its own view (not a sub-route of a routable page) what is below
    it; below the top level, its siblings (related profiles, previous and next)."""
    opt_in(request)
    tags = [f"page:{page.pk}", path_tag(request.path)]
    if request.path == page.get_url(request=request):
        tags.append(f"desc:{page.path}")
    if page.depth > TOP_LEVEL_DEPTH:
        tags.append(f"desc:{page.path[: -type(page).steplen]}")
    tag(request, *tags)
