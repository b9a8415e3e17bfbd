"""The staff roles of a bureau, by name.

The data migration ``0002_roles_and_workflow`` creates these groups with their shell
permissions; plugins add their own permissions to them through ``staff_groups()`` by naming
the same group (``StaffGroup(name=FIRST_REVIEWERS, permissions=…)``). Import the names from
here so that a plugin and the shell always mean the same group.
"""

from django.utils.translation import gettext_lazy as _

#: Write content and submit it for review.
WRITERS = _("宣传干事")
#: The first step of 内容审核 (初审).
FIRST_REVIEWERS = _("初审员")
#: The second step of 内容审核 (终审); they may also publish.
FINAL_APPROVERS = _("终审员")
#: Review what the public submits (messages, corrections, clues).
SUBMISSION_MODERATORS = _("留言审核员")
#: Run the site: every page right, users, settings, the audit record.
SITE_MANAGERS = _("站点管理员")

ROLES = (WRITERS, FIRST_REVIEWERS, FINAL_APPROVERS, SUBMISSION_MODERATORS, SITE_MANAGERS)

#: The default workflow and its two steps, as the migration names them.
WORKFLOW_NAME = _("内容审核")
FIRST_REVIEW_TASK = _("初审")
FINAL_APPROVAL_TASK = _("终审")
