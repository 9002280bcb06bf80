import { followPointerDrag } from "../components/ui/pointer-drag";
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

/** v2: the default moved from 50% to 62% for the step; an old 50% would keep the cramped layout. */
const STORAGE_KEY = "connector-studio.split.v2";
const DEFAULT = 62;
const MIN = 25;
const MAX = 75;

function initialSplit(): number {
  try {
    const saved = Number(localStorage.getItem(STORAGE_KEY));
    if (saved >= MIN && saved <= MAX) return saved;
  } catch {
    // Storage may be refused (private mode): the default is fine.
  }
  return DEFAULT;
}

/**
 * Two panes side by side with a draggable (and keyboard-movable) separator. With `endHidden` the end pane
 * stays mounted (its state is kept) but is hidden, and the start pane takes the whole width.
 */
export function SplitPane({
  start,
  end,
  label,
  endHidden = false,
}: {
  start: ReactNode;
  end: ReactNode;
  label: string;
  endHidden?: boolean;
}) {
  const [split, setSplit] = useState(initialSplit);
  const containerRef = useRef<HTMLDivElement>(null);

  const commit = useCallback((value: number) => {
    const clamped = Math.round(Math.min(MAX, Math.max(MIN, value)));
    setSplit(clamped);
    try {
      localStorage.setItem(STORAGE_KEY, String(clamped));
    } catch {
      // Not worth a notice: only the pane width is lost.
    }
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    followPointerDrag(event, (x) => {
      const box = containerRef.current?.getBoundingClientRect();
      if (box && box.width > 0) commit(((x - box.left) / box.width) * 100);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 10 : 2;
    if (event.key === "ArrowLeft") commit(split - step);
    else if (event.key === "ArrowRight") commit(split + step);
    else if (event.key === "Home") commit(MIN);
    else if (event.key === "End") commit(MAX);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`cs-split${endHidden ? " cs-split-end-hidden" : ""}`}
      ref={containerRef}
      style={{ "--cs-split": `${split}%` } as React.CSSProperties}
    >
      <div className="cs-split-start">{start}</div>
      <div
        hidden={endHidden}
        className="cs-split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={split}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="cs-split-end" hidden={endHidden}>
        {end}
      </div>
    </div>
  );
}
