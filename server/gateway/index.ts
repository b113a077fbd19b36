import { db } from "../db";
import { agentRoutes } from "./agent-routes";
import { metricsRoute } from "./metrics-route";
import { GatewayRouter, sendJson } from "./router";
import { statusRoutes } from "./status-routes";

export function createGateway(): GatewayRouter {
  return agentRoutes(
    statusRoutes(new GatewayRouter())
      .claim("/api/agent/")
      // Liveness: the process answers. Readiness: the database answers too.
      .on("GET", "/healthz", (_req, res) => sendJson(res, 200, { status: "ok" }))
      .on("GET", "/readyz", async (_req, res) => {
        try {
          await db.$queryRawUnsafe("SELECT 1");
          sendJson(res, 200, { status: "ready" });
        } catch {
          sendJson(res, 503, { status: "unavailable", reason: "database unreachable" });
        }
      })
      // Prometheus; off (404) unless METRICS_TOKEN or METRICS_ALLOW is set (docs/monitoring.md).
      .on("GET", "/metrics", metricsRoute()),
  );
}
