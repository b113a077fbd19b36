// The HA test's processes: replicas (`npm start`'s entry), a worker (`npm run worker`'s script) and HAProxy
// with scripts/ha/haproxy.cfg. Each Orrery process leads its own process group, so a SIGKILL takes its
// reconciler child down with it, as a machine that dies would.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";

const NODE_ARGS = ["--import", "tsx", "--import", "./scripts/register.mjs"];
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Proc = { name: string; child: ChildProcess; exited: Promise<number | null>; log: string };

export class Cluster {
  readonly procs = new Map<string, Proc>();

  constructor(
    private readonly root: string,
    private readonly logDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Proc {
    const log = join(this.logDir, `${name}.log`);
    const out = createWriteStream(log, { flags: "a" });
    const child = spawn(command, args, {
      cwd: this.root,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const proc = { name, child, exited, log };
    this.procs.set(name, proc);
    return proc;
  }

  replica(name: string, port: number): Proc {
    return this.start(name, process.execPath, [...NODE_ARGS, "server/main.ts"], {
      ...this.env,
      PORT: String(port),
      HOST: "127.0.0.1",
    });
  }

  worker(): Proc {
    return this.start("worker", process.execPath, [...NODE_ARGS, "scripts/worker.ts"], this.env);
  }

  haproxy(bind: string, replicas: Record<"A" | "B", string>): Proc {
    return this.start("haproxy", "/usr/sbin/haproxy", ["-db", "-f", "scripts/ha/haproxy.cfg"], {
      ...this.env,
      ORRERY_HA_BIND: bind,
      ORRERY_REPLICA_A: replicas.A,
      ORRERY_REPLICA_B: replicas.B,
    });
  }

  /** The name of the process whose group holds `pid` (a replica's reconciler child counts as the replica). */
  ownerOf(pid: number): string | null {
    let group = pid;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so split after the ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
    } catch {
      return null;
    }
    for (const [name, proc] of this.procs) if (proc.child.pid === group) return name;
    return null;
  }

  signal(name: string, signal: NodeJS.Signals, group = true): void {
    const pid = this.procs.get(name)?.child.pid;
    if (!pid) return;
    try {
      process.kill(group ? -pid : pid, signal);
    } catch {
      // Already gone.
    }
  }

  async stopAll(): Promise<void> {
    const orrery = [...this.procs.values()].filter((p) => p.name !== "haproxy");
    for (const p of orrery) this.signal(p.name, "SIGTERM", false);
    await Promise.race([Promise.all(orrery.map((p) => p.exited)), sleep(25_000)]);
    for (const name of this.procs.keys()) this.signal(name, "SIGKILL");
  }
}

/** Waits until `proc` answers 200 on `url`; fails at once, naming its log, if it exits first. */
export async function ready(proc: Proc, url: string): Promise<void> {
  const died = proc.exited.then((code) => {
    throw new Error(`${proc.name} exited (${code}) before it was ready; its log: ${proc.log}`);
  });
  await Promise.race([waitFor(url), died]);
}

/** Polls `url` until it answers 200 (or `ms` pass). */
export async function waitFor(url: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // Not up yet.
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${ms / 1000} s`);
}
