from django.http import Http404

from public.pages import public_page


@public_page
def committee(request):
    raise Http404


@public_page
def meeting_detail(request, pk):
    raise Http404
