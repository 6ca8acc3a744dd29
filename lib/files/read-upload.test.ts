import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "./resource-schema";
import { MAX_UPLOAD_BODY_BYTES, MAX_UPLOAD_FIELDS, readUploadedFile, type IncomingFile } from "./read-upload";
import {
  fieldPart,
  filePart,
  MULTIPART_BOUNDARY,
  MULTIPART_CONTENT_TYPE,
  MULTIPART_END,
} from "@/tests/fixtures/multipart";

const CHUNK = Buffer.alloc(64 * 1024, 0x41);

/** A body that never ends, counting how much of it was read. */
function endlessFile(): { body: Readable; read: () => number } {
  let produced = 0;
  const body = new Readable({
    read() {
      if (produced === 0) this.push(filePart("file", "huge.pdf"));
      produced += CHUNK.length;
      this.push(CHUNK);
    },
  });
  return { body, read: () => produced };
}

/** What a receiver that keeps the whole file got, as storage would have. */
const collect = async (file: IncomingFile) => ({ fileName: file.fileName, bytes: await buffer(file.content) });

function readCollected(contentType: string, body: Readable) {
  return readUploadedFile(contentType, body, collect);
}

function bodyOf(...parts: Buffer[]): Readable {
  return Readable.from(parts);
}

describe("readUploadedFile", () => {
  it("reads the one file part", async () => {
    const bytes = Buffer.from("%PDF-1.4\n%%EOF\n");
    const upload = await readCollected(
      MULTIPART_CONTENT_TYPE,
      bodyOf(fieldPart("note", "hello"), filePart("file", "scan.pdf"), bytes, MULTIPART_END),
    );
    expect(upload.fileName).toBe("scan.pdf");
    expect(upload.bytes.equals(bytes)).toBe(true);
  });

  it("accepts a file of exactly 10 MB", async () => {
    const bytes = Buffer.alloc(MAX_FILE_BYTES, 0x42);
    const upload = await readCollected(
      MULTIPART_CONTENT_TYPE,
      bodyOf(filePart("file", "max.pdf"), bytes, MULTIPART_END),
    );
    expect(upload.bytes.length).toBe(MAX_FILE_BYTES);
  });

  it("refuses a body past 10 MB with 413 and stops reading it, with no length declared anywhere", async () => {
    const { body, read } = endlessFile();
    await expect(readCollected(MULTIPART_CONTENT_TYPE, body)).rejects.toMatchObject({
      code: "payload_too_large",
      status: 413,
    });
    const readSoFar = read();
    // A little more than the limit, what was already buffered: not the endless rest.
    expect(readSoFar).toBeGreaterThan(MAX_FILE_BYTES);
    expect(readSoFar).toBeLessThan(MAX_UPLOAD_BODY_BYTES + 1024 * 1024);
    await new Promise((resolve) => setImmediate(resolve));
    expect(read()).toBe(readSoFar);
    expect(body.isPaused()).toBe(true);
  });

  it("fails the file's stream on a refusal, and refuses only once the receiver has settled", async () => {
    const { body } = endlessFile();
    const seen: { error?: unknown; settled: boolean } = { settled: false };
    const attempt = readUploadedFile(MULTIPART_CONTENT_TYPE, body, async (file) => {
      try {
        for await (const chunk of file.content) void chunk;
      } catch (error) {
        seen.error = error;
        throw error;
      } finally {
        seen.settled = true;
      }
    });
    await expect(attempt).rejects.toMatchObject({ status: 413 });
    expect(seen.settled).toBe(true);
    // The receiver saw a failure, not a file that merely ended at 10 MB.
    expect(seen.error).toMatchObject({ status: 413 });
  });

  it("stops reading when the receiver refuses the file", async () => {
    const { body, read } = endlessFile();
    const refusal = new AppError("unsupported_file_type", 415, "unsupportedFileType");
    const attempt = readUploadedFile(MULTIPART_CONTENT_TYPE, body, async (file) => {
      await file.content[Symbol.asyncIterator]().next();
      throw refusal;
    });
    await expect(attempt).rejects.toBe(refusal);
    const readSoFar = read();
    expect(readSoFar).toBeLessThan(MAX_FILE_BYTES);
    await new Promise((resolve) => setImmediate(resolve));
    expect(read()).toBe(readSoFar);
    expect(body.isPaused()).toBe(true);
  });

  it("refuses a body past the limit even when its bytes are not in the file part", async () => {
    let produced = 0;
    const body = new Readable({
      read() {
        if (produced === 0)
          this.push(Buffer.from(`--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\n`));
        produced += CHUNK.length;
        this.push(CHUNK);
      },
    });
    await expect(readCollected(MULTIPART_CONTENT_TYPE, body)).rejects.toMatchObject({ status: 413 });
    expect(produced).toBeLessThan(MAX_UPLOAD_BODY_BYTES + 1024 * 1024);
  });

  it("refuses a second file part", async () => {
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    const attempt = readCollected(
      MULTIPART_CONTENT_TYPE,
      bodyOf(filePart("file", "a.pdf"), pdf, Buffer.from("\r\n"), filePart("file", "b.pdf"), pdf, MULTIPART_END),
    );
    await expect(attempt).rejects.toMatchObject({ code: "validation_error", status: 400 });
    await expect(attempt).rejects.toMatchObject({ userMessage: { key: "oneFilePerRequest" } });
  });

  it(`refuses more than ${MAX_UPLOAD_FIELDS} fields`, async () => {
    const fields = Array.from({ length: MAX_UPLOAD_FIELDS + 1 }, (_, index) => fieldPart(`f${index}`, "v"));
    const attempt = readCollected(
      MULTIPART_CONTENT_TYPE,
      bodyOf(...fields, filePart("file", "a.pdf"), Buffer.from("%PDF-1.4"), MULTIPART_END),
    );
    await expect(attempt).rejects.toMatchObject({ code: "validation_error", status: 400 });
    await expect(attempt).rejects.toMatchObject({ userMessage: { key: "atMostFormFields" } });
  });

  it("refuses a body that is not multipart (415), has no boundary, no file, or is cut short (400)", async () => {
    await expect(readCollected("application/json", bodyOf(Buffer.from("{}")))).rejects.toMatchObject({
      status: 415,
    });
    await expect(readCollected("multipart/form-data", bodyOf(MULTIPART_END))).rejects.toMatchObject({ status: 400 });
    await expect(
      readCollected(MULTIPART_CONTENT_TYPE, bodyOf(fieldPart("note", "x"), MULTIPART_END)),
    ).rejects.toMatchObject({
      status: 400,
      details: [{ field: "file", code: "required" }],
    });
    await expect(
      readCollected(MULTIPART_CONTENT_TYPE, bodyOf(filePart("file", "cut.pdf"), Buffer.from("%PDF"))),
    ).rejects.toMatchObject({ status: 400 });
  });
});
