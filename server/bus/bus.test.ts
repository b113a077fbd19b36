import { afterEach, describe, expect, it, vi } from "vitest";
import { Bus, type Transport, type TransportHandlers } from "./bus";
import { encode } from "./messages";
import { RelayTransport, type Peer } from "./relay";

/** Two relay transports joined like a parent and its child over IPC, in memory. */
function joined(): [RelayTransport, RelayTransport] {
  const a = new RelayTransport();
  const b = new RelayTransport();
  const inbox = { a: new Set<(p: string) => void>(), b: new Set<(p: string) => void>() };
  const end = (mine: Set<(p: string) => void>, theirs: Set<(p: string) => void>): Peer => ({
    send: (payload) => theirs.forEach((receive) => receive(payload)),
    listen: (receive) => (mine.add(receive), () => void mine.delete(receive)),
  });
  a.attach(end(inbox.a, inbox.b));
  b.attach(end(inbox.b, inbox.a));
  return [a, b];
}

class FakeTransport implements Transport {
  handlers: TransportHandlers | null = null;
  sent: string[] = [];
  start(handlers: TransportHandlers) {
    this.handlers = handlers;
  }
  async send(payload: string) {
    this.sent.push(payload);
  }
  async stop() {}
}

const buses: Bus[] = [];
const make = (transport: Transport, origin?: string) => {
  const bus = new Bus({ transport, origin });
  buses.push(bus);
  return bus;
};
afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.stop()));
  vi.useRealTimers();
});

describe("bus", () => {
  it("delivers to this process's listeners at once, by type only", () => {
    const bus = make(new FakeTransport());
    const status = vi.fn();
    const revoked = vi.fn();
    bus.subscribe("status.changed", status);
    bus.subscribe("agent.revoked", revoked);
    bus.publish({ type: "agent.revoked", satelliteId: "s1" });
    expect(revoked).toHaveBeenCalledWith({ type: "agent.revoked", satelliteId: "s1" });
    expect(status).not.toHaveBeenCalled();
  });

  it("sends to the other processes, which deliver once and ignore their own origin", () => {
    const [ta, tb] = joined();
    const a = make(ta, "a");
    const b = make(tb, "b");
    const onA = vi.fn();
    const onB = vi.fn();
    a.subscribe("fleet.changed", onA);
    b.subscribe("fleet.changed", onB);
    a.publish({ type: "fleet.changed", satelliteIds: ["x"] });
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).toHaveBeenCalledWith({ type: "fleet.changed", satelliteIds: ["x"] });
    // The own origin arriving back (as LISTEN delivers it) is not delivered a second time.
    a.receive(encode({ type: "fleet.changed" }, "a"));
    expect(onA).toHaveBeenCalledTimes(1);
  });

  it("keeps delivering when a listener throws, and stops after unsubscribe", () => {
    const bus = make(new FakeTransport());
    const after = vi.fn();
    bus.subscribe("status.changed", () => {
      throw new Error("boom");
    });
    const off = bus.subscribe("status.changed", after);
    bus.publish({ type: "status.changed" });
    expect(after).toHaveBeenCalledTimes(1);
    off();
    bus.publish({ type: "status.changed" });
    expect(after).toHaveBeenCalledTimes(1);
  });

  it("resyncs on every connection, and on the timer saying whether the connection had been down", async () => {
    vi.useFakeTimers();
    const transport = new FakeTransport();
    const bus = make(transport);
    const resync = vi.fn();
    bus.onResync(resync);
    transport.handlers!.up();
    expect(resync).toHaveBeenLastCalledWith({ reason: "connected", missed: true });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(resync).toHaveBeenLastCalledWith({ reason: "timer", missed: false });
    transport.handlers!.down(new Error("cut"));
    transport.handlers!.up();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(resync).toHaveBeenLastCalledWith({ reason: "timer", missed: false });
    transport.handlers!.down(new Error("cut"));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(resync).toHaveBeenLastCalledWith({ reason: "timer", missed: true });
    expect(resync).toHaveBeenCalledTimes(5);
  });

  it("delivers locally even when sending to others fails", () => {
    const transport = new FakeTransport();
    transport.send = () => Promise.reject(new Error("no database"));
    const bus = make(transport);
    const listener = vi.fn();
    bus.subscribe("status.config", listener);
    bus.publish({ type: "status.config", pageId: "p" });
    expect(listener).toHaveBeenCalledWith({ type: "status.config", pageId: "p" });
  });
});
