import { expect, test, type Page } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, documentFixture, pick, signIn, uniqueReference } from "./helpers";

/** What the browser run of issue 11 found rough in the wizard, each checked as a person meets it. */

const DEMO_KEY = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

async function startDraft(page: Page): Promise<void> {
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
}

async function save(page: Page, next: string): Promise<void> {
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: next })).toBeVisible();
}

/** The page does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** The first five steps for a Singapore company with one representative, 陈伟明. */
async function fillSingaporeCompany(page: Page): Promise<void> {
  await page.getByLabel("Business name (English)").fill("Lion City Components Pte Ltd");
  await page.getByLabel("Registration number").fill("201912345K");
  await pick(page, "Country of registration", "Singapore", /^Singapore/);
  await page.getByLabel("Registered on").fill("2020-01-15");
  await page.getByLabel("Your reference for this customer").fill(uniqueReference());
  await page.getByLabel("Add a registration document").setInputFiles(documentFixture("registration.pdf"));
  await expect(page.getByText("registration.pdf", { exact: true })).toBeVisible();
  await save(page, "Registration address");

  await page.getByLabel("Address line").fill("1 Raffles Place");
  await page.getByLabel("City").fill("Singapore");
  await page.getByLabel("Postcode").fill("048616");
  await pick(page, "Country", "Singapore", /^Singapore/);
  await save(page, "Account usage");

  await pick(page, "Main operating country", "Singapore", /^Singapore/);
  await page.getByLabel("Industry category").selectOption("5045");
  await page.getByLabel("Goods or services sold").fill("Computer parts");
  await pick(page, "Revenue currency", "SGD", /Singapore Dollar/);
  await page.getByLabel("Estimated monthly revenue").fill("185000");
  await save(page, "Primary contact");

  await page.getByLabel("Contact email").fill("finance@lioncity.example");
  await save(page, "Legal representatives");

  const person = page.getByRole("group", { name: "Legal representative 1" });
  await person.getByLabel("First name (English)").fill("Weiming");
  await person.getByLabel("Last name (English)").fill("Chen");
  await person.getByLabel("First name (local)").fill("伟明");
  await person.getByLabel("Last name (local)").fill("陈");
  await person.getByLabel("Date of birth").fill("1985-11-07");
  await pick(page, "Nationality", "China", /China/);
  await person.getByLabel("ID number").fill("E12345678");
  await pick(page, "ID issuing country", "China", /China/);
  await person.getByLabel("ID issued on").fill("2020-03-01");
  await person.getByLabel("ID expires on").fill("2030-03-01");
  await save(page, "Review and submit");
}

test("the review step shows names, money, dates and countries as people read them, in named sections", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  await fillSingaporeCompany(page);

  for (const name of ["Company", "Registration address", "Account usage", "Primary contact"]) {
    await expect(page.getByRole("region", { name })).toBeVisible();
  }
  const company = page.getByRole("region", { name: "Company" });
  await expect(company.getByText("Singapore", { exact: true })).toBeVisible();
  await expect(company.getByText("15 Jan 2020")).toBeVisible();

  const usage = page.getByRole("region", { name: "Account usage" });
  await expect(usage.getByText("Computers and software", { exact: true })).toBeVisible();
  await expect(usage.getByText("SGD 185,000.00")).toBeVisible();
  await expect(usage.getByText("5045")).toHaveCount(0);
  await expect(page.getByText("SG", { exact: true })).toHaveCount(0);

  const person = page.getByRole("region", { name: "Legal representative 1" });
  await expect(person.getByText("陈伟明", { exact: true })).toBeVisible();
  await expect(person.getByText("Weiming Chen", { exact: true })).toBeVisible();
  await expect(person.getByText("7 Nov 1985")).toBeVisible();
  // Named as the picker names it, from the same list.
  await expect(person.getByText("People's Republic of China", { exact: true }).first()).toBeVisible();
  await expect(person.getByRole("definition").filter({ hasText: "1 Mar 2020" })).toBeVisible();
  await expect(person.getByRole("definition").filter({ hasText: "1 Mar 2030" })).toBeVisible();
});

test("the reviewer's page writes a Chinese name family name first, and money with its currency", async ({
  page,
  request,
}) => {
  const body = exampleCustomerRequest(uniqueReference());
  body.business_person_list[0].basic_info.first_name = "伟明";
  body.business_person_list[0].basic_info.last_name = "陈";
  body.account_usage.estimated_monthly_revenue_currency = "SGD";
  body.account_usage.estimated_monthly_revenue_amount = 185000;
  const created = await request.post("/api/customers/create", { headers: DEMO_KEY, data: body });
  expect(created.status()).toBe(200);
  const { customer_id: customerId } = await created.json();

  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/customers/${customerId}`);
  const person = page.getByRole("region", { name: "Legal representative 1" });
  await expect(person.getByText("陈伟明", { exact: true })).toBeVisible();
  await expect(person.getByText("Wei Zhang", { exact: true })).toBeVisible();
  await expect(person.getByText("7 Nov 1985")).toBeVisible();
  await expect(page.getByRole("region", { name: "Account usage" }).getByText("SGD 185,000.00")).toBeVisible();
  await expect(page.getByRole("region", { name: "Company details" }).getByText("United States")).toBeVisible();
});

test("a document slot has one drop zone, keeps focus after an upload and names a refused file", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  const documents = page.getByRole("group", { name: "Registration documents" });

  const add = documents.getByLabel("Add a registration document");
  await add.setInputFiles(documentFixture("registration.pdf"));
  await expect(documents.getByText("registration.pdf", { exact: true })).toBeVisible();
  await expect(add).toBeFocused();
  // The uploaded document is a card that takes a replacement; the only zone left is "Add".
  await expect(documents.getByLabel("Replace registration document 1")).toHaveCount(1);
  await expect(documents.getByText("Choose file")).toHaveCount(1);

  await add.setInputFiles({ name: "passport.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a PDF") });
  await expect(page.getByRole("alert").filter({ hasText: "passport.pdf is not a PDF, JPEG or PNG." })).toBeVisible();
});

test("a representative's fields have short labels, told apart by their group, and ID documents say ID", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  await page.goto(page.url().replace(/company$/, "representatives"));
  await expect(page.getByRole("heading", { level: 1, name: "Legal representatives" })).toBeVisible();
  await page.getByRole("button", { name: "Add a legal representative" }).click();

  for (const number of [1, 2]) {
    const person = page.getByRole("group", { name: `Legal representative ${number}` });
    await expect(person.getByLabel("First name (English)")).toBeVisible();
    await expect(person.getByLabel("ID number")).toBeVisible();
  }
  await expect(page.getByLabel("First name (English)")).toHaveCount(2);
  await expect(page.getByLabel(/representative 1$/)).toHaveCount(0);

  const first = page.getByRole("group", { name: "Legal representative 1" });
  const front = first.getByLabel("ID document front");
  await front.setInputFiles(documentFixture("id-front.png"));
  // Exact: the label reads "ID", never "iD".
  await expect(first.getByLabel("Replace ID document front", { exact: true })).toBeFocused();
  await expect(first.getByText(/iD document/)).toHaveCount(0);
});

test("the error banner links each field in error, and a link moves focus to its field", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  await page.getByRole("button", { name: "Save and continue" }).click();

  const banner = page.getByRole("alert").filter({ hasText: "Check this step" });
  await expect(banner.getByRole("link", { name: "Business name (English)" })).toBeVisible();
  await banner.getByRole("link", { name: "Registration number" }).click();
  await expect(page.getByLabel("Registration number")).toBeFocused();
  await banner.getByRole("link", { name: "Country of registration" }).click();
  await expect(page.getByRole("combobox", { name: "Country of registration" })).toBeFocused();
});

test("at 360 px the page does not scroll sideways once documents are uploaded", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, ACCOUNTS.partnerUser);
  await startDraft(page);
  const longName = "certificate-of-incorporation-and-extract-from-the-register-of-companies-2026.pdf";
  await page
    .getByLabel("Add a registration document")
    .setInputFiles({ name: longName, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(page.getByRole("group", { name: "Registration documents" }).getByText(longName)).toBeAttached();
  await expectNoSidewaysScroll(page);

  await page.goto(page.url().replace(/company$/, "representatives"));
  const person = page.getByRole("group", { name: "Legal representative 1" });
  await person.getByLabel("ID document front").setInputFiles({
    name: `front-${longName}`,
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
  });
  await expect(person.getByText(`front-${longName}`)).toBeAttached();
  await expectNoSidewaysScroll(page);
});
