import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./helpers";

test("a person signs in, sees their sections, and signs out", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Onboarding" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Administration" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a wrong password and an unknown email are refused with the same message", async ({ page }) => {
  for (const [email, password] of [
    [ACCOUNTS.reviewer, "not-the-password"],
    ["nobody@nowhere.example", "not-the-password"],
  ]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Could not sign in" })).toContainText(
      "Email or password is incorrect.",
    );
    await expect(page).toHaveURL(/\/sign-in$/);
  }
});

test("a reviewer is told clearly when a page is not theirs", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto("/onboarding");
  await expect(page.getByRole("heading", { name: "You are not allowed to open this page" })).toBeVisible();
});

test("signing out ends the session on the server: the old cookie, replayed, gets no session", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, ACCOUNTS.reviewer);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => /next-auth\.session-token$/.test(cookie.name))).toBe(true);
  // The sign-out request itself, not the page that follows it, is what ends the session.
  const signedOut = page.waitForResponse(
    (response) => response.url().endsWith("/api/auth/signout") && response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  expect((await signedOut).ok()).toBe(true);
  await expect(page).toHaveURL(/\/sign-in$/);

  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(cookies);
  const session = await replay.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  const replayed = await replay.newPage();
  await replayed.goto("/customers");
  await expect(replayed).toHaveURL(/\/sign-in$/);
  await replay.close();
});

test("every page carries the brand mark as its icon, served as an image to anyone", async ({ page, request }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle(/AxisFI Onboarding/);
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
