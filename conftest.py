import os

# Tests run without a .env; give them a key so that production-mode settings load.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
