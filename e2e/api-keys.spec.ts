import { expect, test, type APIRequestContext } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, signIn, uniqueReference } from "./helpers";

// Relative: the request fixture answers from baseURL, so the suite runs on any E2E_PORT.
const CREATE_CUSTOMER = "/api/customers/create";

function createCustomer(request: APIRequestContext, publicKey: string, secret: string) {
  return request.post(CREATE_CUSTOMER, {
    headers: { "X-API-Key": publicKey, "X-API-Secret": secret },
    data: exampleCustomerRequest(uniqueReference()),
  });
}

test("a partner admin creates a key pair, sees its secret once, uses it, and revokes it", async ({
  page,
  request,
  baseURL,
}) => {
  await signIn(page, ACCOUNTS.partnerAdmin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByRole("heading", { name: "API key pair created" })).toBeFocused();
  const publicKey = await page.getByLabel("New API key", { exact: true }).inputValue();
  const secret = await page.getByLabel("New API secret", { exact: true }).inputValue();
  expect(publicKey).toMatch(/^pk_[0-9a-f]{32}$/);
  expect(secret).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("Copy the secret now: it will not be shown again.")).toBeVisible();

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.getByRole("button", { name: "Copy secret" }).click();
  await expect(page.getByText("Copied", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const row = page.getByRole("row").filter({ hasText: publicKey });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  // The list says how many keys there are, and how many still work.
  await expect(page.getByText(/^\d+ API keys?, \d+ active$/)).toBeVisible();

  const created = await createCustomer(request, publicKey, secret);
  expect(created.status()).toBe(200);

  await row.getByRole("button", { name: `Revoke ${publicKey}` }).click();
  await expect(row.getByRole("button", { name: `Confirm revoke ${publicKey}` })).toBeFocused();
  await row.getByRole("button", { name: `Confirm revoke ${publicKey}` }).click();
  await expect(row).toContainText("Revoked");
  await expect(row).not.toContainText("Never");
  await expect(row.getByRole("button", { name: `Revoke ${publicKey}` })).toHaveCount(0);

  const refused = await createCustomer(request, publicKey, secret);
  expect(refused.status()).toBe(401);

  // Once the panel is gone, the secret is nowhere in the page.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: publicKey })).toContainText("Revoked");
  await expect(page.getByLabel("New API secret", { exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
});

test("a partner user may not open the API keys page", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "You are not allowed to open this page" })).toBeVisible();
});
