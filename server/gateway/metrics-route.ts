import { decideAccess, metricsAccessConfig, type MetricsAccessConfig } from "../metrics/access";
import { CONTENT_TYPE } from "../metrics/exposition";
import { scrape } from "../metrics/scrape";
import { DATA_POLICY } from "../http/security-headers";
import { sendJson, type GatewayHandler } from "./router";

/**
 * GET /metrics for Prometheus, on the machine path: a scrape at 10,000 satellites must not queue behind the
 * console's pages. Off (404, as an unknown path) until METRICS_TOKEN or METRICS_ALLOW is set.
 */
export function metricsRoute(config: MetricsAccessConfig = metricsAccessConfig()): GatewayHandler {
  return async (req, res) => {
    const access = decideAccess(config, req.headers);
    if (!access.ok) {
      const code = { 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND" }[access.status];
      sendJson(res, access.status, { error: { code, message: access.message } }, access.headers);
      return;
    }
    const chunks = await scrape();
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPE,
      "Content-Length": chunks.reduce((n, c) => n + c.length, 0),
      "Cache-Control": "no-store",
      "Content-Security-Policy": DATA_POLICY,
    });
    for (const chunk of chunks) res.write(chunk);
    res.end();
  };
}
