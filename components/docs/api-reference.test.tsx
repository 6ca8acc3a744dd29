import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { ApiReference } from "./api-reference";

describe("the rendered API reference", () => {
  const html = renderToStaticMarkup(<ApiReference document={openApiDocument()} />);
  const text = html.replace(/<[^>]+>/g, "");

  it("has a section per webhook, with its signature header", () => {
    for (const type of EVENT_TYPES) expect(html).toContain(`id="webhook-post-${type}"`);
    expect(text).toContain("AxisFI-Signature");
    expect(text).toMatch(/more than 5 minutes/);
    expect(text).toContain("Any 2xx answer acknowledges the delivery");
  });

  it("says what each event type carries, and the new operations with their error codes", () => {
    const section = (id: string) => {
      const from = html.slice(html.indexOf(`id="${id}"`));
      return from.slice(0, from.indexOf("</section>"));
    };
    expect(section("webhook-post-customer.information_requested")).toContain("requirements.currently_due");
    expect(section("webhook-post-customer.updated")).toContain("changed_fields");
    expect(section("webhook-post-customer.updated")).toContain("AxisFI-Delivery-Attempt");
    expect(section("post-/api/customers/{customer_id}/update")).toContain("customer_not_pending");
    expect(section("post-/api/webhook_endpoints/{endpoint_id}/rotate_secret")).toContain("not_found");
    expect(section("post-/api/onboarding_links")).toContain("unsupported_media_type");
  });

  it("says which operations need no key, and lists each answer's error codes", () => {
    const health = html.slice(html.indexOf('id="get-/api/health"'));
    expect(health.slice(0, health.indexOf("</section>"))).toContain("No key needed.");
    const create = html.slice(html.indexOf('id="post-/api/customers/create"'));
    const section = create.slice(0, create.indexOf("</section>"));
    expect(section).toContain("X-API-Secret");
    expect(section).toContain("duplicate_partner_customer_id");
    expect(section).toContain("idempotency_key_reused");
  });

  it("sums up long lists and states the declared rules", () => {
    expect(text).toMatch(/one of \d{3} codes \(listed in the JSON document\)/);
    expect(text).toContain("a multiple of 0.01");
    expect(text).toContain("format date or date-time");
    expect(text).toContain("format email");
  });
});
