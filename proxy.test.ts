import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const SIGNED_IN = { cookie: "next-auth.session-token=anything" };

function call(path: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

function expectBaseHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toContain("geolocation=()");
}

describe("the proxy's headers", () => {
  it("gives a console page a policy with a fresh nonce, handed to Next on the request", () => {
    const res = call("/satellites", SIGNED_IN);
    expectBaseHeaders(res);
    const policy = res.headers.get("content-security-policy") ?? "";
    const d = directives(policy);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(d.get("script-src") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(d.get("default-src")).toBe("'self'");
    expect(d.get("script-src")).toContain("'strict-dynamic'");
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(d.get("object-src")).toBe("'none'");
    expect(d.get("base-uri")).toBe("'self'");
    expect(d.get("form-action")).toBe("'self'");
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(d.get("worker-src")).toBe("'self' blob:");
    // Next reads the nonce from the request's copy of the policy; the page reads x-nonce.
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const other = call("/satellites", SIGNED_IN).headers.get("x-middleware-request-x-nonce");
    expect(other).not.toBe(nonce);
  });

  it("sends a visitor without a session to sign in, with the headers on the redirect", () => {
    const res = call("/rollouts?x=1");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/login?next=%2Frollouts%3Fx%3D1");
    expectBaseHeaders(res);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets the sign-in and public status pages through, with a policy", () => {
    for (const path of ["/login", "/status/global"]) {
      const res = call(path);
      expect(res.headers.get("location"), path).toBeNull();
      expectBaseHeaders(res);
      expect(res.headers.get("content-security-policy"), path).toContain("'nonce-");
    }
    // A status page may show its logo from wherever its admin chose; the console may not.
    expect(
      directives(call("/status/global").headers.get("content-security-policy")!).get("img-src"),
    ).toContain("https:");
    expect(
      directives(call("/", SIGNED_IN).headers.get("content-security-policy")!).get("img-src"),
    ).not.toContain("https:");
  });

  it("gives API answers the resource policy, never a redirect", () => {
    const res = call("/api/v1/satellites");
    expect(res.headers.get("location")).toBeNull();
    expectBaseHeaders(res);
    const policy = res.headers.get("content-security-policy") ?? "";
    expect(policy).not.toContain("nonce-");
    expect(directives(policy).get("frame-ancestors")).toBe("'none'");
    expect(directives(policy).get("connect-src")).toBe("'self'");
  });
});
