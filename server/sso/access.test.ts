import { describe, expect, it } from "vitest";
import { accessFromGroups, sameAccess, type GroupGrant } from "./access";
import { groupsFromClaims } from "./provider-config";

const grants: GroupGrant[] = [
  { group: "sre-eu", role: "operator", regionIds: ["eu-gdpr"] },
  { group: "sre-us", role: "operator", regionIds: ["us-fedramp"] },
  { group: "platform-admins", role: "admin", regionIds: [] },
  { group: "staff", role: "viewer", regionIds: [] },
  { group: "auditors-eu", role: "viewer", regionIds: ["eu-gdpr"] },
];

describe("accessFromGroups", () => {
  it("gives the mapped role and its region scope", () => {
    expect(accessFromGroups(["sre-eu", "unrelated"], grants)).toEqual({
      isGranted: true,
      role: "operator",
      regionIds: ["eu-gdpr"],
      groups: ["sre-eu"],
    });
  });

  it("lets the highest role win", () => {
    const access = accessFromGroups(["staff", "sre-eu", "platform-admins"], grants);
    expect(access).toMatchObject({ isGranted: true, role: "admin", regionIds: null });
  });

  it("unions the scopes of the groups that give the winning role", () => {
    const access = accessFromGroups(["sre-us", "sre-eu"], grants);
    expect(access).toMatchObject({ role: "operator", regionIds: ["eu-gdpr", "us-fedramp"] });
  });

  it("lets a mapping without regions (every region) win the union", () => {
    const all: GroupGrant[] = [...grants, { group: "sre-global", role: "operator", regionIds: [] }];
    expect(accessFromGroups(["sre-eu", "sre-global"], all)).toMatchObject({ regionIds: null });
  });

  it("keeps a lower role's wider scope from widening the winner's", () => {
    expect(accessFromGroups(["staff", "sre-eu"], grants)).toMatchObject({
      role: "operator",
      regionIds: ["eu-gdpr"],
    });
  });

  it("refuses a person in no mapped group and names the groups seen", () => {
    expect(accessFromGroups(["marketing", "everyone", "marketing"], grants)).toEqual({
      isGranted: false,
      groups: ["everyone", "marketing"],
    });
    expect(accessFromGroups([], grants)).toEqual({ isGranted: false, groups: [] });
  });

  it("matches group names exactly", () => {
    expect(accessFromGroups(["SRE-EU", "/sre-eu"], grants).isGranted).toBe(false);
  });
});

describe("sameAccess", () => {
  it("compares role and scope, every region being an empty scope", () => {
    expect(sameAccess({ role: "admin", regionIds: [] }, { role: "admin", regionIds: null })).toBe(true);
    expect(
      sameAccess({ role: "operator", regionIds: ["b", "a"] }, { role: "operator", regionIds: ["a", "b"] }),
    ).toBe(true);
    expect(sameAccess({ role: "operator", regionIds: [] }, { role: "operator", regionIds: ["a"] })).toBe(
      false,
    );
    expect(sameAccess({ role: "viewer", regionIds: [] }, { role: "operator", regionIds: null })).toBe(false);
  });
});

describe("groupsFromClaims", () => {
  it("reads a list, a single string or a dotted path, and ignores anything else", () => {
    expect(groupsFromClaims({ groups: ["a", "b", "a", 3] }, "groups")).toEqual(["a", "b"]);
    expect(groupsFromClaims({ groups: "a" }, "groups")).toEqual(["a"]);
    expect(groupsFromClaims({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual(["x"]);
    expect(groupsFromClaims({ groups: { a: 1 } }, "groups")).toEqual([]);
    expect(groupsFromClaims({}, "missing.path")).toEqual([]);
  });
});
