"""The axes backend, also usable without a request.

``AxesStandaloneBackend`` refuses ``authenticate()`` without a request. Every sign-in over HTTP
passes one (Wagtail's login form, Django's auth views), so it is counted and locked as usual;
only code without a request (a shell, a management command, ``Client.login`` in tests) reaches
the password check directly, where there is no visitor to count or lock.

It is axes' ``AxesBackend`` (the lockout check plus Django's ``ModelBackend`` for ``get_user``), so
code that takes the first backend of AUTHENTICATION_BACKENDS for a session (Wagtail's test
utilities, ``force_login`` with it) gets a working one.
"""

from axes.backends import AxesBackend as LibraryAxesBackend


class AxesBackend(LibraryAxesBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
