import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./send";

/** A receiver that acknowledges, then streams its body without end. */
let endless: http.Server;
let url: string;

beforeAll(async () => {
  endless = http.createServer((request, response) => {
    request.resume();
    response.writeHead(200, { "Content-Type": "text/plain" });
    const chunk = Buffer.alloc(4096, "a");
    const timer = setInterval(() => response.write(chunk), 1);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  endless.closeAllConnections();
  await new Promise((resolve) => endless.close(resolve));
});

describe("postWebhook", () => {
  it("takes the answer of a receiver that streams an endless body once it has the excerpt, instead of waiting out the timeout", async () => {
    const result = await postWebhook(url, "{}", { "Content-Type": "application/json" }, { allowPrivate: true });
    expect(result.statusCode).toBe(200);
    expect(result.excerpt).toMatch(/^a+$/);
  });

  it("refuses plain http and private addresses unless private delivery is allowed", async () => {
    const result = await postWebhook(url, "{}", {}, { allowPrivate: false });
    expect(result.statusCode).toBeNull();
    expect(result.excerpt).toMatch(/^Not sent/);
  });
});
