import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";
import { can, canAccessPartnerRecord, canEditDraft, canUpdateCustomer, type Action, type Actor } from "./permissions";
import { ROLES, type Role } from "./roles";

const OWN_PARTNER = "ptn_00000000000000000000000000000001";
const OTHER_PARTNER = "ptn_00000000000000000000000000000002";

/** An actor of each role as the database would load it: partner roles act for OWN_PARTNER. */
function actorOf(role: Role): Actor {
  const partnerId = role === "partner_admin" || role === "partner_user" ? OWN_PARTNER : null;
  return { userId: `usr_${role}`, role, partnerId };
}

/** Who may do what: every action against every role, written out rather than derived. */
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  "onboarding:use": { partner_admin: true, partner_user: true, reviewer: false, admin: false },
  "customers:list": { partner_admin: true, partner_user: true, reviewer: true, admin: false },
  "customers:list-all": { partner_admin: false, partner_user: false, reviewer: true, admin: false },
  "customers:decide": { partner_admin: false, partner_user: false, reviewer: true, admin: false },
  "customers:request-information": { partner_admin: false, partner_user: false, reviewer: true, admin: false },
  "customers:update": { partner_admin: true, partner_user: true, reviewer: false, admin: false },
  "identity:reveal": { partner_admin: false, partner_user: false, reviewer: true, admin: false },
  "api-keys:manage": { partner_admin: true, partner_user: false, reviewer: false, admin: false },
  "webhooks:manage": { partner_admin: true, partner_user: false, reviewer: false, admin: false },
  "admin:manage": { partner_admin: false, partner_user: false, reviewer: false, admin: true },
  "audit:see-staff-names": { partner_admin: false, partner_user: false, reviewer: true, admin: true },
};

const ACTIONS = Object.keys(EXPECTED) as Action[];

const CASES = ACTIONS.flatMap((action) => ROLES.map((role) => ({ action, role, allowed: EXPECTED[action][role] })));

describe("can", () => {
  it("covers every role", () => {
    expect([...ROLES].sort()).toEqual(["admin", "partner_admin", "partner_user", "reviewer"]);
  });

  it.each(CASES)("$role may $action: $allowed", ({ action, role, allowed }) => {
    expect(can(actorOf(role), action)).toBe(allowed);
  });

  it.each(["partner_admin", "partner_user"] as const)(
    "lets a %s without a partner (a broken account) do nothing",
    (role) => {
      const broken: Actor = { userId: "usr_broken", role, partnerId: null };
      for (const action of ACTIONS) expect(can(broken, action), action).toBe(false);
    },
  );
});

describe("canUpdateCustomer", () => {
  it.each(["partner_admin", "partner_user"] as const)("lets a %s fix only its own partner's customers", (role) => {
    expect(canUpdateCustomer(actorOf(role), OWN_PARTNER)).toBe(true);
    expect(canUpdateCustomer(actorOf(role), OTHER_PARTNER)).toBe(false);
  });

  it.each(["reviewer", "admin"] as const)("lets a %s fix no customer", (role) => {
    expect(canUpdateCustomer(actorOf(role), OWN_PARTNER)).toBe(false);
  });
});

describe("canAccessPartnerRecord", () => {
  it("lets a reviewer see any partner's records", () => {
    expect(canAccessPartnerRecord(actorOf("reviewer"), OWN_PARTNER)).toBe(true);
    expect(canAccessPartnerRecord(actorOf("reviewer"), OTHER_PARTNER)).toBe(true);
  });

  it.each(["partner_admin", "partner_user"] as const)("lets a %s see only its own partner's records", (role) => {
    expect(canAccessPartnerRecord(actorOf(role), OWN_PARTNER)).toBe(true);
    expect(canAccessPartnerRecord(actorOf(role), OTHER_PARTNER)).toBe(false);
  });

  it("lets an admin see no partner's records", () => {
    expect(canAccessPartnerRecord(actorOf("admin"), OWN_PARTNER)).toBe(false);
    expect(canAccessPartnerRecord(actorOf("admin"), OTHER_PARTNER)).toBe(false);
  });

  it("does not let a partner role without a partner see anything", () => {
    const broken: Actor = { userId: "usr_broken", role: "partner_user", partnerId: null };
    expect(canAccessPartnerRecord(broken, OWN_PARTNER)).toBe(false);
  });
});

describe("canEditDraft", () => {
  it.each(["partner_admin", "partner_user"] as const)("lets a %s edit only its own partner's drafts", (role) => {
    expect(canEditDraft(actorOf(role), OWN_PARTNER)).toBe(true);
    expect(canEditDraft(actorOf(role), OTHER_PARTNER)).toBe(false);
  });

  it.each(["reviewer", "admin"] as const)("never lets a %s edit a draft", (role) => {
    expect(canEditDraft(actorOf(role), OWN_PARTNER)).toBe(false);
    expect(canEditDraft(actorOf(role), OTHER_PARTNER)).toBe(false);
    // Even a reviewer or admin who somehow carries a partner id may not.
    expect(canEditDraft({ userId: "usr_x", role, partnerId: OWN_PARTNER }, OWN_PARTNER)).toBe(false);
  });

  it("does not let a partner role without a partner edit anything", () => {
    const broken: Actor = { userId: "usr_broken", role: "partner_admin", partnerId: null };
    expect(canEditDraft(broken, OWN_PARTNER)).toBe(false);
  });
});

describe("navigationFor", () => {
  const hrefs = (actor: Actor) => navigationFor(actor).map((item) => item.href);

  it("shows a partner admin onboarding, customers, API keys and webhooks", () => {
    expect(hrefs(actorOf("partner_admin"))).toEqual([
      "/",
      "/onboarding",
      "/customers",
      "/settings/api-keys",
      "/settings/webhooks",
      "/docs/api",
    ]);
  });

  it("shows a partner user onboarding and customers, but not API keys", () => {
    expect(hrefs(actorOf("partner_user"))).toEqual(["/", "/onboarding", "/customers", "/docs/api"]);
  });

  it("shows a reviewer the review queue only", () => {
    const items = navigationFor(actorOf("reviewer"));
    expect(items.map((item) => item.href)).toEqual(["/", "/customers", "/docs/api"]);
    expect(items.find((item) => item.href === "/customers")?.section).toBe("reviewQueue");
  });

  it("names the partner's customer list Customers", () => {
    const items = navigationFor(actorOf("partner_user"));
    expect(items.find((item) => item.href === "/customers")?.section).toBe("customers");
  });

  it("shows an admin administration only", () => {
    expect(hrefs(actorOf("admin"))).toEqual(["/", "/admin", "/docs/api"]);
  });

  it("shows a partner role without a partner no working sections", () => {
    expect(hrefs({ userId: "usr_broken", role: "partner_admin", partnerId: null })).toEqual(["/", "/docs/api"]);
  });

  it.each(ROLES)("shows a %s only sections the permissions allow", (role) => {
    const actor = actorOf(role);
    const guarded: Record<string, Action> = {
      "/onboarding": "onboarding:use",
      "/customers": "customers:list",
      "/settings/api-keys": "api-keys:manage",
      "/settings/webhooks": "webhooks:manage",
      "/admin": "admin:manage",
    };
    for (const [href, action] of Object.entries(guarded)) {
      expect(hrefs(actor).includes(href), `${role} ${href}`).toBe(can(actor, action));
    }
  });
});
