import http from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_FILE_BYTES } from "@/lib/files/resource-schema";
import { authHeaders, newPartner, SAMPLE_FILES, servePartnerApi } from "./helpers/partner-api";
import { fieldPart, filePart, MULTIPART_CONTENT_TYPE, MULTIPART_END } from "./fixtures/multipart";

const api = servePartnerApi();

interface Answer {
  status: number;
  body: string;
}

function answerOf(request: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
  });
}

/**
 * Sends a chunked upload (no Content-Length) of `total` bytes, one chunk at a time, and stops as
 * soon as the server answers. Says how much was handed to the socket by then.
 */
async function sendChunkedUntilAnswered(
  headers: Record<string, string>,
  total: number,
): Promise<{ answer: Answer; sent: number }> {
  const request = http.request(`${api.baseUrl}/api/files/upload`, {
    method: "POST",
    headers: { ...headers, "Content-Type": MULTIPART_CONTENT_TYPE, "Transfer-Encoding": "chunked" },
  });
  // The server closes the connection after refusing: writes after that fail, as they should.
  let closed = false;
  request.on("error", () => {});
  const hungUp = new Promise((resolve) => request.once("close", resolve)).then(() => (closed = true));
  let answer: Answer | null = null;
  const answered = answerOf(request).then((value) => (answer = value));
  const chunk = Buffer.alloc(256 * 1024, 0x41);
  request.write(Buffer.concat([filePart("file", "huge.pdf"), SAMPLE_FILES.pdf]));
  let sent = 0;
  while (answer === null && !closed && sent < total) {
    sent += chunk.length;
    if (!request.write(chunk)) {
      // Backpressure: wait until the server reads more, or answers, or hangs up.
      await Promise.race([new Promise((resolve) => request.once("drain", resolve)), answered, hungUp]);
    }
  }
  if (answer === null && !closed) request.end(MULTIPART_END);
  // A connection closed without an answer is a failure of its own (the answer was lost).
  await Promise.race([answered, hungUp]);
  await new Promise((resolve) => setImmediate(resolve));
  return { answer: answer ?? { status: 0, body: "{}" }, sent };
}

async function filesOf(partnerId: string): Promise<number> {
  return db.file.count({ where: { partnerId } });
}

describe("POST /api/files/upload is bounded", () => {
  it("answers a chunked body past 10 MB with 413 before the client has sent it all, and stores nothing", async () => {
    const partner = await newPartner();
    const total = 64 * 1024 * 1024;
    const { answer, sent } = await sendChunkedUntilAnswered(authHeaders(partner), total);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
    // The server stopped reading: the rest of the 64 MB was never taken from the client.
    expect(sent).toBeGreaterThan(MAX_FILE_BYTES);
    expect(sent).toBeLessThan(total);
    expect(await filesOf(partner.partnerId)).toBe(0);
  });

  it("does not trust a small Content-Length: only what it declares is read, and the cut body is refused", async () => {
    const partner = await newPartner();
    const socket = net.connect(Number(new URL(api.baseUrl).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.on("error", () => {});
    const head = [
      "POST /api/files/upload HTTP/1.1",
      "Host: 127.0.0.1",
      ...Object.entries(authHeaders(partner)).map(([name, value]) => `${name}: ${value}`),
      `Content-Type: ${MULTIPART_CONTENT_TYPE}`,
      "Content-Length: 300",
      "",
      "",
    ].join("\r\n");
    let received = "";
    const answered = new Promise<void>((resolve) =>
      socket.on("data", (chunk) => {
        received += chunk;
        if (received.includes("\r\n\r\n{")) resolve();
      }),
    );
    const closed = new Promise((resolve) => socket.once("close", resolve));
    // The declared 300 bytes start an 11 MB file; the server reads exactly those and refuses the
    // cut body rather than reading on or keeping a truncated file.
    const body = Buffer.concat([filePart("file", "big.pdf"), SAMPLE_FILES.pdf, Buffer.alloc(11 * 1024 * 1024)]);
    socket.write(head);
    socket.write(body.subarray(0, 300));
    await answered;
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    expect(received).toContain('"validation_error"');
    socket.end(body.subarray(300));
    await closed;
    expect(await filesOf(partner.partnerId)).toBe(0);
  });

  it("refuses two file parts", async () => {
    const partner = await newPartner();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(SAMPLE_FILES.pdf)]), "a.pdf");
    form.append("file", new Blob([new Uint8Array(SAMPLE_FILES.png)]), "b.png");
    const response = await fetch(`${api.baseUrl}/api/files/upload`, {
      method: "POST",
      headers: authHeaders(partner),
      body: form,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/one file/);
    expect(await filesOf(partner.partnerId)).toBe(0);
  });

  it("refuses too many fields", async () => {
    const partner = await newPartner();
    const form = new FormData();
    for (let index = 0; index < 50; index += 1) form.append(`field${index}`, "x");
    form.append("file", new Blob([new Uint8Array(SAMPLE_FILES.pdf)]), "a.pdf");
    const response = await fetch(`${api.baseUrl}/api/files/upload`, {
      method: "POST",
      headers: authHeaders(partner),
      body: form,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/form fields/);
    expect(await filesOf(partner.partnerId)).toBe(0);
  });

  it("still takes a file with a few fields beside it", async () => {
    const partner = await newPartner();
    const response = await new Promise<Answer>((resolve, reject) => {
      const body = Buffer.concat([
        fieldPart("note", "scan"),
        filePart("file", "a.pdf"),
        SAMPLE_FILES.pdf,
        MULTIPART_END,
      ]);
      const request = http.request(`${api.baseUrl}/api/files/upload`, {
        method: "POST",
        headers: { ...authHeaders(partner), "Content-Type": MULTIPART_CONTENT_TYPE, "Content-Length": body.length },
      });
      answerOf(request).then(resolve, reject);
      request.end(body);
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ file_name: "a.pdf", content_type: "application/pdf" });
    expect(await filesOf(partner.partnerId)).toBe(1);
  });
});
