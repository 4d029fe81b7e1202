"""The base of every form that adds or changes a record: the edit pages and the admin."""

from django import forms


class RecordForm(forms.ModelForm):
    """Carries the version of the record as it was when the form was opened.

    Saving the form saves a change to that version: if the record has changed since (in
    another tab, by another user, by an import), the service refuses it (StaleRecord)
    rather than let the form undo that change unseen.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            self.initial.setdefault("opened_version", self.instance.version)

    def _post_clean(self):
        super()._post_clean()
        opened = self.cleaned_data.get("opened_version")
        # A post without it was not made by the form Cadre served: the change is then made
        # to the record as it stands.
        if opened is not None and not self.instance._state.adding:
            self.instance.version = opened
