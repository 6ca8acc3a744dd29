import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, openStored, parseKeyRing, seal, sealedKeyId, unseal } from "./personal-data";

const hexKey = () => crypto.randomBytes(32).toString("hex");

/** The message `attempt` threw; fails when it did not throw. */
function refusal(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("Expected a refusal, but the call succeeded.");
}

describe("seal and unseal", () => {
  const ring = parseKeyRing(`k1:${hexKey()}`);

  it("round-trips text, and the sealed form holds none of it", () => {
    const sealed = seal("E12345678 双子", "id_number", "bp_1", ring);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("E12345678");
    expect(sealedKeyId(sealed)).toBe("k1");
    expect(unseal(sealed, "id_number", "bp_1", ring)).toBe("E12345678 双子");
  });

  it("seals the same text differently each time (a fresh IV)", () => {
    expect(seal("E12345678", "id_number", "bp_1", ring)).not.toBe(seal("E12345678", "id_number", "bp_1", ring));
  });

  it("refuses a value that was altered", () => {
    const sealed = seal("E12345678", "id_number", "bp_1", ring);
    const bytes = Buffer.from(sealed.split(":")[3], "base64url");
    bytes[14] ^= 1;
    const altered = `enc:v1:k1:${bytes.toString("base64url")}`;
    expect(() => unseal(altered, "id_number", "bp_1", ring)).toThrow();
  });

  it("refuses a value sealed for another purpose (moved to another column)", () => {
    expect(() => unseal(seal("E12345678", "id_number", "bp_1", ring), "draft", "bp_1", ring)).toThrow();
  });

  it("refuses a value moved onto another row (another person's ID number swapped in)", () => {
    const theirs = seal("E12345678", "id_number", "bp_theirs", ring);
    expect(() => unseal(theirs, "id_number", "bp_mine", ring)).toThrow();
    expect(unseal(theirs, "id_number", "bp_theirs", ring)).toBe("E12345678");
  });

  it("opens values sealed with an older key after rotation, and seals with the new one", () => {
    const oldKey = hexKey();
    const before = parseKeyRing(`old:${oldKey}`);
    const sealedBefore = seal("E12345678", "id_number", "bp_1", before);
    const after = parseKeyRing(`new:${crypto.randomBytes(32).toString("base64")}, old:${oldKey}`);
    expect(unseal(sealedBefore, "id_number", "bp_1", after)).toBe("E12345678");
    expect(sealedKeyId(seal("X", "id_number", "bp_1", after))).toBe("new");
  });

  it("refuses a value cut short, saying so and nothing of the value", () => {
    const sealed = seal("E12345678", "id_number", "bp_1", ring);
    // The 12-byte IV and the 16-byte tag alone are 28 bytes: 27 cannot be a sealed value.
    const cut = `enc:v1:k1:${Buffer.from(sealed.split(":")[3], "base64url").subarray(0, 27).toString("base64url")}`;
    const message = refusal(() => unseal(cut, "id_number", "bp_1", ring));
    expect(message).toBe("A sealed value is truncated.");
    expect(refusal(() => unseal("enc:v1:k1:", "id_number", "bp_1", ring))).toBe("A sealed value is truncated.");
    // Long enough to parse, but short of its last bytes: the tag no longer matches.
    const shortened = sealed.slice(0, -4);
    expect(() => unseal(shortened, "id_number", "bp_1", ring)).toThrow();
  });

  it("says which key is missing rather than returning garbage", () => {
    const sealed = seal("E12345678", "id_number", "bp_1", parseKeyRing(`gone:${hexKey()}`));
    expect(() => unseal(sealed, "id_number", "bp_1", ring)).toThrow(/No data encryption key "gone"/);
  });
});

describe("openStored", () => {
  const ring = parseKeyRing(`k1:${hexKey()}`);

  it("opens a stored value sealed for its purpose and owner", () => {
    expect(openStored(seal("E12345678", "id_number", "bp_1", ring), "id_number", "bp_1", ring)).toBe("E12345678");
    expect(() => openStored(seal("E12345678", "id_number", "bp_1", ring), "id_number", "bp_2", ring)).toThrow();
  });

  it("refuses a value in clear (nothing the portal writes is): it names what and whose, never the value", () => {
    for (const [clear, purpose, owner] of [
      ["E12345678", "id_number", "bp_1"],
      ['{"customer":{"id_number":"E12345678"}}', "event", "evt_1"],
      ["whsec_known_to_whoever_wrote_it", "webhook_secret", "whe_1"],
      ["", "idempotent_response", "resp_1"],
    ] as const) {
      const message = refusal(() => openStored(clear, purpose, owner, ring));
      expect(message).toContain(`stored ${purpose} of ${owner} is not sealed`);
      if (clear) expect(message).not.toContain(clear);
    }
  });
});

describe("parseKeyRing", () => {
  it.each([
    ["", /no key/],
    ["k1", /<key id>:<key>/],
    [`k1:${"ab".repeat(16)}`, /32 bytes/],
    [`k1:${"ab".repeat(32)},k1:${"cd".repeat(32)}`, /listed twice/],
  ])("refuses %j", (spec, message) => {
    expect(() => parseKeyRing(spec)).toThrow(message);
  });
});
