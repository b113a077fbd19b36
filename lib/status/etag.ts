// ETags for the public status JSON, badge and feed. Pure JavaScript rather than node:crypto because lib/
// is shared with the browser; a validator only has to change when the body does, not resist attackers.

const encoder = new TextEncoder();

/**
 * FNV-1a 64-bit over the UTF-8 bytes, as 16 hex digits. The 64-bit product is carried in four 16-bit
 * limbs so every intermediate stays an exact double (no BigInt on the hot path).
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of encoder.encode(text)) {
    h0 ^= byte;
    // × the prime 0x100000001b3 = 2^40 + 0x1b3: multiply by 0x1b3, then add h << 40 (h0 lands in limb 2
    // shifted by 8 bits, h1 in limb 3).
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

/**
 * A weak validator for a response body: W/"<byte length in hex>-<fnv1a64>". Weak because the same
 * content may be sent compressed or not; If-None-Match compares weakly anyway.
 */
export function weakEtag(body: string): string {
  return `W/"${encoder.encode(body).length.toString(16)}-${fnv1a64(body)}"`;
}

/** The entity-tags of an If-None-Match header; "*" stands alone. Unquoted tags are tolerated. */
function parseEtagList(header: string): string[] {
  const tags: string[] = [];
  let i = 0;
  while (i < header.length) {
    while (i < header.length && (header[i] === "," || header[i] === " " || header[i] === "\t")) i++;
    if (i >= header.length) break;
    let weak = "";
    if (header.startsWith("W/", i)) {
      weak = "W/";
      i += 2;
    }
    if (header[i] === '"') {
      // A quoted opaque-tag may contain commas; it ends at the next quote.
      const end = header.indexOf('"', i + 1);
      const stop = end < 0 ? header.length : end + 1;
      tags.push(weak + header.slice(i, stop));
      i = stop;
    } else {
      const end = header.indexOf(",", i);
      const stop = end < 0 ? header.length : end;
      const token = header.slice(i, stop).trim();
      if (token) tags.push(token === "*" && !weak ? "*" : `${weak}"${token}"`);
      i = stop;
    }
  }
  return tags;
}

const opaque = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

/**
 * Whether a request's If-None-Match matches our current ETag, so a 304 can be sent (RFC 9110 §13.1.2):
 * weak comparison (W/ is ignored on both sides), any tag of a comma-separated list, and "*" matches any
 * current representation.
 */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const ours = opaque(etag.trim());
  return parseEtagList(ifNoneMatch).some((tag) => tag === "*" || opaque(tag) === ours);
}
