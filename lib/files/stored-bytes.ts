import "server-only";
import crypto from "node:crypto";
import type { Readable } from "node:stream";
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
export function checkedKey(key: string): string {
  if (!hasIdShape("file", key)) throw new Error("Invalid storage key");
  return key;
}

export interface Measure {
  hash: crypto.Hash;
  size: number;
  /** Why the source failed, when it did. */
  failure?: unknown;
}

export function newMeasure(): Measure {
  return { hash: crypto.createHash("sha256"), size: 0 };
}

/** Passes the bytes through unchanged, counting and hashing them as they go. */
export async function* measured(source: AsyncIterable<Buffer | Uint8Array | string>, into: Measure) {
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
