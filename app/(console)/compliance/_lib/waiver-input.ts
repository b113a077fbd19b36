// The waiver form's fields as createWaiver's input: "who" is one satellite (slug or id) or a label
// selector typed as "key=value, key=value"; the expiry day ends at 23:59:59 UTC.

export function parseSelector(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0 || eq === part.length - 1) return `"${part}" is not key=value`;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** The verb's input, or the selector's own problem (the verb would only see a malformed record). */
export function waiverInput(form: Record<string, unknown>): {
  input: Record<string, unknown>;
  problem: string | null;
} {
  let problem: string | null = null;
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string).trim() : "");
  const input: Record<string, unknown> = { policyId: text("policyId"), reason: text("reason") };
  const day = text("expiresAt");
  // An unreadable day is passed on as it is, so the verb names the field.
  input.expiresAt = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59.000Z` : day;
  if (text("target") === "labels") {
    const parsed = parseSelector(text("labels"));
    if (typeof parsed === "string") problem = parsed;
    else if (Object.keys(parsed).length === 0) problem = "name at least one key=value pair";
    else input.labels = parsed;
  } else if (text("satelliteId")) {
    input.satelliteId = text("satelliteId");
  }
  return { input, problem };
}
