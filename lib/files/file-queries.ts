import "server-only";
import type { Readable } from "node:stream";
import { recordAuditEvent, userAuditActor } from "@/lib/audit/audit-events";
import { canAccessPartnerRecord, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileStorage } from "./storage";
import { hasIdShape } from "@/lib/ids";

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

/** The customers a file is attached to, as a registration document or an ID document. */
async function customersUsingFile(fileId: string): Promise<string[]> {
  const [documents, people] = await Promise.all([
    db.customerDocument.findMany({ where: { fileId }, select: { customerId: true } }),
    db.businessPerson.findMany({
      where: { OR: [{ idDocumentFrontFileId: fileId }, { idDocumentBackFileId: fileId }] },
      select: { customerId: true },
    }),
  ]);
  return [...new Set([...documents, ...people].map((link) => link.customerId))];
}

const fileNotFound = () => new AppError("not_found", 404, "noSuchDocument");

/** A file row's summary and its bytes, streamed from storage. */
async function openStoredFile(file: {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  storageKey: string;
}): Promise<{ summary: FileSummary; content: Readable }> {
  return {
    summary: { fileId: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size },
    content: await fileStorage.get(file.storageKey),
  };
}

/**
 * A document's bytes, streamed from storage, for someone allowed to see its partner's records;
 * anyone else gets not found, exactly as for a missing file. Viewing a document of a customer is
 * recorded in that customer's audit trail. The caller reads `content` to its end or destroys it.
 */
export async function readFileForActor(
  actor: Actor & { name?: string; email?: string },
  fileId: string,
): Promise<{ summary: FileSummary; partnerId: string; content: Readable }> {
  if (!hasIdShape("file", fileId)) throw fileNotFound();
  const file = await db.file.findUnique({ where: { id: fileId } });
  if (!file || !canAccessPartnerRecord(actor, file.partnerId)) throw fileNotFound();
  for (const customerId of await customersUsingFile(file.id)) {
    await recordAuditEvent({
      actor: userAuditActor(actor),
      action: "document.viewed",
      customerId,
      partnerId: file.partnerId,
      subject: file.id,
    });
  }
  return { ...(await openStoredFile(file)), partnerId: file.partnerId };
}

/**
 * One of a partner's documents, streamed from storage, for a door that has already decided the
 * caller may see it (an onboarding link showing its own upload). Not found for another partner's.
 */
export async function readOwnFile(
  partnerId: string,
  fileId: string,
): Promise<{ summary: FileSummary; content: Readable }> {
  if (!hasIdShape("file", fileId)) throw fileNotFound();
  const file = await db.file.findUnique({ where: { id: fileId } });
  if (!file || file.partnerId !== partnerId) throw fileNotFound();
  return openStoredFile(file);
}
