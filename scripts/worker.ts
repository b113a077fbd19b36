// npm run worker: the reconciler alone, for deployments that run it apart from the console.
import { Reconciler } from "../server/reconciler";

const reconciler = new Reconciler();
reconciler.start();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void reconciler.stop().then(() => process.exit(0));
  });
}
