import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, documentFixture, pick, signIn, uniqueReference } from "./helpers";

// The demo partner's fixed key pair (README, "Try the API"), seeded in the test server's database.
const DEMO_KEYS = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/**
 * What is wrong with the page as it is now: axe-core's critical and serious violations (WCAG 2.x
 * A and AA rules and best practices), and at phone width any sideways scrolling. One line each,
 * so that a failing run lists every page's problems at once.
 */
async function problemsOf(page: Page, name: string, phone: boolean): Promise<string[]> {
  await page.waitForLoadState("load");
  // Next streams a dynamic page's metadata: after a client-side navigation the <title> can land a
  // moment after the content. Wait for it (a page that never gets one is still reported by axe).
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).analyze();
  const problems = results.violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .map(
      (violation) =>
        `${name}: ${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
  if (phone) {
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    if (widths.scroll > widths.client) {
      problems.push(`${name}: scrolls sideways (${widths.scroll}px of content in ${widths.client}px)`);
    }
  }
  return problems;
}

/** A customer made through the Partner API, for the customer pages. */
async function apiCustomer(page: Page, name: string): Promise<string> {
  const body = exampleCustomerRequest(uniqueReference());
  body.business_details.business_name_english = name;
  const created = await page.request.post("/api/customers/create", { headers: DEMO_KEYS, data: body });
  expect(created.status()).toBe(200);
  return ((await created.json()) as { customer_id: string }).customer_id;
}

/** Fills a new draft's five form steps (labels matched loosely, so wording tweaks do not matter). */
async function fillWizard(page: Page, check: (name: string) => Promise<void>): Promise<void> {
  const next = () => page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Business name (English)").fill("Accessible Trading Limited");
  await page.getByLabel("Registration number").fill("91310000MA1FL4TQ2X");
  await pick(page, "Country of registration", "United States", /^United States of America/);
  await page.getByLabel("Your reference for this customer").fill(uniqueReference());
  await page.locator('input[type="file"]').first().setInputFiles(documentFixture("registration.pdf"));
  await expect(page.getByText("registration.pdf").first()).toBeVisible();
  await check("wizard company step, a document uploaded");
  await next();

  await expect(page.getByRole("heading", { level: 1, name: "Registration address" })).toBeVisible();
  await page.getByLabel("Address line").fill("1 Market Street");
  await page.getByLabel("City").fill("San Francisco");
  await pick(page, "Country", "united states", /^United States of America/);
  await next();

  await expect(page.getByRole("heading", { level: 1, name: "Account usage" })).toBeVisible();
  await pick(page, "Main operating country", "US", /^United States of America/);
  await pick(page, "Revenue currency", "USD", /US Dollar/);
  await page.getByLabel("Estimated monthly revenue").fill("12000");
  await next();

  await expect(page.getByRole("heading", { level: 1, name: "Primary contact" })).toBeVisible();
  await page.getByLabel("Contact email").fill("owner@accessible.example");
  await next();

  await expect(page.getByRole("heading", { level: 1, name: "Legal representatives" })).toBeVisible();
  await page.getByLabel(/^First name \(English\)/).fill("Ana");
  await page.getByLabel(/^Last name \(English\)/).fill("Lima");
  await page.getByLabel(/^Date of birth/).fill("1980-02-03");
  await pick(page, /^Nationality/, "BR", /Brazil/);
  await page.getByLabel(/^ID number/).fill("AB1234567");
  await pick(page, /^ID issuing country/, "BR", /Brazil/);
  await page.locator('input[type="file"]').first().setInputFiles(documentFixture("id-front.png"));
  await expect(page.getByText("id-front.png").first()).toBeVisible();
  await check("wizard representatives step, a document uploaded");
  await next();
  await expect(page.getByRole("heading", { level: 1, name: "Review and submit" })).toBeVisible();
}

for (const [width, viewport] of [
  ["desktop", DESKTOP],
  ["phone (360 px)", PHONE],
] as const) {
  const phone = viewport === PHONE;

  test(`every page at ${width}: no critical or serious axe violations${phone ? ", no sideways scrolling" : ""}`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const problems: string[] = [];
    const open = async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const check = async (name: string) => {
        problems.push(...(await problemsOf(page, name, phone)));
      };
      const visit = async (path: string, name: string) => {
        await page.goto(path);
        await check(name);
      };
      return { context, page, check, visit };
    };

    // Signed out: the sign-in page, and it with an error shown.
    const anonymous = await open();
    await anonymous.visit("/sign-in", "sign-in");
    await anonymous.page.getByLabel("Email").fill("nobody@nowhere.example");
    await anonymous.page.getByLabel("Password").fill("not-the-password");
    await anonymous.page.getByRole("button", { name: "Sign in" }).click();
    await expect(anonymous.page.getByRole("alert")).toBeVisible();
    await anonymous.check("sign-in, wrong password");

    // The hosted onboarding link, as the business sees it.
    const link = await anonymous.page.request.post("/api/onboarding_links", {
      headers: DEMO_KEYS,
      data: {
        partner_customer_id: uniqueReference(),
        return_url: "http://127.0.0.1/api/health?returned=1",
        refresh_url: "http://127.0.0.1/api/health?refresh=1",
      },
    });
    expect(link.status()).toBe(200);
    await anonymous.visit(((await link.json()) as { url: string }).url, "hosted onboarding link, company step");
    await expect(anonymous.page).toHaveURL(/\/onboard\/session\/company$/);
    // A customer of the demo partner, for the customer pages (and, once information is requested, the fix page).
    const partnerCustomer = await apiCustomer(anonymous.page, "Axe Checked Limited");
    await anonymous.context.close();

    // The reviewer: home, the review queue, a customer, and a page that is not theirs.
    const reviewer = await open();
    await signIn(reviewer.page, ACCOUNTS.reviewer);
    await reviewer.check("home (reviewer)");
    await reviewer.visit("/customers", "review queue");
    await reviewer.visit("/customers?q=no-such-business-anywhere", "review queue, nothing found");
    await reviewer.visit(`/customers/${partnerCustomer}`, "customer (reviewer)");
    const ask = reviewer.page.getByRole("region", { name: "Request information" });
    await ask.getByLabel("Field to fix 1").selectOption({ label: "Website" });
    await ask.getByLabel("Note 1").fill("The website does not load");
    await ask.getByRole("button", { name: "Request information" }).click();
    await expect(reviewer.page.getByRole("list", { name: "Requested information due" })).toContainText("Website");
    await reviewer.check("customer (reviewer), information requested");
    await reviewer.visit("/onboarding", "not allowed");
    await expect(reviewer.page.getByRole("heading", { name: "You are not allowed to open this page" })).toBeVisible();
    await reviewer.visit("/docs/api", "API reference");
    await reviewer.context.close();

    // The partner admin: every partner page, the wizard from start to submission, a customer.
    const partner = await open();
    await signIn(partner.page, ACCOUNTS.partnerAdmin);
    await partner.check("home (partner admin)");
    await partner.visit("/customers", "customers (partner)");
    await partner.visit("/customers?q=no-such-business-anywhere", "customers (partner), nothing found");
    await partner.visit(`/customers/${partnerCustomer}`, "customer (partner)");
    await partner.page.getByRole("link", { name: "Fix requested information" }).click();
    await expect(partner.page).toHaveURL(/\/update\/company$/);
    await partner.check("customer fix page");
    await partner.visit("/settings/api-keys", "API keys");
    await partner.visit("/settings/webhooks", "webhooks");
    await partner.visit("/onboarding", "onboarding drafts");
    await partner.page.getByRole("button", { name: "Start a new onboarding" }).click();
    await expect(partner.page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
    const draft = partner.page.url().replace(/\/company$/, "");
    await partner.check("wizard company step");
    await partner.page.getByRole("button", { name: "Save and continue" }).click();
    await expect(partner.page.getByRole("alert").first()).toBeVisible();
    await partner.check("wizard company step, with errors");
    for (const step of ["address", "usage", "contact", "representatives"]) {
      await partner.visit(`${draft}/${step}`, `wizard ${step} step`);
    }
    await partner.page.goto(`${draft}/company`);
    await fillWizard(partner.page, partner.check);
    await partner.check("wizard review step");
    await partner.page.getByRole("button", { name: "Submit for review" }).click();
    await expect(partner.page).toHaveURL(/\/submitted$/);
    await partner.check("wizard submitted");
    await partner.context.close();

    // The administrator.
    const admin = await open();
    await signIn(admin.page, ACCOUNTS.admin);
    await admin.check("home (administrator)");
    await admin.visit("/admin", "administration");
    await admin.context.close();

    expect(problems).toEqual([]);
  });
}

test.describe("at 360 px", () => {
  test.use({ viewport: PHONE });

  test("the navigation collapses into a menu that opens, closes with Escape, and whose links work", async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.partnerAdmin);
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await nav.getByRole("link", { name: "API keys" }).focus();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.press("Enter");
    await nav.getByRole("link", { name: "Customers" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(nav.getByRole("link", { name: "Customers" })).toHaveAttribute("aria-current", "page");
  });

  test("the customers list is a list of cards, each labelled, with the number of customers", async ({ page }) => {
    await apiCustomer(page, "Card Layout Limited");
    await signIn(page, ACCOUNTS.partnerUser);
    await page.goto("/customers?q=Card+Layout+Limited");
    await expect(page.getByText(/^\d+ results? for “Card Layout Limited”$/)).toBeVisible();
    const row = page.getByRole("row", { name: /Card Layout Limited/ }).first();
    // Each cell is a line of its own (stacked, not side by side), introduced by its column's name.
    const business = row.getByRole("cell").first();
    const status = row.getByRole("cell").nth(1);
    const [businessBox, statusBox] = [await business.boundingBox(), await status.boundingBox()];
    expect(statusBox!.y).toBeGreaterThanOrEqual(businessBox!.y + businessBox!.height - 1);
    expect(await status.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe('"Status"');
  });
});

test("the customers list says how many match, and what to do when nothing does", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await page.goto("/customers?q=no-such-business-anywhere");
  await expect(page.getByText("0 results for “no-such-business-anywhere”")).toBeVisible();
  await expect(page.getByText("No customers match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByText(/^\d+ customers?$/)).toBeVisible();
});

test("the sign-in page says what the portal is, under the AxisFI mark", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Onboard business customers to AxisFI" })).toBeVisible();
  await expect(page.getByText(/compliance team reviews every customer/)).toBeVisible();
  await expect(page.getByText("AxisFI Onboarding")).toBeVisible();
});

test.describe("at 360 px", () => {
  test.use({ viewport: PHONE });
  // The customer ID, one unbroken word in a monospace font, once made this page wider than a phone.
  test("the page after submitting a draft does not scroll sideways", async ({ page }) => {
    await signIn(page, ACCOUNTS.partnerUser);
    await page.goto("/onboarding");
    await page.getByRole("button", { name: "Start a new onboarding" }).click();
    await expect(page).toHaveURL(/\/company$/);
    await fillWizard(page, async () => {});
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page).toHaveURL(/\/submitted$/);
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  });
});
