from wagtail import hooks

from siteshell.moderation import log_actions


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    log_actions.register(actions)
