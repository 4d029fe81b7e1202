"""Every object type's pages and API calls, as a user of the record's nation and of another.

One class per registered type, from the mixins its declaration calls for
(tests/typecases.py): a new type is tested here as soon as it is declared.
"""

from typecases import cases_for

from cadre.core import registry


def _class_name(slug):
    return "Test" + "".join(part.capitalize() for part in slug.split("-"))


for _object_type in registry.object_types():
    _name = _class_name(_object_type.slug)
    globals()[_name] = type(_name, cases_for(_object_type), {"slug": _object_type.slug})
