import "server-only";
import { env, isProduction } from "../env";
import type { EgressPolicy } from "./egress";

/**
 * The deployment's egress rule. Production wants https and public receivers; WEBHOOK_ALLOW_PRIVATE=1 admits
 * on-prem ones. Unset, private receivers are allowed in development, tests and the demo, where the
 * receiver is usually on the same machine.
 */
export function egressPolicy(): EgressPolicy {
  const allowPrivate =
    env.WEBHOOK_ALLOW_PRIVATE !== undefined
      ? env.WEBHOOK_ALLOW_PRIVATE === "1"
      : !isProduction || env.ORRERY_DEMO === "1";
  return { allowPrivate, requireHttps: isProduction };
}
