import "server-only";
import { publicUrl } from "../env";
import type { Prisma, Tx } from "../db";
import type { AlertNotice, NoticeType, Severity } from "../notify/notice";
import { enqueueMessage } from "../outbox/enqueue";
import type { Condition } from "./evaluate";

/** What an Alert row keeps in `details`: the condition as last seen, and how often it was sent. */
export type AlertDetails = {
  severity: Severity;
  facts: Record<string, string>;
  regionId: string | null;
  satelliteId: string | null;
  path: string;
  isEvent: boolean;
  notifications: number;
};

export function detailsOf(condition: Condition, notifications: number): AlertDetails {
  return {
    severity: condition.severity,
    facts: condition.facts,
    regionId: condition.regionId,
    satelliteId: condition.satelliteId,
    path: condition.path,
    isEvent: !!condition.isEvent,
    notifications,
  };
}

export function readDetails(value: unknown): AlertDetails {
  const d = (value ?? {}) as Partial<AlertDetails>;
  return {
    severity: d.severity ?? "warning",
    facts: d.facts ?? {},
    regionId: d.regionId ?? null,
    satelliteId: d.satelliteId ?? null,
    path: d.path ?? "/alerts",
    isEvent: !!d.isEvent,
    notifications: d.notifications ?? 0,
  };
}

export type NoticeAlert = {
  id: string;
  groupKey: string;
  summary: string;
  firedAt: Date;
  resolvedAt: Date | null;
};
export type NoticeRule = { id: string; name: string; kind: string };

export function buildNotice(
  type: NoticeType,
  alert: NoticeAlert,
  rule: NoticeRule,
  details: AlertDetails,
): AlertNotice {
  return {
    type,
    alert: {
      id: alert.id,
      state: type === "alert.resolved" ? "resolved" : "firing",
      severity: details.severity,
      summary: alert.summary,
      rule,
      group: alert.groupKey,
      facts: details.facts,
      firedAt: alert.firedAt.toISOString(),
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
      url: `${publicUrl()}${details.path}`,
      notification: details.notifications,
    },
  };
}

/** One outbox message per channel, in the caller's transaction; the key makes deciding twice harmless. */
export async function enqueueNotice(
  tx: Tx,
  notice: AlertNotice,
  channelIds: readonly string[],
  step: string,
  now: Date,
): Promise<void> {
  for (const channelId of channelIds) {
    await enqueueMessage(
      tx,
      {
        topic: notice.type,
        channelId,
        payload: notice as unknown as Prisma.InputJsonValue,
        dedupeKey: `alert:${notice.alert.id}:${channelId}:${step}`,
      },
      now,
    );
  }
}
