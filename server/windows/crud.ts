import "server-only";
import { describeScope } from "@/lib/windows";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { transaction, type Tx } from "../db";
import { AppError, parseInput } from "../errors";
import { scopeOf } from "./load";
import { CreateWindowInput, EnableWindowInput, UpdateWindowInput, WindowIdInput } from "./schemas";
import { toWindowView, type WindowView } from "./view";

type Fields = CreateWindowInput;

function scopeJson(w: Fields) {
  return w.all ? { all: true } : { regions: w.regions, labels: w.labels, satelliteIds: w.satelliteIds };
}

/** Regions and satellites a scope names must exist: a typo would otherwise cover nobody, silently. */
async function checkScope(tx: Tx, w: Fields): Promise<void> {
  if (w.all) return;
  const regions = await tx.complianceRegion.findMany({
    where: { id: { in: w.regions } },
    select: { id: true },
  });
  const unknownRegions = w.regions.filter((r) => !regions.some((x) => x.id === r));
  if (unknownRegions.length > 0) {
    const message = `no such region: ${unknownRegions.join(", ")}`;
    throw new AppError("VALIDATION", `regions: ${message}`, { fields: { regions: message } });
  }
  const satellites = await tx.satellite.findMany({
    where: { id: { in: w.satelliteIds } },
    select: { id: true },
  });
  const unknown = w.satelliteIds.filter((id) => !satellites.some((s) => s.id === id));
  if (unknown.length > 0) {
    const message = `no such satellite: ${unknown.slice(0, 5).join(", ")}`;
    throw new AppError("VALIDATION", `satelliteIds: ${message}`, { fields: { satelliteIds: message } });
  }
}

function describe(w: Fields): string {
  const zone = w.timeZone ?? "each satellite's own time zone";
  return `${w.kind} window "${w.name}" (${w.durationMin} min, ${zone}, ${describeScope(scopeOf(scopeJson(w)))})`;
}

function auditData(w: Fields) {
  return {
    name: w.name,
    kind: w.kind,
    rrule: w.rrule,
    durationMin: w.durationMin,
    timeZone: w.timeZone,
    scope: scopeJson(w),
    enabled: w.enabled,
  };
}

export async function createWindow(ctx: Ctx, input: unknown, now = new Date()): Promise<WindowView> {
  authorize(ctx, "windows.manage");
  const w = parseInput(CreateWindowInput, input);
  return transaction(async (tx) => {
    await checkScope(tx, w);
    const row = await tx.deploymentWindow.create({
      data: { ...auditData(w), createdById: personOf(ctx.actor) },
    });
    await recordAudit(tx, ctx, {
      action: "window.create",
      targetType: "window",
      targetId: row.id,
      summary: `Created ${describe(w)}`,
      data: auditData(w),
    });
    return toWindowView(row, now);
  });
}

async function existing(tx: Tx, id: string) {
  const row = await tx.deploymentWindow.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", "No such deployment window.");
  return row;
}

export async function updateWindow(ctx: Ctx, input: unknown, now = new Date()): Promise<WindowView> {
  authorize(ctx, "windows.manage");
  const { id, ...w } = parseInput(UpdateWindowInput, input);
  return transaction(async (tx) => {
    const before = await existing(tx, id);
    await checkScope(tx, w);
    const row = await tx.deploymentWindow.update({ where: { id }, data: auditData(w) });
    await recordAudit(tx, ctx, {
      action: "window.update",
      targetType: "window",
      targetId: id,
      summary: `Changed ${describe(w)}`,
      data: { before: { ...before, createdAt: undefined, updatedAt: undefined }, after: auditData(w) },
    });
    return toWindowView(row, now);
  });
}

export async function setWindowEnabled(ctx: Ctx, input: unknown, now = new Date()): Promise<WindowView> {
  authorize(ctx, "windows.manage");
  const { id, enabled } = parseInput(EnableWindowInput, input);
  return transaction(async (tx) => {
    const before = await existing(tx, id);
    const row = await tx.deploymentWindow.update({ where: { id }, data: { enabled } });
    if (before.enabled !== enabled) {
      await recordAudit(tx, ctx, {
        action: enabled ? "window.enable" : "window.disable",
        targetType: "window",
        targetId: id,
        summary: `${enabled ? "Enabled" : "Disabled"} ${before.kind} window "${before.name}"`,
      });
    }
    return toWindowView(row, now);
  });
}

export async function deleteWindow(ctx: Ctx, input: unknown): Promise<{ id: string; name: string }> {
  authorize(ctx, "windows.manage");
  const { id } = parseInput(WindowIdInput, input);
  return transaction(async (tx) => {
    const before = await existing(tx, id);
    await tx.deploymentWindow.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      action: "window.delete",
      targetType: "window",
      targetId: id,
      summary: `Deleted ${before.kind} window "${before.name}"`,
      data: { name: before.name, kind: before.kind, rrule: before.rrule },
    });
    return { id, name: before.name };
  });
}
