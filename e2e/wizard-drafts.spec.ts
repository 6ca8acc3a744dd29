import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, pick, signIn, uniqueReference } from "./helpers";

const SITE = "AxisFI Onboarding";

async function startDraft(page: Page): Promise<string> {
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
  return page.url().match(/drf_[0-9a-f]{32}/)![0];
}

/** Saves the company step of a Singapore business. */
async function saveSingaporeCompany(page: Page, name: string) {
  await page.getByLabel("Business name (English)").fill(name);
  await page.getByLabel("Registration number").fill("201912345K");
  await pick(page, "Country of registration", "Singapore", /^Singapore/);
  await page.getByLabel("Your reference for this customer").fill(uniqueReference());
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
});

test("phone numbers are taken as people type them, completed by the country chosen, with errors that say what is wrong", async ({
  page,
}) => {
  const draftId = await startDraft(page);
  await saveSingaporeCompany(page, "Lion City Traders Pte Ltd");
  await page.goto(`/onboarding/${draftId}/contact`);
  await expect(page.getByRole("heading", { level: 1, name: "Primary contact" })).toBeVisible();
  await expect(page).toHaveTitle(`Primary contact (step 4 of 6) · ${SITE}`);

  const country = page.getByRole("combobox", { name: "Phone country" });
  const phone = page.getByRole("textbox", { name: "Contact phone" });
  // The registration country is the first choice.
  await expect(country).toHaveValue("SG");
  await page.getByLabel("Contact email").fill("ops@lioncity.example");

  // A national number that is too short: completed with +65, and refused as not a Singapore number.
  await phone.fill("6222 334");
  await phone.blur();
  await expect(phone).toHaveValue("+65 6222 334");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(phone).toHaveAccessibleDescription(/This is not a valid Singapore number\./);

  // Without a country, a national number cannot be read: the message says what to add.
  await country.selectOption({ label: "No country (number typed with +)" });
  await phone.fill("62223344");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(phone).toHaveAccessibleDescription(/Enter the number with its country code, like \+65 6222 3344\./);

  // Written with dashes and its country code: accepted.
  await phone.fill("+65-6222-3344");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Legal representatives" })).toBeVisible();

  // A US number typed the American way, with the country chosen, then Enter.
  await page.goto(`/onboarding/${draftId}/contact`);
  await expect(phone).toHaveValue("+65-6222-3344");
  await page.getByRole("combobox", { name: "Phone country" }).selectOption("US");
  await phone.fill("(415) 555-0100");
  await phone.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Legal representatives" })).toBeVisible();
  await page.goto(`/onboarding/${draftId}/contact`);
  await expect(phone).toHaveValue("+1 415 555 0100");
});

test("steps are counted alike everywhere, the step page sums up what is done, and a draft can be discarded after confirming", async ({
  page,
}) => {
  const name = `Discard Me ${uniqueReference().slice(4, 17)} Pte Ltd`;
  const draftId = await startDraft(page);
  await expect(page).toHaveTitle(`Company (step 1 of 6) · ${SITE}`);
  await expect(page.getByText("Step 1 of 6", { exact: true })).toBeVisible();
  await saveSingaporeCompany(page, name);
  await expect(page.getByText("Step 2 of 6", { exact: true })).toBeVisible();

  // What is done so far, without the registration number.
  const summary = page.getByRole("region", { name: "Done so far" });
  await expect(summary.getByRole("link", { name })).toBeVisible();
  await expect(summary.getByText("Singapore")).toBeVisible();
  await expect(summary).not.toContainText("201912345K");

  await page.goto("/onboarding");
  await expect(page).toHaveTitle(`Onboarding · ${SITE}`);
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
  await expect(row).toContainText("Next: step 2 of 6, Registration address");

  // Keep first: nothing changes.
  await row.getByRole("button", { name: `Discard draft ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Discard this draft?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(name);
  await expect(dialog.getByRole("button", { name: "Keep draft" })).toBeFocused();
  await dialog.getByRole("button", { name: "Keep draft" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: `Discard draft ${name}` })).toBeFocused();
  await expect(page.getByRole("link", { name })).toBeVisible();

  await row.getByRole("button", { name: `Discard draft ${name}` }).click();
  await dialog.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  // The draft is gone, not hidden.
  const gone = await page.goto(`/onboarding/${draftId}/address`);
  expect(gone?.status()).toBe(404);
});

test("leaving a step with unsaved typing asks first, by link or by closing the page", async ({ page }) => {
  await startDraft(page);
  await saveSingaporeCompany(page, "Unsaved Changes Pte Ltd");

  // Nothing typed: Back just goes back.
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Company" })).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();

  await page.getByLabel("City").fill("Singapore");
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "Back" }).click();
  await expect.poll(() => asked).toEqual(["This step has changes that are not saved. Leave without saving them?"]);
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await expect(page.getByLabel("City")).toHaveValue("Singapore");

  // The progress bar's links ask too; accepting leaves.
  page.once("dialog", (dialog) => void dialog.accept());
  await page
    .getByRole("navigation", { name: "Onboarding progress" })
    .getByRole("link", { name: /Company/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Company" })).toBeVisible();

  // Closing (or reloading) the page with typing unsaved gets the browser's own question.
  await page.getByLabel("Website").fill("https://www.example.com");
  const beforeUnload = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await beforeUnload;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
});

test("hosted and back-office pages have a title of their own, and the portal has a favicon", async ({ page }) => {
  const icon = await page.request.get("/icon.svg");
  expect(icon.ok()).toBe(true);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await page.goto("/onboarding");
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", /icon\.svg/);
  for (const [path, title] of [
    ["/customers", /^Customers · /],
    ["/docs/api", /^Partner API reference · /],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
  }
});

test("the business's hosted wizard names its step in the title", async ({ page, request, baseURL }) => {
  const created = await request.post("/api/onboarding_links", {
    // The demo partner's fixed key pair (README, "Try the API"), seeded in the test server's database.
    headers: {
      "X-API-Key": "pk_demo_axisfi_0000000000000000",
      "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
    },
    data: {
      partner_customer_id: uniqueReference(),
      return_url: `${baseURL}/api/health?returned=1`,
      refresh_url: `${baseURL}/api/health?refresh=1`,
    },
  });
  expect(created.status()).toBe(200);
  await page.goto(((await created.json()) as { url: string }).url);
  await expect(page).toHaveURL(/\/onboard\/session\/company$/);
  // The hosted pages are the business's: the step, without the portal's name.
  await expect(page).toHaveTitle(/^Company \(step 1 of 6\)/);
});
