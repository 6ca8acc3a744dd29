import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, chooseLanguage, DEMO_PASSWORD, signIn } from "./helpers";

/**
 * The portal's shell, sign-in, settings and administration in Simplified Chinese: chosen by the
 * browser's language, by the footer's switcher (in place, and back), and kept on the account so
 * that it follows the person to another browser.
 */

const LOCALE_COOKIE = "axisfi_locale";

/** Reads this browser's pages in Chinese, as the switcher would, without touching any account. */
async function preferChinese(page: Page, baseURL: string | undefined): Promise<void> {
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", url: baseURL! }]);
}

test("the sign-in page speaks Chinese to a browser that asks for it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" },
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle("登录 · AxisFI 客户开户");
  await expect(page.getByRole("heading", { level: 1, name: "为企业客户开通 AxisFI 账户" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "登录" })).toBeVisible();
  await expect(page.getByLabel("邮箱")).toBeVisible();
  await expect(page.getByLabel("密码")).toBeVisible();
  const language = page.getByRole("form", { name: "语言" });
  await expect(language.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");

  await page.getByLabel("邮箱").fill(ACCOUNTS.reviewer);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "无法登录" })).toContainText("邮箱或密码不正确。");
  await context.close();
});

test("the switcher changes the sign-in page's language in place, and back", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Email").fill(ACCOUNTS.reviewer);

  await page.getByRole("form", { name: "Language" }).getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "登录" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/\/sign-in$/);
  // In place: what was typed is still there.
  await expect(page.getByLabel("邮箱")).toHaveValue(ACCOUNTS.reviewer);

  await page.getByRole("form", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.reviewer);
});

test("a signed-in person's choice follows them to another browser", async ({ page, browser, baseURL }) => {
  // A person of their own, so that no shared demo account changes language for other tests.
  const email = `zh-${Date.now()}@axisfi.example`;
  const password = "a-long-enough-password";
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin");
  const form = page.getByRole("form", { name: "Create account" });
  await form.getByLabel("Full name").fill("Li Wei");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill(password);
  await form.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`Account created for ${email}.`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  const first = await browser.newContext({ baseURL });
  const person = await first.newPage();
  await signIn(person, email, password);
  await person.getByRole("form", { name: "Language" }).getByRole("button", { name: "简体中文" }).click();
  const nav = person.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "审核队列" })).toBeVisible();
  await expect(person.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(person.getByRole("banner")).toContainText("合规审核员");
  await person.getByRole("button", { name: "退出登录" }).click();
  await expect(person).toHaveURL(/\/sign-in$/);
  await first.close();

  // A new browser, in English, knows nothing of the choice until the person signs in.
  const second = await browser.newContext({ baseURL });
  const again = await second.newPage();
  await again.goto("/sign-in");
  await expect(again.getByRole("heading", { level: 2, name: "Sign in" })).toBeVisible();
  await again.getByLabel("Email").fill(email);
  await again.getByLabel("Password").fill(password);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审核队列" })).toBeVisible();
  await expect(again.locator("html")).toHaveAttribute("lang", "zh-CN");

  // And back to English, in place, on a signed-in page.
  await again.getByRole("form", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(
    again.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }),
  ).toBeVisible();
  await expect(again.locator("html")).toHaveAttribute("lang", "en");
  await second.close();
});

test("API keys and webhooks show Chinese to a partner admin who reads Chinese", async ({ page, baseURL }) => {
  await signIn(page, ACCOUNTS.partnerAdmin);
  await preferChinese(page, baseURL);
  await page.goto("/settings/api-keys");
  await expect(page).toHaveTitle("API 密钥 · AxisFI 客户开户");
  await expect(page.getByRole("heading", { level: 1, name: "API 密钥" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "密钥对" })).toBeVisible();
  await expect(page.getByRole("button", { name: "创建 API 密钥" })).toBeVisible();
  await expect(page.getByText(/^\d+ 个 API 密钥，其中 \d+ 个有效$/)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "最近使用（UTC）" })).toBeVisible();
  await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeAttached();
  await expect(page.getByRole("banner")).toContainText("合作伙伴管理员");
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "API 密钥" }),
  ).toHaveAttribute("aria-current", "page");

  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhook" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "添加端点" })).toBeVisible();
  await expect(page.getByLabel("端点 URL")).toBeVisible();
  await expect(page.getByRole("button", { name: "添加端点" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "customer.status_changed" })).toHaveAccessibleDescription(
    "客户已被批准、拒绝、暂停或恢复。",
  );
});

test("administration shows Chinese headings, roles and dates", async ({ page, browser, baseURL }) => {
  // Two failed sign-ins from another browser: an email no account has, and the admin's own email
  // with a wrong password (the admin's sign-in below then forgives one).
  const stranger = await browser.newContext({ baseURL });
  const attempt = await stranger.newPage();
  for (const email of [`nobody-${Date.now()}@axisfi.example`, ACCOUNTS.admin]) {
    await attempt.goto("/sign-in");
    await attempt.getByLabel("Email").fill(email);
    await attempt.getByLabel("Password").fill("not-the-password");
    await attempt.getByRole("button", { name: "Sign in" }).click();
    await expect(attempt.getByRole("alert").filter({ hasText: "Could not sign in" })).toBeVisible();
  }
  await stranger.close();
  await signIn(page, ACCOUNTS.admin);
  await preferChinese(page, baseURL);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "管理" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "合作伙伴", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "员工账号" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "安全事件" })).toBeVisible();
  const form = page.getByRole("form", { name: "创建账号" });
  await expect(form.getByLabel("角色", { exact: true }).getByRole("option", { name: "合规审核员" })).toBeAttached();
  // Someone has signed in: the event is named in Chinese, and its time is a Chinese date.
  const events = page.getByRole("table", { name: "安全事件，最新的在前" });
  await expect(events.getByRole("cell", { name: "登录成功" }).first()).toBeVisible();
  await expect(events.locator("time").first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
  await expect(page.getByRole("table", { name: "员工账号，按姓名排序" })).toContainText(ACCOUNTS.admin);

  // The failed sign-ins: who (an unknown email by its keyed hash) and why, in Chinese.
  await page.goto("/admin?events=sign_in");
  const failures = page
    .getByRole("table", { name: "安全事件，最新的在前" })
    .getByRole("row")
    .filter({ hasText: "登录失败" });
  const unknown = failures.filter({ hasText: /未知邮箱（密钥哈希 [0-9a-f]{16}）/ }).first();
  await expect(unknown.getByRole("cell").nth(3)).toHaveText(/^客户端地址 \S+ · 未知邮箱$/);
  const wrongPassword = failures.filter({ hasText: ACCOUNTS.admin }).first();
  await expect(wrongPassword.getByRole("cell").nth(3)).toHaveText(/^客户端地址 \S+ · 密码错误$/);
  await expect(failures.first()).not.toContainText(/client address|wrong password|unknown email|Unknown email/);
});

test("a page that is not one's own says so in Chinese", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer, DEMO_PASSWORD);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "You are not allowed to open this page" })).toBeVisible();
  // The reviewer's own choice (saved on the account) is what counts once signed in: chosen here,
  // and put back whatever happens, since other tests read this account in English.
  try {
    await chooseLanguage(page, "简体中文");
    await expect(page.getByRole("heading", { name: "您无权打开此页面" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
  } finally {
    await chooseLanguage(page, "English");
  }
});
