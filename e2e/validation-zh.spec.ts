import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, chooseLanguage, pick, signIn, uniqueReference } from "./helpers";

// The wizard's words are another matter: fields are found by their id (fieldId in
// components/onboarding/form-fields.tsx) and the step's submit button by its form, so that this
// test reads the same whichever language the labels are in.
const field = (page: Page, path: string) => page.locator(`#f-${path.replaceAll(".", "-")}`);
const saveStep = (page: Page) => page.locator("form[novalidate] button[type=submit]").click();

// The choice is kept on the demo account: give it back its English for the tests after this one.
test.afterEach(async ({ page }) => {
  if (!page.url().startsWith("http")) return;
  await page.goto("/onboarding");
  await chooseLanguage(page, "English");
});

test("with 简体中文 chosen, the wizard's own checks and the server's refusals are in Chinese", async ({
  page,
  context,
}) => {
  await signIn(page, ACCOUNTS.partnerUser);
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(page).toHaveURL(/\/onboarding\/drf_[0-9a-f]{32}\/company$/);
  const companyUrl = page.url();

  // A valid company step, saved, so that both tabs below open it at the same version.
  await field(page, "business_details.business_name_english").fill("Bilingual Trading Ltd");
  await field(page, "business_details.business_identifier_number").fill("91310000MA1FL4TQ2X");
  await pick(page, "Country of registration", "United States", /^United States of America/);
  await field(page, "partner_customer_id").fill(uniqueReference());
  await saveStep(page);
  await expect(page).toHaveURL(/\/address$/);

  await chooseLanguage(page, "简体中文");
  await page.goto(companyUrl);
  const otherTab = await context.newPage();
  await otherTab.goto(companyUrl);
  await expect(otherTab.locator("html")).toHaveAttribute("lang", "zh-CN");

  // The browser's check, by the API's own schema: a required field left empty.
  const name = field(page, "business_details.business_name_english");
  await name.fill("");
  await saveStep(page);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/此字段为必填项。/);
  await expect(page.getByText("This field is required.")).toHaveCount(0);

  // Saved here, the draft moves on; the other tab still shows the version before: the server refuses it.
  await name.fill("Bilingual Trading Ltd");
  await saveStep(page);
  await expect(page).toHaveURL(/\/address$/);
  await saveStep(otherTab);
  await expect(otherTab.getByText(/开户申请已在其他标签页中或由同事更改，因此您的更改未保存。/)).toBeVisible();
  await expect(otherTab.getByText(/so your changes were not saved/)).toHaveCount(0);
  await otherTab.close();
});
