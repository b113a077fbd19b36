// npm run worker: the reconciler alone. The server entry also starts it this way, as a child process.
import type { Reconciler } from "../server/reconciler";
import { refuseUnsafeStart } from "../server/startup-guard";

let reconciler: Reconciler | null = null;
const stop = () => void (reconciler?.stop() ?? Promise.resolve()).then(() => process.exit(0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
// Started by the server entry: go when the parent goes.
process.on("disconnect", stop);

// Checked before the reconciler loads; under the server entry, the entry has already said it is a demo.
await refuseUnsafeStart({ announceDemo: !process.send });
const { Reconciler: ReconcilerClass } = await import("../server/reconciler");
reconciler = new ReconcilerClass();
reconciler.start();
