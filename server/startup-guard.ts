import "server-only";
import { enabledDemoAccounts } from "./demo-accounts";
import { env } from "./env";
import { trustedProxies } from "./http/client-address";
import { log } from "./log";
import {
  DEMO_WARNING,
  isDemoCore,
  isProductionMode,
  startupRefusals,
  type StartupFacts,
} from "./startup-checks";

async function startupFacts(): Promise<StartupFacts> {
  try {
    return { enabledDemoAccounts: await enabledDemoAccounts() };
  } catch (error) {
    // Prisma's messages start with the call site; the cause is the last line.
    const lines = (error instanceof Error ? error.message : String(error))
      .split("\n")
      .filter((l) => l.trim());
    const message = lines.at(-1)?.trim() ?? "unknown error";
    return { enabledDemoAccounts: null, databaseError: message };
  }
}

/**
 * Runs before anything else loads: a production core that is unsafe prints why on stderr and exits with 1.
 * A demo core (ORRERY_DEMO=1) only says so, once, when `announceDemo` is set.
 */
export async function refuseUnsafeStart({ announceDemo = true } = {}): Promise<void> {
  // A wrong proxy list would otherwise surface on the first sign-in, as a failed request: refuse it here, in any mode.
  try {
    trustedProxies();
  } catch (error) {
    process.stderr.write(
      `Orrery refuses to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  if (isDemoCore(env)) {
    if (announceDemo) log("warn", DEMO_WARNING);
    return;
  }
  if (!isProductionMode(env)) return;
  const refusals = startupRefusals(env, await startupFacts());
  if (refusals.length === 0) return;
  process.stderr.write(`${refusals.join("\n")}\n`);
  process.exit(1);
}
