import "server-only";
import crypto from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toApiTimestamp } from "@/lib/customers/fields";
import { newId } from "@/lib/ids";
import { ALLOWED_FILE_TYPES, MAX_FILE_BYTES, type AllowedFileType, type FileResource } from "./resource-schema";
import { fileStorage } from "./storage";

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

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

/**
 * Stores an identity or company document for a partner. The type is judged by the bytes (magic
 * numbers), never by the name or the declared content type.
 */
export async function uploadFile(partnerId: string, upload: UploadedFile): Promise<FileResource> {
  if (upload.bytes.length === 0) {
    throw new AppError("validation_error", 400, "The file is empty.", [
      { field: "file", code: "required", message: "Choose a file to upload." },
    ]);
  }
  if (upload.bytes.length > MAX_FILE_BYTES) {
    throw new AppError("payload_too_large", 413, "The file is larger than 10 MB.");
  }
  const contentType = await sniffFileType(upload.bytes);
  if (!contentType) {
    throw new AppError("unsupported_file_type", 415, "Only PDF, JPEG and PNG files are accepted.", [
      { field: "file", code: "unsupported_file_type", message: "Only PDF, JPEG and PNG files are accepted." },
    ]);
  }
  const id = newId("file");
  const sha256 = crypto.createHash("sha256").update(upload.bytes).digest("hex");
  await fileStorage.put(id, upload.bytes);
  try {
    const file = await db.file.create({
      data: {
        id,
        partnerId,
        fileName: cleanFileName(upload.fileName),
        contentType,
        size: upload.bytes.length,
        sha256,
        storageKey: id,
      },
    });
    return toFileResource(file);
  } catch (error) {
    await fileStorage.delete(id);
    throw error;
  }
}

/** The ids among `fileIds` that this partner did not upload (unknown or another partner's). */
export async function fileIdsNotOwnedBy(partnerId: string, fileIds: readonly string[]): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const owned = await db.file.findMany({
    where: { id: { in: [...new Set(fileIds)] }, partnerId },
    select: { id: true },
  });
  const ownedIds = new Set(owned.map((file) => file.id));
  return new Set(fileIds.filter((id) => !ownedIds.has(id)));
}
