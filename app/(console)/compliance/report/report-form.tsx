import type { FieldErrors } from "@/server/errors";

/** The report's scope and moment, as a plain GET form: the address is the report, shareable and bookmarkable. */
export function ReportForm({
  values,
  errors,
  regions,
  frameworks,
  max,
}: {
  values: { region: string; framework: string; at: string };
  errors?: FieldErrors;
  regions: { id: string; name: string }[];
  frameworks: string[];
  max: string;
}) {
  const err = (name: string) =>
    errors?.[name] ? (
      <span className="error" id={`r-${name}-error`}>
        {errors[name]}
      </span>
    ) : null;
  const described = (name: string) =>
    errors?.[name] ? { "aria-invalid": true, "aria-describedby": `r-${name}-error` } : {};
  return (
    <form className="card filters" method="get" aria-label="Report scope and date" style={{ padding: 12 }}>
      <div className="field">
        <label htmlFor="r-region">Region</label>
        <select id="r-region" name="region" defaultValue={values.region} {...described("region")}>
          <option value="">All regions</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id} · {r.name}
            </option>
          ))}
        </select>
        {err("region")}
      </div>
      <div className="field">
        <label htmlFor="r-framework">Framework</label>
        <select
          id="r-framework"
          name="framework"
          defaultValue={values.framework}
          style={{ minWidth: 180 }}
          {...described("framework")}
        >
          <option value="">All frameworks</option>
          {values.framework && !frameworks.includes(values.framework) && (
            <option value={values.framework}>{values.framework}</option>
          )}
          {frameworks.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
        {err("framework")}
      </div>
      <div className="field">
        <label htmlFor="r-at">As of (UTC)</label>
        <input id="r-at" name="at" type="date" defaultValue={values.at} max={max} {...described("at")} />
        {err("at")}
      </div>
      <div className="field">
        <span aria-hidden="true">&nbsp;</span>
        <button type="submit" className="btn primary">
          Show report
        </button>
      </div>
    </form>
  );
}
