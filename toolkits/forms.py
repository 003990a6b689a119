from urllib.parse import urlparse

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import (
    TRANSFER_DIMENSIONS,
    CharterCommitment,
    GoodPractice,
    MaturityLevel,
    ModuleComponent,
    Theme,
    Toolkit,
    TransferabilityAssessment,
)
from .services import VIDEO


class PracticeForm(forms.ModelForm):
    adapted_from_address = forms.CharField(
        label=_("Adapted from"),
        required=False,
        max_length=500,
        help_text=_(
            "If your practice adapts another city's, paste the address of that practice's page in the library."
        ),
    )

    class Meta:
        model = GoodPractice
        fields = [
            "title",
            "summary",
            "description",
            "language",
            "themes",
            "commitments",
            "components",
            "results",
            "evidence",
            "contact_organisation",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
            "commitments": forms.CheckboxSelectMultiple,
            "components": forms.CheckboxSelectMultiple,
        }
        labels = {
            "title": _("Title"),
            "summary": _("Summary"),
            "description": _("Description"),
            "language": _("Language"),
            "themes": _("Themes"),
            "commitments": _("Integrating Cities Charter commitments it serves"),
            "components": _("European Module components it serves"),
            "results": _("Results"),
            "evidence": _("Evidence of the results"),
            "contact_organisation": _("Contact organisation"),
        }
        help_texts = {
            "description": _(
                "Paragraphs, lists, bold, italics, links and sub-headings (h3, h4) in simple HTML are kept; "
                "anything else, scripts and styles included, is removed."
            ),
            "language": _("English text is searched by word stems; other languages word for word."),
        }

    def __init__(self, *args, city_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["commitments"].queryset = CharterCommitment.objects.all()
        self.fields["commitments"].label_from_instance = lambda c: f"{c.code}: {c.text}"
        self.fields["components"].queryset = ModuleComponent.objects.select_related("module")
        if self.instance.pk and self.instance.adapted_from_id:
            self.fields["adapted_from_address"].initial = self.instance.adapted_from.get_absolute_url()
        if city_choices is not None:
            self.fields["city"] = forms.ModelChoiceField(
                queryset=city_choices,
                label=_("City"),
                empty_label=None,
                help_text=_("The city whose practice this is."),
            )
            self.order_fields(["city", "title"])

    def clean_adapted_from_address(self):
        address = self.cleaned_data["adapted_from_address"].strip()
        if not address:
            return None
        slug = urlparse(address).path.rstrip("/").rsplit("/", 1)[-1]
        practice = GoodPractice.objects.filter(slug=slug, state=GoodPractice.State.PUBLISHED).first()
        if practice is None:
            raise forms.ValidationError(gettext("No published practice has this address."))
        if self.instance.pk and practice.pk == self.instance.pk:
            raise forms.ValidationError(gettext("A practice cannot be adapted from itself."))
        return practice

    def service_fields(self):
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields["adapted_from"] = self.cleaned_data["adapted_from_address"]
        return fields


class LinkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")


class VideoForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(
        label=_("Link to the video"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Or upload a file."),
    )
    file = forms.FileField(label=_("Video file"), required=False)
    transcript = forms.CharField(
        label=_("Caption or transcript"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For people who cannot watch or hear the video."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.VIDEO_MAX_UPLOAD_BYTES)
        self.fields["file"].help_text = gettext("MP4 or WebM, at most %(limit)s.") % {"limit": limit}

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file:
            VIDEO.check(file)
        return file

    def clean(self):
        data = super().clean()
        if bool(data.get("url")) == bool(data.get("file")) and not self.errors:
            raise forms.ValidationError(gettext("Give either a link to the video or a file (one of the two)."))
        return data


class ToolkitForm(forms.ModelForm):
    class Meta:
        model = Toolkit
        fields = ["title", "theme", "introduction", "benchmark"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4}), "benchmark": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "title": _("Title"),
            "theme": _("Theme"),
            "introduction": _("Introduction"),
            "benchmark": _("Benchmark"),
        }


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


LEVEL_CHOICES = [("", _("Not rated"))] + [(str(value), label) for value, label in MaturityLevel.choices]


class SelfAssessmentForm(forms.Form):
    """A maturity level (1–4) and evidence for each of the Charter's commitments."""

    def __init__(self, *args, commitments, ratings, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitments = list(commitments)
        for commitment in self.commitments:
            level, evidence = ratings.get(commitment.code, (None, ""))
            self.fields[f"{commitment.code}_level"] = forms.TypedChoiceField(
                label=gettext("%(code)s: %(text)s") % {"code": commitment.code, "text": commitment.text},
                choices=LEVEL_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=level,
                error_messages={"invalid_choice": gettext("Choose a maturity level between 1 and 4.")},
            )
            self.fields[f"{commitment.code}_evidence"] = forms.CharField(
                label=gettext("Evidence for %(code)s") % {"code": commitment.code},
                required=False,
                initial=evidence,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        return [(c, self[f"{c.code}_level"], self[f"{c.code}_evidence"]) for c in self.commitments]

    def ratings(self):
        return {
            c.code: (self.cleaned_data[f"{c.code}_level"], self.cleaned_data[f"{c.code}_evidence"])
            for c in self.commitments
        }


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class TransferabilityForm(forms.ModelForm):
    class Meta:
        model = TransferabilityAssessment
        fields = [name for dimension in TRANSFER_DIMENSIONS for name in (dimension, f"{dimension}_note")]
        widgets = {
            **{dimension: forms.Select(choices=SCORE_CHOICES) for dimension in TRANSFER_DIMENSIONS},
            **{f"{dimension}_note": forms.Textarea(attrs={"rows": 2}) for dimension in TRANSFER_DIMENSIONS},
        }
        labels = {
            "legal": _("Legal fit (1 = poor, 5 = good)"),
            "financial": _("Financial fit (1 = poor, 5 = good)"),
            "governance": _("Governance fit (1 = poor, 5 = good)"),
            "skills": _("Skills available (1 = poor, 5 = good)"),
            "stakeholders": _("Stakeholder support (1 = poor, 5 = good)"),
            "legal_note": _("Legal note"),
            "financial_note": _("Financial note"),
            "governance_note": _("Governance note"),
            "skills_note": _("Skills note"),
            "stakeholders_note": _("Stakeholders note"),
        }

    def scores(self):
        return {d: (self.cleaned_data[d], self.cleaned_data[f"{d}_note"]) for d in TRANSFER_DIMENSIONS}
