import { isIPv4, isIPv6 } from "node:net";

// Where an outgoing request may go, decided on the address it would connect to. IPv6 forms that carry an
// IPv4 address (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address.

export type AddressClass = "public" | "private" | "loopback" | "link-local" | "metadata" | "reserved";

type Range = [prefix: number[], bits: number, cls: AddressClass];

const V4: Range[] = [
  [[169, 254, 169, 254], 32, "metadata"],
  [[100, 100, 100, 200], 32, "metadata"],
  [[0, 0, 0, 0], 8, "reserved"],
  [[10, 0, 0, 0], 8, "private"],
  [[100, 64, 0, 0], 10, "private"],
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "link-local"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "reserved"],
  [[192, 0, 2, 0], 24, "reserved"],
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "reserved"],
  [[198, 51, 100, 0], 24, "reserved"],
  [[203, 0, 113, 0], 24, "reserved"],
  [[224, 0, 0, 0], 3, "reserved"], // multicast, the old class E and the broadcast address
];

const V6: Range[] = [
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, "metadata"],
  [[...new Array(15).fill(0), 1], 128, "loopback"],
  [new Array(16).fill(0), 128, "reserved"],
  [[0xfc], 7, "private"],
  [[0xfe, 0x80], 10, "link-local"],
  [[0xfe, 0xc0], 10, "private"], // the deprecated site-local range
  [[0xff], 8, "reserved"],
  [[0x20, 0x01, 0x0d, 0xb8], 32, "reserved"],
  [[0x01, 0, 0, 0, 0, 0, 0, 0], 64, "reserved"], // discard-only
];

function inRange(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[i / 8] & mask) !== ((prefix[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function classify(bytes: number[], ranges: Range[]): AddressClass {
  return ranges.find(([prefix, bits]) => inRange(bytes, prefix, bits))?.[2] ?? "public";
}

function v4Bytes(address: string): number[] {
  return address.split(".").map(Number);
}

/** The 16 bytes of an IPv6 address, `::` and a dotted IPv4 tail included. */
export function v6Bytes(address: string): number[] {
  let text = address.split("%")[0].toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = v4Bytes(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.includes("::") ? text.split("::") : [text, null];
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const groups =
    rest === null ? left : [...left, ...new Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.flatMap((g) => {
    const n = parseInt(g || "0", 16);
    return [n >> 8, n & 0xff];
  });
}

/** The IPv4 address an IPv6 one carries, if it is one of the forms that do. */
function embeddedV4(bytes: number[]): number[] | null {
  const zeros = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  if (zeros(10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (inRange(bytes, [0, 0x64, 0xff, 0x9b], 96)) return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

export function classifyAddress(address: string): AddressClass {
  if (isIPv4(address)) return classify(v4Bytes(address), V4);
  if (!isIPv6(address)) return "reserved";
  const bytes = v6Bytes(address);
  const v4 = embeddedV4(bytes);
  return v4 ? classify(v4, V4) : classify(bytes, V6);
}

/** Public addresses always; private, loopback and link-local ones only when allowed; never the rest. */
export function isAddressAllowed(cls: AddressClass, allowPrivate: boolean): boolean {
  if (cls === "public") return true;
  if (cls === "metadata" || cls === "reserved") return false;
  return allowPrivate;
}
