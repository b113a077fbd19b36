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
    { postureLog },
    { beginDraining, isDraining, warming },
    { refuseDeliveryInThisProcess },
    { startBus, stopBus },
  ] = await Promise.all([
    import("next"),
    import("./gateway"),
    import("./ingest"),
    import("./reconciler/supervise"),
    import("./status/v2/hosts"),
    import("./fleet-state"),
    import("./policies/read-store"),
    import("./gateway/readiness"),
    import("./outbox/background"),
    import("./bus"),
  ]);
  // The outbox is delivered by the reconciler's lease holder only, never by the web process.
  refuseDeliveryInThisProcess();
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
  const nextWarm = warming("next");
  await app.prepare();
  nextWarm();
  // Cache invalidations from other replicas (server/bus) are heard from before the first request.
  startBus();
  const gateway = createGateway();
  const background: { reconciler?: { stop: () => Promise<void> } } = {};

  const server = createServer((req, res) => {
    // Never trust these from the client: the entry stamps them for every layer behind it.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    req.headers[REQUEST_ID_HEADER] = randomUUID();
    // While draining, every answer ends its connection, so a keep-alive client (the balancer) reconnects elsewhere.
    if (isDraining()) res.setHeader("Connection", "close");
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
    // The fleet's latest state (the Overview, the map, filter options, metrics) and the compliance posture
    // load now, before /readyz says ready, so no first visitor pays for reading a large fleet.
    const warmUp = (name: string, load: () => Promise<unknown>) => {
      const done = warming(name);
      void load()
        .catch((error: unknown) => log("warn", `${name} warm-up failed`, { error: String(error) }))
        .finally(done);
    };
    warmUp("fleet state", latestFleet);
    warmUp("compliance posture", postureLog);
  });

  const drainMs = env.SHUTDOWN_DRAIN_MS ?? (isDev ? 0 : 5_000);
  const graceMs = env.SHUTDOWN_GRACE_MS;
  let isStopping = false;
  /**
   * Readiness flips to 503 first and requests are still served for the drain delay, so the balancer stops
   * sending; then the server stops accepting, in-flight requests get up to the grace period, and the ingest
   * writer, the reconciler child (which releases its lease) and the bus are stopped before exit 0.
   */
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    beginDraining();
    log("info", `${signal}: draining`, { drainMs, graceMs });
    // Whatever happens below, the process goes: a stuck step must not keep a replica half alive.
    setTimeout(() => process.exit(0), drainMs + graceMs + 10_000).unref();
    await sleep(drainMs);
    let isClosed = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve())).then(() => {
      isClosed = true;
    });
    server.closeIdleConnections();
    const forced = sleep(graceMs).then(() => {
      if (isClosed) return;
      log("warn", "in-flight requests outlived the grace period; closing their connections");
      server.closeAllConnections();
    });
    await Promise.race([closed, forced]);
    const steps: [string, Promise<unknown> | undefined][] = [
      ["ingest writer", ingestWriter().close()],
      ["reconciler", background.reconciler?.stop()],
      ["bus", stopBus()],
    ];
    await Promise.all(
      steps.map(([name, done]) =>
        Promise.resolve(done).catch((error: unknown) =>
          log("warn", `${name} did not stop cleanly`, { error: String(error) }),
        ),
      ),
    );
    log("info", `${signal}: stopped`);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
