"""The network page of a build in headless Chromium (issue #19): how long until it is ready, what
it draws by type, how long a neighbourhood and Back take; optionally the screenshots in docs/.

    python bench/page.py BUILD_FOLDER [--runs 3] [--name NAME] [--province NAME] [--shots DIR]

Each run is a new browser, so nothing is cached between runs. "Ready" is the page's own signal
(window.kgReady: the first drawing with the nodes in place), the time the page records with it
(performance.now(), from navigation), and the wall-clock time from asking the browser to
navigate until the signal is seen. The name and province default to the drawn entity (not a region) and the
drawn province with the most edges on the page. Needs chromium and chromedriver (as tests/test_browser.py).
"""
from __future__ import annotations

import argparse
import shutil
import time
from collections import Counter
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--window-size=1300,900"):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def until(d, script: str, seconds: float = 60) -> float:
    t = time.perf_counter()
    while not d.execute_script(script):
        if time.perf_counter() - t > seconds:
            raise SystemExit(f"page never satisfied: {script}")
        time.sleep(0.02)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build", type=Path, help="a kg build output folder (its graph.html)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--name", default="", help="whose panel to show (default: the drawn non-region node with the most drawn edges)")
    ap.add_argument("--province", default="", help="whose neighbourhood to show")
    ap.add_argument("--shots", type=Path, help="write graph-overview/panel/neighbourhood.png here")
    args = ap.parse_args()
    if not (CHROMIUM and DRIVER):
        raise SystemExit("needs chromium and chromedriver")
    page = (args.build / "graph.html").resolve()
    print(f"{page}: {page.stat().st_size / 1e6:.1f} MB; load average {open('/proc/loadavg').read().split()[:3]}")
    for run in range(args.runs):
        d = browser()
        try:
            t0 = time.perf_counter()
            d.get(page.as_uri())
            until(d, "return window.kgReady === true")
            wall = time.perf_counter() - t0  # from asking the browser to navigate, polled every 20 ms
            ready = d.execute_script("return window.kgTimes.ready / 1000")  # set with kgReady, from navigation
            types = Counter(d.execute_script("return nodes.get().map(function (n) { return n.kind; })"))
            n_edges = d.execute_script("return edges.length")
            print(f"run {run + 1}: ready {ready:.2f} s by the page's clock, {wall:.2f} s by ours; {sum(types.values())} nodes, {n_edges} edges: "
                  + ", ".join(f"{t} {c}" for t, c in sorted(types.items())))
            if run == 0:
                official = args.name or d.execute_script(
                    "var deg = {}; edges.get().forEach(function (e) { deg[e.from] = (deg[e.from] || 0) + 1; "
                    "deg[e.to] = (deg[e.to] || 0) + 1; });"
                    "var c = nodes.get().filter(function (n) { return n.kind !== 'Region'; });"
                    "c.sort(function (a, b) { return (deg[b.id] || 0) - (deg[a.id] || 0) || (a.label < b.label ? -1 : 1); });"
                    "return c.length ? c[0].label : '';")
                province = args.province or d.execute_script(
                    "var deg = {}; edges.get().forEach(function (e) { deg[e.from] = (deg[e.from] || 0) + 1; "
                    "deg[e.to] = (deg[e.to] || 0) + 1; });"
                    "var c = nodes.get().filter(function (n) { return n.kind === 'Region' && /省$|自治区$/.test(n.label); });"
                    "c.sort(function (a, b) { return (deg[b.id] || 0) - (deg[a.id] || 0) || (a.label < b.label ? -1 : 1); });"
                    "return c.length ? c[0].label : '';")
                if args.shots:
                    args.shots.mkdir(parents=True, exist_ok=True)
                    time.sleep(1)
                    d.save_screenshot(str(args.shots / "graph-overview.png"))
                box = d.find_element("id", "kg-search")
                if official:
                    box.send_keys(official + "\n")
                    t = time.perf_counter()
                    until(d, "return getComputedStyle(document.getElementById('kg-panel')).display !== 'none' && document.getElementById('kg-panel').textContent.length > 0")
                    print(f"  panel of {official}: {time.perf_counter() - t:.2f} s")
                    if args.shots:
                        time.sleep(0.5)
                        d.save_screenshot(str(args.shots / "graph-panel.png"))
                    d.find_element("id", "kg-close").click()
                if province:
                    box.clear()
                    box.send_keys(province)
                    t = time.perf_counter()
                    d.find_element("id", "kg-hood").click()
                    until(d, f"return window.kgView === 'neighbourhood:{province}'")
                    drawn = d.execute_script("return nodes.length")
                    print(f"  neighbourhood of {province}: {time.perf_counter() - t:.2f} s, {drawn} nodes")
                    if args.shots:
                        time.sleep(1)
                        d.save_screenshot(str(args.shots / "graph-neighbourhood.png"))
                    t = time.perf_counter()
                    d.find_element("id", "kg-back").click()
                    until(d, "return window.kgView === 'overview'")
                    print(f"  back to the overview: {time.perf_counter() - t:.2f} s")
        finally:
            d.quit()


if __name__ == "__main__":
    main()
