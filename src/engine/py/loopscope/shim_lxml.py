"""Enough of `lxml.etree` for crawler tutorials: etree.HTML(text), element.xpath(path) for
the path forms ElementTree understands (//, *, [@attr="v"], [n], /text(), /@attr),
element.find/findall/get/text. Built on the standard library's ElementTree."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


class _Element(ET.Element):
    def xpath(self, path: str) -> list[Any]:
        want_text = path.endswith("/text()")
        attribute = None
        if want_text:
            path = path[: -len("/text()")]
        elif "/@" in path.rsplit("[", 1)[-1]:
            path, attribute = path.rsplit("/@", 1)
        if path.startswith("/"):
            path = "." + path  # from this element, as lxml does from the document root
        try:
            found = self.findall(path)
        except SyntaxError as e:
            raise XPathEvalError(f"Loopscope's lxml supports ElementTree paths only: {e}") from None
        if want_text:
            return [el.text for el in found if el.text is not None]
        if attribute is not None:
            return [el.get(attribute) for el in found if el.get(attribute) is not None]
        return found


class XPathEvalError(Exception):
    pass


class _TreeBuilder(HTMLParser):
    """Lenient HTML → element tree: void tags close themselves, stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._builder = ET.TreeBuilder(element_factory=_Element)
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._builder.start(tag, {k: v or "" for k, v in attrs})
        if tag in _VOID:
            self._builder.end(tag)
        else:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._builder.start(tag, {k: v or "" for k, v in attrs})
        self._builder.end(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._open:
            return
        while self._open:
            closing = self._open.pop()
            self._builder.end(closing)
            if closing == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open:
            self._builder.data(data)

    def root(self) -> _Element:
        self.close()
        while self._open:
            self._builder.end(self._open.pop())
        return self._builder.close()  # type: ignore[return-value]


class _Etree:
    """The `lxml.etree` module's face."""

    XPathEvalError = XPathEvalError

    @staticmethod
    def HTML(text: str | bytes) -> _Element:  # noqa: N802 - lxml's own name
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        parser = _TreeBuilder()
        parser.feed("<html>" + text + "</html>" if "<html" not in text.lower() else text)
        return parser.root()

    @staticmethod
    def tostring(element: _Element, encoding: Any = None) -> Any:
        return ET.tostring(element, encoding=encoding or "us-ascii")


etree = _Etree()
