import type { components } from "../api-types";
import type { Command, Group } from "../command";
import { parseDuration, parsePositiveInt, sleep } from "../command";
import { must } from "../client";
import { formatTime, printTable } from "../output";

type AuditEvent = components["schemas"]["AuditEvent"];
const SEEN_KEPT = 5000;

function line(e: AuditEvent, format: string): string {
  if (format === "json") return JSON.stringify(e);
  return `${formatTime(e.at)}  ${e.actorLabel}  ${e.action}  ${e.summary}`;
}

const tail: Command = {
  name: "tail",
  usage: "orrery audit tail [-n 20] [--action A] [--actor A] [--once]",
  summary: "Print the latest audit events, then follow new ones as they are recorded (Ctrl-C stops).",
  details: [
    "-n, --lines N       how many earlier events to print first (default 20)",
    "--action A          one action (release.create) or a prefix (release.)",
    "--actor A           an email, a token's or satellite's name, or system",
    "--once              print and exit instead of following",
    "--interval D        poll every D (default 2s)",
    "-o json             one JSON object per line (JSON Lines)",
  ],
  options: {
    lines: { type: "string", short: "n", default: "20" },
    action: { type: "string" },
    actor: { type: "string" },
    once: { type: "boolean", default: false },
    interval: { type: "string", default: "2s" },
  },
  run: async ({ values, format, api, config }) => {
    const count = Math.min(500, parsePositiveInt(String(values.lines), "lines"));
    const intervalMs = parseDuration(String(values.interval), "interval");
    const filters: Record<string, string> = {};
    if (typeof values.action === "string") filters.action = values.action;
    if (typeof values.actor === "string") filters.actor = values.actor;
    const seen = new Set<string>();
    const print = (events: AuditEvent[]) => {
      for (const e of events) {
        seen.add(e.id);
        process.stdout.write(`${line(e, format)}\n`);
      }
      // Only the newest ids matter for what a poll may repeat; older ones are forgotten.
      if (seen.size > SEEN_KEPT) for (const id of [...seen].slice(0, seen.size - SEEN_KEPT)) seen.delete(id);
    };
    const first = await must(
      api().GET("/audit", { params: { query: { ...filters, limit: count } } }),
      config(),
    );
    if (format === "table" && first.items.length === 0 && values.once) {
      printTable([], [], "No audit events yet.");
    }
    print([...first.items].reverse());
    if (values.once) return;
    let since = first.items[0]?.at ?? new Date().toISOString();
    for (;;) {
      await sleep(intervalMs);
      // Everything at or after the newest time printed, page by page; ids already printed are skipped.
      const fresh: AuditEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await must(
          api().GET("/audit", { params: { query: { ...filters, since, limit: 500, cursor } } }),
          config(),
        );
        fresh.push(...page.items.filter((e) => !seen.has(e.id)));
        cursor = page.next
          ? (new URL(page.next, "http://x").searchParams.get("cursor") ?? undefined)
          : undefined;
      } while (cursor);
      if (fresh.length === 0) continue;
      print(fresh.reverse());
      since = fresh[fresh.length - 1].at;
    }
  },
};

export const auditGroup: Group = {
  name: "audit",
  summary: "Read the audit log",
  commands: [tail],
};
