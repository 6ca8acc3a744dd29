import "server-only";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { db, rawQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toApiTimestamp } from "@/lib/customers/fields";
import { newId } from "@/lib/ids";
import { ALLOWED_FILE_TYPES, type AllowedFileType, type FileResource } from "./resource-schema";
import { readUploadedFile, type IncomingFile } from "./read-upload";
import { fileStorage, type StoredBytes } from "./storage";

const CONTROL_OR_PATH = /[\p{Cc}/\\]/gu;

/** A display name only: never used as a path. */
export function cleanFileName(name: string): string {
  const cleaned = name.replace(CONTROL_OR_PATH, "_").trim().slice(0, 255);
  return cleaned.length > 0 ? cleaned : "document";
}

/** The type the bytes say they are, or null when they are none of the accepted types. */
export async function sniffFileType(bytes: Buffer): Promise<AllowedFileType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime;
  return ALLOWED_FILE_TYPES.find((allowed) => allowed === mime) ?? null;
}

export function toFileResource(file: {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}): FileResource {
  return {
    file_id: file.id,
    file_name: file.fileName,
    content_type: file.contentType as AllowedFileType,
    size: file.size,
    created_at: toApiTimestamp(file.createdAt),
  };
}

/** What file-type reads of a stream to judge it (its own stream API's default sample). */
const SNIFF_BYTES = 4100;

const emptyFile = () =>
  new AppError("validation_error", 400, "emptyFile", [
    { field: "file", code: "required", message: { key: "chooseFile" } },
  ]);

const unsupportedType = () =>
  new AppError("unsupported_file_type", 415, "unsupportedFileType", [
    { field: "file", code: "unsupported_file_type", message: { key: "unsupportedFileType" } },
  ]);

/**
 * The file's first bytes, and a stream of all of it (those first bytes again, then the rest as
 * it arrives), so the type is judged before anything is stored and nothing is held but the head.
 */
async function headOf(content: Readable): Promise<{ head: Buffer; whole: Readable }> {
  const chunks = content[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const read: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    read.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(read);
  async function* all() {
    yield head;
    if (ended) return;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { head, whole: Readable.from(all(), { objectMode: false }) };
}

/** Judges an incoming file by its bytes and streams it to storage under `key`, counting and hashing it. */
async function storeIncomingFile(
  key: string,
  file: IncomingFile,
): Promise<StoredBytes & { fileName: string; contentType: AllowedFileType }> {
  const { head, whole } = await headOf(file.content);
  try {
    if (head.length === 0) throw emptyFile();
    const contentType = await sniffFileType(head);
    if (!contentType) throw unsupportedType();
    const stored = await fileStorage.put(key, whole);
    return { fileName: file.fileName, contentType, ...stored };
  } finally {
    // Stop the upload's stream when storing did not read it to its end (a refusal).
    whole.destroy();
  }
}

/**
 * Stores an identity or company document for a partner, streamed from a multipart/form-data body
 * into file storage. The type is judged by the bytes (magic numbers), never by the name or the
 * declared content type; the size and SHA-256 are taken on the way through. A refused or failed
 * upload leaves nothing stored. On a refusal part-way, the body is left unread (see
 * readUploadedFile): the door closes the connection.
 */
export async function uploadFile(partnerId: string, contentType: string, body: Readable): Promise<FileResource> {
  const id = newId("file");
  try {
    const stored = await readUploadedFile(contentType, body, (file) => storeIncomingFile(id, file));
    const file = await db.file.create({
      data: {
        id,
        partnerId,
        fileName: cleanFileName(stored.fileName),
        contentType: stored.contentType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: id,
      },
    });
    return toFileResource(file);
  } catch (error) {
    // Whatever got stored of a refused or unrecorded upload; a failure here must not hide the reason.
    await fileStorage.delete(id).catch(() => {});
    throw error;
  }
}

/** The ids among `fileIds` that this partner did not upload (unknown or another partner's). */
export async function fileIdsNotOwnedBy(partnerId: string, fileIds: readonly string[]): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  // Without Prisma: on every create its query compiler cost more than the query itself (0.39–0.66
  // ms of CPU through findMany, 0.29 ms through $queryRaw, 0.10 ms as a prepared statement).
  const owned = await rawQuery<{ id: string }>(
    "files_owned_by_partner",
    `SELECT "id" FROM "File" WHERE "partnerId" = $1 AND "id" = ANY($2::text[])`,
    [partnerId, [...new Set(fileIds)]],
  );
  const ownedIds = new Set(owned.map((file) => file.id));
  return new Set(fileIds.filter((id) => !ownedIds.has(id)));
}
