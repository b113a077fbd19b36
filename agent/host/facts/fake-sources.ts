// Scripted FactSources for the readers' tests: files and directories from a map, commands by "file args".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExecResult, FactSources } from "./sources";

export const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
export const ok = (stdout: string, code = 0): ExecResult => ({ kind: "ok", code, stdout });
export const missing: ExecResult = { kind: "missing" };
export const timeout: ExecResult = { kind: "timeout" };

export type Script = {
  files?: Record<string, string>;
  dirs?: Record<string, string[]>;
  /** Keyed by the program and its arguments joined with spaces; an unscripted program is missing. */
  commands?: Record<string, ExecResult>;
};

export function fakeSources(script: Script): FactSources & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    readText: (path) => script.files?.[path] ?? null,
    listDir: (path) => script.dirs?.[path] ?? null,
    exec: async (file, args) => {
      const key = [file, ...args].join(" ");
      ran.push(key);
      return script.commands?.[key] ?? missing;
    },
  };
}
