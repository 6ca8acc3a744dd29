import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newPartner, newPartnerCustomerId } from "@/tests/helpers/partner-api";
import { exampleWizardSteps } from "@/tests/fixtures/customer-request";
import {
  createOnboardingLink,
  findLinkSession,
  LINK_DATA_KEPT_MS,
  linkDraft,
  openOnboardingLink,
  purgeStaleLinkData,
} from "./links";

async function newLink(prefill?: Record<string, unknown>) {
  const partner = await newPartner();
  const key = await db.apiKey.findUniqueOrThrow({ where: { publicKey: partner.apiKey.publicKey } });
  const creator = { partnerId: partner.partnerId, apiKeyId: key.id, publicKey: key.publicKey };
  const partnerCustomerId = newPartnerCustomerId();
  const link = await createOnboardingLink(creator, {
    partner_customer_id: partnerCustomerId,
    return_url: "https://partner.example.com/done",
    refresh_url: "https://partner.example.com/again",
    ...(prefill ? { prefill } : {}),
  });
  return { ...link, partnerCustomerId, token: link.url.split("/").pop()! };
}

describe("openOnboardingLink", () => {
  it("opens a link once, whatever the number of opens at the same moment", async () => {
    const { token } = await newLink();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => openOnboardingLink(token)));
    expect(outcomes.filter((outcome) => outcome.outcome === "opened")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === "refused")).toHaveLength(4);
    const linkId = outcomes.find((outcome) => outcome.outcome === "opened")!.linkId;
    expect(await db.onboardingDraft.count({ where: { onboardingLinkId: linkId } })).toBe(1);
  });

  it("starts the business's draft from the prefill, sealed like any draft", async () => {
    const steps = exampleWizardSteps("x");
    const { token } = await newLink({ primary_contact: steps.contact.primary_contact });
    const opened = await openOnboardingLink(token);
    if (opened.outcome !== "opened") throw new Error("not opened");
    const row = await db.onboardingLink.findUniqueOrThrow({ where: { id: opened.linkId } });
    // Moved into the (sealed) draft: the link keeps no copy once opened.
    expect(row.prefill).toBeNull();
    const draft = await linkDraft(await findLinkSession(opened.sessionSecret));
    expect(draft.data.primary_contact).toEqual(steps.contact.primary_contact);
    expect(draft.data.partner_customer_id).toBe(row.partnerCustomerId);
  });

  it("finds no session for a secret it did not give, nor for the URL's token", async () => {
    const { token } = await newLink();
    await openOnboardingLink(token);
    expect(await findLinkSession(token)).toBeNull();
    expect(await findLinkSession("x".repeat(43))).toBeNull();
    expect(await findLinkSession(undefined)).toBeNull();
  });
});

describe("purgeStaleLinkData", () => {
  it("removes the prefill of a link expired unopened and the draft of a session ended unsubmitted, a day on", async () => {
    const steps = exampleWizardSteps("x");
    const unopened = await newLink({ primary_contact: steps.contact.primary_contact });
    const opened = await newLink();
    const outcome = await openOnboardingLink(opened.token);
    if (outcome.outcome !== "opened") throw new Error("not opened");
    const fresh = await newLink({ primary_contact: steps.contact.primary_contact });

    // The unopened link expired and the opened one's session ended, both over a day ago.
    const moreThanADay = LINK_DATA_KEPT_MS + 60_000;
    const later = new Date(Date.now() + 24 * 60 * 60 * 1000 + moreThanADay);
    const purged = await purgeStaleLinkData(later);
    expect(purged.prefills).toBeGreaterThanOrEqual(2);
    expect(purged.drafts).toBeGreaterThanOrEqual(1);
    expect(await db.onboardingDraft.count({ where: { onboardingLinkId: outcome.linkId } })).toBe(0);
    for (const link of [unopened, fresh]) {
      const row = await db.onboardingLink.findFirstOrThrow({ where: { partnerCustomerId: link.partnerCustomerId } });
      expect(row.prefill).toBeNull();
    }
  });

  it("keeps what a link may still need", async () => {
    const steps = exampleWizardSteps("x");
    const unopened = await newLink({ primary_contact: steps.contact.primary_contact });
    const opened = await newLink();
    const outcome = await openOnboardingLink(opened.token);
    if (outcome.outcome !== "opened") throw new Error("not opened");
    await purgeStaleLinkData(new Date());
    const row = await db.onboardingLink.findFirstOrThrow({ where: { partnerCustomerId: unopened.partnerCustomerId } });
    expect(row.prefill).not.toBeNull();
    expect(await db.onboardingDraft.count({ where: { onboardingLinkId: outcome.linkId } })).toBe(1);
  });
});
