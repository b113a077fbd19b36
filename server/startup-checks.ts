// What a production core must have before it answers anyone: a pure decision from the environment and a few
// facts read at start. server/startup-guard.ts gathers the facts and acts on the answer.
import type { Env } from "./env";

export type StartupEnv = Pick<
  Env,
  "NODE_ENV" | "ORRERY_DEMO" | "NEXTAUTH_SECRET" | "NEXTAUTH_URL" | "ORRERY_ALLOW_INSECURE_HTTP"
>;

export type StartupFacts = {
  /** Emails of enabled accounts of the demo domain, or null when the database could not be read. */
  enabledDemoAccounts: string[] | null;
  /** Why the database could not be read, when it could not. */
  databaseError?: string;
};

/** Demo accounts live in this domain; their password is published in the README. */
export const DEMO_EMAIL_DOMAIN = "@orrery.local";

/** `npm run demo` and the browser tests run a production build as a demo (ORRERY_DEMO=1); that is not production. */
export function isProductionMode(env: Pick<Env, "NODE_ENV" | "ORRERY_DEMO">): boolean {
  return env.NODE_ENV === "production" && env.ORRERY_DEMO !== "1";
}

export function isDemoCore(env: Pick<Env, "ORRERY_DEMO">): boolean {
  return env.ORRERY_DEMO === "1";
}

export const DEMO_WARNING =
  "Orrery runs as a demo (ORRERY_DEMO=1): demo accounts, a generated secret and plain http are allowed. Never expose it.";

function isHttps(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

/** One line per reason a production core must not start, each saying what to set; empty when it may start. */
export function startupRefusals(env: StartupEnv, facts: StartupFacts): string[] {
  if (!isProductionMode(env)) return [];
  const refusals: string[] = [];
  if (!env.NEXTAUTH_SECRET) {
    refusals.push(
      "Orrery refuses to start: NEXTAUTH_SECRET is not set. Set it to 32+ random characters, the same on every replica (openssl rand -base64 32).",
    );
  }
  if (!isHttps(env.NEXTAUTH_URL) && env.ORRERY_ALLOW_INSECURE_HTTP !== "1") {
    const got = env.NEXTAUTH_URL ? `is ${env.NEXTAUTH_URL}` : "is not set";
    refusals.push(
      `Orrery refuses to start: NEXTAUTH_URL ${got}. Set it to the https:// address people sign in at, so session cookies are Secure (or ORRERY_ALLOW_INSECURE_HTTP=1 if TLS is deliberately absent).`,
    );
  }
  if (facts.enabledDemoAccounts === null) {
    refusals.push(
      `Orrery refuses to start: it could not check the database for demo accounts (${facts.databaseError ?? "unknown error"}). Check DATABASE_URL and run npm run db:migrate.`,
    );
  } else if (facts.enabledDemoAccounts.length > 0) {
    refusals.push(
      `Orrery refuses to start: demo account(s) with a published password are enabled (${facts.enabledDemoAccounts.join(", ")}). Disable them with npm run user:disable-demo.`,
    );
  }
  return refusals;
}
