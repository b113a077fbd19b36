"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { retryUnlessSignedOut } from "@/lib/fetch-json";
import { COLOR_MODE_LABEL, COLOR_MODES, FLEET_FILTER_KEYS, type ColorMode } from "@/lib/fleet-map";
import { CommandDialogButton } from "../commands/command-dialog";
import styles from "./fleet-overview.module.css";
import noticeStyles from "./map-notice.module.css";
import { KpiStrip } from "./kpi-strip";
import { legendFor } from "./map-colors";
import { MapLegend } from "./map-legend";
import { MapPlaceholder } from "./map-placeholder";
import { fetchFleetMap } from "./map-fetch";
import { lookupMap, nameCache } from "./map-lookup";
import { scopedIndexes } from "./map-scope";
import { MapStatus, useIsStale } from "./map-status";
import { PostureFilter } from "./posture-filter";
import { SatellitePanel, type GroupMember } from "./satellite-panel";

// maplibre is large and needs the browser: it loads only here, after the page's own JS.
const MapCanvas = dynamic(() => import("./map-canvas"), {
  ssr: false,
  loading: () => <MapPlaceholder />,
});

const POLL_MS = 5_000;
/** Figures older than three polls are shown as stale: the console has lost touch with Orrery. */
const STALE_MS = 3 * POLL_MS;

const SIGNED_OUT = "Your session has ended: sign in again to see the fleet.";

function filterQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const key of FLEET_FILTER_KEYS) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  return out.toString();
}

function postureQuery(query: string, isPosture: boolean, violating: string | null): string {
  if (!isPosture && !violating) return query;
  const out = new URLSearchParams(query);
  out.set("posture", "1");
  if (violating) out.set("violating", violating);
  return out.toString();
}

/** Changes view-only state (colour, open panel) without a server round trip. */
function replaceParams(changes: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  // Next keeps useSearchParams in step with replaceState, but only for state it did not write itself.
  window.history.replaceState(null, "", url);
}

export function FleetOverview({
  styleUrl,
  canCommand = false,
  scopeRegionIds = null,
}: {
  styleUrl: string | null;
  canCommand?: boolean;
  /** A region-scoped user's regions: with no filter set, her map opens on her satellites. */
  scopeRegionIds?: string[] | null;
}) {
  const params = useSearchParams();
  const query = filterQuery(params);
  const modeParam = params.get("color");
  const mode: ColorMode = COLOR_MODES.includes(modeParam as ColorMode) ? (modeParam as ColorMode) : "health";
  // Posture rides on its own parameters: only posture mode pays for it, and "violating" is no fleet filter
  // (a command sent from here resolves the fleet filters alone, so it is not offered while one is set).
  const violating = params.get("violating");
  const fetchQuery = postureQuery(query, mode === "posture", violating);
  const showRegions = params.get("regions") !== "off";
  const selected = params.get("sat");
  const [group, setGroup] = useState<GroupMember[] | null>(null);
  const [clicked, setClicked] = useState<{ slug: string; at: number; layout: string } | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const [isWholeFleet, setWholeFleet] = useState(false);

  // One query feeds the map and the figures above it, so both refresh together on every poll.
  const { data, error, isPending, isFetching, isPlaceholderData, dataUpdatedAt, refetch } = useQuery({
    queryKey: ["fleet-map", fetchQuery],
    queryFn: () => fetchFleetMap(fetchQuery, SIGNED_OUT),
    // The columns are typed arrays updated in place: there is nothing for react-query to compare.
    structuralSharing: false,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
    retry: retryUnlessSignedOut,
  });
  const isStale = useIsStale(dataUpdatedAt, STALE_MS);
  const layout = data?.meta.layout ?? null;
  const count = data?.meta.count ?? 0;
  const regionsJson = JSON.stringify(data?.meta.regions ?? []);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- by content: every answer carries a new array
  const regions = useMemo(() => data?.meta.regions ?? [], [regionsJson]);
  const legend = useMemo(() => legendFor(mode, regions), [mode, regions]);
  // Her scope frames the map only while no filter is set: a filter is a question the map answers whole.
  const scoped = useMemo(
    () => (data && !query ? scopedIndexes(data.cols, regions, scopeRegionIds) : null),
    [data, query, regions, scopeRegionIds],
  );
  const isScoped = scoped !== null && !isWholeFleet;
  const fitTo = isScoped ? scoped : null;
  // The selected satellite's place on the map: known from the click, or looked up by the slug in the URL.
  const known = clicked && clicked.slug === selected && clicked.layout === layout ? clicked.at : null;
  const { data: found } = useQuery({
    queryKey: ["fleet-map-at", fetchQuery, layout, selected],
    queryFn: () => lookupMap(fetchQuery, { slug: selected ?? "" }),
    enabled: Boolean(selected && layout && known === null),
  });
  const selectedAt = known ?? (found?.layout === layout ? (found.items[0]?.at ?? null) : null);
  const nameOf = useMemo(() => (layout ? nameCache(fetchQuery, layout) : undefined), [fetchQuery, layout]);
  // A look-up answers 409 when the layout moved on since the click: the next map answer has the new one.
  const lookUp = (at: number[]) =>
    lookupMap(fetchQuery, { layout: layout ?? "", at }).catch(() => {
      void refetch();
      return { layout: "", items: [] };
    });

  return (
    <>
      <KpiStrip kpis={data?.meta.kpis} isPending={isPending} query={query} isStale={isStale} />

      <section className={styles.stage} aria-label="Fleet map">
        <MapCanvas
          data={data ?? null}
          regions={regions}
          mode={mode}
          showRegions={showRegions}
          selected={selectedAt}
          styleUrl={styleUrl}
          fitTo={fitTo}
          fitRequest={fitRequest}
          fitKey={data && !isPlaceholderData ? `${query}|${violating}|${isScoped ? "scope" : "all"}` : null}
          onSelect={(at) => {
            void lookUp([at]).then(({ items }) => {
              const item = items[0];
              if (!item) return;
              setGroup(null);
              setClicked({ slug: item.slug, at, layout: layout ?? "" });
              replaceParams({ sat: item.slug });
            });
          }}
          onSelectGroup={(at) => {
            void lookUp(at).then(({ items }) => {
              if (items.length === 0) return;
              setGroup(items);
              replaceParams({ sat: null });
            });
          }}
          nameOf={nameOf}
        />

        <div className={styles.toolbar}>
          <div className="segmented" role="group" aria-label="Colour satellites by">
            {COLOR_MODES.map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() =>
                  replaceParams({
                    color: m === "health" ? null : m,
                    ...(m !== "posture" && { violating: null }),
                  })
                }
              >
                {COLOR_MODE_LABEL[m]}
              </button>
            ))}
          </div>
          <label className={styles.toggle}>
            <input
              type="checkbox"
              checked={showRegions}
              onChange={(e) => replaceParams({ regions: e.target.checked ? null : "off" })}
            />
            Region tint
          </label>
          <button type="button" className="btn small" onClick={() => setFitRequest((n) => n + 1)}>
            Fit to results
          </button>
          {mode === "posture" && (
            <PostureFilter
              policies={data?.meta.policies ?? []}
              value={violating}
              onChange={(id) => replaceParams({ violating: id })}
            />
          )}
          {canCommand && !violating && data && !isPlaceholderData && (
            // The server resolves the same filters again when the command is sent and confirmed.
            <CommandDialogButton className="btn small" count={count} target={{ filter: query }} />
          )}
          {scoped && scopeRegionIds && (
            <ScopeSwitch
              regionIds={scopeRegionIds}
              isScoped={isScoped}
              onChange={(scope) => setWholeFleet(!scope)}
            />
          )}
        </div>

        <MapLegend mode={mode} legend={legend} />

        <MapStatus
          error={error}
          isPending={isPending}
          isFetching={isFetching}
          isStale={isStale}
          shown={count}
          updatedAt={dataUpdatedAt}
        />

        {!isPending && data && count === 0 && (
          <div className={noticeStyles.notice}>
            {violating ? (
              <>
                <strong>No satellite here violates this policy.</strong>
                <span>Waived satellites are not counted as violating.</span>
              </>
            ) : (
              <>
                <strong>No satellites match these filters.</strong>
                <span>Clear a filter to see more of the fleet.</span>
              </>
            )}
          </div>
        )}

        {(selected || group) && (
          <SatellitePanel
            slug={selected}
            group={group}
            onSelect={(slug) => replaceParams({ sat: slug })}
            onClose={() => {
              setGroup(null);
              replaceParams({ sat: null });
            }}
          />
        )}
      </section>
    </>
  );
}

/** "Showing your scope: eu-gdpr · Show whole fleet", and the way back. */
function ScopeSwitch({
  regionIds,
  isScoped,
  onChange,
}: {
  regionIds: string[];
  isScoped: boolean;
  onChange: (scope: boolean) => void;
}) {
  const names = regionIds.join(", ");
  return (
    <div className={styles.scope} data-testid="map-scope">
      {isScoped ? (
        <>
          <span>
            Showing your scope: <strong>{names}</strong>
          </span>
          <button type="button" className={styles.scopeButton} onClick={() => onChange(false)}>
            Show whole fleet
          </button>
        </>
      ) : (
        <button type="button" className={styles.scopeButton} onClick={() => onChange(true)}>
          Show your scope: {names}
        </button>
      )}
    </div>
  );
}
