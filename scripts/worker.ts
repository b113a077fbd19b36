// npm run worker: the reconciler alone. The server entry also starts it this way, as a child process.
import type { Reconciler } from "../server/reconciler";
import { refuseUnsafeStart } from "../server/startup-guard";

let reconciler: Reconciler | null = null;
let stopping: Promise<void> | null = null;
// The tick in progress ends and the lease is released, so another replica takes over at once rather than
// after its TTL; an outbox pass under way gets a few seconds to finish the sends it started.
const stop = () => {
  stopping ??= (async () => {
    await reconciler?.stop();
    const { currentDeliveryPass } = await import("../server/outbox/background");
    await Promise.race([currentDeliveryPass(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await (await import("../server/bus")).stopBus().catch(() => undefined);
    process.exit(0);
  })();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
// Started by the server entry: go when the parent goes.
process.on("disconnect", stop);

// Checked before the reconciler loads; under the server entry, the entry has already said it is a demo.
await refuseUnsafeStart({ announceDemo: !process.send });
const { Reconciler: ReconcilerClass } = await import("../server/reconciler");
// Under the server entry on SQLite, cache invalidations go both ways over the IPC channel (server/bus).
(await import("../server/bus")).relayBusToParent();
reconciler = new ReconcilerClass();
reconciler.start();
