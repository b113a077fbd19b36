import "server-only";
import { startDeliveryPass } from "../outbox/background";
import { evaluateAlerts, type AlertsReport } from "./step";

/** The reconciler's alerting step: evaluate the rules, then send what is due from the outbox. */
export async function alertsAndDelivery(now: Date): Promise<AlertsReport & { delivering: boolean }> {
  try {
    return { ...(await evaluateAlerts(now)), delivering: startDeliveryPass() };
  } catch (error) {
    // Messages decided earlier still go out when evaluation fails.
    startDeliveryPass();
    throw error;
  }
}
