import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import {
  checkedKey,
  measured,
  newMeasure,
  StoredFileMissing,
  type FileStorage,
  type StoredBytes,
} from "./stored-bytes";

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
