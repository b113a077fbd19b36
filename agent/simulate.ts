// The fleet simulator: hundreds to thousands of virtual agents speaking the real agent protocol over HTTP,
// so the demo and the benchmarks exercise the real ingest path.
//   npx tsx agent/simulate.ts --core http://localhost:3000 --satellites 300
//   npx tsx agent/simulate.ts --help
import { renameSync, writeFileSync } from "node:fs";
import { systemClock } from "./sim/clock";
import { errorMessage } from "./sim/errors";
import { type SiteSpec, loadFleetFile } from "./sim/fleet";
import { FleetRunner } from "./sim/fleet-runner";
import { generatedFleet } from "./sim/generated-fleet";
import { OptionsError, type SimOptions, USAGE, parseOptions } from "./sim/options";
import { loadState, saveState } from "./sim/state-file";

const STATUS_EVERY_MS = 10_000;

const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);

async function fleetFor(options: SimOptions): Promise<SiteSpec[] | null> {
  if (options.joinToken) return generatedFleet(options.joinToken, options.satellites);
  const fleet = await loadFleetFile(options.fleetFile);
  if (!fleet) {
    console.error(
      `No fleet file at ${options.fleetFile}.\n` +
        "Run `npm run db:seed` first: it writes the demo satellites' join tokens there.\n" +
        "Or enroll new satellites with a multi-use join token: --join-token orr_join_… --satellites N",
    );
    return null;
  }
  if (fleet.length < options.satellites) {
    log(`${options.fleetFile} lists ${fleet.length} satellites; simulating all of them`);
  }
  return fleet.slice(0, options.satellites);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.isHelp) {
    console.log(USAGE);
    return 0;
  }
  const specs = await fleetFor(options);
  if (!specs) return 1;
  if (specs.length === 0) {
    console.error("The fleet is empty: nothing to simulate.");
    return 1;
  }
  const state = await loadState(options.stateFile);
  const runner = new FleetRunner(specs, state, options, { clock: systemClock, log });
  const resumed = specs.filter((s) => state.agents[s.slug] && !runner.staleSlugs.has(s.slug)).length;
  const stale = runner.staleSlugs.size ? `, ${runner.staleSlugs.size} stale entries enrolled afresh` : "";
  log(
    `simulating ${specs.length} satellites against ${options.core} ` +
      `(${resumed} resumed from ${options.stateFile}${stale})`,
  );
  runner.start();
  return run(runner, options);
}

/**
 * --report: written whole and renamed into place, so a reader never sees half a file. Synchronous, so it can
 * run in an exit handler.
 */
function reportWriter(runner: FleetRunner, file: string | null) {
  return (why: string) => {
    if (!file) return;
    try {
      writeFileSync(`${file}.tmp`, `${JSON.stringify(runner.report(), null, 1)}\n`);
      renameSync(`${file}.tmp`, file);
      log(`report (${why}) written to ${file}`);
    } catch (error) {
      log(`could not write ${file}: ${errorMessage(error)}`);
    }
  };
}

/** Prints the status and saves the state every 10 s until the duration, a signal, or no agent is left. */
function run(runner: FleetRunner, options: SimOptions): Promise<number> {
  const writeReport = reportWriter(runner, options.reportFile);
  let isReported = false;
  process.on("exit", () => void (isReported || writeReport("exit")));
  process.on("SIGUSR2", () => writeReport("SIGUSR2"));
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saving = saving
      .then(() => saveState(options.stateFile, runner.stateToSave()))
      .catch((error: unknown) => log(`could not save ${options.stateFile}: ${errorMessage(error)}`));
    return saving;
  };
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let isStopping = false;
  const stop = async (why: string, code = 0) => {
    if (isStopping) return;
    isStopping = true;
    clearInterval(ticker);
    clearInterval(enrollSaver);
    log(`stopping (${why}): ${runner.statusLine()}`);
    await runner.stop();
    await save();
    log(`state saved to ${options.stateFile}`);
    writeReport(why);
    isReported = true;
    if (runner.count("skipped") === runner.agents.length) {
      log(
        "every enrollment was refused: run `npm run db:seed` for fresh join tokens, or keep the state file",
      );
    }
    finish(code);
  };

  const ticker = setInterval(() => {
    log(runner.statusLine());
    void save();
    if (runner.agents.every((a) => !a.isActive)) void stop("no agent left running", 1);
  }, STATUS_EVERY_MS);
  // A fresh agent token exists nowhere else: save within a second of an enrollment, not ten.
  let enrolledAtSave = 0;
  const enrollSaver = setInterval(() => {
    if (runner.stats.enrolled === enrolledAtSave) return;
    enrolledAtSave = runner.stats.enrolled;
    void save();
  }, 1_000);
  if (options.durationSec !== null) {
    setTimeout(() => void stop("duration reached"), options.durationSec * 1000);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => (isStopping ? process.exit(130) : void stop(signal)));
  }
  // `npm run demo` holds our stdin open: when the launcher goes, even killed hard, the pipe closes, so do we.
  if (process.env.ORRERY_STOP_WITH_STDIN === "1")
    process.stdin.on("end", () => void stop("launcher gone")).resume();
  return finished;
}

main().then(
  // Commands still sleeping or acks still retrying would hold the process open: leave explicitly.
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof OptionsError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`simulator failed: ${errorMessage(error)}`);
    process.exit(error instanceof OptionsError ? 2 : 1);
  },
);
