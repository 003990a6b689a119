from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from rules.contrib.views import permission_required

from . import services
from .forms import AcceptInvitationForm, InvitationForm
from .models import Invitation


@login_required
@permission_required("accounts.invite_people", raise_exception=True)
def invitations(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invite_person(**form.cleaned_data, invited_by=request.user)
        messages.success(request, f"Invitation sent to {invitation.email} as {invitation.get_role_display()}.")
        return redirect("accounts:invitations")
    page = Paginator(
        Invitation.objects.select_related("city", "organisation", "invited_by", "accepted_by"), 50
    ).get_page(request.GET.get("page"))
    return render(request, "accounts/invitations.html", {"form": form, "page": page})


@login_required
@permission_required("accounts.invite_people", raise_exception=True)
@require_POST
def resend_invitation(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.resend_invitation(invitation=invitation)
        messages.success(request, f"The invitation to {invitation.email} was sent again.")
    except services.InvitationUnusable as reason:
        messages.error(request, str(reason))
    return redirect("accounts:invitations")


@login_required
@permission_required("accounts.invite_people", raise_exception=True)
@require_POST
def revoke_invitation(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.revoke_invitation(invitation=invitation)
        messages.success(request, f"The invitation to {invitation.email} was withdrawn; its link no longer works.")
    except services.InvitationUnusable as reason:
        messages.error(request, str(reason))
    return redirect("accounts:invitations")


def accept_invitation(request, key):
    try:
        invitation = services.usable_invitation(key)
    except services.InvitationUnusable as reason:
        return render(request, "accounts/invitation_unusable.html", {"reason": str(reason)}, status=410)
    if invitation is None:
        raise Http404("No such invitation.")

    existing_account = invitation.email.lower() == getattr(request.user, "email", "").lower()
    if request.user.is_authenticated and not existing_account:
        return render(
            request,
            "accounts/invitation_unusable.html",
            {"reason": f"This invitation is for {invitation.email}. Sign out first, then follow the link again."},
            status=403,
        )
    from .models import User

    if not request.user.is_authenticated and User.objects.filter(email__iexact=invitation.email).exists():
        messages.info(request, "You already have an account: sign in to accept the invitation.")
        return redirect(f"{reverse('account_login')}?next={request.path}")

    form = None if existing_account else AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if existing_account:
                user = services.accept_invitation(invitation=invitation, user=request.user)
            else:
                user = services.accept_invitation(
                    invitation=invitation, name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
                )
                login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
        except services.InvitationUnusable as reason:
            return render(request, "accounts/invitation_unusable.html", {"reason": str(reason)}, status=410)
        messages.success(
            request, f"Welcome! You are now {invitation.get_role_display().lower()} for {invitation.scope}."
        )
        return redirect("home")
    return render(request, "accounts/accept_invitation.html", {"invitation": invitation, "form": form})


@require_POST
def choose_language(request):
    """The language switcher: a cookie for everyone, and the account for a signed-in person."""
    response = set_language(request)
    if request.user.is_authenticated:
        services.choose_language(user=request.user, language=request.POST.get("language", ""))
    return response
