# URL patterns of this feature; included by integration_office/urls.py.
urlpatterns = []
