/** Hands bytes or text to the browser as a download. */
export function downloadFile(content: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([content as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads picked files as the `{ path, bytes }` list importers take (folder paths kept when the browser gives them). */
export async function readPickedFiles(
  files: FileList | readonly File[],
): Promise<{ path: string; bytes: Uint8Array }[]> {
  return Promise.all(
    Array.from(files, async (file) => ({
      path: file.webkitRelativePath || file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}
