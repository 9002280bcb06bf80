import { useCallback, useId, useState, type ReactNode } from "react";
import type { Command } from "../../model/command";
import { getAtPointer } from "../../model/json-pointer";
import type { JsonValue } from "../../model/json-value";
import { setDefinitionValue } from "../../model/operations/operations";
import type { SwaggerDocument } from "../../model/swagger-types";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { Checkbox, Select, TextArea, TextField, type SelectOption } from "../../components/ui/form-fields";

const EMPTY_DEFINITION: SwaggerDocument = {};

/** The active definition (re-renders on every definition change: use narrow selectors where possible). */
export function useDefinition(): SwaggerDocument {
  return useWorkspace((s) => selectDocument(s)?.definition ?? EMPTY_DEFINITION);
}

/** One value of the definition, by pointer; re-renders only when that value changes. */
export function useDefinitionValue(pointer: string): unknown {
  return useWorkspace((s) => {
    const doc = selectDocument(s);
    return doc ? getAtPointer(doc.definition, pointer) : undefined;
  });
}

/** Dispatches a form command; `mergeKey` makes typing in one field one undo step. */
export function useDispatchForm(): (command: Command, mergeKey?: string) => void {
  const store = useWorkspaceStoreApi();
  return useCallback(
    (command: Command, mergeKey?: string) => {
      store.getState().dispatch(command, mergeKey ? { source: "form", mergeKey } : { source: "form" });
    },
    [store],
  );
}

/** The visibility options of the wizard (`none` = the key is absent). */
export const VISIBILITY_OPTIONS: readonly SelectOption[] = [
  { value: "none", label: "none" },
  { value: "advanced", label: "advanced" },
  { value: "internal", label: "internal" },
  { value: "important", label: "important" },
];

interface BoundProps {
  label: string;
  pointer: string;
  hint?: ReactNode;
  /** Empty input removes the key instead of writing "" (default true). */
  removeEmpty?: boolean;
  multiline?: boolean;
  /** Returns an error message, or null when the text can be written. */
  validate?: (text: string) => string | null;
  /** Converts text to the stored value (e.g. numbers). */
  toValue?: (text: string) => JsonValue | undefined;
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * A text field bound to one value of the definition. It shows the document's value; while the text typed
 * is invalid it keeps that text on screen (with the error) and writes nothing.
 */
export function BoundText({
  label,
  pointer,
  hint,
  removeEmpty = true,
  multiline,
  validate,
  toValue,
}: BoundProps) {
  const value = useDefinitionValue(pointer);
  const dispatch = useDispatchForm();
  const [draft, setDraft] = useState<{ text: string; error: string } | null>(null);
  const onChange = (text: string) => {
    const error = validate?.(text) ?? null;
    if (error) {
      setDraft({ text, error });
      return;
    }
    setDraft(null);
    const next = toValue ? toValue(text) : removeEmpty && text === "" ? undefined : text;
    dispatch(setDefinitionValue(pointer, next, `Change ${label.toLowerCase()}`), pointer);
  };
  const shown = draft ? draft.text : textOf(value);
  const common = { label, pointer, hint, error: draft?.error, value: shown };
  return multiline ? (
    <TextArea {...common} rows={3} onChange={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <TextField {...common} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}

/** A select bound to one value of the definition; the `none` option removes the key. */
export function BoundSelect({
  label,
  pointer,
  options,
  noneValue = "none",
}: {
  label: string;
  pointer: string;
  options: readonly SelectOption[];
  noneValue?: string;
}) {
  const value = useDefinitionValue(pointer);
  const dispatch = useDispatchForm();
  return (
    <Select
      label={label}
      pointer={pointer}
      options={options}
      value={typeof value === "string" ? value : noneValue}
      onChange={(e) => {
        const next = e.currentTarget.value;
        dispatch(
          setDefinitionValue(pointer, next === noneValue ? undefined : next, `Change ${label.toLowerCase()}`),
        );
      }}
    />
  );
}

/** A checkbox bound to a boolean of the definition (unchecked removes the key). */
export function BoundCheckbox({ label, pointer }: { label: string; pointer: string }) {
  const value = useDefinitionValue(pointer);
  const dispatch = useDispatchForm();
  return (
    <Checkbox
      label={label}
      pointer={pointer}
      checked={value === true}
      onChange={(e) =>
        dispatch(setDefinitionValue(pointer, e.currentTarget.checked ? true : undefined, label))
      }
    />
  );
}

/** A small button row. */
export function Toolbar({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="cs-def-toolbar" role="group" aria-label={label}>
      {children}
    </div>
  );
}

/**
 * A collapsible section with a heading (native details/summary: keyboard friendly). Its body is rendered
 * only while open, so closed sections cost nothing when switching operations.
 */
export function Section({
  title,
  children,
  open = true,
}: {
  title: string;
  children: ReactNode;
  open?: boolean;
}) {
  const id = useId();
  const [isOpen, setOpen] = useState(open);
  return (
    <details
      className="cs-def-section"
      open={isOpen}
      aria-labelledby={id}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary id={id} className="cs-def-section__title">
        {title}
      </summary>
      {isOpen ? <div className="cs-def-section__body">{children}</div> : null}
    </details>
  );
}
