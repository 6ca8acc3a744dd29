import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { env, type Env, type S3Config } from "@/lib/env";
import { checkedKey, measured, newMeasure, StoredFileMissing, type StoredBytes } from "./stored-bytes";

export { StoredFileMissing, type StoredBytes } from "./stored-bytes";

/**
 * Where file bytes are kept. Only lib/files knows it: a local folder or an S3-compatible bucket
 * behind the same three calls. Bytes stream both ways, so a document never has to sit whole in
 * memory. `put` either stores everything `source` yields or nothing: if the source fails part-way
 * (a refused upload), nothing is left under the key.
 */
export interface FileStorage {
  put(key: string, source: Readable): Promise<StoredBytes>;
  /** Fails with StoredFileMissing when nothing is stored under the key. */
  get(key: string): Promise<Readable>;
  /** Nothing stored under the key afterwards; deleting what is not there is no error. */
  delete(key: string): Promise<void>;
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class LocalFolderStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return path.join(this.root, checkedKey(key).slice(-2), key);
  }

  async put(key: string, source: Readable): Promise<StoredBytes> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a reader never sees half a file; fsync so an acknowledged upload survives a crash.
    const temporary = `${target}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
    const measure = newMeasure();
    try {
      const handle = await fs.open(temporary, "wx", 0o600);
      try {
        for await (const chunk of measured(source, measure)) await handle.write(chunk);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
      // The rename lives in the folder's entry list: synced too, or a power cut could undo it
      // after the file's row was committed.
      await syncFolder(path.dirname(target));
    } catch (error) {
      source.destroy();
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return { size: measure.size, sha256: measure.hash.digest("hex") };
  }

  async get(key: string): Promise<Readable> {
    // Opened here, so a missing file fails the call rather than the stream the caller reads later.
    const handle = await fs.open(this.pathOf(key), "r").catch((error: NodeJS.ErrnoException) => {
      throw error.code === "ENOENT" ? new StoredFileMissing(key) : error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/**
 * The S3 back end, its SDK loaded on first use: a deployment on the local folder never pays for
 * it (about 100 ms and 20 MB at start, measured).
 */
function lazyS3Storage(config: S3Config): FileStorage {
  let loaded: Promise<FileStorage> | undefined;
  const storage = () => (loaded ??= import("./s3-storage").then(({ S3Storage }) => new S3Storage(config)));
  return {
    put: async (key, source) => (await storage()).put(key, source),
    get: async (key) => (await storage()).get(key),
    delete: async (key) => (await storage()).delete(key),
  };
}

export function storageFromEnv(config: Env): FileStorage {
  if (config.s3) return lazyS3Storage(config.s3);
  return new LocalFolderStorage(config.FILE_STORAGE_DIR);
}

const globalForStorage = globalThis as unknown as { axisfiFileStorage?: FileStorage };

export const fileStorage: FileStorage = (globalForStorage.axisfiFileStorage ??= storageFromEnv(env));
