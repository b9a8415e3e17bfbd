"""``manage.py rebuild_search``: rebuild every search index in batches, with a progress bar.

Made for millions of records: objects are read by primary-key ranges (never with OFFSET), the
embedded index is rewritten one model at a time inside a transaction (visitors keep searching
the old entries until it commits), and Elasticsearch is rebuilt into a new index that replaces
the old one through an alias swap.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modelsearch.index import get_indexed_models
from modelsearch.utils import get_content_type_pk
from tqdm import tqdm
from wagtail.search.backends import get_search_backend, get_search_backends_with_name

from search.backends.elasticsearch import ElasticsearchBackend


def batches(queryset, size):
    """Lists of up to ``size`` objects in primary-key order, read by key ranges."""
    last_pk = None
    queryset = queryset.order_by("pk")
    while True:
        page = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        batch = list(page[:size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _("重建搜索索引（分批处理，显示进度），适用于数百万条记录")

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend", action="append", dest="backends", help=gettext_lazy("只重建这个搜索后端（可重复）")
        )
        parser.add_argument(
            "--model",
            action="append",
            dest="models",
            help=gettext_lazy("只重建这个模型，如 memorials.MartyrRecord（可重复）"),
        )
        parser.add_argument("--batch-size", type=int, default=1000, help=gettext_lazy("每批处理的记录数（默认 1000）"))

    def handle(self, *args, backends=None, models=None, batch_size=1000, verbosity=1, **options):
        self.verbosity = verbosity
        if batch_size < 1:
            raise CommandError(_("--batch-size 至少为 1"))
        indexed = get_indexed_models()
        if models:
            wanted = {name.lower() for name in models}
            indexed = [m for m in indexed if f"{m._meta.app_label}.{m.__name__}".lower() in wanted]
            if not indexed:
                raise CommandError(_("没有与 %(models)s 对应的已索引模型") % {"models": ", ".join(models)})
        names = backends or [name for name, _backend in get_search_backends_with_name()]
        for name in names:
            backend = get_search_backend(name)
            if isinstance(backend, ElasticsearchBackend):
                total = self.rebuild_elasticsearch(name, backend, indexed, batch_size)
            else:
                total = self.rebuild_embedded(name, backend, indexed, batch_size)
            self.stdout.write(
                self.style.SUCCESS(
                    ngettext("%(backend)s：已索引 %(count)d 条", "%(backend)s：已索引 %(count)d 条", total)
                    % {"backend": name, "count": total}
                )
            )

    def progress(self, label, total):
        return tqdm(
            total=total, desc=label, unit="obj", disable=self.verbosity < 1, file=self.stderr._out, smoothing=0.1
        )

    def rebuild_embedded(self, name, backend, models, batch_size):
        index = backend.get_index_for_model(None)
        index.defer_title_norms = True
        total = 0
        for model in models:
            queryset = model.get_indexed_objects()
            with (
                self.progress(f"{name}: {model._meta.label}", queryset.count()) as bar,
                transaction.atomic(using=index.write_connection.alias),
            ):
                # Rewritten from scratch: entries of deleted objects go too.
                index.entries.filter(content_type_id=get_content_type_pk(model))._raw_delete(
                    using=index.write_connection.alias
                )
                for batch in batches(queryset, batch_size):
                    index.add_items(model, batch)
                    bar.update(len(batch))
                    total += len(batch)
        index._refresh_title_norms(full=True)
        return total

    def rebuild_elasticsearch(self, name, backend, models, batch_size):
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(None))
        index = rebuilder.start()
        total = 0
        for model in models:
            if not backend.indexes_model(model):
                continue
            queryset = model.get_indexed_objects()
            with self.progress(f"{name}: {model._meta.label}", queryset.count()) as bar:
                for batch in batches(queryset, batch_size):
                    index.add_items(model, batch)
                    bar.update(len(batch))
                    total += len(batch)
        rebuilder.finish()
        return total
