from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import City, Organisation, Role

from . import services
from .models import Invitation


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role", "city", "organisation"]
        labels = {"role": _("Role"), "city": _("City"), "organisation": _("Organisation")}
        help_texts = {
            "city": _("For city officers and city approvers."),
            "organisation": _("For expert partners and coordinator staff."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.order_by("name")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        role, city, organisation = data.get("role"), data.get("city"), data.get("organisation")
        if role:
            try:
                services._check_scope(role=role, city=city, organisation=organisation)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field, messages)
        email = data.get("email")
        if (
            email
            and role
            and Invitation.objects.pending()
            .filter(email=email, role=role, city=city, organisation=organisation)
            .exists()
        ):
            self.add_error("email", gettext("This person already has a pending invitation for this role."))
        return data


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(label=_("Your full name"), max_length=150)
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, invitation, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", gettext("The two passwords differ."))
        elif password1:
            from .models import User

            try:
                password_validation.validate_password(
                    password1, User(email=self.invitation.email, name=data.get("name", ""))
                )
            except ValidationError as error:
                self.add_error("password1", error)
        return data


ROLE_HELP = {role.value: role.label for role in Role}
