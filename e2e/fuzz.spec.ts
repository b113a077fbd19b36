import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { authFile, signIn } from "./helpers";

// Every page and route handler under app/, and the public status routes of the machine path, with random
// and hostile path and query parameters, as every role and signed out: nothing may answer 5xx. Routes are
// found by walking the source at test time, so a new route is fuzzed without touching this file.

type Segment =
  { kind: "static"; text: string } | { kind: "param" | "catchAll" | "optionalCatchAll"; name: string };
type Target = { kind: "page" | "route" | "machine"; segments: Segment[]; methods: string[] };

const ROLES = ["anonymous", "viewer", "operator", "eu-operator", "admin"] as const;
type Role = (typeof ROLES)[number];

// The agent protocol is fuzzed with random bodies in server/gateway/agent-fuzz.test.ts.
const SKIPPED_MACHINE_PREFIXES = ["/api/agent/"];
const SEED = 20_260_511;
const RUNS = { page: 100, route: 100, post: 50, machine: 100 };

// Malformed escapes, traversal, prototype keys, very long values, unicode and a NUL among them.
const NASTY = [
  "%E0%A4%A",
  "%",
  "%zz",
  "%%",
  "%00",
  "%ED%A0%80",
  "%2e%2e",
  "..",
  ".",
  "%2F",
  "%5C",
  "constructor",
  "__proto__",
  "prototype",
  "hasOwnProperty",
  "toString",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "9".repeat(40),
  "x".repeat(5_000),
  "é".repeat(400),
  "\u0000",
  "a\u0000b",
  "😀\u202e",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "[]",
  "{}",
];

function segmentOf(name: string): Segment | null {
  if (name.startsWith("(") && name.endsWith(")")) return null;
  const optional = /^\[\[\.\.\.(\w+)\]\]$/.exec(name);
  if (optional) return { kind: "optionalCatchAll", name: optional[1] };
  const catchAll = /^\[\.\.\.(\w+)\]$/.exec(name);
  if (catchAll) return { kind: "catchAll", name: catchAll[1] };
  const param = /^\[(\w+)\]$/.exec(name);
  if (param) return { kind: "param", name: param[1] };
  return { kind: "static", text: name };
}

function walkApp(dir: string, segments: Segment[], out: Target[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // _private folders and @slots are not URL segments of their own.
      if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
      const segment = segmentOf(entry.name);
      walkApp(path, segment ? [...segments, segment] : segments, out);
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
      out.push({ kind: "page", segments, methods: ["GET"] });
    } else if (/^route\.(ts|js)$/.test(entry.name)) {
      const source = readFileSync(path, "utf8");
      const methods = ["GET", "POST"].filter((m) =>
        new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b|\\bas\\s+${m}\\b`).test(source),
      );
      if (methods.length) out.push({ kind: "route", segments, methods });
    }
  }
}

/** The machine path's routes, as the gateway declares them: `.on("GET" | method, "/api/status/:slug", …)`. */
function machineTargets(): Target[] {
  const out: Target[] = [];
  const dir = "server/gateway";
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const source = readFileSync(join(dir, name), "utf8");
    for (const match of source.matchAll(/\.on\(\s*(?:"([A-Z]+)"|\w+)\s*,\s*"([^"]+)"/g)) {
      const [, method = "GET", path] = match;
      if (method !== "GET" || SKIPPED_MACHINE_PREFIXES.some((p) => path.startsWith(p))) continue;
      const segments = path
        .split("/")
        .filter(Boolean)
        .map((s): Segment =>
          s.startsWith(":") ? { kind: "param", name: s.slice(1) } : { kind: "static", text: s },
        );
      if (!out.some((t) => routeName(t) === routeName({ ...t, segments }))) {
        out.push({ kind: "machine", segments, methods: ["GET"] });
      }
    }
  }
  return out;
}

/** Query keys the code reads anywhere: `.get("region")`, `params.page`, and the keys of zod schemas. */
function queryKeys(): string[] {
  const keys = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
        const source = readFileSync(path, "utf8");
        for (const m of source.matchAll(/\.get\("([a-zA-Z_][\w]*)"\)/g)) keys.add(m[1]);
        for (const m of source.matchAll(/\bparams\.([a-zA-Z_]\w*)\b/g)) keys.add(m[1]);
        for (const m of source.matchAll(/^\s+([a-zA-Z_]\w*): z\./gm)) keys.add(m[1]);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "server"]) visit(dir);
  for (const method of ["get", "getAll", "has", "set", "then"]) keys.delete(method);
  return [...keys].sort();
}

function routeName(t: Pick<Target, "segments">): string {
  const parts = t.segments.map((s) =>
    s.kind === "static" ? s.text : s.kind === "param" ? `[${s.name}]` : `[...${s.name}]`,
  );
  return `/${parts.join("/")}`;
}

function discover(): Target[] {
  const out: Target[] = [];
  walkApp("app", [], out);
  return [...out, ...machineTargets()].sort((a, b) => (routeName(a) < routeName(b) ? -1 : 1));
}

/** Lone surrogates cannot be percent-encoded; they become U+FFFD, as a browser would send them. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** A path segment from a value: as typed (malformed escapes survive), or properly escaped. */
function asSegment(value: string, isRaw: boolean): string {
  if (isRaw) return value;
  return encodeURIComponent(wellFormed(value));
}

const KEYS = queryKeys();
const TARGETS = discover();
const realValues: string[] = ["global"];

const value = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom(...realValues) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );

const pathValue = fc.record({ text: value(), isRaw: fc.boolean() });

/** A query string with up to four known or random keys, values escaped or raw, keys sometimes repeated. */
const query = fc
  .array(
    fc.record({
      key: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
        fc.constantFrom(...NASTY),
        fc.string(),
      ),
      value: value(),
      isRaw: fc.boolean(),
    }),
    { maxLength: 4 },
  )
  .map((pairs) =>
    pairs
      .map((p) =>
        p.isRaw && !/[&#=]/.test(p.key + p.value)
          ? `${p.key}=${p.value}`
          : `${encodeURIComponent(wellFormed(p.key))}=${encodeURIComponent(wellFormed(p.value))}`,
      )
      .join("&"),
  );

function pathFor(target: Target): fc.Arbitrary<string> {
  const parts = target.segments.map((s): fc.Arbitrary<string> => {
    if (s.kind === "static") return fc.constant(s.text);
    if (s.kind === "param") return pathValue.map((v) => asSegment(v.text, v.isRaw));
    const min = s.kind === "catchAll" ? 1 : 0;
    return fc
      .array(pathValue, { minLength: min, maxLength: 3 })
      .map((vs) => vs.map((v) => asSegment(v.text, v.isRaw)).join("/"));
  });
  return fc.tuple(...parts).map((ps) => `/${ps.filter((p, i) => p !== "" || i < ps.length - 1).join("/")}`);
}

const contexts = new Map<Role, APIRequestContext>();

test.beforeAll(async ({ playwright, browser }) => {
  test.setTimeout(60_000);
  // auth.setup saves the admin, operator and viewer sessions; the region-scoped operator signs in here.
  const eu = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await eu.newPage();
  await signIn(page, "eu-operator@orrery.local");
  await expect(page.getByTestId("role")).toHaveText("operator");
  const euState = await eu.storageState();
  await eu.close();
  for (const role of ROLES) {
    const storageState =
      role === "anonymous" ? { cookies: [], origins: [] } : role === "eu-operator" ? euState : authFile(role);
    contexts.set(role, await playwright.request.newContext({ baseURL, storageState }));
  }
  const res = await contexts.get("admin")!.get("/api/v1/satellites?limit=2");
  for (const s of (await res.json()).items as { id: string; slug: string }[]) realValues.push(s.id, s.slug);
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

type Case = { role: Role; path: string; query: string; method: "GET" | "POST"; body?: unknown };

async function send(c: Case): Promise<{ status: number; text: string }> {
  const context = contexts.get(c.role)!;
  const url = c.query ? `${c.path}?${c.query}` : c.path;
  const options = { maxRedirects: 0, timeout: 20_000, failOnStatusCode: false };
  const res =
    c.method === "GET"
      ? await context.get(url, options)
      : await context.post(url, {
          ...options,
          data: JSON.stringify(c.body),
          headers: { "content-type": "application/json" },
        });
  const text = res.status() >= 500 ? (await res.text()).slice(0, 300) : "";
  return { status: res.status(), text };
}

const label = (c: Case) => `${c.method} ${c.path}${c.query ? `?${c.query}` : ""} as ${c.role}`.slice(0, 400);

function seedOf(target: Target): number {
  let hash = SEED;
  for (const ch of routeName(target)) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
}

for (const target of TARGETS) {
  const name = `${target.kind} ${routeName(target)}`;
  test(`${name} never answers 5xx to random parameters, for any role`, async () => {
    test.setTimeout(60_000);
    const role = fc.constantFrom(...ROLES);
    const gets = fc.record({ role, path: pathFor(target), query, method: fc.constant("GET" as const) });
    const runs = target.kind === "page" ? RUNS.page : target.kind === "machine" ? RUNS.machine : RUNS.route;
    const statuses = new Map<number, number>();
    const check = async (c: Case) => {
      const { status, text } = await send(c);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, `${label(c)} answered ${status}: ${text}`).toBeLessThan(500);
    };
    // Next's trailing-slash redirect repeats the URL in two headers; past ~8 KB the client cannot read them.
    const checkBounded = async (c: Case) => {
      fc.pre(c.path.length + c.query.length <= 7_500);
      await check(c);
    };
    await fc.assert(fc.asyncProperty(gets, checkBounded), {
      seed: seedOf(target),
      numRuns: runs,
      endOnFailure: true,
    });

    // Each hostile value once in every dynamic segment, as a signed-in role, so none depends on luck.
    const dynamic = target.segments.some((s) => s.kind !== "static");
    if (dynamic) {
      for (const [i, text] of NASTY.entries()) {
        const path = `/${target.segments.map((s) => (s.kind === "static" ? s.text : text)).join("/")}`;
        await check({ role: ROLES[1 + (i % 4)], path, query: "", method: "GET" });
      }
    }

    if (target.methods.includes("POST")) {
      const posts = fc.record({
        role,
        path: pathFor(target),
        query,
        method: fc.constant("POST" as const),
        body: fc.jsonValue({ maxDepth: 3 }),
      });
      await fc.assert(fc.asyncProperty(posts, checkBounded), {
        seed: seedOf(target) + 1,
        numRuns: RUNS.post,
        endOnFailure: true,
      });
    }
    // What the routes answered, in the report: a run of nothing but 404s or redirects would fuzz little.
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    test.info().annotations.push({ type: "statuses", description: tally.join(" ") });
  });
}

test("a malformed escape in an address answers 404, not a crash", async () => {
  const admin = contexts.get("admin")!;
  for (const path of [
    "/satellites/%E0%A4%A",
    "/incidents/%E0%A4%A",
    "/rollouts/%E0%A4%A",
    "/admin/satellites/%E0%A4%A",
    "/admin/releases/%zz",
    "/admin/status-pages/%",
    "/api/v1/rollouts/%E0%A4%A",
    "/api/v1/satellites/%E0%A4%A",
    "/api/status/%E0%A4%A",
    "/status/%E0%A4%A",
  ]) {
    const res = await admin.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
  }
});

test("the walk found the console's routes and the machine path's status routes", () => {
  const names = TARGETS.map((t) => `${t.kind} ${routeName(t)}`);
  for (const expected of [
    "page /satellites/[id]",
    "page /rollouts/[id]",
    "page /incidents/[id]",
    "page /status/[slug]",
    "route /api/v1/[...path]",
    "route /api/auth/[...nextauth]",
    "machine /api/status/[slug]",
    "machine /api/status/[slug]/badge.svg",
  ]) {
    expect(names).toContain(expected);
  }
  expect(KEYS).toEqual(expect.arrayContaining(["q", "region", "page", "key"]));
});
