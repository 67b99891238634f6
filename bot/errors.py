"""Errors the core raises for people to read.

Every DomainError carries a kind, complete sentence that a cog can show as it is. Anything else that escapes a
service is a bug, and the cog answers with a generic apology instead of a traceback.
"""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, message: str) -> None:
        # A sentence may quote what someone typed; a lone surrogate in it could not be sent, so it becomes U+FFFD.
        if not message.isascii():
            message = message.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class InvalidInput(DomainError):
    pass


class Conflict(DomainError):
    pass


class RateLimited(DomainError):
    pass
