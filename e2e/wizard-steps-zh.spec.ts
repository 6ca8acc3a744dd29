import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, pick, signIn, uniqueReference } from "./helpers";

/**
 * The wizard's step forms in Simplified Chinese: chosen with the footer's language switcher, the
 * company step's headings, labels, hints, buttons, progress and country picker read in Chinese
 * (the picker finds a country by its Chinese, native or short English name); English comes back
 * with the switcher. Signed in as the Northwind user, whose language choice no other step test
 * depends on; the choice is put back to English whatever happens.
 */
const ACCOUNT = "user@northwind.example";

test("the company step in Simplified Chinese, and back in English", async ({ page }) => {
  await signIn(page, ACCOUNT);
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
  await expect(page.getByRole("heading", { level: 1, name: "Company" })).toBeVisible();

  try {
    await chooseLanguage(page, "简体中文");

    // The step's heading and description, and where it stands in the progress.
    await expect(page.getByRole("heading", { level: 1, name: "企业信息" })).toBeVisible();
    await expect(page.getByText("工商登记信息及注册文件")).toBeVisible();
    const progress = page.getByRole("navigation", { name: "开户进度" });
    await expect(progress).toContainText("企业信息（当前步骤）");
    await expect(progress).toContainText("注册地址（未开始）");
    await expect(progress).toContainText("核对并提交（未开始）");

    // Sections, labels, hints and buttons.
    const details = page.getByRole("group", { name: "基本信息" });
    await expect(details).toBeVisible();
    await expect(details.getByLabel("企业名称（英文）", { exact: true })).toBeVisible();
    await expect(details.getByLabel("注册号", { exact: true })).toBeVisible();
    await expect(details.getByText("与注册信息一致，可使用任何文字。")).toBeVisible();
    await expect(page.getByRole("group", { name: "注册文件" })).toBeVisible();
    await expect(page.getByLabel("添加注册文件")).toBeAttached();
    await expect(page.getByText("选择文件")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存并继续" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回草稿列表" })).toBeVisible();

    // The country picker: Chinese names, found by Chinese, native and short English names.
    const country = page.getByRole("combobox", { name: "注册国家/地区" });
    await expect(country).toHaveAttribute("placeholder", "搜索国家/地区");
    for (const [typed, first] of [
      ["中国", /^中国\s*CN$/],
      ["美国", /^美国\s*US$/],
      ["Deutschland", /^德国\s*DE$/],
      ["UK", /^英国\s*GB$/],
    ] as const) {
      await country.fill(typed);
      await expect(page.getByRole("option").first()).toHaveAccessibleName(first);
    }
    await page.getByRole("option", { name: /^英国/ }).first().click();
    await expect(country).toHaveValue("英国");
    await country.fill("zzzz");
    await expect(page.getByText("无匹配结果", { exact: true }).first()).toBeVisible();
    await country.fill("");

    // Saving with the required fields empty: the errors' summary in Chinese.
    await page.getByRole("button", { name: "保存并继续" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请检查此步骤" })).toContainText("部分字段需要您处理。");
  } finally {
    await chooseLanguage(page, "English");
  }

  await expect(page.getByRole("heading", { level: 1, name: "Company" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Onboarding progress" })).toContainText("Company (current step)");
  await expect(page.getByRole("group", { name: "Business details" })).toBeVisible();
  await expect(page.getByLabel("Business name (English)", { exact: true })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Country of registration" })).toHaveAttribute(
    "placeholder",
    "Search countries",
  );
  await page.getByRole("combobox", { name: "Country of registration" }).fill("中国");
  await expect(page.getByRole("option").first()).toHaveAccessibleName(/^People's Republic of China\s*CN$/);
  await expect(page.getByRole("button", { name: "Save and continue" })).toBeVisible();
});

/** Fills in the five form steps in English, as bench/page-weight.ts does, and lands on the review. */
async function completeForms(page: Page): Promise<void> {
  const label = (text: string) => page.getByLabel(text, { exact: true });
  const save = () => page.getByRole("button", { name: "Save and continue" }).click();
  await label("Business name (English)").fill("Gemini Trading Limited");
  await label("Registration number").fill("91310000MA1FL4TQ2X");
  await pick(page, "Country of registration", "United States", /^United States of America/);
  await label("Registered on").fill("2020-01-15");
  await label("Your reference for this customer").fill(uniqueReference());
  await save();
  await label("Address line").fill("1 Market Street");
  await label("City").fill("San Francisco");
  await pick(page, "Country", "united states", /^United States of America/);
  await save();
  await pick(page, "Main operating country", "US", /^United States of America/);
  await page.getByLabel("Industry category").selectOption("5732");
  await pick(page, "Revenue currency", "USD", /US Dollar/);
  await label("Estimated monthly revenue").fill("25000.50");
  await save();
  await label("Contact email").fill("finance@gemini.example");
  await label("Contact phone").fill("+14155552671");
  await save();
  const person = page.getByRole("group", { name: "Legal representative 1" });
  await person.getByLabel(/^First name \(English\)/).fill("Wei");
  await person.getByLabel(/^Last name \(English\)/).fill("Zhang");
  await person.getByLabel(/^Date of birth/).fill("1985-11-07");
  await pick(page, /^Nationality/, "CN", /China/);
  await person.getByLabel(/^ID number/).fill("E12345678");
  await pick(page, /^ID issuing country/, "CN", /China/);
  await save();
  await expect(page).toHaveURL(/\/review$/);
}

test("the review step names countries, categories, dates and money in the reader's language", async ({ page }) => {
  await signIn(page, ACCOUNT);
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await completeForms(page);
  await expect(page.getByRole("region", { name: "Company" })).toContainText("United States of America");

  try {
    await chooseLanguage(page, "简体中文");
    await expect(page.getByRole("heading", { level: 1, name: "核对并提交" })).toBeVisible();
    const company = page.getByRole("region", { name: "企业信息" });
    await expect(company).toContainText("注册国家/地区");
    await expect(company).toContainText("美国");
    await expect(company).toContainText("2020年1月15日");
    await expect(company.getByRole("link", { name: "编辑 企业信息" })).toBeVisible();
    const usage = page.getByRole("region", { name: "账户用途" });
    await expect(usage).toContainText("电子产品商店");
    await expect(usage).toContainText("25,000.50");
    const person = page.getByRole("region", { name: "法定代表人 1" });
    await expect(person).toContainText("姓名（英文）");
    await expect(person).toContainText("中国");
    await expect(page.getByRole("button", { name: "提交审核" })).toBeVisible();
  } finally {
    await chooseLanguage(page, "English");
  }
  await expect(page.getByRole("region", { name: "Company" })).toContainText("United States of America");
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
});
