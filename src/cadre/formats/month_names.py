"""Arabic month names: one style on every page, the one Iraq uses.

Django's Arabic catalogue names the months as Egypt and the Gulf do (يناير، فبراير …
سبتمبر …). Iraq, like Syria, Lebanon and Jordan, uses the Syriac names (كانون الثاني،
شباط … أيلول …): its government and press date documents that way, and the Arabic text of
Cadre's dataset (summary_ar, written for Iraqi readers) uses them too. Left alone, a page
would show "أيلول 2004" in a summary beside "سبتمبر 2004" in a date.

So Cadre's catalogue translates Django's month names (every form Django's date formats
use: full, abbreviated, "alt." and three-letter) to the Iraqi ones. A translation in
Cadre's catalogue (LOCALE_PATHS) comes before Django's own. The calls below only mark the
names for makemessages; Django's date formatting looks them up.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

# django.utils.dates.MONTHS: "F" in a date format (Cadre's DATE_FORMAT and YEAR_MONTH_FORMAT).
MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
# MONTHS_3: "b" and "M".
MONTHS_3 = [
    gettext_noop("jan"),
    gettext_noop("feb"),
    gettext_noop("mar"),
    gettext_noop("apr"),
    gettext_noop("may"),
    gettext_noop("jun"),
    gettext_noop("jul"),
    gettext_noop("aug"),
    gettext_noop("sep"),
    gettext_noop("oct"),
    gettext_noop("nov"),
    gettext_noop("dec"),
]
# MONTHS_AP: "N" (Associated Press abbreviations).
MONTHS_AP = [
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
]
# MONTHS_ALT: "E" (the month name as it stands in a full date, in languages that inflect it).
MONTHS_ALT = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]

# The Iraqi (Syriac) names, January first; and the Egyptian and Gulf names Django gives,
# which no Cadre page may show. Used by the tests of the catalogue and the pages.
IRAQI = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
EGYPTIAN_AND_GULF = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
