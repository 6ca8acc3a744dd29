import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, chooseLanguage, documentFixture, pick, signIn, uniqueReference } from "./helpers";

async function saveAndContinue(page: Page, nextHeading: string): Promise<void> {
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByRole("heading", { level: 1, name: nextHeading, exact: true })).toBeVisible();
}

/**
 * The whole wizard in Simplified Chinese, as a partner's staff member who reads Chinese would use
 * it: chosen with the footer's switcher, every step filled by its Chinese labels, pickers searched
 * in Chinese, the review step in Chinese (names, dates, money), submitted, and the customer found
 * in the list. The choice is saved on the account, so it is put back to English whatever happens.
 */
test("a partner user completes the wizard in Chinese and finds the customer in the list", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await page.goto("/onboarding");
  try {
    await chooseLanguage(page, "简体中文");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByRole("button", { name: "开始新的开户" }).click();
    await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
    await expect(page.getByRole("heading", { level: 1, name: "企业信息", exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/企业信息（第 1 步，共 6 步）/);

    const reference = uniqueReference();
    await page.getByLabel("企业名称（英文）", { exact: true }).fill("Shuangzi Trading Limited");
    await page.getByLabel("企业名称（当地语言）", { exact: true }).fill("双子贸易有限公司");
    await page.getByLabel("注册号", { exact: true }).fill("91310000MA1FL4TQ2X");
    await pick(page, "注册国家/地区", "中国", /^中国/);
    await page.getByLabel("注册日期", { exact: true }).fill("2020-01-15");
    await page.getByLabel("网站", { exact: true }).fill("https://www.example.com");
    await page.getByLabel("您为此客户设定的编号", { exact: true }).fill(reference);
    await saveAndContinue(page, "注册地址");

    await page.getByLabel("地址", { exact: true }).fill("上海市浦东新区世纪大道 100 号");
    await page.getByLabel("城市", { exact: true }).fill("上海");
    await page.getByLabel("邮政编码", { exact: true }).fill("200120");
    await pick(page, /^国家\/地区/, "中国", /^中国/);
    await saveAndContinue(page, "账户用途");

    await pick(page, "主要经营国家/地区", "中国", /^中国/);
    await page.getByLabel("行业类别", { exact: true }).selectOption("5732");
    await page.getByLabel("销售的商品或服务", { exact: true }).fill("消费电子产品");
    await pick(page, "收入币种", "人民币", /人民币/);
    await page.getByLabel("预计月收入", { exact: true }).fill("185000");
    await saveAndContinue(page, "主要联系人");

    await page.getByLabel("联系邮箱", { exact: true }).fill("finance@shuangzi.example");
    // Typed as people write it (the customer holds it in E.164).
    await page.getByLabel("联系电话", { exact: true }).fill("+86 138 0013 8000");
    await saveAndContinue(page, "法定代表人");

    await page.getByLabel("名字（英文）", { exact: true }).fill("Weiming");
    await page.getByLabel("姓氏（英文）", { exact: true }).fill("Chen");
    await page.getByLabel("名字（当地语言）", { exact: true }).fill("伟明");
    await page.getByLabel("姓氏（当地语言）", { exact: true }).fill("陈");
    await page.getByLabel("出生日期", { exact: true }).fill("1985-11-07");
    await pick(page, "国籍", "中国", /^中国/);
    await page.getByLabel("证件号码", { exact: true }).fill("E12345678");
    await pick(page, "证件签发国家/地区", "中国", /^中国/);
    await page.getByLabel("证件正面", { exact: true }).setInputFiles(documentFixture("id-front.png"));
    await expect(page.getByText("id-front.png")).toBeVisible();
    await page.getByLabel("证件背面", { exact: true }).setInputFiles(documentFixture("id-back.jpg"));
    await expect(page.getByText("id-back.jpg")).toBeVisible();
    await saveAndContinue(page, "核对并提交");

    // The review step says everything in Chinese: names in their script's order, countries,
    // the industry, dates and money in the reader's language.
    const company = page.getByRole("region", { name: "企业信息" });
    await expect(company).toContainText("双子贸易有限公司");
    await expect(company).toContainText("中国");
    await expect(company).toContainText("2020年1月15日");
    await expect(page.getByRole("region", { name: "账户用途" })).toContainText("CNY 185,000.00");
    await expect(page.getByRole("region", { name: "主要联系人" })).toContainText("+86 138 0013 8000");
    const person = page.getByRole("region", { name: "法定代表人 1" });
    await expect(person).toContainText("陈伟明");
    await expect(person).toContainText("1985年11月7日");

    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "客户已提交审核" })).toBeVisible();
    await expect(page.getByText("Shuangzi Trading Limited 已交由 AxisFI 合规团队审核。")).toBeVisible();

    await page.getByRole("link", { name: "查看您的客户" }).click();
    await expect(page.getByRole("row", { name: /Shuangzi Trading Limited/ })).toContainText("待审核");
  } finally {
    await chooseLanguage(page, "English");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});
