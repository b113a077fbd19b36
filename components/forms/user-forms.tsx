"use client";

import { useEffect, useRef, useState } from "react";
import { Time } from "@/components/ui/time";
import type { ActionResult } from "@/server/http/action";
import type { UserView } from "@/server/users/users";
import { Field, FormError } from "./field";
import { useFormAction } from "./use-form-action";

type Saved = ActionResult<UserView>;
type Action = (prev: Saved | null, form: FormData) => Promise<Saved>;
type Region = { id: string; name: string };
const ROLES = ["viewer", "auditor", "operator", "admin"] as const;

/** A compact checklist in a disclosure; its summary names what is ticked, or "All regions" for none. */
function RegionSelect({
  id,
  name,
  regions,
  selected,
  form,
  label,
}: {
  id: string;
  name: string;
  regions: Region[];
  selected: string[];
  form?: string;
  label?: string;
}) {
  // The summary follows the ticks as they change, so the closed control shows what Save will store.
  const [chosen, setChosen] = useState(selected);
  const toggle = (regionId: string, isOn: boolean) =>
    setChosen((prev) =>
      isOn
        ? regions.map((r) => r.id).filter((r) => r === regionId || prev.includes(r))
        : prev.filter((r) => r !== regionId),
    );
  return (
    <details className="region-select" id={id}>
      <summary aria-label={label}>{chosen.length ? chosen.join(", ") : "All regions"}</summary>
      <div className="region-select-menu">
        {regions.map((r) => (
          <label key={r.id} title={r.name}>
            <input
              type="checkbox"
              name={name}
              value={r.id}
              form={form}
              checked={chosen.includes(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
            />
            {r.id}
          </label>
        ))}
      </div>
    </details>
  );
}

export function CreateUserForm({ action, regions }: { action: Action; regions: Region[] }) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form method="post" ref={form} onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          Created {state.data.email} as {state.data.role}.
        </div>
      )}
      <div className="form-grid">
        <Field name="email" label="Email" errors={errors}>
          {(p) => <input {...p} type="email" autoComplete="off" required />}
        </Field>
        <Field name="name" label="Name" errors={errors}>
          {(p) => <input {...p} required />}
        </Field>
        <Field name="role" label="Role" errors={errors}>
          {(p) => (
            <select {...p} defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="password"
          label="Initial password"
          hint="at least 12 characters; share it safely"
          errors={errors}
        >
          {(p) => <input {...p} type="password" autoComplete="new-password" required />}
        </Field>
        <Field
          name="regionIds"
          label="Region scope"
          hint="open the list to limit the user to some regions; all regions if none is chosen"
          errors={errors}
        >
          {(p) => (
            // Keyed by the last created user, so a successful create starts the next one at "All regions".
            <RegionSelect
              key={state?.ok ? state.data.id : "new"}
              id={p.id}
              name={p.name}
              regions={regions}
              selected={[]}
              label="Region scope"
            />
          )}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create user"}
        </button>
      </div>
    </form>
  );
}

export function EditUserRow({
  user,
  regions,
  isSelf,
  updateAction,
  disableAction,
  now,
}: {
  user: UserView;
  regions: Region[];
  isSelf: boolean;
  updateAction: Action;
  disableAction: Action;
  /** The server's moment, so the relative sign-in time renders alike on both sides. */
  now?: Date;
}) {
  const { state, onSubmit, isPending } = useFormAction(updateAction);
  const { state: disableState, onSubmit: onDisable, isPending: isDisabling } = useFormAction(disableAction);
  const error =
    (state && !state.ok ? state.error.message : null) ??
    (disableState && !disableState.ok ? disableState.error.message : null);
  const formId = `user-${user.id}`;
  return (
    <tr aria-label={user.email}>
      <td>
        <div className="cell-main">{user.name}</div>
        <div className="cell-sub">{user.email}</div>
        {error && (
          <div role="alert" className="cell-sub" style={{ color: "var(--bad)" }}>
            {error}
          </div>
        )}
      </td>
      <td>
        <form method="post" id={formId} onSubmit={onSubmit}>
          <input type="hidden" name="id" value={user.id} />
        </form>
        <label className="sr-only" htmlFor={`${formId}-role`}>
          Role of {user.email}
        </label>
        <select
          id={`${formId}-role`}
          form={formId}
          name="role"
          defaultValue={user.role}
          style={{ width: 120 }}
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>
        <RegionSelect
          id={`${formId}-regions`}
          name="regionIds"
          form={formId}
          regions={regions}
          selected={user.regionIds}
          label={`Region scope of ${user.email}`}
        />
      </td>
      <td>
        {user.isDisabled ? (
          <span className="pill bad">disabled</span>
        ) : (
          <span className="pill ok">active</span>
        )}
      </td>
      <td className="cell-sub">{user.lastLoginAt ? <Time at={user.lastLoginAt} now={now} /> : "never"}</td>
      <td className="num">
        <div className="row" style={{ justifyContent: "flex-end" }}>
          <button className="btn small" type="submit" form={formId} disabled={isPending}>
            {isPending ? "Saving…" : "Save"}
          </button>
          {!isSelf && (
            <form method="post" onSubmit={onDisable}>
              <input type="hidden" name="id" value={user.id} />
              <input type="hidden" name="isDisabled" value={user.isDisabled ? "false" : "true"} />
              <button
                className={`btn small ${user.isDisabled ? "" : "danger"}`}
                type="submit"
                disabled={isDisabling}
              >
                {user.isDisabled ? "Enable" : "Disable"}
              </button>
            </form>
          )}
        </div>
      </td>
    </tr>
  );
}
