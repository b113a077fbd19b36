import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { authFile, gotoReady, mapIdle } from "./helpers";

test.use({ storageState: authFile("viewer") });

type Violation = { directive: string; blocked: string; source: string };

declare global {
  interface Window {
    orreryCspViolations?: Violation[];
  }
}

/**
 * Records every Content-Security-Policy violation a page reports: the documents' securitypolicyviolation
 * events and the browser's console messages (which also carry workers' refusals).
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) messages.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/Content Security Policy|Refused to/i.test(e.message)) messages.push(e.message);
  });
  await page.addInitScript(() => {
    window.orreryCspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.orreryCspViolations?.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
      });
    });
  });
  return async () => {
    const reported = await page.evaluate(() => window.orreryCspViolations ?? []);
    return [...messages, ...reported.map((v) => `${v.directive} blocked ${v.blocked} (${v.source})`)];
  };
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

/** Exactly one policy: two would both be enforced, and a nonce-less one would block Next's scripts. */
async function onePolicy(res: APIResponse | { headersArray(): Promise<{ name: string; value: string }[]> }) {
  const all = (await res.headersArray()).filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(all).toHaveLength(1);
  return directives(all[0].value);
}

function expectTransportHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The browser tests reach Orrery over plain http (PUBLIC_URL unset): no HSTS there.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("the overview map renders under the console's policy with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await page.locator("html[data-hydrated]").waitFor();
  await mapIdle(page);
  // Both sources are geojson, parsed in maplibre's worker: drawn features mean the worker ran.
  const drawn = await page.evaluate(() => {
    const map = window.orreryFleetMap!;
    return {
      satellites: map.queryRenderedFeatures({ layers: ["sat-clusters", "sat-points"] }).length,
      land: map.queryRenderedFeatures({ layers: ["land"] }).length,
    };
  });
  expect(drawn.satellites).toBeGreaterThan(0);
  expect(drawn.land).toBeGreaterThan(0);

  const policy = await onePolicy(response!);
  expect(policy.get("default-src")).toBe("'self'");
  expect(policy.get("script-src")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  expect(policy.get("object-src")).toBe("'none'");
  expect(policy.get("base-uri")).toBe("'self'");
  expect(policy.get("form-action")).toBe("'self'");
  expect(policy.get("frame-ancestors")).toBe("'none'");
  expectTransportHeaders(response!.headers());
  // A signed-in page is never stored by a proxy or CDN.
  expect(response!.headers()["cache-control"]).toContain("no-store");
  expect(await violations()).toEqual([]);
});

test("each page gets its own nonce, and the sign-in and public status pages run under it", async ({
  page,
  browser,
}) => {
  const violations = await watchViolations(page);
  const first = await page.request.get("/satellites");
  const second = await page.request.get("/satellites");
  const nonce = (p: Map<string, string>) => /'nonce-([^']+)'/.exec(p.get("script-src") ?? "")?.[1];
  expect(nonce(await onePolicy(first))).toBeTruthy();
  expect(nonce(await onePolicy(first))).not.toBe(nonce(await onePolicy(second)));
  expect(first.headers()["cache-control"]).toContain("no-store");

  await gotoReady(page, "/satellites");
  await expect(page.getByRole("table").first()).toBeVisible();
  expect(await violations()).toEqual([]);

  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await anonymous.newPage();
  const visitorViolations = await watchViolations(visitor);
  for (const path of ["/login", "/status/global"]) {
    const res = await visitor.goto(path);
    expect(res?.status(), path).toBe(200);
    await visitor.locator("html[data-hydrated]").waitFor();
    expect((await onePolicy(res!)).get("script-src"), path).toContain("'nonce-");
    expectTransportHeaders(res!.headers());
  }
  expect(await visitorViolations()).toEqual([]);
  await anonymous.close();
});

test("API answers, errors and refusals are private, no-store, with the headers", async ({
  page,
  playwright,
}) => {
  const answers = [
    ["/api/v1/satellites?limit=1", 200],
    ["/api/v1/map", 200],
    ["/api/v1/satellites?health=purple", 422],
  ] as const;
  for (const [path, status] of answers) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(status);
    expect(res.headers()["cache-control"], path).toBe("private, no-store");
    expect((await onePolicy(res)).get("frame-ancestors"), path).toBe("'none'");
    expectTransportHeaders(res.headers());
  }
  const signedOut = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  for (const path of ["/api/v1/satellites", "/api/v1/map"]) {
    const res = await signedOut.get(path);
    expect(res.status(), path).toBe(401);
    expect(res.headers()["cache-control"], path).toBe("private, no-store");
    expectTransportHeaders(res.headers());
  }
  // Next's own error page, and the machine path's answers and errors.
  const missing = await page.request.get("/no-such-console-page");
  expect(missing.status()).toBe(404);
  expect((await onePolicy(missing)).get("script-src")).toContain("'nonce-");
  expectTransportHeaders(missing.headers());
  for (const [path, status] of [
    ["/api/status/global", 200],
    ["/api/status/no-such-page", 404],
    ["/healthz", 200],
  ] as const) {
    const res = await signedOut.get(path);
    expect(res.status(), path).toBe(status);
    expect((await onePolicy(res)).get("default-src"), path).toBe("'none'");
    expectTransportHeaders(res.headers());
  }
  await signedOut.dispose();
});

test.describe("the status page admin", () => {
  test.use({ storageState: authFile("admin") });

  test("previews the widget in a frame and links to the configured address", async ({ page }) => {
    const violations = await watchViolations(page);
    await gotoReady(page, "/admin/status-pages");
    await page.getByRole("link", { name: "Orrery Cloud" }).first().click();
    await expect(page.frameLocator("iframe").first().getByText("Orrery Cloud")).toBeVisible();
    const link = (
      await page.locator(".snippet", { hasText: "Public page" }).locator("code").innerText()
    ).trim();
    expect(link.startsWith(`${baseURL}/status/`)).toBe(true);
    expect(await violations()).toEqual([]);
  });
});
