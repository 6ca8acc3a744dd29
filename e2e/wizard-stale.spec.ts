import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, documentFixture, pick, signIn, uniqueReference } from "./helpers";

async function startDraft(page: Page): Promise<string> {
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
  return page.url().match(/drf_[0-9a-f]{32}/)![0];
}

async function fillRequiredCompany(page: Page, name: string) {
  await page.getByLabel("Business name (English)").fill(name);
  await page.getByLabel("Registration number").fill("91310000MA1FL4TQ2X");
  await pick(page, "Country of registration", "United States", /^United States of America/);
  await page.getByLabel("Your reference for this customer").fill(uniqueReference());
}

async function fillAddress(page: Page, line: string) {
  await page.getByLabel("Address line").fill(line);
  await page.getByLabel("City").fill("San Francisco");
  await pick(page, "Country", "united states", /^United States of America/);
}

function progressStep(page: Page, title: string) {
  return page.getByRole("navigation", { name: "Onboarding progress" }).getByRole("listitem").filter({ hasText: title });
}

/**
 * Opens a wizard page and waits until it has asked for the draft's current version, so the
 * test decides when the page becomes stale, not the order two requests happen to land in.
 */
async function openChecked(page: Page, path: string) {
  const checked = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined,
  );
  await page.goto(path);
  await checked;
}

test("Back after saving shows each step as saved, and the progress bar shows it done", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  await fillRequiredCompany(page, "Back Button Trading");
  await page.getByLabel("Business name (local language)").fill("回退贸易有限公司");
  await page.getByLabel("Website").fill("https://back.example.com");
  await page.getByLabel("Add a registration document").setInputFiles(documentFixture("registration.pdf"));
  await expect(page.getByText("registration.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await fillAddress(page, "1 Market Street");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account usage" })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await expect(page.getByLabel("Address line")).toHaveValue("1 Market Street");
  await expect(progressStep(page, "Registration address")).toContainText("(current step, complete)");
  await expect(progressStep(page, "Company")).toContainText("(complete)");

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Company" })).toBeVisible();
  await expect(page.getByLabel("Business name (English)")).toHaveValue("Back Button Trading");
  await expect(page.getByLabel("Business name (local language)")).toHaveValue("回退贸易有限公司");
  await expect(page.getByLabel("Website")).toHaveValue("https://back.example.com");
  await expect(page.getByText("registration.pdf")).toBeVisible();
  await expect(progressStep(page, "Company")).toContainText("(current step, complete)");
  await expect(progressStep(page, "Registration address")).toContainText("(complete)");

  // Saving the page reached by Back keeps what was saved before.
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await page.getByRole("link", { name: /^Company/ }).click();
  await expect(page.getByLabel("Website")).toHaveValue("https://back.example.com");
  await expect(page.getByLabel("Business name (local language)")).toHaveValue("回退贸易有限公司");
  await expect(page.getByText("registration.pdf")).toBeVisible();
});

test("a save from a stale second tab is refused with a way to reload, and loses nothing", async ({ page, context }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const draftId = await startDraft(page);
  await fillRequiredCompany(page, "First Tab Trading");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();

  const second = await context.newPage();
  await openChecked(second, `/onboarding/${draftId}/company`);
  await expect(second.getByLabel("Business name (English)")).toHaveValue("First Tab Trading");

  // The first tab changes the company after the second tab loaded it.
  await page.getByRole("link", { name: /^Company/ }).click();
  await page.getByLabel("Website").fill("https://first-tab.example.com");
  await page.getByLabel("Business name (local language)").fill("第一贸易");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();

  await second.getByLabel("Business name (English)").fill("Second Tab Trading");
  await second.getByRole("button", { name: "Save and continue" }).click();
  const refusal = second.getByRole("alert").filter({ hasText: "changed in another tab" });
  await expect(refusal).toBeVisible();
  await expect(second.getByRole("heading", { level: 1, name: "Company" })).toBeVisible();

  await refusal.getByRole("button", { name: "Reload" }).click();
  await expect(second.getByLabel("Website")).toHaveValue("https://first-tab.example.com");
  await expect(second.getByLabel("Business name (local language)")).toHaveValue("第一贸易");
  await expect(second.getByLabel("Business name (English)")).toHaveValue("First Tab Trading");
  await expect(refusal).toHaveCount(0);

  // After reloading, the second tab saves over the current draft.
  await second.getByLabel("Business name (English)").fill("Second Tab Trading");
  await second.getByRole("button", { name: "Save and continue" }).click();
  await expect(second.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await page.goto(`/onboarding/${draftId}/company`);
  await expect(page.getByLabel("Business name (English)")).toHaveValue("Second Tab Trading");
  await expect(page.getByLabel("Website")).toHaveValue("https://first-tab.example.com");
});

test("Forward to a page another tab has saved since shows it as saved there", async ({ page, context }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const draftId = await startDraft(page);
  await fillRequiredCompany(page, "Two Tabs Trading");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  // The router keeps both pages for Back and Forward.
  await page.getByRole("link", { name: /^Company/ }).click();
  await expect(page.getByLabel("Website")).toHaveValue("");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();

  const second = await context.newPage();
  await openChecked(second, `/onboarding/${draftId}/company`);
  await second.getByLabel("Website").fill("https://second-tab.example.com");
  await second.getByRole("button", { name: "Save and continue" }).click();
  await expect(second.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();

  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "Company" })).toBeVisible();
  await expect(page.getByLabel("Website")).toHaveValue("https://second-tab.example.com");
});
