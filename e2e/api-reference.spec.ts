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
