import { randomUUID } from "node:crypto";
import type { components } from "../api-types";
import type { Command, Group, RunContext } from "../command";
import { listOf, parseDuration, parsePositiveInt, sleep } from "../command";
import { must } from "../client";
import { CliError, EXIT, usageError } from "../exit";
import { formatTime, printFields, printJson, printTable } from "../output";

type CommandView = components["schemas"]["Command"];

/** Short names for the command types people type most; the full names work too. */
export const COMMAND_ALIASES: Record<string, string> = {
  drain: "satellite.cordon",
  cordon: "satellite.cordon",
  uncordon: "satellite.uncordon",
  maintenance: "satellite.maintenance",
  upgrade: "stack.upgrade",
  rollback: "stack.rollback",
  restart: "service.restart",
  diagnostics: "diagnostics.run",
  "rotate-credentials": "agent.rotate-credentials",
};
const FINAL = new Set(["succeeded", "failed", "expired", "cancelled"]);

/**
 * `region=eu-gdpr,uk-gdpr,kind=edge` → { region: "eu-gdpr,uk-gdpr", kind: "edge" }. A piece that does not
 * start with a known key joins the key before it, so `label=tier=gold,env=prod` keeps both labels.
 */
export function parseSelector(items: string[]): Record<string, string> {
  const filter: Record<string, string[]> = {};
  let last: string | null = null;
  for (const piece of items
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = piece.indexOf("=");
    const key = eq > 0 ? piece.slice(0, eq) : "";
    if (SELECTOR_KEYS.has(key)) {
      (filter[key] ??= []).push(piece.slice(eq + 1));
      last = key;
    } else if (last !== null) {
      filter[last].push(piece);
    } else {
      throw usageError(`--selector takes ${[...SELECTOR_KEYS].join(", ")} as key=value; not ${piece}`);
    }
  }
  return Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v.join(",")]));
}
const SELECTOR_KEYS = new Set([
  "q",
  "region",
  "kind",
  "provider",
  "connectivity",
  "health",
  "lifecycle",
  "label",
]);

function payloadOf(raw: unknown): Record<string, unknown> {
  if (raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(String(raw));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  throw usageError(`--payload takes a JSON object, such as '{"version":"2026.12.0"}'`);
}

const issue: Command = {
  name: "issue",
  usage:
    "orrery cmd issue <type> (--selector k=v[,k=v] | --satellite ID…) [--payload JSON] [--reason TEXT] [--yes] [--wait]",
  summary: "Send a command to one satellite or to every satellite a selector picks.",
  details: [
    "<type>              a command type (stack.upgrade, satellite.cordon, …) or a short name:",
    `                    ${Object.keys(COMMAND_ALIASES).join(", ")} (drain = satellite.cordon)`,
    "--selector k=v      the Satellites list's filters: region, kind, provider, connectivity, health,",
    "                    lifecycle, label, q; e.g. region=eu-gdpr,kind=edge",
    "--satellite ID      a satellite's id (repeat for several)",
    '--payload JSON      the command\'s payload, e.g. \'{"version":"2026.12.0"}\'',
    "--reason TEXT       why, for the audit log",
    "--yes               send to more than one satellite; without it the CLI only says how many it would reach",
    "--wait              then wait for every command to finish (exit 1 if any did not succeed)",
    "--timeout D         with --wait: give up after D (default 10m)",
  ],
  options: {
    selector: { type: "string", multiple: true },
    satellite: { type: "string", multiple: true },
    payload: { type: "string" },
    reason: { type: "string" },
    yes: { type: "boolean", short: "y", default: false },
    wait: { type: "boolean", default: false },
    timeout: { type: "string", default: "10m" },
    interval: { type: "string", default: "2s" },
  },
  positionals: [1, 1],
  run: async (ctx) => {
    const { values, positionals, format, api, config, note } = ctx;
    const type = COMMAND_ALIASES[positionals[0]] ?? positionals[0];
    const satelliteIds = listOf(values.satellite);
    const selector = listOf(values.selector);
    if (satelliteIds.length === 0 && selector.length === 0)
      throw usageError("Name the satellites: --selector k=v or --satellite ID.");
    if (satelliteIds.length > 0 && selector.length > 0)
      throw usageError("Give --selector or --satellite, not both.");
    const target = satelliteIds.length ? { satelliteIds } : { filter: parseSelector(selector) };
    const body = {
      type,
      payload: payloadOf(values.payload),
      target,
      ...(typeof values.reason === "string" ? { reason: values.reason } : {}),
    };
    const isBulk = satelliteIds.length !== 1;
    let expectedCount: number | undefined;
    if (isBulk) {
      const preview = await must(api().POST("/commands/preview", { body }), config());
      if (!values.yes) {
        note(
          `Would send ${preview.summary}${preview.sample.length ? ` (${preview.sample.join(", ")}${preview.total > preview.sample.length ? ", …" : ""})` : ""}.`,
        );
        note(
          `Nothing was sent. Run again with --yes to send it to ${preview.total === 1 ? "this satellite" : `these ${preview.total} satellites`}.`,
        );
        if (format === "json") printJson({ sent: false, preview });
        return EXIT.failure;
      }
      // Sent only if the selection still holds the count just shown: a fleet that changed meanwhile is a 409.
      expectedCount = preview.total;
    }
    const issued = await must(
      api().POST("/commands", {
        body: { ...body, ...(expectedCount !== undefined ? { expectedCount } : {}) },
        headers: { "Idempotency-Key": `cli-${randomUUID()}` },
      }),
      config(),
    );
    if (format === "json" && !values.wait) return printJson(issued);
    note(`Queued ${issued.summary}.`);
    if (format === "table" && !values.wait) {
      if (issued.commandIds.length === 1) process.stdout.write(`${issued.commandIds[0]}\n`);
      else {
        printFields([
          ["batch", issued.idempotencyKey],
          ["commands", issued.commandIds.length],
        ]);
        note(`Follow them with: orrery cmd ls --batch ${issued.idempotencyKey}`);
      }
      return;
    }
    return waitFor(ctx, issued.commandIds);
  },
};

/** Polls until every command is final; answers 0 when all succeeded. */
async function waitFor(ctx: RunContext, ids: string[]): Promise<number> {
  const { values, format, api, config, note } = ctx;
  const timeoutMs = parseDuration(String(values.timeout), "timeout");
  const intervalMs = parseDuration(String(values.interval), "interval");
  const deadline = Date.now() + timeoutMs;
  const last = new Map<string, CommandView>();
  for (;;) {
    for (const id of ids) {
      if (last.has(id) && FINAL.has(last.get(id)!.state)) continue;
      const c = await must(api().GET("/commands/{id}", { params: { path: { id } } }), config());
      const before = last.get(id)?.state;
      if (before !== c.state)
        note(`${c.satellite.slug}: ${c.type} ${c.state}${c.message ? ` — ${c.message}` : ""}`);
      last.set(id, c);
    }
    const all = ids.map((id) => last.get(id)!);
    if (all.every((c) => FINAL.has(c.state))) {
      if (format === "json") printJson(all.length === 1 ? all[0] : all);
      else printCommands(all);
      return all.every((c) => c.state === "succeeded") ? EXIT.ok : EXIT.failure;
    }
    if (Date.now() >= deadline) {
      const open = all.filter((c) => !FINAL.has(c.state)).length;
      throw new CliError(
        `Gave up after ${values.timeout}: ${open} command${open === 1 ? " is" : "s are"} not finished.`,
        EXIT.failure,
      );
    }
    await sleep(intervalMs);
  }
}

function printCommands(rows: CommandView[]): void {
  printTable(
    ["ID", "TYPE", "SATELLITE", "STATE", "ISSUED", "FINISHED", "MESSAGE"],
    rows.map((c) => [
      c.id,
      c.type,
      c.satellite.slug,
      c.state,
      formatTime(c.issuedAt),
      formatTime(c.finishedAt),
      c.message,
    ]),
    "No command matches.",
  );
}

const wait: Command = {
  name: "wait",
  usage: "orrery cmd wait <id>… [--timeout 10m] [--interval 2s]",
  summary: "Wait until commands finish; exit 0 if all succeeded, 1 if any failed, expired or was cancelled.",
  details: [
    "<id>                one or more command ids",
    "--timeout D         give up after D (default 10m)",
    "--interval D        poll every D (default 2s)",
  ],
  options: { timeout: { type: "string", default: "10m" }, interval: { type: "string", default: "2s" } },
  positionals: [1, 5000],
  run: (ctx) => waitFor(ctx, ctx.positionals),
};

const get: Command = {
  name: "get",
  usage: "orrery cmd get <id>",
  summary: "Show one command.",
  details: ["<id>                the command's id"],
  positionals: [1, 1],
  run: async ({ positionals, format, api, config }) => {
    const c = await must(api().GET("/commands/{id}", { params: { path: { id: positionals[0] } } }), config());
    if (format === "json") return printJson(c);
    printFields([
      ["id", c.id],
      ["type", c.type],
      ["satellite", `${c.satellite.slug} (${c.satellite.regionId})`],
      ["state", c.state],
      ["issued", `${formatTime(c.issuedAt)}${c.issuedBy ? ` by ${c.issuedBy.email}` : ""}`],
      ["delivered", formatTime(c.deliveredAt)],
      ["finished", formatTime(c.finishedAt)],
      ["deliveries", c.deliveries],
      ["reason", c.reason],
      ["message", c.message],
    ]);
  },
};

const ls: Command = {
  name: "ls",
  usage: "orrery cmd ls [--state S] [--type T] [--satellite SLUG] [--batch KEY] [--limit N]",
  summary: "List commands, newest first.",
  details: [
    "--state S           queued, delivered, running, succeeded, failed, expired or cancelled (comma-separate)",
    "--type T            a command type",
    "--satellite SLUG    one satellite's commands",
    "--batch KEY         the commands one issue queued (its idempotency key)",
    "--limit N           at most N (default 50, at most 500)",
  ],
  options: {
    state: { type: "string" },
    type: { type: "string" },
    satellite: { type: "string" },
    batch: { type: "string" },
    limit: { type: "string", default: "50" },
  },
  run: async ({ values, format, api, config }) => {
    const limit = Math.min(500, parsePositiveInt(String(values.limit), "limit"));
    const query: Record<string, string | number> = { limit };
    for (const key of ["state", "type", "satellite", "batch"] as const) {
      if (typeof values[key] === "string") query[key] = values[key] as string;
    }
    const page = await must(api().GET("/commands", { params: { query } }), config());
    if (format === "json") return printJson(page.items);
    printCommands(page.items);
  },
};

export const cmdGroup: Group = {
  name: "cmd",
  aliases: ["command", "commands"],
  summary: "Send commands to satellites and wait for them",
  commands: [issue, wait, get, ls],
};
