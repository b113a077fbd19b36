import { agentRoutes } from "./agent-routes";
import { metricsRoute } from "./metrics-route";
import { readiness } from "./readiness";
import { GatewayRouter, sendJson } from "./router";
import { statusRoutes } from "./status-routes";

export function createGateway(): GatewayRouter {
  return agentRoutes(
    statusRoutes(new GatewayRouter())
      .claim("/api/agent/")
      // Liveness: the process answers. Readiness (./readiness.ts): the database answers, its migrations are
      // current, start-up warm-ups are done, and the process is not draining for shutdown.
      .on("GET", "/healthz", (_req, res) => sendJson(res, 200, { status: "ok" }))
      .on("GET", "/readyz", async (_req, res) => {
        const answer = await readiness();
        sendJson(res, answer.status, answer.body);
      })
      // Prometheus; off (404) unless METRICS_TOKEN or METRICS_ALLOW is set (docs/monitoring.md).
      .on("GET", "/metrics", metricsRoute()),
  );
}
