// Which commands deployment windows hold, in one place for the command queue and the composer alike.

/** Read-only commands change nothing, so no window holds them. */
export const WINDOW_EXEMPT: ReadonlySet<string> = new Set(["diagnostics.run"]);
/** Urgent commands that may bypass a deployment window with a reason: a leaked credential, a drain. */
export const WINDOW_BYPASS_TYPES: ReadonlySet<string> = new Set([
  "agent.rotate-credentials",
  "satellite.cordon",
]);
