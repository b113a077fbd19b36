import type { components } from "../api-types";
import type { Command, Group, RunContext } from "../command";
import { listOf, parseDuration, parsePositiveInt, sleep } from "../command";
import { must } from "../client";
import { CliError, EXIT, usageError } from "../exit";
import { formatTime, printFields, printJson, printTable } from "../output";

type Rollout = components["schemas"]["Rollout"];

/** "1,10,50,100%" → [1, 10, 50, 100]. */
export function parseWaves(raw: string): number[] {
  const waves = raw
    .split(",")
    .map((w) => w.trim().replace(/%$/, ""))
    .filter(Boolean)
    .map(Number);
  if (waves.length === 0 || waves.some((w) => !Number.isFinite(w))) {
    throw usageError(`--waves takes percentages separated by commas, such as 1,10,50,100%; not ${raw}`);
  }
  return waves;
}

const FINISHED: Record<string, number> = {
  completed: EXIT.ok,
  completed_with_exceptions: EXIT.failure,
  aborted: EXIT.failure,
  rolled_back: EXIT.failure,
};

/** One line of progress: "running · wave 2/4 (10 %) · 12/40 upgraded, 1 failed". */
export function progressLine(r: Rollout): string {
  const wave = r.waves.find((w) => w.index === r.currentWave);
  const c = r.counts;
  const parts = [
    r.status,
    wave ? `wave ${wave.index}/${r.waves.length - 1} (${wave.label}) ${wave.status}` : null,
    `${c.succeeded}/${c.total} upgraded`,
    c.upgrading ? `${c.upgrading} upgrading` : null,
    c.failed ? `${c.failed} failed` : null,
    c.skipped ? `${c.skipped} skipped` : null,
    r.pausedReason,
  ];
  return parts.filter(Boolean).join(" · ");
}

const start: Command = {
  name: "start",
  usage: "orrery rollout start <release> [--waves 1,10,50,100%] [--canary N] [--region R]… [--watch]",
  summary: "Start a rollout of a release (its version or id).",
  details: [
    "<release>           the release's version (2026.12.0) or id",
    "--waves LIST        cumulative percentages after the canary, the last 100 (default 10,50,100)",
    "--canary N          satellites in the canary wave (default 1)",
    "--region R          only these regions (repeat or comma-separate); --kind, --label, --satellite narrow too",
    "--bake D            how long each wave bakes before the next, e.g. 15m (default 15m)",
    "--max-concurrency N satellites upgrading at once (default 5)",
    "--failure-threshold PCT  pause when more than PCT % of a wave fails (default 10)",
    "--require-approval  an admin approves each wave after the canary",
    "--region-by-region  one wave per region instead of --waves",
    "--name TEXT         the rollout's name",
    "--watch             then watch it (exit codes as for rollout watch)",
  ],
  options: {
    waves: { type: "string" },
    canary: { type: "string" },
    region: { type: "string", multiple: true },
    kind: { type: "string", multiple: true },
    label: { type: "string", multiple: true },
    satellite: { type: "string", multiple: true },
    bake: { type: "string" },
    "max-concurrency": { type: "string" },
    "failure-threshold": { type: "string" },
    "require-approval": { type: "boolean", default: false },
    "region-by-region": { type: "boolean", default: false },
    name: { type: "string" },
    watch: { type: "boolean", default: false },
    interval: { type: "string", default: "2s" },
  },
  positionals: [1, 1],
  run: async (ctx) => {
    const { values, positionals, format, api, config, note } = ctx;
    const ref = positionals[0];
    const releases = await must(
      api().GET("/releases", { params: { query: { version: ref, limit: 1 } } }),
      config(),
    );
    const releaseId = releases.items[0]?.id ?? ref;
    const optional = (key: string, parse: (raw: string) => number) =>
      typeof values[key] === "string" ? parse(values[key] as string) : undefined;
    const body = {
      releaseId,
      name: typeof values.name === "string" ? values.name : undefined,
      waves: typeof values.waves === "string" ? parseWaves(values.waves) : undefined,
      canarySize: optional("canary", (v) => parsePositiveInt(v, "canary")),
      bakeMinutes: optional("bake", (v) => Math.round(parseDuration(v, "bake") / 60_000)),
      maxConcurrency: optional("max-concurrency", (v) => parsePositiveInt(v, "max-concurrency")),
      failureThresholdPct: optional("failure-threshold", (v) => Number(v.replace(/%$/, ""))),
      regionIds: listOf(values.region),
      kinds: listOf(values.kind) as Rollout["selector"]["kinds"] as never,
      labels: listOf(values.label),
      satellites: listOf(values.satellite),
      requireApproval: values["require-approval"] === true,
      isRegionByRegion: values["region-by-region"] === true,
    };
    const created = await must(api().POST("/rollouts", { body }), config());
    const n = created.counts.total;
    const excluded = created.counts.excluded ? ` (${created.counts.excluded} excluded)` : "";
    note(
      `Started rollout ${created.id}: ${created.release.version} to ${n} satellite${n === 1 ? "" : "s"}${excluded}.`,
    );
    if (values.watch) return watchRollout(ctx, created.id);
    if (format === "json") return printJson(created);
    process.stdout.write(`${created.id}\n`);
  },
};

/** Polls with If-None-Match and prints a line whenever the progress changes; answers the exit code. */
async function watchRollout(ctx: RunContext, id: string): Promise<number> {
  const { api, config, values, format, note } = ctx;
  const intervalMs = parseDuration(String(values.interval ?? "2s"), "interval");
  let etag: string | null = null;
  let shown = "";
  let rollout: Rollout | null = null;
  for (;;) {
    const headers: Record<string, string> = etag ? { "If-None-Match": etag } : {};
    const result = await api()
      .GET("/rollouts/{id}", { params: { path: { id } }, headers })
      .catch((e: unknown) => {
        throw new CliError(
          `Cannot reach Orrery at ${config().url} (${e instanceof Error ? e.message : e}).`,
          EXIT.failure,
        );
      });
    // 304: nothing changed since the last poll.
    if (result.response.status !== 304) {
      rollout = await must(Promise.resolve(result), config());
      etag = result.response.headers.get("etag");
      const line = progressLine(rollout);
      if (line !== shown) note(`${new Date().toISOString().slice(11, 19)}  ${line}`);
      shown = line;
      const code = rollout.status === "paused" ? EXIT.paused : FINISHED[rollout.status];
      if (code !== undefined) {
        if (format === "json") printJson(rollout);
        else if (rollout.status === "paused") note(`Paused: ${rollout.pausedReason ?? "no reason given"}.`);
        return code;
      }
    }
    await sleep(intervalMs);
  }
}

const watch: Command = {
  name: "watch",
  usage: "orrery rollout watch <id> [--interval 2s]",
  summary:
    "Follow a rollout until it ends: exit 0 completed, 5 paused (the health gate or a person), 1 otherwise.",
  details: ["<id>                the rollout's id", "--interval D        poll every D (default 2s)"],
  options: { interval: { type: "string", default: "2s" } },
  positionals: [1, 1],
  run: (ctx) => watchRollout(ctx, ctx.positionals[0]),
};

const get: Command = {
  name: "get",
  usage: "orrery rollout get <id>",
  summary: "Show a rollout and its waves.",
  details: ["<id>                the rollout's id"],
  positionals: [1, 1],
  run: async ({ positionals, format, api, config }) => {
    const r = await must(api().GET("/rollouts/{id}", { params: { path: { id: positionals[0] } } }), config());
    if (format === "json") return printJson(r);
    printFields([
      ["id", r.id],
      ["name", r.name],
      ["release", r.release.version],
      ["status", r.status],
      ["progress", progressLine(r)],
      ["started", formatTime(r.startedAt)],
      ["finished", formatTime(r.finishedAt)],
    ]);
    process.stdout.write("\n");
    printTable(
      ["WAVE", "LABEL", "STATUS", "TARGETS", "UPGRADED", "FAILED"],
      r.waves.map((w) => [w.index, w.label, w.status, w.counts.total, w.counts.succeeded, w.counts.failed]),
      "No waves.",
    );
  },
};

const ls: Command = {
  name: "ls",
  usage: "orrery rollout ls [--status S] [--release VERSION] [--limit N]",
  summary: "List rollouts, newest first.",
  details: [
    "--status S          a status, or active, finished or draft",
    "--release V         a release's version or id",
    "--limit N           at most N (default 25, at most 500)",
  ],
  options: {
    status: { type: "string" },
    release: { type: "string" },
    limit: { type: "string", default: "25" },
  },
  run: async ({ values, format, api, config }) => {
    const limit = Math.min(500, parsePositiveInt(String(values.limit), "limit"));
    const query = {
      limit,
      ...(typeof values.status === "string" ? { status: values.status } : {}),
      ...(typeof values.release === "string" ? { release: values.release } : {}),
    } as { limit: number };
    const page = await must(api().GET("/rollouts", { params: { query } }), config());
    if (format === "json") return printJson(page.items);
    printTable(
      ["ID", "NAME", "RELEASE", "STATUS", "UPGRADED", "FAILED", "CREATED"],
      page.items.map((r) => [
        r.id,
        r.name,
        r.release.version,
        r.status,
        `${r.counts.succeeded}/${r.counts.total}`,
        r.counts.failed,
        formatTime(r.createdAt),
      ]),
      "No rollout matches.",
    );
  },
};

export const rolloutGroup: Group = {
  name: "rollout",
  aliases: ["rollouts"],
  summary: "Start rollouts and follow them",
  commands: [start, watch, get, ls],
};
