"""axe-core's WCAG 2.1 A/AA rules on every page of the app in headless Chromium: idle and after Train, in the light and
dark themes, in English and Chinese.  Prints the serious and critical violations by rule (elements, pages) and each
page's own counts; --json keeps every violation.  The browser tests run a bounded part of this
(tests/browser/test_accessibility.py).

    python scripts/axe_sweep.py [--pages softmax names] [--themes light dark] [--langs en zh] [--states idle trained]
                                [--json axe.json]

Needs playwright, axe-playwright-python and /usr/bin/chromium, and the data sets in $DL_CLASSROOM_DATA
(../shared/data when it is not set).  Starts the app on a free loopback port and stops it at the end.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict

from playwright.sync_api import sync_playwright

from apptools import CHROMIUM, CHROMIUM_ARGS, ROOT, running_app

sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]
from a11y import PAGES, axe_violations, count_by_rule, open_page, train_briefly  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", default=PAGES, help="addresses of pages (home: '')")
    parser.add_argument("--themes", nargs="*", default=["light", "dark"], choices=["light", "dark"])
    parser.add_argument("--langs", nargs="*", default=["en", "zh"], choices=["en", "zh"])
    parser.add_argument("--states", nargs="*", default=["idle", "trained"], choices=["idle", "trained"])
    parser.add_argument("--json", help="write every violation found to this file")
    args = parser.parse_args()
    by_rule, pages_by_rule, found = Counter(), defaultdict(set), []
    with running_app() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for theme in args.themes:
            context = browser.new_context(viewport={"width": 1280, "height": 720}, color_scheme=theme)
            tab = context.new_page()
            tab.set_default_timeout(120_000)
            for lang in args.langs:
                for page in args.pages:
                    open_page(tab, url, page, lang)
                    for state in args.states:
                        if state == "trained" and not train_briefly(tab, lang):
                            continue
                        violations = axe_violations(tab)
                        counts = count_by_rule(violations)
                        by_rule.update(counts)
                        for rule in counts:
                            pages_by_rule[rule].add(page or "home")
                        found.append({"page": page or "home", "theme": theme, "lang": lang, "state": state,
                                      "violations": violations})
                        print(f"{page or 'home':22} {theme:5} {lang} {state:7} {sum(counts.values()):4}  "
                              + ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())), flush=True)
            context.close()
        browser.close()
    print(f"\n{len(found)} page states; serious and critical violations by rule (elements, pages):")
    for rule, n in by_rule.most_common():
        print(f"  {rule:40} {n:5}  {len(pages_by_rule[rule])} pages")
    print(f"  {'total':40} {sum(by_rule.values()):5}  {len(set().union(*pages_by_rule.values()))} pages")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(found, out, indent=1)


if __name__ == "__main__":
    main()
