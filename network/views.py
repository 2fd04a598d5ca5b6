from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django_filters.views import FilterView

from integration_office.permissions import PermissionMixin, requires

from .filters import ActorFilter
from .models import Actor


class ActorListView(PermissionMixin, FilterView):
    permission_required = "network.view_actor"
    filterset_class = ActorFilter
    template_name = "network/actor_list.html"
    paginate_by = 25

    def get_queryset(self):
        return Actor.objects.annotate(
            lead_count=Count("led_measures", distinct=True),
            partner_count=Count("partner_measures", distinct=True),
        ).order_by("name")


@requires("network.view_actor")
def actor_detail(request, pk):
    actor = get_object_or_404(
        Actor.objects.prefetch_related(
            "contacts", "action_fields", "led_measures", "partner_measures"
        ),
        pk=pk,
    )
    return render(request, "network/actor_detail.html", {"actor": actor})
