import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listPartners } from "@/lib/partners/partners";
import { newPartner } from "@/tests/helpers/partner-api";
import { changeRole, createUser, listUsers, setDisabled, upsertUser } from "./users";
import { englishOf } from "@/tests/helpers/said";

const PASSWORD = "a long enough password";

let counter = 0;
function uniqueEmail(): string {
  counter += 1;
  return `admin-test-${counter}-${process.pid}@example.com`;
}
function uniqueIp(): string {
  counter += 1;
  return `203.0.113.${counter % 256}`;
}

/** The administrator who creates the accounts the tests need. */
const CREATOR: Actor = { userId: "usr_creator", role: "admin", partnerId: null };

async function newAdmin(): Promise<Actor> {
  const userId = await upsertUser({ email: uniqueEmail(), name: "Ada Admin", password: PASSWORD, role: "admin" });
  return { userId, role: "admin", partnerId: null };
}

/** The AppError a call is refused with. */
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function stored(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId } });
}

describe("createUser", () => {
  it("creates an account that can sign in, with a normalised email and a hashed password", async () => {
    const partner = await newPartner();
    const email = uniqueEmail();
    const userId = await createUser(CREATOR, {
      email: `  ${email.toUpperCase()} `,
      name: "  Paula Partner ",
      password: PASSWORD,
      role: "partner_user",
      partnerId: partner.partnerId,
    });
    const row = await stored(userId);
    expect(row).toMatchObject({ email, name: "Paula Partner", role: "partner_user", partnerId: partner.partnerId });
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await signInWithPassword(email, PASSWORD, uniqueIp())).toBe(userId);

    const listed = (await listUsers()).find((user) => user.userId === userId);
    expect(listed).toMatchObject({ email, role: "partner_user", partnerName: partner.name, disabledAt: null });
    expect(listed).not.toHaveProperty("passwordHash");
  });

  it("refuses an email that already has an account, whatever its case, and keeps the first account", async () => {
    const email = uniqueEmail();
    const first = await createUser(CREATOR, { email, name: "First", password: PASSWORD, role: "reviewer" });
    const error = await refusal(
      createUser(CREATOR, { email: email.toUpperCase(), name: "Second", password: PASSWORD, role: "admin" }),
    );
    expect(error.code).toBe("conflict");
    expect(error.details).toEqual([{ field: "email", code: "duplicate", message: { key: "duplicateEmail" } }]);
    expect(await stored(first)).toMatchObject({ name: "First", role: "reviewer" });
  });

  it("refuses a partner role without a partner, a staff role with one, an unknown partner and a short password", async () => {
    const partner = await newPartner();
    const cases = [
      { role: "partner_admin", partnerId: null, field: "partnerId" },
      { role: "reviewer", partnerId: partner.partnerId, field: "partnerId" },
      { role: "partner_user", partnerId: "ptn_00000000000000000000000000000000", field: "partnerId" },
    ] as const;
    for (const { role, partnerId, field } of cases) {
      const error = await refusal(
        createUser(CREATOR, { email: uniqueEmail(), name: "N", password: PASSWORD, role, partnerId }),
      );
      expect(
        error.details.map((detail) => detail.field),
        role,
      ).toEqual([field]);
    }
    const short = await refusal(
      createUser(CREATOR, { email: uniqueEmail(), name: "N", password: "short", role: "reviewer" }),
    );
    expect(short.details.map((detail) => detail.field)).toEqual(["password"]);
  });
});

describe("listPartners", () => {
  it("counts each partner's staff accounts", async () => {
    const partner = await newPartner();
    for (const role of ["partner_admin", "partner_user"] as const) {
      await createUser(CREATOR, {
        email: uniqueEmail(),
        name: "Staff",
        password: PASSWORD,
        role,
        partnerId: partner.partnerId,
      });
    }
    const empty = await newPartner();
    const partners = await listPartners();
    expect(partners.find((row) => row.partnerId === partner.partnerId)).toMatchObject({
      name: partner.name,
      staffCount: 2,
    });
    expect(partners.find((row) => row.partnerId === empty.partnerId)?.staffCount).toBe(0);
  });
});

describe("changeRole", () => {
  it("moves a partner user to reviewer (dropping the partner) and back to a partner role", async () => {
    const admin = await newAdmin();
    const partner = await newPartner();
    const userId = await createUser(CREATOR, {
      email: uniqueEmail(),
      name: "Pat",
      password: PASSWORD,
      role: "partner_user",
      partnerId: partner.partnerId,
    });

    await changeRole(admin, userId, "reviewer", null);
    expect(await stored(userId)).toMatchObject({ role: "reviewer", partnerId: null });

    const needsPartner = await refusal(changeRole(admin, userId, "partner_admin", null));
    expect(needsPartner.details).toEqual([
      { field: "partnerId", code: "required", message: { key: "choosePartnerOfPerson" } },
    ]);
    const unknownPartner = await refusal(
      changeRole(admin, userId, "partner_admin", "ptn_00000000000000000000000000000000"),
    );
    expect(unknownPartner.details.map((detail) => detail.field)).toEqual(["partnerId"]);
    expect(await stored(userId)).toMatchObject({ role: "reviewer", partnerId: null });

    await changeRole(admin, userId, "partner_admin", partner.partnerId);
    expect(await stored(userId)).toMatchObject({ role: "partner_admin", partnerId: partner.partnerId });
  });

  it("refuses an administrator demoting themselves", async () => {
    const admin = await newAdmin();
    const error = await refusal(changeRole(admin, admin.userId, "reviewer", null));
    expect(englishOf(error)).toBe("You cannot change your own role. Ask another administrator to do it.");
    expect((await stored(admin.userId)).role).toBe("admin");
  });

  it("lets one administrator demote another", async () => {
    const admin = await newAdmin();
    const colleague = await newAdmin();
    await changeRole(admin, colleague.userId, "reviewer", null);
    expect((await stored(colleague.userId)).role).toBe("reviewer");
  });

  it("refuses anyone but an administrator, and an account that does not exist", async () => {
    const admin = await newAdmin();
    const reviewerId = await createUser(CREATOR, {
      email: uniqueEmail(),
      name: "R",
      password: PASSWORD,
      role: "reviewer",
    });
    const reviewer: Actor = { userId: reviewerId, role: "reviewer", partnerId: null };
    expect((await refusal(changeRole(reviewer, admin.userId, "reviewer", null))).code).toBe("forbidden");
    expect((await stored(admin.userId)).role).toBe("admin");
    expect((await refusal(changeRole(admin, "usr_missing", "reviewer", null))).code).toBe("not_found");
  });
});

describe("setDisabled", () => {
  it("disables an account, which can then not sign in, and enables it again", async () => {
    const admin = await newAdmin();
    const email = uniqueEmail();
    const userId = await createUser(CREATOR, { email, name: "Rita", password: PASSWORD, role: "reviewer" });

    await setDisabled(admin, userId, true);
    const disabledAt = (await stored(userId)).disabledAt;
    expect(disabledAt).toBeInstanceOf(Date);
    await expect(signInWithPassword(email, PASSWORD, uniqueIp())).rejects.toMatchObject({ status: 401 });
    // Disabling again keeps the first date.
    await setDisabled(admin, userId, true);
    expect((await stored(userId)).disabledAt).toEqual(disabledAt);

    await setDisabled(admin, userId, false);
    expect((await stored(userId)).disabledAt).toBeNull();
    expect(await signInWithPassword(email, PASSWORD, uniqueIp())).toBe(userId);
  });

  it("refuses an administrator disabling themselves", async () => {
    const admin = await newAdmin();
    const error = await refusal(setDisabled(admin, admin.userId, true));
    expect(englishOf(error)).toBe("You cannot disable your own account. Ask another administrator to do it.");
    expect((await stored(admin.userId)).disabledAt).toBeNull();
  });

  it("never leaves the portal without an enabled administrator", async () => {
    // Leave exactly two enabled administrators, then let each try to remove the other, as two
    // requests already past their permission check would.
    await db.user.updateMany({ where: { role: "admin" }, data: { disabledAt: new Date() } });
    const admin = await newAdmin();
    const colleague = await newAdmin();
    await setDisabled(admin, colleague.userId, true);
    const error = await refusal(setDisabled(colleague, admin.userId, true));
    expect(englishOf(error)).toBe("The portal needs at least one enabled administrator.");
    expect((await stored(admin.userId)).disabledAt).toBeNull();
    const demotion = await refusal(changeRole(colleague, admin.userId, "reviewer", null));
    expect(demotion.code).toBe("conflict");
    expect((await stored(admin.userId)).role).toBe("admin");
  });
});
