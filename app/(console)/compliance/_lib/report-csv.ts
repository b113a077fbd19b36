import type { ReportView } from "@/components/compliance/types";
import { csvCell } from "@/server/http/csv";

const row = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * The report as CSV, in batches of lines so a large report is streamed rather than held as one string: a
 * `section` column says which part each line belongs to (result, waiver, change), so a spreadsheet can
 * filter it, and the header lines say what moment and scope it shows.
 */
export function* reportCsvBatches(r: ReportView, size = 2000): Generator<string> {
  let batch = "";
  let n = 0;
  for (const line of reportCsvLines(r)) {
    batch += line;
    if (++n % size === 0) {
      yield batch;
      batch = "";
    }
  }
  if (batch) yield batch;
}

function* reportCsvLines(r: ReportView): Generator<string> {
  yield row([
    "section",
    "at",
    "region",
    "framework",
    "policy",
    "version",
    "frameworks",
    "satellite",
    "region_of_satellite",
    "result",
    "reason",
    "since",
    "by",
    "expires",
    "action",
  ]);
  const head = [r.at, r.region, r.framework] as const;
  for (const p of r.policies) {
    if (p.satellites.length === 0) {
      yield row([
        "result",
        ...head,
        p.policyId,
        p.version,
        p.frameworks.join("; "),
        null,
        null,
        null,
        "no satellite in scope",
        null,
        null,
        null,
        null,
      ]);
    }
    for (const s of p.satellites) {
      yield row([
        "result",
        ...head,
        p.policyId,
        p.version,
        p.frameworks.join("; "),
        s.slug,
        s.regionId,
        s.outcome,
        s.reason,
        s.since,
        null,
        null,
        null,
      ]);
    }
  }
  for (const w of r.waivers) {
    yield row([
      "waiver",
      ...head,
      w.policyId,
      null,
      null,
      w.target,
      null,
      w.revokedAt ? "revoked" : "waived",
      w.reason,
      w.createdAt,
      w.createdBy,
      w.expiresAt,
      null,
    ]);
  }
  for (const e of r.audit) {
    yield row([
      "change",
      ...head,
      null,
      null,
      null,
      e.target,
      null,
      null,
      e.summary,
      e.at,
      e.actor,
      null,
      e.action,
    ]);
  }
}
