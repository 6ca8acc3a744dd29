/**
 * Partner administration from the shell:
 *   npm run partner -- create "Acme Payments"     a partner and its first key pair
 *   npm run partner -- create-key <partner_id>    another key pair
 *   npm run partner -- keys <partner_id>          list key pairs (never secrets)
 *   npm run partner -- revoke <partner_id> <key>  revoke a key pair
 *   npm run partner -- rate-limit <partner_id> <per_second> <burst> | default
 * A secret is printed once, here, and never again.
 */
import "../server/load-env";
import { runCommand } from "./run-command";
import { CLI_ACTOR } from "@/lib/audit/audit-events";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/partners/api-keys";
import { createPartner, setPartnerRateLimit } from "@/lib/partners/partners";

const USAGE = `Usage:
  npm run partner -- create "<partner name>"
  npm run partner -- create-key <partner_id>
  npm run partner -- keys <partner_id>
  npm run partner -- revoke <partner_id> <api_key>
  npm run partner -- rate-limit <partner_id> <requests_per_second> <burst>
  npm run partner -- rate-limit <partner_id> default`;

function printKeyPair(publicKey: string, secret: string): void {
  console.log(`X-API-Key:    ${publicKey}`);
  console.log(`X-API-Secret: ${secret}`);
  console.log("Store the secret now: it is shown only once.");
}

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "create": {
      const name = rest.join(" ");
      if (!name.trim()) break;
      const partner = await createPartner(name, { by: CLI_ACTOR });
      console.log(`Partner ${partner.partnerId} (${partner.name}) created.`);
      printKeyPair(partner.apiKey.publicKey, partner.apiKey.secret);
      return 0;
    }
    case "create-key": {
      if (rest.length !== 1) break;
      const partner = await db.partner.findUnique({ where: { id: rest[0] } });
      if (!partner) {
        console.error(`No partner ${rest[0]}.`);
        return 1;
      }
      const pair = await createApiKey(partner.id, CLI_ACTOR);
      printKeyPair(pair.publicKey, pair.secret);
      return 0;
    }
    case "keys": {
      if (rest.length !== 1) break;
      for (const key of await listApiKeys(rest[0])) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
        console.log(
          `${key.publicKey}  created ${key.createdAt.toISOString()}  last used ${key.lastUsedAt?.toISOString() ?? "never"}  ${state}`,
        );
      }
      return 0;
    }
    case "revoke": {
      if (rest.length !== 2) break;
      try {
        await revokeApiKey(rest[0], rest[1], CLI_ACTOR);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        console.error(`No active key ${rest[1]} for partner ${rest[0]}.`);
        return 1;
      }
      console.log(`Revoked ${rest[1]}.`);
      return 0;
    }
    case "rate-limit": {
      const [partnerId, perSecond, burst] = rest;
      const limit =
        rest.length === 2 && perSecond === "default"
          ? null
          : rest.length === 3 && /^\d+$/.test(perSecond) && /^\d+$/.test(burst)
            ? { perSecond: Number(perSecond), burst: Number(burst) }
            : undefined;
      if (limit === undefined) break;
      await setPartnerRateLimit(partnerId, limit, CLI_ACTOR);
      console.log(
        limit
          ? `Partner ${partnerId}: ${limit.perSecond} requests a second per key, bursts of ${limit.burst}.`
          : `Partner ${partnerId}: back on the default rate limit.`,
      );
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

runCommand(run);
