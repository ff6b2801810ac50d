"""What a request must be before the app sees it: the service as a browser's target.

One ASGI middleware, so every endpoint gets the same rules:

* ``Host`` must be a name the service answers to (loopback names by default): a
  DNS-rebinding page, whose requests carry its own host name, is refused.
* A state-changing request (POST) that comes from a browser (it carries ``Origin`` or
  ``Sec-Fetch-Site``) must come from the service's own origin *and* carry the token the
  service's page holds (``X-Processor-Token``).  A page of another origin can neither read
  the token nor set the header without a CORS preflight, which is never granted.  Scripts
  and ``curl`` send neither header and need only the API key, when one is set.
* A request body is counted while it arrives and refused with 413 once over the limit:
  no upload is ever held whole, in memory or on disk.
* Every response carries ``nosniff``, a Content Security Policy with
  ``frame-ancestors 'none'``, ``X-Frame-Options: DENY`` and ``no-referrer``.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
TOKEN_HEADER = "x-processor-token"
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
]


@dataclass(frozen=True)
class Guard:
    """The rules of one service instance."""

    token: str
    max_body_bytes: int
    # Host names the service answers to; None: any (beyond loopback, with an API key).
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_NAMES


def host_name(value: str) -> str:
    """``Host`` header -> host name: port dropped, IPv6 brackets removed, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class _TooLarge(Exception):
    pass


def guarded(app: ASGIApp, guard: Guard) -> ASGIApp:
    """``app`` behind ``guard``'s rules (see the module docstring)."""

    async def reply(send: Send, status: int, reason: str) -> None:
        body = json.dumps({"detail": reason}).encode()
        headers = [(b"content-type", b"application/json"), *SECURITY_HEADERS]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if guard.allowed_hosts is not None and host_name(host) not in guard.allowed_hosts:
            await reply(send, 421, f"this service does not answer to the host name {host!r}")
            return
        if scope["method"] in _UNSAFE:
            refused = _refused(headers, host, scope.get("scheme", "http"), guard.token)
            if refused:
                await reply(send, 403, refused)
                return
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > guard.max_body_bytes:
                await reply(send, 413, _over(guard.max_body_bytes))
                return
        received = 0
        started = False
        over = False

        async def counted() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > guard.max_body_bytes:
                    over = True
                    raise _TooLarge
            return message

        async def secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                if over:  # the app turned the cut body into an error: say what happened
                    raise _TooLarge
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await app(scope, counted, secured)
        except _TooLarge:
            if not started:
                await reply(send, 413, _over(guard.max_body_bytes))

    return middleware


def _refused(headers: dict[str, str], host: str, scheme: str, token: str) -> str | None:
    """Why a state-changing request is refused, or None."""
    origin = headers.get("origin")
    if origin is None and "sec-fetch-site" not in headers:
        return None  # not a browser: a script, which the API key (when set) governs
    if origin != f"{scheme}://{host}":
        return "cross-origin request refused: use the service's own page"
    given = headers.get(TOKEN_HEADER, "").encode("utf-8", "surrogateescape")
    if not hmac.compare_digest(given, token.encode()):
        return "missing or wrong page token: reload the service's page"
    return None


def _over(limit: int) -> str:
    return f"request body over the {limit // 2**20} MB limit of one request"
