import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttpsUrl, newNonce, pageSecurityHeaders, publicUrlIsHttps } from "./headers";

const NONCE = "bm9uY2Utb2YtdGhpcy1yZXF1ZXN0";

/** The policy as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("pageSecurityHeaders", () => {
  it("sends HSTS when the public URL is https", () => {
    const headers = pageSecurityHeaders({ https: true, nonce: NONCE, dev: false });
    expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(directives(headers["Content-Security-Policy"]).has("upgrade-insecure-requests")).toBe(true);
  });

  it("sends no HSTS over plain http (a browser would ignore it, and a later https setup would inherit nothing)", () => {
    const headers = pageSecurityHeaders({ https: false, nonce: NONCE, dev: false });
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
    expect(directives(headers["Content-Security-Policy"]).has("upgrade-insecure-requests")).toBe(false);
  });

  it("always sends a Permissions-Policy", () => {
    expect(pageSecurityHeaders({ https: false, nonce: NONCE, dev: false })["Permissions-Policy"]).toContain(
      "camera=()",
    );
  });
});

describe("contentSecurityPolicy", () => {
  it("allows only scripts with this request's nonce, no plugins, no base tag, no framing", () => {
    const policy = directives(contentSecurityPolicy({ https: false, nonce: NONCE, dev: false }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("allows eval only in development, for Fast Refresh", () => {
    const production = directives(contentSecurityPolicy({ https: false, nonce: NONCE, dev: false }));
    const development = directives(contentSecurityPolicy({ https: false, nonce: NONCE, dev: true }));
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
    expect(development.get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("publicUrlIsHttps", () => {
  it("reads PUBLIC_URL first, then NEXTAUTH_URL", () => {
    expect(publicUrlIsHttps({ PUBLIC_URL: "https://onboarding.example.com" })).toBe(true);
    expect(publicUrlIsHttps({ PUBLIC_URL: "http://127.0.0.1:8083", NEXTAUTH_URL: "https://x.example" })).toBe(false);
    expect(publicUrlIsHttps({ NEXTAUTH_URL: "HTTPS://onboarding.example.com" })).toBe(true);
    expect(publicUrlIsHttps({})).toBe(false);
  });
});

describe("isHttpsUrl (Secure, prefixed session cookies)", () => {
  it("is true only for an https public URL", () => {
    expect(isHttpsUrl("https://onboarding.example.com")).toBe(true);
    expect(isHttpsUrl("http://127.0.0.1:8083")).toBe(false);
    expect(isHttpsUrl("")).toBe(false);
  });
});

describe("newNonce", () => {
  it("is 128 bits of base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
