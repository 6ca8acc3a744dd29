import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { decideCustomer } from "@/lib/customers/decisions";
import { requestInformation } from "@/lib/customers/requirements";
import {
  findLinkSession,
  finishUpdateLink,
  linkCustomerToFix,
  linkDraft,
  saveLinkStep,
  saveLinkUpdateStep,
  submitLink,
} from "@/lib/onboarding-links/links";
import { getDraft, saveDraftStep, startDraft } from "@/lib/onboarding/drafts";
import { FORM_STEPS } from "@/lib/onboarding/steps";
import type { PartnerWithKey } from "@/lib/partners/partners";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest, exampleWizardSteps } from "./fixtures/customer-request";
import { newAccount } from "./helpers/accounts";
import { startAppServer, type AppServer } from "./helpers/app-server";
import {
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  postJson,
  SAMPLE_FILES,
  uploadedFileId,
} from "./helpers/partner-api";

// The real server (server/main.ts: the partner API in front of Next's production build), and the
// app's functions called from here for what a browser does through server actions (the browser
// test, e2e/onboarding-link.spec.ts, drives those).
let server: AppServer;
let partner: PartnerWithKey;
let otherPartner: PartnerWithKey;

const RETURN_URL = "https://partner.example.com/onboarding/done";
const REFRESH_URL = "https://partner.example.com/onboarding/new-link";

beforeAll(async () => {
  // The kept secrets (data folder) exist before the server reads them: the same for both.
  partner = await newPartner();
  otherPartner = await newPartner();
  server = await startAppServer({ databaseUrl: databaseUrl(), dataDir: process.env.DATA_DIR!, appProcesses: 1 });
}, 300_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

function createLink(body: Record<string, unknown>, who: PartnerWithKey = partner) {
  return postJson(server.baseUrl, "/api/onboarding_links", body, authHeaders(who));
}

function linkBody(extra: Record<string, unknown> = {}) {
  return { partner_customer_id: newPartnerCustomerId(), return_url: RETURN_URL, refresh_url: REFRESH_URL, ...extra };
}

async function newLink(extra: Record<string, unknown> = {}, who: PartnerWithKey = partner) {
  const body = linkBody(extra);
  const response = await createLink(body, who);
  expect(response.status).toBe(200);
  const link = (await response.json()) as { url: string; expires_at: string };
  return { ...link, token: link.url.split("/").pop()!, partnerCustomerId: body.partner_customer_id };
}

/** GET without following redirects, optionally with the link session cookie. */
function get(path: string, cookie?: string) {
  const url = path.startsWith("http") ? path : `${server.baseUrl}${path}`;
  return fetch(url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
}

/** Opens a link; answers its session cookie (name=value) and secret. */
async function open(url: string, firstPage = "/onboard/session/company") {
  const response = await get(url);
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe(firstPage);
  const setCookie = response.headers.get("set-cookie") ?? "";
  const pair = setCookie.split(";")[0];
  return { setCookie, cookie: pair, secret: pair.slice(pair.indexOf("=") + 1) };
}

async function linkRow(partnerCustomerId: string) {
  return db.onboardingLink.findFirstOrThrow({ where: { partnerCustomerId }, include: { draft: true } });
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; details?: { field: string; code: string }[] } }).error;

describe("POST /api/onboarding_links", () => {
  it("answers a link on this server that expires in 10 minutes, storing only a hash of its token", async () => {
    const link = await newLink({ locale: "en-GB" });
    expect(link.url).toMatch(new RegExp(`^${server.baseUrl}/onboard/[A-Za-z0-9_-]{43}$`));
    const row = await linkRow(link.partnerCustomerId);
    expect(link.expires_at).toBe(row.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(10 * 60 * 1000);
    expect(row).toMatchObject({ partnerId: partner.partnerId, returnUrl: RETURN_URL, locale: "en-GB", openedAt: null });
    // The token is nowhere in the database, in any column of any link.
    const everything = JSON.stringify(await db.$queryRaw`SELECT * FROM "OnboardingLink"`);
    expect(everything).not.toContain(link.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const created = await db.auditEvent.findMany({ where: { action: "onboarding_link.created", subject: row.id } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorType: "api_key", partnerId: partner.partnerId });
  });

  it("refuses bad URLs, unknown fields and an invalid prefill, naming each field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ return_url: "http://partner.example.com/done" }, "return_url"],
      [{ refresh_url: "javascript:alert(1)" }, "refresh_url"],
      [{ return_url: "https://user:pw@partner.example.com/" }, "return_url"],
      [{ locale: "not a locale" }, "locale"],
      [{ surprise: true }, "surprise"],
      [{ prefill: { partner_customer_id: "x".repeat(24) } }, "prefill.partner_customer_id"],
      [{ prefill: { primary_contact: { contact_email: "not-an-email" } } }, "prefill.primary_contact.contact_email"],
      [
        { prefill: { registration_address: { registration_address_line1: "1 Road", extra: 1 } } },
        "prefill.registration_address.extra",
      ],
    ];
    for (const [extra, field] of cases) {
      const response = await createLink(linkBody(extra));
      expect(response.status, field).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("validation_error");
      expect(error.details?.map((detail) => detail.field)).toContain(field);
    }
    const missing = await createLink({ partner_customer_id: newPartnerCustomerId() });
    expect((await errorOf(missing)).details?.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(["return_url", "refresh_url"]),
    );
    // Plain http only on this machine, for trying the flow locally.
    expect((await createLink(linkBody({ return_url: "http://localhost:3000/done" }))).status).toBe(200);
  });

  it("refuses another partner's file in the prefill, a partner_customer_id in use, and no credentials", async () => {
    const foreign = await uploadedFileId(server.baseUrl, authHeaders(otherPartner), SAMPLE_FILES.pdf);
    const prefill = { business_details: { ...exampleCustomerRequest("x").business_details } };
    prefill.business_details.business_identifier_document_list = [foreign];
    const response = await createLink(linkBody({ prefill }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.[0]).toMatchObject({ field: "prefill", code: "file_not_found" });

    const id = newPartnerCustomerId();
    const created = await postJson(
      server.baseUrl,
      "/api/customers/create",
      exampleCustomerRequest(id),
      authHeaders(partner),
    );
    expect(created.status).toBe(200);
    const duplicate = await createLink(linkBody({ partner_customer_id: id }));
    expect(duplicate.status).toBe(409);
    expect((await errorOf(duplicate)).code).toBe("duplicate_partner_customer_id");

    const anonymous = await postJson(server.baseUrl, "/api/onboarding_links", linkBody(), {});
    expect(anonymous.status).toBe(401);
  });
});

describe("the OpenAPI document", () => {
  it("describes POST /api/onboarding_links with the request's rules", async () => {
    const document = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { required?: string[]; additionalProperties?: boolean }> };
    };
    expect(Object.keys(document.paths["/api/onboarding_links"].post!.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "409"]),
    );
    const request = document.components.schemas.CreateOnboardingLinkRequest;
    expect(request.required).toEqual(expect.arrayContaining(["partner_customer_id", "return_url", "refresh_url"]));
    expect(request.additionalProperties).toBe(false);
  });
});

describe("opening a link", () => {
  it("spends the token, sets an httpOnly session cookie for /onboard, and shows the first step under the partner's name", async () => {
    const link = await newLink();
    const { setCookie, cookie, secret } = await open(link.url);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/onboard(;|$)/);
    // Served over http here; Secure is set when the public URL is https.
    expect(setCookie).not.toMatch(/Secure/i);

    const row = await linkRow(link.partnerCustomerId);
    expect(row.openedAt).not.toBeNull();
    expect(row.sessionExpiresAt!.getTime() - row.openedAt!.getTime()).toBe(24 * 60 * 60 * 1000);
    expect(JSON.stringify(await db.$queryRaw`SELECT * FROM "OnboardingLink"`)).not.toContain(secret);
    // The business's draft: owned by the link, under the partner, with the link's partner_customer_id.
    expect(row.draft).toMatchObject({ partnerId: partner.partnerId, createdById: null, onboardingLinkId: row.id });
    expect(row.draft!.data).not.toContain(link.partnerCustomerId);
    expect((await linkDraft(await findLinkSession(secret))).data.partner_customer_id).toBe(link.partnerCustomerId);
    expect(await db.auditEvent.count({ where: { action: "onboarding_link.opened", actorId: row.id } })).toBe(1);

    const page = await get("/onboard/session/company", cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Onboarding for ${"Test Partner"}`);
    expect(html).toContain("Business name (English)");
    // The reference is the link's: the business is not asked for it. (The label's words are in the
    // page's field-label catalog all the same: no field, no label.)
    expect(html).not.toContain('name="partner_customer_id"');
    expect(html).not.toContain(">Your reference for this customer</label>");
  });

  it("opens in the business's language when the partner gave one, and leaves the language alone when not", async () => {
    const chinese = await newLink({ locale: "zh" });
    const opened = await get(chinese.url);
    expect(opened.status).toBe(303);
    const [session, language, ...more] = opened.headers.getSetCookie();
    expect(more).toEqual([]);
    expect(session).toMatch(/^axisfi_onboarding_link=[^;]+; Path=\/onboard;/);
    // The switcher's cookie, zh-CN (the closest to "zh"), for this browser session only: a
    // partner's staff trying the link keep their own language afterwards.
    expect(language.split("; ")[0]).toBe("axisfi_locale=zh-CN");
    expect(language).toMatch(/(^|; )Path=\/(;|$)/);
    expect(language).not.toMatch(/Max-Age|Expires/i);
    expect(language).toMatch(/HttpOnly/i);
    expect(language).toMatch(/SameSite=Lax/i);
    expect(language).not.toMatch(/Secure/i);
    const cookie = `${session.split(";")[0]}; ${language.split(";")[0]}`;
    const html = await (await get("/onboard/session/company", cookie)).text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toMatch(/Test Partner \d+ 开户申请/);
    expect(html).toContain("第 1 步，共 6 步");
    expect(html).toContain("<title>企业信息（第 1 步，共 6 步）</title>");

    // A language we do not have leaves the browser's own Accept-Language to choose.
    const french = await get((await newLink({ locale: "fr" })).url);
    expect(french.headers.getSetCookie()).toHaveLength(1);
    expect(french.headers.get("set-cookie")).not.toContain("axisfi_locale");

    const plain = await newLink();
    const response = await get(plain.url);
    expect(response.headers.getSetCookie()).toHaveLength(1);
    expect(response.headers.get("set-cookie")).not.toContain("axisfi_locale");
    const english = await (
      await get("/onboard/session/company", response.headers.get("set-cookie")!.split(";")[0])
    ).text();
    expect(english).toContain('<html lang="en"');
    expect(english).toContain("Step 1 of 6");

    // An unknown link says so in the language of the browser.
    const unknown = `/onboard/${"A".repeat(43)}`;
    expect(await (await get(unknown)).text()).toBe("This onboarding link is not valid.");
    expect(await (await get(unknown, "axisfi_locale=zh-CN")).text()).toBe("此开户链接无效。");

    // So does the form without a session: the portal's own "not found" page, not Next's English one.
    const missing = await get("/onboard/session/company", "axisfi_locale=zh-CN");
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain("<title>页面不存在</title>");
    expect(page).toContain("此页面不存在");
    expect(await (await get("/onboard/session/company")).text()).toContain("This page does not exist");
  });

  it("is single use: a second open goes to refresh_url, and so does an expired link", async () => {
    const link = await newLink();
    await open(link.url);
    const again = await get(link.url);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(REFRESH_URL);
    expect(again.headers.get("set-cookie")).toBeNull();

    const late = await newLink();
    await db.onboardingLink.update({
      where: { id: (await linkRow(late.partnerCustomerId)).id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await get(late.url);
    expect(expired.status).toBe(303);
    expect(expired.headers.get("location")).toBe(REFRESH_URL);
    expect((await linkRow(late.partnerCustomerId)).openedAt).toBeNull();

    expect((await get(`/onboard/${"A".repeat(43)}`)).status).toBe(404);
  });

  it("prefills the form with what the partner sent", async () => {
    const steps = exampleWizardSteps("x");
    const link = await newLink({ prefill: { registration_address: steps.address.registration_address } });
    const { cookie } = await open(link.url);
    const page = await get("/onboard/session/address", cookie);
    expect(await page.text()).toContain(steps.address.registration_address.registration_address_line1);
  });

  it("ends its session after 24 hours: the pages go to refresh_url", async () => {
    const link = await newLink();
    const { cookie } = await open(link.url);
    await db.onboardingLink.update({
      where: { id: (await linkRow(link.partnerCustomerId)).id },
      data: { sessionExpiresAt: new Date(Date.now() - 1000) },
    });
    const page = await get("/onboard/session/company", cookie);
    expect([303, 307]).toContain(page.status);
    expect(page.headers.get("location")).toBe(REFRESH_URL);
  });
});

describe("a link session reaches nothing else", () => {
  let cookie: string;
  let secret: string;
  let ownFileId: string;
  let otherLinkFileId: string;
  let otherDraftId: string;
  let staffFileId: string;

  beforeAll(async () => {
    ({ cookie, secret } = await open((await newLink()).url));
    const other = await newLink();
    const otherSession = await open(other.url);
    otherDraftId = (await linkRow(other.partnerCustomerId)).draft!.id;
    ownFileId = await uploadThroughLink(cookie);
    otherLinkFileId = await uploadThroughLink(otherSession.cookie);
    staffFileId = await uploadedFileId(server.baseUrl, authHeaders(partner), SAMPLE_FILES.pdf);
  });

  async function uploadThroughLink(withCookie?: string) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(SAMPLE_FILES.pdf)], { type: "application/pdf" }), "licence.pdf");
    const response = await fetch(`${server.baseUrl}/onboard/files`, {
      method: "POST",
      body: form,
      headers: withCookie ? { Cookie: withCookie } : {},
    });
    expect(response.status).toBe(withCookie ? 200 : 401);
    return withCookie ? ((await response.json()) as { file_id: string }).file_id : "";
  }

  it("uploads only with a session, and shows back only its own documents", async () => {
    await uploadThroughLink();
    expect((await get(`/onboard/files/${ownFileId}`, cookie)).status).toBe(200);
    expect((await get(`/onboard/files/${otherLinkFileId}`, cookie)).status).toBe(404);
    expect((await get(`/onboard/files/${staffFileId}`, cookie)).status).toBe(404);
    expect((await get(`/onboard/files/${ownFileId}`)).status).toBe(401);
  });

  it("takes no more than its 60 documents, even from uploads sent at once", async () => {
    const link = await newLink();
    const session = await open(link.url);
    const { id } = await linkRow(link.partnerCustomerId);
    const earlier = Array.from({ length: 58 }, (_, index) => `file_${String(index).padStart(32, "0")}`);
    await db.onboardingLink.update({ where: { id }, data: { fileIds: earlier } });
    const send = () => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(SAMPLE_FILES.pdf)], { type: "application/pdf" }), "licence.pdf");
      return fetch(`${server.baseUrl}/onboard/files`, {
        method: "POST",
        body: form,
        headers: { Cookie: session.cookie },
      });
    };
    const statuses = (await Promise.all(Array.from({ length: 5 }, send))).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    expect(statuses.filter((status) => status === 400)).toHaveLength(3);
    const { fileIds } = await db.onboardingLink.findUniqueOrThrow({ where: { id } });
    expect(fileIds).toHaveLength(60);
    expect(fileIds.every((fileId) => fileId.startsWith("file_"))).toBe(true);
  });

  it("is no staff session: the portal, the portal's files and the partner API refuse it", async () => {
    for (const path of ["/customers", "/onboarding", `/onboarding/${otherDraftId}/company`, "/settings/api-keys"]) {
      const response = await get(path, cookie);
      expect(response.status, path).toBe(307);
      expect(response.headers.get("location"), path).toContain("/sign-in");
    }
    expect((await get(`/api/portal/files/${ownFileId}`, cookie)).status).toBe(401);
    expect((await get("/api/customers", cookie)).status).toBe(401);
    // Sent to paths outside /onboard, the cookie would not even be there: the browser scopes it.
  });

  it("cannot touch another link's draft, a staff draft, or name another's document", async () => {
    const session = await findLinkSession(secret);
    const steps = exampleWizardSteps("x");
    await expect(saveLinkStep(session, otherDraftId, "address", steps.address, 0)).rejects.toMatchObject({
      code: "not_found",
    });
    // A staff draft of the link's own partner, with a step saved: the link may not write to it.
    const staff = await newAccount("link-staff-draft", "partner_user", partner.partnerId);
    const staffDraftId = await startDraft(staff);
    const { version: staffVersion } = await saveDraftStep(staff, staffDraftId, "address", steps.address, 0);
    const staffDraftBefore = await getDraft(staff, staffDraftId);
    const elsewhere = structuredClone(steps.address);
    elsewhere.registration_address.registration_address_line1 = "99 Link Written Road";
    await expect(saveLinkStep(session, staffDraftId, "address", elsewhere, staffVersion)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getDraft(staff, staffDraftId)).toEqual(staffDraftBefore);
    const own = await linkDraft(session);
    const company = structuredClone(steps.company);
    company.business_details.business_identifier_document_list = [otherLinkFileId];
    await expect(saveLinkStep(session, own.id, "company", company, own.version)).rejects.toMatchObject({
      code: "validation_error",
    });
    // Partner staff do not open the business's draft either.
    await expect(
      getDraft({ userId: "usr_x", role: "partner_admin", partnerId: partner.partnerId }, own.id),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("submitting", () => {
  it("creates the customer through createCustomer, then sends the business to return_url", async () => {
    const link = await newLink();
    const { cookie, secret } = await open(link.url);
    const session = await findLinkSession(secret);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(SAMPLE_FILES.pdf)], { type: "application/pdf" }), "licence.pdf");
    const uploaded = await fetch(`${server.baseUrl}/onboard/files`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    });
    const fileId = ((await uploaded.json()) as { file_id: string }).file_id;

    // The business's values; it cannot change the partner_customer_id, whatever it sends.
    const steps = exampleWizardSteps("business-chosen-reference-0001");
    steps.company.business_details.business_identifier_document_list = [fileId];
    let version = (await linkDraft(session)).version;
    for (const step of FORM_STEPS) {
      version = (
        await saveLinkStep(await findLinkSession(secret), (await linkDraft(session)).id, step, steps[step], version)
      ).version;
    }
    const draftId = (await linkDraft(session)).id;
    const { customerId } = await submitLink(await findLinkSession(secret), draftId, version);

    const fetched = await fetch(`${server.baseUrl}/api/customers/${customerId}`, { headers: authHeaders(partner) });
    expect(fetched.status).toBe(200);
    const customer = (await fetched.json()) as {
      partner_customer_id: string;
      business_details: { business_identifier_document_list: string[] };
    };
    expect(customer.partner_customer_id).toBe(link.partnerCustomerId);
    expect(customer.business_details.business_identifier_document_list).toEqual([fileId]);

    const row = await linkRow(link.partnerCustomerId);
    expect(row).toMatchObject({ customerId, draft: { status: "submitted", customerId } });
    const events = await db.auditEvent.findMany({ where: { customerId }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["customer.created", "onboarding_link.submitted"]);
    expect(events[0]).toMatchObject({ actorType: "system", actorId: row.id });
    expect(events[0].actorLabel).toContain(row.id);

    const done = await get("/onboard/session/done", cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(RETURN_URL);
    // The session is over: its pages send the business back to the partner.
    const after = await get("/onboard/session/review", cookie);
    expect(after.headers.get("location")).toBe(RETURN_URL);
    await expect(
      saveLinkStep(await findLinkSession(secret), draftId, "address", steps.address, 0),
    ).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("answers a second submit with the customer the first made: one customer, one submitted event", async () => {
    const link = await newLink();
    const { cookie, secret } = await open(link.url);
    // The session as each click's request read it: both clicks came while it was still active.
    const session = await findLinkSession(secret);
    const steps = exampleWizardSteps(link.partnerCustomerId);
    const draftId = (await linkDraft(session)).id;
    let { version } = await linkDraft(session);
    for (const step of FORM_STEPS) version = (await saveLinkStep(session, draftId, step, steps[step], version)).version;

    // A double click: two submits at once, then one more that had read the session before the
    // first was done but arrives after it. Each is answered with the one customer.
    const [first, second] = await Promise.all([
      submitLink(session, draftId, version),
      submitLink(session, draftId, version),
    ]);
    expect(first.customerId).toMatch(/^cus_/);
    expect(second).toEqual(first);
    expect(await submitLink(session, draftId, version)).toEqual(first);

    // A submit made once the session is over (the pages now send the business to return_url) is
    // refused like any request of an ended session, and makes nothing either.
    const ended = await findLinkSession(secret);
    expect(ended?.state).toBe("submitted");
    await expect(submitLink(ended, draftId, version)).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    expect((await get("/onboard/session/review", cookie)).headers.get("location")).toBe(RETURN_URL);

    const customers = await db.customer.findMany({
      where: { partnerId: partner.partnerId, partnerCustomerId: link.partnerCustomerId },
      select: { id: true },
    });
    expect(customers).toEqual([{ id: first.customerId }]);
    const events = await db.auditEvent.findMany({ where: { customerId: first.customerId }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["customer.created", "onboarding_link.submitted"]);
    expect(await db.event.count({ where: { customerId: first.customerId, type: "customer.created" } })).toBe(1);
    expect(await linkRow(link.partnerCustomerId)).toMatchObject({
      customerId: first.customerId,
      draft: { status: "submitted", customerId: first.customerId },
    });
  });
});

describe("a link for an existing customer with information requested", () => {
  const WEBSITE = "business_details.website";
  const EMAIL = "primary_contact.contact_email";
  let reviewer: { userId: string; role: "reviewer"; partnerId: null; name: string; email: string };

  beforeAll(async () => {
    const email = "link-fix-reviewer@example.com";
    const userId = await upsertUser({
      email,
      name: "Link Fix Reviewer",
      password: "a long enough password",
      role: "reviewer",
      partnerId: null,
    });
    reviewer = { userId, role: "reviewer", partnerId: null, name: "Link Fix Reviewer", email };
  });

  /** A pending customer of `partner` with a registration document, and the reviewer's requests on it. */
  async function customerAsked(items: { field: string; reason: string }[]) {
    const documentId = await uploadedFileId(server.baseUrl, authHeaders(partner), SAMPLE_FILES.pdf);
    const reference = newPartnerCustomerId();
    const created = await postJson(
      server.baseUrl,
      "/api/customers/create",
      exampleCustomerRequest(reference, { documentIds: [documentId] }),
      authHeaders(partner),
    );
    expect(created.status).toBe(200);
    const customerId = ((await created.json()) as { customer_id: string }).customer_id;
    if (items.length > 0) await requestInformation(reviewer, { customerId, items, expectedVersion: 0 });
    return { customerId, reference, documentId };
  }

  async function updateLink(reference: string) {
    const response = await createLink(linkBody({ partner_customer_id: reference }));
    expect(response.status).toBe(200);
    const link = (await response.json()) as { url: string };
    const row = await db.onboardingLink.findFirstOrThrow({
      where: { partnerCustomerId: reference },
      orderBy: { createdAt: "desc" },
    });
    return { url: link.url, row };
  }

  async function customerJson(customerId: string) {
    const response = await fetch(`${server.baseUrl}/api/customers/${customerId}`, { headers: authHeaders(partner) });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      partner_customer_id: string;
      business_details: { website: string; business_identifier_document_list: string[] };
      primary_contact: { contact_email: string };
      requirements: { currently_due: { field: string }[]; requested_at: string | null };
    };
  }

  it("is made for a pending customer with something due; 409 when nothing is due; no prefill", async () => {
    const asked = await customerAsked([{ field: WEBSITE, reason: "The website does not load" }]);
    const { row } = await updateLink(asked.reference);
    expect(row).toMatchObject({ customerId: asked.customerId, prefill: null, submittedAt: null });
    const created = await db.auditEvent.findFirstOrThrow({
      where: { action: "onboarding_link.created", subject: row.id },
    });
    expect(created.customerId).toBe(asked.customerId);

    const withPrefill = await createLink(
      linkBody({
        partner_customer_id: asked.reference,
        prefill: { primary_contact: { contact_email: "a@b.example" } },
      }),
    );
    expect(withPrefill.status).toBe(400);
    expect((await errorOf(withPrefill)).details).toEqual([
      expect.objectContaining({ field: "prefill", code: "not_allowed" }),
    ]);

    const nothingAsked = await customerAsked([]);
    const refused = await createLink(linkBody({ partner_customer_id: nothingAsked.reference }));
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe("duplicate_partner_customer_id");
    expect(error.details).toEqual([expect.objectContaining({ field: "partner_customer_id", code: "nothing_due" })]);

    await decideCustomer(reviewer, {
      customerId: nothingAsked.customerId,
      decision: "approve",
      reason: "All good.",
      expectedVersion: 0,
    });
    const decided = await createLink(linkBody({ partner_customer_id: nothingAsked.reference }));
    expect(decided.status).toBe(409);
    expect((await errorOf(decided)).details?.[0]).toMatchObject({ code: "not_pending" });

    // Another partner's customer is not this partner's: its reference makes a new-customer link.
    const other = await createLink(linkBody({ partner_customer_id: asked.reference }), otherPartner);
    expect(other.status).toBe(200);
    const otherRow = await db.onboardingLink.findFirstOrThrow({
      where: { partnerCustomerId: asked.reference, partnerId: otherPartner.partnerId },
    });
    expect(otherRow.customerId).toBeNull();
  });

  it("opens only the steps due, prefilled, with the reviewer's notes; the others go on to a step due", async () => {
    const asked = await customerAsked([
      { field: WEBSITE, reason: "The website does not load" },
      { field: EMAIL, reason: "Mail to this address bounces" },
    ]);
    const { url, row } = await updateLink(asked.reference);
    const { cookie, secret } = await open(url, "/onboard/session");
    expect(
      (await db.onboardingLink.findUniqueOrThrow({ where: { id: row.id }, include: { draft: true } })).draft,
    ).toBeNull();
    const opened = await db.auditEvent.findFirstOrThrow({
      where: { action: "onboarding_link.opened", subject: row.id },
    });
    expect(opened.customerId).toBe(asked.customerId);

    const start = await get("/onboard/session", cookie);
    expect(start.headers.get("location")).toBe("/onboard/session/done");
    const first = await get("/onboard/session/done", cookie);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/onboard/session/company");

    const company = await (await get("/onboard/session/company", cookie)).text();
    expect(company).toContain("https://www.example.com");
    expect(company).toContain("Gemini Trading Limited");
    expect(company).toContain("The website does not load");
    // Nothing of the steps not due: not the representatives' ID number, not the address.
    expect(company).not.toContain("E12345678");
    expect(company).not.toContain("1 Market Street");
    const contact = await (await get("/onboard/session/contact", cookie)).text();
    expect(contact).toContain("service@gemini.com");
    expect(contact).toContain("Mail to this address bounces");
    for (const step of ["address", "usage", "representatives", "review"]) {
      const page = await get(`/onboard/session/${step}`, cookie);
      expect([303, 307], step).toContain(page.status);
      expect(page.headers.get("location"), step).toBe("/onboard/session/done");
    }

    const session = await findLinkSession(secret);
    expect(session).toMatchObject({ purpose: "update", customerId: asked.customerId, draftId: null });
    const fix = await linkCustomerToFix(session);
    expect(fix.stepsDue).toEqual(["company", "contact"]);
    expect(Object.keys(fix.sections).sort()).toEqual(["business_details", "primary_contact"]);
    await expect(linkDraft(session)).rejects.toMatchObject({ code: "not_found" });
    const steps = exampleWizardSteps(asked.reference);
    await expect(saveLinkUpdateStep(session, "address", steps.address, fix.version)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("reads in the business's language when the partner gave one", async () => {
    const asked = await customerAsked([{ field: WEBSITE, reason: "The website does not load" }]);
    const response = await createLink(linkBody({ partner_customer_id: asked.reference, locale: "zh-CN" }));
    expect(response.status).toBe(200);
    const opened = await get(((await response.json()) as { url: string }).url);
    expect(opened.headers.get("location")).toBe("/onboard/session");
    const cookie = opened.headers
      .getSetCookie()
      .map((setCookie) => setCookie.split(";")[0])
      .join("; ");
    expect(cookie).toContain("axisfi_locale=zh-CN");
    const company = await (await get("/onboard/session/company", cookie)).text();
    expect(company).toContain('<html lang="zh-CN"');
    expect(company).toContain("要求补充信息：第 1 步，共 1 步");
    expect(company).toContain("AxisFI 合规团队要求您修改以下内容");
    expect(company).toContain("AxisFI 合规团队要求：The website does not load");
    expect(company).toMatch(/完成：返回 Test Partner \d+/);
    expect(company).not.toContain("Information requested: step");
  });

  it("saves each due step through updateCustomer, clearing its requirement, then sends the business to return_url", async () => {
    const asked = await customerAsked([
      { field: WEBSITE, reason: "The website does not load" },
      { field: EMAIL, reason: "Mail to this address bounces" },
    ]);
    const { url, row } = await updateLink(asked.reference);
    const { cookie, secret } = await open(url, "/onboard/session");
    const session = await findLinkSession(secret);
    const steps = exampleWizardSteps("business-chosen-reference-0002");
    steps.company.business_details.business_identifier_document_list = [asked.documentId];
    steps.company.business_details.website = "https://gemini.example.com";
    let { version } = await linkCustomerToFix(session);
    // The customer's current document may stay; any other file of the partner may not be named.
    const staffFile = await uploadedFileId(server.baseUrl, authHeaders(partner), SAMPLE_FILES.pdf);
    const foreign = structuredClone(steps.company);
    foreign.business_details.business_identifier_document_list = [asked.documentId, staffFile];
    await expect(saveLinkUpdateStep(session, "company", foreign, version)).rejects.toMatchObject({
      code: "validation_error",
    });
    ({ version } = await saveLinkUpdateStep(session, "company", steps.company, version));

    let customer = await customerJson(asked.customerId);
    expect(customer.partner_customer_id).toBe(asked.reference);
    expect(customer.business_details.website).toBe("https://gemini.example.com");
    expect(customer.business_details.business_identifier_document_list).toEqual([asked.documentId]);
    expect(customer.requirements.currently_due.map((item) => item.field)).toEqual([EMAIL]);
    const updated = await db.auditEvent.findFirstOrThrow({
      where: { action: "customer.updated", customerId: asked.customerId },
    });
    expect(updated).toMatchObject({ actorType: "system", actorId: row.id });
    expect(await db.event.count({ where: { customerId: asked.customerId, type: "customer.updated" } })).toBe(1);

    // One step still due: the business goes on to it, and the link is not yet submitted.
    const next = await get("/onboard/session/done", cookie);
    expect(next.headers.get("location")).toBe("/onboard/session/contact");
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: row.id } })).submittedAt).toBeNull();

    await saveLinkUpdateStep(
      session,
      "contact",
      { primary_contact: { ...steps.contact.primary_contact, contact_email: "accounts@gemini.example.com" } },
      version,
    );
    customer = await customerJson(asked.customerId);
    expect(customer.requirements).toEqual({ currently_due: [], requested_at: null });
    expect(customer.primary_contact.contact_email).toBe("accounts@gemini.example.com");
    expect(await db.event.count({ where: { customerId: asked.customerId, type: "customer.updated" } })).toBe(2);

    // Nothing due any more: the link is submitted and the business goes back to the partner.
    const done = await get("/onboard/session/done", cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(RETURN_URL);
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: row.id } })).submittedAt).not.toBeNull();
    expect((await get("/onboard/session/done", cookie)).headers.get("location")).toBe(RETURN_URL);
    expect((await get("/onboard/session/company", cookie)).headers.get("location")).toBe(RETURN_URL);
    const events = await db.auditEvent.findMany({ where: { customerId: asked.customerId }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual([
      "customer.created",
      "customer.information_requested",
      "onboarding_link.created",
      "onboarding_link.opened",
      "customer.updated",
      "customer.updated",
      "onboarding_link.submitted",
    ]);
    await expect(
      saveLinkUpdateStep(await findLinkSession(secret), "company", steps.company, version),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("reaches no other customer, no other document and nothing of the portal; Done ends it", async () => {
    const asked = await customerAsked([{ field: WEBSITE, reason: "The website does not load" }]);
    const other = await customerAsked([{ field: WEBSITE, reason: "Also broken" }]);
    const { url, row } = await updateLink(asked.reference);
    const { cookie, secret } = await open(url, "/onboard/session");
    const session = await findLinkSession(secret);

    // The due section's current document is shown; another customer's is not there at all.
    expect((await get(`/onboard/files/${asked.documentId}`, cookie)).status).toBe(200);
    expect((await get(`/onboard/files/${other.documentId}`, cookie)).status).toBe(404);
    const company = await (await get("/onboard/session/company", cookie)).text();
    expect(company).not.toContain(other.customerId);
    const steps = exampleWizardSteps(asked.reference);
    steps.company.business_details.business_identifier_document_list = [other.documentId];
    const { version } = await linkCustomerToFix(session);
    await expect(saveLinkUpdateStep(session, "company", steps.company, version)).rejects.toMatchObject({
      code: "validation_error",
    });
    expect((await customerJson(other.customerId)).requirements.currently_due).toHaveLength(1);
    for (const path of ["/customers", `/customers/${other.customerId}`, `/customers/${asked.customerId}/update`]) {
      const response = await get(path, cookie);
      expect(response.status, path).toBe(307);
      expect(response.headers.get("location"), path).toContain("/sign-in");
    }
    expect((await get(`/api/customers/${other.customerId}`, cookie)).status).toBe(401);

    // "Done": the business stops with the request still due; the link is over.
    await finishUpdateLink(session);
    const submitted = await db.auditEvent.findMany({ where: { action: "onboarding_link.submitted", subject: row.id } });
    expect(submitted).toHaveLength(1);
    expect(submitted[0].customerId).toBe(asked.customerId);
    expect((await get("/onboard/session/done", cookie)).headers.get("location")).toBe(RETURN_URL);
    expect((await customerJson(asked.customerId)).requirements.currently_due).toHaveLength(1);
  });
});
