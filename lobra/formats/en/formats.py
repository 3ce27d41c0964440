"""English formats for Lobra: the same ISO dates and 24-hour clock as in Swedish, since the records are Swedish."""

from lobra.formats.sv.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
