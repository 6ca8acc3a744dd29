import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "./signature";

const SECRET = "whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3RzLW9ubHktMzJi";
const BODY = '{"id":"evt_0f8fad5bd9cb469fa1d0c6a1a1a1a1a1","type":"customer.created"}';
const T = 1_700_000_000;

describe("signPayload", () => {
  it("matches a known answer computed here with node:crypto", () => {
    const expected = crypto.createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(signPayload(SECRET, T, BODY)).toBe(`t=${T},v1=${expected}`);
  });

  it("matches a fixed vector (HMAC-SHA256 of key 'key', message '1.body')", () => {
    // echo -n "1.body" | openssl dgst -sha256 -hmac key
    const fixed = "91b5374b153842ad05b2c4eab9349b8321b14703165bd3fb8b034dfb8be98ae5";
    expect(signPayload("key", 1, "body")).toBe(`t=1,v1=${fixed}`);
    expect(signPayload("key", 1, Buffer.from("body"))).toBe(`t=1,v1=${fixed}`);
  });

  it("refuses a timestamp that is not whole seconds", () => {
    expect(() => signPayload(SECRET, 1.5, BODY)).toThrow();
    expect(() => signPayload(SECRET, -1, BODY)).toThrow();
  });
});

describe("verifySignature", () => {
  const header = signPayload(SECRET, T, BODY);

  it("accepts its own signature within the tolerance, either side", () => {
    expect(verifySignature(header, [SECRET], BODY, T)).toBe(true);
    expect(verifySignature(header, [SECRET], BODY, T + 300)).toBe(true);
    expect(verifySignature(header, [SECRET], BODY, T - 300)).toBe(true);
    expect(verifySignature(header, [SECRET], Buffer.from(BODY), T + 10)).toBe(true);
  });

  it("refuses a timestamp older than five minutes, or a custom tolerance", () => {
    expect(verifySignature(header, [SECRET], BODY, T + 301)).toBe(false);
    expect(verifySignature(header, [SECRET], BODY, T + 61, 60)).toBe(false);
    expect(verifySignature(header, [SECRET], BODY, T + 60, 60)).toBe(true);
  });

  it("refuses another body, another secret, a moved timestamp", () => {
    expect(verifySignature(header, [SECRET], `${BODY} `, T)).toBe(false);
    expect(verifySignature(header, ["whsec_other"], BODY, T)).toBe(false);
    const moved = header.replace(`t=${T}`, `t=${T + 1}`);
    expect(verifySignature(moved, [SECRET], BODY, T)).toBe(false);
  });

  it("accepts any of several secrets (rotation) and any of several v1 signatures", () => {
    expect(verifySignature(header, ["whsec_new", SECRET], BODY, T)).toBe(true);
    const other = signPayload("whsec_new", T, BODY).split(",")[1];
    expect(verifySignature(`${header},${other}`, ["whsec_new"], BODY, T)).toBe(true);
    expect(verifySignature(header, [], BODY, T)).toBe(false);
  });

  it("refuses malformed headers", () => {
    const v1 = header.split(",")[1];
    for (const bad of ["", "garbage", `t=${T}`, v1, `t=abc,${v1}`, `t=${T},t=${T},${v1}`, `t=${T},v1=abcd`]) {
      expect(verifySignature(bad, [SECRET], BODY, T), bad).toBe(false);
    }
  });
});
