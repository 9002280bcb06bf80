import type { PointerEvent } from "react";

/**
 * Follows a drag that starts on a separator: the pointer is captured (moves outside the handle still count)
 * and `onMove` gets each move's clientX until the pointer is released or the drag is cancelled.
 */
export function followPointerDrag(event: PointerEvent<HTMLElement>, onMove: (clientX: number) => void): void {
  event.preventDefault();
  const handle = event.currentTarget;
  handle.setPointerCapture(event.pointerId);
  const move = (e: globalThis.PointerEvent) => onMove(e.clientX);
  const up = () => {
    handle.removeEventListener("pointermove", move);
    handle.removeEventListener("pointerup", up);
    handle.removeEventListener("pointercancel", up);
  };
  handle.addEventListener("pointermove", move);
  handle.addEventListener("pointerup", up);
  handle.addEventListener("pointercancel", up);
}
