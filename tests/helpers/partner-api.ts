import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";
import { exampleCustomerRequest } from "../fixtures/customer-request";
import { handlePartnerApi } from "@/lib/api/partner-api";
import { createPartner, type PartnerWithKey } from "@/lib/partners/partners";

/**
 * The partner API as the real server runs it (the same request handler, on a real socket) over
 * this test file's own PostgreSQL database.
 */
export function servePartnerApi() {
  const server = http.createServer((request, response) => void handlePartnerApi(request, response));
  const api = { baseUrl: "" };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    api.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return api;
}

export function authHeaders(partner: PartnerWithKey): Record<string, string> {
  return { "X-API-Key": partner.apiKey.publicKey, "X-API-Secret": partner.apiKey.secret };
}

let partnerCount = 0;

export async function newPartner(): Promise<PartnerWithKey> {
  partnerCount += 1;
  return createPartner(`Test Partner ${partnerCount}`);
}

let customerCount = 0;

/** A fresh partner_customer_id (20–64 characters). */
export function newPartnerCustomerId(): string {
  customerCount += 1;
  return `test-customer-${process.pid}-${Date.now()}-${customerCount}`.padEnd(24, "0");
}

export async function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Creates the published example customer (a fresh partner_customer_id), expecting a 200. */
export async function createExampleCustomer(
  baseUrl: string,
  headers: Record<string, string>,
): Promise<{ customer_id: string; status: string }> {
  const response = await postJson(
    baseUrl,
    "/api/customers/create",
    exampleCustomerRequest(newPartnerCustomerId()),
    headers,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { customer_id: string; status: string };
}

// Smallest files whose bytes are what they claim: file-type judges by these magic numbers.
export const SAMPLE_FILES = {
  png: Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f10000000049454e44ae426082",
    "hex",
  ),
  jpeg: Buffer.from("ffd8ffe000104a46494600010100000100010000ffdb004300" + "08".repeat(64) + "ffd9", "hex"),
  pdf: Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
};

export async function uploadFile(
  baseUrl: string,
  headers: Record<string, string>,
  bytes: Buffer,
  fileName = "document.png",
  declaredType = "image/png",
): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: declaredType }), fileName);
  return fetch(`${baseUrl}/api/files/upload`, { method: "POST", headers, body: form });
}

export async function uploadedFileId(baseUrl: string, headers: Record<string, string>, bytes = SAMPLE_FILES.png) {
  const response = await uploadFile(baseUrl, headers, bytes);
  if (response.status !== 200) throw new Error(`upload failed with ${response.status}`);
  return ((await response.json()) as { file_id: string }).file_id;
}
