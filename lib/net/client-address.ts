/**
 * The address of the client behind `trustedHops` proxies. Each trusted proxy appends the address
 * it received the request from to X-Forwarded-For, so the client is the entry `trustedHops` from
 * the right of [...X-Forwarded-For, socket address]; anything further left was written by the
 * client itself and is never believed. With no trusted hop, the socket's address is the answer.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = normalise(socketAddress ?? "") || "unknown";
  if (trustedHops <= 0) return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => normalise(entry.trim()))
    .filter((entry) => entry.length > 0);
  const chain = [...forwarded, socket];
  // Too few entries: the chain is shorter than the proxies we were told of; the leftmost is the best we know.
  return chain[Math.max(0, chain.length - 1 - trustedHops)].slice(0, 64);
}

/** `::ffff:192.0.2.1` and `192.0.2.1` are one client. */
function normalise(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

/**
 * The network a client's address stands for when counting its attempts: an IPv4 address itself,
 * an IPv6 address by its /64, which one subscriber normally holds whole (counting each of its
 * 2^64 addresses apart would give an attacker a fresh allowance per guess).
 */
export function addressForThrottling(address: string): string {
  const withoutZone = address.split("%", 1)[0];
  if (!withoutZone.includes(":")) return withoutZone;
  const [head, tail] = withoutZone.includes("::") ? withoutZone.split("::", 2) : [withoutZone, undefined];
  const groups = (part: string | undefined) =>
    // An embedded IPv4 tail (::ffff:192.0.2.1 forms) stands for two groups.
    part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : [];
  const headGroups = groups(head);
  const tailGroups = groups(tail);
  const all =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"),
          ...tailGroups,
        ];
  const prefix = all.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16));
  return `${prefix.join(":")}::/64`;
}
