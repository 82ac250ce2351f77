#!/bin/sh
# The browser tests (npm run test:e2e, last step of npm test), in Debian's Chromium. A machine
# without it skips them in one line; CI installs it (.ci/run), and there a missing browser fails.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  if [ -n "$CI" ]; then
    echo "browser tests: /usr/bin/chromium is missing (.ci/run should have installed it)" >&2
    exit 1
  fi
  echo "browser tests skipped: no /usr/bin/chromium here (apt-get install chromium fonts-noto-cjk to run them)"
  exit 0
fi
exec npx playwright test -c tests/e2e/playwright.config.ts "$@"
