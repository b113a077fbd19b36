import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { demoServerEnv, superviseDemo } from "./demo-processes.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const node = (source: string) => ({ command: process.execPath, args: ["-e", source] });
const READY_THEN_STAY = "console.log('listening'); setInterval(() => {}, 1000)";
const STAY = "setInterval(() => {}, 1000)";
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) if (isAlive(pid)) process.kill(pid, "SIGKILL");
});

/** A process that exited but was not reaped yet (a zombie) counts as gone. */
function isAlive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync("/proc/self/stat"))
    return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, "utf8"));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until;) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

function supervise(server: string, simulator: string | null, graceMs = 5_000) {
  let readyCalls = 0;
  const demo = superviseDemo({
    server: node(server),
    simulator: () => (simulator === null ? null : node(simulator)),
    onReady: () => readyCalls++,
    output: new PassThrough().resume(),
    graceMs,
  });
  return { demo, readyCalls: () => readyCalls };
}

describe("the demo's processes", () => {
  it("start the simulator once the console is ready, and stop it when the console dies", async () => {
    const { demo, readyCalls } = supervise(
      "console.log('listening'); setTimeout(() => process.exit(3), 700)",
      STAY,
    );
    expect(await eventually(() => demo.simulator() !== null)).toBe(true);
    const simulator = demo.simulator()!;
    leftovers.push(simulator.pid!);
    expect(isAlive(simulator.pid!)).toBe(true);
    expect(await demo.done).toBe(3);
    expect(simulator.signalCode).toBe("SIGTERM");
    expect(isAlive(simulator.pid!)).toBe(false);
    expect(readyCalls()).toBe(1);
  });

  it("never start the simulator for a console that dies before it is ready", async () => {
    const { demo, readyCalls } = supervise("process.exit(2)", STAY);
    expect(await demo.done).toBe(2);
    expect(demo.simulator()).toBeNull();
    expect(readyCalls()).toBe(0);
  });

  it("stop both on a signal, the simulator with exactly one SIGTERM", async () => {
    // The child counts SIGTERMs and exits 0 after the first one it sees, 9 if a second arrives before.
    const counting =
      "let n = 0; process.on('SIGTERM', () => { n++; setTimeout(() => process.exit(n === 1 ? 0 : 9), 300); }); setInterval(() => {}, 1000)";
    const { demo } = supervise(READY_THEN_STAY, counting);
    expect(await eventually(() => demo.simulator() !== null)).toBe(true);
    const simulator = demo.simulator()!;
    leftovers.push(simulator.pid!, demo.server.pid!);
    await new Promise((r) => setTimeout(r, 300)); // lets the child install its handler
    demo.stop("SIGTERM");
    expect(await demo.done).toBe(0);
    expect(simulator.exitCode).toBe(0);
    expect(isAlive(demo.server.pid!)).toBe(false);
  });

  it("kill a simulator that ignores SIGTERM after the grace period", async () => {
    const deaf = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)";
    const { demo } = supervise("console.log('listening'); setTimeout(() => process.exit(0), 700)", deaf, 300);
    expect(await eventually(() => demo.simulator() !== null)).toBe(true);
    const simulator = demo.simulator()!;
    leftovers.push(simulator.pid!);
    expect(await demo.done).toBe(0);
    expect(simulator.signalCode).toBe("SIGKILL");
  });

  it("leave no simulator behind when the launcher itself is killed hard", async () => {
    // A launcher like scripts/demo.mjs, driving the real simulator against a core that is not there.
    const state = join(mkdtempSync(join(tmpdir(), "orrery-demo-")), "simulator-state.json");
    const launcher = `
      import { superviseDemo } from ${JSON.stringify(join(ROOT, "scripts/demo-processes.mjs"))};
      const demo = superviseDemo({
        server: { command: process.execPath, args: ["-e", ${JSON.stringify(READY_THEN_STAY)}] },
        simulator: () => ({
          command: process.execPath,
          args: ["--import", "tsx", "agent/simulate.ts", "--core", "http://127.0.0.1:9", "--join-token",
                 "orr_join_test", "--satellites", "1", "--state-file", ${JSON.stringify(state)}],
          options: { cwd: ${JSON.stringify(ROOT)} },
        }),
        output: process.stderr,
      });
      const wait = setInterval(() => {
        if (!demo.simulator()) return;
        clearInterval(wait);
        console.log(JSON.stringify({ server: demo.server.pid, simulator: demo.simulator().pid }));
      }, 20);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", launcher], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "ignore"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    expect(await eventually(() => output.includes("}\n"), 15_000)).toBe(true);
    const pids = JSON.parse(output.slice(output.indexOf("{"), output.indexOf("}\n") + 1)) as {
      server: number;
      simulator: number;
    };
    leftovers.push(pids.server, pids.simulator);
    // The simulator is up and running (it says so) before its launcher dies.
    expect(await eventually(() => output.includes("simulating 1 satellites"), 15_000)).toBe(true);
    expect(isAlive(pids.simulator)).toBe(true);
    child.kill("SIGKILL");
    expect(await eventually(() => !isAlive(pids.simulator), 10_000)).toBe(true);
  });
});

describe("the demo launcher's safety", () => {
  it("listens on 127.0.0.1 unless HOST says otherwise, as a demo core", () => {
    expect(demoServerEnv({}, 3000)).toMatchObject({ HOST: "127.0.0.1", ORRERY_DEMO: "1", PORT: "3000" });
    expect(demoServerEnv({ HOST: "0.0.0.0" }, 4000).HOST).toBe("0.0.0.0");
  });

  it("refuses a PostgreSQL DATABASE_URL before touching it, unless asked for a throwaway database", async () => {
    const child = spawn(process.execPath, ["scripts/demo.mjs"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: "postgresql://orrery@127.0.0.1:9/orrery",
        ORRERY_DEMO_ON_POSTGRES: "",
      },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("npm run demo refuses a PostgreSQL DATABASE_URL");
  });
});
