"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useEffect, useId, useRef, useState, useTransition } from "react";
import { useDismiss } from "@/components/shell/use-dismiss";
import { CONNECTIVITY, HEALTH } from "@/lib/connectivity";
import { SATELLITE_KINDS } from "@/lib/fleet";
import { FLEET_FILTER_KEYS } from "@/lib/fleet-map";
import styles from "./fleet-filters.module.css";

export type ExtraSelect = {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** The option that means "not given"; choosing it removes the key from the URL. */
  defaultValue?: string;
  width?: number;
};

type Props = {
  regions: { id: string; name: string }[];
  providers: string[];
  /** Page-specific selects kept in the same URL (the list's lifecycle and page size). */
  extra?: ExtraSelect[];
  /** Keys that a filter change clears, such as the list's page number. */
  resetKeys?: string[];
  /** Filters apply as they change; the button is for those who expect one. */
  showApply?: boolean;
};

const ALL_KEYS = [...FLEET_FILTER_KEYS] as string[];
const SEARCH_DELAY_MS = 300;

/**
 * The fleet filters shared by the map and the Satellites list. State lives in the URL, so a filtered view
 * can be bookmarked and shared, and switching between the map and the list keeps the same selection.
 * At phone width they wait behind a "Filters (n)" button and open as a sheet, so the list comes first.
 */
export function FleetFilters({
  regions,
  providers,
  extra = [],
  resetKeys = ["page"],
  showApply = true,
}: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [label, setLabel] = useState(params.get("label") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [isOpen, setOpen] = useState(false);
  const panel = useRef<HTMLFormElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useDismiss(isOpen, () => setOpen(false), [panel, toggle], toggle);
  useEffect(() => {
    if (isOpen) panel.current?.focus();
  }, [isOpen]);

  // The URL can change under us (back button, a KPI link): keep the text fields in step.
  const urlQ = params.get("q") ?? "";
  const urlLabel = params.get("label") ?? "";
  useEffect(() => setQ(urlQ), [urlQ]);
  useEffect(() => setLabel(urlLabel), [urlLabel]);

  function apply(changes: Record<string, string>) {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    for (const key of resetKeys) next.delete(key);
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function onSearch(value: string) {
    setQ(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => apply({ q: value.trim() }), SEARCH_DELAY_MS);
  }

  const clearable = [...ALL_KEYS, ...extra.map((x) => x.name)];
  const active = clearable.some((k) => params.get(k));
  // What the button counts: the filters, not a choice with a default such as the page size.
  const counted = [...ALL_KEYS, ...extra.filter((x) => x.defaultValue === undefined).map((x) => x.name)];
  const activeCount = counted.filter((k) => params.get(k)).length;

  const select = (
    name: string,
    text: string,
    options: readonly { value: string; label: string }[],
    width?: number,
    defaultValue = "",
  ) => (
    <div className="field" style={width ? { width } : undefined}>
      <label htmlFor={`f-${name}`}>{text}</label>
      <select
        id={`f-${name}`}
        name={name}
        value={params.get(name) ?? defaultValue}
        onChange={(e) => apply({ [name]: e.target.value === defaultValue ? "" : e.target.value })}
      >
        {defaultValue === "" && <option value="">All</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replace("_", " ") }));

  return (
    <div className={styles.root}>
      <button
        ref={toggle}
        type="button"
        className={`btn ${styles.toggle}`}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Filters{activeCount ? ` (${activeCount})` : ""}
      </button>
      {isOpen && <div className={styles.backdrop} aria-hidden="true" />}
      <form
        ref={panel}
        id={panelId}
        tabIndex={-1}
        className={`filters ${styles.panel}`}
        data-open={isOpen || undefined}
        role="search"
        aria-label="Filter satellites"
        aria-busy={pending}
        onSubmit={(e) => {
          e.preventDefault();
          if (timer.current) clearTimeout(timer.current);
          apply({ q: q.trim(), label: label.trim() });
        }}
      >
        <div className={styles.sheetHead}>
          <h2>Filters</h2>
          <button type="button" className="btn small" onClick={() => setOpen(false)}>
            Done
          </button>
        </div>
        <div className="field search">
          <label htmlFor="f-q">Search</label>
          <input
            id="f-q"
            name="q"
            type="search"
            placeholder="Name, slug, city, country…"
            value={q}
            onChange={(e) => onSearch(e.target.value)}
          />
        </div>
        {select(
          "region",
          "Region",
          regions.map((r) => ({ value: r.id, label: r.id })),
        )}
        {select("kind", "Kind", plain(SATELLITE_KINDS))}
        {select("provider", "Provider", plain(providers))}
        {select("connectivity", "Connectivity", plain(CONNECTIVITY))}
        {select("health", "Health", plain(HEALTH))}
        <div className="field label">
          <label htmlFor="f-label">Label</label>
          <input
            id="f-label"
            name="label"
            placeholder="key=value"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            onBlur={() => {
              if (label.trim() !== urlLabel) apply({ label: label.trim() });
            }}
          />
        </div>
        {extra.map((x) => (
          <Fragment key={x.name}>
            {select(x.name, x.label, x.options, x.width, x.defaultValue ?? "")}
          </Fragment>
        ))}
        {showApply ? (
          <button className="btn" type="submit">
            Apply
          </button>
        ) : (
          <button type="submit" hidden />
        )}
        <button
          className="btn ghost"
          type="button"
          disabled={!active}
          onClick={() => {
            setQ("");
            setLabel("");
            apply(Object.fromEntries(clearable.map((k) => [k, ""])));
          }}
        >
          Clear filters
        </button>
        {pending && (
          <span className="muted small" role="status">
            Updating…
          </span>
        )}
      </form>
    </div>
  );
}
