// The command lifecycle: every state a command can be in and every move between them, as one pure function
// of (command, event, now). Enqueue, delivery, acks, cancels and the reconciler ask it; their SQL only
// repeats its conditions as guards against concurrent writers.

export const COMMAND_STATES = [
  "queued",
  "delivered",
  "running",
  "succeeded",
  "failed",
  "expired",
  "cancelled",
] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

/** Every command starts here, waiting for its satellite's next heartbeat. */
export const NEW_COMMAND_STATE: CommandState = "queued";

/** States a command never leaves. */
export const FINAL_STATES = [
  "succeeded",
  "failed",
  "expired",
  "cancelled",
] as const satisfies readonly CommandState[];
export type FinalState = (typeof FINAL_STATES)[number];

export function isFinalState(state: string): state is FinalState {
  return (FINAL_STATES as readonly string[]).includes(state);
}

/** Commands are leased for 60 s per delivery and given up after 10 deliveries. */
export const COMMAND_LEASE_MS = 60_000;
export const MAX_DELIVERIES = 10;
export const leaseUntilFrom = (now: Date) => new Date(now.getTime() + COMMAND_LEASE_MS);

export const EXPIRED_MESSAGE = "expired before the agent confirmed it";
export const UNDELIVERABLE_MESSAGE = `undeliverable: no ack after ${MAX_DELIVERIES} deliveries`;

export type LifecycleCommand = {
  state: CommandState;
  deliveries: number;
  leaseUntil: Date | null;
  expiresAt: Date;
  message: string | null;
  /** Held for the satellite's deployment window: not delivered before this. */
  notBefore?: Date | null;
};

export type CommandEvent =
  /** A heartbeat answer carries the command to its agent. */
  | { type: "leased" }
  | { type: "acked"; status: "running" | "succeeded" | "failed"; message?: string; result?: object }
  /** The reconciler found the delivery lease over without an ack. */
  | { type: "lease-expired" }
  /** An operator, a rollout or a withdrawn certification withdraws it; `message` says who or why. */
  | { type: "cancelled"; message: string }
  /** The satellite was decommissioned: its agent is refused from now on, so nothing open can still finish. */
  | { type: "satellite-withdrawn"; message: string }
  | { type: "deadline-passed" };

/** The columns a transition writes; absent ones keep their value. */
export type CommandChanges = {
  state: CommandState;
  deliveries?: number;
  leaseUntil?: Date | null;
  deliveredAt?: Date;
  finishedAt?: Date;
  message?: string | null;
  result?: object;
};

export type Transition =
  | { kind: "moved"; changes: CommandChanges }
  /** A repeated or late ack: harmless, nothing to write. */
  | { kind: "unchanged" }
  /** `reason` names the rule, worded to follow the command's name or "cannot be cancelled:". */
  | { kind: "refused"; reason: string };

const refused = (reason: string): Transition => ({ kind: "refused", reason });
const moved = (changes: CommandChanges): Transition => ({ kind: "moved", changes });
const isLapsed = (c: LifecycleCommand, now: Date) =>
  c.state === "delivered" && c.leaseUntil !== null && c.leaseUntil.getTime() <= now.getTime();
const finish = (state: FinalState, now: Date, message: string | null): CommandChanges => ({
  state,
  finishedAt: now,
  leaseUntil: null,
  message,
});

/** What `event` does to `command` at `now`: the columns to write, nothing at all, or a refusal. */
export function nextState(command: LifecycleCommand, event: CommandEvent, now: Date): Transition {
  switch (event.type) {
    case "leased":
      return lease(command, now);
    case "acked":
      return ack(command, event, now);
    case "lease-expired":
      if (!isLapsed(command, now)) return refused(leaseHeld(command));
      return command.deliveries >= MAX_DELIVERIES
        ? moved(finish("failed", now, UNDELIVERABLE_MESSAGE))
        : moved({ state: "queued", leaseUntil: null });
    case "cancelled": {
      const reason = cancelRefusal(command);
      return reason ? refused(reason) : moved(finish("cancelled", now, event.message));
    }
    case "satellite-withdrawn":
      return isFinalState(command.state)
        ? refused(notWaiting(command.state))
        : moved(finish("cancelled", now, event.message));
    case "deadline-passed":
      if (command.expiresAt.getTime() > now.getTime()) return refused("its deadline has not passed");
      if (command.state === "queued" || isLapsed(command, now)) {
        return moved(finish("expired", now, EXPIRED_MESSAGE));
      }
      return refused(
        command.state === "delivered"
          ? "the agent holds its lease; it expires once the lease runs out"
          : notWaiting(command.state),
      );
  }
}

function lease(command: LifecycleCommand, now: Date): Transition {
  if (command.state !== "queued" && !isLapsed(command, now)) return refused(leaseHeld(command));
  if (command.expiresAt.getTime() <= now.getTime()) return refused("its deadline has passed");
  if (command.notBefore && command.notBefore.getTime() > now.getTime()) {
    return refused(
      `it waits for the satellite's deployment window, which opens ${command.notBefore.toISOString()}`,
    );
  }
  if (command.deliveries >= MAX_DELIVERIES) {
    return refused(`it was already delivered ${MAX_DELIVERIES} times`);
  }
  return moved({
    state: "delivered",
    deliveries: command.deliveries + 1,
    leaseUntil: leaseUntilFrom(now),
    deliveredAt: now,
  });
}

function ack(
  command: LifecycleCommand,
  event: Extract<CommandEvent, { type: "acked" }>,
  now: Date,
): Transition {
  const { state } = command;
  // An agent may repeat an ack, or report "running" after its final ack overtook it on the wire.
  const isEcho =
    state === event.status || (event.status === "running" && (state === "succeeded" || state === "failed"));
  if (isEcho) return { kind: "unchanged" };
  if (isFinalState(state)) return refused(`is already ${state}; it cannot become ${event.status}`);
  if (event.status === "running")
    return moved({ state: "running", message: event.message ?? command.message });
  return moved({ ...finish(event.status, now, event.message ?? null), result: event.result });
}

/**
 * Why a command in this state can no longer be cancelled, or null when it can. Only a command no agent has
 * received yet is safe to withdraw: once delivered, the agent may already be acting on it, and cancelling
 * it here would only hide the outcome it reports.
 */
export function cancelRefusal(command: { state: string; deliveries: number }): string | null {
  switch (command.state) {
    case "queued":
      return command.deliveries === 0
        ? null
        : `it was already delivered ${command.deliveries === 1 ? "once" : `${command.deliveries} times`} and the agent may be running it; it will finish, fail or expire`;
    case "delivered":
      return "the agent has received it and may be running it; it will finish, fail or expire";
    case "running":
      return "the agent is running it";
    case "cancelled":
      return "it was already cancelled";
    default:
      return `it has already ${command.state}`;
  }
}

function leaseHeld(command: LifecycleCommand): string {
  if (command.state !== "delivered") return notWaiting(command.state);
  return `the agent holds its lease until ${command.leaseUntil?.toISOString() ?? "it acknowledges it"}`;
}

function notWaiting(state: CommandState): string {
  if (state === "queued") return "it is waiting in the queue, not leased";
  if (state === "running") return "the agent is running it";
  return state === "cancelled" ? "it was already cancelled" : `it has already ${state}`;
}
