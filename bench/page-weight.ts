/**
 * The JavaScript a browser loads for each wizard step (and, for comparison, the sign-in page):
 * every script the page requests on a cold load (an empty cache), raw and gzip-compressed,
 * measured in Debian's Chromium against the built app on its own port and database. The steps are
 * filled in on the way, so that every step (the review too) shows as it does to a person. Each
 * wizard page also carries the text catalogs the wizard hands the browser (CLIENT_NAMESPACES.wizard),
 * counted in the language where they weigh most, and the total is held to the budget.
 * tests/page-weight.test.ts holds each step to the budget with the same figures, computed from the
 * build's manifests.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "@/e2e/chromium";
import { pick } from "@/e2e/helpers";
import { clientCatalogWeight } from "./first-load";
import { WIZARD_STEPS, type WizardStep } from "@/lib/onboarding/wizard-steps";

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

/** Fills in a step as a person would and saves it, so that the next steps and the review open. */
async function completeStep(page: Page, step: WizardStep): Promise<void> {
  const label = (text: string) => page.getByLabel(text, { exact: true });
  if (step === "company") {
    await label("Business name (English)").fill("Gemini Trading Limited");
    await label("Registration number").fill("91310000MA1FL4TQ2X");
    await pick(page, "Country of registration", "United States", /^United States of America/);
    await label("Your reference for this customer").fill(`bench-${Date.now()}`.padEnd(24, "0"));
  } else if (step === "address") {
    await label("Address line").fill("1 Market Street");
    await label("City").fill("San Francisco");
    await pick(page, "Country", "united states", /^United States of America/);
  } else if (step === "usage") {
    await pick(page, "Main operating country", "US", /^United States of America/);
    await pick(page, "Revenue currency", "USD", /US Dollar/);
    await label("Estimated monthly revenue").fill("25000.50");
  } else if (step === "contact") {
    await label("Contact email").fill("finance@gemini.example");
    await label("Contact phone").fill("+14155552671");
  } else if (step === "representatives") {
    // The representative is named by the group's legend; its fields by their own labels.
    const person = page.getByRole("group", { name: "Legal representative 1" });
    await person.getByLabel(/^First name \(English\)/).fill("Wei");
    await person.getByLabel(/^Last name \(English\)/).fill("Zhang");
    await person.getByLabel(/^Date of birth/).fill("1985-11-07");
    await pick(page, /^Nationality/, "CN", /China/);
    await person.getByLabel(/^ID number/).fill("E12345678");
    await pick(page, /^ID issuing country/, "CN", /China/);
  } else return;
  const next = WIZARD_STEPS[WIZARD_STEPS.findIndex((candidate) => candidate.slug === step) + 1].slug;
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForURL(new RegExp(`/${next}$`));
}

/** A step's first load in a fresh context (an empty cache), signed in as `page` is. */
async function coldWeight(browser: Browser, page: Page, url: string) {
  const fresh = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    return await scriptWeight(await fresh.newPage(), url);
  } finally {
    await fresh.close();
  }
}

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
    const base = page.url().replace(/\/company$/, "");
    const rows: [string, Awaited<ReturnType<typeof scriptWeight>>][] = [["sign-in page", signInWeight]];
    for (const step of WIZARD_STEPS) {
      rows.push([`wizard: ${step.slug}`, await coldWeight(browser, page, `${base}/${step.slug}`)]);
      await page.goto(`${base}/${step.slug}`);
      await completeStep(page, step.slug);
    }
    const catalogs = clientCatalogWeight("wizard");
    console.log("First-load JavaScript (every script the page requests, cold cache), and the wizard's catalogs");
    console.log(`(${catalogs.namespaces.join(", ")}; ${catalogs.locale}, the heavier language) on its pages:`);
    console.log(
      `  ${"page".padEnd(26)}${"raw".padStart(11)}${"gzip".padStart(11)}  files${"messages".padStart(11)}${"total".padStart(11)}`,
    );
    for (const [name, weight] of rows) {
      const messages = name.startsWith("wizard:") ? catalogs.gzip : 0;
      console.log(
        `  ${name.padEnd(26)}${kb(weight.raw).padStart(11)}${kb(weight.gzip).padStart(11)}  ${String(weight.files).padEnd(5)}` +
          `${(messages ? kb(messages) : "—").padStart(11)}${kb(weight.gzip + messages).padStart(11)}`,
      );
    }
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
