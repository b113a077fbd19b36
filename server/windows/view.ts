import "server-only";
import { describeScope, parseWindowRule, windowIntervals, type WindowScope } from "@/lib/windows";
import { formatDateTime, formatRelative } from "@/lib/format";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { specOf } from "./load";

export type WindowView = {
  id: string;
  name: string;
  kind: "allow" | "freeze";
  rrule: string;
  durationMin: number;
  timeZone: string | null;
  scope: WindowScope;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** The recurrence in words: "every week on Saturday at 22:00 for 4 h, Europe/Berlin". */
  summary: string;
  /** Its scope in words. */
  scopeText: string;
  /** The next (or current) occurrence in words, for the list. */
  next: string;
  /** ISO start of the next or current occurrence, when there is one within a year. */
  nextStart: string | null;
};

type Row = Parameters<typeof specOf>[0] & { createdAt: Date; updatedAt: Date };

const pad = (n: number) => String(n).padStart(2, "0");

export function durationWords(min: number): string {
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  return [d && `${d} d`, h && `${h} h`, m && `${m} min`].filter(Boolean).join(" ") || "0 min";
}

function summaryOf(row: Row): string {
  const parsed = parseWindowRule(row.rrule);
  if ("error" in parsed) return "a rule that cannot be read";
  const start = parsed.rule.options.dtstart;
  const at = `${pad(start.getUTCHours())}:${pad(start.getUTCMinutes())}`;
  const zone = row.timeZone ?? "each satellite's local time";
  return `${parsed.rule.toText()} at ${at} for ${durationWords(row.durationMin)}, ${zone}`;
}

/**
 * The next occurrence, read in the window's zone (UTC stands in for "each satellite's own": the wall time is
 * the same everywhere, only the instant differs).
 */
function nextOf(row: Row, now: Date): { next: string; nextStart: string | null } {
  const spec = specOf(row);
  const from = now.getTime();
  const [first] = windowIntervals(spec, row.timeZone ?? "UTC", from, from + 400 * 86_400_000);
  if (!first) return { next: "does not recur within a year", nextStart: null };
  const local = row.timeZone ? "" : " (UTC; each satellite at its own local time)";
  const when = formatDateTime(new Date(first.start));
  const verb = row.kind === "freeze" ? "freezes" : "opens";
  const nextStart = new Date(first.start).toISOString();
  if (first.start <= from) {
    const state = row.kind === "freeze" ? "frozen now" : "open now";
    return { next: `${state}, until ${formatDateTime(new Date(first.end))}${local}`, nextStart };
  }
  return { next: `${verb} ${formatRelative(new Date(first.start), now)}, ${when}${local}`, nextStart };
}

export function toWindowView(row: Row, now: Date): WindowView {
  const spec = specOf(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    rrule: row.rrule,
    durationMin: row.durationMin,
    timeZone: row.timeZone,
    scope: spec.scope,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    summary: summaryOf(row),
    scopeText: describeScope(spec.scope),
    ...nextOf(row, now),
  };
}

/** Every window, newest first; anyone who may read rollouts may see when changes are allowed. */
export async function listWindows(ctx: Ctx, now = new Date()): Promise<WindowView[]> {
  authorize(ctx, "rollouts.read");
  const rows = await db.deploymentWindow.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map((r) => toWindowView(r, now));
}

export async function getWindow(ctx: Ctx, id: string, now = new Date()): Promise<WindowView | null> {
  authorize(ctx, "rollouts.read");
  const row = await db.deploymentWindow.findUnique({ where: { id } });
  return row ? toWindowView(row, now) : null;
}
