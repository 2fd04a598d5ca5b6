"""Row counts and file checksums as JSON, and the comparison of two (docs/operations.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from core.backup_check import (
    SnapshotError,
    differences,
    dump_snapshot,
    read_snapshot,
    take_snapshot,
)


class Command(BaseCommand):
    help = (
        "Write the row count of every table and the SHA-256 of every stored file as JSON, "
        "checking each archived file against its stored checksum; with --compare, compare "
        "with a snapshot taken earlier (exit status 1 on any difference)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", metavar="FILE", help="write the snapshot to FILE instead of stdout"
        )
        parser.add_argument(
            "--compare",
            nargs="+",
            metavar="SNAPSHOT",
            help=(
                "BEFORE: compare the database and files now with BEFORE; "
                "BEFORE AFTER: compare two snapshot files (no database needed)"
            ),
        )

    def handle(self, *args, output=None, compare=None, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.run(output, compare or [])

    def run(self, output, compare):
        if len(compare) > 2:
            raise CommandError(_("--compare takes one or two snapshot files."))
        try:
            snapshots = [read_snapshot(path) for path in compare]
        except SnapshotError as error:
            raise CommandError(str(error)) from error
        before = snapshots[0] if snapshots else None
        after = snapshots[1] if len(snapshots) == 2 else None
        if after is not None and output:
            raise CommandError(_("--output cannot be combined with two snapshot files."))
        if after is None:
            after = take_snapshot()
            if output:
                self.write_file(output, dump_snapshot(after))
            elif before is None:
                self.stdout.write(dump_snapshot(after), ending="")

        problems = list(after.get("problems", []))
        if before is not None:
            problems += differences(before, after)
        if problems:
            heading = (
                _("The restored state differs from the snapshot:")
                if before is not None
                else _("Stored files are missing or were changed:")
            )
            raise CommandError("\n- ".join([heading, *problems]))

        lines = [
            _("%(tables)s tables with %(rows)s rows, %(files)s files checked.")
            % {
                "tables": len(after["tables"]),
                "rows": sum(after["tables"].values()),
                "files": len(after["files"]),
            }
        ]
        if before is not None:
            lines.append(
                _("No difference: every table has as many rows and every file the same checksum.")
            )
        # The snapshot itself may be on stdout: the summary must not mix into it (and is no
        # error, so stderr's red is turned off with an identity style).
        stream = self.stderr if before is None and not output else self.stdout
        for line in lines:
            stream.write(line, style_func=str)

    def write_file(self, path, text):
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            raise CommandError(
                _("The snapshot cannot be written to %(path)s: %(error)s")
                % {"path": path, "error": error.strerror}
            ) from error
