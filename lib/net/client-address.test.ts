import { describe, expect, it } from "vitest";
import { addressForThrottling, clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("uses the socket's address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
  });

  it("takes the address the one trusted proxy saw, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1" itself; the proxy appended the real address.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("counts two trusted hops from the right", () => {
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("joins repeated headers in order", () => {
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost entry when the chain is shorter than the trusted hops", () => {
    expect(clientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
  });

  it("treats an IPv4-mapped IPv6 socket address as the IPv4 address", () => {
    expect(clientAddress("::ffff:192.0.2.1", undefined, 0)).toBe("192.0.2.1");
  });

  it("answers unknown when the socket has no address", () => {
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("addressForThrottling", () => {
  it("counts an IPv4 address as itself", () => {
    expect(addressForThrottling("192.0.2.1")).toBe("192.0.2.1");
  });

  it("counts every address of one IPv6 /64 as one client, however it is written", () => {
    const expected = "2001:db8:85a3:1::/64";
    for (const address of [
      "2001:db8:85a3:1::1",
      "2001:0db8:85a3:0001:ffff:ffff:ffff:fffe",
      "2001:db8:85a3:1:0:0:0:2%eth0",
      "2001:DB8:85A3:1::abcd:1",
    ]) {
      expect(addressForThrottling(address), address).toBe(expected);
    }
    expect(addressForThrottling("2001:db8:85a3:2::1")).not.toBe(expected);
  });

  it("expands :: wherever it stands", () => {
    expect(addressForThrottling("::1")).toBe("0:0:0:0::/64");
    expect(addressForThrottling("fe80::1")).toBe("fe80:0:0:0::/64");
    expect(addressForThrottling("2001:db8::")).toBe("2001:db8:0:0::/64");
  });
});
