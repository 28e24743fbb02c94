"""Drive headless Chromium over the DevTools protocol (a pipe, no network) to test and screenshot scorecards."""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import struct
import subprocess
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Browser", "Page", "find_chromium", "launch", "png_stats"]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    # Belt and braces: even if a page asked for a URL, no name would resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)


# WCAG 2.1 A and AA, and axe's best practices.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")


def find_chromium() -> str | None:
    """Return the Chromium executable, or None when it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    """Chromium failed, answered with an error, or did not answer in time."""


@dataclass
class Page:
    """One tab: send commands to it and read the requests it made."""

    browser: Browser
    session: str
    requests: list[str] = field(default_factory=list)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command to this tab and return its result."""
        return self.browser.send(method, session=self.session, **params)

    def goto(self, url: str, timeout: float = 15.0) -> None:
        """Navigate and wait for the load event."""
        self.browser.events.clear()
        self.send("Page.navigate", url=url)
        self.browser.wait_event("Page.loadEventFired", self.session, timeout)

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page (the test's own probe; the page itself needs none)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def audit(self, axe_source: str, tags: tuple[str, ...] = AXE_TAGS) -> list[dict[str, Any]]:
        """Run axe-core (its source given) on the page; return its violations, each with the nodes it found."""
        self.evaluate(axe_source)
        options = json.dumps({"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]})
        expression = (
            f"axe.run(document, {options}).then(r => r.violations.map(v => ({{id: v.id, impact: v.impact,"
            " help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))"
        )
        result = self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True, timeout=60)
        if "exceptionDetails" in result:
            raise BrowserError(f"axe failed: {result['exceptionDetails']}")
        violations: list[dict[str, Any]] = result["result"]["value"]
        return violations

    def dom(self) -> str:
        """Return the rendered DOM as HTML."""
        return str(self.evaluate("document.documentElement.outerHTML"))

    def viewport(self, width: int, height: int, *, mobile: bool = False, dark: bool = False) -> None:
        """Set the window size, phone emulation and colour scheme."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        scheme = "dark" if dark else "light"
        self.send("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": scheme}])

    def screenshot(self, path: Path | None = None, *, max_height: int | None = None, scale: float = 1.0) -> bytes:
        """Return (and save, given a path) a PNG of the page's top ``max_height`` pixels (default: the viewport)."""
        width = int(self.evaluate("document.documentElement.clientWidth"))
        height = int(self.evaluate("window.innerHeight"))
        if max_height:
            height = min(int(self.evaluate("document.documentElement.scrollHeight")), max_height)
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}
        reply = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)
        data = base64.b64decode(reply["data"])
        if path is not None:
            path.write_bytes(data)
        return data


class Browser:
    """A Chromium process spoken to over ``--remote-debugging-pipe`` (fds 3 and 4)."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_child, self._to_browser = os.pipe()
        self._from_browser, from_child = os.pipe()

        def wire() -> None:  # runs in the child: Chromium reads fd 3 and writes fd 4
            high_in, high_out = os.dup(to_child), os.dup(from_child)  # the pipes may already sit on 3 or 4
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            close_fds=False,
        )
        os.close(to_child)
        os.close(from_child)
        self._ids = iter(range(1, 1 << 30))
        self._replies: dict[int, dict[str, Any]] = {}
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self.requests: list[tuple[str, str]] = []  # (session, url) of every request any page attempted
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Split the browser's output into JSON messages."""
        buffer = b""
        with os.fdopen(self._from_browser, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    self._inbox.put(json.loads(raw))
        self._inbox.put(None)

    def _pump(self, deadline: float) -> None:
        """Take one message off the pipe and file it as a reply or an event."""
        try:
            message = self._inbox.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return
        if message is None:
            raise BrowserError("Chromium closed the DevTools pipe")
        if "id" in message:
            self._replies[message["id"]] = message
            return
        self.events.append(message)
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append((message.get("sessionId", ""), message["params"]["request"]["url"]))

    def send(self, method: str, *, session: str | None = None, timeout: float = 15.0, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its reply."""
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while number not in self._replies:
            if time.monotonic() > deadline:
                raise BrowserError(f"{method}: no answer from Chromium within {timeout} s")
            self._pump(deadline)
        reply = self._replies.pop(number)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def wait_event(self, method: str, session: str, timeout: float) -> dict[str, Any]:
        """Wait for an event of one tab."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            if time.monotonic() > deadline:
                raise BrowserError(f"no {method} within {timeout} s")
            self._pump(deadline)

    def new_page(self) -> Page:
        """Open a tab that records its network requests."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Network", "Runtime"):
            page.send(f"{domain}.enable")
        return page

    def page_requests(self, page: Page) -> list[str]:
        """Return the URLs a tab asked for so far."""
        return [url for session, url in self.requests if session == page.session]

    def close(self) -> None:
        """Ask Chromium to quit, then make sure it has."""
        with suppress(BrowserError, OSError):
            self.send("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._to_browser)


@contextmanager
def launch(executable: str | None = None) -> Iterator[Browser]:
    """Start headless Chromium with a throw-away profile."""
    executable = executable or find_chromium()
    if executable is None:
        raise BrowserError("chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="okrlint-chromium-") as profile:
        browser = Browser(executable, Path(profile))
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class PngStats:
    """Size and colour spread of a decoded PNG."""

    width: int
    height: int
    distinct_colours: int
    luma_stddev: float


def png_stats(data: bytes) -> PngStats:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG in pure Python and measure its pixels."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    colours: set[bytes] = set()
    total = total_sq = 0.0
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        _unfilter(kind, line, previous, bpp)
        previous = line
        for x in range(0, stride, bpp * 4):  # every 4th pixel is plenty
            r, g, b = line[x], line[x + 1], line[x + 2]
            colours.add(bytes((r, g, b)))
            luma = 0.299 * r + 0.587 * g + 0.114 * b
            total += luma
            total_sq += luma * luma
    n = height * len(range(0, stride, bpp * 4))
    mean = total / n
    return PngStats(width, height, len(colours), max(0.0, total_sq / n - mean * mean) ** 0.5)


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> None:
    """Undo one PNG scanline filter in place."""
    if kind == 0:
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            corner = previous[i - bpp] if i >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        else:
            raise ValueError(f"bad PNG filter {kind}")
