"use server";

import { payloadFromForm } from "@/components/commands/command-spec";
import { cancelCommand, type CancelledCommand } from "@/server/commands/cancel";
import {
  issueCommands,
  previewCommandTarget,
  type CommandTargetPreview,
  type IssuedCommands,
} from "@/server/commands/issue";
import { commandTargetFacts, type TargetFacts } from "@/server/commands/target-facts";
import { formObject, requireForm, runAction, type ActionResult } from "@/server/http/action";
import { listReleases } from "@/server/releases/list";

export type ReleaseOption = { version: string; regionIds: string[] };

const PATHS = ["/commands"];

function optionalNumber(form: FormData, key: string): number | undefined {
  const value = form.get(key);
  return typeof value === "string" && value.trim() !== "" ? Number(value) : undefined;
}

/** A composer's form as issueCommands input: the target is either `satelliteId` fields or a `filter` query. */
function commandInput(raw: FormData) {
  const form = requireForm(raw);
  const type = String(form.get("type") ?? "");
  const filter = form.get("filter");
  const key = form.get("idempotencyKey");
  return {
    type,
    payload: payloadFromForm(type, form),
    target:
      typeof filter === "string"
        ? { filter: Object.fromEntries(new URLSearchParams(filter)) }
        : { satelliteIds: form.getAll("satelliteId").map(String) },
    reason: form.get("reason") ?? undefined,
    windowBypass: form.get("windowBypass") ?? undefined,
    policyOverride: form.get("policyOverride") ?? undefined,
    idempotencyKey: typeof key === "string" && key ? key : undefined,
    expiresInSec: optionalNumber(form, "expiresInSec"),
    expectedCount: optionalNumber(form, "expectedCount"),
  };
}

export async function previewCommandAction(form: FormData): Promise<ActionResult<CommandTargetPreview>> {
  return runAction((ctx) => previewCommandTarget(ctx, commandInput(form)));
}

export async function issueCommandAction(form: FormData): Promise<ActionResult<IssuedCommands>> {
  return runAction((ctx) => issueCommands(ctx, commandInput(form)), { revalidate: PATHS });
}

/** Before the form: how many satellites a composer's target holds, where, and which the caller may command. */
export async function commandTargetAction(target: unknown): Promise<ActionResult<TargetFacts>> {
  return runAction((ctx) => commandTargetFacts(ctx, { target }));
}

export async function cancelCommandAction(
  _prev: ActionResult<CancelledCommand> | null,
  form: FormData,
): Promise<ActionResult<CancelledCommand>> {
  return runAction((ctx) => cancelCommand(ctx, formObject(form).id), { revalidate: PATHS });
}

/** The releases a stack command may name, for composers opened where the page did not load them. */
export async function releaseOptionsAction(): Promise<ActionResult<ReleaseOption[]>> {
  return runAction(async (ctx) =>
    (await listReleases(ctx)).map((r) => ({ version: r.version, regionIds: r.regionIds })),
  );
}
