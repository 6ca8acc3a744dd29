import "server-only";
import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { auditEventRow, type AuditActor } from "@/lib/audit/audit-events";
import { seal, unseal } from "@/lib/crypto/personal-data";
import { sectionFromStepForm, STEP_SECTIONS, withIdNumbersMasked } from "@/lib/customers/customer-fixes";
import { storedCustomerInclude, toCustomerResource } from "@/lib/customers/customer-resource";
import { toApiTimestamp } from "@/lib/customers/fields";
import type { CustomerResource } from "@/lib/customers/resource-schema";
import { updateCustomer } from "@/lib/customers/update-customer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, fieldErrorsFromZod, validationError } from "@/lib/errors";
import { fileSummaries, readOwnFile, type FileSummary } from "@/lib/files/file-queries";
import { fileIdsNotOwnedBy, uploadFile } from "@/lib/files/upload-file";
import type { FileResource } from "@/lib/files/resource-schema";
import { newId } from "@/lib/ids";
import {
  currentDraftVersion,
  draftFileIds,
  getDraft,
  saveDraftStep,
  startLinkDraft,
  submitDraft,
  type Draft,
  type DraftData,
  type LinkEditor,
} from "@/lib/onboarding/drafts";
import { FORM_STEPS, stepOfField, type FormStep } from "@/lib/onboarding/steps";
import { createOnboardingLinkSchema, LINK_SESSION_TTL_MS, LINK_TTL_MS, type OnboardingLinkResource } from "./schema";

/** The API key that makes a link: its partner, and how the audit trail names it. */
export interface LinkCreator {
  partnerId: string;
  apiKeyId: string;
  publicKey: string;
}

/** The most documents one link may upload: enough for any form, not a free file store. */
export const MAX_LINK_UPLOADS = 60;

/** An upload's place in a link's fileIds while its bytes are stored: never a file id's shape. */
const RESERVED_PLACE = "uploading:";

/** 256 random bits, base64url: the token in the URL, and the session cookie's secret. */
function newSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Only keyed hashes of link tokens and session secrets are stored (as API secrets are, with the
 * same server key); each kind is hashed in its own namespace, so one can never stand for the other.
 */
function hashLinkSecret(kind: "token" | "session", secret: string): string {
  return crypto
    .createHmac("sha256", env.apiKeyHashSecret)
    .update(`onboarding_link_${kind}\u0000${secret}`)
    .digest("hex");
}

function linkActor(linkId: string): AuditActor {
  return { type: "system", id: linkId, label: `Business via onboarding link ${linkId}` };
}

/**
 * Makes a single-use link on which the business fills the onboarding form itself. Only the
 * token's keyed hash is kept: the URL answered here is the one place the token ever appears.
 */
export async function createOnboardingLink(
  creator: LinkCreator,
  input: unknown,
  now = new Date(),
): Promise<OnboardingLinkResource> {
  const parsed = createOnboardingLinkSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const request = parsed.data;
  // What was entered is kept, as a draft keeps it (the form shows it as typed).
  const prefill = ((input as { prefill?: DraftData }).prefill ?? {}) as DraftData;
  const notOwned = await fileIdsNotOwnedBy(creator.partnerId, draftFileIds(prefill));
  if (notOwned.size > 0) {
    throw validationError(
      [...notOwned].map((fileId) => ({
        field: "prefill",
        code: "file_not_found",
        message: { key: "fileNotFromKey", values: { fileId } },
      })),
    );
  }
  const existing = await db.customer.findUnique({
    where: {
      partnerId_partnerCustomerId: { partnerId: creator.partnerId, partnerCustomerId: request.partner_customer_id },
    },
    select: { id: true, status: true, requirements: { where: { clearedAt: null }, select: { id: true } } },
  });
  // An existing customer gets a link only to fix what a reviewer asked for (an "update" link).
  if (existing) {
    const nothingDue = existing.status !== "pending" || existing.requirements.length === 0;
    if (nothingDue) {
      const notPending = existing.status !== "pending";
      const values = { customerId: existing.id, status: existing.status };
      throw new AppError(
        "duplicate_partner_customer_id",
        409,
        { key: notPending ? "linkCustomerNotPending" : "linkCustomerNothingDue", values },
        [
          {
            field: "partner_customer_id",
            code: notPending ? "not_pending" : "nothing_due",
            message: notPending
              ? { key: "partnerCustomerIdNotPending", values: { status: existing.status } }
              : { key: "partnerCustomerIdNothingDue" },
          },
        ],
        { customer_id: existing.id },
      );
    }
    if (Object.hasOwn(request, "prefill")) {
      throw validationError(
        [
          {
            field: "prefill",
            code: "not_allowed",
            message: { key: "updateLinkPrefill" },
          },
        ],
        "prefillOnlyNew",
      );
    }
  }
  const id = newId("olink");
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  await db.$transaction([
    db.onboardingLink.create({
      data: {
        id,
        partnerId: creator.partnerId,
        partnerCustomerId: request.partner_customer_id,
        returnUrl: request.return_url,
        refreshUrl: request.refresh_url,
        locale: request.locale ?? null,
        tokenHash: hashLinkSecret("token", token),
        prefill: Object.keys(prefill).length > 0 ? seal(JSON.stringify(prefill), "draft", id) : null,
        // The prefill's documents are the business's to see and keep.
        fileIds: draftFileIds(prefill),
        expiresAt,
        createdByApiKeyId: creator.apiKeyId,
        createdAt: now,
        // Set now only on an update link; a new customer's link gets its customer on submitting.
        customerId: existing?.id ?? null,
      },
    }),
    db.auditEvent.create({
      data: auditEventRow(
        {
          actor: { type: "api_key", id: creator.apiKeyId, label: `API key ${creator.publicKey}` },
          action: "onboarding_link.created",
          partnerId: creator.partnerId,
          customerId: existing?.id,
          subject: id,
        },
        now,
      ),
    }),
  ]);
  return { url: `${env.publicUrl}/onboard/${token}`, expires_at: toApiTimestamp(expiresAt) };
}

/** Opening a link: a session for its form, or (expired, already used) where to send the business. */
export type OpenedLink =
  | {
      outcome: "opened";
      linkId: string;
      sessionSecret: string;
      sessionExpiresAt: Date;
      purpose: LinkPurpose;
      /** The business's language as the partner gave it (BCP 47), if it did. */
      locale: string | null;
    }
  | { outcome: "refused"; refreshUrl: string };

const noSuchLink = () => new AppError("not_found", 404, "invalidLink");

/**
 * Spends the token: of any number of concurrent opens, exactly one marks the link opened (the
 * update's WHERE clause), writes the business's draft and gets a session secret. A link already
 * opened, or not opened within 10 minutes, is refused with its refresh_url; an unknown token
 * throws not_found.
 */
export async function openOnboardingLink(token: string, now = new Date()): Promise<OpenedLink> {
  if (!SECRET_SHAPE.test(token)) throw noSuchLink();
  const tokenHash = hashLinkSecret("token", token);
  const sessionSecret = newSecret();
  const sessionExpiresAt = new Date(now.getTime() + LINK_SESSION_TTL_MS);
  const opened = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        id: string;
        partnerId: string;
        partnerCustomerId: string;
        prefill: string | null;
        customerId: string | null;
        locale: string | null;
      }[]
    >`
      UPDATE "OnboardingLink" link
         SET "openedAt" = ${now}, "sessionHash" = ${hashLinkSecret("session", sessionSecret)},
             "sessionExpiresAt" = ${sessionExpiresAt}, "prefill" = NULL
        FROM (SELECT "id", "prefill" FROM "OnboardingLink" WHERE "tokenHash" = ${tokenHash} FOR UPDATE) AS before
       WHERE link."id" = before."id" AND link."openedAt" IS NULL AND link."expiresAt" > ${now}
       RETURNING link."id", link."partnerId", link."partnerCustomerId", before."prefill", link."customerId", link."locale"`;
    const link = rows[0];
    if (!link) return null;
    // An update link (its customer set when it was made) has no draft: it edits the customer itself.
    if (link.customerId) {
      await tx.auditEvent.create({
        data: auditEventRow(
          {
            actor: linkActor(link.id),
            action: "onboarding_link.opened",
            partnerId: link.partnerId,
            customerId: link.customerId,
            subject: link.id,
          },
          now,
        ),
      });
      return link;
    }
    const prefill = link.prefill ? (JSON.parse(unseal(link.prefill, "draft", link.id)) as DraftData) : {};
    await startLinkDraft(
      tx,
      { onboardingLinkId: link.id, partnerId: link.partnerId },
      { ...prefill, partner_customer_id: link.partnerCustomerId },
    );
    await tx.auditEvent.create({
      data: auditEventRow(
        { actor: linkActor(link.id), action: "onboarding_link.opened", partnerId: link.partnerId, subject: link.id },
        now,
      ),
    });
    return link;
  });
  if (opened) {
    const purpose = opened.customerId ? "update" : "create";
    return { outcome: "opened", linkId: opened.id, sessionSecret, sessionExpiresAt, purpose, locale: opened.locale };
  }
  const spent = await db.onboardingLink.findUnique({ where: { tokenHash }, select: { refreshUrl: true } });
  if (!spent) throw noSuchLink();
  return { outcome: "refused", refreshUrl: spent.refreshUrl };
}

/**
 * What a link is for: onboarding a new customer (a draft, submitted as a new customer), or fixing
 * what a reviewer asked of an existing pending customer (only its due steps, saved to it directly).
 */
export type LinkPurpose = "create" | "update";

/** A business's session on its link: active, past its 24 hours, or over because it submitted. */
export interface LinkSession {
  linkId: string;
  partnerId: string;
  partnerName: string;
  partnerCustomerId: string;
  purpose: LinkPurpose;
  /** The new customer's draft (create links); null for an update link. */
  draftId: string | null;
  /** The customer an update link fixes; null for a create link. */
  customerId: string | null;
  locale: string | null;
  returnUrl: string;
  refreshUrl: string;
  state: "active" | "expired" | "submitted";
  /** The documents this link uploaded (or was prefilled with): the only ones it may see or name. */
  fileIds: string[];
}

/** The session a cookie's secret names, in whatever state it is; null for none at all. */
export async function findLinkSession(secret: string | undefined, now = new Date()): Promise<LinkSession | null> {
  if (!secret || !SECRET_SHAPE.test(secret)) return null;
  const link = await db.onboardingLink.findUnique({
    where: { sessionHash: hashLinkSecret("session", secret) },
    include: { partner: { select: { name: true } }, draft: { select: { id: true } } },
  });
  if (!link || !link.sessionExpiresAt) return null;
  // A create link's draft is written in the same transaction that opens it; an update link has none.
  const purpose: LinkPurpose = link.draft ? "create" : "update";
  if (purpose === "update" && !link.customerId) return null;
  const state = link.submittedAt ? "submitted" : link.sessionExpiresAt > now ? "active" : "expired";
  return {
    linkId: link.id,
    partnerId: link.partnerId,
    partnerName: link.partner.name,
    partnerCustomerId: link.partnerCustomerId,
    purpose,
    draftId: link.draft?.id ?? null,
    customerId: purpose === "update" ? link.customerId : null,
    locale: link.locale,
    returnUrl: link.returnUrl,
    refreshUrl: link.refreshUrl,
    state,
    fileIds: link.fileIds,
  };
}

function editorOf(session: LinkSession): LinkEditor {
  return { onboardingLinkId: session.linkId, partnerId: session.partnerId, label: linkActor(session.linkId).label };
}

/** Anything but an active session may do nothing: the same answer as no session at all. */
function requireActive(session: LinkSession | null): LinkSession {
  if (!session || session.state !== "active") {
    throw new AppError("unauthorized", 401, "linkSessionEnded");
  }
  return session;
}

/** An active session of a create link: the one with a draft. */
function requireActiveDraft(session: LinkSession | null): LinkSession & { draftId: string } {
  const active = requireActive(session);
  if (active.draftId === null) throw new AppError("not_found", 404, "noSuchDraft");
  return active as LinkSession & { draftId: string };
}

/** The link's draft, for the business's wizard pages. */
export async function linkDraft(session: LinkSession | null): Promise<Draft> {
  const active = requireActiveDraft(session);
  return getDraft(editorOf(active), active.draftId);
}

export async function linkDraftVersion(session: LinkSession | null, draftId: string): Promise<number> {
  const active = requireActiveDraft(session);
  return currentDraftVersion(editorOf(active), draftId);
}

/**
 * Saves one step of the link's draft through the same saveDraftStep as the staff wizard. The
 * partner_customer_id is the link's, whatever the browser sent, and only documents uploaded
 * through this link may be named.
 */
export async function saveLinkStep(
  session: LinkSession | null,
  draftId: string,
  step: FormStep,
  values: unknown,
  loadedVersion: number,
): Promise<{ version: number }> {
  const active = requireActiveDraft(session);
  const entered = values && typeof values === "object" ? ({ ...values } as DraftData) : values;
  if (step === "company" && entered && typeof entered === "object") {
    (entered as DraftData).partner_customer_id = active.partnerCustomerId;
  }
  if (entered && typeof entered === "object") {
    const foreign = draftFileIds(entered as DraftData).filter((fileId) => !active.fileIds.includes(fileId));
    if (foreign.length > 0) {
      throw validationError(
        foreign.map(() => ({ field: "file", code: "file_not_found", message: { key: "uploadAgain" } }) as const),
        "documentNotFromPage",
      );
    }
  }
  return saveDraftStep(editorOf(active), draftId, step, entered, loadedVersion);
}

/**
 * Submits the link's draft through the same submitDraft (and so createCustomer) as the staff
 * wizard; the link is then spent for good and its session over.
 */
export async function submitLink(
  session: LinkSession | null,
  draftId: string,
  reviewedVersion: number,
): Promise<{ customerId: string }> {
  const active = requireActiveDraft(session);
  const { customerId } = await submitDraft(editorOf(active), draftId, reviewedVersion);
  // After the customer's creation, so the trail reads in the order things happened.
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.onboardingLink.updateMany({
      where: { id: active.linkId, submittedAt: null },
      data: { submittedAt: now, customerId },
    });
    // A second click answered with the same customer records nothing more.
    if (count === 0) return;
    await tx.auditEvent.create({
      data: auditEventRow(
        {
          actor: linkActor(active.linkId),
          action: "onboarding_link.submitted",
          partnerId: active.partnerId,
          customerId,
          subject: active.linkId,
        },
        now,
      ),
    });
  });
  return { customerId };
}

/** How long a link's sealed form data outlives the link: a day, then housekeeping removes it. */
export const LINK_DATA_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Personal data a link no longer needs, removed by the hourly housekeeping: the prefill of a link
 * that expired unopened (an opened link's prefill moved into its draft when it was opened), and
 * the draft of a link whose session ended without a submit. The link rows stay, for the audit
 * trail; the documents uploaded stay the partner's, like any upload.
 */
export async function purgeStaleLinkData(now = new Date()): Promise<{ prefills: number; drafts: number }> {
  const cutoff = new Date(now.getTime() - LINK_DATA_KEPT_MS);
  const prefills = await db.$executeRaw`
    UPDATE "OnboardingLink" SET "prefill" = NULL
    WHERE "prefill" IS NOT NULL AND "openedAt" IS NULL AND "expiresAt" < ${cutoff}`;
  const drafts = await db.$executeRaw`
    DELETE FROM "OnboardingDraft" draft USING "OnboardingLink" link
    WHERE draft."onboardingLinkId" = link."id" AND draft."status" = 'open' AND link."sessionExpiresAt" < ${cutoff}`;
  return { prefills, drafts };
}

/** A document uploaded by the business, the partner's like any upload, and this link's to name. */
export async function uploadLinkFile(
  session: LinkSession | null,
  contentType: string,
  body: Readable,
): Promise<FileResource> {
  const active = requireActive(session);
  // The place is taken before the bytes are stored, in one conditional statement: uploads sent at
  // once cannot all see room left and store more than the limit (found in review).
  const place = `${RESERVED_PLACE}${crypto.randomUUID()}`;
  const reserved = await db.$executeRaw`
    UPDATE "OnboardingLink" SET "fileIds" = array_append("fileIds", ${place})
    WHERE "id" = ${active.linkId} AND cardinality("fileIds") < ${MAX_LINK_UPLOADS}`;
  if (reserved === 0) {
    throw new AppError("validation_error", 400, { key: "atMostLinkUploads", values: { max: MAX_LINK_UPLOADS } });
  }
  let file: FileResource;
  try {
    file = await uploadFile(active.partnerId, contentType, body);
  } catch (error) {
    await db.$executeRaw`
      UPDATE "OnboardingLink" SET "fileIds" = array_remove("fileIds", ${place}) WHERE "id" = ${active.linkId}`;
    throw error;
  }
  await db.$executeRaw`
    UPDATE "OnboardingLink" SET "fileIds" = array_replace("fileIds", ${place}, ${file.file_id})
    WHERE "id" = ${active.linkId}`;
  return file;
}

/** One of the link's own documents, for its preview; any other file is not found. */
export async function readLinkFile(
  session: LinkSession | null,
  fileId: string,
): Promise<{ summary: FileSummary; content: Readable }> {
  const active = requireActive(session);
  if (!active.fileIds.includes(fileId) && !(await customerFilesOnLink(active)).includes(fileId)) {
    throw new AppError("not_found", 404, "noSuchDocument");
  }
  return readOwnFile(active.partnerId, fileId);
}

// --- Update links: an existing pending customer's due steps, fixed by the business itself. ---

/** An active session of an update link: the one with a customer to fix. */
function requireActiveUpdate(session: LinkSession | null): LinkSession & { customerId: string } {
  const active = requireActive(session);
  if (active.purpose !== "update" || !active.customerId) throw new AppError("not_found", 404, "noSuchCustomer");
  return active as LinkSession & { customerId: string };
}

async function loadLinkCustomer(active: LinkSession & { customerId: string }) {
  const row = await db.customer.findUnique({ where: { id: active.customerId }, include: storedCustomerInclude });
  if (!row || row.partnerId !== active.partnerId) throw new AppError("not_found", 404, "noSuchCustomer");
  return { customer: toCustomerResource(row), version: row.version };
}

/** The wizard steps showing a field due, in order; none once the customer is no longer pending. */
function stepsDueOf(customer: CustomerResource): FormStep[] {
  if (customer.status !== "pending") return [];
  const due = new Set(customer.requirements.currently_due.map((requirement) => stepOfField(requirement.field)));
  return FORM_STEPS.filter((step) => due.has(step));
}

/** The customer's sections that the given steps show, as they are stored. */
function sectionsOf(customer: CustomerResource, steps: readonly FormStep[]): DraftData {
  const sections: DraftData = {};
  for (const step of steps) {
    for (const section of STEP_SECTIONS[step]) sections[section] = customer[section as keyof CustomerResource];
  }
  return sections;
}

/** What the business sees of the customer it fixes: only the sections of the steps due. */
export interface LinkCustomerToFix {
  version: number;
  stepsDue: FormStep[];
  /** The fields due, with the reviewer's note, of every due step. */
  due: { field: string; reason: string }[];
  /** The sections of the due steps as stored, ID numbers masked. */
  sections: DraftData;
  /** The documents of those sections and the link's own uploads. */
  files: Record<string, FileSummary>;
}

/**
 * The customer an update link fixes, for the business's pages: only the sections of the steps
 * with a field due, ID numbers masked (whoever holds the link's session sees no full number; an
 * unchanged mask is saved as the stored number), and nothing of the other steps.
 */
export async function linkCustomerToFix(session: LinkSession | null): Promise<LinkCustomerToFix> {
  const active = requireActiveUpdate(session);
  const { customer, version } = await loadLinkCustomer(active);
  const stepsDue = stepsDueOf(customer);
  const sections = sectionsOf(withIdNumbersMasked(customer), stepsDue);
  return {
    version,
    stepsDue,
    due:
      stepsDue.length === 0 ? [] : customer.requirements.currently_due.map(({ field, reason }) => ({ field, reason })),
    sections,
    files: await fileSummaries(active.partnerId, [...draftFileIds(sections), ...active.fileIds]),
  };
}

/**
 * Saves one due step of an update link's customer: the step's sections replace the customer's
 * through `updateCustomer` (the link as the actor), from the version the page showed. A step with
 * nothing due is not the link's to change. The documents named may be the link's own uploads or
 * those the replaced section holds now; any other file of the partner is refused.
 */
export async function saveLinkUpdateStep(
  session: LinkSession | null,
  step: FormStep,
  values: unknown,
  loadedVersion: number,
): Promise<{ version: number }> {
  const active = requireActiveUpdate(session);
  const { customer } = await loadLinkCustomer(active);
  if (!Object.hasOwn(STEP_SECTIONS, step) || !stepsDueOf(customer).includes(step)) {
    throw new AppError("not_found", 404, "nothingRequestedOnStep");
  }
  if (typeof values !== "object" || values === null) {
    throw new AppError("validation_error", 400, "nothingToSave");
  }
  const given = values as Record<string, unknown>;
  const sections: DraftData = {};
  for (const section of STEP_SECTIONS[step]) {
    sections[section] = sectionFromStepForm(given[section], customer, section);
  }
  const allowed = new Set([...active.fileIds, ...draftFileIds(sectionsOf(customer, [step]))]);
  const foreign = draftFileIds(sections).filter((fileId) => !allowed.has(fileId));
  if (foreign.length > 0) {
    throw validationError(
      foreign.map(() => ({ field: "file", code: "file_not_found", message: { key: "uploadAgain" } }) as const),
      "documentNotFromPage",
    );
  }
  const { version } = await updateCustomer(
    { partnerId: active.partnerId, actor: linkActor(active.linkId) },
    active.customerId,
    sections,
    { expectedVersion: loadedVersion },
  );
  return { version };
}

/** Marks an update link submitted (once): its session is over, the business goes to return_url. */
async function markUpdateLinkSubmitted(active: LinkSession & { customerId: string }): Promise<void> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.onboardingLink.updateMany({
      where: { id: active.linkId, submittedAt: null },
      data: { submittedAt: now },
    });
    if (count === 0) return;
    await tx.auditEvent.create({
      data: auditEventRow(
        {
          actor: linkActor(active.linkId),
          action: "onboarding_link.submitted",
          partnerId: active.partnerId,
          customerId: active.customerId,
          subject: active.linkId,
        },
        now,
      ),
    });
  });
}

/**
 * Where an update link's business goes next: the first step still due, or, with nothing due any
 * more, the link is submitted and the business goes back to the partner's return_url.
 */
export async function nextOnUpdateLink(
  session: LinkSession | null,
): Promise<{ step: FormStep } | { returnUrl: string }> {
  const active = requireActiveUpdate(session);
  const { customer } = await loadLinkCustomer(active);
  const [step] = stepsDueOf(customer);
  if (step) return { step };
  await markUpdateLinkSubmitted(active);
  return { returnUrl: active.returnUrl };
}

/** The business is done ("Done" on the page), whatever is still due: the link is submitted. */
export async function finishUpdateLink(session: LinkSession | null): Promise<{ returnUrl: string }> {
  const active = requireActiveUpdate(session);
  await markUpdateLinkSubmitted(active);
  return { returnUrl: active.returnUrl };
}

/** The customer's documents an update link may show: those of the sections due now. */
async function customerFilesOnLink(active: LinkSession): Promise<string[]> {
  if (active.purpose !== "update" || !active.customerId) return [];
  const { customer } = await loadLinkCustomer(active as LinkSession & { customerId: string });
  return draftFileIds(sectionsOf(customer, stepsDueOf(customer)));
}
