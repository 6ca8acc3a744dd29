/**
 * The JavaScript a browser loads for the wizard's first step (and, for comparison, the sign-in
 * page): every script the page requests, raw and gzip-compressed, measured in Debian's Chromium
 * against the built app on its own port and database.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "@/e2e/chromium";

const root = path.resolve(import.meta.dirname, "..");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-weight-"));
const PORT = 8483;
const BASE = `http://127.0.0.1:${PORT}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(PORT),
  // Its own data folder, so its own embedded PostgreSQL.
  DATABASE_URL: "",
  DATA_DIR: workDir,
  NODE_ENV: "production" as const,
  LOG_REQUESTS: "false",
  NEXT_TELEMETRY_DISABLED: "1",
};

async function scriptWeight(page: Page, url: string): Promise<{ raw: number; gzip: number; files: number }> {
  const bodies: Promise<Buffer>[] = [];
  const listener = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body());
  };
  page.on("response", listener);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("response", listener);
  const all = await Promise.all(bodies);
  return {
    raw: all.reduce((sum, body) => sum + body.length, 0),
    gzip: all.reduce((sum, body) => sum + zlib.gzipSync(body).length, 0),
    files: all.length,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
    execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  const server = spawn("npx", ["tsx", "--tsconfig", "tsconfig.server.json", "server/main.ts"], {
    cwd: root,
    env,
    stdio: "ignore",
    detached: true,
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      if (
        await fetch(`${BASE}/api/health`).then(
          (response) => response.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const page = await browser.newPage();
    const signInWeight = await scriptWeight(page, `${BASE}/sign-in`);
    await page.getByLabel("Email").fill("user@partner.example");
    await page.getByLabel("Password").fill(process.env.DEMO_PASSWORD ?? "demo-password-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${BASE}/`);
    await page.goto(`${BASE}/onboarding`);
    await page.getByRole("button", { name: "Start a new onboarding" }).click();
    await page.waitForURL(/\/company$/);
    const wizardUrl = page.url();
    // A fresh page, so the wizard's first load is measured with an empty cache.
    const fresh = await browser.newContext({ storageState: await page.context().storageState() });
    const wizardWeight = await scriptWeight(await fresh.newPage(), wizardUrl);
    console.log("First-load JavaScript (all scripts the page requests):");
    console.log(
      `  sign-in page          ${kb(signInWeight.raw)} raw, ${kb(signInWeight.gzip)} gzip, ${signInWeight.files} files`,
    );
    console.log(
      `  wizard, company step  ${kb(wizardWeight.raw)} raw, ${kb(wizardWeight.gzip)} gzip, ${wizardWeight.files} files`,
    );
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    // The server stops its PostgreSQL before it exits; the folder goes after that. The process
    // spawned here (npx) may exit before the server's primary has stopped PostgreSQL, and a folder
    // removed first leaves it running with no pid file to stop it by: wait for the pid file to go.
    await new Promise((resolve) => server.once("exit", resolve));
    const pidFile = path.join(workDir, "postgres", "postmaster.pid");
    for (let waited = 0; waited < 60_000 && fs.existsSync(pidFile); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
