import type { Command, Group } from "../command";
import { listOf, parsePositiveInt } from "../command";
import { must } from "../client";
import { usageError } from "../exit";
import { formatTime, printFields, printJson, printTable } from "../output";

const ROLES = ["viewer", "operator", "admin"] as const;
type Role = (typeof ROLES)[number];

const create: Command = {
  name: "create",
  usage:
    "orrery token create --name NAME [--role viewer|operator|admin] [--region R]… [--expires-in-days 90]",
  summary: "Create an API token for yourself (an admin: for anyone) and print its secret, once.",
  details: [
    "--name NAME         what it is for, e.g. ci-deploy",
    "--role R            viewer (default), operator or admin; at most your own",
    "--region R          limit it to these regions (repeat or comma-separate); default: your whole scope",
    "--expires-in-days N 1 to 365 (default 90; a token may not create one that outlives it)",
    "--user ID           the owner, if not you (admins only)",
    "The secret goes to stdout alone in table mode, so: export ORRERY_TOKEN=$(orrery token create --name ci)",
  ],
  options: {
    name: { type: "string" },
    role: { type: "string" },
    region: { type: "string", multiple: true },
    "expires-in-days": { type: "string" },
    user: { type: "string" },
  },
  run: async ({ values, format, api, config, note }) => {
    if (typeof values.name !== "string") throw usageError("Name the token: --name ci-deploy.");
    // The least a token can do unless asked: a leaked read-only token is the cheapest kind to lose.
    const role = typeof values.role === "string" ? values.role : "viewer";
    if (!ROLES.includes(role as Role)) throw usageError(`--role takes ${ROLES.join(", ")}; not ${role}`);
    const regionIds = listOf(values.region);
    const days = values["expires-in-days"];
    const body = {
      name: values.name,
      role: role as Role,
      ...(regionIds.length ? { regionIds } : {}),
      ...(typeof days === "string" ? { expiresInDays: parsePositiveInt(days, "expires-in-days") } : {}),
      ...(typeof values.user === "string" ? { userId: values.user } : {}),
    };
    const created = await must(api().POST("/tokens", { body: body as never }), config());
    if (format === "json") return printJson(created);
    const t = created.token;
    note(
      `Created ${t.name} (${t.prefix}…): ${t.role}, ${t.regionIds ? t.regionIds.join(", ") : "every region"}, expires ${formatTime(t.expiresAt)} UTC.`,
    );
    note("This is the only time the secret is shown; store it now.");
    process.stdout.write(`${created.secret}\n`);
  },
};

const ls: Command = {
  name: "ls",
  usage: "orrery token ls [--all]",
  summary: "List your API tokens (an admin: everyone's with --all), never their secrets.",
  details: ["--all               every user's tokens (admins)"],
  options: { all: { type: "boolean", default: false } },
  run: async ({ values, format, api, config }) => {
    const query = values.all ? { all: "true", limit: 500 } : { limit: 500 };
    const page = await must(api().GET("/tokens", { params: { query: query as never } }), config());
    if (format === "json") return printJson(page.items);
    printTable(
      ["ID", "NAME", "PREFIX", "OWNER", "ROLE", "REGIONS", "STATUS", "EXPIRES", "LAST USED"],
      page.items.map((t) => [
        t.id,
        t.name,
        t.prefix,
        t.owner.email,
        t.role,
        t.regionIds?.join(",") ?? "all",
        t.status,
        formatTime(t.expiresAt),
        formatTime(t.lastUsedAt),
      ]),
      "No API tokens.",
    );
  },
};

const revoke: Command = {
  name: "revoke",
  usage: "orrery token revoke <id> [--reason TEXT]",
  summary: "Revoke an API token at once.",
  details: [
    "<id>                the token's id (orrery token ls)",
    "--reason TEXT       why, for the audit log",
  ],
  options: { reason: { type: "string" } },
  positionals: [1, 1],
  run: async ({ values, positionals, format, api, config }) => {
    const query = typeof values.reason === "string" ? { reason: values.reason } : {};
    const t = await must(
      api().DELETE("/tokens/{id}", { params: { path: { id: positionals[0] }, query: query as never } }),
      config(),
    );
    if (format === "json") return printJson(t);
    printFields([
      ["name", t.name],
      ["status", t.status],
      ["revoked", formatTime(t.revokedAt)],
    ]);
  },
};

export const tokenGroup: Group = {
  name: "token",
  aliases: ["tokens"],
  summary: "Create, list and revoke API tokens",
  commands: [create, ls, revoke],
};
