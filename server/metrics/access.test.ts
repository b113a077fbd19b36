import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "../http/headers";
import { decideAccess, isMetricsEnabled, metricsAccessConfig } from "./access";

const TOKEN = "scrape-token-0123456789";
const from = (ip: string, extra: Record<string, string> = {}) => ({ [CLIENT_IP_HEADER]: ip, ...extra });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("who may read /metrics", () => {
  it("does not exist while neither a token nor an allow-list is set", () => {
    const config = metricsAccessConfig({ allow: "" });
    expect(isMetricsEnabled(config)).toBe(false);
    expect(decideAccess(config, from("127.0.0.1", bearer(TOKEN)))).toMatchObject({ ok: false, status: 404 });
  });

  it("asks for the bearer token: none or a wrong one is 401 with a challenge, the right one passes", () => {
    const config = metricsAccessConfig({ token: TOKEN, allow: "" });
    const missing = decideAccess(config, from("127.0.0.1"));
    expect(missing).toMatchObject({ ok: false, status: 401 });
    expect(missing.ok ? {} : missing.headers).toEqual({
      "WWW-Authenticate": 'Bearer realm="orrery-metrics"',
    });
    expect(decideAccess(config, from("127.0.0.1", bearer("scrape-token-012345678")))).toMatchObject({
      status: 401,
    });
    expect(decideAccess(config, from("127.0.0.1", bearer(`${TOKEN}x`)))).toMatchObject({ status: 401 });
    expect(decideAccess(config, from("127.0.0.1", { authorization: `Basic ${TOKEN}` }))).toMatchObject({
      status: 401,
    });
    expect(decideAccess(config, from("127.0.0.1", bearer(TOKEN)))).toEqual({ ok: true });
    expect(decideAccess(config, from("127.0.0.1", { authorization: `bearer ${TOKEN}` }))).toEqual({
      ok: true,
    });
  });

  it("lets addresses of the allow-list in without a token, and refuses the rest with 403", () => {
    const config = metricsAccessConfig({ allow: "10.1.0.0/16, 192.0.2.7, fd00:1::/32" });
    expect(decideAccess(config, from("10.1.200.3"))).toEqual({ ok: true });
    expect(decideAccess(config, from("::ffff:192.0.2.7"))).toEqual({ ok: true });
    expect(decideAccess(config, from("fd00:1:2::9"))).toEqual({ ok: true });
    expect(decideAccess(config, from("10.2.0.1"))).toMatchObject({ ok: false, status: 403 });
    expect(decideAccess(config, from("192.0.2.8"))).toMatchObject({ status: 403 });
    expect(decideAccess(config, from("fd00:2::1"))).toMatchObject({ status: 403 });
    expect(decideAccess(config, {})).toMatchObject({ status: 403 });
  });

  it("believes X-Forwarded-For only from a trusted proxy, as every other path does", () => {
    const config = metricsAccessConfig({ allow: "10.1.0.0/16" });
    // Not behind a trusted proxy: the header is the client's own claim.
    expect(decideAccess(config, from("203.0.113.9", { "x-forwarded-for": "10.1.0.5" }))).toMatchObject({
      status: 403,
    });
  });

  it("needs both when both are set", () => {
    const config = metricsAccessConfig({ token: TOKEN, allow: "127.0.0.1" });
    expect(decideAccess(config, from("127.0.0.1"))).toMatchObject({ status: 401 });
    expect(decideAccess(config, from("198.51.100.1", bearer(TOKEN)))).toMatchObject({ status: 403 });
    expect(decideAccess(config, from("127.0.0.1", bearer(TOKEN)))).toEqual({ ok: true });
  });

  it("names METRICS_ALLOW when an entry is not an address or range", () => {
    expect(() => metricsAccessConfig({ allow: "10.0.0.0/8, intranet" })).toThrow(
      'METRICS_ALLOW: "intranet" is not an IP address or CIDR range',
    );
  });
});
