import "server-only";
import { canAccessPartnerRecord, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fileStorage } from "./storage";

export interface FileSummary {
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** What the wizard shows of a draft's uploaded files, for files of this partner only. */
export async function fileSummaries(partnerId: string, fileIds: string[]): Promise<Record<string, FileSummary>> {
  if (fileIds.length === 0) return {};
  const rows = await db.file.findMany({
    where: { partnerId, id: { in: [...new Set(fileIds)] } },
    select: { id: true, fileName: true, contentType: true, size: true },
  });
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      { fileId: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size },
    ]),
  );
}

/** A document's bytes, for someone allowed to see its partner's records; null otherwise (as if missing). */
export async function readFileForActor(
  actor: Actor,
  fileId: string,
): Promise<{ summary: FileSummary; partnerId: string; bytes: Buffer } | null> {
  if (!/^file_[0-9a-f]{32}$/.test(fileId)) return null;
  const file = await db.file.findUnique({ where: { id: fileId } });
  if (!file || !canAccessPartnerRecord(actor, file.partnerId)) return null;
  return {
    summary: { fileId: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size },
    partnerId: file.partnerId,
    bytes: await fileStorage.get(file.storageKey),
  };
}
