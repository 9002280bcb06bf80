import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type * as themeModule from "./theme";

type ThemeModule = typeof themeModule;

/** A fresh copy of the module (its state is per page) with a system preference and a storage. */
async function loadTheme(systemDark: boolean, saved: Map<string, string>) {
  const changeListeners: ((event: { matches: boolean }) => void)[] = [];
  const root = { dataset: {} as Record<string, string> };
  vi.stubGlobal("document", { documentElement: root });
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => saved.get(key) ?? null,
    setItem: (key: string, value: string) => void saved.set(key, value),
  });
  vi.stubGlobal("matchMedia", () => ({
    matches: systemDark,
    addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) =>
      changeListeners.push(listener),
  }));
  vi.resetModules();
  const theme: ThemeModule = await import("./theme");
  return {
    theme,
    root,
    systemChanges: (matches: boolean) => changeListeners.forEach((listener) => listener({ matches })),
  };
}

describe("theme", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it("follows the system while nothing is chosen, also when the system changes", async () => {
    const { theme, root, systemChanges } = await loadTheme(true, new Map());
    theme.startTheme();
    expect(theme.isDarkTheme()).toBe(true);
    expect(root.dataset.theme).toBe("dark");
    const seen: boolean[] = [];
    theme.subscribeTheme(() => seen.push(theme.isDarkTheme()));
    systemChanges(false);
    expect(root.dataset.theme).toBe("light");
    expect(seen).toEqual([false]);
  });

  it("remembers the switch, which then overrides the system", async () => {
    const saved = new Map<string, string>();
    const first = await loadTheme(false, saved);
    first.theme.setDarkTheme(true);
    expect(first.root.dataset.theme).toBe("dark");
    expect(saved.get(first.theme.DARK_THEME_KEY)).toBe("true");
    first.systemChanges(false);
    expect(first.theme.isDarkTheme()).toBe(true);

    // A new page in this browser, system still light: the choice wins.
    const second = await loadTheme(false, saved);
    second.theme.startTheme();
    expect(second.theme.isDarkTheme()).toBe(true);
    expect(second.root.dataset.theme).toBe("dark");
  });

  it("still switches when storage is refused", async () => {
    const { theme, root } = await loadTheme(false, new Map());
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("refused");
      },
      setItem: () => {
        throw new Error("refused");
      },
    });
    theme.setDarkTheme(true);
    expect(root.dataset.theme).toBe("dark");
  });
});
