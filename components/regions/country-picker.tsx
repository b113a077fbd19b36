"use client";

import { useId, useMemo, useState } from "react";
import styles from "./regions.module.css";

export type CountryOption = {
  code: string;
  name: string;
  /** The live region that lists it now, other than the one being edited. */
  heldBy?: { id: string; name: string } | null;
};

/** At most this many matches are listed at once; typing narrows them. */
const SHOWN = 60;

/**
 * A searchable multi-select of countries: the chosen ones as removable chips (posted as repeated `name`
 * inputs), a search box, and the matches as checkboxes. A country another region lists says which one;
 * choosing it anyway is refused on save with the same words.
 */
export function CountryPicker({
  name,
  label,
  options,
  selected,
  onChange,
  hint,
  error,
}: {
  name: string;
  label: string;
  options: CountryOption[];
  selected: string[];
  onChange: (codes: string[]) => void;
  hint?: string;
  error?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return options;
    return options.filter((o) => o.code.toLowerCase() === q || o.name.toLowerCase().includes(q));
  }, [options, query]);
  const toggle = (code: string, isOn: boolean) =>
    onChange(isOn ? [...new Set([...selected, code])].sort() : selected.filter((c) => c !== code));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={`field wide ${styles.picker}`} aria-describedby={describedBy || undefined}>
      <legend className={styles.legend}>{label}</legend>
      {selected.map((code) => (
        <input key={code} type="hidden" name={name} value={code} />
      ))}
      <div className={styles.chips} aria-label={`${label}: chosen`} role="list">
        {selected.length === 0 && <span className="muted small">None yet: search below and tick some.</span>}
        {selected.map((code) => (
          <span key={code} className={styles.chip} role="listitem">
            <span className="mono">{code}</span> {byCode.get(code)?.name ?? ""}
            <button
              type="button"
              className={styles.chipRemove}
              aria-label={`Remove ${byCode.get(code)?.name ?? code}`}
              onClick={() => toggle(code, false)}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        aria-label={`Search ${label.toLowerCase()}`}
        placeholder="Search by name or code"
        aria-invalid={error ? true : undefined}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter adds the single match instead of submitting the whole form.
          if (e.key !== "Enter") return;
          e.preventDefault();
          if (matches.length === 1) toggle(matches[0].code, true);
        }}
      />
      <div className={styles.options} role="group" aria-label={`${label}: matches`}>
        {matches.slice(0, SHOWN).map((o) => (
          <label key={o.code}>
            <input
              type="checkbox"
              checked={selected.includes(o.code)}
              onChange={(e) => toggle(o.code, e.target.checked)}
            />
            <span className="mono">{o.code}</span>
            <span>{o.name}</span>
            {o.heldBy && <span className={styles.held}>in {o.heldBy.id}</span>}
          </label>
        ))}
        {matches.length === 0 && <span className="muted small">No country matches “{query}”.</span>}
        {matches.length > SHOWN && (
          <span className="muted small">{matches.length - SHOWN} more: type to narrow the list.</span>
        )}
      </div>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
