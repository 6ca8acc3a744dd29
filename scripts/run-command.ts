import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sayMessage } from "@/lib/i18n/error-catalogs";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";

/**
 * Runs a shell command's body with this process's arguments: its answer is the exit code, a
 * refusal prints what it says (in English) and an unexpected error its message (never a stack of
 * values), and exits 1; the database connection is closed either way.
 */
export function runCommand(run: (args: string[]) => Promise<number>): void {
  run(process.argv.slice(2))
    .then((code) => (process.exitCode = code))
    .catch((error: unknown) => {
      if (error instanceof AppError) console.error(sayMessage(error.userMessage, DEFAULT_LOCALE));
      else console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
