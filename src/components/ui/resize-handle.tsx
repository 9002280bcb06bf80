import { followPointerDrag } from "./pointer-drag";
import { useCallback, useState, type KeyboardEvent, type PointerEvent, type RefObject } from "react";
import { readNumber, writeNumber } from "../../lib/stored-preference";

/**
 * A width in pixels that the maker sets with a {@link ResizeHandle}, remembered in this browser under
 * `key`; null until set (the layout's own default applies).
 */
export function useStoredWidth(
  key: string,
  min: number,
  max: number,
): [number | null, (value: number) => void] {
  const [width, setWidth] = useState<number | null>(() => {
    const saved = readNumber(key);
    return saved !== null && saved >= min && saved <= max ? saved : null;
  });
  const set = useCallback(
    (value: number) => {
      const clamped = Math.round(Math.min(max, Math.max(min, value)));
      setWidth(clamped);
      writeNumber(key, clamped);
    },
    [key, min, max],
  );
  return [width, set];
}

/**
 * A vertical separator between two columns that sets the width of the one before it: drag it, or focus it
 * and use the arrow keys (Shift for bigger steps), Home and End. `start` is the column it resizes.
 */
export function ResizeHandle({
  label,
  start,
  width,
  min,
  max,
  onChange,
  className,
}: {
  label: string;
  start: RefObject<HTMLElement | null>;
  /** The current width (null: the column's width as laid out). */
  width: number | null;
  min: number;
  max: number;
  onChange(width: number): void;
  className?: string;
}) {
  const current = () => width ?? start.current?.getBoundingClientRect().width ?? min;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const column = start.current;
    if (!column) return;
    const left = column.getBoundingClientRect().left;
    followPointerDrag(event, (x) => onChange(x - left));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    if (event.key === "ArrowLeft") onChange(current() - step);
    else if (event.key === "ArrowRight") onChange(current() + step);
    else if (event.key === "Home") onChange(min);
    else if (event.key === "End") onChange(max);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={className}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Math.round(width ?? min)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
