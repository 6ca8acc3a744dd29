import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./helpers";

test("an administrator creates a partner and an account, and a role change applies on the next page", async ({
  page,
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const partnerName = `Acme Payments ${suffix}`;
  const email = `nina.${suffix}@acme.example`;
  const password = "nina-first-password";

  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await expect(page.getByText(/^\d+ partners?$/)).toBeVisible();
  await expect(page.getByText(/^\d+ accounts?, \d+ disabled$/)).toBeVisible();
  // Nobody can lock themselves out: there is no control to disable or demote oneself.
  await expect(page.getByRole("button", { name: `Disable ${ACCOUNTS.admin}` })).toHaveCount(0);
  await expect(page.getByLabel(`Role for ${ACCOUNTS.admin}`)).toHaveCount(0);

  await page.getByLabel("Partner name").fill(partnerName);
  await page.getByRole("button", { name: "Create partner" }).click();
  await expect(page.getByRole("heading", { name: `Partner “${partnerName}” created` })).toBeFocused();
  expect(await page.getByLabel("New API key", { exact: true }).inputValue()).toMatch(/^pk_[0-9a-f]{32}$/);
  expect(await page.getByLabel("New API secret", { exact: true }).inputValue()).toMatch(/^sk_/);
  const partnerRow = page.getByRole("table", { name: "Partners, by name" }).getByRole("row").filter({
    hasText: partnerName,
  });
  await expect(partnerRow).toContainText(/ptn_[0-9a-f]{32}/);
  await expect(partnerRow.getByRole("cell").nth(2)).toHaveText("0");

  const form = page.getByRole("form", { name: "Create account" });
  await form.getByLabel("Full name").fill("Nina Newcomer");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill("too-short");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("alert")).toContainText("Some fields need your attention.");
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(form.getByText("Choose the partner this person works for.")).toBeVisible();
  await expect(form.getByLabel("Initial password")).toBeFocused();

  await form.getByLabel("Initial password").fill(password);
  await form.getByLabel("Role", { exact: true }).selectOption("partner_user");
  await form.getByLabel("Partner", { exact: true }).selectOption({ label: partnerName });
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`Account created for ${email}.`);
  const accountRow = page.getByRole("table", { name: "Staff accounts, by name" }).getByRole("row").filter({
    hasText: email,
  });
  await expect(accountRow.getByRole("cell").nth(2)).toHaveText(partnerName);
  await expect(accountRow).toContainText("Active");
  await expect(partnerRow.getByRole("cell").nth(2)).toHaveText("1");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // The new person, in a browser of their own.
  const personContext = await browser.newContext({ baseURL });
  const person = await personContext.newPage();
  await signIn(person, email, password);
  const personNav = person.getByRole("navigation", { name: "Main" });
  await expect(personNav.getByRole("link", { name: "Onboarding" })).toBeVisible();
  await expect(personNav.getByRole("link", { name: "Review queue" })).toHaveCount(0);

  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin");
  await accountRow.getByLabel(`Role for ${email}`).selectOption("reviewer");
  await accountRow.getByRole("button", { name: `Save role for ${email}` }).click();
  await expect(accountRow.getByRole("status")).toContainText("Role saved.");
  await expect(accountRow.getByRole("cell").nth(1)).toContainText("Compliance reviewer");
  await expect(accountRow.getByRole("cell").nth(2)).toHaveText("—");

  await person.reload();
  await expect(personNav.getByRole("link", { name: "Review queue" })).toBeVisible();
  await expect(personNav.getByRole("link", { name: "Onboarding" })).toHaveCount(0);

  // Disabling signs the person out on their next page; enabling lets them sign in again.
  await accountRow.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(accountRow).toContainText("Disabled");
  await person.reload();
  await expect(person).toHaveURL(/\/sign-in$/);
  await accountRow.getByRole("button", { name: `Enable ${email}` }).click();
  await expect(accountRow).toContainText("Active");
  // The session from before the account was disabled stays over: a new sign-in is needed.
  await person.goto("/");
  await expect(person).toHaveURL(/\/sign-in$/);
  await signIn(person, email, password);
  await personContext.close();
});

test("a reviewer may not open the administration page", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "You are not allowed to open this page" })).toBeVisible();
});

test("an administrator sees sign-ins in the security events, filtered by kind", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin");
  await page.getByLabel("Kind of event").selectOption({ label: "Sign-ins" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/events=sign_in/);
  const events = page.getByRole("table", { name: "Security events, newest first" });
  const newest = events.getByRole("row").nth(1);
  await expect(newest).toContainText("Signed in");
  await expect(newest).toContainText(ACCOUNTS.admin);
  await expect(events).not.toContainText("Partner created");
});
