"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatRelative, type Moment } from "@/lib/format";

// One shared clock for every <Time> on the page, ticking while any is mounted. The server (and hydration)
// read no clock at all, so the first browser render matches the server's HTML exactly.
const TICK_MS = 15_000;
let clock = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    clock = Date.now();
    timer = setInterval(() => {
      clock = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const readClock = () => clock || (clock = Date.now());
const readNoClock = () => null;

/**
 * A moment shown relative ("4 min ago"), with the absolute UTC time on hover. The server renders it
 * relative to the `now` it was given, or absolute without one; once mounted the browser's clock takes over.
 */
export function Time({
  at,
  now,
  className,
}: {
  at: Moment | null | undefined;
  now?: Moment;
  className?: string;
}) {
  const clientNow = useSyncExternalStore(subscribe, readClock, readNoClock);
  if (at === null || at === undefined || formatDateTime(at) === "—") return <span className="muted">—</span>;
  const iso = new Date(at).toISOString();
  const reference = clientNow ?? now;
  return (
    <time dateTime={iso} title={formatDateTime(at, { seconds: true })} className={className}>
      {reference === undefined ? formatDateTime(at) : formatRelative(at, reference)}
    </time>
  );
}
