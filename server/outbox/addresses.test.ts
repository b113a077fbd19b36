import { describe, expect, it } from "vitest";
import { classifyAddress, isAddressAllowed, v6Bytes } from "./addresses";

describe("classifyAddress", () => {
  it.each([
    ["93.184.216.34", "public"],
    ["8.8.8.8", "public"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.10.1", "link-local"],
    ["169.254.169.254", "metadata"],
    ["0.0.0.0", "reserved"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["2606:4700:4700::1111", "public"],
    ["::1", "loopback"],
    ["::", "reserved"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "reserved"],
    ["fd00:ec2::254", "metadata"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:93.184.216.34", "public"],
    ["64:ff9b::a00:1", "private"],
    ["2002:c0a8:0101::1", "private"],
    ["not-an-address", "reserved"],
  ])("%s is %s", (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it("expands compressed IPv6 addresses", () => {
    expect(v6Bytes("::1")).toEqual([...new Array(15).fill(0), 1]);
    expect(v6Bytes("2001:db8::8:1").slice(12)).toEqual([0, 8, 0, 1]);
  });
});

describe("isAddressAllowed", () => {
  it("allows private receivers only when told to, and never the metadata service", () => {
    expect(isAddressAllowed("public", false)).toBe(true);
    expect(isAddressAllowed("loopback", false)).toBe(false);
    expect(isAddressAllowed("loopback", true)).toBe(true);
    expect(isAddressAllowed("private", true)).toBe(true);
    expect(isAddressAllowed("metadata", true)).toBe(false);
    expect(isAddressAllowed("reserved", true)).toBe(false);
  });
});
