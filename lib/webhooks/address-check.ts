import net from "node:net";

/**
 * Which addresses a webhook may be sent to: public unicast addresses only. Refused are the ranges
 * of RFC 6890 and its successors that are not globally reachable (loopback, private, link-local,
 * shared/CGNAT, benchmarking, documentation, multicast, reserved, unspecified, unique local), and
 * IPv6 forms that embed an IPv4 address (mapped, SIIT-translated, NAT64 incl. the local-use
 * 64:ff9b:1::/48, 6to4) when that address is refused. Beyond those, an IPv6 address must be global
 * unicast (2000::/3): nothing else is routed on the public Internet, and a translator on the
 * network could turn another prefix into a private IPv4 destination.
 */
const refused = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  refused.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  refused.addSubnet(network, prefix, "ipv6");
}

/**
 * The IPv4 address an IPv6 address carries (::ffff:a.b.c.d, ::a.b.c.d, ::ffff:0:a.b.c.d,
 * 64:ff9b::/96, 64:ff9b:1::/48, 2002::/16), if any.
 */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return null;
  const fromGroups = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const zeros = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (zeros(5) && (groups[5] === 0xffff || groups[5] === 0)) return fromGroups(groups[6], groups[7]);
  // SIIT (RFC 6052/7915): ::ffff:0:a.b.c.d.
  if (zeros(4) && groups[4] === 0xffff && groups[5] === 0) return fromGroups(groups[6], groups[7]);
  // Local-use NAT64 (RFC 8215): 64:ff9b:1::/48, the IPv4 address in the last 32 bits.
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups[2] === 1) return fromGroups(groups[6], groups[7]);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) {
    return fromGroups(groups[6], groups[7]);
  }
  if (groups[0] === 0x2002) return fromGroups(groups[1], groups[2]);
  return null;
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part allowed); null if not one. */
function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1].split(".").map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const [head, tail, ...more] = text.split("::");
  if (more.length > 0) return null;
  const parse = (part: string | undefined) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const first = parse(head);
  const last = parse(tail);
  const missing = 8 - first.length - last.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...first, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...last];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : null;
}

/** Whether a webhook may be sent to this IP address (false for anything that is not one). */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !refused.check(address, "ipv4");
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4 !== null) return isPublicAddress(v4);
  const groups = expandIpv6(address);
  if (!groups || (groups[0] & 0xe000) !== 0x2000) return false;
  return !refused.check(address, "ipv6");
}
