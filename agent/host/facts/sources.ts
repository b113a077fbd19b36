// What the fact readers may touch, injected so unit tests run them against fixture files and scripted
// commands. The real sources never throw: a missing file is null, a command that fails or hangs is a result.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type ExecResult =
  | { kind: "ok"; code: number; stdout: string }
  | { kind: "missing" } // the program is not installed
  | { kind: "timeout" }
  | { kind: "error"; message: string };

export type FactSources = {
  /** A file's text, or null when it cannot be read. */
  readText: (path: string) => string | null;
  /** A directory's entry names, or null when it cannot be listed. */
  listDir: (path: string) => string[] | null;
  /** Runs a program (no shell) with a time limit; `ok` carries any exit code, the reader decides. */
  exec: (file: string, args: string[], timeoutMs: number) => Promise<ExecResult>;
};

const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

export function listDirOrNull(path: string): string[] | null {
  try {
    return readdirSync(path);
  } catch {
    return null;
  }
}

/** execFile with a hard time limit (SIGKILL) and C locale, so the output parses the same everywhere. */
export function execWithTimeout(file: string, args: string[], timeoutMs: number): Promise<ExecResult> {
  return new Promise((resolve) => {
    try {
      execFile(
        file,
        args,
        {
          timeout: timeoutMs,
          killSignal: "SIGKILL",
          maxBuffer: MAX_OUTPUT_BYTES,
          env: { ...process.env, LC_ALL: "C", LANG: "C" },
          windowsHide: true,
        },
        (error, stdout) => {
          if (!error) return resolve({ kind: "ok", code: 0, stdout: String(stdout) });
          const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
          if (e.code === "ENOENT") return resolve({ kind: "missing" });
          if (e.killed) return resolve({ kind: "timeout" });
          if (typeof e.code === "number")
            return resolve({ kind: "ok", code: e.code, stdout: String(stdout) });
          resolve({ kind: "error", message: e.message });
        },
      ).stdin?.end();
    } catch (error) {
      resolve({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    }
  });
}

export const realSources: FactSources = {
  readText: readTextOrNull,
  listDir: listDirOrNull,
  exec: execWithTimeout,
};
