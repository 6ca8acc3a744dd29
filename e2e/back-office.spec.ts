import { expect, test, type APIRequestContext } from "@playwright/test";
import { exampleCustomerRequest } from "../tests/fixtures/customer-request";
import { ACCOUNTS, signIn, uniqueReference } from "./helpers";

// Empty: requests go to baseURL, so the suite runs on any E2E_PORT.
const API = "";
const DEMO_KEY = {
  "X-API-Key": "pk_demo_axisfi_0000000000000000",
  "X-API-Secret": "sk_demo_axisfi_00000000000000000000000000000000",
};

/** A customer of the demo partner, created through the Partner API with a registration document. */
async function createCustomerViaApi(request: APIRequestContext, name: string): Promise<string> {
  const upload = await request.post(`${API}/api/files/upload`, {
    headers: DEMO_KEY,
    multipart: {
      file: {
        name: "certificate.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
      },
    },
  });
  expect(upload.status()).toBe(200);
  const { file_id: fileId } = await upload.json();
  const body = exampleCustomerRequest(uniqueReference(), { documentIds: [fileId] });
  body.business_details.business_name_english = name;
  const created = await request.post(`${API}/api/customers/create`, { headers: DEMO_KEY, data: body });
  expect(created.status()).toBe(200);
  return (await created.json()).customer_id;
}

test("a reviewer filters the queue, opens a customer, views a document, approves with a reason and sees the timeline", async ({
  page,
  request,
}) => {
  const customerId = await createCustomerViaApi(request, "Reviewable Exports Ltd");
  await signIn(page, ACCOUNTS.reviewer);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }).click();

  const filters = page.getByRole("search", { name: "Filter customers" });
  await filters.getByLabel("Search").fill("Reviewable Exports");
  await filters.getByLabel("Status").selectOption("pending");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=Reviewable\+Exports/);
  await expect(page).toHaveURL(/status=pending/);
  const rows = page.getByRole("row").filter({ hasText: customerId });
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: "Reviewable Exports Ltd" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Reviewable Exports Ltd" })).toBeVisible();
  await expect(page.getByText("E12345678")).toHaveCount(0);
  await page.getByRole("button", { name: "Reveal ID number of representative 1" }).click();
  await expect(page.getByText("E12345678")).toBeVisible();

  const document = await page.request.get(
    (await page.getByRole("link", { name: "View certificate.pdf" }).getAttribute("href")) ?? "",
  );
  expect(document.status()).toBe(200);
  expect(document.headers()["content-type"]).toBe("application/pdf");
  expect(document.headers()["x-content-type-options"]).toBe("nosniff");
  expect(document.headers()["content-disposition"]).toMatch(/^inline/);

  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The decision was not recorded" })).toContainText("reason");
  await page.getByLabel("Reason").fill("Registration and identity documents verified.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();

  const timeline = page.getByRole("region", { name: "Audit trail" });
  await expect(timeline).toContainText("Created");
  await expect(timeline).toContainText("Approved");
  await expect(timeline).toContainText("pending → active");
  await expect(timeline).toContainText("Registration and identity documents verified.");
  await expect(timeline).toContainText("Revealed an ID number");
  await expect(timeline).toContainText("Viewed a document");
  await expect(timeline).toContainText("Robin Reviewer");

  // The Partner API shows the decision at once.
  const fetched = await request.get(`${API}/api/customers/${customerId}`, { headers: DEMO_KEY });
  expect((await fetched.json()).status).toBe("active");
});

test("a partner user sees only their partner's customers and cannot open another's by URL", async ({
  page,
  request,
}) => {
  const customerId = await createCustomerViaApi(request, "Demo Partner Only Ltd");
  await signIn(page, "user@northwind.example");
  await page.goto("/customers");
  await expect(page.getByRole("row").filter({ hasText: customerId })).toHaveCount(0);
  await page.goto(`/customers?partnerId=ptn_demo&q=${customerId}`);
  await expect(page.getByRole("row").filter({ hasText: customerId })).toHaveCount(0);

  const response = await page.goto(`/customers/${customerId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Demo Partner Only Ltd" })).toHaveCount(0);

  const file = await page.request.get(`/api/portal/files/file_00000000000000000000000000000000`);
  expect(file.status()).toBe(404);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, ACCOUNTS.partnerUser);
  await page.goto(`/customers/${customerId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Demo Partner Only Ltd" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Reveal ID number/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
});
