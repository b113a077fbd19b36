// The simulator's memory between runs: agent tokens, seq counters, installed stack versions and executed
// command keys, so a restart resumes without enrolling again and never reuses a seq.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { errnoCode, errorMessage } from "./errors";

export type AgentState = {
  satelliteId: string;
  agentToken: string;
  /** The last seq given to a sample. */
  seq: number;
  stackVersion: string;
  executedKeys: string[];
};

export type SimState = { agents: Record<string, AgentState> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function parseAgent(raw: unknown): AgentState | null {
  if (!isRecord(raw)) return null;
  const { satelliteId, agentToken, seq, stackVersion, executedKeys } = raw;
  if (typeof satelliteId !== "string" || typeof agentToken !== "string") return null;
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 0) return null;
  return {
    satelliteId,
    agentToken,
    seq,
    stackVersion: typeof stackVersion === "string" ? stackVersion : "",
    executedKeys: Array.isArray(executedKeys) ? executedKeys.filter((k) => typeof k === "string") : [],
  };
}

/** Entries that do not parse are skipped: those satellites simply enroll again. */
export function parseState(text: string): SimState {
  const data: unknown = JSON.parse(text);
  const agents: Record<string, AgentState> = {};
  if (isRecord(data) && isRecord(data.agents)) {
    for (const [slug, raw] of Object.entries(data.agents)) {
      const agent = parseAgent(raw);
      if (agent) agents[slug] = agent;
    }
  }
  return { agents };
}

/** An empty state when the file does not exist yet; a broken file is an error, not silently lost tokens. */
export async function loadState(path: string): Promise<SimState> {
  try {
    return parseState(await readFile(path, "utf8"));
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return { agents: {} };
    throw new Error(`cannot read the state file ${path}: ${errorMessage(error)}`);
  }
}

const writing = new Map<string, Promise<void>>();

/**
 * Write then rename, so a crash mid-write leaves the previous file whole. Saves of one path run one at a
 * time in call order, so an older snapshot never lands over a newer one (a rotated token saved at once).
 */
export function saveState(path: string, state: SimState): Promise<void> {
  const text = `${JSON.stringify(state, null, 1)}\n`;
  const write = async () => {
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, path);
  };
  const done = (writing.get(path) ?? Promise.resolve()).catch(() => {}).then(write);
  writing.set(path, done);
  void done
    .finally(() => {
      if (writing.get(path) === done) writing.delete(path);
    })
    .catch(() => {});
  return done;
}
