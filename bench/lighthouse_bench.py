"""Lighthouse (mobile, simulated throttling) on the pages people land on, served for real.

Usage: .venv/bin/python bench/lighthouse_bench.py [--lighthouse PATH] [--runs 3]
PATH defaults to `npx --yes lighthouse@12` (npm registry needed once); Chromium from
/usr/bin/chromium. Serves the built-in catalog with `repforge serve` in production mode on
127.0.0.1, runs each page `runs` times and prints the median performance score, LCP, CLS and
bytes transferred beside the targets (performance >= 95, exercise page under 60 KiB).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script or a module

from bench.loadgen import free_port, wait_up

PAGES = ("/exercise/glute-ham-raise", "/exercises/legs", "/search?q=hamstring", "/")


def audit(command: list[str], url: str, out: Path) -> dict[str, float] | None:
    """One Lighthouse run; None when Chromium failed to record (Lighthouse says to retry)."""
    flags = "--headless=new --no-sandbox"
    args = [*command, url, "--only-categories=performance", f"--chrome-flags={flags}"]
    args += ["--output=json", f"--output-path={out}", "--quiet"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(args, env=env, check=False, capture_output=True, timeout=300)
    try:
        report = json.loads(out.read_text())
    except (OSError, json.JSONDecodeError):
        return None
    score = report["categories"]["performance"]["score"]
    if score is None:
        return None
    audits = report["audits"]
    return {
        "score": score * 100,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lighthouse", default="npx --yes lighthouse@12")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    command = shlex.split(args.lighthouse)
    with tempfile.TemporaryDirectory() as data_dir:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "REPFORGE_DATA_DIR": data_dir,
            "REPFORGE_ENVIRONMENT": "production",
            "REPFORGE_SECRET_KEY": secrets.token_urlsafe(40),
            "REPFORGE_BASE_URL": base,
            "REPFORGE_LOG_LEVEL": "WARNING",
        }
        repforge = str(Path(sys.executable).parent / "repforge")
        server = subprocess.Popen([repforge, "serve", "--port", str(port)], env=env)
        try:
            wait_up(base + "/healthz")
            for page in PAGES:
                found = []
                for _ in range(args.runs * 2):  # room for Chromium's occasional failed trace
                    result = audit(command, base + page, Path(data_dir) / "report.json")
                    if result is not None:
                        found.append(result)
                    if len(found) == args.runs:
                        break
                if not found:
                    print(f"{page:28s} no result (Lighthouse failed every run)")
                    continue

                def med(key: str, runs: list[dict[str, float]] = found) -> float:
                    return statistics.median(r[key] for r in runs)

                print(
                    f"{page:28s} performance {med('score'):5.1f} (min "
                    f"{min(r['score'] for r in found):.0f}, {len(found)} runs)  LCP "
                    f"{med('lcp_s'):.2f} s  CLS {med('cls'):.3f}  {med('kib'):.0f} KiB"
                )
            print("targets: performance >= 95 on every page; the exercise page under 60 KiB")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
