import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, documentFixture, pick, signIn, uniqueReference } from "./helpers";

async function startDraft(page: Page): Promise<string> {
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
  return page.url().match(/drf_[0-9a-f]{32}/)![0];
}

async function fillCompany(page: Page, name: string, reference = uniqueReference()) {
  await page.getByLabel("Business name (English)").fill(name);
  await page.getByLabel("Business name (local language)").fill("双子贸易有限公司");
  await page.getByLabel("Registration number").fill("91310000MA1FL4TQ2X");
  await pick(page, "Country of registration", "United States", /^United States of America/);
  await page.getByLabel("Registered on").fill("2020-01-15");
  await page.getByLabel("Website").fill("https://www.example.com");
  await page.getByLabel("Your reference for this customer").fill(reference);
}

async function fillAddressUsageContact(page: Page) {
  await page.getByLabel("Address line").fill("1 Market Street");
  await page.getByLabel("City").fill("San Francisco");
  await page.getByLabel("Postcode").fill("94105");
  await pick(page, "Country", "united states", /^United States of America/);
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Account usage" })).toBeVisible();
  await pick(page, "Main operating country", "US", /^United States of America/);
  await page.getByLabel("Industry category").selectOption("5732");
  await page.getByLabel("Goods or services sold").fill("Consumer electronics");
  await pick(page, "Revenue currency", "USD", /US Dollar/);
  await page.getByLabel("Estimated monthly revenue").fill("25000.50");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Primary contact" })).toBeVisible();
  await page.getByLabel("Contact email").fill("finance@gemini.example");
  await page.getByLabel("Contact phone").fill("+14155552671");
  await page.getByRole("button", { name: "Save and continue" }).click();
}

async function fillRepresentative(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Legal representatives" })).toBeVisible();
  await page.getByLabel("First name (English), representative 1").fill("Wei");
  await page.getByLabel("Last name (English), representative 1").fill("Zhang");
  await page.getByLabel("Date of birth, representative 1").fill("1985-11-07");
  await pick(page, "Nationality, representative 1", "CN", /China/);
  await page.getByLabel("ID number, representative 1").fill("E12345678");
  await pick(page, "ID issuing country, representative 1", "CN", /China/);
  await page.getByLabel("ID document front, representative 1").setInputFiles(documentFixture("id-front.png"));
  await expect(page.getByText("id-front.png")).toBeVisible();
  await page.getByLabel("ID document back, representative 1").setInputFiles(documentFixture("id-back.jpg"));
  await expect(page.getByText("id-back.jpg")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();
}

test("a partner user completes the wizard with uploads and sees the customer in the list", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  await fillCompany(page, "Gemini Trading Limited");
  await page.getByLabel("Add a registration document").setInputFiles(documentFixture("registration.pdf"));
  await expect(page.getByText("registration.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await fillAddressUsageContact(page);
  await fillRepresentative(page);

  await expect(page.getByRole("heading", { level: 1, name: "Review and submit" })).toBeVisible();
  await expect(page.getByText("Gemini Trading Limited")).toBeVisible();
  await expect(page.getByText("E12345678")).toHaveCount(0);
  await page.getByRole("button", { name: "Submit for review" }).click();

  await expect(page.getByRole("heading", { name: "Customer submitted for review" })).toBeVisible();
  const customerId = (await page.getByTestId("customer-id").textContent())!.trim();
  expect(customerId).toMatch(/^cus_[0-9a-f]{32}$/);
  await expect(page.getByText("Pending")).toBeVisible();

  await page.getByRole("link", { name: "See your customers" }).click();
  const row = page.getByRole("row", { name: new RegExp(customerId) });
  await expect(row).toContainText("Gemini Trading Limited");
  await expect(row).toContainText("Pending");
});
