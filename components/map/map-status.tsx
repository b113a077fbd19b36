"use client";

import { useEffect, useState } from "react";
import { LiveError } from "@/components/ui/live-error";
import { HttpError, isSignedOut } from "@/lib/fetch-json";
import { formatNumber, formatSeconds } from "@/lib/format";
import styles from "./fleet-overview.module.css";

/**
 * True once `at` (the last answer) is more than `afterMs` old; a new answer clears it. Re-renders only at
 * that moment, not every second.
 */
export function useIsStale(at: number, afterMs: number): boolean {
  const [staleAt, setStaleAt] = useState<number | null>(null);
  useEffect(() => {
    if (!at) return;
    const timer = setTimeout(() => setStaleAt(at), Math.max(0, at + afterMs - Date.now()));
    return () => clearTimeout(timer);
  }, [at, afterMs]);
  return at > 0 && staleAt === at;
}

/**
 * The line at the foot of the map: how many are shown and how fresh they are, or, once a poll fails or
 * the figures are older than they should be, for how long they have not been updated and why.
 */
export function MapStatus({
  error,
  isPending,
  isFetching,
  isStale,
  shown,
  updatedAt,
}: {
  error: Error | null;
  isPending: boolean;
  isFetching: boolean;
  isStale: boolean;
  shown: number;
  updatedAt: number;
}) {
  const hasData = updatedAt > 0;
  return (
    <div
      className={`${styles.status}${isStale || (error && hasData) ? ` ${styles.statusStale}` : ""}`}
      role="status"
      aria-live="polite"
      data-testid="map-status"
    >
      {isPending && !error ? (
        "Loading the fleet…"
      ) : hasData && (error || isStale) ? (
        <>
          <span className={styles.staleDot} aria-hidden="true" />
          <span>
            Not updated for <SecondsSince at={updatedAt} />
            {error && (isSignedOut(error) || error instanceof HttpError) ? (
              <>
                {": "}
                <LiveError error={error} inlineClass={styles.error} />
              </>
            ) : (
              " · retrying"
            )}
          </span>
        </>
      ) : error ? (
        <LiveError error={error} inlineClass={styles.error} />
      ) : (
        <>
          <span className={`live-dot${isFetching ? " busy" : ""}`} aria-hidden="true" />
          {formatNumber(shown)} shown · live, updated <UpdatedAgo at={updatedAt} />
        </>
      )}
    </div>
  );
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function UpdatedAgo({ at }: { at: number }) {
  const sec = Math.max(0, Math.round((useNow() - at) / 1000));
  return <time dateTime={new Date(at).toISOString()}>{sec < 2 ? "just now" : `${sec} s ago`}</time>;
}

function SecondsSince({ at }: { at: number }) {
  const sec = Math.max(0, Math.round((useNow() - at) / 1000));
  return <time dateTime={new Date(at).toISOString()}>{formatSeconds(sec)}</time>;
}
