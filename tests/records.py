"""Records of any registered object type, filled in from the model's fields.

Every field gets a value (optional ones too, so that a missing join or prefetch shows
up as extra queries); each related record is made once per field and shared. Asked for
a record of a nation, the record belongs to that nation through its type's
`nation_field`, and so does every related record of a type scoped by nation: a user of
that nation may view and name all of it.
"""

import datetime
import decimal
import itertools
import string

from django.apps import apps
from django.db import models

from cadre.audit.context import without_field_records
from cadre.core import registry

# Values a field's own rules need that the generic filler does not give.
FIELD_VALUES = {
    ("training.course", "minimum_slp"): "0000",
    ("training.languagetest", "slp"): "3232",
    # The dataset's sessions are completed, and a change may not move a session back: a
    # body sent to change one keeps its status.
    ("training.session", "status"): "completed",
    ("training.attendance", "hours_absent"): "0",
    ("training.nomination", "preference"): 1,
    # A euro needs no exchange rate.
    ("coordination.exchangerate", "currency"): "USD",
    # A delivery is made under a confirmed match, within what the match owes.
    ("coordination.match", "status"): "confirmed",
    ("coordination.match", "quantity"): 1,
    ("coordination.delivery", "quantity"): 1,
    # Advisory teams are organisation units of kind team (advisors, engagements).
    ("missions.organisation", "kind"): "team",
}
# Optional fields a record needs for its type's rules to let others in: a session without
# a capacity or an end takes no enrolments, allotments or travel orders.
ALWAYS_FILLED = {("training.session", "capacity"), ("training.session", "end")}
# Values of fields only a service's action sets (editable=False), with which a record is
# stored: a requirement is made published, so that the roles that read only published
# requirements (published_readers) read it and the records pointing to it.
STORED_VALUES = {("coordination.requirement", "status"): "published"}
# Relations that must differ between records of a type (one allotment per nation and
# session): each record gets a related record of its own there, not a shared one.
OWN_RELATED = {
    ("training.seatallotment", "session"),
    ("training.attendance", "enrolment"),
    ("training.eligibilityoverride", "person"),
    # One lead per session, one qualification per person and level.
    ("training.sessioninstructor", "session"),
    ("training.instructorqualification", "person"),
    ("training.waitinglistentry", "person"),
    # One standing match per requirement and offer, each confirmed match within what its
    # own requirement and offer have left.
    ("coordination.match", "offer"),
    ("coordination.match", "requirement"),
}
# Values that follow from the record's other values: a day of attendance lies in its session.
DERIVED = {
    ("training.attendance", "day"): lambda values: values["enrolment"].session.start,
}


def _count_confirmed_match(match):
    from django.db.models import F

    if match.status == "confirmed":
        for row in (match.requirement, match.offer):
            type(row).objects.filter(pk=row.pk).update(
                matched_quantity=F("matched_quantity") + match.quantity
            )


# What a type's service keeps on other rows when it saves a record, kept here too, since
# these records are saved directly: a confirmed match counts on its requirement and offer.
AFTER_SAVE = {"coordination.match": _count_confirmed_match}
# Types whose service lets in only a person who may take a seat: each record gets a person
# of its own, vetted, in one shared session abroad with seats free.
FOR_TRAINEES = frozenset({"training.enrolment", "training.nomination", "training.travelorder"})


class Records:
    def __init__(self):
        self._numbers = itertools.count(1)
        self._shared = {}

    def values(self, model, *, optional=True, in_nation=None) -> dict:
        """Field values for a new record (of `in_nation`); related records are made and shared."""
        n = next(self._numbers)
        values = {}
        for field in model._meta.concrete_fields:
            if field.primary_key or not field.editable:  # Cadre sets these itself
                continue
            if field.is_relation:
                if field.null and not optional:
                    continue
                if (model._meta.label_lower, field.name) in OWN_RELATED:
                    values[field.name] = self.create(field.related_model, optional=False)
                    continue
                values[field.name] = self.shared(field.related_model, field.name, in_nation)
            elif field.null and not optional and not _always_filled(field):
                continue
            else:
                special = (model._meta.label_lower, field.name)
                values[field.name] = FIELD_VALUES.get(special) or _scalar(field, n)
        if in_nation is not None:
            values.update(self.nation_values(model, in_nation))
        if model._meta.label_lower in FOR_TRAINEES:
            values.update(self.trainee_values(in_nation))
        for (label, name), derive in DERIVED.items():
            if label == model._meta.label_lower:
                values[name] = derive(values)
        return values

    def trainee_values(self, in_nation) -> dict:
        """A new person who may take a seat, and the session abroad they all take one in."""
        person_model = apps.get_model("training", "Person")
        person = self.create(person_model, optional=False, in_nation=in_nation)
        self.create(
            apps.get_model("training", "VettingCase"),
            optional=False,
            person=person,
            status="cleared",
            valid_until=datetime.date(2100, 1, 1),
        )
        key = ("trainee session",)
        if key not in self._shared:
            course = self.create(
                apps.get_model("training", "Course"), optional=False, delivery="out_of_country"
            )
            self._shared[key] = self.create(
                apps.get_model("training", "Session"), optional=False, course=course, status="open"
            )
        session = self._shared[key]
        return {"person": person, "session": session}

    def nation_values(self, model, nation, path=None) -> dict:
        """The values that make a new record of `model` belong to `nation`: its nation field,
        or the first record on the path to it, made for the purpose."""
        path = path or _nation_field(model)
        if not path:
            return {}
        hop, _, rest = path.partition("__")
        if not rest:
            return {hop: nation}
        target = model._meta.get_field(hop).related_model
        return {
            hop: self.create(target, optional=False, **self.nation_values(target, nation, rest))
        }

    def related_values(self, model, *, optional=True, in_nation=None) -> dict:
        """Many-to-many values for a new record: one shared related record per field."""
        return {
            field.name: [self.shared(field.related_model, field.name, in_nation)]
            for field in model._meta.many_to_many
            if optional or not field.blank
        }

    def shared(self, model, role, in_nation=None):
        # Only records of a type scoped by nation differ by nation.
        if not _nation_field(model):
            in_nation = None
        key = (model, role, in_nation.pk if in_nation else None)
        if key not in self._shared:
            self._shared[key] = self.create(model, optional=False, in_nation=in_nation)
        return self._shared[key]

    def create(self, model, *, optional=True, in_nation=None, **overrides):
        """A saved record; `in_nation` makes it (and its related records) belong to that nation."""
        with without_field_records():
            values = self.values(model, optional=optional, in_nation=in_nation)
            stored = {
                name: value
                for (label, name), value in STORED_VALUES.items()
                if label == model._meta.label_lower
            }
            record = model(**{**values, **stored, **overrides})
            record.full_clean()
            record.save()
            if model._meta.label_lower in AFTER_SAVE:
                AFTER_SAVE[model._meta.label_lower](record)
            related = self.related_values(model, optional=optional, in_nation=in_nation)
            for name, targets in related.items():
                getattr(record, name).set(targets)
        return record

    def create_many(self, model, count):
        return [self.create(model) for _ in range(count)]

    def payload(self, object_type, in_nation=None) -> dict:
        """A valid API body for a new record of this type (of `in_nation`)."""
        model = object_type.model
        body = {}
        for name, value in self.values(model, in_nation=in_nation).items():
            body[name] = _as_json(value)
        for name, related in self.related_values(model, in_nation=in_nation).items():
            body[name] = [_as_json(record) for record in related]
        return body

    def form_data(self, object_type, in_nation=None) -> dict:
        """What the add page's form posts for a new record of this type (of `in_nation`)."""
        model = object_type.model
        data = {}
        for name, value in self.values(model, in_nation=in_nation).items():
            if value is True:
                data[name] = "on"
            elif value is not False:
                data[name] = "" if value is None else _as_form(value)
        for name, related in self.related_values(model, in_nation=in_nation).items():
            data[name] = [record.pk for record in related]
        return data


def _scalar(field, n):
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.BooleanField):
        return field.default
    if isinstance(field, models.DateField):
        return datetime.date(2004, 1, 1) + datetime.timedelta(days=n)
    if isinstance(field, models.DecimalField):
        return decimal.Decimal("33.5")
    if isinstance(field, models.IntegerField):
        return 100 + n
    if isinstance(field, models.SlugField):
        return f"{field.model._meta.model_name}-{n}"
    if field.name == "code":
        letters = string.ascii_uppercase
        return "Q" + letters[n // 26 % 26] + letters[n % 26]
    return f"{field.verbose_name} {n}"[: field.max_length]


def _always_filled(field):
    return (field.model._meta.label_lower, field.name) in ALWAYS_FILLED


def _nation_field(model):
    object_type = registry.for_model(model)
    return object_type.nation_field if object_type else None


def _as_form(value):
    if isinstance(value, models.Model):
        return value.pk
    return str(value)


def _as_json(value):
    if isinstance(value, models.Model):
        return getattr(value, registry.for_model(type(value)).key_field)
    if isinstance(value, datetime.date | decimal.Decimal):
        return str(value)
    return value
