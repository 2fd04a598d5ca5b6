import os

from django.core.wsgi import get_wsgi_application

from integration_office.startup import check_settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_office.settings")
check_settings_or_exit(serving=True)

application = get_wsgi_application()
