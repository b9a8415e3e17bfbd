"""Import of martyr lists (.xlsx, .csv) as bureaus keep them.

Messy input is normal: the header row may sit under merged title rows, columns come in any
order with Chinese or English names, dates are written a dozen ways, rows are blank or padded
with spaces. Every data row either imports or is reported with its row number and a reason
(translated: staff read it in their admin language); the reports form an error file in the same
layout that can be fixed and imported again. Rows are committed in batches and each committed
batch is recorded on an :class:`~memorials.models.ImportJob`, so an interrupted import resumes
where it stopped.

The steps, one module each:

==============  =========================================================================
``reading``     file type, text encoding, rows, the header row among title rows
``cleaning``    one row's cells → field values, or the reasons why not
``workers``     cleaning and search analysis in worker processes, chunks in file order
``writing``     batches written with raw statements, and their search documents
``jobs``        the job's bookkeeping: start or resume, committed batches, done or failed
``error_file``  the rows that did not import, in the uploaded layout
``importer``    :class:`MartyrImporter`, which runs the steps
==============  =========================================================================

The names below are what the management command, the admin, the tasks and the demo use.
"""

from memorials.importing.error_file import write_error_file
from memorials.importing.importer import DEFAULT_BATCH_SIZE, MartyrImporter, import_martyrs
from memorials.importing.reading import SUPPORTED_SUFFIXES, count_rows, file_checksum
from memorials.importing.results import ImportFileError, ImportResult, RowError

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "SUPPORTED_SUFFIXES",
    "ImportFileError",
    "ImportResult",
    "MartyrImporter",
    "RowError",
    "count_rows",
    "file_checksum",
    "import_martyrs",
    "write_error_file",
]
