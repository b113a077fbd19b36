// Orrery's server entry: the machine path (plain node:http) first, then Next's request handler.
// `npm start` runs it; `--dev` runs Next in development mode.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { applyAuthEnv, env } from "./env";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./http/headers";
import { answerMalformedPath } from "./http/malformed-path";
import { log } from "./log";
import { refuseUnsafeStart } from "./startup-guard";

type NextFactory = typeof import("next").default;

/** `next` is CommonJS: under Node's ESM loader its factory may sit on `.default`. */
function nextFactory(nextModule: unknown): NextFactory {
  const mod = nextModule as NextFactory | { default: NextFactory };
  return typeof mod === "function" ? mod : mod.default;
}

async function main() {
  // Before Next, the gateway or the reconciler load: an unsafe production core stops here, in a second.
  await refuseUnsafeStart();
  const [
    nextModule,
    { createGateway },
    { ingestWriter },
    { superviseReconciler },
    { rewriteCustomHostRoot },
    { latestFleet },
    { isMetricsEnabled, metricsAccessConfig },
  ] = await Promise.all([
    import("next"),
    import("./gateway"),
    import("./ingest"),
    import("./reconciler/supervise"),
    import("./status/v2/hosts"),
    import("./fleet-state"),
    import("./metrics/access"),
  ]);
  const isDev = process.argv.includes("--dev");
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  applyAuthEnv(env.PORT);

  const app = nextFactory(nextModule.default)({
    dev: isDev,
    dir: root,
    hostname: "localhost",
    port: env.PORT,
  });
  const handleNext = app.getRequestHandler();
  await app.prepare();
  const gateway = createGateway();
  const background: { reconciler?: { stop: () => Promise<void> } } = {};

  const server = createServer((req, res) => {
    // Never trust these from the client: the entry stamps them for every layer behind it.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    req.headers[REQUEST_ID_HEADER] = randomUUID();
    if (gateway.handle(req, res)) return;
    // `/` on a host bound to a status page (STATUS_CUSTOM_HOSTS) shows that page.
    rewriteCustomHostRoot(req);
    if (answerMalformedPath(req, res)) return;
    handleNext(req, res).catch((error: unknown) => {
      log("error", "next handler failed", { error: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(env.PORT, env.HOST, () => {
    log("info", `Orrery is listening on http://localhost:${env.PORT}`, {
      mode: isDev ? "development" : "production",
    });
    if (env.RECONCILER !== "off") background.reconciler = superviseReconciler();
    // With metrics on, the fleet's latest state loads now, so the first scrape is as quick as the rest.
    if (isMetricsEnabled(metricsAccessConfig())) {
      void latestFleet().catch((error: unknown) =>
        log("warn", "fleet state warm-up failed", { error: String(error) }),
      );
    }
  });

  const stop = (signal: string) => {
    log("info", `${signal}: closing`);
    server.close(() => {
      void Promise.all([background.reconciler?.stop(), ingestWriter().close()]).finally(() =>
        process.exit(0),
      );
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
