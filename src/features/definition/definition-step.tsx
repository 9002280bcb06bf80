import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { parsePointer } from "../../model/json-pointer";
import {
  addOperation,
  operationIds,
  operationKey,
  operationOfPointer,
  operationPointer,
  planNewOperation,
  summariseOperations,
  type OperationLocation,
  type OperationSummary,
} from "../../model/operations/operations";
import {
  deleteOperations,
  planDeleteOperations,
  type DeleteOperationsImpact,
} from "../../model/operations/delete-operations";
import { listPolicies } from "../../model/operations/policies";
import { listReferences, REFERENCE_KINDS } from "../../model/operations/references";
import type { SwaggerDocument } from "../../model/swagger-types";
import { selectDocument, selectSelection, type WorkspaceSelection } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { Select, TextField } from "../../components/ui/form-fields";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { ResizeHandle, useStoredWidth } from "../../components/ui/resize-handle";
import { useDispatchForm } from "./doc-fields";
import { OperationEditor } from "./operation-editor";
import { OperationList } from "./operation-list";
import { NewPolicyDialog, PoliciesList, PolicyEditor } from "./policies-panel";
import { ReferenceEditor, ReferencesList } from "./references-panel";
import "./definition.css";

type Selection =
  | { kind: "operation"; location: OperationLocation }
  | { kind: "reference"; pointer: string }
  | { kind: "policy"; index: number }
  | null;

type Filter = "all" | "problems" | "deprecated" | "internal";

const EMPTY_PATHS: SwaggerDocument["paths"] = {};
/** The width of the lists beside the selected item's editor, remembered in this browser (pixels). */
const RAIL_WIDTH_KEY = "connector-studio.definition-rail-width";
const RAIL_MIN = 180;
const RAIL_MAX = 640;
const DEFINITION_FILE = "apiDefinition.swagger.json";
const POLICIES_POINTER = "/properties/policyTemplateInstances";

/** The step's selection for a shared one (from the Swagger editor, Go to, or this step), or null when it has none. */
function selectionOf(
  definition: SwaggerDocument,
  shared: WorkspaceSelection,
): { selection: NonNullable<Selection>; parameter: number | null } | null {
  let segments: string[];
  try {
    segments = parsePointer(shared.path);
  } catch {
    return null;
  }
  if (shared.file === DEFINITION_FILE) {
    const location = operationOfPointer(definition, segments);
    if (location) {
      const param = segments[3] === "parameters" && segments[4] !== undefined ? Number(segments[4]) : null;
      return {
        selection: { kind: "operation", location },
        parameter: param !== null && Number.isInteger(param) ? param : null,
      };
    }
    if ((REFERENCE_KINDS as readonly string[]).includes(segments[0] ?? "") && segments[1] !== undefined)
      return {
        selection: { kind: "reference", pointer: shared.path.split("/").slice(0, 3).join("/") },
        parameter: null,
      };
    return null;
  }
  if (
    shared.file === "apiProperties.json" &&
    segments[1] === "policyTemplateInstances" &&
    segments[2] !== undefined
  ) {
    const index = Number(segments[2]);
    return Number.isInteger(index) ? { selection: { kind: "policy", index }, parameter: null } : null;
  }
  return null;
}

/**
 * A response selected from the Swagger editor: its group in the operation's editor is marked and scrolled
 * into view once it is rendered, without taking the focus (the editor's cursor keeps the keys). Returns the
 * cleanup that stops waiting and removes the mark.
 */
function markResponse(root: React.RefObject<HTMLElement | null>, path: string): (() => void) | undefined {
  const match = /^(\/paths\/[^/]+\/[^/]+\/responses\/[^/]+)/.exec(path);
  const pointer = match?.[1];
  if (!pointer) return undefined;
  let marked: HTMLElement | null = null;
  let tries = 0;
  const attempt = () => {
    const group = [...(root.current?.querySelectorAll<HTMLElement>("[data-response-pointer]") ?? [])].find(
      (element) => element.dataset.responsePointer === pointer,
    );
    if (!group) {
      if (++tries < 20) timer = window.setTimeout(attempt, 50);
      return;
    }
    marked = group;
    group.setAttribute("data-following", "true");
    group.scrollIntoView?.({ block: "nearest" });
  };
  let timer = window.setTimeout(attempt, 0);
  return () => {
    window.clearTimeout(timer);
    marked?.removeAttribute("data-following");
  };
}

function sameSelection(a: Selection, b: Selection): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "operation" && b.kind === "operation")
    return operationKey(a.location) === operationKey(b.location);
  if (a.kind === "reference" && b.kind === "reference") return a.pointer === b.pointer;
  if (a.kind === "policy" && b.kind === "policy") return a.index === b.index;
  return false;
}

/**
 * The Definition step: Actions, Triggers, References and Policies on the left, the selected item's editor
 * on the right. Every field edits the one document through commands; the lists are virtualised.
 */
export function DefinitionStep() {
  const store = useWorkspaceStoreApi();
  const dispatch = useDispatchForm();
  const hasDocument = useWorkspace((s) => selectDocument(s) !== null);
  // Narrow subscriptions: the lists only change when `paths` does.
  const paths = useWorkspace((s) => selectDocument(s)?.definition.paths ?? EMPTY_PATHS);
  const properties = useWorkspace((s) => selectDocument(s)?.properties);
  const diagnostics = useWorkspace((s) => s.diagnostics);
  const focus = useWorkspace((s) => s.focus);

  const [selection, setLocalSelection] = useState<Selection>(null);
  const [openParameter, setLocalOpenParameter] = useState<number | null>(null);
  const shared = useWorkspace(selectSelection);
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const [showReferences, setShowReferences] = useState(false);
  const [newPolicy, setNewPolicy] = useState(false);
  /** Rows ticked for Delete selected, by operation key (`METHOD path`). */
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [confirmBulk, setConfirmBulk] = useState<{
    locations: OperationLocation[];
    impact: DeleteOperationsImpact;
  } | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const railRef = useRef<HTMLDivElement>(null);
  const [railWidth, setRailWidth] = useStoredWidth(RAIL_WIDTH_KEY, RAIL_MIN, RAIL_MAX);

  // Rows keep their identity while their operation is unchanged, so memoised rows skip re-rendering
  // when typing edits one operation among hundreds.
  const rowCache = useRef(new WeakMap<object, OperationSummary>());
  const summaries = useMemo(
    () =>
      summariseOperations({ paths } as SwaggerDocument).map((row) => {
        const operation = paths?.[row.path]?.[row.method];
        if (typeof operation !== "object" || operation === null) return row;
        const cached = rowCache.current.get(operation);
        if (cached && cached.key === row.key) return cached;
        rowCache.current.set(operation, row);
        return row;
      }),
    [paths],
  );
  const problems = useMemo(() => {
    const counts = new Map<string, number>();
    for (const d of diagnostics) {
      if (d.file !== "apiDefinition.swagger.json" || !d.path.startsWith("/paths/")) continue;
      const segments = d.path.split("/");
      if (segments.length < 4) continue;
      const pointer = segments.slice(0, 4).join("/");
      counts.set(pointer, (counts.get(pointer) ?? 0) + 1);
    }
    return counts;
  }, [diagnostics]);
  const deferredSearch = useDeferredValue(search);
  const visible = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    return summaries.filter((row) => {
      if (filter === "problems" && !problems.has(row.pointer)) return false;
      if (filter === "deprecated" && !row.deprecated) return false;
      if (filter === "internal" && row.visibility !== "internal") return false;
      if (needle === "") return true;
      return (
        row.summary.toLowerCase().includes(needle) ||
        row.operationId.toLowerCase().includes(needle) ||
        row.path.toLowerCase().includes(needle)
      );
    });
  }, [summaries, deferredSearch, filter, problems]);
  const actions = useMemo(() => visible.filter((r) => !r.isTrigger), [visible]);
  const triggers = useMemo(() => visible.filter((r) => r.isTrigger), [visible]);

  const policies = useMemo(
    () => (properties ? listPolicies({ properties } as Parameters<typeof listPolicies>[0]) : []),
    [properties],
  );
  const ids = useMemo(() => operationIds({ paths } as SwaggerDocument), [paths]);

  // What the maker selects here is shared (the Swagger editor reveals it); what is selected elsewhere (the
  // Swagger editor's cursor, Go to) is shown here. Only the maker's own choices are published, so a
  // selection that came from the editor never sends the editor back to the item's first line.
  const publish = useCallback(
    (file: WorkspaceSelection["file"], path: string) => store.getState().select(file, path, "step"),
    [store],
  );
  const setSelection = useCallback(
    (next: Selection) => {
      setLocalSelection(next);
      if (next?.kind === "operation") publish(DEFINITION_FILE, operationPointer(next.location));
      else if (next?.kind === "reference") publish(DEFINITION_FILE, next.pointer);
      else if (next?.kind === "policy") publish("apiProperties.json", `${POLICIES_POINTER}/${next.index}`);
    },
    [publish],
  );
  const setOpenParameter = useCallback(
    (index: number | null) => {
      setLocalOpenParameter(index);
      if (selection?.kind !== "operation") return;
      const pointer = operationPointer(selection.location);
      publish(DEFINITION_FILE, index === null ? pointer : `${pointer}/parameters/${index}`);
    },
    [publish, selection],
  );
  const selectOperation = useCallback(
    (location: OperationLocation | null) => {
      setLocalOpenParameter(null);
      setSelection(location ? { kind: "operation", location } : null);
    },
    [setSelection],
  );

  // A selection made elsewhere (or before this step opened): show it, and with Go to, go to it.
  const lastShared = useRef(-1);
  useEffect(() => {
    if (!shared || shared.nonce === lastShared.current) return;
    const first = lastShared.current === -1;
    lastShared.current = shared.nonce;
    // This step's own selection is already shown (a response focused inside an open parameter's operation
    // must not close the parameter); on opening the step it is shown again.
    if (shared.source === "step" && !first) return;
    const doc = selectDocument(store.getState());
    const found = doc ? selectionOf(doc.definition, shared) : null;
    if (!found) return;
    setLocalSelection((current) => (sameSelection(current, found.selection) ? current : found.selection));
    setLocalOpenParameter(found.parameter);
    if (found.selection.kind === "reference") setShowReferences(true);
    if (shared.source === "pane") return markResponse(rootRef, shared.path);
    if (shared.source !== "go-to") return;
    const timer = window.setTimeout(() => {
      const root = rootRef.current;
      if (!root) return;
      if (found.parameter !== null) focusBestField(root, shared.path);
      else root.querySelector<HTMLElement>('.cs-def__rail [aria-current="true"]')?.focus();
    }, 50);
    return () => window.clearTimeout(timer);
  }, [shared, store]);
  const onRowSelect = useCallback(
    (row: OperationSummary) => selectOperation({ path: row.path, method: row.method }),
    [selectOperation],
  );

  const onRowCheck = useCallback(
    (row: OperationSummary, on: boolean) =>
      setChecked((prev) => {
        const next = new Set(prev);
        if (on) next.add(row.key);
        else next.delete(row.key);
        return next;
      }),
    [],
  );
  // Ticked rows that no longer exist (deleted, moved, undone) are not counted or deleted.
  const checkedRows = useMemo(() => summaries.filter((row) => checked.has(row.key)), [summaries, checked]);
  const allShownChecked = visible.length > 0 && visible.every((row) => checked.has(row.key));
  const toggleAllShown = (on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      for (const row of visible) {
        if (on) next.add(row.key);
        else next.delete(row.key);
      }
      return next;
    });
  const bulkDelete = (locations: OperationLocation[]) => {
    dispatch(deleteOperations(locations));
    setChecked(new Set());
    if (selection?.kind === "operation") {
      const key = operationKey(selection.location);
      if (locations.some((l) => operationKey(l) === key)) selectOperation(null);
    }
  };
  // Like Delete on one operation: say first what else changes when policies, the code or other operations
  // name the ones being deleted.
  const askBulkDelete = () => {
    const doc = selectDocument(store.getState());
    if (!doc || checkedRows.length === 0) return;
    const locations = checkedRows.map((row) => ({ path: row.path, method: row.method }));
    const impact = planDeleteOperations(doc, locations);
    const touches =
      impact.policiesRemoved.length > 0 ||
      impact.policiesTrimmed.length > 0 ||
      impact.scriptKept ||
      impact.references.length > 0;
    if (touches) setConfirmBulk({ locations, impact });
    else bulkDelete(locations);
  };

  const create = (kind: "action" | "trigger") => {
    const doc = selectDocument(store.getState());
    if (!doc) return;
    const plan = planNewOperation(doc.definition, kind);
    dispatch(addOperation(plan.location, plan.operation, kind === "action" ? "New action" : "New trigger"));
    selectOperation(plan.location);
  };

  // A focus request (Validation list, import report): select the owner and focus the best matching field.
  useEffect(() => {
    if (!focus) return;
    const doc = selectDocument(store.getState());
    if (!doc) return;
    let segments: string[];
    try {
      segments = parsePointer(focus.path);
    } catch {
      return;
    }
    if (focus.file === "apiDefinition.swagger.json") {
      const location = operationOfPointer(doc.definition, segments);
      if (location) {
        setLocalSelection({ kind: "operation", location });
        const param = segments[3] === "parameters" && segments[4] !== undefined ? Number(segments[4]) : null;
        setLocalOpenParameter(param !== null && Number.isInteger(param) ? param : null);
      } else if (
        (REFERENCE_KINDS as readonly string[]).includes(segments[0] ?? "") &&
        segments[1] !== undefined
      ) {
        setShowReferences(true);
        setLocalSelection({ kind: "reference", pointer: focus.path.split("/").slice(0, 3).join("/") });
      } else return;
    } else if (
      focus.file === "apiProperties.json" &&
      segments[1] === "policyTemplateInstances" &&
      segments[2] !== undefined
    ) {
      setLocalSelection({ kind: "policy", index: Number(segments[2]) });
    } else return;
    // The field that fixes the problem when the panel knows it (a missing summary → Summary); retried
    // briefly, since the selected editor may still be rendering.
    const target = focus.field ?? focus.path;
    let tries = 0;
    const attempt = () => {
      if (focusBestField(rootRef.current, target) || ++tries >= 20) return;
      timer = window.setTimeout(attempt, 50);
    };
    let timer = window.setTimeout(attempt, 50);
    return () => window.clearTimeout(timer);
  }, [focus, store]);

  if (!hasDocument) {
    return (
      <section aria-label="Definition step" className="cs-def">
        <h2>Definition</h2>
        <p className="cs-muted">Create or import a connector first.</p>
      </section>
    );
  }

  const selectedKey = selection?.kind === "operation" ? operationKey(selection.location) : null;
  const selectedPolicy = selection?.kind === "policy" ? policies[selection.index] : undefined;

  return (
    <section
      aria-label="Definition step"
      className="cs-def"
      ref={rootRef}
      style={railWidth === null ? undefined : ({ "--cs-def-rail": `${railWidth}px` } as React.CSSProperties)}
    >
      <h2 className="cs-visually-hidden">Definition</h2>
      <div className="cs-def__rail" ref={railRef}>
        <div className="cs-def-toolbar" role="group" aria-label="Create">
          <button type="button" className="cs-button cs-button-small" onClick={() => create("action")}>
            New action
          </button>
          <button type="button" className="cs-button cs-button-small" onClick={() => create("trigger")}>
            New trigger
          </button>
        </div>
        <p data-testid="operation-count" className="cs-def-count" aria-live="polite">
          {summaries.length} {summaries.length === 1 ? "operation" : "operations"}
          {visible.length !== summaries.length ? ` (${visible.length} shown)` : ""}
        </p>
        <div className="cs-def-row">
          <TextField
            label="Search operations"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label="Show"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value as Filter)}
            options={[
              { value: "all", label: "All" },
              { value: "problems", label: "With problems" },
              { value: "deprecated", label: "Deprecated" },
              { value: "internal", label: "Internal" },
            ]}
          />
        </div>
        <div className="cs-def-bulk" role="group" aria-label="Selected operations">
          <label className="cs-small">
            <input
              type="checkbox"
              checked={allShownChecked}
              disabled={visible.length === 0}
              onChange={(e) => toggleAllShown(e.currentTarget.checked)}
            />{" "}
            Select all shown
          </label>
          <button type="button" disabled={checkedRows.length === 0} onClick={askBulkDelete}>
            Delete selected
          </button>
          {checkedRows.length > 0 ? (
            <span className="cs-small cs-muted">{checkedRows.length} selected</span>
          ) : null}
        </div>
        <h3 className="cs-def-rail__heading">Actions ({actions.length})</h3>
        <OperationList
          label="Actions"
          rows={actions}
          selectedKey={selectedKey}
          problems={problems}
          onSelect={onRowSelect}
          checked={checked}
          onCheck={onRowCheck}
        />
        <h3 className="cs-def-rail__heading">Triggers ({triggers.length})</h3>
        <OperationList
          label="Triggers"
          rows={triggers}
          selectedKey={selectedKey}
          problems={problems}
          onSelect={onRowSelect}
          checked={checked}
          onCheck={onRowCheck}
        />
        <details
          className="cs-def-section"
          open={showReferences}
          onToggle={(e) => setShowReferences((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary className="cs-def-section__title">References</summary>
          {showReferences ? (
            <ReferencesPane
              selected={selection?.kind === "reference" ? selection.pointer : null}
              onSelect={(pointer) => setSelection({ kind: "reference", pointer })}
            />
          ) : null}
        </details>
        <h3 className="cs-def-rail__heading">Policies ({policies.length})</h3>
        <div className="cs-def-toolbar">
          <button type="button" className="cs-button cs-button-small" onClick={() => setNewPolicy(true)}>
            New policy
          </button>
        </div>
        <PoliciesList
          policies={policies}
          selected={selection?.kind === "policy" ? selection.index : null}
          onSelect={(index) => setSelection({ kind: "policy", index })}
        />
      </div>
      <ResizeHandle
        className="cs-def__handle"
        label="Resize the operations list"
        start={railRef}
        width={railWidth}
        min={RAIL_MIN}
        max={RAIL_MAX}
        onChange={setRailWidth}
      />
      <div className="cs-def__main">
        {selection === null ? (
          <p className="cs-muted">Choose an action, trigger, reference or policy, or create one.</p>
        ) : null}
        {selection?.kind === "operation" ? (
          <OperationEditor
            key={operationKey(selection.location)}
            location={selection.location}
            onSelect={selectOperation}
            openParameter={openParameter}
            setOpenParameter={setOpenParameter}
          />
        ) : null}
        {selection?.kind === "reference" ? (
          <SelectedReference
            pointer={selection.pointer}
            onSelect={(pointer) => setSelection({ kind: "reference", pointer })}
            onOpenOperation={selectOperation}
          />
        ) : null}
        {selection?.kind === "policy" && selectedPolicy ? (
          <PolicyEditor
            key={selectedPolicy.index}
            policy={selectedPolicy}
            count={policies.length}
            operationIds={ids}
            onSelect={(index) => setSelection(index === null ? null : { kind: "policy", index })}
          />
        ) : null}
      </div>
      {confirmBulk ? (
        <DeleteOperationsDialog
          impact={confirmBulk.impact}
          onDelete={() => {
            bulkDelete(confirmBulk.locations);
            setConfirmBulk(null);
          }}
          onClose={() => setConfirmBulk(null)}
        />
      ) : null}
      {newPolicy ? (
        <NewPolicyDialog
          nextIndex={policies.length}
          onCreate={(index) => setSelection({ kind: "policy", index })}
          onClose={() => setNewPolicy(false)}
        />
      ) : null}
    </section>
  );
}

function quoted(titles: readonly string[]): string {
  return titles.map((t) => `“${t}”`).join(", ");
}

/** Confirms deleting several operations that policies, the custom code or other operations name. */
function DeleteOperationsDialog({
  impact,
  onDelete,
  onClose,
}: {
  impact: DeleteOperationsImpact;
  onDelete(): void;
  onClose(): void;
}) {
  return (
    <ModalDialog
      title="Delete operations"
      role="alertdialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onDelete}>
            Delete {impact.count} operation{impact.count === 1 ? "" : "s"}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        Delete {impact.count} operation{impact.count === 1 ? "" : "s"}? Undo brings everything below back in
        one step.
      </p>
      <ul className="cs-def-impact">
        {impact.policiesTrimmed.length > 0 ? (
          <li>{quoted(impact.policiesTrimmed)} stop applying to them and keep their other operations.</li>
        ) : null}
        {impact.policiesRemoved.length > 0 ? (
          <li>
            {quoted(impact.policiesRemoved)} applied only to these operations and are deleted too (an empty
            operation list would apply to every operation).
          </li>
        ) : null}
        {impact.scriptKept ? (
          <li>
            Custom code ran only for these operations. Its operation list keeps a name so that the code does
            not start running for every operation; choose its operations in the Code step or turn it off.
          </li>
        ) : null}
        {impact.references.length > 0 ? (
          <li>
            {impact.references.length} reference{impact.references.length === 1 ? "" : "s"} from other
            operations ({[...new Set(impact.references.map((r) => r.extension))].join(", ")}) stay and show as
            errors in Validation until you point them at another operation.
          </li>
        ) : null}
      </ul>
    </ModalDialog>
  );
}

/** The References list; computed only while it is open, from a deferred copy (the walk visits every node). */
function ReferencesPane({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect(pointer: string): void;
}) {
  const definition = useWorkspace((s) => selectDocument(s)?.definition);
  const deferred = useDeferredValue(definition);
  const entries = useMemo(() => (deferred ? listReferences(deferred) : []), [deferred]);
  return (
    <ReferencesList entries={entries} selected={selected} onSelect={(entry) => onSelect(entry.pointer)} />
  );
}

function SelectedReference({
  pointer,
  onSelect,
  onOpenOperation,
}: {
  pointer: string;
  onSelect(pointer: string): void;
  onOpenOperation(location: OperationLocation): void;
}) {
  const definition = useWorkspace((s) => selectDocument(s)?.definition);
  const deferred = useDeferredValue(definition);
  const entry = useMemo(
    () => (deferred ? listReferences(deferred).find((e) => e.pointer === pointer) : undefined),
    [deferred, pointer],
  );
  if (!entry) return <p className="cs-muted">This reference no longer exists.</p>;
  return (
    <ReferenceEditor
      key={entry.pointer}
      entry={entry}
      onRenamed={onSelect}
      onOpenOperation={onOpenOperation}
    />
  );
}

/**
 * Focuses the `[data-pointer]` element whose pointer is the longest prefix of `path` (opening closed
 * sections); false when there is none yet.
 */
function focusBestField(root: HTMLElement | null, path: string): boolean {
  if (!root) return false;
  let best: HTMLElement | null = null;
  let bestLength = -1;
  for (const element of root.querySelectorAll<HTMLElement>("[data-pointer]")) {
    const pointer = element.dataset.pointer ?? "";
    if ((path === pointer || path.startsWith(`${pointer}/`)) && pointer.length > bestLength) {
      best = element;
      bestLength = pointer.length;
    }
  }
  if (!best) return false;
  for (let node: HTMLElement | null = best; node && node !== root; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement) node.open = true;
  }
  const controls = "input, select, textarea, button, summary";
  const focusable = best.matches(controls) ? best : best.querySelector<HTMLElement>(controls);
  if (!focusable) return false;
  focusable.focus({ preventScroll: true });
  focusable.scrollIntoView({ block: "center" });
  return true;
}
