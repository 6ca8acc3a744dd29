import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./e2e/chromium";

// The built app on its own port and its own data folder (so its own embedded PostgreSQL), so a
// running app is left alone.
const PORT = Number(process.env.E2E_PORT ?? 8183);
const dataDir = path.join(__dirname, "data", `e2e-${PORT}`);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `rm -rf ${dataDir} && npm run serve`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    // SIGTERM lets the server finish and stop its embedded PostgreSQL (a SIGKILL would leave it running).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      // Always its own embedded PostgreSQL, whatever the shell has set.
      DATABASE_URL: "",
      LOG_REQUESTS: "false",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
