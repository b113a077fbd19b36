// npm run worker: the reconciler alone. The server entry also starts it this way, as a child process.
import { Reconciler } from "../server/reconciler";

const reconciler = new Reconciler();
reconciler.start();
const stop = () => void reconciler.stop().then(() => process.exit(0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
// Started by the server entry: go when the parent goes.
process.on("disconnect", stop);
