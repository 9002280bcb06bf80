import { useEffect, useRef } from "react";

/**
 * Ctrl/Cmd+K opens Go to from anywhere, the Swagger editor included: the key is taken in the capture phase,
 * before Monaco sees it (Monaco's own Ctrl+K chords give way to it).
 */
export function useGoToShortcut(open: () => void): void {
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.key.toLowerCase() !== "k") return;
      // Inside a dialog (Go to itself, a confirmation) the key does nothing.
      if (event.target instanceof Element && event.target.closest("dialog")) return;
      event.preventDefault();
      event.stopPropagation();
      openRef.current();
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, []);
}
