"""dumpdata's JSON with datetimes to the microsecond, so a restore is exact."""

import datetime

from django.core import serializers
from django.core.serializers import json
from django.core.serializers.json import DjangoJSONEncoder

FORMAT = "quietroom_json"


class PreciseEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; this one keeps what the database has.
    The standard JSON deserializer (loaddata) reads both."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = PreciseEncoder


Deserializer = json.Deserializer


def register() -> str:
    """Make the format available to dumpdata; returns its name."""
    if FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(FORMAT, __name__)
    return FORMAT
