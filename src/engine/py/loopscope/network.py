"""The simulated network: every http(s) URL answers, after a latency, in virtual time.

Latency is seeded per run, so a scenario replays the same way. A few hosts the tutorials
use behave like the real services: httpbin.org/delay/N waits N seconds, /status/N
answers N, /get echoes the request as JSON; movie.douban.com/top250 serves a generated
ranking with the page structure the crawler tutorials parse.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .site_api import api_body
from .netrules import NetworkSettings, Rule, parse_settings

# How long a connection attempt to a host that never answers lasts before the OS gives
# up (Linux: SYN retries 1+2+4+…+64 s), unless the client's own timeout is shorter.
OS_CONNECT_TIMEOUT = 127.0
LOCAL_LATENCY = 0.001  # one way, between two ends inside the program (localhost)


@dataclass
class SimResponse:
    url: str
    method: str
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes
    latency: float
    encoding: str = "utf-8"
    history: list[Any] = field(default_factory=list)


_REASONS = {200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently",
            400: "Bad Request", 403: "Forbidden", 404: "Not Found",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}


class NetworkFailure(Exception):
    """A rule made this host refuse or never answer; each client raises its own error."""

    def __init__(self, kind: str, url: str, after: float) -> None:
        super().__init__(f"{kind}: {url}")
        self.kind = kind  # "refused" | "timeout"
        self.url = url
        self.after = after  # seconds until the failure shows (the OS timeout for "timeout")


class Network:
    def __init__(self, seed: int, settings: Any = None) -> None:
        self._rng = random.Random(seed * 7919 + 17)
        self.settings: NetworkSettings = parse_settings(settings)
        self.requests = 0

    def _latency(self, rule: Rule | None) -> float:
        # Drawn even when a rule fixes the latency, so adding a rule for one URL does
        # not change the latencies of all the others.
        drawn = self.settings.latency + self._rng.uniform(0, self.settings.jitter)
        return round(rule.latency if rule is not None and rule.latency is not None else drawn, 3)

    def dial(self, scheme: str, host: str, port: int) -> float:
        """Time to open a TCP connection to a remote host (one round trip of the handshake);
        raises NetworkFailure when a rule makes that host refuse or never answer."""
        default = {"http": 80, "https": 443}.get(scheme)
        origin = f"{scheme}://{host}" + ("" if port == default else f":{port}") + "/"
        rule = self.settings.rule_for(origin)
        half = round(self.settings.latency / 2 + self._rng.uniform(0, self.settings.jitter / 2), 3)
        if rule is not None and rule.error is not None:
            raise NetworkFailure(rule.error, origin, _failure_delay(rule, half))
        return half

    def fetch(self, method: str, url: str, params: Any = None, data: Any = None,
              json_body: Any = None) -> SimResponse:
        """The response to a request, and how long it takes. Raises ValueError for a bad URL."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"Invalid URL {url!r}: only http(s) URLs reach the simulated network")
        self.requests += 1
        query = dict(parse_qsl(parts.query))
        if isinstance(params, dict):
            query.update({str(k): str(v) for k, v in params.items()})
        rule = self.settings.rule_for(url)
        latency = self._latency(rule)
        if rule is not None and rule.error is not None:
            raise NetworkFailure(rule.error, url, _failure_delay(rule, latency))
        status = 200
        host, path = parts.hostname, parts.path or "/"
        if host.endswith("httpbin.org"):
            delay = re.fullmatch(r"/delay/(\d+(?:\.\d+)?)", path)
            status_match = re.fullmatch(r"/status/(\d{3})", path)
            if delay:
                latency += min(float(delay.group(1)), 10.0)
            if status_match:
                status = int(status_match.group(1))
            body = json.dumps({"args": query, "headers": {"Host": host}, "origin": "10.0.0.2",
                               "url": url, "json": json_body, "data": _text(data)}, indent=2)
            content_type = "application/json"
        elif host == "movie.douban.com" and path.rstrip("/") == "/top250":
            from .site_top250 import top250_page  # only the crawler lessons need it
            body = top250_page(int(query.get("start", "0") or 0))
            content_type = "text/html; charset=utf-8"
        elif (api := api_body(host, path, query)) is not None:
            body, content_type = api, "application/json"
        elif path.endswith(".json") or host.startswith("api.") or "/api/" in path:
            body = json.dumps({"url": url, "args": query, "ok": True})
            content_type = "application/json"
        else:
            body = (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{host}{path}"
                    f"</title></head>\n<body><h1>{host}</h1><p>A simulated page for {path}."
                    "</p></body></html>\n")
            content_type = "text/html; charset=utf-8"
        encoded = body.encode("utf-8")
        if rule is not None:
            status = rule.status if rule.status is not None else status
            if rule.body is not None:
                encoded = rule.body
                content_type = rule.content_type or content_type
        headers = {"Content-Type": content_type, "Content-Length": str(len(encoded)),
                   "Server": "loopscope-simulated"}
        return SimResponse(url, method.upper(), status, _REASONS.get(status, ""), headers,
                           encoded, latency)


def _failure_delay(rule: Rule, latency: float) -> float:
    if rule.latency is not None:
        return rule.latency
    # A refusal comes back after one round trip; a host that never answers is given up
    # on by the OS.
    return latency if rule.error == "refused" else OS_CONNECT_TIMEOUT


def _text(data: Any) -> str | None:
    if data is None:
        return None
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)


def describe_request(method: str, url: str, latency: float) -> str:
    return f"{method.upper()} {url} ({latency * 1000:.0f} ms)"
