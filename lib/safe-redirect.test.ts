import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "./safe-redirect";

// Every form here leaves the site in some browser or after one more decode somewhere along the way.
const OFF_SITE = [
  ["a backslash after the slash", "/\\example.org"],
  ["a backslash later on", "/satellites\\..\\\\example.org"],
  ["two backslashes", "\\\\example.org"],
  ["a tab between the slashes", "/\t/example.org"],
  ["a newline between the slashes", "/\n/example.org"],
  ["a carriage return", "/\r/example.org"],
  ["a NUL byte", "/\u0000/example.org"],
  ["DEL", "/\u007f/example.org"],
  ["a C1 control", "/\u0085/example.org"],
  ["a leading space", " //example.org"],
  ["a protocol-relative URL", "//example.org"],
  ["a protocol-relative URL with a path", "//example.org/login"],
  ["three slashes", "///example.org"],
  ["an encoded backslash", "/%5Cexample.org"],
  ["an encoded backslash, lower case", "/%5cexample.org"],
  ["an encoded tab", "/%09/example.org"],
  ["an encoded newline", "/%0a/example.org"],
  ["encoded slashes", "/%2F%2Fexample.org"],
  ["an encoded slash after the slash", "/%2Fexample.org"],
  ["a double-encoded backslash", "/%255Cexample.org"],
  ["a double-encoded tab", "/%2509/example.org"],
  ["double-encoded slashes", "/%252F%252Fexample.org"],
  ["a triple-encoded backslash", "/%25255Cexample.org"],
  ["an http URL", "http://example.org/"],
  ["an https URL", "https://example.org"],
  ["a same-origin absolute URL", "http://localhost:3000/satellites"],
  ["a javascript: URL", "javascript:alert(document.cookie)"],
  ["a javascript: URL in capitals", "JAVASCRIPT:alert(1)"],
  ["a data: URL", "data:text/html,<script>alert(1)</script>"],
  ["a relative path", "satellites"],
  ["a dot path", "./satellites"],
  ["the empty string", ""],
] as const;

describe("safeRedirectPath", () => {
  it.each(OFF_SITE)("refuses %s", (_, candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/");
  });

  it.each([
    ["/"],
    ["/satellites"],
    ["/satellites?region=eu-gdpr&q=fra%20edge"],
    ["/satellites/fra-edge-01#telemetry"],
    ["/rollouts/ck123?tab=waves"],
    ["/audit?q=100%"],
    ["/satellites?q=%25"],
    ["/javascript:alert(1)"],
  ])("keeps the same-site path %s as written", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it("refuses what is not a string and anything too long, with the fallback given", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/satellites", "//example.org"])).toBe("/");
    expect(safeRedirectPath(42, "/login")).toBe("/login");
    expect(safeRedirectPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("refuses a path that keeps decoding into something new past three layers", () => {
    expect(safeRedirectPath("/a%2525252541")).toBe("/");
  });
});

describe("safeRedirectUrl", () => {
  const base = "http://localhost:3000";

  it("puts a safe path on the base URL", () => {
    expect(safeRedirectUrl("/satellites?q=x", base)).toBe(`${base}/satellites?q=x`);
    expect(safeRedirectUrl("/login", `${base}/`)).toBe(`${base}/login`);
  });

  it("keeps the path of a same-origin absolute URL", () => {
    expect(safeRedirectUrl(`${base}/rollouts?tab=all#top`, base)).toBe(`${base}/rollouts?tab=all#top`);
  });

  it.each([
    ["another origin", "http://example.org/satellites"],
    ["another port", "http://localhost:3001/"],
    ["another scheme", "https://localhost:3000/"],
    ["a backslash in a same-origin URL", `${base}/\\example.org`],
    ["an encoded backslash in a same-origin URL", `${base}/%5Cexample.org`],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,hi"],
    ["an encoded tab", "/%09/example.org"],
    ["garbage", "http://["],
  ])("sends %s to the fallback", (_, url) => {
    expect(safeRedirectUrl(url, base)).toBe(`${base}/`);
  });

  it("sends what is not a string to the fallback", () => {
    expect(safeRedirectUrl(undefined, base, "/login")).toBe(`${base}/login`);
  });
});
