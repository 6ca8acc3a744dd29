import { expect, test } from "@playwright/test";

test("the API reference documents Create Customer from the same schemas", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "AxisFI Partner API" })).toBeVisible();
  const create = page.getByRole("region", { name: /post\s*\/api\/customers\/create/i });
  await expect(create).toBeVisible();
  await expect(create.getByRole("cell", { name: /partner_customer_id/ }).first()).toBeVisible();
  await page.getByRole("link", { name: "OpenAPI 3.1 document (JSON)" }).click();
  await expect(page).toHaveURL(/\/api\/openapi\.json$/);
  expect(JSON.parse((await page.locator("body").textContent()) ?? "{}").openapi).toMatch(/^3\.1/);
});

test("the API reference shows the update, onboarding link and webhook endpoint operations, and the webhooks", async ({
  page,
}) => {
  await page.goto("/docs/api");
  const update = page.getByRole("region", { name: /post\s*\/api\/customers\/\{customer_id\}\/update/i });
  await expect(update).toBeVisible();
  await expect(update.getByText(/customer_not_pending/).first()).toBeVisible();
  for (const path of [
    /post\s*\/api\/onboarding_links$/i,
    /post\s*\/api\/webhook_endpoints\/\{endpoint_id\}\/rotate_secret/i,
  ]) {
    await expect(page.getByRole("region", { name: path })).toBeVisible();
  }
  const webhooks = page.getByRole("region", { name: "Webhooks", exact: true });
  await expect(webhooks).toBeVisible();
  for (const type of [
    "customer.created",
    "customer.status_changed",
    "customer.information_requested",
    "customer.updated",
  ]) {
    await expect(
      webhooks.getByRole("region", { name: new RegExp(`post\\s*${type.replace(".", "\\.")}$`) }),
    ).toBeVisible();
  }
  const requested = webhooks.getByRole("region", { name: /customer\.information_requested$/ });
  await expect(requested.getByText(/requirements\.currently_due/).first()).toBeVisible();
  await expect(requested.getByText("AxisFI-Event-Id").first()).toBeVisible();
});
