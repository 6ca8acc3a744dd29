import "server-only";
import { auditEventRow, CLI_ACTOR, userAuditActor, type AuditActor } from "@/lib/audit/audit-events";
import { hashPassword, PASSWORD_MIN } from "@/lib/auth/passwords";
import { can, type Actor } from "@/lib/auth/permissions";
import { isPartnerRole, isRole, type Role } from "@/lib/auth/roles";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db, isUniqueViolation, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { newId } from "@/lib/ids";
import { z } from "zod";

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  partnerId?: string | null;
}

function checkNewUser(user: NewUser): void {
  if (user.password.length < PASSWORD_MIN) {
    throw new AppError("validation_error", 400, { key: "passwordTooShort", values: { min: PASSWORD_MIN } }, [
      { field: "password", code: "too_short", message: { key: "useAtLeast", values: { min: PASSWORD_MIN } } },
    ]);
  }
  if (isPartnerRole(user.role) !== Boolean(user.partnerId)) {
    throw new AppError("validation_error", 400, "partnerRolesNeedPartner", [
      { field: "partnerId", code: "invalid_format", message: { key: "partnerRolesNeedPartner" } },
    ]);
  }
}

/** Creates a staff account, or updates the one with this email (used by the seed). */
export async function upsertUser(user: NewUser): Promise<string> {
  checkNewUser(user);
  const email = user.email.trim().toLowerCase();
  const data = {
    name: user.name.trim(),
    role: user.role,
    partnerId: user.partnerId ?? null,
    passwordHash: await hashPassword(user.password),
  };
  const saved = await db.user.upsert({ where: { email }, create: { id: newId("usr"), email, ...data }, update: data });
  return saved.id;
}

/** A staff account as the administration page lists it. */
export interface StaffAccount {
  userId: string;
  name: string;
  email: string;
  /** Null when the stored value is not a role this version knows. */
  role: Role | null;
  partnerId: string | null;
  partnerName: string | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export async function listUsers(): Promise<StaffAccount[]> {
  const rows = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      partnerId: true,
      disabledAt: true,
      createdAt: true,
      partner: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    userId: row.id,
    name: row.name,
    email: row.email,
    role: isRole(row.role) ? row.role : null,
    partnerId: row.partnerId,
    partnerName: row.partner?.name ?? null,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
  }));
}

function duplicateEmail(): AppError {
  return new AppError("conflict", 409, "duplicateEmail", [
    { field: "email", code: "duplicate", message: { key: "duplicateEmail" } },
  ]);
}

function unknownPartner(): AppError {
  return new AppError("validation_error", 400, "noSuchPartnerToChoose", [
    { field: "partnerId", code: "invalid_format", message: { key: "chooseListedPartner" } },
  ]);
}

function checkRolePartner(role: Role, partnerId: string | null): void {
  if (isPartnerRole(role) && !partnerId) {
    throw new AppError("validation_error", 400, "choosePartnerOfPerson", [
      { field: "partnerId", code: "required", message: { key: "choosePartnerOfPerson" } },
    ]);
  }
  if (!isPartnerRole(role) && partnerId) {
    throw new AppError("validation_error", 400, "onlyPartnerRolesHavePartner", [
      { field: "partnerId", code: "invalid_format", message: { key: "onlyPartnerRolesHavePartner" } },
    ]);
  }
}

/** An administrator as the audit trail names them. */
type AdminActor = Actor & { name?: string; email?: string };

/** Creates a staff account; refuses an email that already has one (unlike `upsertUser`). */
export async function createUser(actor: AdminActor, input: NewUser): Promise<string> {
  requireAdmin(actor);
  return insertAccount(userAuditActor(actor), input);
}

/**
 * An administrator created from the shell (`npm run account -- create-admin`): how the first
 * one comes to exist in a database started without demo data, and the way back in if every
 * administrator is locked out. Whoever runs it already holds the database.
 */
export async function createAdministratorFromShell(input: Omit<NewUser, "role" | "partnerId">): Promise<string> {
  return insertAccount(CLI_ACTOR, { ...input, role: "admin", partnerId: null });
}

/**
 * The writes of an account already checked (a normalised email, a hashed password) and its
 * audit event, to be run in one transaction: by insertAccount, or with other rows (the demo seed).
 */
export function newAccountWrites(
  by: AuditActor,
  account: { id: string; email: string; name: string; role: Role; partnerId: string | null; passwordHash: string },
): Prisma.PrismaPromise<unknown>[] {
  return [
    db.user.create({ data: account }),
    db.auditEvent.create({
      data: auditEventRow({
        actor: by,
        action: "account.created",
        partnerId: account.partnerId,
        toStatus: account.role,
        subject: `${account.name} <${account.email}>`,
      }),
    }),
  ];
}

async function insertAccount(by: AuditActor, input: NewUser): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const partnerId = input.partnerId ?? null;
  if (!name || !email) {
    throw new AppError("validation_error", 400, "nameAndEmailRequired", [
      ...(name ? [] : [{ field: "name", code: "required", message: { key: "enterPersonName" } } as const]),
      ...(email ? [] : [{ field: "email", code: "required", message: { key: "enterEmail" } } as const]),
    ]);
  }
  if (!z.email().safeParse(email).success) {
    throw new AppError("validation_error", 400, "enterValidEmail", [
      { field: "email", code: "invalid_email", message: { key: "enterValidEmail" } },
    ]);
  }
  checkRolePartner(input.role, partnerId);
  checkNewUser(input);
  if (partnerId && !(await db.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) {
    throw unknownPartner();
  }
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmail();
  const id = newId("usr");
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(newAccountWrites(by, { id, email, name, role: input.role, partnerId, passwordHash }));
  } catch (error) {
    // Two administrators creating the same email at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
  return id;
}

function requireAdmin(actor: Actor): void {
  if (!can(actor, "admin:manage")) throw new AppError("forbidden", 403, "onlyAdminsManageAccounts");
}

function noSuchAccount(): AppError {
  return new AppError("not_found", 404, "noSuchAccount");
}

/**
 * Locks, until the transaction ends, the rows a change to an account decides on: the account, and
 * when the change may remove an administrator, every enabled administrator too. Under READ
 * COMMITTED, two administrators removing each other at once would each count the other as still
 * enabled (neither change committed yet) and both go through; with these locks the second waits
 * for the first, then reads and counts what it committed. FOR NO KEY UPDATE, the lock the UPDATE
 * itself takes: a sign-in (a session's foreign key takes FOR KEY SHARE) is not held up. In id
 * order, so that two such changes never deadlock.
 */
async function lockForChange(tx: Prisma.TransactionClient, userId: string, mayRemoveAdmin: boolean): Promise<void> {
  if (mayRemoveAdmin) {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} OR (role = 'admin' AND "disabledAt" IS NULL) ORDER BY id FOR NO KEY UPDATE`;
  } else {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
  }
}

/**
 * Refuses a change that would leave no enabled administrator. The self-checks catch the usual
 * case with a clearer message; this catches two administrators removing each other at once
 * (which lockForChange makes run one after the other).
 */
async function ensureAnAdminRemains(tx: Prisma.TransactionClient): Promise<void> {
  const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
  if (admins === 0) {
    throw new AppError("conflict", 409, "lastAdministrator");
  }
}

/**
 * Gives an account a new role (and, for partner roles, the partner it works for). It applies from
 * the person's next request: the signed-in user is read from the database on every request.
 */
export async function changeRole(
  actor: AdminActor,
  userId: string,
  role: Role,
  partnerId: string | null,
): Promise<void> {
  requireAdmin(actor);
  checkRolePartner(role, partnerId);
  if (userId === actor.userId && role !== "admin") {
    throw new AppError("forbidden", 403, "cannotChangeOwnRole");
  }
  await db.$transaction(async (tx) => {
    await lockForChange(tx, userId, role !== "admin");
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, partnerId: true, name: true, email: true },
    });
    if (!user) throw noSuchAccount();
    if (partnerId && !(await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) {
      throw unknownPartner();
    }
    await tx.user.update({ where: { id: userId }, data: { role, partnerId } });
    await tx.auditEvent.create({
      data: auditEventRow({
        actor: userAuditActor(actor),
        action: "account.role_changed",
        partnerId: partnerId ?? user.partnerId,
        fromStatus: user.role,
        toStatus: role,
        subject: `${user.name} <${user.email}>`,
      }),
    });
    if (user.role === "admin" && role !== "admin") await ensureAnAdminRemains(tx);
  });
}

/** Disables an account (it can no longer sign in, and its open sessions stop at once) or enables it again. */
export async function setDisabled(actor: AdminActor, userId: string, disabled: boolean): Promise<void> {
  requireAdmin(actor);
  if (userId === actor.userId && disabled) {
    throw new AppError("forbidden", 403, "cannotDisableOwnAccount");
  }
  await db.$transaction(async (tx) => {
    await lockForChange(tx, userId, disabled);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, disabledAt: true, partnerId: true, name: true, email: true },
    });
    if (!user) throw noSuchAccount();
    // Disabling twice keeps the first date.
    const disabledAt = disabled ? (user.disabledAt ?? new Date()) : null;
    // Disabling also ends every session signed in so far: enabling the account later must not
    // bring an old cookie back to life.
    await tx.user.update({
      where: { id: userId },
      data: { disabledAt, ...(disabled ? { sessionsValidAfter: new Date() } : {}) },
    });
    if (disabled) await endSessionsOf(tx, userId);
    await tx.auditEvent.create({
      data: auditEventRow({
        actor: userAuditActor(actor),
        action: disabled ? "account.disabled" : "account.enabled",
        partnerId: user.partnerId,
        subject: `${user.name} <${user.email}>`,
      }),
    });
    if (disabled && user.role === "admin") await ensureAnAdminRemains(tx);
  });
}

/** Keeps the portal language a person chose, so that it follows them to any browser they sign in on. */
export async function setPreferredLocale(userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
