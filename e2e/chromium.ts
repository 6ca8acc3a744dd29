import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium, as browser tests and the page-weight benchmark launch it. Playwright's own
 * browser download cannot be reached here; the flags keep Chromium off a network it cannot use.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
