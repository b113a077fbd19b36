import type { RuleKindOption } from "@/components/alerts/rule-form";
import { ALERT_KINDS, KIND_INFO } from "@/server/alerts/kinds";
import { listChannels } from "@/server/alerts/channels";
import type { Ctx } from "@/server/auth/context";
import { listRegions } from "@/server/compliance/regions";

/** What the rule form offers: the kinds (the unavailable one greyed with its reason), regions and channels. */
export async function ruleFormOptions(ctx: Ctx) {
  const [regions, channels] = await Promise.all([listRegions(ctx), listChannels(ctx)]);
  const kinds: RuleKindOption[] = ALERT_KINDS.map((k) => ({
    value: k,
    label: KIND_INFO[k].label,
    description: KIND_INFO[k].description,
    unavailable: KIND_INFO[k].unavailable,
  }));
  return {
    kinds,
    regions: regions.map((r) => ({ id: r.id, name: r.name, color: r.color })),
    channels: channels.map((c) => ({ id: c.id, name: c.name, kindLabel: c.kindLabel })),
  };
}
