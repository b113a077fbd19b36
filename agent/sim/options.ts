// Command-line options of agent/simulate.ts.
import { parseArgs } from "node:util";

export type SimOptions = {
  core: string;
  satellites: number;
  fleetFile: string;
  stateFile: string;
  joinToken: string | null;
  upgradeFailureRate: number;
  offlineShare: number;
  durationSec: number | null;
  speed: number;
  commandSpeed: number;
  reportFile: string | null;
  maxSockets: number;
  isHelp: boolean;
};

export const USAGE = `Usage: npx tsx agent/simulate.ts --core http://localhost:3000 [options]

  --core URL                  the Orrery core (default http://localhost:3000)
  --satellites N              how many virtual agents (default 300)
  --fleet-file PATH           join tokens written by the seed (default data/demo-join-tokens.json)
  --state-file PATH           agent tokens and seq counters kept between runs (default data/simulator-state.json)
  --join-token T              enroll N new satellites sim-<city>-<n> with this multi-use join token instead
  --upgrade-failure-rate R    share of stack upgrades that fail, 0..1 (default 0.1)
  --offline-share S           share of satellites that drop off the network now and then, 0..1 (default 0.02)
  --duration SEC              stop after this many seconds (default: run until Ctrl-C)
  --speed X                   beat X times as often as the core asks; sample times stay real (default 1)
  --command-speed X           run commands X times faster than a real site would (default 1)
  --report PATH               on exit, SIGINT, SIGTERM or SIGUSR2 write per satellite what was sent and
                              acknowledged (samples, seq sum and max, errors) and the retried/failed calls
  --max-sockets N             connections the whole fleet may hold open to the core (default 64)
  --help                      this text`;

export class OptionsError extends Error {}

function number(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw new OptionsError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function parseOptions(argv: string[]): SimOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        core: { type: "string" },
        satellites: { type: "string" },
        "fleet-file": { type: "string" },
        "state-file": { type: "string" },
        "join-token": { type: "string" },
        "upgrade-failure-rate": { type: "string" },
        "offline-share": { type: "string" },
        duration: { type: "string" },
        speed: { type: "string" },
        "command-speed": { type: "string" },
        report: { type: "string" },
        "max-sockets": { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new OptionsError(error instanceof Error ? error.message : String(error));
  }
  const core = values.core ?? "http://localhost:3000";
  if (!URL.canParse(core) || !/^https?:$/.test(new URL(core).protocol)) {
    throw new OptionsError(`--core must be an http(s) URL, got "${core}"`);
  }
  const satellites = number(values.satellites, "satellites", 300, 1, 100_000);
  if (!Number.isInteger(satellites)) throw new OptionsError("--satellites must be a whole number");
  return {
    core,
    satellites,
    fleetFile: values["fleet-file"] ?? "data/demo-join-tokens.json",
    stateFile: values["state-file"] ?? "data/simulator-state.json",
    joinToken: values["join-token"] ?? null,
    upgradeFailureRate: number(values["upgrade-failure-rate"], "upgrade-failure-rate", 0.1, 0, 1),
    offlineShare: number(values["offline-share"], "offline-share", 0.02, 0, 1),
    durationSec: values.duration === undefined ? null : number(values.duration, "duration", 0, 1, 1e9),
    speed: number(values.speed, "speed", 1, 0.01, 1000),
    commandSpeed: number(values["command-speed"], "command-speed", 1, 0.01, 1000),
    reportFile: values.report ?? null,
    maxSockets: Math.round(number(values["max-sockets"], "max-sockets", 64, 1, 10_000)),
    isHelp: values.help ?? false,
  };
}
