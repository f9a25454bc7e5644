from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from health_check.views import HealthCheckView

from auditsite import pages

admin.site.site_header = "Social audit administration"
handler400 = "auditsite.errors.bad_request"
handler500 = "auditsite.errors.server_error"
# The admin logs in through the site's login page, so it has the same throttle.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", pages.home, name="home"),
    path("privacy/", pages.privacy, name="privacy"),
    path("scoring/", pages.scoring, name="scoring"),
    path("favicon.ico", pages.favicon),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    # For a load balancer: 200 when the database and the cache answer, 500 otherwise.
    path(
        "health/",
        HealthCheckView.as_view(
            checks=["health_check.checks.Database", "health_check.checks.Cache"]
        ),
        name="health",
    ),
    path("", include("questionnaire.urls")),
    path("", include("reports.urls")),
    path("", include("consulting.urls")),
    path("", include("privacy.urls")),
]
