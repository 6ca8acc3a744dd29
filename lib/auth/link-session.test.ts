import { afterEach, describe, expect, it } from "vitest";
import { LINK_SESSION_COOKIE, linkSessionCookie } from "./link-session";

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("linkSessionCookie", () => {
  const expires = new Date("2030-01-01T00:00:00Z");

  it("is httpOnly, SameSite=Lax and sent only to /onboard", () => {
    expect(linkSessionCookie("secret", expires)).toMatchObject({
      name: LINK_SESSION_COOKIE,
      value: "secret",
      httpOnly: true,
      sameSite: "lax",
      path: "/onboard",
      expires,
    });
  });

  it("is Secure when the portal is served over https, and not on plain http", () => {
    process.env.PUBLIC_URL = "https://onboarding.axisfi.example";
    expect(linkSessionCookie("secret", expires).secure).toBe(true);
    process.env.PUBLIC_URL = "http://127.0.0.1:8083";
    delete process.env.NEXTAUTH_URL;
    expect(linkSessionCookie("secret", expires).secure).toBe(false);
  });
});
