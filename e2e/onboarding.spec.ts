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
  await page.getByLabel("First name (English)").fill("Wei");
  await page.getByLabel("Last name (English)").fill("Zhang");
  await page.getByLabel("Date of birth").fill("1985-11-07");
  await pick(page, "Nationality", "CN", /China/);
  await page.getByLabel("ID number").fill("E12345678");
  await pick(page, "ID issuing country", "CN", /China/);
  await page.getByLabel("ID document front").setInputFiles(documentFixture("id-front.png"));
  await expect(page.getByText("id-front.png")).toBeVisible();
  await page.getByLabel("ID document back").setInputFiles(documentFixture("id-back.jpg"));
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

test("step errors are shown next to the fields, focus moves to the first, and fixing them lets the user on", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  await page.getByLabel("Website").fill("ftp://example.com");
  await page.getByRole("button", { name: "Save and continue" }).click();

  const name = page.getByLabel("Business name (English)");
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  await expect(page.getByText("Must be a web address starting with http:// or https://.")).toBeVisible();

  await name.fill("张伟贸易");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Must be written in Latin letters (A–Z, accents allowed).")).toBeVisible();

  await fillCompany(page, "Fixed Trading Ltd");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
});

test("a reload mid-way resumes the draft where the user left off", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const draftId = await startDraft(page);
  await fillCompany(page, "Resumable Holdings");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await page.goto("/onboarding");
  await page.getByRole("link", { name: "Resumable Holdings" }).click();
  await expect(page).toHaveURL(new RegExp(`/onboarding/${draftId}/address$`));
  await page.getByRole("link", { name: /Company/ }).click();
  await expect(page.getByLabel("Business name (English)")).toHaveValue("Resumable Holdings");
});

test("a file of the wrong type is refused with a message", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  await page.getByLabel("Add a registration document").setInputFiles(documentFixture("not-a-document.png"));
  await expect(
    page.getByRole("alert").filter({ hasText: "not-a-document.png is not a PDF, JPEG or PNG." }),
  ).toBeVisible();
});

test("a double submit creates one customer", async ({ page, context }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const draftId = await startDraft(page);
  await fillCompany(page, "Double Click Trading");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await fillAddressUsageContact(page);
  await fillRepresentative(page);
  await expect(page.getByRole("heading", { level: 1, name: "Review and submit" })).toBeVisible();

  // A second tab on the same review page submits at the same moment.
  const second = await context.newPage();
  await second.goto(`/onboarding/${draftId}/review`);
  await Promise.all([
    page.getByRole("button", { name: "Submit for review" }).dblclick(),
    second.getByRole("button", { name: "Submit for review" }).click(),
  ]);
  await expect(page.getByRole("heading", { name: "Customer submitted for review" })).toBeVisible();
  await expect(second.getByRole("heading", { name: "Customer submitted for review" })).toBeVisible();
  const first = await page.getByTestId("customer-id").textContent();
  expect(await second.getByTestId("customer-id").textContent()).toBe(first);

  await page.goto("/customers");
  await expect(page.getByRole("row").filter({ hasText: "Double Click Trading" })).toHaveCount(1);
});

test("the wizard can be completed with the keyboard alone", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  const type = async (label: string, text: string) => {
    await page.getByLabel(label).focus();
    await page.keyboard.type(text);
  };
  const choose = async (label: string, text: string) => {
    await page.getByRole("combobox", { name: label }).focus();
    await page.keyboard.type(text);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
  };
  await type("Business name (English)", "Keyboard Only Ltd");
  await type("Registration number", "KB-123456");
  await choose("Country of registration", "United Kingdom");
  await page.getByLabel("Your reference for this customer").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(uniqueReference());
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await type("Address line", "10 Downing Street");
  await type("City", "London");
  await choose("Country", "United Kingdom");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Account usage" })).toBeVisible();
  await choose("Main operating country", "United Kingdom");
  await choose("Revenue currency", "Pound Sterling");
  await type("Estimated monthly revenue", "1000");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Primary contact" })).toBeVisible();
  await type("Contact email", "ops@keyboard.example");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Legal representatives" })).toBeVisible();
  await type("First name (English)", "Ada");
  await type("Last name (English)", "Lovelace");
  await page.getByLabel("Date of birth").focus();
  await page.keyboard.type("10121985");
  await choose("Nationality", "United Kingdom");
  await type("ID number", "123456789");
  await choose("ID issuing country", "United Kingdom");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Review and submit" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Customer submitted for review" })).toBeVisible();
});

test("one partner cannot open another partner's draft or customer by URL", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const draftId = await startDraft(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, "user@northwind.example");
  for (const path of [
    `/onboarding/${draftId}/company`,
    `/onboarding/${draftId}/review`,
    `/onboarding/${draftId}/submitted`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByLabel("Business name (English)")).toHaveCount(0);
  }
  await page.goto("/customers");
  await expect(page.getByRole("row").filter({ hasText: "Gemini Trading Limited" })).toHaveCount(0);
});

test("a refusal on submit is shown on the right step and field", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const reference = uniqueReference();
  for (const name of ["First With Reference Ltd", "Second With Same Reference Ltd"]) {
    await startDraft(page);
    await fillCompany(page, name, reference);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await fillAddressUsageContact(page);
    await fillRepresentative(page);
    await expect(page.getByRole("heading", { level: 1, name: "Review and submit" })).toBeVisible();
    await page.getByRole("button", { name: "Submit for review" }).click();
  }
  // The second customer reuses the first one's reference, which only the server can know.
  const refusal = page.getByRole("alert").filter({ hasText: "The customer could not be submitted" });
  await expect(refusal).toContainText("already exists");
  await refusal.getByRole("link", { name: "Correct Company" }).click();
  const field = page.getByLabel("Your reference for this customer");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toBeFocused();
  await expect(page.getByText("This partner_customer_id is already in use.")).toBeVisible();
});
