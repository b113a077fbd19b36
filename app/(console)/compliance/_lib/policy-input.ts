import { PARAM_FIELDS } from "@/components/compliance/param-fields";
import { RULE_KINDS, type RuleKind } from "@/lib/policies/kinds";

// The policy form's flat fields as createPolicy/updatePolicy input. Lists are typed comma-separated; a
// number field left blank is sent as text, so the verb names it.

const list = (v: string) =>
  v
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function policyInput(
  form: Record<string, unknown>,
  opts: { isCreate: boolean },
): Record<string, unknown> {
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string).trim() : "");
  const many = (k: string) =>
    ([] as unknown[]).concat(form[k] ?? []).filter((v): v is string => typeof v === "string");
  const kind = text("kind");
  const params: Record<string, unknown> = {};
  for (const f of PARAM_FIELDS[kind as RuleKind] ?? []) {
    const raw = text(`params.${f.name}`);
    if (f.type === "list") params[f.name] = list(raw);
    else if (f.type === "number")
      params[f.name] = raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    else params[f.name] = raw;
  }
  const regions = many("scope.regions");
  const kinds = many("scope.kinds");
  const labelPairs = list(text("scope.labels"));
  const labels = Object.fromEntries(
    labelPairs.map((p) => {
      const eq = p.indexOf("=");
      return eq > 0 ? [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] : [p, ""];
    }),
  );
  const scope =
    text("scopeAll") === "1"
      ? { all: true }
      : {
          ...(regions.length && { regions }),
          ...(kinds.length && { kinds }),
          ...(labelPairs.length && { labels }),
        };
  return {
    ...(opts.isCreate && { id: text("id") }),
    name: text("name"),
    description: text("description"),
    kind: RULE_KINDS.includes(kind as RuleKind) ? kind : kind || undefined,
    params,
    scope,
    severity: text("severity"),
    mode: text("mode"),
    frameworks: list(text("frameworks")),
  };
}
