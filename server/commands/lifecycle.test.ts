import { describe, expect, it } from "vitest";
import {
  COMMAND_LEASE_MS,
  COMMAND_STATES,
  EXPIRED_MESSAGE,
  FINAL_STATES,
  type CommandEvent,
  type CommandState,
  type LifecycleCommand,
  MAX_DELIVERIES,
  nextState,
  UNDELIVERABLE_MESSAGE,
} from "./lifecycle";

const now = new Date("2026-03-01T12:00:00.000Z");
const later = (ms: number) => new Date(now.getTime() + ms);

/** A command in `state` as the database would hold it: delivered ones hold a live lease, none is overdue. */
function command(state: CommandState, over: Partial<LifecycleCommand> = {}): LifecycleCommand {
  const wasDelivered = state !== "queued";
  return {
    state,
    deliveries: wasDelivered ? 1 : 0,
    leaseUntil: state === "delivered" ? later(30_000) : null,
    expiresAt: later(3_600_000),
    message: "earlier note",
    ...over,
  };
}

const EVENTS: Record<string, CommandEvent> = {
  leased: { type: "leased" },
  "acked running": { type: "acked", status: "running", message: "started" },
  "acked ok": { type: "acked", status: "succeeded", message: "done", result: { took: 3 } },
  "acked failed": { type: "acked", status: "failed", message: "disk full" },
  "lease expired": { type: "lease-expired" },
  cancelled: { type: "cancelled", message: "cancelled by op@orrery.local" },
  "satellite withdrawn": { type: "satellite-withdrawn", message: "satellite decommissioned" },
  "deadline passed": { type: "deadline-passed" },
};

// What each event does to a command in each state, with a live lease and the deadline ahead.
// "queued" here was never delivered; later cases cover the other variants.
const TABLE: Record<CommandState, Record<keyof typeof EVENTS, CommandState | "unchanged" | "refused">> = {
  queued: {
    leased: "delivered",
    "acked running": "running",
    "acked ok": "succeeded",
    "acked failed": "failed",
    "lease expired": "refused",
    cancelled: "cancelled",
    "satellite withdrawn": "cancelled",
    "deadline passed": "refused",
  },
  delivered: {
    leased: "refused",
    "acked running": "running",
    "acked ok": "succeeded",
    "acked failed": "failed",
    "lease expired": "refused",
    cancelled: "refused",
    "satellite withdrawn": "cancelled",
    "deadline passed": "refused",
  },
  running: {
    leased: "refused",
    "acked running": "unchanged",
    "acked ok": "succeeded",
    "acked failed": "failed",
    "lease expired": "refused",
    cancelled: "refused",
    "satellite withdrawn": "cancelled",
    "deadline passed": "refused",
  },
  succeeded: {
    leased: "refused",
    "acked running": "unchanged",
    "acked ok": "unchanged",
    "acked failed": "refused",
    "lease expired": "refused",
    cancelled: "refused",
    "satellite withdrawn": "refused",
    "deadline passed": "refused",
  },
  failed: {
    leased: "refused",
    "acked running": "unchanged",
    "acked ok": "refused",
    "acked failed": "unchanged",
    "lease expired": "refused",
    cancelled: "refused",
    "satellite withdrawn": "refused",
    "deadline passed": "refused",
  },
  expired: {
    leased: "refused",
    "acked running": "refused",
    "acked ok": "refused",
    "acked failed": "refused",
    "lease expired": "refused",
    cancelled: "refused",
    "satellite withdrawn": "refused",
    "deadline passed": "refused",
  },
  cancelled: {
    leased: "refused",
    "acked running": "refused",
    "acked ok": "refused",
    "acked failed": "refused",
    "lease expired": "refused",
    cancelled: "refused",
    "satellite withdrawn": "refused",
    "deadline passed": "refused",
  },
};

describe("nextState: every state × every event", () => {
  for (const state of COMMAND_STATES) {
    for (const [name, event] of Object.entries(EVENTS)) {
      const expected = TABLE[state][name];
      it(`${state} + ${name} → ${expected}`, () => {
        const t = nextState(command(state), event, now);
        if (expected === "refused" || expected === "unchanged") expect(t.kind).toBe(expected);
        else expect(t).toMatchObject({ kind: "moved", changes: { state: expected } });
        if (t.kind === "refused") expect(t.reason).toMatch(/\w/);
      });
    }
  }

  it("a final state is never left", () => {
    for (const state of FINAL_STATES) {
      for (const event of Object.values(EVENTS)) {
        expect(nextState(command(state), event, now).kind).not.toBe("moved");
      }
    }
  });
});

describe("leased", () => {
  it("leases for 60 s, counts the delivery and stamps it", () => {
    expect(nextState(command("queued", { deliveries: 3 }), EVENTS.leased, now)).toEqual({
      kind: "moved",
      changes: { state: "delivered", deliveries: 4, leaseUntil: later(COMMAND_LEASE_MS), deliveredAt: now },
    });
  });

  it("takes back a delivered command whose lease ran out before the reconciler requeued it", () => {
    const lapsed = command("delivered", { deliveries: 2, leaseUntil: now });
    expect(nextState(lapsed, EVENTS.leased, now)).toMatchObject({
      kind: "moved",
      changes: { deliveries: 3 },
    });
  });

  it("refuses a command past its deadline or out of deliveries", () => {
    expect(nextState(command("queued", { expiresAt: now }), EVENTS.leased, now)).toEqual({
      kind: "refused",
      reason: "its deadline has passed",
    });
    expect(nextState(command("queued", { deliveries: MAX_DELIVERIES }), EVENTS.leased, now)).toEqual({
      kind: "refused",
      reason: `it was already delivered ${MAX_DELIVERIES} times`,
    });
  });

  it("names the live lease when refusing a held command", () => {
    expect(nextState(command("delivered"), EVENTS.leased, now)).toEqual({
      kind: "refused",
      reason: `the agent holds its lease until ${later(30_000).toISOString()}`,
    });
  });
});

describe("acked", () => {
  it("a final ack finishes the command, drops its lease and keeps the agent's message and result", () => {
    expect(nextState(command("delivered"), EVENTS["acked ok"], now)).toEqual({
      kind: "moved",
      changes: {
        state: "succeeded",
        finishedAt: now,
        leaseUntil: null,
        message: "done",
        result: { took: 3 },
      },
    });
    expect(nextState(command("running"), { type: "acked", status: "failed" }, now)).toMatchObject({
      changes: { state: "failed", message: null },
    });
  });

  it("running keeps the earlier message unless the agent sends one", () => {
    expect(nextState(command("delivered"), { type: "acked", status: "running" }, now)).toEqual({
      kind: "moved",
      changes: { state: "running", message: "earlier note" },
    });
    expect(nextState(command("delivered"), EVENTS["acked running"], now)).toMatchObject({
      changes: { message: "started" },
    });
  });

  it("refuses a different outcome for a finished command, naming both", () => {
    expect(nextState(command("succeeded"), EVENTS["acked failed"], now)).toEqual({
      kind: "refused",
      reason: "is already succeeded; it cannot become failed",
    });
    expect(nextState(command("expired"), EVENTS["acked running"], now)).toEqual({
      kind: "refused",
      reason: "is already expired; it cannot become running",
    });
  });

  it("ignores the deadline: an agent's outcome is recorded while the command is open", () => {
    const overdue = command("running", { expiresAt: now });
    expect(nextState(overdue, EVENTS["acked ok"], now).kind).toBe("moved");
  });
});

describe("lease expired", () => {
  it("puts a lapsed delivery back in the queue", () => {
    const lapsed = command("delivered", { deliveries: MAX_DELIVERIES - 1, leaseUntil: now });
    expect(nextState(lapsed, EVENTS["lease expired"], now)).toEqual({
      kind: "moved",
      changes: { state: "queued", leaseUntil: null },
    });
  });

  it("fails the command as undeliverable after the last delivery", () => {
    const lapsed = command("delivered", { deliveries: MAX_DELIVERIES, leaseUntil: later(-1) });
    expect(nextState(lapsed, EVENTS["lease expired"], now)).toEqual({
      kind: "moved",
      changes: { state: "failed", finishedAt: now, leaseUntil: null, message: UNDELIVERABLE_MESSAGE },
    });
  });

  it("refuses while the lease holds, or when nothing is leased", () => {
    expect(nextState(command("delivered"), EVENTS["lease expired"], now).kind).toBe("refused");
    expect(nextState(command("delivered", { leaseUntil: null }), EVENTS["lease expired"], now).kind).toBe(
      "refused",
    );
    expect(nextState(command("queued"), EVENTS["lease expired"], now)).toEqual({
      kind: "refused",
      reason: "it is waiting in the queue, not leased",
    });
  });
});

describe("cancelled", () => {
  it("withdraws a never-delivered command with the canceller's message", () => {
    expect(nextState(command("queued"), EVENTS.cancelled, now)).toEqual({
      kind: "moved",
      changes: {
        state: "cancelled",
        finishedAt: now,
        leaseUntil: null,
        message: "cancelled by op@orrery.local",
      },
    });
  });

  it("refuses a command an agent has received, even if it is queued again", () => {
    const reasons = [
      command("queued", { deliveries: 1 }),
      command("queued", { deliveries: 3 }),
      command("delivered"),
      command("running"),
      command("succeeded"),
      command("cancelled"),
    ].map((c) => {
      const t = nextState(c, EVENTS.cancelled, now);
      return t.kind === "refused" ? t.reason : t.kind;
    });
    expect(reasons).toEqual([
      "it was already delivered once and the agent may be running it; it will finish, fail or expire",
      "it was already delivered 3 times and the agent may be running it; it will finish, fail or expire",
      "the agent has received it and may be running it; it will finish, fail or expire",
      "the agent is running it",
      "it has already succeeded",
      "it was already cancelled",
    ]);
  });
});

describe("deadline passed", () => {
  it("expires a queued command, delivered or not, once expiresAt is reached", () => {
    for (const deliveries of [0, 4]) {
      expect(
        nextState(command("queued", { deliveries, expiresAt: now }), EVENTS["deadline passed"], now),
      ).toEqual({
        kind: "moved",
        changes: { state: "expired", finishedAt: now, leaseUntil: null, message: EXPIRED_MESSAGE },
      });
    }
  });

  it("expires a delivered command only once its lease lapsed, before it could be requeued or failed", () => {
    const held = command("delivered", { expiresAt: later(-1) });
    expect(nextState(held, EVENTS["deadline passed"], now).kind).toBe("refused");
    const lapsed = command("delivered", {
      expiresAt: later(-1),
      leaseUntil: now,
      deliveries: MAX_DELIVERIES,
    });
    expect(nextState(lapsed, EVENTS["deadline passed"], now)).toMatchObject({
      changes: { state: "expired" },
    });
  });

  it("never expires a command the agent is running or one already finished", () => {
    for (const state of ["running", ...FINAL_STATES] as const) {
      expect(nextState(command(state, { expiresAt: later(-1) }), EVENTS["deadline passed"], now).kind).toBe(
        "refused",
      );
    }
  });
});
