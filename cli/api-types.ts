// Generated from openapi/openapi.json by `npm run api:openapi`; do not edit. The CLI and the typed-client
// test take their request and answer shapes from here, so a change to an operation shows up as a type error.
export type paths = {
  "/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This API's OpenAPI 3.1 description
     * @description Generated from the same schemas the server validates with. Rendered for people at /api/docs.
     */
    get: operations["getOpenApiDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/regions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List compliance regions
     * @description Every region satellites, releases and scopes refer to. Short enough to answer in one page.
     */
    get: operations["listRegions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/satellites": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List satellites
     * @description The Satellites list's filters, in slug order. Any role may read the whole fleet; decommissioned satellites are left out unless `lifecycle` names them. Values of one filter are separated by commas (`region=eu-gdpr,uk-gdpr`); `label` takes `key=value` pairs. `total` counts every match.
     *
     *     Needs the `satellites.read` permission.
     */
    get: operations["listSatellites"];
    put?: never;
    /**
     * Register a satellite
     * @description Admins only, in any region: registering and editing satellites is not region-scoped. It waits as `pending` until its agent enrolls. Without `regionId` its region follows its country. Audited as satellite.register.
     *
     *     Needs the `satellites.write` permission.
     */
    post: operations["createSatellite"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/satellites/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a satellite
     * @description By id or slug, decommissioned ones included, with its derived connectivity and health. Any role may read it. The answer's ETag is what `If-Match` names on an edit.
     *
     *     Needs the `satellites.read` permission.
     */
    get: operations["getSatellite"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit a satellite
     * @description Admins only, in any region: registering and editing satellites is not region-scoped. Only the fields given change; `labels` here replaces them all. Changing the country moves an unpinned satellite to that country's region. A decommissioned satellite cannot be edited. Audited as satellite.update.
     *
     *     Needs the `satellites.write` permission.
     */
    patch: operations["updateSatellite"];
    trace?: never;
  };
  "/satellites/{id}/labels": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a satellite's labels
     * @description Admins only, in any region: registering and editing satellites is not region-scoped. Either `set` (replaces every label) or `merge` and/or `remove`, applied to the labels as they are when the change is written. At most 32 labels. Audited as satellite.update.
     *
     *     Needs the `satellites.write` permission.
     */
    patch: operations["changeSatelliteLabels"];
    trace?: never;
  };
  "/satellites/{id}/decommission": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decommission a satellite
     * @description Admins only, in any region: registering and editing satellites is not region-scoped. Its agent credentials and join tokens stop working at once, its open commands end, and it leaves lists and the map; its history and audit trail stay. Give a `reason`. Answers the satellite as it now is. Audited as satellite.decommission.
     *
     *     Needs the `satellites.write` permission.
     */
    post: operations["decommissionSatellite"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/commands": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List commands
     * @description Newest first, with the Commands list's filters: `state` (comma-separated), `type`, `satellite` (a slug), `issuer` (an email), `rollout` (an id) and `batch` (the key one issue answered). Any role may read commands.
     *
     *     Needs the `commands.read` permission.
     */
    get: operations["listCommands"];
    put?: never;
    /**
     * Issue a command
     * @description One command per targeted satellite, all or none, each delivered on its satellite's next heartbeat; follow them with `GET /commands/{id}`. Operators and admins. Region-scoped: if any targeted satellite lies outside the caller's regions, the whole request is refused (403) and nothing is queued. `target` is either `satelliteIds` (one or more) or `filter`, the Satellites list's filters as an object (`{ "region": "eu-gdpr", "kind": "edge" }`), at most 5,000 satellites; decommissioned ones take no commands. A `stack.upgrade` (or a `stack.rollback` naming a version) is refused for a satellite whose region the release is not certified for. With `expectedCount`, a selection that now holds another number of satellites is refused with 409. The body's `idempotencyKey` makes a retry queue nothing new. Audited as command.issue, and command.issue-bulk for a filter or several satellites, with the `reason`.
     *
     *     Needs the `commands.write` permission.
     */
    post: operations["issueCommands"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/commands/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a command
     * @description Its state, deliveries and the agent's result. Any role may read it; poll it to wait for the end.
     *
     *     Needs the `commands.read` permission.
     */
    get: operations["getCommand"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/commands/preview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview whom a command would reach
     * @description The console's confirmation step: how many satellites the target holds and where, refused exactly as the issue would be, and nothing is queued. Send the `total` back as `expectedCount` to issue only if the selection has not changed since. Operators and admins. Region-scoped: if any targeted satellite lies outside the caller's regions, the whole request is refused (403) and nothing is queued. `target` is either `satelliteIds` (one or more) or `filter`, the Satellites list's filters as an object (`{ "region": "eu-gdpr", "kind": "edge" }`), at most 5,000 satellites; decommissioned ones take no commands. A `stack.upgrade` (or a `stack.rollback` naming a version) is refused for a satellite whose region the release is not certified for.
     *
     *     Needs the `commands.write` permission.
     */
    post: operations["previewCommands"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/commands/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a command
     * @description Only while it is queued and was never delivered; otherwise 409. Operators and admins, within their region scope. Answers the command as it now is. Audited as command.cancel.
     *
     *     Needs the `commands.write` permission.
     */
    post: operations["cancelCommand"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/releases": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List releases
     * @description Newest published first. Any role may read releases. Filter by `version` to find one release's id.
     *
     *     Needs the `releases.read` permission.
     */
    get: operations["listReleases"];
    put?: never;
    /**
     * Publish a release
     * @description Admins only (`releases.write`); audited as release.create. It is certified for the regions in `regionIds`, which must exist; the version must be new.
     *
     *     Needs the `releases.write` permission.
     */
    post: operations["createRelease"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/releases/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a release
     * @description Any role may read it. The answer's ETag is what `If-Match` names on an update or delete.
     *
     *     Needs the `releases.read` permission.
     */
    get: operations["getRelease"];
    put?: never;
    post?: never;
    /**
     * Delete a release
     * @description Admins only (`releases.write`); audited as release.delete. Only a release no rollout ever used: a rollout keeps its release for the record.
     *
     *     Needs the `releases.write` permission.
     */
    delete: operations["deleteRelease"];
    options?: never;
    head?: never;
    /**
     * Edit a release
     * @description Admins only (`releases.write`); audited as release.update. Notes, certified regions and minimum agent version may change; the version never does. Withdrawing a region is refused while an active rollout of this release still upgrades satellites there, and cancels upgrades to it still queued there.
     *
     *     Needs the `releases.write` permission.
     */
    patch: operations["updateRelease"];
    trace?: never;
  };
  "/rollouts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List rollouts
     * @description Newest first, with per-state target counts. Any role may read rollouts. `status` takes one status or a group (`active`, `finished`, `draft`); `release` takes a release's id or version.
     *
     *     Needs the `rollouts.read` permission.
     */
    get: operations["listRollouts"];
    put?: never;
    /**
     * Start a rollout
     * @description Operators (`rollouts.write`). Plans a release onto the satellites the selector picks (regions, kinds and labels intersect; `satellites` adds hand-picked ones) and starts it, or saves it with `isDraft`. `waves` are cumulative percentages of the targets after the canary (e.g. `[1, 10, 50, 100]`, the last 100); `canarySize` satellites go first; each wave bakes `bakeMinutes`, and the rollout pauses itself when more than `failureThresholdPct` % of a wave fails (the health gate). With `requireApproval` an admin approves each wave; `isRegionByRegion` makes one wave per region instead of `waves`. Satellites that may not take the release are excluded with the reason. Refused whole when a selected satellite is outside the caller's region scope or another active rollout holds a target. Audited as rollout.create (rollout.draft). Answers 202: the reconciler opens the canary within seconds.
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["createRollout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a rollout with its waves and progress
     * @description Every wave and target with its state and upgrade command, the counts, and what the caller may do to it now (`can`). Any role may read it. Poll it with `If-None-Match`: an unchanged rollout answers 304.
     *
     *     Needs the `rollouts.read` permission.
     */
    get: operations["getRollout"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/preview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview a rollout without starting it
     * @description Operators (`rollouts.write`). Takes the same body as creating one and writes nothing: the targets, the exclusions with their reasons, the waves with estimates, and `blockers`, why creating it now would be refused (region scope, satellites another rollout holds, no target).
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["previewRollout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}/pause": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a rollout
     * @description Any operator (`rollouts.write`), whatever their region scope: stopping never carries a release anywhere. Nothing new starts; upgrades already sent finish and are recorded. A running rollout or one awaiting approval; `reason` is required. Audited as rollout.pause.
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["pauseRollout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a paused rollout
     * @description Operators (`rollouts.write`) whose region scope covers every satellite the rollout takes part with. The current wave's failed targets are retried when a retry can change their outcome (`failedTargets: retry`, the default) and skipped otherwise; skipping needs a `reason`, kept on each skipped target. Audited as rollout.resume.
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["resumeRollout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}/approve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve the wave a rollout waits at
     * @description Admins only (`rollouts.approve`). `wave` must be the index the rollout is awaiting approval for (`currentWave`), so an approval never lets a different wave start. Audited as rollout.approve.
     *
     *     Needs the `rollouts.approve` permission.
     */
    post: operations["approveRolloutWave"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}/rollback": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Roll a rollout back
     * @description Operators (`rollouts.write`) whose region scope covers every satellite the rollout takes part with. Queued upgrades are cancelled and every satellite it upgraded gets stack.rollback to the version it came from. A finished rollout can be rolled back too, unless another rollout holds its satellites now. `reason` is optional. Audited as rollout.rollback.
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["rollBackRollout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel (abort) a rollout
     * @description Operators (`rollouts.write`) whose region scope covers every satellite the rollout takes part with. Ends it for good, as the console's Abort: queued upgrades are cancelled, delivered ones finish; upgraded satellites stay upgraded (roll back to undo them). `reason` is optional. Audited as rollout.abort.
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["cancelRollout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}/start": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a draft rollout
     * @description Operators (`rollouts.write`) whose region scope covers every satellite the rollout takes part with. Every planned target is checked again: one that may no longer take the release is excluded with the reason. Audited as rollout.start.
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["startRollout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/rollouts/{id}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry the satellites a rollout left behind
     * @description Operators (`rollouts.write`) whose region scope covers every satellite retried. For a rollout that completed with exceptions: a new rollout of the same release, pacing and gates for exactly the satellites it left behind. Answers 202 with the new rollout. Audited as rollout.retry and rollout.create.
     *
     *     Needs the `rollouts.write` permission.
     */
    post: operations["retryRolloutLeftBehind"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/incidents": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List incidents
     * @description Newest first. Any role may read incidents, in every region, as in the console. Filter by `filter` (the console's tabs), timeline `status`, or a `region` the incident touches.
     */
    get: operations["listIncidents"];
    put?: never;
    /**
     * Open an incident
     * @description Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites and region all lie in its scope. Name affected satellites by slug or id. The first update is `body`; `isPublished` puts it on the status pages at once. Audited as incident.open.
     */
    post: operations["openIncident"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/incidents/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an incident
     * @description With its timeline (newest first) and affected satellites. Any role may read it.
     */
    get: operations["getIncident"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Correct an incident
     * @description Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites and region all lie in its scope. Changes the title, impact or the status of affected components of an open incident or a proposal, without a timeline entry; to tell readers what changed, post an update instead. A resolved or dismissed incident is refused (412). Audited as incident.edit.
     */
    patch: operations["editIncident"];
    trace?: never;
  };
  "/incidents/{id}/updates": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Post an incident update
     * @description Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites and region all lie in its scope. Adds a timeline entry with a status (any, backwards included, while the incident is open; `resolved` closes it), the impact and a message. Audited as incident.update or incident.resolve.
     */
    post: operations["postIncidentUpdate"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/incidents/{id}/resolve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve an incident
     * @description Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites and region all lie in its scope. Closes the timeline at the incident's impact, with a closing note (a default one when `body` is left out). A recurrence is a new incident. Audited as incident.resolve.
     */
    post: operations["resolveIncident"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/incidents/{id}/satellites": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set an incident's affected satellites
     * @description Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites and region all lie in its scope. Replaces the list; the caller's scope must cover the satellites it had and those it gets. Refused once the incident is resolved or dismissed. Audited as incident.satellites.
     */
    put: operations["setAffectedSatellites"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/incidents/{id}/publish": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish an incident
     * @description Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites and region all lie in its scope. Puts a proposal or an internal incident on the status pages. Audited as incident.publish.
     */
    post: operations["publishIncident"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/incidents/{id}/dismiss": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dismiss a proposed incident
     * @description Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites and region all lie in its scope. Turns down a reconciler proposal; it is kept, marked dismissed. Audited as incident.dismiss.
     */
    post: operations["dismissIncidentProposal"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/maintenance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List maintenance windows
     * @description Any role may read them. With `phase`, in the console's order: `active` ending soonest first, `upcoming` starting soonest first, `past` (over or cancelled) latest first; without it, every window latest first. `region` keeps windows with a satellite in that region.
     */
    get: operations["listMaintenance"];
    put?: never;
    /**
     * Schedule maintenance
     * @description Operators and admins (`incidents.write`); a region-scoped caller only for satellites in its scope. Times without an offset are UTC; the start may not be in the past. Affected satellites show as under maintenance on status pages while it runs. Audited as maintenance.schedule.
     */
    post: operations["scheduleMaintenance"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/maintenance/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a maintenance window
     * @description Any role may read it; `state` says where it stands now.
     */
    get: operations["getMaintenance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/maintenance/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel maintenance
     * @description Operators and admins (`incidents.write`); a region-scoped caller only for satellites in its scope. A window that has not started is cancelled; one under way is ended now, since the work did happen; one that is over is refused (412). Answers the window as it now is. Audited as maintenance.cancel or maintenance.end.
     */
    post: operations["cancelMaintenance"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/status-pages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List status pages
     * @description Admins only (`status-pages.manage`). By slug.
     */
    get: operations["listStatusPages"];
    put?: never;
    /**
     * Create a status page
     * @description Admins only (`status-pages.manage`). Choose the whole fleet, regions, labels or satellites; thresholds must rise (degradedPct < partialPct < majorPct ≤ 100). An unlisted page gets a secret link. Audited as status-page.create.
     */
    post: operations["createStatusPage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/status-pages/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a status page
     * @description Admins only (`status-pages.manage`). Its selection, thresholds, debounce and visibility.
     */
    get: operations["getStatusPage"];
    put?: never;
    post?: never;
    /**
     * Delete a status page
     * @description Admins only (`status-pages.manage`). Its links, badges, feed and embeds stop answering. To take it offline and keep it, PATCH `visibility: disabled` instead. Audited as status-page.delete.
     */
    delete: operations["deleteStatusPage"];
    options?: never;
    head?: never;
    /**
     * Update a status page
     * @description Admins only (`status-pages.manage`). Only the fields sent change, checked as a whole save is. `visibility: disabled` takes the page offline without deleting it; leaving unlisted drops its secret link. Audited as status-page.update.
     */
    patch: operations["updateStatusPage"];
    trace?: never;
  };
  "/status-pages/{id}/rotate-link": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replace a page's secret link
     * @description Admins only (`status-pages.manage`). The old link stops working at once. Audited as status-page.rotate-link.
     */
    post: operations["rotateStatusPageLink"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/status-pages/{id}/pins": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a page's pins
     * @description Admins only (`status-pages.manage`). Pins in force first, then those of the last week, newest first (at most 50).
     */
    get: operations["listStatusPins"];
    put?: never;
    /**
     * Pin a region's status
     * @description Admins only (`status-pages.manage`). Shows the status for the region at once, above everything else, for a while (at most 7 days) with a reason; replaces the region's pin before. Audited as status-page.pin.
     */
    post: operations["pinStatusComponent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/status-pages/{id}/pins/{pinId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Clear a pin early
     * @description Admins only (`status-pages.manage`). The region goes back to what its satellites, incidents and maintenance say. Answers the ended pin. Audited as status-page.unpin.
     */
    delete: operations["clearStatusPin"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List audit events
     * @description Newest first. Operators and admins. Filters: `actor` (an email, a token's or satellite's name, or `system`), `actorType`, `action` (`release.create`, or a prefix such as `release.`), `targetType`, `target` (a slug, email, version or id), `since`/`until` (UTC, e.g. `2026-05-01T14:30:00Z`; `until` covers the whole minute or day it names) and `q` (words in the summary).
     *
     *     Needs the `audit.read` permission.
     */
    get: operations["listAuditEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List users
     * @description Admins only (`users.manage`). By email.
     */
    get: operations["listUsers"];
    put?: never;
    /**
     * Create a user
     * @description Admins only (`users.manage`). With a role, optional regions (none: every region) and a password of at least 12 characters. Audited as user.create.
     */
    post: operations["createUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a user
     * @description Admins only (`users.manage`).
     */
    get: operations["getUser"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a user
     * @description Admins only (`users.manage`). Name, role and regions (an empty list: every region). A role or scope change ends the user's sessions and revokes API tokens that now reach beyond it; you cannot drop your own admin role. Audited as user.update.
     */
    patch: operations["updateUser"];
    trace?: never;
  };
  "/users/{id}/disable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disable a user
     * @description Admins only (`users.manage`). Ends the user's sessions and revokes their API tokens at once; you cannot disable yourself. Audited as user.disable.
     */
    post: operations["disableUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/users/{id}/enable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enable a user
     * @description Admins only (`users.manage`). The user may sign in again; revoked API tokens stay revoked. Audited as user.enable.
     */
    post: operations["enableUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/sso/mappings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List single sign-on group mappings
     * @description Which identity-provider groups give which role and region scope. Admins only (`users.manage`); changed in the console under Admin › Single sign-on, where every change is audited.
     *
     *     Needs the `users.manage` permission.
     */
    get: operations["listSsoMappings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API tokens
     * @description Newest first, never with their secrets. Anyone lists their own; an admin (`tokens.manage`) one user's with `userId`, or everyone's with `all=true`.
     */
    get: operations["listApiTokens"];
    put?: never;
    /**
     * Create an API token
     * @description Answers the secret this once. Its role is at most yours (and its owner's), its regions within both scopes, its expiry 90 days unless `expiresInDays` (at most 365). An admin may name another owner with `userId`; a token may create only a weaker, shorter-lived one for its own user. Audited as apiToken.create.
     */
    post: operations["createApiToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/tokens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API token
     * @description Its owner or an admin. The next request with it is refused, on every replica. Answers the revoked token; revoking it again changes nothing. Audited as apiToken.revoke.
     */
    delete: operations["revokeApiToken"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/windows": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List deployment windows
     * @description Every allow window and freeze, newest first, with its next occurrence in words. Short enough for one page.
     *
     *     Needs the `rollouts.read` permission.
     */
    get: operations["listWindows"];
    put?: never;
    /**
     * Create a deployment window
     * @description Admins only (`windows.manage`); audited as window.create. An allow window lets changes happen only inside it; a freeze never inside it, and wins over an allow window it overlaps. Rollouts wait for it and commands are held until it opens.
     *
     *     Needs the `windows.manage` permission.
     */
    post: operations["createWindow"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/windows/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a deployment window
     * @description Anyone who may read rollouts may read when changes are allowed.
     *
     *     Needs the `rollouts.read` permission.
     */
    get: operations["getWindow"];
    /**
     * Replace a deployment window
     * @description Admins only (`windows.manage`); audited as window.update. Every field is given again, as the console's form sends it.
     *
     *     Needs the `windows.manage` permission.
     */
    put: operations["updateWindow"];
    post?: never;
    /**
     * Delete a deployment window
     * @description Admins only (`windows.manage`); audited as window.delete.
     *
     *     Needs the `windows.manage` permission.
     */
    delete: operations["deleteWindow"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/windows/{id}/enable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enable or disable a deployment window
     * @description Admins only (`windows.manage`); audited as window.enable or window.disable. A disabled window holds nothing.
     *
     *     Needs the `windows.manage` permission.
     */
    post: operations["setWindowEnabled"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/policies": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List policies
     * @description Each policy at its current version with its results counted by outcome (a region-scoped caller counts their regions). `includeArchived=true` lists archived ones too.
     *
     *     Needs the `compliance.read` permission.
     */
    get: operations["listPolicies"];
    put?: never;
    /**
     * Create a policy
     * @description Admins only (`policies.manage`); audited as policy.create. A rule kind with its parameters, a scope, a severity, a mode (`audit` reports; `enforce` also refuses rollouts and commands that leave a violation in place) and the frameworks it evidences.
     *
     *     Needs the `policies.manage` permission.
     */
    post: operations["createPolicy"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/policies/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a policy
     * @description Its current version and result counts. The ETag is what `If-Match` names on an update.
     *
     *     Needs the `compliance.read` permission.
     */
    get: operations["getPolicy"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a policy
     * @description Admins only (`policies.manage`); audited as policy.update. Writes the next version from the current one and the fields given; an unchanged input writes nothing. A changed kind starts from empty parameters unless `params` are given.
     *
     *     Needs the `policies.manage` permission.
     */
    patch: operations["updatePolicy"];
    trace?: never;
  };
  "/policies/{id}/versions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a policy's versions
     * @description Every version, newest first: a change writes a new version and never edits one in place.
     *
     *     Needs the `compliance.read` permission.
     */
    get: operations["listPolicyVersions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/policies/{id}/archive": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive a policy
     * @description Admins only (`policies.manage`); audited as policy.archive. It is no longer evaluated; its results leave the posture on the next pass and its history stays.
     *
     *     Needs the `policies.manage` permission.
     */
    post: operations["archivePolicy"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/policy-waivers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List policy waivers
     * @description Live waivers, soonest to expire first (at most 1000). Filters: `policyId`, `satelliteId`; `includeEnded=true` adds expired and revoked ones.
     *
     *     Needs the `compliance.read` permission.
     */
    get: operations["listPolicyWaivers"];
    put?: never;
    /**
     * Waive a policy
     * @description Admins only (`policies.manage`); audited as policy.waiver-create. For one satellite (`satelliteId`, an id or slug) or every satellite matching `labels`, with a reason, until `expiresAt` (at most 180 days ahead). Waived results read as waived and never count as compliant; expiry is automatic and audited.
     *
     *     Needs the `policies.manage` permission.
     */
    post: operations["createPolicyWaiver"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/policy-waivers/{id}/revoke": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a policy waiver
     * @description Admins only (`policies.manage`); audited as policy.waiver-revoke. The policy counts against its satellites again at once.
     *
     *     Needs the `policies.manage` permission.
     */
    post: operations["revokePolicyWaiver"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/satellites/{id}/policy-results": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a satellite's policy results
     * @description Each policy's result for the satellite (or `waived`), the reason, and since when it has held.
     *
     *     Needs the `compliance.read` permission.
     */
    get: operations["getSatellitePolicyResults"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    Problem: {
      /** @description A URN naming the kind of problem, e.g. urn:orrery:problem:validation. */
      type: string;
      title: string;
      status: number;
      /** @description What went wrong, as a sentence a person can act on. */
      detail: string;
      instance?: string;
      /** @enum {string} */
      code:
        | "VALIDATION"
        | "UNAUTHORIZED"
        | "FORBIDDEN"
        | "NOT_FOUND"
        | "CONFLICT"
        | "PRECONDITION_FAILED"
        | "RATE_LIMITED"
        | "PAYLOAD_TOO_LARGE"
        | "UNSUPPORTED_MEDIA_TYPE"
        | "BAD_REQUEST"
        | "INTERNAL";
      requestId?: string;
      errors?: {
        field: string;
        message: string;
      }[];
    };
    Region: {
      /** @example eu-gdpr */
      id: string;
      name: string;
      jurisdiction: string;
      frameworks: string[];
      /** @description in_region, allow_list or unrestricted. */
      residencyRule: string;
      color: string;
      /** @description ISO 3166-1 alpha-2 codes whose satellites fall here by default. */
      countries: string[];
      retiredAt: string | null;
    };
    Satellite: {
      id: string;
      /** @example de-fra-edge-01 */
      slug: string;
      name: string;
      /** @enum {string} */
      kind: "datacenter" | "edge" | "cloud" | "colo";
      provider: string;
      city: string;
      /**
       * @description ISO 3166-1 alpha-2.
       * @example DE
       */
      country: string;
      lat: number;
      lon: number;
      /**
       * @description The compliance region it belongs to.
       * @example eu-gdpr
       */
      regionId: string;
      /** @description Set by hand rather than derived from the country; a country change keeps it. */
      isRegionPinned: boolean;
      labels: {
        [key: string]: string;
      };
      cpuCores: number;
      memoryGb: number;
      storageTb: number;
      uplinkMbps: number;
      downlinkMbps: number;
      stackVersion: string | null;
      agentVersion: string | null;
      /** @enum {string} */
      lifecycle: "pending" | "active" | "cordoned" | "maintenance" | "decommissioned";
      heartbeatIntervalSec: number;
      /** Format: date-time */
      lastSeenAt: string | null;
      /** @enum {string} */
      connectivity: "connected" | "stale" | "offline" | "never_seen";
      /** @enum {string} */
      health: "healthy" | "degraded" | "critical" | "unknown";
      /**
       * @description Connectivity and health in one order, worst first.
       * @enum {string}
       */
      severity: "critical" | "offline" | "degraded" | "stale" | "unknown" | "never_seen" | "healthy";
      /** Format: date-time */
      healthChangedAt: string | null;
      /** @description Each service's last reported status; null while not connected. */
      services: {
        [key: string]: string;
      } | null;
      rxMbps: number | null;
      txMbps: number | null;
      /** Format: date-time */
      decommissionedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    SatelliteDetail: {
      id: string;
      /** @example de-fra-edge-01 */
      slug: string;
      name: string;
      /** @enum {string} */
      kind: "datacenter" | "edge" | "cloud" | "colo";
      provider: string;
      city: string;
      /**
       * @description ISO 3166-1 alpha-2.
       * @example DE
       */
      country: string;
      lat: number;
      lon: number;
      /**
       * @description The compliance region it belongs to.
       * @example eu-gdpr
       */
      regionId: string;
      /** @description Set by hand rather than derived from the country; a country change keeps it. */
      isRegionPinned: boolean;
      labels: {
        [key: string]: string;
      };
      cpuCores: number;
      memoryGb: number;
      storageTb: number;
      uplinkMbps: number;
      downlinkMbps: number;
      stackVersion: string | null;
      agentVersion: string | null;
      /** @enum {string} */
      lifecycle: "pending" | "active" | "cordoned" | "maintenance" | "decommissioned";
      heartbeatIntervalSec: number;
      /** Format: date-time */
      lastSeenAt: string | null;
      /** @enum {string} */
      connectivity: "connected" | "stale" | "offline" | "never_seen";
      /** @enum {string} */
      health: "healthy" | "degraded" | "critical" | "unknown";
      /**
       * @description Connectivity and health in one order, worst first.
       * @enum {string}
       */
      severity: "critical" | "offline" | "degraded" | "stale" | "unknown" | "never_seen" | "healthy";
      /** Format: date-time */
      healthChangedAt: string | null;
      /** @description Each service's last reported status; null while not connected. */
      services: {
        [key: string]: string;
      } | null;
      rxMbps: number | null;
      txMbps: number | null;
      /** Format: date-time */
      decommissionedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      region: {
        id: string;
        name: string;
        jurisdiction: string;
        color: string;
      };
    };
    CreateSatellite: {
      slug: string;
      name: string;
      /** @enum {string} */
      kind: "datacenter" | "edge" | "cloud" | "colo";
      provider: string;
      city: string;
      country: string;
      lat: number;
      lon: number;
      regionId?: string;
      labels?: {
        [key: string]: string;
      } | null;
      cpuCores: number;
      memoryGb: number;
      storageTb: number;
      uplinkMbps: number;
      downlinkMbps: number;
      heartbeatIntervalSec?: number;
      stackVersion?: string;
      agentVersion?: string;
    };
    UpdateSatellite: {
      name?: string;
      /** @enum {string} */
      kind?: "datacenter" | "edge" | "cloud" | "colo";
      provider?: string;
      city?: string;
      country?: string;
      lat?: number;
      lon?: number;
      regionId?: string;
      labels?: {
        [key: string]: string;
      } | null;
      cpuCores?: number;
      memoryGb?: number;
      storageTb?: number;
      uplinkMbps?: number;
      downlinkMbps?: number;
      heartbeatIntervalSec?: number;
      stackVersion?: string;
      agentVersion?: string;
    };
    SatelliteLabels: {
      /** @description Replaces every label. */
      set?: {
        [key: string]: string;
      } | null;
      /** @description Added, or overwriting the same key. */
      merge?: {
        [key: string]: string;
      } | null;
      /** @description Keys to drop; a key the satellite lacks is ignored. */
      remove?: string[];
    };
    DecommissionSatellite: {
      reason: string;
    };
    Command: {
      id: string;
      /** @description One of stack.upgrade, stack.rollback, service.restart, satellite.cordon, satellite.uncordon, satellite.maintenance, agent.rotate-credentials, link.set-limit, diagnostics.run. */
      type: string;
      /** @enum {string} */
      state: "queued" | "delivered" | "running" | "succeeded" | "failed" | "expired" | "cancelled";
      payload: {
        [key: string]: unknown;
      };
      satellite: {
        id: string;
        slug: string;
        name: string;
        regionId: string;
      };
      /** @description How many times it was handed to the agent. */
      deliveries: number;
      issuedBy: {
        email: string;
        name: string;
      } | null;
      rollout: {
        id: string;
        name: string;
      } | null;
      /** Format: date-time */
      issuedAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: date-time */
      expiresAt: string;
      /**
       * Format: date-time
       * @description Held for the satellite's deployment window: not handed to the agent before this.
       */
      notBefore: string | null;
      message: string | null;
      /** @description Why it was sent, as the operator said. */
      reason: string | null;
      /** @description What the agent reported back; a very large one is cut short. */
      result?: unknown;
      /** @description Whether the caller may cancel it now: queued, never delivered, in its scope. */
      canCancel: boolean;
    };
    CommandTargetPreview: {
      /** @enum {string} */
      type:
        | "stack.upgrade"
        | "stack.rollback"
        | "service.restart"
        | "satellite.cordon"
        | "satellite.uncordon"
        | "satellite.maintenance"
        | "agent.rotate-credentials"
        | "link.set-limit"
        | "diagnostics.run";
      /** @description How many satellites the target holds. */
      total: number;
      byRegion: {
        regionId: string;
        count: number;
      }[];
      /** @description A few slugs, sorted. */
      sample: string[];
      /** @example satellite.cordon to 42 satellites in eu-gdpr (30), uk-gdpr (12) */
      summary: string;
    };
    IssueCommands: {
      type: string;
      /** @default {} */
      payload?: {
        [key: string]: unknown;
      };
      target: {
        satelliteIds?: string[];
        filter?: {
          [key: string]: unknown;
        };
      };
      reason?: string;
      idempotencyKey?: string;
      expiresInSec?: number;
      expectedCount?: number;
      windowBypass?: string;
      policyOverride?: string;
    };
    IssuedCommands: {
      /** @enum {string} */
      type:
        | "stack.upgrade"
        | "stack.rollback"
        | "service.restart"
        | "satellite.cordon"
        | "satellite.uncordon"
        | "satellite.maintenance"
        | "agent.rotate-credentials"
        | "link.set-limit"
        | "diagnostics.run";
      /** @description How many satellites the target holds. */
      total: number;
      byRegion: {
        regionId: string;
        count: number;
      }[];
      /** @description A few slugs, sorted. */
      sample: string[];
      /** @example satellite.cordon to 42 satellites in eu-gdpr (30), uk-gdpr (12) */
      summary: string;
      /** @description Send it again to retry safely; `GET /commands?batch=<key>` lists what it queued. */
      idempotencyKey: string;
      /** @description Commands queued by this call; 0 when the key was used before. */
      created: number;
      isReplay: boolean;
      /** @description Every command this request (or its key) queued. */
      commandIds: string[];
    };
    Release: {
      id: string;
      /** @example 2026.12.0 */
      version: string;
      notes: string;
      artifactSizeMb: number;
      /** @example 1.4.0 */
      minAgentVersion: string;
      /** @description The compliance regions it is certified for: rollouts carry it nowhere else. */
      regionIds: string[];
      /** @description The publisher's email, if known. */
      createdBy: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Satellites in service running this version. */
      satelliteCount: number;
      rolloutCount: number;
      activeRolloutCount: number;
    };
    CreateRelease: {
      version: string;
      /** @default  */
      notes?: string;
      artifactSizeMb: number;
      regionIds: string[];
      minAgentVersion: string;
    };
    UpdateRelease: {
      version?: string;
      notes?: string;
      regionIds?: string[];
      minAgentVersion?: string;
    };
    RolloutSummary: {
      id: string;
      name: string;
      status: components["schemas"]["RolloutStatus"];
      release: {
        id: string;
        version: string;
      };
      counts: components["schemas"]["RolloutCounts"];
      currentWave: {
        index: number;
        label: string;
        status: string;
      } | null;
      waveCount: number;
      pausedReason: string | null;
      createdBy: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
    };
    /** @enum {string} */
    RolloutStatus:
      | "draft"
      | "running"
      | "awaiting_approval"
      | "paused"
      | "completed"
      | "completed_with_exceptions"
      | "aborted"
      | "rolling_back"
      | "rolled_back";
    RolloutCounts: {
      /** @description Targets taking part: every state but excluded. */
      total: number;
      pending: number;
      excluded: number;
      upgrading: number;
      succeeded: number;
      failed: number;
      skipped: number;
      rolled_back: number;
    };
    Rollout: {
      id: string;
      name: string;
      status: components["schemas"]["RolloutStatus"];
      pausedReason: string | null;
      /** @description Why an admin let it change satellites outside their deployment windows. */
      windowBypassReason?: string | null;
      /** @description Why an admin let it past an enforced policy. */
      policyOverrideReason?: string | null;
      release: {
        id: string;
        version: string;
        artifactSizeMb: number;
        minAgentVersion: string;
      };
      selector: {
        regionIds: string[];
        kinds: string[];
        labels: string[];
        satellites: string[];
      };
      maxConcurrency: number;
      bakeMinutes: number;
      failureThresholdPct: number;
      requireApproval: boolean;
      isRegionByRegion: boolean;
      currentWave: number;
      createdBy: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      counts: components["schemas"]["RolloutCounts"];
      waves: {
        /** @description 0 is the canary. */
        index: number;
        label: string;
        /** @enum {string} */
        status: "pending" | "awaiting_approval" | "running" | "baking" | "completed" | "skipped" | "halted";
        counts: components["schemas"]["RolloutCounts"];
        estimateMinutes: number;
        /** Format: date-time */
        startedAt: string | null;
        /** Format: date-time */
        bakeUntil: string | null;
        /** Format: date-time */
        finishedAt: string | null;
        /** Format: date-time */
        approvedAt: string | null;
        approvedBy: string | null;
      }[];
      targets: {
        satelliteId: string;
        slug: string;
        name: string;
        regionId: string;
        lat: number;
        lon: number;
        /** @description null for an excluded satellite. */
        waveIndex: number | null;
        /** @enum {string} */
        state: "pending" | "excluded" | "upgrading" | "succeeded" | "failed" | "skipped" | "rolled_back";
        excludedReason: string | null;
        /** @description Waiting for its deployment window, which opens then; null when not waiting. */
        waitingUntil?: string | null;
        fromVersion: string | null;
        stackVersion: string | null;
        /** @enum {string} */
        connectivity: "connected" | "stale" | "offline" | "never_seen";
        /** @enum {string} */
        health: "healthy" | "degraded" | "critical" | "unknown";
        upgrade: {
          /** @enum {string} */
          state: "queued" | "delivered" | "running" | "succeeded" | "failed" | "expired" | "cancelled";
          message: string | null;
          /** Format: date-time */
          issuedAt: string;
          /** Format: date-time */
          deliveredAt: string | null;
          /** Format: date-time */
          finishedAt: string | null;
          deliveries: number;
        } | null;
        rollback: {
          /** @enum {string} */
          state: "queued" | "delivered" | "running" | "succeeded" | "failed" | "expired" | "cancelled";
          message: string | null;
          /** Format: date-time */
          issuedAt: string;
          /** Format: date-time */
          deliveredAt: string | null;
          /** Format: date-time */
          finishedAt: string | null;
          deliveries: number;
        } | null;
        failure: {
          isRetryable: boolean;
          reason: string;
        } | null;
      }[];
      /** @description Once it completed with exceptions: the satellites it did not upgrade, and why. */
      leftBehind: {
        satelliteId: string;
        slug: string;
        name: string;
        regionId: string;
        /** @enum {string} */
        state: "pending" | "excluded" | "upgrading" | "succeeded" | "failed" | "skipped" | "rolled_back";
        reason: string;
      }[];
      regions: {
        id: string;
        name: string;
        color: string;
      }[];
      /** @description What the caller may do to it now: its status, their role and region scope. */
      can: {
        pause: boolean;
        resume: boolean;
        abort: boolean;
        rollBack: boolean;
        approve: boolean;
        start: boolean;
        retry: boolean;
        scopeProblem: string | null;
      };
    };
    CreateRollout: {
      regionIds?: string[] | null;
      kinds?: ("datacenter" | "edge" | "cloud" | "colo")[] | null;
      labels?: string[] | null;
      satellites?: string[] | null;
      releaseId: string;
      name?: string;
      /**
       * @default [
       *       10,
       *       50,
       *       100
       *     ]
       */
      waves?: number[];
      /** @default 1 */
      canarySize?: number;
      /** @default false */
      isRegionByRegion?: boolean | null;
      /** @default 5 */
      maxConcurrency?: number;
      /** @default 15 */
      bakeMinutes?: number;
      /** @default 10 */
      failureThresholdPct?: number;
      /** @default false */
      requireApproval?: boolean | null;
      /** @default false */
      isDraft?: boolean | null;
      windowBypass?: string;
      policyOverride?: string;
    };
    RolloutPreview: {
      release: {
        id: string;
        version: string;
        certifiedRegionIds: string[];
        minAgentVersion: string;
      };
      selectedCount: number;
      targetCount: number;
      exclusionCount: number;
      exclusions: {
        slug: string;
        name: string;
        regionId: string;
        reason: string;
      }[];
      waves: {
        index: number;
        label: string;
        size: number;
        /** @description Minutes, including the time its satellites wait for deployment windows. */
        estimateMinutes: number;
        /** @description Of which waiting for deployment windows. */
        waitMinutes?: number;
      }[];
      totalMinutes: number;
      /** @description Why creating it now would be refused, an enforced policy the targets violate among them; empty if not. */
      blockers: string[];
      /** @description Enforced policies the targets violate that the given policyOverride lets it past (audited). */
      overriddenPolicies: string[];
      /** @description How deployment windows hold its waves, in words. */
      windowNotes: string[];
      points: {
        slug: string;
        name: string;
        lat: number;
        lon: number;
        isTarget: boolean;
      }[];
    };
    PauseRollout: {
      reason: string;
    };
    ResumeRollout: {
      /**
       * @default retry
       * @enum {string}
       */
      failedTargets?: "retry" | "skip";
      reason?: string;
    };
    ApproveWave: {
      wave: number;
    };
    StopRollout: {
      reason?: string;
    };
    IncidentSummary: {
      id: string;
      title: string;
      /** @enum {string} */
      impact: "none" | "minor" | "major" | "critical";
      /**
       * @description The status its author chose for the components it names; null follows the impact.
       * @enum {string|null}
       */
      componentStatus:
        | "operational"
        | "under_maintenance"
        | "degraded_performance"
        | "partial_outage"
        | "major_outage"
        | null;
      /** @enum {string} */
      status: "investigating" | "identified" | "monitoring" | "resolved";
      /** @description A draft the reconciler proposed, not yet published. */
      isProposed: boolean;
      /** @description Shown on status pages. */
      isPublished: boolean;
      isDismissed: boolean;
      /** @description A proposal's own region. */
      regionId: string | null;
      /** @description Every region the incident touches. */
      regionIds: string[];
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      resolvedAt: string | null;
      /** Format: date-time */
      dismissedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      satelliteCount: number;
      /** @description The first few affected satellites. */
      satellitePreview: {
        slug: string;
        name: string;
      }[];
    };
    Incident: {
      id: string;
      title: string;
      /** @enum {string} */
      impact: "none" | "minor" | "major" | "critical";
      /**
       * @description The status its author chose for the components it names; null follows the impact.
       * @enum {string|null}
       */
      componentStatus:
        | "operational"
        | "under_maintenance"
        | "degraded_performance"
        | "partial_outage"
        | "major_outage"
        | null;
      /** @enum {string} */
      status: "investigating" | "identified" | "monitoring" | "resolved";
      /** @description A draft the reconciler proposed, not yet published. */
      isProposed: boolean;
      /** @description Shown on status pages. */
      isPublished: boolean;
      isDismissed: boolean;
      /** @description A proposal's own region. */
      regionId: string | null;
      /** @description Every region the incident touches. */
      regionIds: string[];
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      resolvedAt: string | null;
      /** Format: date-time */
      dismissedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      satelliteCount: number;
      /** @description The first few affected satellites. */
      satellitePreview: {
        slug: string;
        name: string;
      }[];
      createdBy: string | null;
      satellites: {
        id: string;
        slug: string;
        name: string;
        city: string;
        regionId: string;
        /** @enum {string} */
        lifecycle: "pending" | "active" | "cordoned" | "maintenance" | "decommissioned";
        /** @enum {string} */
        connectivity: "connected" | "stale" | "offline" | "never_seen";
      }[];
      /** @description The timeline, newest first. */
      updates: {
        id: string;
        /** @enum {string} */
        status: "investigating" | "identified" | "monitoring" | "resolved";
        /** @enum {string|null} */
        impact: "none" | "minor" | "major" | "critical" | null;
        body: string;
        /** @description null for the reconciler. */
        author: string | null;
        /** Format: date-time */
        createdAt: string;
      }[];
    };
    OpenIncident: {
      title: string;
      /** @enum {string} */
      impact: "none" | "minor" | "major" | "critical";
      /**
       * @default investigating
       * @enum {string}
       */
      status?: "investigating" | "identified" | "monitoring";
      body: string;
      satellites: string[];
      isPublished?: boolean | null;
      /**
       * @default auto
       * @enum {string}
       */
      componentStatus?:
        | "operational"
        | "under_maintenance"
        | "degraded_performance"
        | "partial_outage"
        | "major_outage"
        | "auto";
    };
    EditIncident: {
      title?: string;
      /** @enum {string} */
      impact?: "none" | "minor" | "major" | "critical";
      /** @enum {string} */
      componentStatus?:
        | "operational"
        | "under_maintenance"
        | "degraded_performance"
        | "partial_outage"
        | "major_outage"
        | "auto";
    };
    PostIncidentUpdate: {
      /** @enum {string} */
      status: "investigating" | "identified" | "monitoring" | "resolved";
      /** @enum {string} */
      impact: "none" | "minor" | "major" | "critical";
      body: string;
      /** @enum {string} */
      componentStatus?:
        | "operational"
        | "under_maintenance"
        | "degraded_performance"
        | "partial_outage"
        | "major_outage"
        | "auto";
    };
    ResolveIncident: {
      /** @default This incident has been resolved. */
      body?: string;
    };
    SetAffectedSatellites: {
      satellites: string[];
    };
    MaintenanceWindow: {
      id: string;
      title: string;
      description: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      /** Format: date-time */
      cancelledAt: string | null;
      /** @enum {string} */
      state: "upcoming" | "active" | "over" | "cancelled";
      createdBy: string | null;
      regionIds: string[];
      satelliteCount: number;
      satellitePreview: {
        slug: string;
        name: string;
      }[];
    };
    ScheduleMaintenance: {
      title: string;
      /** @default  */
      description?: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      satellites: string[];
    };
    StatusPage: {
      id: string;
      /** @example fleet */
      slug: string;
      title: string;
      /**
       * @description unlisted pages answer only at their secret link; disabled pages not at all.
       * @enum {string}
       */
      visibility: "public" | "unlisted" | "disabled";
      /** @description The secret link's key of an unlisted page. */
      secret: string | null;
      /** @description The whole fleet. */
      includeAll: boolean;
      regionIds: string[];
      /** @description Satellites with any of these "key=value" labels. */
      labels: string[];
      satelliteSlugs: string[];
      showSatellites: boolean;
      /** @description Origins that may embed the page. */
      allowedOrigins: string[];
      /** @description One of the operator's STATUS_CUSTOM_HOSTS the page also answers on. */
      customHost: string | null;
      description: string;
      logoUrl: string | null;
      accentColor: string | null;
      degradedPct: number;
      partialPct: number;
      majorPct: number;
      /** @description How long a new region status must hold. */
      debounceSec: number;
      /** Format: date-time */
      updatedAt: string;
    };
    CreateStatusPage: {
      slug: string;
      title: string;
      /** @default  */
      description?: string;
      /** @enum {string} */
      visibility: "public" | "unlisted" | "disabled";
      includeAll?: boolean | null;
      regionIds?: string[] | null;
      labels?: string[] | null;
      satelliteSlugs?: string[] | null;
      showSatellites?: boolean | null;
      allowedOrigins?: string[] | null;
      /** Format: uri */
      logoUrl?: string;
      accentColor?: string;
      customHost?: string | null;
      /** @default 10 */
      degradedPct?: number | null;
      /** @default 25 */
      partialPct?: number | null;
      /** @default 50 */
      majorPct?: number | null;
      /** @default 120 */
      debounceSec?: number | null;
    };
    UpdateStatusPage: {
      slug?: string;
      title?: string;
      /** @default  */
      description?: string;
      /** @enum {string} */
      visibility?: "public" | "unlisted" | "disabled";
      includeAll?: boolean | null;
      regionIds?: string[] | null;
      labels?: string[] | null;
      satelliteSlugs?: string[] | null;
      showSatellites?: boolean | null;
      allowedOrigins?: string[] | null;
      /** Format: uri */
      logoUrl?: string;
      accentColor?: string;
      customHost?: string | null;
      /** @default 10 */
      degradedPct?: number | null;
      /** @default 25 */
      partialPct?: number | null;
      /** @default 50 */
      majorPct?: number | null;
      /** @default 120 */
      debounceSec?: number | null;
    };
    StatusPin: {
      id: string;
      /** @description The region pinned. */
      component: string;
      /** @enum {string} */
      status:
        "operational" | "under_maintenance" | "degraded_performance" | "partial_outage" | "major_outage";
      reason: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      clearedAt: string | null;
      createdBy: string | null;
      isActive: boolean;
    };
    PinComponent: {
      component: string;
      /** @enum {string} */
      status:
        "operational" | "under_maintenance" | "degraded_performance" | "partial_outage" | "major_outage";
      /** @enum {string} */
      duration: "30m" | "1h" | "4h" | "24h" | "until";
      /** Format: date-time */
      until?: string | null;
      reason: string;
    };
    AuditEvent: {
      id: string;
      /** Format: date-time */
      at: string;
      /** @description One of user, apiToken, agent, system. */
      actorType: string;
      /** @description A person's email, a token's or satellite's name, or a system actor's name. */
      actorLabel: string;
      /** @example command.issue */
      action: string;
      /** @example satellite */
      targetType: string;
      targetId: string | null;
      /** @description The target's slug, email or version, when it still exists. */
      targetLabel: string | null;
      summary: string;
      ip: string | null;
      requestId: string | null;
    };
    User: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: "viewer" | "auditor" | "operator" | "admin";
      /** @description The regions the user may act in; empty for every region. */
      regionIds: string[];
      isDisabled: boolean;
      /** Format: date-time */
      lastLoginAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    CreateUser: {
      email: string;
      name: string;
      /** @enum {string} */
      role: "viewer" | "auditor" | "operator" | "admin";
      regionIds?: string[] | null;
      password: string;
    };
    UpdateUser: {
      name?: string;
      /** @enum {string} */
      role?: "viewer" | "auditor" | "operator" | "admin";
      regionIds?: string[] | null;
    };
    SsoGroupMapping: {
      id: string;
      /** @description The configured identity provider's id. */
      provider: string;
      /** @description The group name as the provider's groups claim sends it. */
      group: string;
      /** @enum {string} */
      role: "viewer" | "auditor" | "operator" | "admin";
      /** @description Empty: every region. */
      regionIds: string[];
      updatedAt: string;
    };
    ApiToken: {
      id: string;
      name: string;
      /** @description `orr_` and the secret's next 8 characters, to recognise it. */
      prefix: string;
      owner: {
        id: string;
        email: string;
        name: string;
      };
      createdBy: string | null;
      /** @enum {string} */
      role: "viewer" | "auditor" | "operator" | "admin";
      /** @description null: every region its owner may act in. */
      regionIds: string[] | null;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      lastUsedAt: string | null;
      lastUsedIp: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      revokedReason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @enum {string} */
      status: "active" | "expired" | "revoked";
    };
    CreatedApiToken: {
      token: components["schemas"]["ApiToken"];
      /** @description The whole secret, answered this once; only its hash is kept. */
      secret: string;
    };
    CreateApiToken: {
      name: string;
      /** @enum {string} */
      role: "viewer" | "auditor" | "operator" | "admin";
      regionIds?: string[] | null;
      expiresInDays?: number | null;
      userId?: string | null;
    };
    DeploymentWindow: {
      id: string;
      name: string;
      /** @enum {string} */
      kind: "allow" | "freeze";
      /** @description RRULE text; DTSTART is wall time in the window's zone. */
      rrule: string;
      durationMin: number;
      /** @description An IANA zone; null: each satellite's own, from its location. */
      timeZone: string | null;
      /** @description The whole fleet, or regions and labels (intersected) plus listed satellites. */
      scope:
        | {
            /** @enum {boolean} */
            all: true;
          }
        | {
            regions?: string[];
            labels?: string[];
            satelliteIds?: string[];
          };
      enabled: boolean;
      createdAt: string;
      updatedAt: string;
      summary: string;
      scopeText: string;
      /** @description The next or current occurrence, in words. */
      next: string;
      nextStart: string | null;
    };
    CreateDeploymentWindow: {
      name: string;
      /** @enum {string} */
      kind: "allow" | "freeze";
      rrule: string;
      durationMin: number;
      timeZone?: string | null;
      /** @default false */
      all?: boolean;
      regions?: string[] | null;
      labels?: string[] | null;
      satelliteIds?: string[] | null;
      /** @default true */
      enabled?: boolean;
    };
    UpdateDeploymentWindow: {
      name: string;
      /** @enum {string} */
      kind: "allow" | "freeze";
      rrule: string;
      durationMin: number;
      timeZone?: string | null;
      /** @default false */
      all?: boolean;
      regions?: string[] | null;
      labels?: string[] | null;
      satelliteIds?: string[] | null;
      /** @default true */
      enabled?: boolean;
      id: string;
    };
    EnableDeploymentWindow: {
      enabled: boolean;
    };
    Policy: {
      id: string;
      version: number;
      name: string;
      description: string;
      /** @enum {string} */
      kind:
        | "release-residency"
        | "min-agent-version"
        | "patch-currency"
        | "disk-encryption"
        | "clock-offset"
        | "fips"
        | "reporting"
        | "backup"
        | "required-labels";
      params: {
        [key: string]: unknown;
      };
      /** @description `{ all: true }` or `{ regions, kinds, labels }`. */
      scope: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      severity: "low" | "medium" | "high" | "critical";
      /** @enum {string} */
      mode: "audit" | "enforce";
      frameworks: string[];
      archivedAt: string | null;
      updatedAt: string;
      counts: {
        compliant: number;
        violation: number;
        unknown: number;
        waived: number;
        total: number;
        /** @description Compliant share of all results; waived never count as compliant. */
        percent: number | null;
      };
    };
    PolicyVersion: {
      policyId: string;
      version: number;
      name: string;
      description: string;
      /** @enum {string} */
      kind:
        | "release-residency"
        | "min-agent-version"
        | "patch-currency"
        | "disk-encryption"
        | "clock-offset"
        | "fips"
        | "reporting"
        | "backup"
        | "required-labels";
      params: {
        [key: string]: unknown;
      };
      /** @description `{ all: true }` or `{ regions, kinds, labels }`. */
      scope: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      severity: "low" | "medium" | "high" | "critical";
      /** @enum {string} */
      mode: "audit" | "enforce";
      frameworks: string[];
      createdAt: string;
      createdById: string | null;
    };
    CreatePolicy: {
      id: string;
      name: string;
      /** @default  */
      description?: string;
      /** @enum {string} */
      kind:
        | "release-residency"
        | "min-agent-version"
        | "patch-currency"
        | "disk-encryption"
        | "clock-offset"
        | "fips"
        | "reporting"
        | "backup"
        | "required-labels";
      /** @default {} */
      params?: {
        [key: string]: unknown;
      };
      /**
       * @default {
       *       "all": true
       *     }
       */
      scope?:
        | {
            /** @enum {boolean} */
            all: true;
          }
        | {
            regions?: string[];
            kinds?: ("datacenter" | "edge" | "cloud" | "colo")[];
            labels?: {
              [key: string]: string;
            };
          };
      /** @enum {string} */
      severity: "low" | "medium" | "high" | "critical";
      /**
       * @default audit
       * @enum {string}
       */
      mode?: "audit" | "enforce";
      /** @default [] */
      frameworks?: string[];
    };
    UpdatePolicy: {
      name?: string;
      description?: string;
      /** @enum {string} */
      kind?:
        | "release-residency"
        | "min-agent-version"
        | "patch-currency"
        | "disk-encryption"
        | "clock-offset"
        | "fips"
        | "reporting"
        | "backup"
        | "required-labels";
      params?: {
        [key: string]: unknown;
      };
      scope?:
        | {
            /** @enum {boolean} */
            all: true;
          }
        | {
            regions?: string[];
            kinds?: ("datacenter" | "edge" | "cloud" | "colo")[];
            labels?: {
              [key: string]: string;
            };
          };
      /** @enum {string} */
      severity?: "low" | "medium" | "high" | "critical";
      /** @enum {string} */
      mode?: "audit" | "enforce";
      frameworks?: string[];
    };
    PolicyWaiver: {
      id: string;
      policyId: string;
      satelliteId: string | null;
      satelliteSlug: string | null;
      /** @description `key=value` pairs of a selector waiver. */
      labels: string[];
      reason: string;
      expiresAt: string;
      revokedAt: string | null;
      expiryAudited: string | null;
      createdAt: string;
      createdBy: string | null;
      /** @enum {string} */
      state: "live" | "expired" | "revoked";
    };
    CreatePolicyWaiver: {
      policyId: string;
      satelliteId?: string;
      labels?: {
        [key: string]: string;
      };
      reason: string;
      /** Format: date-time */
      expiresAt: string | null;
    };
    SatellitePosture: {
      satelliteId: string;
      slug: string;
      regionId: string;
      rows: {
        policyId: string;
        name: string;
        kind: string;
        severity: string;
        mode: string;
        frameworks: string[];
        version: number;
        /** @enum {string} */
        outcome: "compliant" | "violation" | "unknown" | "waived";
        /** @enum {string} */
        result: "compliant" | "violation" | "unknown";
        reason: string;
        since: string;
        evaluatedAt: string;
        waiver: {
          id: string;
          reason: string;
          expiresAt: string;
        } | null;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type SchemaProblem = components["schemas"]["Problem"];
export type SchemaRegion = components["schemas"]["Region"];
export type SchemaSatellite = components["schemas"]["Satellite"];
export type SchemaSatelliteDetail = components["schemas"]["SatelliteDetail"];
export type SchemaCreateSatellite = components["schemas"]["CreateSatellite"];
export type SchemaUpdateSatellite = components["schemas"]["UpdateSatellite"];
export type SchemaSatelliteLabels = components["schemas"]["SatelliteLabels"];
export type SchemaDecommissionSatellite = components["schemas"]["DecommissionSatellite"];
export type SchemaCommand = components["schemas"]["Command"];
export type SchemaCommandTargetPreview = components["schemas"]["CommandTargetPreview"];
export type SchemaIssueCommands = components["schemas"]["IssueCommands"];
export type SchemaIssuedCommands = components["schemas"]["IssuedCommands"];
export type SchemaRelease = components["schemas"]["Release"];
export type SchemaCreateRelease = components["schemas"]["CreateRelease"];
export type SchemaUpdateRelease = components["schemas"]["UpdateRelease"];
export type SchemaRolloutSummary = components["schemas"]["RolloutSummary"];
export type SchemaRolloutStatus = components["schemas"]["RolloutStatus"];
export type SchemaRolloutCounts = components["schemas"]["RolloutCounts"];
export type SchemaRollout = components["schemas"]["Rollout"];
export type SchemaCreateRollout = components["schemas"]["CreateRollout"];
export type SchemaRolloutPreview = components["schemas"]["RolloutPreview"];
export type SchemaPauseRollout = components["schemas"]["PauseRollout"];
export type SchemaResumeRollout = components["schemas"]["ResumeRollout"];
export type SchemaApproveWave = components["schemas"]["ApproveWave"];
export type SchemaStopRollout = components["schemas"]["StopRollout"];
export type SchemaIncidentSummary = components["schemas"]["IncidentSummary"];
export type SchemaIncident = components["schemas"]["Incident"];
export type SchemaOpenIncident = components["schemas"]["OpenIncident"];
export type SchemaEditIncident = components["schemas"]["EditIncident"];
export type SchemaPostIncidentUpdate = components["schemas"]["PostIncidentUpdate"];
export type SchemaResolveIncident = components["schemas"]["ResolveIncident"];
export type SchemaSetAffectedSatellites = components["schemas"]["SetAffectedSatellites"];
export type SchemaMaintenanceWindow = components["schemas"]["MaintenanceWindow"];
export type SchemaScheduleMaintenance = components["schemas"]["ScheduleMaintenance"];
export type SchemaStatusPage = components["schemas"]["StatusPage"];
export type SchemaCreateStatusPage = components["schemas"]["CreateStatusPage"];
export type SchemaUpdateStatusPage = components["schemas"]["UpdateStatusPage"];
export type SchemaStatusPin = components["schemas"]["StatusPin"];
export type SchemaPinComponent = components["schemas"]["PinComponent"];
export type SchemaAuditEvent = components["schemas"]["AuditEvent"];
export type SchemaUser = components["schemas"]["User"];
export type SchemaCreateUser = components["schemas"]["CreateUser"];
export type SchemaUpdateUser = components["schemas"]["UpdateUser"];
export type SchemaSsoGroupMapping = components["schemas"]["SsoGroupMapping"];
export type SchemaApiToken = components["schemas"]["ApiToken"];
export type SchemaCreatedApiToken = components["schemas"]["CreatedApiToken"];
export type SchemaCreateApiToken = components["schemas"]["CreateApiToken"];
export type SchemaDeploymentWindow = components["schemas"]["DeploymentWindow"];
export type SchemaCreateDeploymentWindow = components["schemas"]["CreateDeploymentWindow"];
export type SchemaUpdateDeploymentWindow = components["schemas"]["UpdateDeploymentWindow"];
export type SchemaEnableDeploymentWindow = components["schemas"]["EnableDeploymentWindow"];
export type SchemaPolicy = components["schemas"]["Policy"];
export type SchemaPolicyVersion = components["schemas"]["PolicyVersion"];
export type SchemaCreatePolicy = components["schemas"]["CreatePolicy"];
export type SchemaUpdatePolicy = components["schemas"]["UpdatePolicy"];
export type SchemaPolicyWaiver = components["schemas"]["PolicyWaiver"];
export type SchemaCreatePolicyWaiver = components["schemas"]["CreatePolicyWaiver"];
export type SchemaSatellitePosture = components["schemas"]["SatellitePosture"];
export type $defs = Record<string, never>;
export interface operations {
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listRegions: {
    parameters: {
      query?: {
        /** @description Also list retired regions. */
        includeRetired?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Region"][];
            next: null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listSatellites: {
    parameters: {
      query?: {
        q?: string;
        region?: string[] | null;
        kind?: ("datacenter" | "edge" | "cloud" | "colo")[] | null;
        provider?: string[] | null;
        lifecycle?: ("pending" | "active" | "cordoned" | "maintenance" | "decommissioned")[] | null;
        connectivity?: ("connected" | "stale" | "offline" | "never_seen")[] | null;
        health?: ("healthy" | "degraded" | "critical" | "unknown")[] | null;
        label?: string[] | null;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Satellite"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
            /** @description How many satellites match the filters, on every page. */
            total: number;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createSatellite: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateSatellite"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SatelliteDetail"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getSatellite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The satellite's id or slug. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SatelliteDetail"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateSatellite: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        /** @description The satellite's id or slug. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateSatellite"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SatelliteDetail"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  changeSatelliteLabels: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        /** @description The satellite's id or slug. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SatelliteLabels"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SatelliteDetail"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  decommissionSatellite: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        /** @description The satellite's id or slug. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["DecommissionSatellite"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SatelliteDetail"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listCommands: {
    parameters: {
      query?: {
        state?: ("queued" | "delivered" | "running" | "succeeded" | "failed" | "expired" | "cancelled")[];
        type?: string;
        satellite?: string;
        issuer?: string;
        rollout?: string;
        /** @description The idempotencyKey an issue answered: the commands that one request queued. */
        batch?: string;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Command"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  issueCommands: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["IssueCommands"];
      };
    };
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IssuedCommands"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCommand: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Command"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  previewCommands: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["IssueCommands"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CommandTargetPreview"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelCommand: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Command"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listReleases: {
    parameters: {
      query?: {
        version?: string;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Release"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createRelease: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateRelease"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Release"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getRelease: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Release"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteRelease: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateRelease: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateRelease"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Release"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listRollouts: {
    parameters: {
      query?: {
        status?:
          | "active"
          | "finished"
          | "draft"
          | "running"
          | "awaiting_approval"
          | "paused"
          | "completed"
          | "completed_with_exceptions"
          | "aborted"
          | "rolling_back"
          | "rolled_back";
        release?: string;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["RolloutSummary"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createRollout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateRollout"];
      };
    };
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getRollout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  previewRollout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateRollout"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RolloutPreview"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  pauseRollout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PauseRollout"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resumeRollout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ResumeRollout"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  approveRolloutWave: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ApproveWave"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rollBackRollout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["StopRollout"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelRollout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["StopRollout"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  startRollout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  retryRolloutLeftBehind: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Rollout"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listIncidents: {
    parameters: {
      query?: {
        /** @description open, proposed, resolved or dismissed; every incident when left out. */
        filter?: "open" | "proposed" | "resolved" | "dismissed";
        status?: "investigating" | "identified" | "monitoring" | "resolved";
        /** @description Incidents touching this compliance region. */
        region?: string;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["IncidentSummary"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  openIncident: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["OpenIncident"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getIncident: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  editIncident: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EditIncident"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  postIncidentUpdate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PostIncidentUpdate"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resolveIncident: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ResolveIncident"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  setAffectedSatellites: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SetAffectedSatellites"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  publishIncident: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  dismissIncidentProposal: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Incident"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listMaintenance: {
    parameters: {
      query?: {
        phase?: "active" | "upcoming" | "past";
        /** @description Incidents touching this compliance region. */
        region?: string;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["MaintenanceWindow"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  scheduleMaintenance: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ScheduleMaintenance"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MaintenanceWindow"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getMaintenance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MaintenanceWindow"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelMaintenance: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MaintenanceWindow"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listStatusPages: {
    parameters: {
      query?: {
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["StatusPage"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createStatusPage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateStatusPage"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusPage"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getStatusPage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusPage"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteStatusPage: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateStatusPage: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateStatusPage"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusPage"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rotateStatusPageLink: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusPage"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listStatusPins: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["StatusPin"][];
            next: null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  pinStatusComponent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PinComponent"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusPin"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  clearStatusPin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        pinId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusPin"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listAuditEvents: {
    parameters: {
      query?: {
        actor?: string;
        actorType?: "user" | "apiToken" | "agent" | "system";
        action?: string;
        targetType?: string;
        target?: string;
        from?: string;
        to?: string;
        q?: string;
        /** @description Events at or after this UTC time; the same as `from`. */
        since?: string;
        /** @description Events before the end of this UTC time; the same as `to`. */
        until?: string;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["AuditEvent"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["User"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateUser"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateUser"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  disableUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  enableUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listSsoMappings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["SsoGroupMapping"][];
            next: null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listApiTokens: {
    parameters: {
      query?: {
        userId?: string | null;
        all?: boolean | null;
        /** @description Items per page, at most 500. */
        limit?: number;
        /** @description The `next` value of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["ApiToken"][];
            /** @description Path and query of the next page, or null on the last page. */
            next: string | null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createApiToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateApiToken"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatedApiToken"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeApiToken: {
    parameters: {
      query?: {
        reason?: string | null;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiToken"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWindows: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["DeploymentWindow"][];
            next: null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createWindow: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateDeploymentWindow"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeploymentWindow"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getWindow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeploymentWindow"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateWindow: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateDeploymentWindow"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeploymentWindow"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteWindow: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  setWindowEnabled: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EnableDeploymentWindow"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeploymentWindow"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listPolicies: {
    parameters: {
      query?: {
        includeArchived?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Policy"][];
            next: null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createPolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreatePolicy"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Policy"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Policy"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updatePolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdatePolicy"];
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Policy"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match names an older version of the resource. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listPolicyVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["PolicyVersion"][];
            next: null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  archivePolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Policy"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listPolicyWaivers: {
    parameters: {
      query?: {
        policyId?: string;
        satelliteId?: string;
        includeEnded?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["PolicyWaiver"][];
            next: null;
          };
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createPolicyWaiver: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreatePolicyWaiver"];
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PolicyWaiver"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokePolicyWaiver: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PolicyWaiver"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getSatellitePolicyResults: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SatellitePosture"];
        };
      };
      /** @description The request is malformed (for example, the body is not JSON). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API token or session. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role or region scope does not allow this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input is invalid; `errors` names each field. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests for this token; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
}
