"""个人信息保护 (siteshell.privacy): personal data encrypted at rest, masked by default, shown in
full only to allowed staff (logged), with consent, retention and erasure. See docs/privacy.md.

- ``siteshell.privacy.fields``: ``PersonalDataField(kind=…)``, ``PersonalDataHashField(source=…)``,
  ``hash_for(value, kind)``
- ``siteshell.privacy.masking.mask(value, kind)`` and the ``{% load privacy %}{{ v|mask:"mobile" }}`` filter
- ``siteshell.privacy.access``: ``can_view_full``, ``masked``, ``reveal``
- ``siteshell.privacy.models.PersonalDataMixin``; ``siteshell.privacy.consent``: ``ConsentNotice``,
  ``register_notice``, ``ConsentField``, ``record_consent``
- ``siteshell.privacy.lifecycle.erase``; commands ``rotate_personal_data_keys``,
  ``erase_expired_personal_data``
"""
