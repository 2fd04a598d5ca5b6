import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded import files go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
