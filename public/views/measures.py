from django.http import Http404

from public.pages import public_page


@public_page
def measure_list(request):
    raise Http404


@public_page
def measure_detail(request, pk):
    raise Http404
