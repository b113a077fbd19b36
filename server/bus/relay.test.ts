import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Bus } from "./bus";
import { ipcPeer, RelayTransport } from "./relay";

// The SQLite path across a real process boundary: the server entry and its reconciler child over IPC.

let child: ChildProcess | null = null;
afterAll(() => void child?.kill());

async function within(ms: number, check: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("bus relay over IPC", () => {
  it("carries a message to a child process and its answer back, ignoring other IPC messages", async () => {
    child = fork(fileURLToPath(new URL("./ipc-child.fixture.ts", import.meta.url)), {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ready = new Promise((resolve) => child!.once("message", resolve));
    const transport = new RelayTransport();
    const parent = new Bus({ transport, origin: "parent" });
    const detach = transport.attach(ipcPeer(child));
    const heard: unknown[] = [];
    parent.subscribe("fleet.changed", (m) => heard.push(m));
    expect(await ready).toEqual({ type: "ready" }); // not a bus message: the relay ignored it

    parent.publish({ type: "status.changed" });
    await within(5_000, () => heard.length === 1);
    expect(heard).toEqual([{ type: "fleet.changed", satelliteIds: ["child"] }]);
    detach();
    await parent.stop();
  });
});
