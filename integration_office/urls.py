from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from core.job_views import job_detail, job_file, job_status_json
from core.login import LoginForm
from dashboard.views import dashboard
from demo.views import benchmark_floor, benchmark_public_floor
from measures.reports.views import report_choice

urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("reports/", report_choice, name="reports"),
    path("benchmark/floor/", benchmark_floor, name="benchmark_floor"),
    path("benchmark/public-floor/", benchmark_public_floor, name="benchmark_public_floor"),
    path("reports/", include("measures.reports.urls")),
    path("monitoring/", include("measures.monitoring.urls")),
    path("partner/", include("measures.monitoring.partner_urls")),
    path("plans/", include("measures.fortschreibung.urls")),
    path("vorschlag/", include("measures.fortschreibung.partner_urls")),
    path("projects/", include("measures.projects.urls")),
    path("offers/", include("measures.offers.urls")),
    path("indicators/", include("measures.indicators.urls")),
    path("angebot/", include("measures.offers.link_urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("measures/", include("measures.urls")),
    path("network/", include("network.urls")),
    path("committee/", include("committee.urls")),
    path("public/", include("public.urls")),
    path("office/public-texts/", include("public.staff_urls")),
    path("oparl/v1.1/", include("committee.oparl_urls")),
    path("jobs/<int:pk>/", job_detail, name="job_detail"),
    path("jobs/<int:pk>/status/", job_status_json, name="job_status"),
    path("jobs/<int:pk>/file/", job_file, name="job_file"),
    path("admin/", admin.site.urls),
]

handler400 = "core.errors.bad_request"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
