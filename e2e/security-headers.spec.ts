import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./helpers";

/** Every CSP violation the page reports, as the browser's own event and as its console message. */
async function watchForCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (report: string) => violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (report: string) => void }).reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  return violations;
}

/** Opens a page and checks its policy: nonce-based scripts, nothing framed, no plugins, no <base>. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  const policy = response!.headers()["content-security-policy"] ?? "";
  expect(policy, path).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(policy, path).toContain("frame-ancestors 'none'");
  expect(policy, path).toContain("object-src 'none'");
  expect(policy, path).toContain("base-uri 'none'");
  expect(response!.headers()["permissions-policy"], path).toContain("camera=()");
  // Hydration ran (the scripts were allowed): the page's links are live.
  await expect(page.locator("body")).toBeVisible();
  await page.waitForLoadState("networkidle");
}

const PAGES_BY_ROLE = {
  partnerAdmin: ["/", "/onboarding", "/customers", "/settings/api-keys", "/docs/api"],
  partnerUser: ["/", "/onboarding", "/customers", "/docs/api", "/admin"],
  reviewer: ["/", "/customers", "/docs/api"],
  admin: ["/", "/admin", "/admin?events=sign_in", "/docs/api"],
} as const;

test("pages carry a nonce-based CSP and the sign-in page works under it", async ({ page }) => {
  const violations = await watchForCspViolations(page);
  await visit(page, "/sign-in");
  const first = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  const second = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(first).not.toBe(second); // a fresh nonce per response
  await visit(page, "/docs/api");
  await signIn(page, ACCOUNTS.partnerUser);
  expect(violations).toEqual([]);
});

for (const [role, paths] of Object.entries(PAGES_BY_ROLE)) {
  test(`a ${role} signs in and visits their pages without a CSP violation`, async ({ page }) => {
    const violations = await watchForCspViolations(page);
    await signIn(page, ACCOUNTS[role as keyof typeof ACCOUNTS]);
    for (const path of paths) await visit(page, path);
    if (role === "reviewer") {
      await visit(page, "/customers");
      await page.getByRole("table").getByRole("link").first().click();
      await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(violations).toEqual([]);
  });
}
