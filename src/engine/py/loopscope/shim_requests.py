"""`requests` on the simulated network. Calls block the thread for the response's
latency, as the real library does: inside a coroutine they freeze the whole loop."""
from __future__ import annotations

import json as _json
from typing import Any

from .network import SimResponse
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
            **_ignored: Any) -> Response:
    world = current_world()
    try:
        sim = world.network.fetch(method, url, params=params, data=data, json_body=json)
    except ValueError as e:
        raise RequestException(str(e)) from None
    return Response(blocking_request(method, url, sim, f"requests.{method.lower()}"))


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
                                     "ConnectionError": ConnectionError, "Timeout": Timeout})
