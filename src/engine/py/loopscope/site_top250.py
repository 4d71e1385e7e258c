"""A generated "Top 250 films" site, shaped like the ranking pages crawler tutorials parse:
25 films a page, `?start=N` pagination, each title in <span class="title">. The films are
invented; only the page structure follows the tutorials' XPath and regular expressions."""
from __future__ import annotations

from html import escape

PER_PAGE = 25
TOTAL = 250

_FIRST = ("Quiet", "Last", "Paper", "Northern", "Silent", "Golden", "Hidden", "Long", "Red",
          "Winter", "Distant", "Little", "Midnight", "Broken", "Second")
_SECOND = ("Harbor", "Garden", "Letters", "Summer", "Bridge", "Orchard", "Lanterns", "River",
           "Station", "Kingdom", "Voyage", "Echoes", "Mountain", "Window", "Tide", "Archive",
           "Compass")


def film_title(rank: int) -> str:
    """The invented title of the film at 1-based `rank`; unique for ranks 1..250."""
    i = rank - 1
    return f"The {_FIRST[i % len(_FIRST)]} {_SECOND[i // len(_FIRST) % len(_SECOND)]}"


def top250_page(start: int) -> str:
    start = max(0, min(start - start % PER_PAGE, TOTAL - PER_PAGE))
    items = "\n".join(_item(rank) for rank in range(start + 1, start + PER_PAGE + 1))
    links = "\n".join(
        f'<a href="?start={page * PER_PAGE}&amp;filter=">{page + 1}</a>'
        for page in range(TOTAL // PER_PAGE) if page * PER_PAGE != start)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Top 250 films</title></head>
<body>
<div id="content">
<div class="grid-16-8 clearfix">
<div class="article">
<div class="opt">Films {start + 1}-{start + PER_PAGE} of {TOTAL}</div>
<ol class="grid_view">
{items}
</ol>
<div class="paginator">
{links}
</div>
</div>
</div>
</div>
</body>
</html>
"""


def _item(rank: int) -> str:
    year = 1950 + (rank * 7) % 70
    rating = 9.7 - rank * 0.006
    return f"""<li>
<div class="item">
<div class="pic"><em>{rank}</em></div>
<div class="info">
<div class="hd">
<a href="https://movie.example/subject/{100000 + rank}/" class="">
<span class="title">{escape(film_title(rank))}</span>
</a>
</div>
<div class="bd"><p>{year}</p><span class="rating_num">{rating:.1f}</span></div>
</div>
</div>
</li>"""
