import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./e2e/chromium";

// The built app on its own port and its own database, so a running dev server is left alone.
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
    command: `rm -rf ${dataDir} && npm run db:setup && npm run serve`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
      FILE_STORAGE_DIR: path.join(dataDir, "files"),
      LOG_REQUESTS: "false",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
