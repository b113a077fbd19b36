// One plain line per event on stdout, with an ISO timestamp: journald and `docker logs` keep them as is.

export type Level = "info" | "warn" | "error";
export type Logger = (level: Level, message: string) => void;

export function consoleLogger(now: () => Date = () => new Date()): Logger {
  return (level, message) => {
    process.stdout.write(`${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}\n`);
  };
}

/** A logger that remembers its lines, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = (level: Level, message: string) => {
    lines.push(`${level} ${message}`);
  };
  return Object.assign(logger, { lines });
}
