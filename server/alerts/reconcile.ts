import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { startDeliveryPass } from "../outbox/background";
import { pruneDelivered } from "../outbox/prune";
import { evaluateAlerts, type AlertsReport } from "./step";

const PRUNE_EVERY_MS = 10 * 60_000;
const pruned = processSingleton("alerts.pruned", () => ({ at: 0 }));

/** The reconciler's alerting step: evaluate the rules, send what is due, and now and then drop old rows. */
export async function alertsAndDelivery(now: Date): Promise<AlertsReport & { delivering: boolean }> {
  try {
    const report = await evaluateAlerts(now);
    if (now.getTime() - pruned.at >= PRUNE_EVERY_MS) {
      pruned.at = now.getTime();
      await pruneDelivered(now);
    }
    return { ...report, delivering: startDeliveryPass() };
  } catch (error) {
    // Messages decided earlier still go out when evaluation fails.
    startDeliveryPass();
    throw error;
  }
}
