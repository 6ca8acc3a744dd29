import { db } from "@/lib/db";

/**
 * Runs a shell command's body with this process's arguments: its answer is the exit code, an
 * unexpected error prints its message (never a stack of values) and exits 1, and the database
 * connection is closed either way.
 */
export function runCommand(run: (args: string[]) => Promise<number>): void {
  run(process.argv.slice(2))
    .then((code) => (process.exitCode = code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
