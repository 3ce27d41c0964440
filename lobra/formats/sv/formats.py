"""Swedish formats as municipalities write them: ISO dates, 24-hour clock with a point (09.00) as in protocols."""

DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H.i"
TIME_FORMAT = "H.i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H.i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y%m%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H.%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
TIME_INPUT_FORMATS = ["%H.%M", "%H:%M", "%H:%M:%S"]
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
