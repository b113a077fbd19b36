"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { ReleaseOption } from "@/app/(console)/commands/actions";
import { formatNumber } from "@/lib/format";
import { CommandDialogButton } from "./command-dialog";
import styles from "./commands.module.css";

type Selection = {
  /** Satellites on this page that may be selected. */
  pageIds: string[];
  ids: ReadonlySet<string>;
  /** Every satellite the filters match, on every page, rather than the ticked rows. */
  isAllMatching: boolean;
  toggle: (id: string, isOn: boolean) => void;
  setPage: (isOn: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("Satellite selection controls must sit inside <SatelliteSelection>");
  return selection;
}

/**
 * Row selection for the Satellites list. The page keys it by its query, so changing a filter or a page
 * starts a new selection instead of carrying ticks the operator can no longer see.
 */
export function SatelliteSelection({ pageIds, children }: { pageIds: string[]; children: React.ReactNode }) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [isAllMatching, setAllMatching] = useState(false);
  const value: Selection = {
    pageIds,
    ids,
    isAllMatching,
    toggle: (id, isOn) => {
      setAllMatching(false);
      setIds((prev) => {
        const next = new Set(prev);
        if (isOn) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    setPage: (isOn) => {
      setAllMatching(false);
      setIds(isOn ? new Set(pageIds) : new Set());
    },
    selectAllMatching: () => {
      setIds(new Set(pageIds));
      setAllMatching(true);
    },
    clear: () => {
      setAllMatching(false);
      setIds(new Set());
    },
  };
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** The header cell that ticks every selectable row on the page. */
export function SelectPageCell() {
  const { pageIds, ids, setPage } = useSelection();
  const box = useRef<HTMLInputElement>(null);
  const isAll = pageIds.length > 0 && pageIds.every((id) => ids.has(id));
  const isSome = !isAll && ids.size > 0;
  useEffect(() => {
    if (box.current) box.current.indeterminate = isSome;
  }, [isSome]);
  return (
    <th scope="col" className={styles.selectCell}>
      <input
        ref={box}
        type="checkbox"
        aria-label="Select every satellite on this page"
        checked={isAll}
        disabled={pageIds.length === 0}
        onChange={(e) => setPage(e.target.checked)}
      />
    </th>
  );
}

/** A row's cell; a satellite the caller may not command shows why instead of being selectable. */
export function SelectRowCell({ id, label, refusal }: { id: string; label: string; refusal: string | null }) {
  const { ids, toggle } = useSelection();
  return (
    <td className={styles.selectCell}>
      <input
        type="checkbox"
        aria-label={`Select ${label}`}
        title={refusal ?? undefined}
        checked={!refusal && ids.has(id)}
        disabled={!!refusal}
        onChange={(e) => toggle(id, e.target.checked)}
      />
    </td>
  );
}

/**
 * What is selected, and the way to command it. Once the whole page is ticked it offers every satellite
 * the filters match, which the server resolves from the same filters when the command is sent.
 */
export function BulkCommandBar({
  total,
  filter,
  releases,
}: {
  /** How many satellites the filters match across all pages. */
  total: number;
  /** The list's filters as a query string. */
  filter: string;
  releases: ReleaseOption[];
}) {
  const { pageIds, ids, isAllMatching, selectAllMatching, clear } = useSelection();
  if (ids.size === 0 && !isAllMatching) return null;
  const isPageSelected = pageIds.length > 0 && pageIds.every((id) => ids.has(id));
  const count = isAllMatching ? total : ids.size;
  return (
    <div className={styles.bulkBar} role="region" aria-label="Selected satellites">
      <strong>
        {isAllMatching
          ? `All ${formatNumber(total)} satellites matching these filters are selected.`
          : `${formatNumber(count)} selected.`}
      </strong>
      {!isAllMatching && isPageSelected && total > pageIds.length && (
        <button type="button" className="btn small" onClick={selectAllMatching}>
          Select all {formatNumber(total)} matching
        </button>
      )}
      <button type="button" className="btn small ghost" onClick={clear}>
        Clear selection
      </button>
      <span className={styles.spacer} />
      <CommandDialogButton
        className="btn small primary"
        count={count}
        target={isAllMatching ? { filter } : { satelliteIds: [...ids] }}
        releases={releases}
      />
    </div>
  );
}
