import "server-only";
import { db, transaction } from "../db";
import { log } from "../log";
import { nextAttempt } from "./backoff";
import { dispatch, type ChannelRow, type OutboxRow, type SendContext, type SendOutcome } from "./dispatch";
import { mailConfig } from "./mail";
import { egressPolicy } from "./policy";
import { recordAttempt } from "./record-attempt";
import type { SubscriberRow } from "./subscriber-send";

/** Longer than one send may take (10 s), so a lease never lapses while its message is on its way. */
export const LEASE_MS = 60_000;

export type DeliverOptions = {
  now?: Date;
  /** Messages taken per pass; the rest wait for the next. */
  limit?: number;
  concurrency?: number;
  /** Stop taking new messages after this long (wall clock), so a pass of slow receivers stays short. */
  budgetMs?: number;
  random?: () => number;
} & Partial<Omit<SendContext, "now">>;

export type DeliverReport = { taken: number; delivered: number; retried: number; failed: number };

const due = (now: Date) => ({
  deliveredAt: null,
  failedAt: null,
  nextAttemptAt: { lte: now },
  OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }],
});

/**
 * Takes one message for this worker: a conditional update that only one of several workers (replicas, or
 * a console process sending a test) can win, because the row no longer matches once leased.
 */
export async function leaseMessage(id: string, now: Date): Promise<Date | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const won = await db.outboxMessage.updateMany({ where: { id, ...due(now) }, data: { leaseUntil } });
  return won.count === 1 ? leaseUntil : null;
}

/** Sends what is due, oldest first, each message at most once at a time across every worker. */
export async function deliverDue(options: DeliverOptions = {}): Promise<DeliverReport> {
  const now = options.now ?? new Date();
  const candidates = await db.outboxMessage.findMany({
    where: due(now),
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 100,
    select: { id: true },
  });
  const report: DeliverReport = { taken: 0, delivered: 0, retried: 0, failed: 0 };
  const started = performance.now();
  const budget = options.budgetMs ?? 20_000;
  const queue = candidates.map((c) => c.id);
  const work = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      if (performance.now() - started > budget) return;
      const outcome = await deliverOne(id, { ...options, now });
      if (outcome === "skipped") continue;
      report.taken++;
      report[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, work));
  if (report.taken) log("info", "outbox delivered", report);
  return report;
}

export type OneOutcome = "delivered" | "retried" | "failed" | "skipped";

/** Leases, sends and records one message; "skipped" when another worker has it or it is not due. */
export async function deliverOne(id: string, options: DeliverOptions = {}): Promise<OneOutcome> {
  const now = options.now ?? new Date();
  const leaseUntil = await leaseMessage(id, now);
  if (!leaseUntil) return "skipped";
  const message = await db.outboxMessage.findUnique({
    where: { id },
    select: {
      id: true,
      topic: true,
      channelId: true,
      subscriberId: true,
      destination: true,
      payload: true,
      attempts: true,
      createdAt: true,
      channel: { select: { id: true, name: true, kind: true, config: true, secret: true, enabled: true } },
      subscriber: {
        select: {
          id: true,
          kind: true,
          email: true,
          webhookUrl: true,
          webhookSecret: true,
          confirmedAt: true,
          unsubscribedAt: true,
        },
      },
    },
  });
  if (!message) return "skipped";
  const ctx: SendContext = {
    egress: options.egress ?? egressPolicy(),
    mail: options.mail ?? mailConfig(),
    now,
  };
  const started = performance.now();
  const outcome = await dispatch(
    message as OutboxRow,
    message.channel as ChannelRow | null,
    ctx,
    message.subscriber as SubscriberRow | null,
  );
  outcome.latencyMs ??= Math.round(performance.now() - started);
  return record(message, leaseUntil, outcome, now, options.random);
}

async function record(
  message: OutboxRow,
  leaseUntil: Date,
  outcome: SendOutcome,
  now: Date,
  random?: () => number,
): Promise<OneOutcome> {
  const attempts = message.attempts + 1;
  const retry =
    outcome.ok || outcome.permanent ? null : nextAttempt(attempts, message.createdAt, now, random);
  const result: OneOutcome = outcome.ok ? "delivered" : retry && "retryAt" in retry ? "retried" : "failed";
  const error = outcome.error ?? (outcome.ok ? null : "the receiver refused the message");
  await transaction(async (tx) => {
    // Only the lease holder records: a worker whose lease lapsed and was taken over writes nothing.
    const mine = await tx.outboxMessage.updateMany({
      where: { id: message.id, leaseUntil },
      data: {
        attempts,
        leaseUntil: null,
        lastError: outcome.ok ? null : error,
        ...(result === "delivered" ? { deliveredAt: now } : {}),
        ...(result === "failed" ? { failedAt: now } : {}),
        ...(retry && "retryAt" in retry ? { nextAttemptAt: retry.retryAt } : {}),
      },
    });
    if (mine.count === 0) return;
    await recordAttempt(tx, message, outcome, result === "failed", now);
    if (!message.channelId) return;
    await tx.notificationChannel.updateMany({
      where: { id: message.channelId },
      data: outcome.ok ? { lastSuccessAt: now } : { lastErrorAt: now, lastError: error },
    });
  });
  return result;
}
