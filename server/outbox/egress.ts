import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { classifyAddress, isAddressAllowed } from "./addresses";

// The one rule for where Orrery's outgoing requests (alert channels, status subscribers) may go: checked
// when a URL is saved and again on the address each request actually connects to, after DNS.

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export type EgressPolicy = {
  /** Private, loopback and link-local receivers (on-prem), plain http to them included. */
  allowPrivate: boolean;
  /** https only, except to a private receiver that allowPrivate admits. */
  requireHttps: boolean;
  /** Injected by tests, so no test ever asks real DNS or connects outside the loopback range. */
  resolve?: Resolver;
};

export class EgressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EgressRefused";
  }
}

export const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** The URL's own rules, before any address is known: a person reads this message beside the field. */
export function checkUrlShape(text: string, policy: EgressPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EgressRefused("must be a full URL, such as https://hooks.example.com/orrery");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new EgressRefused("must be an http(s) URL");
  if (url.username || url.password) {
    throw new EgressRefused("must not carry a user name or password; put credentials in the secret");
  }
  if (url.protocol === "http:" && policy.requireHttps && !policy.allowPrivate) {
    throw new EgressRefused("must use https");
  }
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/** Refuses an address the policy does not admit, naming why. */
export function checkAddress(url: URL, address: string, policy: EgressPolicy): void {
  const cls = classifyAddress(address);
  if (!isAddressAllowed(cls, policy.allowPrivate)) {
    const what = cls === "metadata" ? "a cloud metadata service" : `a ${cls} address`;
    const hint =
      cls === "metadata" || cls === "reserved" ? "" : " (WEBHOOK_ALLOW_PRIVATE=1 allows it on-prem)";
    throw new EgressRefused(`${url.hostname} resolves to ${what}, which Orrery does not send to${hint}`);
  }
  if (url.protocol === "http:" && policy.requireHttps && cls === "public")
    throw new EgressRefused("must use https");
}

/** Every address the host resolves to must pass: a name answering one public and one private address fails. */
export async function resolveChecked(url: URL, policy: EgressPolicy): Promise<ResolvedAddress[]> {
  const host = hostOf(url);
  const family = isIP(host);
  let addresses: ResolvedAddress[];
  if (family) addresses = [{ address: host, family: family as 4 | 6 }];
  else {
    try {
      addresses = await (policy.resolve ?? systemResolver)(host);
    } catch {
      throw new Error(`${host} could not be resolved`);
    }
  }
  if (addresses.length === 0) throw new Error(`${host} could not be resolved`);
  for (const a of addresses) checkAddress(url, a.address, policy);
  return addresses;
}

/** At save: the URL's shape and where its host resolves now. Delivery checks again on every send. */
export async function checkDestination(text: string, policy: EgressPolicy): Promise<URL> {
  const url = checkUrlShape(text, policy);
  await resolveChecked(url, policy);
  return url;
}
