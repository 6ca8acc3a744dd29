import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/audit-events";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/partners/api-keys";
import type { PartnerWithKey } from "@/lib/partners/partners";
import { BucketClock } from "./helpers/bucket-clock";
import { authHeaders, newPartner, servePartnerApi } from "./helpers/partner-api";

// Two servers, each with the real handler, over one database: as two app processes would be.
const api = servePartnerApi();
const otherApi = servePartnerApi();

// The buckets' clock stands still unless a test moves it: no token comes back while a test runs,
// however long its requests take, so every count below is exact.
let clock: BucketClock;
beforeAll(async () => {
  clock = await BucketClock.stop();
});
afterAll(async () => {
  await clock?.remove();
});

const LIMIT = { rateLimitPerSecond: 1, rateLimitBurst: 10 };
// A cheap authenticated request: the key is checked, a token taken, then a 404.
const PATH = "/api/customers/cus_00000000000000000000000000000000";

async function limitedPartner(): Promise<PartnerWithKey> {
  const partner = await newPartner();
  await db.partner.update({ where: { id: partner.partnerId }, data: LIMIT });
  return partner;
}

function send(headers: Record<string, string>, baseUrl = api.baseUrl): Promise<Response> {
  return fetch(`${baseUrl}${PATH}`, { headers });
}

/** Sends `count` requests one after another and returns their statuses. */
async function statuses(headers: Record<string, string>, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let index = 0; index < count; index += 1) seen.push((await send(headers)).status);
  return seen;
}

describe("partner API rate limits", () => {
  it("allows the burst, then answers 429 rate_limited with Retry-After and RateLimit headers", async () => {
    const partner = await limitedPartner();
    const answers: Response[] = [];
    for (let index = 0; index < LIMIT.rateLimitBurst; index += 1) answers.push(await send(authHeaders(partner)));
    const refused = await send(authHeaders(partner));

    expect(answers.map((answer) => answer.status)).toEqual(Array(LIMIT.rateLimitBurst).fill(404));
    expect(answers.map((answer) => answer.headers.get("RateLimit-Remaining"))).toEqual([
      "9",
      "8",
      "7",
      "6",
      "5",
      "4",
      "3",
      "2",
      "1",
      "0",
    ]);
    for (const answer of answers) {
      expect(answer.headers.get("RateLimit-Limit")).toBe("10");
      expect(answer.headers.get("Retry-After")).toBeNull();
    }
    // The first leaves 9 of 10 tokens: full again after one second.
    expect(answers[0].headers.get("RateLimit-Reset")).toBe("1");

    expect(refused.status).toBe(429);
    const { error } = await refused.json();
    expect(error.code).toBe("rate_limited");
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect(refused.headers.get("RateLimit-Limit")).toBe("10");
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    expect(Number(refused.headers.get("RateLimit-Reset"))).toBe(10);
  });

  it("gives the documented default to a partner without its own limit, on 200s too", async () => {
    const partner = await newPartner();
    const response = await fetch(`${api.baseUrl}/api/customers`, { headers: authHeaders(partner) });
    expect(response.status).toBe(200);
    expect(response.headers.get("RateLimit-Limit")).toBe("200");
    expect(response.headers.get("RateLimit-Remaining")).toBe("199");
    expect(response.headers.get("RateLimit-Reset")).toBe("1");
  });

  it("refills the bucket as time passes", async () => {
    const partner = await limitedPartner();
    expect(await statuses(authHeaders(partner), 11)).toEqual([...Array(10).fill(404), 429]);
    await clock.advance(3);
    expect(await statuses(authHeaders(partner), 4)).toEqual([404, 404, 404, 429]);
    // Never past the burst, however long it was left alone.
    await clock.advance(3600);
    expect(await statuses(authHeaders(partner), 11)).toEqual([...Array(10).fill(404), 429]);
  });

  it("counts no request that fails authentication", async () => {
    const partner = await limitedPartner();
    const wrong = { ...authHeaders(partner), "X-API-Secret": `${partner.apiKey.secret}x` };
    expect(await statuses(wrong, 12)).toEqual(Array(12).fill(401));
    const response = await send(authHeaders(partner));
    expect(response.status).toBe(404);
    expect(response.headers.get("RateLimit-Remaining")).toBe("9");
  });

  it("keeps a bucket per partner: its second key shares it, another partner's key does not", async () => {
    const partner = await limitedPartner();
    const other = await limitedPartner();
    const secondPair = await createApiKey(partner.partnerId, CLI_ACTOR);
    const secondKey = { "X-API-Key": secondPair.publicKey, "X-API-Secret": secondPair.secret };
    expect(await statuses(authHeaders(partner), 6)).toEqual(Array(6).fill(404));
    expect(await statuses(secondKey, 5)).toEqual([...Array(4).fill(404), 429]);
    expect(await statuses(authHeaders(partner), 1)).toEqual([429]);
    expect(await statuses(authHeaders(other), 11)).toEqual([...Array(10).fill(404), 429]);
  });

  it("shares the bucket between servers: concurrent requests to two get the burst in all", async () => {
    const partner = await limitedPartner();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => send(authHeaders(partner), index % 2 ? otherApi.baseUrl : api.baseUrl)),
    );
    const counts = { allowed: 0, refused: 0 };
    for (const answer of answers) {
      if (answer.status === 404) counts.allowed += 1;
      else if (answer.status === 429) counts.refused += 1;
    }
    expect(counts.allowed + counts.refused).toBe(30);
    expect(counts.allowed).toBe(LIMIT.rateLimitBurst);
  });
});
