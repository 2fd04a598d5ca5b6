from django.http import Http404

from public.pages import public_page, public_view


@public_page
def accessibility(request):
    raise Http404


@public_view
def feedback(request):
    raise Http404


@public_page
def imprint(request):
    raise Http404


@public_page
def privacy(request):
    raise Http404


@public_page
def easy_language(request):
    raise Http404
