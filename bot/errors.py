"""Errors the core raises for people to read.

Every DomainError carries a kind, complete sentence that a cog can show as it is. Anything else that escapes a
service is a bug, and the cog answers with a generic apology instead of a traceback.
"""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, message: str) -> None:
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
