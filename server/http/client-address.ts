import { isIPv4, isIPv6 } from "node:net";
import { env } from "../env";
import { CLIENT_IP_HEADER } from "./headers";

// Who is on the other end of a request. Behind a reverse proxy the socket peer is the proxy; the client is
// found in X-Forwarded-For, believed only through the hops TRUSTED_PROXIES names.

type Address = { version: 4 | 6; value: bigint };
export type TrustedRange = Address & { prefix: number };

const BITS = { 4: 32, 6: 128 } as const;
const MAX_HOPS = 32;

function parseV6Groups(text: string): bigint | null {
  let body = text;
  let tail: bigint | null = null;
  const lastColon = body.lastIndexOf(":");
  if (body.slice(lastColon + 1).includes(".")) {
    tail = parseV4(body.slice(lastColon + 1));
    if (tail === null) return null;
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = body.split("::");
  const left = head ? head.split(":") : [];
  const right = rest === undefined ? [] : rest ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  if ((rest === undefined && missing !== 0) || missing < 0) return null;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(parseInt(group, 16));
  return tail === null ? value : value | tail;
}

function parseV4(text: string): bigint | null {
  if (!isIPv4(text)) return null;
  return text.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

/** An address as a proxy may write it: bare, `[v6]`, `[v6]:port`, `v4:port`, with a zone; else null. */
export function parseAddress(raw: string): Address | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "");
  if (isIPv4(text)) return { version: 4, value: parseV4(text)! };
  if (!isIPv6(text)) return null;
  const value = parseV6Groups(text.toLowerCase());
  if (value === null) return null;
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d: the same client as a.b.c.d.
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn };
  return { version: 6, value };
}

export function formatAddress({ version, value }: Address): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j > i ? j - 1 : i;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.length).join(":")}`;
}

/** Parses TRUSTED_PROXIES ("10.0.0.0/8, 192.0.2.7, fd00::/8"); a wrong entry is an error naming it. */
export function parseTrustedProxies(text: string): TrustedRange[] {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [host, prefixText, extra] = entry.split("/");
      const address = isIPv4(host) || isIPv6(host) ? parseAddress(host) : null;
      const isPrefixValid = prefixText === undefined || /^\d{1,3}$/.test(prefixText);
      if (!address || !isPrefixValid || extra !== undefined) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      }
      const mappedShift = address.version === 4 && isIPv6(host) ? 96 : 0;
      const prefix = prefixText === undefined ? BITS[address.version] : Number(prefixText) - mappedShift;
      if (prefix < 0 || prefix > BITS[address.version]) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" has a prefix length out of range`);
      }
      return { ...address, prefix };
    });
}

function isTrusted(address: Address, trusted: readonly TrustedRange[]): boolean {
  return trusted.some((range) => {
    if (range.version !== address.version) return false;
    const shift = BigInt(BITS[range.version] - range.prefix);
    return address.value >> shift === range.value >> shift;
  });
}

let configured: TrustedRange[] | undefined;
export function trustedProxies(): TrustedRange[] {
  configured ??= parseTrustedProxies(env.TRUSTED_PROXIES);
  return configured;
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then X-Forwarded-For is walked
 * from the right past trusted hops to the first untrusted one. An entry that is not an address stops the
 * walk at the last address a trusted hop vouched for, so a client can never pick its own key.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | readonly string[] | undefined,
  trusted: readonly TrustedRange[] = trustedProxies(),
): string {
  const peerAddress = peer === undefined ? null : parseAddress(peer);
  if (!peerAddress) return "unknown";
  let current = peerAddress;
  if (!isTrusted(current, trusted)) return formatAddress(current);
  const header = typeof forwardedFor === "string" ? forwardedFor : (forwardedFor ?? []).join(",");
  const hops = header.trim() ? header.split(",") : [];
  for (let i = hops.length - 1; i >= 0 && i >= hops.length - MAX_HOPS; i--) {
    const hop = parseAddress(hops[i]);
    if (!hop) break;
    current = hop;
    if (!isTrusted(current, trusted)) break;
  }
  return formatAddress(current);
}

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  if (Array.isArray(value)) return value.map(String).join(",");
  return typeof value === "string" ? value : undefined;
}

/**
 * The client address of a request behind the server entry, which stamps the socket peer into
 * CLIENT_IP_HEADER (a client's own value is overwritten). Works with Headers and Node's header objects.
 */
export function clientAddressOf(headers: HeaderSource, trusted?: readonly TrustedRange[]): string {
  return clientAddress(
    headerValue(headers, CLIENT_IP_HEADER),
    headerValue(headers, "x-forwarded-for"),
    trusted,
  );
}

/** The bucket a client is counted in: an IPv4 address alone, an IPv6 address by its /64 (one site's LAN). */
export function addressBucket(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address === "unknown" ? "unknown" : "invalid";
  if (parsed.version === 4) return formatAddress(parsed);
  return `${formatAddress({ version: 6, value: (parsed.value >> 64n) << 64n })}/64`;
}
