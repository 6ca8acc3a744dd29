import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { env, type Env, type S3Config } from "@/lib/env";
import { hasIdShape } from "@/lib/ids";

/** What was stored: counted and hashed on the way through, never re-read. */
export interface StoredBytes {
  size: number;
  sha256: string;
}

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

/** A key with no bytes behind it: for a recorded file, a fault of the storage, not of the caller. */
export class StoredFileMissing extends Error {
  constructor(key: string) {
    super(`No stored bytes under ${key}`);
    this.name = "StoredFileMissing";
  }
}

/** Keys are our own file ids; refuse anything else rather than risk a path outside the folder or bucket prefix. */
function checkedKey(key: string): string {
  if (!hasIdShape("file", key)) throw new Error("Invalid storage key");
  return key;
}

interface Measure {
  hash: crypto.Hash;
  size: number;
  /** Why the source failed, when it did. */
  failure?: unknown;
}

function newMeasure(): Measure {
  return { hash: crypto.createHash("sha256"), size: 0 };
}

/** Passes the bytes through unchanged, counting and hashing them as they go. */
async function* measured(source: AsyncIterable<Buffer | Uint8Array | string>, into: Measure) {
  try {
    for await (const chunk of source) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      into.hash.update(bytes);
      into.size += bytes.length;
      yield bytes;
    }
  } catch (error) {
    into.failure = error;
    throw error;
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

/** S3's smallest multipart part: what one upload holds in memory at most, whatever the file's size. */
const PART_BYTES = 5 * 1024 * 1024;

export class S3Storage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    const clientConfig: S3ClientConfig = {
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Integrity is our own SHA-256; the SDK's default CRC trailers (aws-chunked bodies) are not
      // understood by every S3-compatible server (older MinIO and Ceph, s3rver).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    };
    this.client = new S3Client(clientConfig);
    this.bucket = config.bucket;
  }

  async put(key: string, source: Readable): Promise<StoredBytes> {
    const measure = newMeasure();
    // The length is not known until the upload ends, so the SDK sends parts of PART_BYTES (one
    // PutObject when the file is smaller); a failed source aborts the multipart upload.
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: checkedKey(key),
        Body: Readable.from(measured(source, measure), { objectMode: false }),
      },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      source.destroy();
      // A failed source is the reason, whatever the abort that follows answers (some S3-compatible
      // servers refuse AbortMultipartUpload; a bucket lifecycle rule then clears the parts). No
      // object exists under the key either way: parts become one only on completion.
      throw measure.failure ?? error;
    }
    return { size: measure.size, sha256: measure.hash.digest("hex") };
  }

  async get(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
      // On Node the SDK's body is the response stream itself.
      return object.Body as Readable;
    } catch (error) {
      if (
        error instanceof NoSuchKey ||
        (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
      ) {
        throw new StoredFileMissing(key);
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
  }
}

export function storageFromEnv(config: Env): FileStorage {
  if (config.s3) return new S3Storage(config.s3);
  return new LocalFolderStorage(config.FILE_STORAGE_DIR);
}

const globalForStorage = globalThis as unknown as { axisfiFileStorage?: FileStorage };

export const fileStorage: FileStorage = (globalForStorage.axisfiFileStorage ??= storageFromEnv(env));
