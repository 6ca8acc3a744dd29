import "server-only";
import { env, type Env, type S3Config } from "@/lib/env";
import { LocalFolderStorage } from "./local-folder-storage";
import type { FileStorage } from "./stored-bytes";

export { StoredFileMissing, type StoredBytes } from "./stored-bytes";

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

/**
 * The one place that chooses where bytes are kept. Above both back ends: they implement the
 * interface in stored-bytes.ts and never import this module.
 */
export function storageFromEnv(config: Env): FileStorage {
  if (config.s3) return lazyS3Storage(config.s3);
  return new LocalFolderStorage(config.FILE_STORAGE_DIR);
}

const globalForStorage = globalThis as unknown as { axisfiFileStorage?: FileStorage };

export const fileStorage: FileStorage = (globalForStorage.axisfiFileStorage ??= storageFromEnv(env));
