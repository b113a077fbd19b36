import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "./core-calls";
import { parseSatelliteFlags, SATELLITE_OPTIONS, type SatelliteFlags } from "./satellite-flags";

export const USAGE = `Usage: npx tsx agent/agent.ts --core URL --state-dir DIR [--join-token T] [options]

  --core URL               the Orrery core, e.g. https://orrery.example.com (required)
  --state-dir DIR          where the agent keeps state.json and buffer.jsonl (required)
  --join-token T           enrolls on first start; not needed once DIR/state.json exists
  --join-token-file F      the same, read from a file (keeps it out of the process list)
  --re-enroll              enroll again with the join token although DIR/state.json exists (after an admin
                           revoked the credentials); keeps the buffered samples and command records
  --upgrade-hook PATH      executable run for stack.upgrade commands
  --backup-hook PATH       executable that prints the last successful backup's time (ISO 8601 or Unix
                           seconds), reported hourly with the host facts; without it the time is unknown
  --interval-override SEC  sample and send every SEC seconds, whatever the core asks
  --agent-version V        reported agent version (default 1.4.0)
  --stack-version V        reported stack version (default: the last one reported, else 0.0.0)
  --disk-path PATH         file system whose usage is reported (default: the state dir's)
  --proc-root PATH         where /proc is mounted (default /proc; /host/proc in a container)
  --verbose                one log line per heartbeat, not only per notable event
  --help                   this text

Only for a join token not bound to a pre-registered satellite (ignored by a bound one):
  --slug S --name N --kind datacenter|edge|cloud|colo --provider P
  --city C --country CC --lat LAT --lon LON   (city, country, lat and lon are required then)
  --uplink-mbps N --downlink-mbps N --label key=value (repeatable)
  Defaults: slug and name from the host name, kind edge, provider own, 1000 Mbps links,
  cores, memory and storage measured on the host.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type AgentConfig = {
  core: string;
  stateDir: string;
  /** Read only on the first start, so the token file can be deleted once enrolled. */
  joinToken: { value: string } | { file: string } | null;
  /** Enroll with the join token even though the state directory holds an (expired or revoked) token. */
  isReenroll: boolean;
  upgradeHook: string | null;
  backupHook: string | null;
  intervalOverrideSec: number | null;
  agentVersion: string;
  stackVersion: string | null;
  diskPath: string;
  procRoot: string;
  isVerbose: boolean;
  satellite: SatelliteFlags | null;
};

const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$/;

/** Parses the command line; throws UsageError with the reason. */
export function parseAgentArgs(argv: string[]): AgentConfig | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        core: { type: "string" },
        "state-dir": { type: "string" },
        "join-token": { type: "string" },
        "join-token-file": { type: "string" },
        "upgrade-hook": { type: "string" },
        "backup-hook": { type: "string" },
        "interval-override": { type: "string" },
        "agent-version": { type: "string", default: "1.4.0" },
        "stack-version": { type: "string" },
        "disk-path": { type: "string" },
        "proc-root": { type: "string", default: "/proc" },
        verbose: { type: "boolean", default: false },
        "re-enroll": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
        ...SATELLITE_OPTIONS,
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";

  const core = required(values.core, "--core");
  let coreUrl: URL;
  try {
    coreUrl = new URL(core);
  } catch {
    throw new UsageError(`--core ${core} is not a URL (e.g. https://orrery.example.com)`);
  }
  if (coreUrl.protocol !== "https:" && coreUrl.protocol !== "http:") {
    throw new UsageError("--core must be an http:// or https:// URL");
  }
  const stateDir = resolve(required(values["state-dir"], "--state-dir"));
  if (values["join-token"] && values["join-token-file"]) {
    throw new UsageError("give --join-token or --join-token-file, not both");
  }
  const tokenFile = values["join-token-file"];
  const tokenValue = values["join-token"];
  if (values["re-enroll"] && !tokenFile && !tokenValue) {
    throw new UsageError("--re-enroll needs --join-token or --join-token-file");
  }

  return {
    core: coreUrl.toString(),
    stateDir,
    joinToken: tokenFile ? { file: absolute(tokenFile) } : tokenValue ? { value: tokenValue } : null,
    isReenroll: values["re-enroll"],
    upgradeHook: values["upgrade-hook"] ? absolute(values["upgrade-hook"]) : null,
    backupHook: values["backup-hook"] ? absolute(values["backup-hook"]) : null,
    intervalOverrideSec: values["interval-override"] ? seconds(values["interval-override"]) : null,
    agentVersion: version(values["agent-version"], "--agent-version"),
    stackVersion: values["stack-version"] ? version(values["stack-version"], "--stack-version") : null,
    diskPath: values["disk-path"] ? absolute(values["disk-path"]) : stateDir,
    procRoot: absolute(values["proc-root"]),
    isVerbose: values.verbose,
    satellite: parseSatelliteFlags(values, (message) => new UsageError(message)),
  };
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}

function seconds(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 3600) {
    throw new UsageError(`--interval-override must be a whole number of seconds from 1 to 3600, not ${text}`);
  }
  return n;
}

function version(text: string, flag: string): string {
  if (!VERSION.test(text))
    throw new UsageError(`${flag} ${text} is not a version such as 1.4.0 or 2026.11.1`);
  return text;
}

/** The join token from the flag or its file; throws UsageError when there is none to read. */
export function readJoinToken(source: AgentConfig["joinToken"], readText: (path: string) => string): string {
  if (!source) throw new UsageError("the first start needs --join-token or --join-token-file to enroll");
  if ("value" in source) return source.value.trim();
  try {
    const token = readText(source.file).trim();
    if (token) return token;
  } catch (error) {
    throw new UsageError(`cannot read --join-token-file ${source.file}: ${describeError(error)}`);
  }
  throw new UsageError(`--join-token-file ${source.file} is empty`);
}
