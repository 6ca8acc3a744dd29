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

/** Documents are the server user's alone, like data/postgres: no other account lists or reads them. */
const FOLDER_MODE = 0o700;

export class LocalFolderStorage implements FileStorage {
  private folders: Promise<void> | null = null;

  constructor(private readonly root: string) {}

  /**
   * The root folder, made 0700; folders that an earlier version made world-readable (0755) are
   * closed once per process, before the first document is written.
   */
  private ownFolders(): Promise<void> {
    this.folders ??= (async () => {
      await fs.mkdir(this.root, { recursive: true, mode: FOLDER_MODE });
      await fs.chmod(this.root, FOLDER_MODE);
      for (const entry of await fs.readdir(this.root, { withFileTypes: true })) {
        if (entry.isDirectory()) await fs.chmod(path.join(this.root, entry.name), FOLDER_MODE);
      }
    })().catch((error: unknown) => {
      this.folders = null;
      throw error;
    });
    return this.folders;
  }

  private pathOf(key: string): string {
    return path.join(this.root, checkedKey(key).slice(-2), key);
  }

  async put(key: string, source: Readable): Promise<StoredBytes> {
    const target = this.pathOf(key);
    await this.ownFolders();
    await fs.mkdir(path.dirname(target), { recursive: true, mode: FOLDER_MODE });
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
