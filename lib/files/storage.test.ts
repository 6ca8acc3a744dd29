import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { startS3Server } from "@/tests/helpers/s3-server";
import { LocalFolderStorage } from "./local-folder-storage";
import { S3Storage } from "./s3-storage";
import { StoredFileMissing, type FileStorage } from "./stored-bytes";

interface RunningBackEnd {
  storage: FileStorage;
  stop(): Promise<void>;
}

const BACK_ENDS: { name: string; start(): Promise<RunningBackEnd> }[] = [
  {
    name: "local folder",
    async start() {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-storage-"));
      return {
        storage: new LocalFolderStorage(root),
        stop: async () => fs.rmSync(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: "S3 (a real s3rver)",
    async start() {
      const server = await startS3Server();
      return { storage: new S3Storage(server.config), stop: server.stop };
    },
  },
];

/** 12 MB: past S3's 5 MB part, so the S3 back end uploads in several parts. */
const DOCUMENT_BYTES = 12 * 1024 * 1024 + 123;
/** An odd chunk size, so no part or buffer boundary lines up with the chunks. */
const CHUNK_BYTES = 64 * 1024 + 7;

/**
 * A document made chunk by chunk as it is read (never whole in the test either), with the size
 * and SHA-256 of everything it yields; `failAfter` makes it fail part-way, as a refused upload does.
 */
function generatedDocument(total: number, failAfter?: number) {
  const expected = { hash: crypto.createHash("sha256"), size: 0 };
  const seed = crypto.randomBytes(CHUNK_BYTES);
  async function* chunks() {
    while (expected.size < total) {
      if (failAfter !== undefined && expected.size >= failAfter) throw new Error("the upload was refused");
      const chunk = Buffer.from(seed.subarray(0, Math.min(CHUNK_BYTES, total - expected.size)));
      chunk.writeUInt32BE(expected.size, 0);
      expected.hash.update(chunk);
      expected.size += chunk.length;
      yield chunk;
    }
  }
  return { source: Readable.from(chunks(), { objectMode: false }), expected };
}

/** Size and SHA-256 of a stream, read as a stream. */
async function measure(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = crypto.createHash("sha256");
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex") };
}

describe.each(BACK_ENDS)("file storage: $name", ({ start }) => {
  let backEnd: RunningBackEnd;
  beforeAll(async () => {
    backEnd = await start();
  });
  afterAll(async () => {
    await backEnd?.stop();
  });

  it("streams a multi-MB document in and back out, with the size and SHA-256 of what was sent", async () => {
    const key = newId("file");
    const { source, expected } = generatedDocument(DOCUMENT_BYTES);
    const stored = await backEnd.storage.put(key, source);
    const sent = { size: expected.size, sha256: expected.hash.digest("hex") };
    expect(sent.size).toBe(DOCUMENT_BYTES);
    expect(stored).toEqual(sent);
    expect(await measure(await backEnd.storage.get(key))).toEqual(sent);
  });

  it("keeps nothing of a source that fails part-way", async () => {
    for (const failAfter of [100 * 1024, 7 * 1024 * 1024]) {
      const key = newId("file");
      const { source } = generatedDocument(DOCUMENT_BYTES, failAfter);
      await expect(backEnd.storage.put(key, source)).rejects.toThrow("the upload was refused");
      await expect(backEnd.storage.get(key)).rejects.toBeInstanceOf(StoredFileMissing);
    }
  });

  it("refuses to get a key with nothing stored under it, with a clear error", async () => {
    const attempt = backEnd.storage.get(newId("file"));
    await expect(attempt).rejects.toBeInstanceOf(StoredFileMissing);
    await expect(attempt).rejects.toThrow(/No stored bytes under file_[0-9a-f]{32}/);
  });

  it("deletes idempotently", async () => {
    const key = newId("file");
    await backEnd.storage.put(key, Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]));
    await backEnd.storage.delete(key);
    await expect(backEnd.storage.get(key)).rejects.toBeInstanceOf(StoredFileMissing);
    await expect(backEnd.storage.delete(key)).resolves.toBeUndefined();
    await expect(backEnd.storage.delete(newId("file"))).resolves.toBeUndefined();
  });

  it("refuses keys that are not file ids", async () => {
    for (const key of ["../../etc/passwd", "file_../x", `cus_${"0".repeat(32)}`, `file_${"0".repeat(31)}/`, ""]) {
      await expect(backEnd.storage.put(key, Readable.from([Buffer.from("x")]))).rejects.toThrow("Invalid storage key");
      await expect(backEnd.storage.get(key)).rejects.toThrow("Invalid storage key");
      await expect(backEnd.storage.delete(key)).rejects.toThrow("Invalid storage key");
    }
  });
});

describe("file storage: local folder", () => {
  it("keeps each file readable by the server's user only, and no temporary file beside it", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-storage-"));
    try {
      const key = newId("file");
      await new LocalFolderStorage(root).put(key, Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]));
      const folder = path.join(root, key.slice(-2));
      expect(fs.readdirSync(folder)).toEqual([key]);
      expect(fs.statSync(path.join(folder, key)).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("keeps its folders 0700, and closes those an earlier version left open to others", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-storage-"));
    const root = path.join(parent, "files");
    try {
      const earlierFolder = path.join(root, "ab");
      fs.mkdirSync(earlierFolder, { recursive: true, mode: 0o755 });
      fs.chmodSync(root, 0o755);
      fs.chmodSync(earlierFolder, 0o755);
      const key = newId("file");
      await new LocalFolderStorage(root).put(key, Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]));
      for (const folder of [root, earlierFolder, path.join(root, key.slice(-2))]) {
        expect(fs.statSync(folder).mode & 0o777, folder).toBe(0o700);
      }
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
