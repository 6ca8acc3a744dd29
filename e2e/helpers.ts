import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";

export const ACCOUNTS = {
  partnerAdmin: "admin@partner.example",
  partnerUser: "user@partner.example",
  reviewer: "reviewer@axisfi.example",
  admin: "admin@axisfi.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
}

const FIXTURES = path.join(__dirname, "fixtures");

/** Small real documents (their bytes are what their names say), written once per run. */
export function documentFixture(
  name: "registration.pdf" | "id-front.png" | "id-back.jpg" | "not-a-document.png",
): string {
  const file = path.join(FIXTURES, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(FIXTURES, { recursive: true });
    const bytes = {
      "registration.pdf": Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
      "id-front.png": Buffer.from(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f10000000049454e44ae426082",
        "hex",
      ),
      "id-back.jpg": Buffer.from(
        "ffd8ffe000104a46494600010100000100010000ffdb004300" + "08".repeat(64) + "ffd9",
        "hex",
      ),
      "not-a-document.png": Buffer.from("MZ\x90\x00 this is an executable, whatever its name says"),
    }[name];
    fs.writeFileSync(file, bytes);
  }
  return file;
}

/** Chooses an option in a searchable picker by typing and picking from the list. */
export async function pick(page: Page, label: string | RegExp, search: string, option: string | RegExp): Promise<void> {
  const input = page.getByRole("combobox", { name: label });
  await input.fill(search);
  await page.getByRole("option", { name: option }).first().click();
}

let counter = 0;
export function uniqueReference(): string {
  counter += 1;
  return `e2e-${Date.now()}-${counter}`.padEnd(24, "0");
}

/**
 * The footer's language switcher, as a person finds it (named in the page's language), then waits
 * for the page to be in that language. For a signed-in person the choice is saved on the account.
 */
export async function chooseLanguage(page: Page, language: "English" | "简体中文"): Promise<void> {
  await page
    .getByRole("form", { name: /^(Language|语言)$/ })
    .getByRole("button", { name: language })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? "en" : "zh-CN");
}
