import type { Metadata } from "next";
import Link from "next/link";
import { COMMAND_FORM_TYPES, COMMAND_FORMS } from "@/components/commands/command-spec";
import { CommandsTable } from "@/components/commands/commands-table";
import { AutoSubmit } from "@/components/tables/auto-submit";
import { denyPage } from "@/components/ui/forbidden";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { PageHead } from "@/components/ui/page-head";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { COMMAND_STATES, listCommands, type CommandPage } from "@/server/commands/list";
import { isAppError, readableError } from "@/server/errors";
import { versionsOf } from "@/server/live/versions";
import { cappedCount, CursorPager } from "@/components/tables/cursor-pager";

export const metadata: Metadata = { title: "Commands" };

const FILTERS = ["state", "type", "satellite", "issuer"] as const;

export default async function CommandsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "commands.read"));
  if (denied) return denied;
  const query = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, firstParam(v)]));
  // Read before the list, so a change between the two shows as a change on the first poll.
  const live = await versionsOf(ctx, "commands");
  let log: CommandPage | null = null;
  let problem: string | null = null;
  try {
    log = await listCommands(ctx, query);
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    problem = readableError(error).message;
  }
  const now = new Date();
  const isFiltered = FILTERS.some((k) => query[k]);

  return (
    <div className="page">
      <PageHead
        title="Commands"
        description="Instructions sent to satellites, newest first: who sent them, how often they were delivered and what the agents answered."
        actions={<LiveRefresh scopes={["commands"]} initial={live} />}
      />
      <section className="card">
        <form
          id="command-filters"
          className="filters"
          method="get"
          role="search"
          aria-label="Filter the commands"
        >
          <div className="field">
            <label htmlFor="c-state">State</label>
            <select id="c-state" name="state" defaultValue={query.state ?? ""}>
              <option value="">All</option>
              {COMMAND_STATES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
          <div className="field" style={{ width: 220 }}>
            <label htmlFor="c-type">Command</label>
            <select id="c-type" name="type" defaultValue={query.type ?? ""}>
              <option value="">All</option>
              {COMMAND_FORM_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t} — {COMMAND_FORMS[t].label}
                </option>
              ))}
            </select>
          </div>
          <div className="field" style={{ width: 200 }}>
            <label htmlFor="c-satellite">Satellite</label>
            <input
              id="c-satellite"
              name="satellite"
              placeholder="slug, e.g. de-fra-edge-01"
              defaultValue={query.satellite ?? ""}
              spellCheck={false}
            />
          </div>
          <div className="field" style={{ width: 220 }}>
            <label htmlFor="c-issuer">Issued by</label>
            <input
              id="c-issuer"
              name="issuer"
              inputMode="email"
              placeholder="email"
              defaultValue={query.issuer ?? ""}
            />
          </div>
          <button className="btn" type="submit">
            Apply
          </button>
          {isFiltered && (
            <Link className="btn ghost" href="/commands">
              Clear
            </Link>
          )}
          <AutoSubmit formId="command-filters" />
        </form>
        {problem && (
          <div className="card-body">
            <div role="alert" className="alert error">
              These filters are not valid: {problem}
            </div>
          </div>
        )}
        {log && (
          <CommandsTable
            items={log.items}
            now={now}
            empty={{
              title: "No commands",
              body: isFiltered
                ? "No command matches these filters."
                : "Commands sent from a satellite's page, the Satellites list or the map appear here.",
            }}
            footer={
              <CursorPager
                summary={cappedCount(log.total, log.isTotalAtLeast, "command")}
                newestHref={
                  query.cursor || log.page > 1
                    ? `/commands${withParams(params, { cursor: undefined, page: undefined })}`
                    : null
                }
                olderHref={
                  log.next ? `/commands${withParams(params, { cursor: log.next, page: undefined })}` : null
                }
              />
            }
          />
        )}
      </section>
    </div>
  );
}
