import { useCallback, useState } from "react";

/** Reads a yes/no layout preference remembered in this browser; `fallback` when none or storage is refused. */
export function readFlag(key: string, fallback: boolean): boolean {
  try {
    const saved = localStorage.getItem(key);
    if (saved === "true") return true;
    if (saved === "false") return false;
  } catch {
    // Storage may be refused (private mode): the default is fine.
  }
  return fallback;
}

/** Remembers a yes/no layout preference in this browser (nothing about a connector is stored this way). */
export function writeFlag(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // Not worth a notice: only the layout preference is lost.
  }
}

/** A yes/no layout preference (a pane shown, a panel open) kept in localStorage. */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => readFlag(key, fallback));
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      writeFlag(key, next);
    },
    [key],
  );
  return [value, set];
}

/** Reads a number remembered in this browser (a column width), or null when none or storage is refused. */
export function readNumber(key: string): number | null {
  try {
    const saved = localStorage.getItem(key);
    const value = saved === null ? NaN : Number(saved);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers a number (a column width) in this browser. */
export function writeNumber(key: string, value: number): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // Not worth a notice: only the layout preference is lost.
  }
}
