"""National-defence education: the index page, resource pages and school programme pages."""

from campaigns.education.models.pages import (
    EducationIndexPage,
    ProgrammeSchool,
    ResourceLink,
    ResourcePage,
    SchoolProgrammePage,
)

__all__ = ["EducationIndexPage", "ProgrammeSchool", "ResourceLink", "ResourcePage", "SchoolProgrammePage"]
