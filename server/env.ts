import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { configureConnectivity } from "../lib/connectivity";
import { OidcProvidersJson } from "./sso/provider-config";

// The one place that reads process.env (CONVENTIONS rule 10).
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/orrery.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  // The address people and agents reach Orrery at (status links, feeds, embeds); defaults to NEXTAUTH_URL.
  PUBLIC_URL: z.url({ message: "must be an absolute http(s) URL" }).optional(),
  // Host names a status page may be bound to (its v2 API and page then answer at that host's root):
  // comma-separated, fixed here, never taken from a request.
  STATUS_CUSTOM_HOSTS: z
    .string()
    .default("")
    .refine(
      (v) =>
        v
          .split(",")
          .map((h) => h.trim())
          .filter(Boolean)
          .every((h) =>
            /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(
              h,
            ),
          ),
      { message: "must be comma-separated host names such as status.example.com (no scheme, port or path)" },
    ),
  // Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDR ranges.
  TRUSTED_PROXIES: z.string().default(""),
  // A production core refuses a plain-http NEXTAUTH_URL unless this says the TLS is somewhere Orrery cannot see.
  ORRERY_ALLOW_INSECURE_HTTP: z.enum(["0", "1"]).default("0"),
  // Set only by `npm run demo` and the browser tests: demo accounts and plain http are expected there.
  ORRERY_DEMO: z.enum(["0", "1"]).default("0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DEMO_PASSWORD: z.string().min(8).default("orrery-demo"),
  // "off" when the reconciler runs apart (npm run worker) or not at all.
  RECONCILER: z.enum(["on", "off"]).default("on"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // A maplibre style for deployments with their own tile server; unset, the map draws its offline basemap.
  MAP_STYLE_URL: z.url({ message: "must be an http(s) URL of a maplibre style" }).optional(),
  // Silence before a satellite is stale (beats × its interval + grace) and offline (max(floor, beats × interval)).
  CONNECTIVITY_STALE_BEATS: z.coerce.number().positive().default(2),
  CONNECTIVITY_STALE_GRACE_SEC: z.coerce.number().min(0).default(20),
  CONNECTIVITY_OFFLINE_BEATS: z.coerce.number().positive().default(6),
  CONNECTIVITY_OFFLINE_FLOOR_SEC: z.coerce.number().min(0).default(180),
  // How often the reconciler passes over derived state; the lease it holds lasts four passes.
  RECONCILER_TICK_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // The safety net under cross-process invalidation (server/bus): every cache re-reads this often.
  BUS_RESYNC_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  // Stopping (SIGTERM): for DRAIN, /readyz answers 503 while requests are still served, so the load
  // balancer's checks take the replica out before it stops accepting (unset: 5 s in production, none in
  // development); then in-flight requests get up to GRACE.
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  // Outgoing email (alerts, status subscribers): an smtp:// or smtps:// URL; unset, no email is offered.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Orrery <orrery@localhost>"),
  // 1 lets webhooks reach private, loopback and link-local receivers, over http too (on-prem). Unset, it
  // follows ORRERY_DEMO in production and is on in development and tests.
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).optional(),
  // REST API calls a token may make per minute, in each process (with N replicas a token meets N times this).
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  // GET /metrics (Prometheus): a bearer token, client addresses or CIDR ranges, or both; neither, it is off.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  METRICS_ALLOW: z.string().default(""),
  // Single sign-on: a JSON array of OpenID Connect providers (docs/operations.md, "Single sign-on").
  ORRERY_OIDC_PROVIDERS: OidcProvidersJson,
  // How long an SSO sign-in lasts (at most the console's 12 h) before the IdP and the groups are asked again.
  ORRERY_SSO_SESSION_HOURS: z.coerce.number().min(0.25).max(12).default(8),
  // 1 turns password sign-in off for everyone but the break-glass account.
  ORRERY_SSO_ONLY: z.enum(["0", "1"]).default("0"),
  ORRERY_BREAK_GLASS_EMAIL: z.email().trim().toLowerCase().optional(),
  // Encrypts two-factor secrets at rest; unset, a key is derived from the session secret.
  ORRERY_ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters").optional(),
});

const CheckedEnv = EnvSchema.refine((e) => e.ORRERY_SSO_ONLY === "0" || e.ORRERY_OIDC_PROVIDERS.length > 0, {
  path: ["ORRERY_SSO_ONLY"],
  message:
    "is 1 but ORRERY_OIDC_PROVIDERS names no provider: nobody but the break-glass account could sign in",
});

export type Env = z.infer<typeof EnvSchema>;

function loadEnv(): Env {
  const parsed = CheckedEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Orrery's environment is invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = loadEnv();

configureConnectivity({
  staleBeats: env.CONNECTIVITY_STALE_BEATS,
  staleGraceSec: env.CONNECTIVITY_STALE_GRACE_SEC,
  offlineBeats: env.CONNECTIVITY_OFFLINE_BEATS,
  offlineFloorSec: env.CONNECTIVITY_OFFLINE_FLOOR_SEC,
});

export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url = env.DATABASE_URL): DatabaseKind {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}

/** The SQLite file a `file:` URL names, relative to the working directory. */
export function sqlitePath(url = env.DATABASE_URL): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return isAbsolute(path) ? path : resolve(/*turbopackIgnore: true*/ process.cwd(), path);
}

/**
 * next-auth's signing secret. On the embedded SQLite default it is generated once and kept beside the
 * database file, so the quick start needs no configuration; on PostgreSQL (many replicas) it must be set.
 * A production core never gets here without one: server/startup-checks.ts refuses to start first.
 */
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (databaseKind() === "postgres") {
    throw new Error("NEXTAUTH_SECRET must be set (32+ characters) when DATABASE_URL is PostgreSQL");
  }
  const file = resolve(dirname(sqlitePath()), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const isProduction = env.NODE_ENV === "production";

/** The configured public origin, never derived from a request's Host or X-Forwarded-Proto headers. */
export function publicUrl(): string {
  const url = env.PUBLIC_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  return url.replace(/\/+$/, "");
}

/** next-auth reads its own settings from process.env: give it the ones Orrery resolved. */
export function applyAuthEnv(port: number): void {
  process.env.NEXTAUTH_SECRET ??= authSecret();
  process.env.NEXTAUTH_URL ??= env.NEXTAUTH_URL ?? `http://localhost:${port}`;
}
