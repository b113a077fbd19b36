// Runs one of Orrery's entry points as a real child process, the way npm scripts do, for tests that need
// the process boundary (exit codes, stderr, start-up order).
import { spawn } from "node:child_process";

export type ScriptRun = {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
};

const ROOT = new URL("..", import.meta.url).pathname;
const TS_NODE = ["--import", "tsx", "--import", "./scripts/register.mjs"];

/** The test runner's own settings removed, so each test says exactly what the child sees. */
export function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of [
    "NEXTAUTH_SECRET",
    "NEXTAUTH_URL",
    "ORRERY_DEMO",
    "ORRERY_ALLOW_INSECURE_HTTP",
    "VITEST",
  ]) {
    delete base[key];
  }
  return { ...base, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", ...env } as NodeJS.ProcessEnv;
}

export function runScript(
  args: string[],
  env: Record<string, string | undefined>,
  {
    timeoutMs = 30_000,
    until,
  }: { timeoutMs?: number; until?: (out: { stdout: string; stderr: string }) => boolean } = {},
): Promise<ScriptRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [...TS_NODE, ...args], { cwd: ROOT, env: cleanEnv(env) });
  const out = { stdout: "", stderr: "" };
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const check = () => {
      if (until?.(out)) child.kill("SIGTERM");
    };
    child.stdout.on("data", (chunk) => ((out.stdout += String(chunk)), check()));
    child.stderr.on("data", (chunk) => ((out.stderr += String(chunk)), check()));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ...out, ms: Date.now() - started });
    });
  });
}
