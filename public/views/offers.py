"""The public guide to offers (Wegweiser): the list with its filter, an offer's page and the
print view of one category as PDF (issue 17)."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.pdf import render_pdf
from measures.models import Offer
from public import offer_data
from public.offer_filters import PublicOfferFilter
from public.pages import public_page

PAGE_SIZE = 25


@public_page
def offer_list(request):
    offers = PublicOfferFilter(
        request.GET, queryset=offer_data.guide_offers(), options=offer_data.filter_options()
    )
    page_obj = Paginator(offers.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "public/offer_list.html",
        {
            "filter": offers,
            "page_obj": page_obj,
            "filtered": offers.is_filtered,
            "categories": Offer.Category,
        },
    )


@public_page
def offer_detail(request, pk):
    offer = offer_data.offer_page(pk)
    if offer is None:
        raise Http404
    return render(
        request,
        "public/offer_detail.html",
        {"offer": offer, "translations": offer_data.translation_rows(offer)},
    )


@public_page
def offer_category_pdf(request, category):
    chosen = offer_data.category_of(category)
    if chosen is None:
        raise Http404
    guide_url = request.build_absolute_uri(reverse("public:offer_list"))
    content = render_pdf("public/pdf_offers.html", offer_data.category_pdf_data(chosen, guide_url))
    response = HttpResponse(content, content_type="application/pdf")
    filename = offer_data.category_pdf_filename(chosen)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
