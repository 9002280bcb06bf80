import { useDeferredValue, useMemo, useState } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import {
  filterPickerGroups,
  groupOperationsByTag,
  groupSelection,
  pickerKeys,
  setKeys,
  type PickerGroup,
} from "../../model/operation-picker";
import { LIMITS, keepOperationsAt, measureOperationBudget } from "../../validation/budget";
import { ChevronIcon } from "../ui/icons";
import { LimitMeter } from "../ui/limit-meter";
import { ModalDialog } from "../ui/modal-dialog";
import "./choose-operations-dialog.css";

/** What the dialog says when it trims an existing connector (export refusal, Review → Budget). */
export const KEEP_OPERATIONS_INTRO =
  "Keep the operations this connector needs; the others are deleted as one undo step, with the policies, custom code names and definitions only they used.";

function kb(bytes: number): string {
  return `${(bytes / 1024).toLocaleString("en", { maximumFractionDigits: 0 })} KB`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function TagGroup({
  group,
  selected,
  expanded,
  onToggleExpanded,
  onChange,
}: {
  group: PickerGroup;
  selected: ReadonlySet<string>;
  expanded: boolean;
  onToggleExpanded(): void;
  onChange(keys: string[], on: boolean): void;
}) {
  const state = groupSelection(group, selected);
  const chosen = group.operations.filter((o) => selected.has(o.key)).length;
  const keys = group.operations.map((o) => o.key);
  return (
    <li className="cs-choose-ops__group">
      <div className="cs-choose-ops__tag">
        <button
          type="button"
          className="cs-button cs-button-quiet cs-button-small"
          aria-expanded={expanded}
          aria-label={`Show operations of ${group.tag}`}
          onClick={onToggleExpanded}
        >
          <ChevronIcon open={expanded} />
        </button>
        <label>
          <input
            type="checkbox"
            checked={state === "all"}
            ref={(el) => {
              if (el) el.indeterminate = state === "some";
            }}
            onChange={(e) => onChange(keys, e.target.checked)}
          />{" "}
          {group.tag}
        </label>
        <span className="cs-muted cs-small">
          {chosen} of {plural(group.operations.length, "operation")}
        </span>
      </div>
      {expanded ? (
        <ul className="cs-choose-ops__operations">
          {group.operations.map((o) => (
            <li key={o.key}>
              <label>
                <input
                  type="checkbox"
                  checked={selected.has(o.key)}
                  onChange={(e) => onChange([o.key], e.target.checked)}
                />{" "}
                {o.operationId || `${o.method.toUpperCase()} ${o.path}`}
              </label>{" "}
              <span className="cs-muted cs-small">
                {o.method.toUpperCase()} {o.path}
                {o.summary ? ` — ${o.summary}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The **Choose operations** dialog: the operations of a connector as a tree of tags (search, counts,
 * select-all per tag) with the budget of what is kept measured live (operations against 256, the minified
 * definition against 1 MB). Confirming hands back the JSON pointers of the chosen operations; applying them
 * (with {@link keepOperationsAt}) is the caller's, so the same dialog serves the import of a large API and
 * an export refused for the budget.
 */
export function ChooseOperationsDialog({
  doc,
  intro,
  confirmLabel,
  initiallySelected,
  onConfirm,
  onCancel,
}: {
  doc: ConnectorDocument;
  intro: string;
  confirmLabel: string;
  /** "all" starts with every operation kept (trim an existing connector), "none" with nothing (import). */
  initiallySelected: "all" | "none";
  onConfirm(keys: string[]): void;
  onCancel(): void;
}) {
  const groups = useMemo(() => groupOperationsByTag(doc.definition), [doc]);
  const total = useMemo(() => pickerKeys(groups).length, [groups]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() =>
    initiallySelected === "all" ? new Set(pickerKeys(groups)) : new Set(),
  );
  const [query, setQuery] = useState("");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => filterPickerGroups(groups, query), [groups, query]);
  const searching = query.trim() !== "";

  // Measuring means applying the choice to the document (a few tens of ms on 1 MB): let clicks win.
  const measuredSelection = useDeferredValue(selected);
  const budget = useMemo(
    () => measureOperationBudget(keepOperationsAt([...measuredSelection]).apply(doc).definition),
    [doc, measuredSelection],
  );
  const change = (keys: string[], on: boolean) => setSelected((prev) => setKeys(prev, keys, on));
  const shownKeys = pickerKeys(shown);

  return (
    <ModalDialog
      title="Choose operations"
      onClose={onCancel}
      className="cs-choose-ops"
      actions={
        <>
          <button type="button" className="cs-button cs-button-quiet" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="cs-button cs-button-primary"
            disabled={selected.size === 0}
            onClick={() => onConfirm([...selected])}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p className="cs-small">{intro}</p>
      <section
        aria-label="Budget"
        className="cs-choose-ops__budget"
        aria-busy={measuredSelection !== selected}
      >
        <LimitMeter
          label="Operations"
          value={budget.operations}
          limit={LIMITS.operations}
          text={`${budget.operations} of ${LIMITS.operations}`}
          className="cs-choose-ops__meter"
          overClassName="cs-choose-ops__over"
        />
        <LimitMeter
          label="Definition size (minified)"
          value={budget.minifiedBytes}
          limit={LIMITS.definitionBytes}
          text={`${kb(budget.minifiedBytes)} of 1,024 KB`}
          className="cs-choose-ops__meter"
          overClassName="cs-choose-ops__over"
        />
        <p className="cs-small" role="status">
          {selected.size} of {plural(total, "operation")} selected.{" "}
          {budget.over ? "Still over the platform's limits." : "Within the platform's limits."}
        </p>
      </section>
      <div className="cs-choose-ops__tools">
        <input
          type="search"
          className="cs-input"
          aria-label="Search operations"
          placeholder="Search tags, operations, paths"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="cs-button cs-button-small"
          disabled={shownKeys.length === 0}
          onClick={() => change(shownKeys, true)}
        >
          {searching ? "Select all found" : "Select all"}
        </button>
        <button
          type="button"
          className="cs-button cs-button-small"
          disabled={selected.size === 0}
          onClick={() => change(searching ? shownKeys : pickerKeys(groups), false)}
        >
          {searching ? "Clear found" : "Clear all"}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="cs-muted cs-small">No operation matches “{query}”.</p>
      ) : (
        <ul className="cs-choose-ops__tree" aria-label="Operations by tag">
          {shown.map((group) => (
            <TagGroup
              key={group.tag}
              group={group}
              selected={selected}
              expanded={searching || expanded.has(group.tag)}
              onToggleExpanded={() => setExpanded((prev) => setKeys(prev, [group.tag], !prev.has(group.tag)))}
              onChange={change}
            />
          ))}
        </ul>
      )}
    </ModalDialog>
  );
}
