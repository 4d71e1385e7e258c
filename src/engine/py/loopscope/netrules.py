"""The scenario's network settings: base latency, jitter, and per-URL rules.

A scenario may ask for failures on demand (a host that refuses, a request that times
out, a 500, a slow endpoint) so a lesson can show what a program does then. Settings come
from RunOptions.network as parsed JSON; anything malformed is rejected up front with a
message that names the field, rather than being silently ignored during the run.
"""
from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from typing import Any

DEFAULT_LATENCY = 0.1  # seconds, plus up to DEFAULT_JITTER more, seeded
DEFAULT_JITTER = 0.1
ERRORS = ("timeout", "refused")


@dataclass(frozen=True)
class Rule:
    match: str
    status: int | None = None
    latency: float | None = None
    body: bytes | None = None
    content_type: str | None = None
    error: str | None = None

    def matches(self, url: str) -> bool:
        # A pattern with wildcards is a glob over the whole URL; otherwise a prefix, so
        # "https://api.example.com/" covers every path of that host.
        if any(c in self.match for c in "*?["):
            return fnmatch.fnmatchcase(url, self.match)
        return url.startswith(self.match)


@dataclass(frozen=True)
class NetworkSettings:
    latency: float = DEFAULT_LATENCY
    jitter: float = DEFAULT_JITTER
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def rule_for(self, url: str) -> Rule | None:
        """The first rule that matches, in the order the scenario lists them."""
        for rule in self.rules:
            if rule.matches(url):
                return rule
        return None


def parse_settings(raw: Any) -> NetworkSettings:
    if raw is None:
        return NetworkSettings()
    if not isinstance(raw, dict):
        raise ValueError("network settings must be an object")
    latency = _seconds(raw, "latency", DEFAULT_LATENCY, "network")
    jitter = _seconds(raw, "jitter", DEFAULT_JITTER, "network")
    rules = raw.get("rules") or []
    if not isinstance(rules, list):
        raise ValueError("network.rules must be a list")
    return NetworkSettings(latency, jitter, tuple(_rule(r, i) for i, r in enumerate(rules)))


def _rule(raw: Any, index: int) -> Rule:
    where = f"network.rules[{index}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("match"), str) or not raw["match"]:
        raise ValueError(f"{where} needs a 'match' (a URL prefix or glob)")
    error = raw.get("error")
    if error is not None and error not in ERRORS:
        raise ValueError(f"{where}.error must be one of {', '.join(ERRORS)}, got {error!r}")
    status = raw.get("status")
    if status is not None and (not isinstance(status, int) or not 100 <= status <= 599):
        raise ValueError(f"{where}.status must be an HTTP status code, got {status!r}")
    body, content_type = raw.get("body"), raw.get("contentType")
    encoded: bytes | None = None
    if isinstance(body, str):
        encoded = body.encode("utf-8")
    elif body is not None:  # a JSON value given as such is served as JSON
        encoded = json.dumps(body, ensure_ascii=False).encode("utf-8")
        content_type = content_type or "application/json"
    latency = _seconds(raw, "latency", None, where)
    return Rule(raw["match"], status, latency, encoded, content_type, error)


def _seconds(raw: dict[str, Any], key: str, default: float | None, where: str) -> Any:
    value = raw.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError(f"{where}.{key} must be a number of seconds ≥ 0, got {value!r}")
    return float(value)
