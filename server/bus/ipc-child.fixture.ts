// A stand-in for the reconciler child in server/bus/relay.test.ts: it relays over its IPC channel and answers
// every status.changed it hears with a fleet.changed naming itself.
import { Bus } from "./bus";
import { ipcPeer, RelayTransport } from "./relay";

const transport = new RelayTransport();
const bus = new Bus({ transport, origin: "child" });
transport.attach(ipcPeer(process));
bus.subscribe("status.changed", () => bus.publish({ type: "fleet.changed", satelliteIds: ["child"] }));
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready" });
