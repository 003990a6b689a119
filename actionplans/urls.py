from django.urls import path

from . import views

app_name = "actionplans"

urlpatterns = [
    path("plans/", views.plan_list, name="plans"),
    path("plans/awaiting-my-review/", views.review_queue, name="review_queue"),
    path("plans/of-pairing/<int:pk>/", views.pairing_plan, name="pairing_plan"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/completeness/", views.completeness, name="completeness"),
    path("plans/<int:pk>/parts/<str:kind>/new/", views.add_part, name="add_part"),
    path("plans/<int:pk>/parts/<str:kind>/<int:item_pk>/edit/", views.edit_part, name="edit_part"),
    path("plans/<int:pk>/parts/<str:kind>/<int:item_pk>/delete/", views.delete_part, name="delete_part"),
    path("plans/<int:pk>/comments/", views.add_comment, name="add_comment"),
    path("plans/<int:pk>/comments/<int:comment_pk>/resolve/", views.resolve_comment, name="resolve_comment"),
    path("plans/<int:pk>/submit/", views.submit_plan, name="submit"),
    path("plans/<int:pk>/review/", views.review_plan, name="review"),
    path("plans/<int:pk>/approve/", views.approve_plan, name="approve"),
    path("plans/<int:pk>/endorse/", views.endorse_plan, name="endorse"),
    path("plans/<int:pk>/start-implementation/", views.start_implementation, name="start_implementation"),
    path("plans/<int:pk>/decisions/<str:kind>/document/", views.decision_document, name="decision_document"),
    path("plans/<int:pk>/actions/<int:action_pk>/progress/", views.report_progress, name="report_progress"),
    path("plans/<int:pk>/indicators/<int:indicator_pk>/measurements/", views.record_measurement, name="measurements"),
    path("plans/<int:pk>/versions/", views.version_list, name="versions"),
    path("plans/<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("plans/<int:pk>/compare/", views.compare_versions, name="compare"),
    path("plans/adopt-practice/<int:assessment_pk>/", views.adopt_practice, name="adopt_practice"),
    path("plans/of-city/<slug:slug>/gaps/<str:code>/action/", views.add_gap_action, name="add_gap_action"),
    path("staff/plans/", views.staff_overview, name="staff_overview"),
]
