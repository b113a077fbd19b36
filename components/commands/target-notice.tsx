"use client";

import { useEffect, useState } from "react";
import { commandTargetAction } from "@/app/(console)/commands/actions";
import type { TargetFacts } from "@/server/commands/target-facts";
import { formatCount, formatNumber } from "@/lib/format";
import type { CommandTarget } from "./command-composer";

type Facts = { key: string; facts: TargetFacts | null; problem: string | null };

/**
 * What the server says about a composer's target before the form is filled in (its regions, which of them
 * the caller may command, the services its satellites report); null until it has answered. A failed
 * lookup is shown, and the form still works: sending checks everything again.
 */
export function useTargetFacts(target: CommandTarget): Facts | null {
  const key = JSON.stringify(target);
  const [answer, setAnswer] = useState<Facts | null>(null);
  useEffect(() => {
    let isCurrent = true;
    commandTargetAction(JSON.parse(key))
      .then((result) => {
        if (!isCurrent) return;
        setAnswer(
          result.ok
            ? { key, facts: result.data, problem: null }
            : { key, facts: null, problem: result.error.message },
        );
      })
      .catch(() => isCurrent && setAnswer({ key, facts: null, problem: null }));
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return answer?.key === key ? answer : null;
}

/**
 * Says, before anything is typed, when part of the selection lies outside the caller's regions, and offers
 * to narrow to the part inside ("Narrow to eu-gdpr (71)"); when none is inside, says so.
 */
export function TargetNotice({
  answer,
  onNarrow,
}: {
  answer: Facts | null;
  onNarrow: (target: CommandTarget) => void;
}) {
  if (!answer) return null;
  if (answer.problem) {
    return (
      <div role="alert" className="alert error">
        {answer.problem}
      </div>
    );
  }
  const facts = answer.facts;
  const outside = facts?.regions.filter((r) => !r.isAllowed) ?? [];
  if (!facts || outside.length === 0) return null;
  const count = outside.reduce((n, r) => n + r.count, 0);
  const where = outside.map((r) => `${r.regionId} (${formatNumber(r.count)})`).join(", ");
  const of = `${formatNumber(count)} of these ${formatCount(facts.total, "satellite")}`;
  if (!facts.narrowed) {
    return (
      <div role="alert" className="alert error" data-testid="target-notice">
        None of these satellites is in your regions: they are in {where}. Your role cannot command them.
      </div>
    );
  }
  const narrowed = facts.narrowed;
  return (
    <div role="note" className="alert info row-between" data-testid="target-notice">
      <span>
        {of} {count === 1 ? "is" : "are"} outside your regions — {where} — and would refuse the whole command.
      </span>
      <button type="button" className="btn small" onClick={() => onNarrow(narrowed.target)}>
        Narrow to {narrowed.label}
      </button>
    </div>
  );
}
