"""The admin side of the campaign, for 寻亲专班 and the bureau's managers: the cases, a case's
page with every step, the attachments (read only by 寻亲专班, logged) and the statistics."""
