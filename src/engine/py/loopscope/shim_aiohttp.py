"""`aiohttp`'s client on the simulated network: requests are in flight in virtual time
while the loop runs other tasks, as with the real library."""
from __future__ import annotations

import json as _json
from types import TracebackType
from typing import Any, Generator

from urllib.parse import urlsplit

from .network import NetworkFailure, SimResponse, describe_request
from .session import current_world
from .simio import Delay, request_in_flight


class ClientError(Exception):
    pass


class InvalidURL(ClientError):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    pass


class ServerConnectionError(ClientConnectionError):
    pass


class ServerTimeoutError(ServerConnectionError, TimeoutError):
    pass


class ConnectionTimeoutError(ServerTimeoutError):
    pass


class ClientResponseError(ClientError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}, message={message!r}")
        self.status = status
        self.message = message


class ClientTimeout:
    def __init__(self, total: float | None = None, connect: float | None = None,
                 sock_read: float | None = None, sock_connect: float | None = None) -> None:
        self.total = total
        self.connect = connect
        self.sock_connect = sock_connect


# aiohttp ≥ 3.10: five minutes in all, 30 s to connect.
_DEFAULT_TIMEOUT = ClientTimeout(total=300, sock_connect=30)


class TCPConnector:
    def __init__(self, *args: Any, limit: int = 100, **kwargs: Any) -> None:
        self.limit = limit


class ClientResponse:
    def __init__(self, sim: SimResponse) -> None:
        self._sim = sim
        self.status = sim.status
        self.reason = sim.reason
        self.headers = dict(sim.headers)
        self.url = sim.url
        self.method = sim.method
        self.closed = False

    async def read(self) -> bytes:
        return self._sim.body

    async def text(self, encoding: str | None = None) -> str:
        return self._sim.body.decode(encoding or self._sim.encoding, "replace")

    async def json(self, **kwargs: Any) -> Any:
        return _json.loads(self._sim.body.decode(self._sim.encoding))

    def raise_for_status(self) -> None:
        if self.status >= 400:
            raise ClientResponseError(self.status, self.reason)

    def release(self) -> None:
        self.closed = True

    def close(self) -> None:
        self.closed = True

    async def __aenter__(self) -> ClientResponse:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"


async def _failed(method: str, url: str, failure: NetworkFailure, limits: ClientTimeout) -> Exception:
    """Waits as long as the failure takes to show, and returns aiohttp's error for it."""
    parts = urlsplit(url)
    https = parts.scheme == "https"
    where = f"{parts.hostname}:{parts.port or (443 if https else 80)} ssl:{'default' if https else False}"
    if failure.kind == "refused":
        await request_in_flight(f"{method} {url} (refused)", Delay(failure.after))
        return ClientConnectorError(f"Cannot connect to host {where} [Connection refused]")
    bounds = [b for b in (limits.total, limits.connect, limits.sock_connect) if b is not None]
    waited = min([failure.after, *bounds])
    await request_in_flight(f"{method} {url} (no answer)", Delay(waited))
    if waited < failure.after:
        return ConnectionTimeoutError(f"Connection timeout to host {url}")
    return ClientConnectorError(f"Cannot connect to host {where} [Connection timed out]")


class _RequestContextManager:
    """What session.get() returns: awaitable, and usable with `async with`."""

    def __init__(self, session: ClientSession, method: str, url: str, kwargs: dict[str, Any]) -> None:
        self._session, self._method, self._url, self._kwargs = session, method, url, kwargs
        self._response: ClientResponse | None = None

    def __await__(self) -> Generator[Any, None, ClientResponse]:
        return self._session._request(self._method, self._url, **self._kwargs).__await__()

    async def __aenter__(self) -> ClientResponse:
        self._response = await self._session._request(self._method, self._url, **self._kwargs)
        return self._response

    async def __aexit__(self, exc_type: type | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._response is not None:
            self._response.release()


class ClientSession:
    def __init__(self, *args: Any, headers: Any = None, timeout: Any = None,
                 trust_env: bool = False, connector: Any = None, **kwargs: Any) -> None:
        self.headers = dict(headers or {})
        self.closed = False
        self._timeout = timeout if isinstance(timeout, ClientTimeout) else _DEFAULT_TIMEOUT

    async def _request(self, method: str, url: Any, params: Any = None, data: Any = None,
                       json: Any = None, timeout: Any = None, **_ignored: Any) -> ClientResponse:
        if self.closed:
            raise RuntimeError("Session is closed")
        limits = timeout if isinstance(timeout, ClientTimeout) else self._timeout
        try:
            sim = current_world().network.fetch(method, str(url), params=params, data=data,
                                                json_body=json)
        except ValueError as e:
            raise InvalidURL(str(e)) from None
        except NetworkFailure as failure:
            raise await _failed(method, str(url), failure, limits) from None
        if limits.total is not None and sim.latency > limits.total:
            await request_in_flight(f"{method} {url} (no answer within {limits.total:g} s)",
                                    Delay(limits.total))
            raise TimeoutError()  # what aiohttp raises when `total` runs out
        await request_in_flight(describe_request(method, str(url), sim.latency), sim)
        return ClientResponse(sim)

    def request(self, method: str, url: Any, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self, method, url, kwargs)

    def get(self, url: Any, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self, "GET", url, kwargs)

    def post(self, url: Any, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self, "POST", url, kwargs)

    def put(self, url: Any, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self, "PUT", url, kwargs)

    def delete(self, url: Any, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self, "DELETE", url, kwargs)

    async def close(self) -> None:
        self.closed = True

    async def __aenter__(self) -> ClientSession:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()
