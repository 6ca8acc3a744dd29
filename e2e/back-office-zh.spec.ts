import { expect, test } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, chooseLanguage, signIn, uniqueReference } from "./helpers";

const DEMO_KEY = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

test("a reviewer works the queue and decides in Simplified Chinese, then gets English back", async ({
  page,
  request,
}) => {
  const body = exampleCustomerRequest(uniqueReference());
  body.business_details.business_name_english = "Zhongwen Review Trading Ltd";
  const created = await request.post("/api/customers/create", { headers: DEMO_KEY, data: body });
  expect(created.status()).toBe(200);
  const { customer_id: customerId } = await created.json();

  await signIn(page, ACCOUNTS.reviewer);
  await page.goto("/customers");
  // The choice is saved on the shared reviewer account: put back whatever happens (other specs read it in English).
  try {
    await chooseLanguage(page, "简体中文");

    // Home greets in Chinese and describes the review queue.
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "欢迎，Robin Reviewer" })).toBeVisible();
    await expect(page.getByText("审核等待决定的企业客户。")).toBeVisible();
    await page.goto("/customers");

    // The queue: heading, filters, columns, status names and the count, in Chinese.
    await expect(page.getByRole("heading", { level: 1, name: "审核队列" })).toBeVisible();
    const filters = page.getByRole("search", { name: "筛选客户" });
    await filters.getByLabel("搜索").fill("Zhongwen Review Trading");
    await filters.getByLabel("状态").selectOption({ label: "待审核" });
    await filters.getByRole("button", { name: "应用" }).click();
    await expect(page).toHaveURL(/status=pending/);
    for (const column of ["企业", "状态", "合作伙伴", "国家/地区", "客户 ID", "创建时间（UTC）"]) {
      await expect(page.getByRole("columnheader", { name: column })).toBeVisible();
    }
    await expect(page.getByText("搜索“Zhongwen Review Trading”：1 条结果")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: customerId });
    await expect(row.getByText("待审核", { exact: true })).toBeVisible();
    await row.getByRole("link", { name: "Zhongwen Review Trading Ltd" }).click();

    // The customer: sections, field labels, dates, decision and audit trail, in Chinese.
    await expect(page.getByRole("heading", { level: 1, name: "Zhongwen Review Trading Ltd" })).toBeVisible();
    await expect(page).toHaveTitle(/^客户 · /);
    await expect(page.getByText(/创建于 \d{4}年\d{1,2}月\d{1,2}日/)).toBeVisible();
    for (const section of ["企业信息", "注册地址", "账户用途", "主要联系人", "法定代表人 1", "审核决定", "审计记录"]) {
      await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
    }
    const company = page.getByRole("region", { name: "企业信息" });
    await expect(company.getByText("注册号", { exact: true })).toBeVisible();
    await expect(company.getByText(body.business_details.business_identifier_number, { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "显示法定代表人 1 的证件号码" })).toBeVisible();
    const ask = page.getByRole("region", { name: "要求补充信息" });
    await expect(ask.getByLabel("需修正的字段 1")).toBeVisible();
    await expect(ask.getByRole("button", { name: "要求补充信息" })).toBeVisible();

    const decision = page.getByRole("region", { name: "审核决定" });
    await expect(decision.getByRole("button", { name: "批准" })).toBeVisible();
    await expect(decision.getByRole("button", { name: "拒绝" })).toBeVisible();
    await decision.getByRole("button", { name: "批准" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "审核决定未记录" })).toBeVisible();
    await decision.getByLabel("原因").fill("注册文件和身份证件均已核实。");
    await decision.getByRole("button", { name: "批准" }).click();
    await expect(page.getByText("已通过", { exact: true }).first()).toBeVisible();
    await expect(decision.getByRole("button", { name: "暂停" })).toBeVisible();

    const trail = page.getByRole("region", { name: "审计记录" });
    await expect(trail).toContainText("已创建");
    await expect(trail).toContainText("已批准 · 待审核 → 已通过");
    await expect(trail).toContainText("原因：注册文件和身份证件均已核实。");
    await expect(trail).toContainText("Robin Reviewer");
  } finally {
    if ((await page.locator("html").getAttribute("lang")) !== "en") await chooseLanguage(page, "English");
  }

  // Back in English: the same page and the queue read as before.
  await expect(page.getByRole("heading", { level: 2, name: "Company details" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Company details" }).getByText("Registration number")).toBeVisible();
  await expect(page.getByRole("button", { name: "Suspend" })).toBeVisible();
  const englishTrail = page.getByRole("region", { name: "Audit trail" });
  await expect(englishTrail).toContainText("Approved · pending → active");
  await expect(englishTrail).toContainText("Reason: 注册文件和身份证件均已核实。");
  await page.getByRole("link", { name: "← All customers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Business" })).toBeVisible();
});
