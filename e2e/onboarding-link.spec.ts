import { expect, test } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, documentFixture, pick, signIn, uniqueReference } from "./helpers";

// The demo partner's fixed key pair (README, "Try the API"), seeded in the test server's database.
const DEMO_KEYS = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

test("the business fills the wizard through a hosted link, uploads included, and lands on return_url", async ({
  page,
  request,
  baseURL,
}) => {
  // The partner's own pages, played by this server's health check (plain http is allowed on loopback).
  const returnUrl = `${baseURL}/api/health?returned=1`;
  const refreshUrl = `${baseURL}/api/health?refresh=1`;
  const reference = uniqueReference();
  const created = await request.post("/api/onboarding_links", {
    headers: DEMO_KEYS,
    data: { partner_customer_id: reference, return_url: returnUrl, refresh_url: refreshUrl },
  });
  expect(created.status()).toBe(200);
  const { url } = (await created.json()) as { url: string };

  await page.goto(url);
  await expect(page).toHaveURL(/\/onboard\/session\/company$/);
  await expect(page.getByText("Onboarding for Demo Partner")).toBeVisible();
  // No portal: no navigation, no way to the partner's customers.
  await expect(page.getByRole("link", { name: "Customers" })).toHaveCount(0);
  await expect(page.getByLabel("Your reference for this customer")).toHaveCount(0);

  await page.getByLabel("Business name (English)").fill("Linked Trading Limited");
  await page.getByLabel("Registration number").fill("91310000MA1FL4TQ2X");
  await pick(page, "Country of registration", "United States", /^United States of America/);
  await page.getByLabel("Add a registration document").setInputFiles(documentFixture("registration.pdf"));
  await expect(page.getByText("registration.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await page.getByLabel("Address line").fill("1 Market Street");
  await page.getByLabel("City").fill("San Francisco");
  await pick(page, "Country", "united states", /^United States of America/);
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Account usage" })).toBeVisible();
  await pick(page, "Main operating country", "US", /^United States of America/);
  await pick(page, "Revenue currency", "USD", /US Dollar/);
  await page.getByLabel("Estimated monthly revenue").fill("12000");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Primary contact" })).toBeVisible();
  await page.getByLabel("Contact email").fill("owner@linked.example");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Legal representatives" })).toBeVisible();
  await page.getByLabel("First name (English)").fill("Ana");
  await page.getByLabel("Last name (English)").fill("Lima");
  await page.getByLabel("Date of birth").fill("1980-02-03");
  await pick(page, "Nationality", "BR", /Brazil/);
  await page.getByLabel("ID number").fill("AB1234567");
  await pick(page, "ID issuing country", "BR", /Brazil/);
  await page.getByLabel("ID document front").setInputFiles(documentFixture("id-front.png"));
  await expect(page.getByText("id-front.png")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Review and submit" })).toBeVisible();
  await expect(page.getByText("Linked Trading Limited")).toBeVisible();
  await expect(page.getByText(reference)).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.waitForURL(returnUrl);

  // The partner sees its customer, made from what the business entered.
  const list = await request.get("/api/customers", { headers: DEMO_KEYS });
  const customers = (
    (await list.json()) as {
      data: { partner_customer_id: string; business_details: { business_name_english: string } }[];
    }
  ).data;
  const customer = customers.find((candidate) => candidate.partner_customer_id === reference);
  expect(customer?.business_details.business_name_english).toBe("Linked Trading Limited");

  // The link is spent: opened again, it sends the business to refresh_url.
  await page.goto(url);
  await expect(page).toHaveURL(refreshUrl);
});

test("the business fixes a field a reviewer flagged through a link for its existing customer", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const returnUrl = `${baseURL}/api/health?fixed=1`;
  const refreshUrl = `${baseURL}/api/health?refresh=1`;
  const reference = uniqueReference();
  const created = await request.post("/api/customers/create", {
    headers: DEMO_KEYS,
    data: exampleCustomerRequest(reference),
  });
  expect(created.status()).toBe(200);
  const { customer_id: customerId } = (await created.json()) as { customer_id: string };

  // Nothing is asked of the customer yet: no link.
  const linkBody = { partner_customer_id: reference, return_url: returnUrl, refresh_url: refreshUrl };
  const early = await request.post("/api/onboarding_links", { headers: DEMO_KEYS, data: linkBody });
  expect(early.status()).toBe(409);

  // The reviewer asks for the website.
  const reviewer = await browser.newContext();
  const reviewerPage = await reviewer.newPage();
  await signIn(reviewerPage, ACCOUNTS.reviewer);
  await reviewerPage.goto(`/customers/${customerId}`);
  const ask = reviewerPage.getByRole("region", { name: "Request information" });
  await ask.getByLabel("Field to fix 1").selectOption({ label: "Website" });
  await ask.getByLabel("Note 1").fill("The website does not load");
  await ask.getByRole("button", { name: "Request information" }).click();
  await expect(reviewerPage.getByRole("list", { name: "Requested information due" })).toContainText("Website");
  await reviewer.close();

  const made = await request.post("/api/onboarding_links", { headers: DEMO_KEYS, data: linkBody });
  expect(made.status()).toBe(200);
  const { url } = (await made.json()) as { url: string };

  // The business sees only the step due, prefilled, with the reviewer's note on the field.
  await page.goto(url);
  await expect(page).toHaveURL(/\/onboard\/session\/company$/);
  await expect(page.getByText("Information requested: step 1 of 1")).toBeVisible();
  await expect(page.getByLabel("Business name (English)")).toHaveValue("Gemini Trading Limited");
  const website = page.getByLabel("Website");
  await expect(website).toHaveValue("https://www.example.com");
  await expect(page.getByText("Requested by AxisFI compliance: The website does not load")).toBeVisible();
  await expect(page.getByRole("link", { name: "Customers" })).toHaveCount(0);
  await website.fill("https://gemini.example.com");
  await page.getByRole("button", { name: "Save changes" }).click();

  // Nothing is due any more: back to the partner.
  await page.waitForURL(returnUrl);
  const fixed = (await (await request.get(`/api/customers/${customerId}`, { headers: DEMO_KEYS })).json()) as {
    business_details: { website: string };
    requirements: unknown;
  };
  expect(fixed.business_details.website).toBe("https://gemini.example.com");
  expect(fixed.requirements).toEqual({ currently_due: [], requested_at: null });

  // The link is spent.
  await page.goto(url);
  await expect(page).toHaveURL(refreshUrl);
});
