import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, signIn, uniqueReference } from "./helpers";

const DEMO_KEY = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

/** A customer of the demo partner, so that its detail page (documents, timeline, decisions) is visited too. */
async function demoCustomer(request: APIRequestContext): Promise<string> {
  const created = await request.post("/api/customers/create", {
    headers: DEMO_KEY,
    data: exampleCustomerRequest(uniqueReference()),
  });
  expect(created.status()).toBe(200);
  return (await created.json()).customer_id;
}

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
  // Every script the page loads has run (or been blocked, which the watcher reports).
  await page.waitForLoadState("load");
}

const CUSTOMER = "{customer}";
const PAGES_BY_ROLE = {
  partnerAdmin: ["/docs/api", "/onboarding", "/customers", CUSTOMER, "/settings/api-keys", "/"],
  partnerUser: ["/docs/api", "/onboarding", "/customers", CUSTOMER, "/admin", "/"],
  reviewer: ["/docs/api", "/customers", CUSTOMER, "/"],
  admin: ["/docs/api", "/admin", "/admin?events=sign_in", "/"],
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
    const customerId = await demoCustomer(page.request);
    const violations = await watchForCspViolations(page);
    await signIn(page, ACCOUNTS[role as keyof typeof ACCOUNTS]);
    for (const path of paths) await visit(page, path === CUSTOMER ? `/customers/${customerId}` : path);
    // The last page is the portal's home, whose header signs out.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(violations).toEqual([]);
  });
}
