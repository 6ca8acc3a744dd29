import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Where file bytes are kept. Only lib/files knows it: a local folder today, object storage later
 * behind the same three calls.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9_]+$/;

export class LocalFolderStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // Keys are our own ids; refuse anything else rather than risk a path outside the folder.
    if (!SAFE_KEY.test(key)) throw new Error("Invalid storage key");
    return path.join(this.root, key.slice(-2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a reader never sees half a file; fsync so an acknowledged upload survives a crash.
    const temporary = `${target}.tmp-${process.pid}`;
    const handle = await fs.open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  }

  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

const globalForStorage = globalThis as unknown as { axisfiFileStorage?: FileStorage };

export const fileStorage: FileStorage = (globalForStorage.axisfiFileStorage ??= new LocalFolderStorage(
  env.FILE_STORAGE_DIR,
));
