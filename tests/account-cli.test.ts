import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";

const run = promisify(execFile);

/** The CLI as `npm run account -- …` runs it, on this test file's database. */
async function accountCli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      "npx",
      ["tsx", "--tsconfig", "tsconfig.server.json", "scripts/account.ts", ...args],
      { env: process.env },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: failure.stdout ?? "", stderr: failure.stderr ?? "", code: failure.code ?? 1 };
  }
}

describe("npm run account", () => {
  it("creates the first administrator of an empty database, with a password shown once that signs in", async () => {
    expect(await db.user.count()).toBe(0);
    const created = await accountCli("create-admin", " Ops@Example.com ", "Olu", "Operator");
    expect(created.code).toBe(0);
    const password = /Password: (\S+)/.exec(created.stdout)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(32);

    const admin = await db.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(admin).toMatchObject({ name: "Olu Operator", role: "admin", partnerId: null, disabledAt: null });
    expect(admin.passwordHash).not.toContain(password);
    expect(await signInWithPassword("ops@example.com", password, "192.0.2.80")).toBe(admin.id);

    // Recorded as the command line's doing, without the password.
    const [event] = await db.auditEvent.findMany({ where: { action: "account.created", toStatus: "admin" } });
    expect(event).toMatchObject({ actorType: "system", actorId: "cli", subject: "Olu Operator <ops@example.com>" });
    expect(JSON.stringify(event)).not.toContain(password);
  }, 60_000);

  it("refuses an email that already has an account, and explains its usage when called wrongly", async () => {
    expect((await accountCli("create-admin", "twice@example.com", "First")).code).toBe(0);
    const again = await accountCli("create-admin", "twice@example.com", "Second");
    expect(again.code).toBe(1);
    expect(await db.user.count({ where: { email: "twice@example.com" } })).toBe(1);
    expect((await accountCli("create-admin", "no-name@example.com")).code).toBe(2);
    // An option-looking or malformed email is refused, not made into an account.
    expect((await accountCli("create-admin", "--name", "Nobody")).code).toBe(1);
    expect(await db.user.count({ where: { email: "--name" } })).toBe(0);
  }, 60_000);
});
