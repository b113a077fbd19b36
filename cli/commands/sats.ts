import type { components } from "../api-types";
import type { Command, Group } from "../command";
import { listOf, parsePositiveInt } from "../command";
import { must } from "../client";
import { formatTime, printFields, printJson, printTable } from "../output";

type Satellite = components["schemas"]["Satellite"];
const FILTERS = ["region", "kind", "provider", "lifecycle", "connectivity", "health", "label"] as const;

const ls: Command = {
  name: "ls",
  usage:
    "orrery sats ls [--region R] [--health H] [--connectivity C] [--kind K] [--label k=v] [-q TEXT] [--limit N]",
  summary: "List satellites, in slug order.",
  details: [
    "--region R          a compliance region id (repeat or comma-separate for several)",
    "--health H          healthy, degraded, critical or unknown",
    "--connectivity C    connected, stale, offline or never_seen",
    "--kind K            datacenter, edge, cloud or colo",
    "--provider P        a provider name",
    "--lifecycle L       pending, active, cordoned, maintenance or decommissioned",
    "--label k=v         a label (repeat for several)",
    "-q, --query TEXT    words in the slug, name or city",
    "--limit N           at most N satellites (default 100; the API pages by 500)",
  ],
  options: {
    region: { type: "string", multiple: true },
    health: { type: "string", multiple: true },
    connectivity: { type: "string", multiple: true },
    kind: { type: "string", multiple: true },
    provider: { type: "string", multiple: true },
    lifecycle: { type: "string", multiple: true },
    label: { type: "string", multiple: true },
    query: { type: "string", short: "q" },
    limit: { type: "string", default: "100" },
  },
  run: async ({ values, format, api, config }) => {
    const want = parsePositiveInt(String(values.limit), "limit");
    const query: Record<string, string> = {};
    for (const key of FILTERS) {
      const items = listOf(values[key]);
      if (items.length) query[key] = items.join(",");
    }
    if (typeof values.query === "string") query.q = values.query;
    const items: Satellite[] = [];
    let cursor: string | undefined;
    do {
      const page = await must(
        api().GET("/satellites", {
          params: { query: { ...query, limit: Math.min(500, want - items.length), cursor } },
        }),
        config(),
      );
      items.push(...page.items);
      cursor = page.next
        ? (new URL(page.next, "http://x").searchParams.get("cursor") ?? undefined)
        : undefined;
    } while (cursor && items.length < want);
    if (format === "json") return printJson(items);
    printTable(
      ["SLUG", "NAME", "REGION", "KIND", "CONNECTIVITY", "HEALTH", "LIFECYCLE", "VERSION", "LAST SEEN"],
      items.map((s) => [
        s.slug,
        s.name,
        s.regionId,
        s.kind,
        s.connectivity,
        s.health,
        s.lifecycle,
        s.stackVersion,
        formatTime(s.lastSeenAt),
      ]),
      "No satellite matches.",
    );
  },
};

const get: Command = {
  name: "get",
  usage: "orrery sats get <id|slug>",
  summary: "Show one satellite.",
  details: ["<id|slug>           the satellite's id or slug"],
  positionals: [1, 1],
  run: async ({ positionals, format, api, config }) => {
    const s = await must(
      api().GET("/satellites/{id}", { params: { path: { id: positionals[0] } } }),
      config(),
    );
    if (format === "json") return printJson(s);
    const labels = Object.entries(s.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    printFields([
      ["id", s.id],
      ["slug", s.slug],
      ["name", s.name],
      ["region", s.regionId],
      ["kind", s.kind],
      ["provider", s.provider],
      ["location", `${s.city}, ${s.country}`],
      ["lifecycle", s.lifecycle],
      ["connectivity", s.connectivity],
      ["health", s.health],
      ["stack", s.stackVersion],
      ["agent", s.agentVersion],
      ["last seen", formatTime(s.lastSeenAt)],
      ["labels", labels],
    ]);
  },
};

export const satsGroup: Group = {
  name: "sats",
  aliases: ["satellites", "sat"],
  summary: "List and show satellites",
  commands: [ls, get],
};
