from django.http import Http404

from public.pages import public_page


@public_page
def open_data(request):
    raise Http404


@public_page
def measures_csv(request):
    raise Http404


@public_page
def measures_json(request):
    raise Http404
