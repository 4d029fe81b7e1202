"""The who-does-what-where (3W) file: CSV, the column names first, then the HXL hashtags
(hxlstandard.org), then one row per delivery the reader may read."""

import csv

from django.utils.translation import gettext_lazy as _

from .selectors_deliveries import THREE_W_COLUMNS, three_w_rows

# The column names, translated for the page's download; the hashtags never are.
COLUMN_NAMES = {
    "Organisation": _("Organisation"),
    "Sector": _("Sector"),
    "Province": _("Province"),
    "Place": _("Place"),
    "Activity": _("Activity"),
    "Quantity": _("Quantity"),
    "Unit": _("Unit"),
    "Date": _("Date"),
    "Confirmed by the recipient": _("Confirmed by the recipient"),
    "Delivery": _("Delivery"),
}


def write_3w(stream, user) -> int:
    """Write the file to a text stream; return the number of deliveries written."""
    writer = csv.writer(stream)
    writer.writerow([str(COLUMN_NAMES[name]) for name, _tag in THREE_W_COLUMNS])
    writer.writerow([tag for _name, tag in THREE_W_COLUMNS])
    count = 0
    for row in three_w_rows(user):
        writer.writerow(row)
        count += 1
    return count
