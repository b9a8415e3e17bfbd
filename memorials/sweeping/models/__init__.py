from memorials.sweeping.models.photos import SweepingPhoto
from memorials.sweeping.models.requests import (
    OPEN_STATUSES,
    Relationship,
    Service,
    Status,
    Step,
    SweepingRequest,
)
from memorials.sweeping.models.teams import SweepingTeam

__all__ = [
    "OPEN_STATUSES",
    "Relationship",
    "Service",
    "Status",
    "Step",
    "SweepingPhoto",
    "SweepingRequest",
    "SweepingTeam",
]
