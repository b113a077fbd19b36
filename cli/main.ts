// The `orrery` command line: Orrery's REST API for people and pipelines. Standalone: it imports nothing from
// the console but the generated API types, and reaches the core only over HTTP with an API token.
import { parseArgs } from "node:util";
import { apiClient } from "./client";
import type { Command, Group, RunContext } from "./command";
import { auditGroup } from "./commands/audit";
import { cmdGroup } from "./commands/cmd";
import { rolloutGroup } from "./commands/rollout";
import { satsGroup } from "./commands/sats";
import { tokenGroup } from "./commands/token";
import { configPath, loadConfig, type Config } from "./config";
import { CliError, EXIT, usageError } from "./exit";
import { formatOf } from "./output";

const GROUPS: Group[] = [satsGroup, cmdGroup, rolloutGroup, auditGroup, tokenGroup];
const COMMON = {
  output: { type: "string", short: "o" },
  help: { type: "boolean", short: "h", default: false },
} as const;

function rootHelp(): string {
  return [
    "orrery: Orrery's API from the command line.",
    "",
    "Usage: orrery <group> <command> [options]      orrery <group> <command> --help",
    "",
    ...GROUPS.flatMap((g) => [
      `  ${g.name.padEnd(9)}${g.summary}`,
      ...g.commands.map((c) => `    ${c.name.padEnd(7)}${c.summary}`),
    ]),
    "",
    "Options everywhere: -o table|json (default table), -h/--help.",
    "",
    'Configuration: ORRERY_URL and ORRERY_TOKEN, or {"url", "token"} in',
    `  ${configPath()}`,
    "",
    "Exit codes: 0 ok, 1 failed or refused, 2 usage or invalid input, 3 authentication, 4 not found,",
    "  5 rollout paused. See docs/api.md.",
  ].join("\n");
}

function groupHelp(g: Group): string {
  return [
    `orrery ${g.name}: ${g.summary}.`,
    "",
    ...g.commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    "",
    `Run orrery ${g.name} <command> --help for its options.`,
  ].join("\n");
}

function commandHelp(c: Command): string {
  return [
    `Usage: ${c.usage} [-o table|json]`,
    "",
    c.summary,
    "",
    ...c.details.map((d) => `  ${d}`),
    "  -o, --output F      table (default) or json",
    "  -h, --help          this help",
  ].join("\n");
}

function findGroup(name: string): Group | undefined {
  return GROUPS.find((g) => g.name === name || g.aliases?.includes(name));
}

/** Runs one invocation; answers the exit code. Output goes to stdout, notes and errors to stderr. */
export async function run(argv: string[]): Promise<number> {
  const [groupName, commandName, ...rest] = argv;
  if (groupName === undefined || groupName === "help" || groupName === "--help" || groupName === "-h") {
    console.log(rootHelp());
    return groupName === undefined ? EXIT.usage : EXIT.ok;
  }
  const group = findGroup(groupName);
  if (!group)
    throw usageError(`orrery has no ${groupName} group. Try: ${GROUPS.map((g) => g.name).join(", ")}.`);
  if (
    commandName === undefined ||
    commandName === "--help" ||
    commandName === "-h" ||
    commandName === "help"
  ) {
    console.log(groupHelp(group));
    return commandName === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = group.commands.find((c) => c.name === commandName);
  if (!command) {
    throw usageError(
      `orrery ${group.name} has no ${commandName} command. Try: ${group.commands.map((c) => c.name).join(", ")}.`,
    );
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...COMMON, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(
      `${error instanceof Error ? error.message : error}\nRun orrery ${group.name} ${command.name} --help.`,
    );
  }
  const values = parsed.values as RunContext["values"];
  if (values.help) {
    console.log(commandHelp(command));
    return EXIT.ok;
  }
  const [min, max] = command.positionals ?? [0, 0];
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw usageError(`Usage: ${command.usage}`);
  }
  let config: Config | null = null;
  const ctx: RunContext = {
    values,
    positionals: parsed.positionals,
    format: formatOrUsage(values.output),
    config: () => (config ??= loadConfig()),
    api: () => apiClient(ctx.config()),
    note: (line) => console.error(line),
  };
  try {
    return (await command.run(ctx)) ?? EXIT.ok;
  } catch (error) {
    // Option values are checked where they are read; their mistakes are usage errors too.
    if (error instanceof Error && !(error instanceof CliError) && /^--/.test(error.message))
      throw usageError(error.message);
    throw error;
  }
}

function formatOrUsage(raw: unknown): RunContext["format"] {
  try {
    return formatOf(typeof raw === "string" ? raw : undefined);
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let code: number;
  try {
    code = await run(argv);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`orrery: ${error.message}`);
      code = error.code;
    } else {
      console.error(
        `orrery: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
      code = EXIT.failure;
    }
  }
  // Let stdout drain before exiting: a pipe (| jq) may still hold the answer.
  process.exitCode = code;
}
