import { useEffect, useState } from "react";
import { warmUpImporter } from "./import/import-client";
import type { ImportSource } from "./import/import-protocol";
import { captureDrop, dragHasFiles, readDrop } from "./import/read-input-files";

/**
 * Makes the whole window a drop target for files, several files, folders and zips. Returns whether files
 * are being dragged over the window (for the overlay). While `enabled` is false (the saved drafts are being
 * restored) a drop is refused: nothing is imported, and the browser does not open the file instead.
 */
export function useWindowDrop(
  onFiles: (files: ImportSource[]) => void,
  enabled = true,
  onRefused?: () => void,
): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const refuse = (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "none";
    };
    const refuseDrop = (event: DragEvent) => {
      refuse(event);
      if (dragHasFiles(event.dataTransfer)) onRefused?.();
    };
    if (!enabled) {
      window.addEventListener("dragover", refuse);
      window.addEventListener("drop", refuseDrop);
      return () => {
        window.removeEventListener("dragover", refuse);
        window.removeEventListener("drop", refuseDrop);
      };
    }
    const onDragEnter = (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth += 1;
      if (depth === 1) {
        setDragging(true);
        // Start the importer while the user is still dragging: the drop then costs only the import.
        warmUpImporter();
      }
    };
    const onDragOver = (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDragLeave = (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!event.dataTransfer || !dragHasFiles(event.dataTransfer)) return;
      // Monaco accepts text drops itself; files are ours wherever they land.
      event.preventDefault();
      const capture = captureDrop(event.dataTransfer);
      void readDrop(capture).then(onFiles);
    };
    window.addEventListener("dragenter", onDragEnter);
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("dragleave", onDragLeave);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onDragEnter);
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("dragleave", onDragLeave);
      window.removeEventListener("drop", onDrop);
    };
  }, [onFiles, enabled, onRefused]);
  return dragging;
}
