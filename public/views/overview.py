from django.shortcuts import render

from public.pages import public_page


@public_page
def overview(request):
    return render(request, "public/overview.html", {})
