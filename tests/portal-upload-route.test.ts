import crypto from "node:crypto";
import { buffer } from "node:stream/consumers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/files/read-upload";
import { filePart, MULTIPART_CONTENT_TYPE, MULTIPART_END } from "./fixtures/multipart";
import { newPartner, SAMPLE_FILES } from "./helpers/partner-api";
import { waitUntil } from "./helpers/wait";

// The route asks who is signed in; the session machinery is Next's, so the test says who it is.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null, locale: "en" }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => session.user }));
// So is the page's language (next-intl's request config, which reads the session and cookies).
vi.mock("next-intl/server", () => ({ getLocale: async () => session.locale }));

const { POST } = await import("@/app/api/portal/files/route");
const { GET } = await import("@/app/api/portal/files/[fileId]/route");
const { readFileForActor } = await import("@/lib/files/file-queries");

const FILE_HEAD = filePart("file", "scan.pdf");

function upload(
  body: ReadableStream<Uint8Array> | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Response> {
  return POST(
    new Request("http://127.0.0.1/api/portal/files", {
      method: "POST",
      headers: { "Content-Type": MULTIPART_CONTENT_TYPE, ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

let partnerId: string;

beforeEach(async () => {
  partnerId ??= (await newPartner()).partnerId;
  session.user = {
    userId: "usr_test",
    role: "partner_user",
    partnerId,
    name: "Paula",
    email: "p@example.com",
    locale: null,
    partnerName: "P",
  };
});

describe("POST /api/portal/files", () => {
  it("stores a document for the signed-in partner", async () => {
    const response = await upload(Buffer.concat([FILE_HEAD, SAMPLE_FILES.pdf, MULTIPART_END]));
    expect(response.status).toBe(200);
    const file = await response.json();
    expect(file).toMatchObject({ file_name: "scan.pdf", content_type: "application/pdf" });
    expect(await db.file.count({ where: { id: file.file_id, partnerId } })).toBe(1);
  });

  it("judges the type from the first bytes even when they arrive a few at a time, and stores the whole file", async () => {
    // A PNG by its magic number, then far more than is read to judge it.
    const bytes = Buffer.concat([SAMPLE_FILES.png, crypto.randomBytes(300 * 1024)]);
    const head = Buffer.from(FILE_HEAD.toString().replace("scan.pdf", "photo.png"));
    const body = Buffer.concat([head, bytes, MULTIPART_END]);
    let offset = 0;
    const trickle = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= body.length) return controller.close();
        // Three bytes at a time through the head, then larger pieces.
        const size = offset < head.length + 5000 ? 3 : 16 * 1024;
        controller.enqueue(new Uint8Array(body.subarray(offset, offset + size)));
        offset += size;
      },
    });
    const response = await upload(trickle);
    expect(response.status).toBe(200);
    const file = await response.json();
    expect(file).toMatchObject({ content_type: "image/png", size: bytes.length });
    const row = await db.file.findUniqueOrThrow({ where: { id: file.file_id } });
    expect(row.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    const stored = await readFileForActor({ userId: "usr_test", role: "partner_user", partnerId }, file.file_id);
    expect((await buffer(stored.content)).equals(bytes)).toBe(true);
  });

  it("refuses an empty file with 400 and stores nothing", async () => {
    const before = await db.file.count({ where: { partnerId } });
    const response = await upload(Buffer.concat([FILE_HEAD, MULTIPART_END]));
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toMatchObject([{ field: "file", code: "required" }]);
    expect(await db.file.count({ where: { partnerId } })).toBe(before);
  });

  it("words a refusal in the page's language, with the same status, codes and fields", async () => {
    session.locale = "zh-CN";
    try {
      const response = await upload(Buffer.concat([FILE_HEAD, MULTIPART_END]));
      expect(response.status).toBe(400);
      expect(response.headers.get("content-language")).toBe("zh-CN");
      expect((await response.json()).error).toMatchObject({
        code: "validation_error",
        message: "文件为空。",
        details: [{ field: "file", code: "required", message: "请选择要上传的文件。" }],
      });
    } finally {
      session.locale = "en";
    }
  });

  it("refuses a streamed body past 10 MB with 413 and stops pulling it, with no Content-Length", async () => {
    let pulled = 0;
    let source: ReadableStreamDefaultController<Uint8Array> | undefined;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        source = controller;
      },
      // A turn of the event loop per chunk, as a socket gives: a reader that kept draining it must
      // not starve the test's own checks.
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        if (pulled === 0) controller.enqueue(new Uint8Array(Buffer.concat([FILE_HEAD, SAMPLE_FILES.pdf])));
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await upload(endless);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    // What was already queued may still be pulled once the answer is given, then nothing more: the
    // stream's queue is full and stays full (a stream pulls only to refill what its reader takes),
    // so nobody reads the body any more. A route that drained it would keep the queue empty.
    let pulledBefore = -1;
    await waitUntil(
      () => {
        const stopped = source!.desiredSize! <= 0 && pulled === pulledBefore;
        pulledBefore = pulled;
        return stopped;
      },
      "nobody reads the refused body any more",
      undefined,
      () => `${pulled} bytes pulled, room for ${source!.desiredSize} more chunks`,
    );
    expect(pulled).toBeLessThan(MAX_UPLOAD_BODY_BYTES + 1024 * 1024);
    expect(await db.file.count({ where: { partnerId, fileName: "scan.pdf", size: { gt: 1024 } } })).toBe(0);
  });

  it("refuses two file parts", async () => {
    const response = await upload(
      Buffer.concat([FILE_HEAD, SAMPLE_FILES.pdf, Buffer.from("\r\n"), FILE_HEAD, SAMPLE_FILES.pdf, MULTIPART_END]),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/one file/);
  });

  it("leaves the role decision to the permissions module: a reviewer may not upload", async () => {
    session.user = {
      userId: "usr_rev",
      role: "reviewer",
      partnerId: null,
      name: "R",
      email: "r@example.com",
      partnerName: null,
      locale: null,
    };
    const response = await upload(Buffer.concat([FILE_HEAD, SAMPLE_FILES.pdf, MULTIPART_END]));
    expect(response.status).toBe(403);
  });
});

describe("GET /api/portal/files/[fileId]", () => {
  it("streams the stored document back with its type and length", async () => {
    const bytes = Buffer.concat([SAMPLE_FILES.pdf, crypto.randomBytes(2 * 1024 * 1024)]);
    const uploaded = await upload(Buffer.concat([FILE_HEAD, bytes, MULTIPART_END]));
    expect(uploaded.status).toBe(200);
    const { file_id: fileId } = await uploaded.json();
    const response = await GET(new Request(`http://127.0.0.1/api/portal/files/${fileId}?download=1`), {
      params: Promise.resolve({ fileId }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''scan.pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
