import type { FieldErrors } from "@/server/errors";

type Common = {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  className?: string;
  /** Needed when two forms on one page share a field name (two dialogs each asking a "reason"). */
  id?: string;
};

export function Field({
  name,
  label,
  hint,
  errors,
  className,
  id: givenId,
  children,
}: Common & {
  children: (props: {
    id: string;
    name: string;
    "aria-invalid"?: boolean;
    "aria-describedby"?: string;
  }) => React.ReactNode;
}) {
  const id = givenId ?? `field-${name}`;
  const error = errors?.[name];
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert error">
      {message}
    </div>
  );
}
