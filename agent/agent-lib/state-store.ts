import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AckRequest } from "../protocol";
import { writeFileAtomic } from "./atomic-write";

export const MAX_REMEMBERED_COMMANDS = 1000;
/** Reported until --stack-version or an upgrade says otherwise; sorts below every real release. */
export const DEFAULT_STACK_VERSION = "0.0.0";
/** Older records keep status and message only; a redelivery comes within minutes, never 50 commands later. */
export const RESULTS_KEPT = 50;
/** Seq numbers are reserved this many at a time, so state.json is not rewritten for every sample. */
export const SEQ_BLOCK = 60;

/** One command this agent started; `finalAck` is set once it ended, and is what a redelivery gets back. */
export type CommandRecord = {
  key: string;
  commandId: string;
  type: string;
  startedAt: string;
  finalAck?: AckRequest;
};
export type PendingAck = { commandId: string; ack: AckRequest };

export type AgentState = {
  version: 1;
  core: string;
  satelliteId: string;
  agentToken: string;
  heartbeatIntervalSec: number;
  /** Every seq up to this one may have been handed out; the next start continues above it. */
  seq: number;
  stackVersion: string | null;
  /** The --stack-version of the last start: a changed flag wins over what an upgrade reported. */
  stackVersionFlag: string | null;
  commands: CommandRecord[];
  pendingAcks: PendingAck[];
};

export type Enrollment = Pick<
  AgentState,
  "core" | "satelliteId" | "agentToken" | "heartbeatIntervalSec" | "seq" | "stackVersion"
>;

/** DIR/state.json: every change is written at once, atomically, readable by the agent's user only. */
export class StateStore {
  readonly path: string;
  private nextFreeSeq: number;

  private constructor(
    readonly dir: string,
    private current: AgentState | null,
  ) {
    this.path = join(dir, "state.json");
    this.nextFreeSeq = (current?.seq ?? 0) + 1;
  }

  static open(dir: string): StateStore {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, "state.json");
    if (!existsSync(path)) return new StateStore(dir, null);
    return new StateStore(dir, parseState(readFileSync(path, "utf8"), path));
  }

  get isEnrolled(): boolean {
    return this.current !== null;
  }

  get state(): Readonly<AgentState> {
    if (!this.current) throw new Error("not enrolled yet");
    return this.current;
  }

  /** Enrolling again for the same satellite keeps the command records, so none runs twice. */
  enrolled(enrollment: Enrollment): void {
    const kept = this.current?.satelliteId === enrollment.satelliteId ? this.current : null;
    this.current = {
      version: 1,
      ...enrollment,
      stackVersionFlag: kept?.stackVersionFlag ?? null,
      commands: kept?.commands ?? [],
      pendingAcks: kept?.pendingAcks ?? [],
    };
    this.nextFreeSeq = enrollment.seq + 1;
    this.save();
  }

  /** The next sample number. Its block is saved before it is handed out, so no number is used twice. */
  nextSeq(): number {
    if (this.nextFreeSeq > this.state.seq) this.update((s) => (s.seq = this.nextFreeSeq + SEQ_BLOCK - 1));
    return this.nextFreeSeq++;
  }

  /** The last seq handed out (or reserved by an earlier run). */
  get lastSeq(): number {
    return this.nextFreeSeq - 1;
  }

  /** Makes every later seq greater than `used`. */
  raiseSeq(used: number): void {
    if (used >= this.nextFreeSeq) this.nextFreeSeq = used + 1;
    if (used > this.state.seq) this.update((s) => (s.seq = used));
  }

  /** A rotated token: saved before it is used, and left unchanged (on disk and here) if saving fails. */
  setAgentToken(token: string): void {
    const state = this.mutable();
    const previous = state.agentToken;
    state.agentToken = token;
    try {
      this.save();
    } catch (error) {
      state.agentToken = previous;
      throw error;
    }
  }

  /** A unit file keeps its --stack-version after an upgrade; only a changed flag means a new version. */
  applyStackVersionFlag(flag: string | null): void {
    if (!flag || flag === this.state.stackVersionFlag) return;
    this.update((s) => {
      s.stackVersion = flag;
      s.stackVersionFlag = flag;
    });
  }

  update(change: (state: AgentState) => void): void {
    change(this.mutable());
    this.save();
  }

  findCommand(key: string): CommandRecord | undefined {
    return this.state.commands.find((c) => c.key === key);
  }

  startCommand(record: CommandRecord): void {
    this.update((s) => {
      s.commands.push(record);
      // Forget the oldest finished commands first; one still running is never forgotten.
      const excess = s.commands.length - MAX_REMEMBERED_COMMANDS;
      if (excess <= 0) return;
      const forget = new Set(s.commands.filter((c) => c.finalAck).slice(0, excess));
      s.commands = s.commands.filter((c) => !forget.has(c));
    });
  }

  finishCommand(key: string, finalAck: AckRequest): void {
    this.update((s) => {
      const record = s.commands.find((c) => c.key === key);
      if (record) record.finalAck = finalAck;
      const finished = s.commands.filter((c) => c.finalAck?.result);
      for (const old of finished.slice(0, -RESULTS_KEPT)) delete old.finalAck?.result;
    });
  }

  /** Keeps only the newest ack per command: a final ack supersedes a "running" one not yet sent. */
  queueAck(commandId: string, ack: AckRequest): void {
    this.update((s) => {
      s.pendingAcks = s.pendingAcks.filter((p) => p.commandId !== commandId);
      s.pendingAcks.push({ commandId, ack });
    });
  }

  removeAck(pending: PendingAck): void {
    this.update((s) => {
      s.pendingAcks = s.pendingAcks.filter((p) => p !== pending);
    });
  }

  save(): void {
    writeFileAtomic(this.path, `${JSON.stringify(this.state, null, 2)}\n`);
  }

  private mutable(): AgentState {
    if (!this.current) throw new Error("not enrolled yet");
    return this.current;
  }
}

function parseState(text: string, path: string): AgentState {
  const fail = (why: string) =>
    new Error(`${path} is unreadable (${why}); move it aside and enroll again with a new join token`);
  let raw: Partial<AgentState>;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  if (raw?.version !== 1) throw fail("unknown version");
  if (typeof raw.agentToken !== "string" || !raw.agentToken) throw fail("no agent token");
  if (!Number.isSafeInteger(raw.seq) || (raw.seq ?? -1) < 0) throw fail("bad seq");
  return {
    version: 1,
    core: String(raw.core ?? ""),
    satelliteId: String(raw.satelliteId ?? ""),
    agentToken: raw.agentToken,
    heartbeatIntervalSec: Number(raw.heartbeatIntervalSec) > 0 ? Number(raw.heartbeatIntervalSec) : 10,
    seq: raw.seq ?? 0,
    stackVersion: typeof raw.stackVersion === "string" ? raw.stackVersion : null,
    stackVersionFlag: typeof raw.stackVersionFlag === "string" ? raw.stackVersionFlag : null,
    commands: Array.isArray(raw.commands) ? raw.commands : [],
    pendingAcks: Array.isArray(raw.pendingAcks) ? raw.pendingAcks : [],
  };
}
