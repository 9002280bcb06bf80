/**
 * Shared form field primitives. Each field renders a visible `<label>` that carries the accessible name,
 * links its error (and hint) text through `aria-describedby`, and spreads the remaining props onto the
 * native control so that react-hook-form's `register(...)` (name, onChange, onBlur, ref) works unchanged.
 * React 19 passes `ref` as a plain prop, so no forwardRef is needed.
 */
import { useId, type ComponentPropsWithRef, type ReactNode } from "react";
import "./form-fields.css";

interface FieldChrome {
  /** Visible label; also the accessible name of the control. */
  label: ReactNode;
  /** Error text; marks the control `aria-invalid` and is announced through aria-describedby. */
  error?: string | undefined;
  /** Help text shown under the control. */
  hint?: ReactNode;
  /** Non-blocking warning (e.g. an icon that is not 230×230). */
  warning?: string | undefined;
  /** JSON pointer of the document value this field edits; used to focus it from the Validation list. */
  pointer?: string | undefined;
  /** Extra class on the wrapper. */
  className?: string | undefined;
}

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

/** Text under a field that explains what is wrong. Renders nothing without a message. */
export function FieldError({ id, message }: { id?: string; message?: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="cs-field__error" role="alert">
      {message}
    </p>
  );
}

function FieldNotes({
  baseId,
  error,
  hint,
  warning,
}: {
  baseId: string;
  error?: string | undefined;
  hint?: ReactNode;
  warning?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p id={`${baseId}-hint`} className="cs-field__hint">
          {hint}
        </p>
      ) : null}
      {warning ? (
        <p id={`${baseId}-warning`} className="cs-field__warning">
          {warning}
        </p>
      ) : null}
      <FieldError id={`${baseId}-error`} message={error} />
    </>
  );
}

function ariaFor(baseId: string, chrome: FieldChrome, describedByProp: string | undefined) {
  return {
    "aria-invalid": chrome.error ? true : undefined,
    "aria-describedby": describedBy([
      describedByProp,
      chrome.hint ? `${baseId}-hint` : undefined,
      chrome.warning ? `${baseId}-warning` : undefined,
      chrome.error ? `${baseId}-error` : undefined,
    ]),
  } as const;
}

export type TextFieldProps = FieldChrome & Omit<ComponentPropsWithRef<"input">, "className">;

/** A labelled single-line input (text, url, email, number, color…). */
export function TextField({ label, error, hint, warning, pointer, className, id, ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const chrome = { label, error, hint, warning };
  return (
    <div className={`cs-field ${className ?? ""}`}>
      <label className="cs-field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="cs-field__control"
        data-pointer={pointer}
        {...input}
        {...ariaFor(inputId, chrome, input["aria-describedby"])}
      />
      <FieldNotes baseId={inputId} error={error} hint={hint} warning={warning} />
    </div>
  );
}

export type TextAreaProps = FieldChrome & Omit<ComponentPropsWithRef<"textarea">, "className">;

/** A labelled multi-line input. */
export function TextArea({
  label,
  error,
  hint,
  warning,
  pointer,
  className,
  id,
  ...textarea
}: TextAreaProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const chrome = { label, error, hint, warning };
  return (
    <div className={`cs-field ${className ?? ""}`}>
      <label className="cs-field__label" htmlFor={inputId}>
        {label}
      </label>
      <textarea
        id={inputId}
        className="cs-field__control cs-field__control--multiline"
        data-pointer={pointer}
        {...textarea}
        {...ariaFor(inputId, chrome, textarea["aria-describedby"])}
      />
      <FieldNotes baseId={inputId} error={error} hint={hint} warning={warning} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  /** Disabled options say why in `disabledReason` (shown in the option text and as its title). */
  disabled?: boolean;
  disabledReason?: string | undefined;
}

export type SelectProps = FieldChrome &
  Omit<ComponentPropsWithRef<"select">, "className" | "children"> & { options: readonly SelectOption[] };

/** A labelled native select; disabled options carry their reason in the option text. */
export function Select({
  label,
  error,
  hint,
  warning,
  pointer,
  className,
  id,
  options,
  ...select
}: SelectProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const chrome = { label, error, hint, warning };
  return (
    <div className={`cs-field ${className ?? ""}`}>
      <label className="cs-field__label" htmlFor={inputId}>
        {label}
      </label>
      <select
        id={inputId}
        className="cs-field__control"
        data-pointer={pointer}
        {...select}
        {...ariaFor(inputId, chrome, select["aria-describedby"])}
      >
        {options.map((option) => (
          <option
            key={option.value}
            value={option.value}
            disabled={option.disabled}
            title={option.disabled ? option.disabledReason : undefined}
          >
            {option.disabled && option.disabledReason
              ? `${option.label} (${option.disabledReason})`
              : option.label}
          </option>
        ))}
      </select>
      <FieldNotes baseId={inputId} error={error} hint={hint} warning={warning} />
    </div>
  );
}

export type CheckboxProps = FieldChrome & Omit<ComponentPropsWithRef<"input">, "className" | "type">;

/** A labelled checkbox (label after the box). */
export function Checkbox({ label, error, hint, warning, pointer, className, id, ...input }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const chrome = { label, error, hint, warning };
  return (
    <div className={`cs-field cs-field--inline ${className ?? ""}`}>
      <input
        id={inputId}
        type="checkbox"
        className="cs-field__check"
        data-pointer={pointer}
        {...input}
        {...ariaFor(inputId, chrome, input["aria-describedby"])}
      />
      <label className="cs-field__label cs-field__label--inline" htmlFor={inputId}>
        {label}
      </label>
      <FieldNotes baseId={inputId} error={error} hint={hint} warning={warning} />
    </div>
  );
}

/** A labelled on/off switch: a checkbox with `role="switch"`, styled as a toggle. */
export function Switch({ label, error, hint, warning, pointer, className, id, ...input }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const chrome = { label, error, hint, warning };
  return (
    <div className={`cs-field cs-field--inline ${className ?? ""}`}>
      <input
        id={inputId}
        type="checkbox"
        role="switch"
        className="cs-field__switch"
        data-pointer={pointer}
        {...input}
        {...ariaFor(inputId, chrome, input["aria-describedby"])}
      />
      <label className="cs-field__label cs-field__label--inline" htmlFor={inputId}>
        {label}
      </label>
      <FieldNotes baseId={inputId} error={error} hint={hint} warning={warning} />
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface RadioGroupProps extends FieldChrome {
  /** Name of the radio group (react-hook-form field name). */
  name: string;
  options: readonly RadioOption[];
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  disabled?: boolean;
}

/**
 * A labelled group of radio buttons (`fieldset`/`legend`, so the group has the label as its name).
 * Controlled: use it with react-hook-form's `Controller`.
 */
export function RadioGroup({
  label,
  error,
  hint,
  warning,
  pointer,
  className,
  name,
  options,
  value,
  onChange,
  onBlur,
  disabled,
}: RadioGroupProps) {
  const baseId = useId();
  const chrome = { label, error, hint, warning };
  return (
    <fieldset
      className={`cs-field cs-field--group ${className ?? ""}`}
      role="radiogroup"
      aria-labelledby={`${baseId}-legend`}
      {...ariaFor(baseId, chrome, undefined)}
    >
      <legend id={`${baseId}-legend`} className="cs-field__label">
        {label}
      </legend>
      <div className="cs-field__options">
        {options.map((option) => {
          const optionId = `${baseId}-${option.value}`;
          return (
            <span key={option.value} className="cs-field__option">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                disabled={disabled || option.disabled}
                data-pointer={pointer}
                onChange={() => onChange(option.value)}
                onBlur={onBlur}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </span>
          );
        })}
      </div>
      <FieldNotes baseId={baseId} error={error} hint={hint} warning={warning} />
    </fieldset>
  );
}

export type FileFieldProps = FieldChrome &
  Omit<ComponentPropsWithRef<"input">, "className" | "type" | "onChange"> & {
    /** Called with the chosen file (the input is cleared afterwards so the same file can be chosen again). */
    onFile(file: File): void;
  };

/** A labelled file input that hands over one chosen file. */
export function FileField({
  label,
  error,
  hint,
  warning,
  pointer,
  className,
  id,
  onFile,
  ...input
}: FileFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const chrome = { label, error, hint, warning };
  return (
    <div className={`cs-field ${className ?? ""}`}>
      <label className="cs-field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        type="file"
        className="cs-field__file"
        data-pointer={pointer}
        {...input}
        {...ariaFor(inputId, chrome, input["aria-describedby"])}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
          event.currentTarget.value = "";
        }}
      />
      <FieldNotes baseId={inputId} error={error} hint={hint} warning={warning} />
    </div>
  );
}

/**
 * A titled group of fields. Deliberately not a labelled landmark: its title would then also match
 * `getByLabel` queries for a field of the same name (e.g. a "Host" section around the Host field).
 */
export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="cs-form-section">
      <h3 className="cs-form-section__title">{title}</h3>
      {description ? <p className="cs-form-section__description">{description}</p> : null}
      {children}
    </div>
  );
}
