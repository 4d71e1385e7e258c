"""`requests` on the simulated network. Calls block the thread for the response's
latency, as the real library does: inside a coroutine they freeze the whole loop."""
from __future__ import annotations

import json as _json
from typing import Any

from urllib.parse import urlsplit

from .network import NetworkFailure, SimResponse
from .session import current_world
from .simio import blocking_request


class RequestException(OSError):
    pass


class HTTPError(RequestException):
    pass


class ConnectionError(RequestException):  # noqa: A001 - the library's own name
    pass


class Timeout(RequestException):
    pass


class ConnectTimeout(ConnectionError, Timeout):
    pass


class ReadTimeout(Timeout):
    pass


class Response:
    def __init__(self, sim: SimResponse) -> None:
        self._sim = sim
        self.status_code = sim.status
        self.reason = sim.reason
        self.headers = dict(sim.headers)
        self.url = sim.url
        self.content = sim.body
        self.encoding = sim.encoding
        self.elapsed_seconds = sim.latency

    @property
    def ok(self) -> bool:
        return self.status_code < 400

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding, "replace")

    def json(self, **kwargs: Any) -> Any:
        return _json.loads(self.text, **kwargs)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise HTTPError(f"{self.status_code} Error: {self.reason} for url: {self.url}")

    def __repr__(self) -> str:
        return f"<Response [{self.status_code}]>"


def request(method: str, url: str, params: Any = None, data: Any = None, json: Any = None,
            timeout: Any = None, **_ignored: Any) -> Response:
    world = current_world()
    call = f"requests.{method.lower()}({url!r})"
    connect, read = timeout if isinstance(timeout, tuple) else (timeout, timeout)
    try:
        sim = world.network.fetch(method, url, params=params, data=data, json_body=json)
    except ValueError as e:
        raise RequestException(str(e)) from None
    except NetworkFailure as failure:
        # A refusal comes back at once; a host that never answers holds the thread until
        # the client's connect timeout, or the OS's, runs out.
        waited = failure.after if connect is None else min(float(connect), failure.after)
        world.block(f"{call} — {failure.kind}", waited)
        if failure.kind == "timeout" and waited < failure.after:
            raise ConnectTimeout(_pool_error(url, f"ConnectTimeoutError: Connection to {_host(url)} "
                                                  f"timed out. (connect timeout={connect})")) from None
        reason = "[Errno 111] Connection refused" if failure.kind == "refused" \
            else "[Errno 110] Connection timed out"
        raise ConnectionError(_pool_error(url, f"NewConnectionError: Failed to establish a new "
                                               f"connection: {reason}")) from None
    if read is not None and sim.latency > float(read):
        world.block(f"{call} — no answer within {read} s", float(read))
        raise ReadTimeout(f"{_pool(url)}: Read timed out. (read timeout={read})")
    return Response(blocking_request(method, url, sim, f"requests.{method.lower()}"))


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _pool(url: str) -> str:
    parts = urlsplit(url)
    kind = "HTTPSConnectionPool" if parts.scheme == "https" else "HTTPConnectionPool"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{kind}(host={parts.hostname!r}, port={port})"


def _pool_error(url: str, cause: str) -> str:
    path = urlsplit(url).path or "/"
    return f"{_pool(url)}: Max retries exceeded with url: {path} (Caused by {cause})"


def get(url: str, params: Any = None, **kwargs: Any) -> Response:
    return request("GET", url, params=params, **kwargs)


def post(url: str, data: Any = None, json: Any = None, **kwargs: Any) -> Response:
    return request("POST", url, data=data, json=json, **kwargs)


def head(url: str, **kwargs: Any) -> Response:
    return request("HEAD", url, **kwargs)


class Session:
    def __init__(self) -> None:
        self.headers: dict[str, str] = {}

    def request(self, method: str, url: str, **kwargs: Any) -> Response:
        return request(method, url, **kwargs)

    def get(self, url: str, **kwargs: Any) -> Response:
        return request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Response:
        return request("POST", url, **kwargs)

    def close(self) -> None:
        pass

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


exceptions = type("exceptions", (), {"RequestException": RequestException, "HTTPError": HTTPError,
                                     "ConnectionError": ConnectionError, "Timeout": Timeout,
                                     "ConnectTimeout": ConnectTimeout, "ReadTimeout": ReadTimeout})
