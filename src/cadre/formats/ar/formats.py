# What this module leaves out comes from Django's own Arabic formats
# (django/conf/locale/ar/formats.py), e.g. YEAR_MONTH_FORMAT "F Y" ("ديسمبر 2008").

# Django writes "16 ديسمبر، 2008"; Arabic puts no comma between month and year.
DATE_FORMAT = "j F Y"
# Django's Arabic formats define no date-and-time formats, so the English defaults
# ("N j, Y, P" and the month-first "m/d/Y P") would apply: write them day first.
DATETIME_FORMAT = "j F Y، g:i A"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y g:i A"

# Django's Arabic formats use "," for the decimal point and "." between thousands,
# and group no digits, so 5,000 trainees would read as "5000" or "5.000". Arabic
# written with Western digits (the Unicode CLDR "ar" locale) groups by three with
# the same marks as English.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
