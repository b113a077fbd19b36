"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";
import { etagFetcher, isSignedOut } from "@/lib/fetch-json";
import type { LiveVersions } from "@/server/live/versions";
import { LiveError } from "./live-error";
import styles from "./live-refresh.module.css";
import { Time } from "./time";

export type { LiveVersions };

export type LiveRefreshProps = {
  /**
   * What the page shows, as scopes of GET /api/v1/live: "commands", "incidents", "overview",
   * "satellite:<id or slug>", "incident:<id>". The server authorizes each with its read permission.
   */
  scopes: readonly string[];
  /**
   * The versions the page was rendered from (`liveVersions(ctx, { scope })` in server/live/versions.ts,
   * read before the page's own queries), so a change between rendering and the first poll is not missed.
   * Without it the first answer is taken as the baseline.
   */
  initial?: LiveVersions;
  /** How often to ask while the tab is visible; default 3 s. */
  intervalMs?: number;
  /** Shown beside the dot; default "Live". */
  label?: string;
  /** Render nothing visible (the polling still runs), for a page that shows liveness elsewhere. */
  isQuiet?: boolean;
};

const DEFAULT_INTERVAL_MS = 3_000;
const MAX_BACKOFF_MS = 60_000;
const fetchVersions = etagFetcher<LiveVersions>({ fallback: "Could not check for changes" });

/** A refresh would re-render under the cursor of someone typing: it waits until they leave the field. */
function isTyping(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(el.type);
}

/**
 * Keeps a server-rendered page live: polls GET /api/v1/live for its scopes with If-None-Match every few
 * seconds while the tab is visible (paused when hidden, backing off after errors) and calls
 * `router.refresh()` only when a version changed, so the server components re-render with fresh data and
 * client state (open dialogs, form input) is kept. Shows a live dot and when the page last changed.
 *
 *   const live = await versionsOf(ctx, "commands"); // server/live/versions.ts, before the page's queries
 *   <LiveRefresh scopes={["commands"]} initial={live} />
 */
export function LiveRefresh({
  scopes,
  initial,
  intervalMs = DEFAULT_INTERVAL_MS,
  label = "Live",
  isQuiet = false,
}: LiveRefreshProps) {
  const router = useRouter();
  const scopeKey = scopes.join("\n");
  const initialKey = initial ? JSON.stringify(initial.versions) : null;
  const last = useRef<string | null>(initialKey);
  const [error, setError] = useState<Error | null>(null);
  const [changedAt, setChangedAt] = useState<number | null>(null);

  // A re-render from the server (this refresh, or a form's revalidation) brings the versions it read.
  useEffect(() => {
    if (initialKey) last.current = initialKey;
  }, [initialKey]);

  useEffect(() => {
    const url = `/api/v1/live?${scopeKey
      .split("\n")
      .map((s) => `scope=${encodeURIComponent(s)}`)
      .join("&")}`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let isHeld = false;
    let isStopped = false;

    const refresh = () => {
      if (isTyping()) {
        isHeld = true;
        return;
      }
      isHeld = false;
      setChangedAt(Date.now());
      startTransition(() => router.refresh());
    };
    const schedule = (ms: number) => {
      clearTimeout(timer);
      if (!isStopped && document.visibilityState === "visible") timer = setTimeout(poll, ms);
    };
    async function poll() {
      try {
        const data = await fetchVersions(url);
        const key = JSON.stringify(data.versions);
        if (last.current !== null && last.current !== key) refresh();
        last.current = key;
        setChangedAt((at) => at ?? Date.now()); // the page is as fresh as this answer
        failures = 0;
        setError(null);
        schedule(intervalMs);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        setError(err);
        if (isSignedOut(err)) return; // polling again will not help; signing in will
        failures++;
        schedule(Math.min(intervalMs * 2 ** failures, MAX_BACKOFF_MS));
      }
    }
    const onVisibility = () => (document.visibilityState === "visible" ? schedule(0) : clearTimeout(timer));
    const onFocusOut = () => setTimeout(() => isHeld && refresh(), 0);

    schedule(initialKey ? intervalMs : 0);
    document.addEventListener("visibilitychange", onVisibility);
    document.addEventListener("focusout", onFocusOut);
    return () => {
      isStopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      document.removeEventListener("focusout", onFocusOut);
    };
    // initialKey only decides the first poll's delay; a new one must not restart the loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scopeKey, intervalMs, router]);

  if (isQuiet) return null;
  if (error) return <LiveError error={error} inlineClass={`${styles.live} muted`} />;
  return (
    <span
      className={`${styles.live} muted`}
      data-testid="live-refresh"
      title={`Checks for changes every ${Math.round(intervalMs / 1000)} s while this tab is open`}
    >
      <span className="live-dot" aria-hidden="true" /> {label}
      {changedAt !== null && (
        <>
          {" "}
          · updated <Time at={changedAt} />
        </>
      )}
    </span>
  );
}
