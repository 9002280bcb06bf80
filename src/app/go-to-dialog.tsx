import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { StoreApi } from "zustand/vanilla";
import { ModalDialog } from "../components/ui/modal-dialog";
import { goToTargets, searchGoTo, type GoToKind, type GoToTarget } from "../model/go-to";
import { selectDocument, type WorkspaceState } from "../store/workspace-store";
import { useWorkspaceStoreApi } from "../store/workspace-context";
import "./go-to-dialog.css";

const KIND_LABELS: Record<GoToKind, string> = {
  step: "Step",
  operation: "Operation",
  definition: "Definition",
  parameter: "Parameter",
  policy: "Policy",
  setting: "Setting",
};

/** At most this many results are shown: the search narrows them. */
const MAX_RESULTS = 50;

/**
 * Takes the maker to a target: its step opens and its item is selected there (the Swagger editor reveals
 * it). A setting is a field to focus (a focus request, asked again once a lazily loaded step has mounted).
 */
export function goToTarget(store: StoreApi<WorkspaceState>, target: GoToTarget): void {
  const state = store.getState();
  const switching = state.step !== target.step;
  state.setStep(target.step);
  const { file, path } = target;
  if (file === undefined || path === undefined) {
    window.setTimeout(() => document.getElementById(`cs-tab-${target.step}`)?.focus(), 0);
    return;
  }
  if (target.kind === "setting") {
    state.requestFocus(file, path);
    if (switching) window.setTimeout(() => store.getState().requestFocus(file, path), 400);
    return;
  }
  state.select(file, path, "go-to");
}

/**
 * The Go to dialog (Ctrl/Cmd+K or the header's Go to): one search over steps, operations, definitions,
 * parameters, policies and settings of the open connector. The search box is a combobox whose options are
 * the results; ArrowUp/ArrowDown move, Enter goes there, Escape closes and gives focus back.
 */
export function GoToDialog({ onClose }: { onClose(): void }) {
  const store = useWorkspaceStoreApi();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const listRef = useRef<HTMLUListElement>(null);
  // Where focus was: Escape gives it back (the dialog is unmounted, not closed, so the browser may not).
  const opener = useRef<Element | null>(document.activeElement);
  // Built once per opening: the document does not change while the dialog is open.
  const targets = useMemo(() => {
    const doc = selectDocument(store.getState());
    return doc ? goToTargets(doc) : [];
  }, [store]);
  const results = useMemo(() => searchGoTo(targets, query, MAX_RESULTS), [targets, query]);
  const activeIndex = Math.min(active, results.length - 1);

  useEffect(() => {
    listRef.current?.children[activeIndex]?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  const close = () => {
    onClose();
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) window.setTimeout(() => back.focus(), 0);
  };
  const go = (target: GoToTarget | undefined) => {
    if (!target) return;
    onClose();
    goToTarget(store, target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    let next: number | null = null;
    if (event.key === "ArrowDown") next = results.length === 0 ? 0 : (activeIndex + 1) % results.length;
    else if (event.key === "ArrowUp")
      next = results.length === 0 ? 0 : (activeIndex - 1 + results.length) % results.length;
    else if (event.key === "PageDown") next = Math.min(results.length - 1, activeIndex + 8);
    else if (event.key === "PageUp") next = Math.max(0, activeIndex - 8);
    else if (event.key === "Enter") {
      event.preventDefault();
      go(results[activeIndex]);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setActive(Math.max(0, next));
  };

  return (
    <ModalDialog title="Go to" onClose={close} className="cs-goto">
      <input
        type="search"
        role="combobox"
        className="cs-input cs-goto-input"
        aria-label="Search steps, operations, definitions, parameters, policies and settings"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
        placeholder="Operation, definition, parameter, setting…"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} ref={listRef} role="listbox" aria-label="Results" className="cs-goto-results">
        {results.map((target, index) => (
          <li
            key={target.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="cs-goto-option"
            // Keeps focus in the search box; the click goes there.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(target)}
            onMouseMove={() => {
              if (index !== activeIndex) setActive(index);
            }}
          >
            <span className="cs-goto-kind">{KIND_LABELS[target.kind]}</span>
            <span className="cs-goto-label">{target.label}</span>
            <span className="cs-goto-detail">{target.detail}</span>
          </li>
        ))}
      </ul>
      <p className="cs-goto-status cs-muted cs-small" role="status">
        {results.length === 0
          ? "Nothing found."
          : `${results.length}${results.length === MAX_RESULTS ? "+" : ""} result${results.length === 1 ? "" : "s"}. ↑ ↓ to choose, Enter to go, Esc to close.`}
      </p>
    </ModalDialog>
  );
}
