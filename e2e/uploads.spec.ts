import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./helpers";

const TEN_MB = 10 * 1024 * 1024;

/** A PDF (by its bytes) of exactly `size` bytes. */
function pdfOfSize(size: number): Buffer {
  const head = Buffer.from("%PDF-1.4\n%");
  const tail = Buffer.from("\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x41), tail]);
}

// Through the real server, as the wizard sends it: nothing in front of the route (such as Next's
// proxy, which copies and cuts request bodies) may truncate a document the limit allows.
test("the wizard's upload route stores a document of the full 10 MB, whole", async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerUser);
  const document = pdfOfSize(TEN_MB);
  const response = await page.request.post("/api/portal/files", {
    multipart: { file: { name: "annual-report.pdf", mimeType: "application/pdf", buffer: document } },
  });
  expect(response.status()).toBe(200);
  const file = await response.json();
  expect(file).toMatchObject({ file_name: "annual-report.pdf", content_type: "application/pdf", size: TEN_MB });

  const stored = await page.request.get(`/api/portal/files/${file.file_id}`);
  expect(stored.status()).toBe(200);
  expect((await stored.body()).equals(document)).toBe(true);
});
