"""What a reminder is about before it is a row: the key the unique constraint is made of."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Due:
    """Something to remind one person of on one day; becomes a Reminder row."""

    kind: str
    model: type
    object_id: int
    deadline: datetime.date
    recipient_id: int
    council_id: int
