/**
 * The child side of lib-process.ts: one JSON call per line on standard input, one JSON reply per
 * line on standard output. Ends when its input ends.
 */
import readline from "node:readline";
import { accountFromAddressThrottle } from "@/lib/auth/sign-in-throttle";
import { decideCustomer } from "@/lib/customers/decisions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { saveDraftStep, submitDraft } from "@/lib/onboarding/drafts";

const calls = {
  claimSignInAttempt: (key: string) => accountFromAddressThrottle.claimAttempt(key),
  decideCustomer: (...args: Parameters<typeof decideCustomer>) => decideCustomer(...args),
  saveDraftStep: (...args: Parameters<typeof saveDraftStep>) => saveDraftStep(...args),
  submitDraft: (...args: Parameters<typeof submitDraft>) => submitDraft(...args),
};

export type LibCalls = typeof calls;

function reply(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function main(): Promise<void> {
  // Connected before saying it is ready, so that its first call starts as soon as it is sent.
  await db.$queryRaw`SELECT 1`;
  const lines = readline.createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const { id, name, args } = JSON.parse(line) as { id: number; name: keyof LibCalls; args: unknown[] };
    const call = calls[name] as (...args: unknown[]) => Promise<unknown>;
    call(...args).then(
      (value) => reply({ id, ok: true, value: value ?? null }),
      (error: unknown) =>
        reply({
          id,
          ok: false,
          error:
            error instanceof AppError
              ? { code: error.code, status: error.status, message: error.userMessage }
              : { message: error instanceof Error ? error.name : "error" },
        }),
    );
  });
  lines.on("close", () => void db.$disconnect().finally(() => process.exit(0)));
  reply({ ready: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.name : error);
  process.exit(1);
});
