import { z } from "zod";

// The evidence report's address: /compliance/report?region=eu-gdpr&framework=GDPR%20Art.%2032&at=2026-10-01.
// Pure, so the page, the CSV and the tests read the same parameters the same way.

const blank = (v: unknown) => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const PERIOD_DAYS = 90;

export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A report query: `at` is a UTC day, read as its end (the posture as it stood when that day closed). */
export function reportQuery(now: Date) {
  return z.object({
    region: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(40, "is not a compliance region")
        .regex(/^[a-z0-9-]+$/, "is not a compliance region")
        .optional(),
    ),
    framework: z.preprocess(blank, z.string().trim().max(80, "must be at most 80 characters").optional()),
    at: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .default(todayUtc(now))
        .superRefine((text, ctx) => {
          const m = DAY.exec(text);
          const d = m && new Date(`${text}T00:00:00.000Z`);
          if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
            ctx.addIssue({ code: "custom", message: `"${text}" is not a day such as 2026-10-01` });
          } else if (text > todayUtc(now)) {
            ctx.addIssue({
              code: "custom",
              message: "is in the future: a report shows what was, not what will be",
            });
          }
        }),
    ),
  });
}
export type ReportQuery = { region?: string; framework?: string; at: string };

/** The moment the report stands at (the end of its day, or now for today) and the audit period before it. */
export function reportSpan(q: ReportQuery, now: Date): { at: Date; from: Date } {
  const endOfDay = new Date(new Date(`${q.at}T00:00:00.000Z`).getTime() + 86_400_000 - 1);
  const at = endOfDay.getTime() > now.getTime() ? now : endOfDay;
  return { at, from: new Date(at.getTime() - PERIOD_DAYS * 86_400_000) };
}
