/**
 * Hooks that keep a step's form a view of the one connector document: reset the form when the document
 * changes from elsewhere (undo, Swagger editor, import, switching connectors), and focus the field a focus
 * request (a click in the Validation list) points at.
 */
import { useCallback, useEffect, useRef, type FocusEvent, type RefObject } from "react";
import type { Command } from "../model/command";
import type { ConnectorDocument } from "../model/connector-document";
import type { DiagnosticFile } from "../model/diagnostic";
import { useWorkspaceStoreApi } from "./workspace-context";
import { selectDocument, selectSelection } from "./workspace-store";

/** Dispatches a command from a form; see {@link useResetOnExternalChange}. */
export type FormDispatch = (command: Command, mergeKey?: string) => void;

/**
 * Calls `reset(toValues(doc))` whenever the active document changes through anything but this form's own
 * edits (undo, the Swagger editor, an import, another form, switching connectors), so typing is never
 * interrupted while every other change shows at once. Returns the dispatch the form must use for its own
 * edits (source `form`; with a merge key, typing in one field merges into one undo step).
 */
export function useResetOnExternalChange<T>(
  toValues: (doc: ConnectorDocument) => T,
  reset: (values: T) => void,
): FormDispatch {
  const store = useWorkspaceStoreApi();
  const latest = useRef({ toValues, reset });
  latest.current = { toValues, reset };
  const ownEdit = useRef(false);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.revision === previous.revision && state.activeId === previous.activeId) return;
        if (ownEdit.current) return;
        const doc = selectDocument(state);
        if (doc) latest.current.reset(latest.current.toValues(doc));
      }),
    [store],
  );
  return useCallback<FormDispatch>(
    (command, mergeKey) => {
      ownEdit.current = true;
      try {
        store
          .getState()
          .dispatch(command, mergeKey === undefined ? { source: "form" } : { source: "form", mergeKey });
      } finally {
        ownEdit.current = false;
      }
    },
    [store],
  );
}

// Focus requests already served, so that a step mounted later does not steal focus again.
let handledNonce = -1;

/** Among `[data-pointer]` elements, the one whose pointer is the longest prefix of `path`. */
export function findPointerElement(container: HTMLElement, path: string): HTMLElement | null {
  let best: HTMLElement | null = null;
  let bestLength = -1;
  for (const element of container.querySelectorAll<HTMLElement>("[data-pointer]")) {
    const pointer = element.dataset.pointer ?? "";
    const matches = path === pointer || path.startsWith(pointer + "/") || pointer === "";
    if (matches && pointer.length > bestLength && !element.hasAttribute("disabled")) {
      best = element;
      bestLength = pointer.length;
    }
  }
  if (best && (best.dataset.pointer ?? "") === "" && path !== "") {
    // Only the catch-all matched: a field inside the reported place (e.g. `/info` → `/info/contact/name`)
    // fixes it better than the step's first control.
    for (const element of container.querySelectorAll<HTMLElement>("[data-pointer]")) {
      if ((element.dataset.pointer ?? "").startsWith(path + "/") && !element.hasAttribute("disabled"))
        return element;
    }
  }
  return best;
}

/**
 * Focuses the field that a focus request points at, when `owns(file, path)` says the place belongs to this
 * step. Also serves a request made just before the step mounted (the Validation list switches the step).
 */
export function useFocusRequest(
  container: RefObject<HTMLElement | null>,
  owns: (file: DiagnosticFile, path: string) => boolean,
) {
  const store = useWorkspaceStoreApi();
  const ownsRef = useRef(owns);
  ownsRef.current = owns;
  useEffect(() => {
    const serve = () => {
      const focus = store.getState().focus;
      if (!focus || focus.nonce === handledNonce) return;
      // The field that fixes the problem when the request names one (see the store's `focus`).
      const target = focus.field ?? focus.path;
      if (!ownsRef.current(focus.file, target)) return;
      const root = container.current;
      if (!root) return;
      const element = findPointerElement(root, target);
      if (!element) return;
      handledNonce = focus.nonce;
      element.focus();
      element.scrollIntoView?.({ block: "center" });
    };
    // Let the step render its fields first.
    const timer = window.setTimeout(serve, 0);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.focus !== previous.focus) window.setTimeout(serve, 0);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [store, container]);
}

const DEFINITION_FILE: DiagnosticFile = "apiDefinition.swagger.json";

/** The file a form field's pointer is in: the forms write `apiProperties.json` under `/properties`. */
function fileOfFieldPointer(pointer: string): DiagnosticFile {
  return pointer === "/properties" || pointer.startsWith("/properties/")
    ? "apiProperties.json"
    : DEFINITION_FILE;
}

/**
 * Keeps a form step and the shared selection following each other:
 * - focusing a field selects the place it edits (the Swagger editor reveals and highlights it);
 * - a place selected elsewhere (the Swagger editor's cursor, Go to) that `owns` marks the field that edits
 *   it (`data-following` on the field) and scrolls it into view, without taking the focus: the maker may
 *   be moving through the editor's text with the keyboard.
 * Returns the focus handler to put on the step's root (React's `onFocus` bubbles).
 */
export function useFollowSelection(
  container: RefObject<HTMLElement | null>,
  owns: (file: DiagnosticFile, path: string) => boolean,
): (event: FocusEvent) => void {
  const store = useWorkspaceStoreApi();
  const ownsRef = useRef(owns);
  ownsRef.current = owns;
  useEffect(() => {
    let marked: HTMLElement | null = null;
    let lastNonce = -1;
    const unmark = () => {
      marked?.removeAttribute("data-following");
      marked = null;
    };
    const show = () => {
      const selection = selectSelection(store.getState());
      if ((selection?.nonce ?? -1) === lastNonce) return;
      lastNonce = selection?.nonce ?? -1;
      unmark();
      if (!selection || selection.source === "step" || !ownsRef.current(selection.file, selection.path))
        return;
      const root = container.current;
      const element = root ? findPointerElement(root, selection.path) : null;
      // Only the step's catch-all matched: no field edits this place.
      if (!element || (element.dataset.pointer ?? "") === "") return;
      marked = element.closest<HTMLElement>(".cs-field") ?? element;
      marked.setAttribute("data-following", "true");
      marked.scrollIntoView?.({ block: "nearest" });
    };
    // A selection made before the step opened is shown once its fields are there.
    const timer = window.setTimeout(show, 0);
    const unsubscribe = store.subscribe((state, previous) => {
      // Another connector forgets the selection (see `selectSelection`).
      if (state.selection !== previous.selection || state.activeId !== previous.activeId) show();
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
      unmark();
    };
  }, [store, container]);
  return useCallback(
    (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      const pointer = target.closest<HTMLElement>("[data-pointer]")?.dataset.pointer;
      if (!pointer) return;
      const file = fileOfFieldPointer(pointer);
      const current = selectSelection(store.getState());
      if (current?.file === file && current.path === pointer && current.source === "step") return;
      store.getState().select(file, pointer, "step");
    },
    [store],
  );
}
