/**
 * Staff accounts from the shell:
 *   npm run account -- create-admin <email> "<name>"   an administrator, with a new password
 * The first administrator of a database started without demo data (SEED_DEMO=false) comes from
 * here; everyone else is created by an administrator in the portal. The password is generated,
 * printed once, and stored only as its argon2id hash.
 */
import "../server/load-env";
import { runCommand } from "./run-command";
import crypto from "node:crypto";
import { createAdministratorFromShell } from "@/lib/users/users";

const USAGE = `Usage:
  npm run account -- create-admin <email> "<name>"`;

async function run(args: string[]): Promise<number> {
  const [command, email, ...nameParts] = args;
  const name = nameParts.join(" ").trim();
  if (command !== "create-admin" || !email || !name) {
    console.error(USAGE);
    return 2;
  }
  // 24 random bytes: 32 characters, far past what guessing or the sign-in throttle would allow.
  const password = crypto.randomBytes(24).toString("base64url");
  // A refusal (a taken email, say) is printed by runCommand, in the catalog's English.
  const userId = await createAdministratorFromShell({ email, name, password });
  console.log(`Administrator ${userId} (${email.trim().toLowerCase()}) created.`);
  console.log(`Password: ${password}`);
  console.log("Store the password now: it is shown only once.");
  return 0;
}

runCommand(run);
