"""JSON APIs the tutorials call, answered in the shape the real service uses, so the
program's parsing code (`json.loads(text)["data"]["asks"][0]["price"]`) runs as written.

Values are generated from the request, not from a clock or a random source: a scenario
replays the same way, and two requests for the same thing get the same answer.
"""
from __future__ import annotations

import json
import zlib


def api_body(host: str, path: str, query: dict[str, str]) -> str | None:
    """The JSON body for a known API endpoint, or None to fall back to the generic answer."""
    if "mexc" in host and path.rstrip("/").endswith("/market/depth"):
        return _mexc_depth(query.get("symbol", "BTC_USDT"), _int(query.get("depth"), 5))
    return None


def _mexc_depth(symbol: str, depth: int) -> str:
    # MEXC's open API v2: {"code": 200, "data": {"asks": [...], "bids": [...]}}, prices
    # and quantities as strings, asks rising and bids falling from the mid price.
    seed = zlib.crc32(symbol.encode())
    mid = 20000 + seed % 40000 if symbol.upper().startswith("BTC") else 1 + seed % 1000
    depth = max(1, min(depth, 50))

    def level(i: int, side: int) -> dict[str, str]:
        price = mid + side * (i + 1) * 0.5
        quantity = 0.01 + ((seed >> (i % 24)) % 997) / 1000
        return {"price": f"{price:.2f}", "quantity": f"{quantity:.6f}"}

    data = {"asks": [level(i, +1) for i in range(depth)],
            "bids": [level(i, -1) for i in range(depth)]}
    return json.dumps({"code": 200, "data": data})


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
