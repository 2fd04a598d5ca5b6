#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_office.settings")
    from django.core.management import execute_from_command_line

    from integration_office.startup import check_settings_or_exit

    check_settings_or_exit(serving=sys.argv[1:2] == ["runserver"])
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
