import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { buffer } from "node:stream/consumers";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it } from "vitest";
import { startS3Server } from "./helpers/s3-server";
import { waitUntil } from "./helpers/wait";

// The portal reads its configuration once, at the first import of lib/env: the S3 server must be
// running, and the environment say so, before anything of lib/ is imported.
const s3 = await startS3Server();
Object.assign(process.env, s3.environment);
afterAll(() => s3.stop());

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { readFileForActor } = await import("@/lib/files/file-queries");
const { MAX_FILE_BYTES } = await import("@/lib/files/resource-schema");
const { S3Storage } = await import("@/lib/files/s3-storage");
const { upsertUser } = await import("@/lib/users/users");
const { authHeaders, newPartner, servePartnerApi, uploadFile } = await import("./helpers/partner-api");

const api = servePartnerApi();

const bucket = new S3Client({
  region: s3.config.region,
  endpoint: s3.config.endpoint,
  forcePathStyle: true,
  credentials: s3.config.credentials,
});

async function objectsInBucket(): Promise<string[]> {
  const listed = await bucket.send(new ListObjectsV2Command({ Bucket: s3.config.bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "");
}

/** A PDF by its magic number, of `size` bytes, with random content so no two are alike. */
function pdfOf(size: number): Buffer {
  const bytes = crypto.randomBytes(size);
  Buffer.from("%PDF-1.4\n").copy(bytes);
  return bytes;
}

const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

describe("documents kept in S3-compatible storage (FILE_STORAGE=s3)", () => {
  it("a document uploaded over the partner API is read back with the same bytes and SHA-256", async () => {
    const partner = await newPartner();
    // Past S3's 5 MB part: stored as a multipart upload.
    const bytes = pdfOf(7 * 1024 * 1024 + 11);
    const response = await uploadFile(api.baseUrl, authHeaders(partner), bytes, "statutes.pdf", "application/pdf");
    expect(response.status).toBe(200);
    const uploaded = (await response.json()) as { file_id: string; size: number; content_type: string };
    expect(uploaded).toMatchObject({ size: bytes.length, content_type: "application/pdf" });

    const row = await db.file.findUniqueOrThrow({ where: { id: uploaded.file_id } });
    expect(row.sha256).toBe(sha256(bytes));

    const staff = await upsertUser({
      email: `staff-${uploaded.file_id}@example.com`,
      name: "Sam Staff",
      password: "a long enough password",
      role: "partner_user",
      partnerId: partner.partnerId,
    });
    const document = await readFileForActor(
      { userId: staff, role: "partner_user", partnerId: partner.partnerId },
      uploaded.file_id,
    );
    const read = await buffer(document.content);
    expect(sha256(read)).toBe(row.sha256);
    expect(read.equals(bytes)).toBe(true);

    // Kept in the bucket, not in the local folder.
    const fromBucket = await buffer(await new S3Storage(s3.config).get(row.storageKey));
    expect(fromBucket.equals(bytes)).toBe(true);
    expect(fs.existsSync(env.FILE_STORAGE_DIR)).toBe(false);
  });

  it("keeps nothing in the bucket of an upload refused part-way (past 10 MB) or by its type", async () => {
    const partner = await newPartner();
    const before = await objectsInBucket();
    const tooLarge = await uploadFile(api.baseUrl, authHeaders(partner), pdfOf(MAX_FILE_BYTES + 1), "big.pdf");
    expect(tooLarge.status).toBe(413);
    const notADocument = await uploadFile(api.baseUrl, authHeaders(partner), Buffer.from("plain text"), "a.txt");
    expect(notADocument.status).toBe(415);
    expect(await objectsInBucket()).toEqual(before);
    expect(await db.file.count({ where: { partnerId: partner.partnerId } })).toBe(0);
  });

  it("removes a document already stored when the rest of the body is refused (a second file part)", async () => {
    const partner = await newPartner();
    const before = await objectsInBucket();
    const boundary = "----axisfi-s3-boundary";
    const part = (fileName: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      "Content-Type: application/pdf\r\n\r\n";
    const request = http.request(`${api.baseUrl}/api/files/upload`, {
      method: "POST",
      headers: { ...authHeaders(partner), "Content-Type": `multipart/form-data; boundary=${boundary}` },
    });
    request.on("error", () => {});
    const answered = new Promise<number>((resolve) =>
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }),
    );
    // The first file whole, up to the boundary that ends it; then wait until it is in the bucket.
    request.write(Buffer.concat([Buffer.from(part("a.pdf")), pdfOf(64 * 1024), Buffer.from("\r\n")]));
    request.write(`--${boundary}\r\n`);
    await waitUntil(async () => (await objectsInBucket()).length > before.length, "the first file is in the bucket");
    request.end(Buffer.concat([Buffer.from(part("b.pdf").slice(`--${boundary}\r\n`.length)), pdfOf(1024)]));
    expect(await answered).toBe(400);
    expect(await objectsInBucket()).toEqual(before);
    expect(await db.file.count({ where: { partnerId: partner.partnerId } })).toBe(0);
  });
});
