// The RRULE text of a deployment window: DTSTART is the wall time in the window's zone (no TZID, no Z), so
// the same text means "22:00 local" wherever the window is evaluated.
import * as rruleModule from "rrule";

// Bundlers read rrule's ES build (named exports); Node's own loader reads its UMD build, whose names only
// the default export carries. Take them from whichever this runtime gave.
const rrule: typeof rruleModule =
  "RRule" in rruleModule ? rruleModule : (rruleModule as unknown as { default: typeof rruleModule }).default;
const { RRule, rrulestr } = rrule;
type RRule = rruleModule.RRule;

const SUB_HOURLY = new Set([RRule.SECONDLY, RRule.MINUTELY]);
const cache = new Map<string, RRule>();

export type ParsedRule = { rule: RRule } | { error: string };

/** The rule, or why the text is not one a window can use, in words for the form. */
export function parseWindowRule(text: string): ParsedRule {
  const cached = cache.get(text);
  if (cached) return { rule: cached };
  const trimmed = text.trim();
  if (!/^DTSTART[:;]/im.test(trimmed)) {
    return { error: "needs a DTSTART line, e.g. DTSTART:20260105T220000 (wall time in the window's zone)" };
  }
  if (/TZID=|DTSTART:\d{8}T\d{6}Z/i.test(trimmed)) {
    return { error: "DTSTART must be a plain wall time without TZID or Z; choose the zone in its own field" };
  }
  let rule: RRule;
  try {
    const parsed = rrulestr(trimmed, { forceset: false });
    if (!(parsed instanceof RRule)) return { error: "must be one RRULE (no RDATE, EXRULE or EXDATE)" };
    rule = parsed;
  } catch (error) {
    return { error: `is not a valid RRULE (${error instanceof Error ? error.message : "unreadable"})` };
  }
  if (SUB_HOURLY.has(rule.options.freq)) return { error: "may recur at most hourly" };
  if (cache.size > 500) cache.clear();
  cache.set(text, rule);
  return { rule };
}
