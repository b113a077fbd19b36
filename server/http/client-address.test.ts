import { describe, expect, it } from "vitest";
import {
  addressBucket,
  clientAddress,
  clientAddressOf,
  formatAddress,
  parseAddress,
  parseTrustedProxies,
} from "./client-address";
import { CLIENT_IP_HEADER } from "./headers";

const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, fd00:1::/32, ::1");

describe("clientAddress", () => {
  it("takes the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.50", "198.51.100.1", proxies)).toBe("203.0.113.50");
    expect(clientAddress("203.0.113.50", "10.0.0.1", proxies)).toBe("203.0.113.50");
    expect(clientAddress("2001:db8::5", "198.51.100.1", proxies)).toBe("2001:db8::5");
  });

  it("ignores X-Forwarded-For entirely when no proxy is trusted", () => {
    expect(clientAddress("10.0.0.1", "198.51.100.1", [])).toBe("10.0.0.1");
  });

  it("takes the client a trusted proxy names", () => {
    expect(clientAddress("10.1.2.3", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::1", "2001:db8:aa::1", proxies)).toBe("2001:db8:aa::1");
  });

  it("walks from the right past trusted hops only, so a client's own entries are not believed", () => {
    // The client wrote "6.6.6.6, 10.9.9.9"; the edge proxy appended the client's real address.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 10.9.9.9, 198.51.100.1, 192.0.2.7", proxies)).toBe(
      "198.51.100.1",
    );
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.1, 10.0.0.3"], proxies)).toBe("198.51.100.1");
  });

  it("stops at the last vouched-for address when every hop is trusted", () => {
    expect(clientAddress("10.0.0.2", "10.0.0.7, 10.0.0.3", proxies)).toBe("10.0.0.7");
    expect(clientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "  ", proxies)).toBe("10.0.0.2");
  });

  it("stops at garbage without using it: the hop to its right is the client", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.1, not-an-ip", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "not-an-ip, 10.0.0.9", proxies)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.2", "198.51.100.1, , 10.0.0.9", proxies)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.2", "unknown", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "1.2.3.4.5", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "999.1.1.1", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "1.2.3.4/8", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "::ffff:zz", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", `${"a".repeat(5000)}`, proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "\u0000", proxies)).toBe("10.0.0.2");
  });

  it("walks at most 32 hops", () => {
    const many = Array.from({ length: 40 }, (_, i) => `10.0.${i}.1`);
    expect(clientAddress("10.0.0.2", ["198.51.100.1", ...many].join(","), proxies)).toBe("10.0.8.1");
  });

  it("reads ports, brackets and zones as proxies write them", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.1:51234", proxies)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.2", "[2001:db8::7]:443", proxies)).toBe("2001:db8::7");
    expect(clientAddress("10.0.0.2", "[2001:db8::7]", proxies)).toBe("2001:db8::7");
    expect(clientAddress("10.0.0.2", "fe80::1%eth0", proxies)).toBe("fe80::1");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 address, for peers, hops and trust", () => {
    expect(clientAddress("::ffff:10.0.0.2", "::ffff:198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::ffff:203.0.113.50", "198.51.100.1", proxies)).toBe("203.0.113.50");
    expect(clientAddress("::ffff:c000:207", "198.51.100.1", proxies)).toBe("198.51.100.1");
    const mapped = parseTrustedProxies("::ffff:203.0.113.0/120");
    expect(clientAddress("203.0.113.9", "198.51.100.1", mapped)).toBe("198.51.100.1");
  });

  it("matches IPv6 CIDR ranges", () => {
    expect(clientAddress("fd00:1:ffff::1", "2001:db8::1", proxies)).toBe("2001:db8::1");
    expect(clientAddress("fd00:2::1", "2001:db8::1", proxies)).toBe("fd00:2::1");
  });

  it("says unknown for a missing or unreadable peer", () => {
    expect(clientAddress(undefined, "198.51.100.1", proxies)).toBe("unknown");
    expect(clientAddress("unknown", "198.51.100.1", proxies)).toBe("unknown");
  });
});

describe("clientAddressOf", () => {
  it("reads the stamped peer and X-Forwarded-For from Headers and from Node's header objects", () => {
    const web = new Headers({ [CLIENT_IP_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddressOf(web, proxies)).toBe("198.51.100.1");
    const node = { [CLIENT_IP_HEADER]: "10.0.0.2", "x-forwarded-for": ["6.6.6.6", "198.51.100.2"] };
    expect(clientAddressOf(node, proxies)).toBe("198.51.100.2");
    expect(clientAddressOf({ "x-forwarded-for": "198.51.100.1" }, proxies)).toBe("unknown");
    expect(clientAddressOf(undefined, proxies)).toBe("unknown");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and ranges of both families", () => {
    expect(parseTrustedProxies(" ")).toEqual([]);
    expect(parseTrustedProxies("10.0.0.0/8,::1 , 2001:db8::/48").map((r) => r.prefix)).toEqual([8, 128, 48]);
  });

  it.each(["10.0.0.0/33", "::/129", "proxy.internal", "10.0.0.1:80", "[::1]", "10.0.0.0/8/1", "10.0.0.0/x"])(
    "refuses %s and names it",
    (entry) => {
      expect(() => parseTrustedProxies(`192.0.2.1, ${entry}`)).toThrow(entry);
    },
  );
});

describe("addresses", () => {
  it("are written in one canonical form", () => {
    const canonical = (text: string) => formatAddress(parseAddress(text)!);
    expect(canonical("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(canonical("2001:db8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
    expect(canonical("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2:3:4:5:6");
    expect(canonical("::")).toBe("::");
    expect(canonical("64:ff9b::192.0.2.1")).toBe("64:ff9b::c000:201");
    expect(parseAddress("010.1.1.1")).toBeNull();
  });

  it("are counted per IPv4 address and per IPv6 /64", () => {
    expect(addressBucket("198.51.100.1")).toBe("198.51.100.1");
    expect(addressBucket("::ffff:198.51.100.1")).toBe("198.51.100.1");
    expect(addressBucket("2001:db8:1:2::a")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:3::a")).toBe("2001:db8:1:3::/64");
    expect(addressBucket("unknown")).toBe("unknown");
  });
});
