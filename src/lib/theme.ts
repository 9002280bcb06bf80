import { useSyncExternalStore } from "react";

/**
 * The colour theme: the system's `prefers-color-scheme` until the header's Dark theme switch is used, then
 * that choice, remembered in this browser. It is shown as `data-theme` on <html> (src/app/tokens.css) and
 * read by Monaco (src/code-pane/monaco-setup.ts). index.html applies the same rule before the app loads, so
 * a dark page does not flash light; its key must match {@link DARK_THEME_KEY}.
 */
export const DARK_THEME_KEY = "cs.darkTheme";

const DARK_QUERY = "(prefers-color-scheme: dark)";

type Listener = () => void;
const listeners = new Set<Listener>();
let started = false;
let dark = false;

function storedChoice(): boolean | null {
  try {
    const saved = localStorage.getItem(DARK_THEME_KEY);
    if (saved === "true") return true;
    if (saved === "false") return false;
  } catch {
    // Storage refused (private mode): follow the system.
  }
  return null;
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia(DARK_QUERY).matches;
}

function apply(next: boolean): void {
  const changed = next !== dark;
  dark = next;
  if (typeof document !== "undefined") document.documentElement.dataset.theme = next ? "dark" : "light";
  if (changed) for (const listener of listeners) listener();
}

/** Reads the choice (or the system's) and follows the system while no choice is remembered. Idempotent. */
export function startTheme(): void {
  if (started) return;
  started = true;
  dark = storedChoice() ?? systemPrefersDark();
  apply(dark);
  if (typeof matchMedia === "function") {
    matchMedia(DARK_QUERY).addEventListener("change", (event) => {
      if (storedChoice() === null) apply(event.matches);
    });
  }
}

export function isDarkTheme(): boolean {
  startTheme();
  return dark;
}

/** Switches the theme and remembers the choice in this browser (it then overrides the system). */
export function setDarkTheme(next: boolean): void {
  startTheme();
  try {
    localStorage.setItem(DARK_THEME_KEY, String(next));
  } catch {
    // Not worth a notice: the theme applies to this page; only remembering it is lost.
  }
  apply(next);
}

export function subscribeTheme(listener: Listener): () => void {
  startTheme();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current theme for React; re-renders when it changes. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribeTheme, isDarkTheme, () => false);
}
