import { expect, test } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, signIn, uniqueReference } from "./helpers";

const DEMO_KEY = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

test("a reviewer requests information, partner staff fix it in the wizard step, and the requirement clears", async ({
  page,
  browser,
  request,
}) => {
  const body = exampleCustomerRequest(uniqueReference());
  body.business_details.business_name_english = "Unreachable Website Ltd";
  const created = await request.post("/api/customers/create", { headers: DEMO_KEY, data: body });
  expect(created.status()).toBe(200);
  const { customer_id: customerId } = await created.json();

  // The reviewer asks for the website instead of rejecting.
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/customers/${customerId}`);
  const ask = page.getByRole("region", { name: "Request information" });
  await ask.getByLabel("Field to fix 1").selectOption({ label: "Website" });
  await ask.getByLabel("Note 1").fill("The website does not load");
  await ask.getByRole("button", { name: "Request information" }).click();
  const due = page.getByRole("list", { name: "Requested information due" });
  await expect(due).toContainText("Website");
  await expect(due).toContainText("The website does not load");
  await expect(page.getByRole("region", { name: "Audit trail" })).toContainText("Requested information");

  const asked = await (await request.get(`/api/customers/${customerId}`, { headers: DEMO_KEY })).json();
  expect(asked.status).toBe("pending");
  expect(asked.requirements.currently_due).toEqual([
    { field: "business_details.website", reason: "The website does not load" },
  ]);

  // Partner staff fix it in the same step form, prefilled, with the reviewer's note on the field.
  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  await signIn(partnerPage, ACCOUNTS.partnerUser);
  await partnerPage.goto(`/customers/${customerId}`);
  await partnerPage.getByRole("link", { name: "Fix requested information" }).click();
  await expect(partnerPage).toHaveURL(new RegExp(`/customers/${customerId}/update/company$`));
  await expect(partnerPage.getByLabel("Business name (English)")).toHaveValue("Unreachable Website Ltd");
  const website = partnerPage.getByLabel("Website");
  await expect(website).toHaveValue("https://www.example.com");
  await expect(partnerPage.getByText("Requested by AxisFI compliance: The website does not load")).toBeVisible();
  await website.fill("https://gemini.example.com");
  await partnerPage.getByRole("button", { name: "Save changes" }).click();

  // Nothing is due any more: back on the customer, the request shows as cleared.
  await expect(partnerPage).toHaveURL(new RegExp(`/customers/${customerId}$`));
  await expect(partnerPage.getByRole("list", { name: "Requested information cleared" })).toContainText("Website");
  await expect(partnerPage.getByRole("link", { name: "Fix requested information" })).toHaveCount(0);
  await partner.close();

  const fixed = await (await request.get(`/api/customers/${customerId}`, { headers: DEMO_KEY })).json();
  expect(fixed.business_details.website).toBe("https://gemini.example.com");
  expect(fixed.requirements).toEqual({ currently_due: [], requested_at: null });
  // Only the website changed: the dates kept their time of day through the date inputs.
  expect(fixed.business_details.business_identifier_start_date).toBe(
    body.business_details.business_identifier_start_date,
  );

  // The reviewer sees what changed since the request.
  await page.reload();
  await expect(page.getByRole("list", { name: "Changed since the request" })).toHaveText("Website");
  await expect(page.getByRole("region", { name: "Audit trail" })).toContainText("Changed: Website");
});
