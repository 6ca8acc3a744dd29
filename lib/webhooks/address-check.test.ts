import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-check";

describe("isPublicAddress", () => {
  it("accepts public IPv4 and IPv6 unicast addresses", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.0.1"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of ["2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "2a00:1450:4001::1"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it("refuses loopback, private, link-local, shared, reserved and documentation IPv4 ranges", () => {
    for (const address of [
      "127.0.0.1",
      "127.255.0.9",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.254",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "192.0.2.10",
      "198.18.0.1",
      "203.0.113.5",
      "224.0.0.1",
      "255.255.255.255",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("refuses loopback, unique local, link-local, multicast and documentation IPv6 ranges", () => {
    for (const address of [
      "::1",
      "::",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "fe80::1%eth0",
      "ff02::1",
      "2001:db8::1",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("judges an IPv4 address carried in IPv6 by that IPv4 address", () => {
    for (const address of ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    // SIIT-translated and local-use NAT64 forms too (found in review: they passed as public).
    for (const address of ["::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe", "64:ff9b:1::7f00:1", "64:ff9b:1:2::a00:1"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress("::ffff:0:808:808")).toBe(true);
    expect(isPublicAddress("::ffff:8.8.8.8")).toBe(true);
    expect(isPublicAddress("64:ff9b::808:808")).toBe(true);
  });

  it("refuses IPv6 addresses outside global unicast (2000::/3), which the Internet does not route", () => {
    for (const address of ["4000::1", "5f00::1", "1::1", "e000::1", "::2"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("refuses what is not an address", () => {
    for (const value of ["", "localhost", "example.com", "1.2.3", "::g"])
      expect(isPublicAddress(value), value).toBe(false);
  });
});
