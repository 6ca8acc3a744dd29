import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./helpers";

// The e2e server refuses private addresses (WEBHOOKS_ALLOW_PRIVATE is not set), so the endpoint is
// a name that never resolves (.invalid, RFC 2606): each delivery is logged as "no answer".
const unique = () => `https://hooks-${Date.now()}.example.invalid/axisfi`;

test("a partner admin adds an endpoint, sees its secret once, sends a test event, rotates and deletes it", async ({
  page,
}) => {
  const url = unique();
  await signIn(page, ACCOUNTS.partnerAdmin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

  // A private address is refused with the field's message.
  await page.getByLabel("Endpoint URL").fill("https://10.0.0.1/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText(/not a private or loopback address/)).toBeVisible();

  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("heading", { name: "Endpoint added" })).toBeFocused();
  const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "I have stored the secret" }).click();

  const endpoint = page.getByRole("region", { name: `Endpoint ${url}` });
  await expect(endpoint).toContainText("Active");
  await expect(endpoint).toContainText("No deliveries yet.");
  await expect(page.getByText(/^\d+ endpoints? of at most 16$/)).toBeVisible();

  await endpoint.getByRole("button", { name: `Send test event ${url}` }).click();
  await expect(endpoint.getByText("Test event (endpoint.test) queued.")).toBeVisible();
  // The attempt is made by the delivery worker; the page shows it once reloaded.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: `Endpoint ${url}` }).getByRole("row")).toContainText([
      /endpoint\.test.*Failed.*#1.*no answer/s,
    ]);
  }).toPass({ timeout: 30_000 });

  await endpoint.getByRole("button", { name: `Rotate secret ${url}` }).click();
  await endpoint.getByRole("button", { name: `Confirm rotate ${url}` }).click();
  await expect(page.getByRole("heading", { name: "New signing secret" })).toBeFocused();
  const rotated = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await page.getByRole("button", { name: "I have stored the secret" }).click();
  await page.reload();
  await expect(page.getByRole("region", { name: `Endpoint ${url}` })).toContainText("The previous secret also signs");
  expect(await page.content()).not.toContain(rotated);

  await page
    .getByRole("region", { name: `Endpoint ${url}` })
    .getByRole("button", { name: `Delete ${url}` })
    .click();
  await page
    .getByRole("region", { name: `Endpoint ${url}` })
    .getByRole("button", { name: `Confirm delete ${url}` })
    .click();
  await expect(page.getByRole("region", { name: `Endpoint ${url}` })).toHaveCount(0);
});

test("a partner user may not open the webhooks page", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { name: "You are not allowed to open this page" })).toBeVisible();
});
