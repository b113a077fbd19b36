"use client";

import { useRef, useState } from "react";
import { fetchJson, HttpError } from "@/lib/fetch-json";
import styles from "./incidents.module.css";

type Suggestion = { slug: string; name: string; city: string; regionId: string };

/** The satellites API answers `{ items: [...] }`; anything else (an error body) suggests nothing. */
function isSuggestionList(value: unknown): value is { items: Suggestion[] } {
  return !!value && typeof value === "object" && "items" in value && Array.isArray(value.items);
}

/**
 * Whether a typed slug names a satellite: "unknown" only when Orrery says there is none, so a lookup that
 * fails for another reason lets the chip stand (the form's own check runs again on submit).
 */
async function lookUp(slug: string): Promise<"known" | "unknown"> {
  try {
    await fetchJson(`/api/v1/satellites/${encodeURIComponent(slug)}`, { fallback: "Could not look it up" });
    return "known";
  } catch (error) {
    return error instanceof HttpError && error.status === 404 ? "unknown" : "known";
  }
}

/**
 * Chosen satellites as removable chips (each a hidden field), plus a text input that suggests satellites
 * from the fleet as you type. Enter adds what was typed; each chip is checked as it is added, and a slug
 * that names no satellite is refused with a message. Text left in the input is submitted too.
 */
export function SatellitePicker({
  id,
  name,
  initial = [],
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  initial?: string[];
  invalid?: boolean;
  describedBy?: string;
}) {
  const [chosen, setChosen] = useState<string[]>(initial);
  const [text, setText] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);

  const add = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
    const slugs = [...new Set(value.split(/[\s,]+/).filter(Boolean))].filter((s) => !chosen.includes(s));
    const known = new Set(suggestions.map((s) => s.slug));
    setText("");
    setSuggestions([]);
    setRefused([]);
    if (slugs.length === 0) return;
    // A chip appears at once; one that names no satellite leaves again with a message.
    setChosen((prev) => [...prev, ...slugs.filter((s) => !prev.includes(s))]);
    for (const slug of slugs.filter((s) => !known.has(s))) {
      void lookUp(slug).then((answer) => {
        if (answer === "known") return;
        setChosen((prev) => prev.filter((s) => s !== slug));
        setRefused((prev) => (prev.includes(slug) ? prev : [...prev, slug]));
      });
    }
  };

  const suggest = (query: string) => {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
    if (query.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/api/v1/satellites?limit=8&q=${encodeURIComponent(query.trim())}`, {
          signal: controller.signal,
        });
        const body: unknown = response.ok ? await response.json() : null;
        setSuggestions(isSuggestionList(body) ? body.items : []);
      } catch {
        // Suggestions are a convenience: typing a slug still works when the lookup fails or is superseded.
      }
    }, 200);
  };

  return (
    <div className={styles.picker}>
      {chosen.length > 0 && (
        <ul className={styles.chips} aria-label="Chosen satellites">
          {chosen.map((slug) => (
            <li key={slug} className={styles.chip}>
              {slug}
              <input type="hidden" name={name} value={slug} />
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={`Remove ${slug}`}
                onClick={() => setChosen((prev) => prev.filter((s) => s !== slug))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        name={name}
        value={text}
        list={`${id}-suggestions`}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => {
          const value = event.target.value;
          // Picking a suggestion replaces the text in one step: add it at once.
          const isPick =
            !(event.nativeEvent instanceof InputEvent) ||
            event.nativeEvent.inputType === "insertReplacementText";
          if (isPick && suggestions.some((s) => s.slug === value)) return add(value);
          setText(value);
          suggest(value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && text.trim()) {
            event.preventDefault();
            add(text);
          }
        }}
      />
      {refused.length > 0 && (
        <span className="error" role="alert">
          {refused.length === 1
            ? `No satellite is called "${refused[0]}": check the slug, or pick one from the suggestions.`
            : `No satellites are called ${refused.map((s) => `"${s}"`).join(", ")}: check the slugs.`}
        </span>
      )}
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.name} · {s.city} · {s.regionId}
          </option>
        ))}
      </datalist>
    </div>
  );
}
