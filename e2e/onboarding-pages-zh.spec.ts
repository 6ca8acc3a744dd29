import { expect, test } from "@playwright/test";
import { ACCOUNTS, chooseLanguage, signIn, uniqueReference } from "./helpers";

// The demo partner's fixed key pair (README, "Try the API"), seeded in the test server's database.
const DEMO_KEYS = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

test.describe("signed in", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ACCOUNTS.partnerUser);
  });

  // The choice is kept on the account, which the other specs sign in with: always back to English.
  test.afterEach(async ({ page }) => {
    await page.goto("/onboarding");
    const english = page.getByRole("button", { name: "English" });
    if ((await english.getAttribute("aria-pressed")) !== "true") {
      await english.click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
  });

  test("the drafts list and a step page read in Chinese after switching, and in English again after switching back", async ({
    page,
  }) => {
    await page.goto("/onboarding");
    await page.getByRole("button", { name: "Start a new onboarding" }).click();
    await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
    const draftId = page.url().match(/drf_[0-9a-f]{32}/)![0];
    await expect(page.getByText("Step 1 of 6", { exact: true })).toBeVisible();

    await chooseLanguage(page, "简体中文");
    await expect(page.getByText("第 1 步，共 6 步", { exact: true })).toBeVisible();
    await expect(page).toHaveTitle("企业信息（第 1 步，共 6 步） · AxisFI 客户开户");

    await page.goto("/onboarding");
    await expect(page).toHaveTitle("开户 · AxisFI 客户开户");
    await expect(page.getByRole("heading", { level: 1, name: "开户" })).toBeVisible();
    await expect(page.getByRole("button", { name: "开始新的开户" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "进行中的草稿" })).toBeVisible();
    await expect(page.getByText(/^\d+ 份草稿$/)).toBeVisible();
    const row = page.getByRole("listitem").filter({ has: page.locator(`a[href="/onboarding/${draftId}/company"]`) });
    await expect(row.getByRole("link", { name: "未命名企业" })).toBeVisible();
    await expect(row).toContainText("下一步：第 1 步（共 6 步），企业信息 · ");
    await expect(row).toContainText("UTC");

    await chooseLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Onboarding" })).toBeVisible();
    await expect(page.getByText(/^\d+ drafts?$/)).toBeVisible();
    await expect(row.getByRole("link", { name: "Unnamed business" })).toBeVisible();
    await expect(row).toContainText("Next: step 1 of 6, Company · last edited by");
  });
});

test("a hosted link made with locale zh-CN opens in Chinese, and the business can switch to English", async ({
  page,
  request,
  baseURL,
}) => {
  const created = await request.post("/api/onboarding_links", {
    headers: DEMO_KEYS,
    data: {
      partner_customer_id: uniqueReference(),
      return_url: `${baseURL}/api/health?returned=1`,
      refresh_url: `${baseURL}/api/health?refresh=1`,
      locale: "zh-CN",
    },
  });
  expect(created.status()).toBe(200);
  const { url } = (await created.json()) as { url: string };

  await page.goto(url);
  await expect(page).toHaveURL(/\/onboard\/session\/company$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByText("Demo Partner 开户申请", { exact: true })).toBeVisible();
  await expect(page.getByText("由 AxisFI 提供技术支持", { exact: true })).toBeVisible();
  await expect(page.getByText("第 1 步，共 6 步", { exact: true })).toBeVisible();
  await expect(page).toHaveTitle("企业信息（第 1 步，共 6 步）");
  await expect(page.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");

  await chooseLanguage(page, "English");
  await expect(page.getByText("Onboarding for Demo Partner", { exact: true })).toBeVisible();
  await expect(page.getByText("Step 1 of 6", { exact: true })).toBeVisible();
  await expect(page).toHaveTitle("Company (step 1 of 6)");
});
