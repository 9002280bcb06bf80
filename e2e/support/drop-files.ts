import type { Locator, Page } from "@playwright/test";

/** A file to drop or pick: its path (folders with `/`) and its content. */
export interface TestFile {
  name: string;
  bytes: Uint8Array;
  mimeType?: string;
}

/**
 * Drops files on the page the way a browser does (dragenter, dragover, drop with a DataTransfer that holds
 * the files). The target defaults to the page body: the whole window accepts drops.
 */
export async function dropFiles(page: Page, files: TestFile[], target?: Locator): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.mimeType ?? "application/octet-stream",
    base64: Buffer.from(f.bytes).toString("base64"),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const binary = atob(item.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  const zone = target ?? page.locator("body");
  for (const type of ["dragenter", "dragover", "drop"]) {
    await zone.dispatchEvent(type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

/** Sets files on the "Import file" input (what the Import button's chooser would return). */
export async function pickImportFiles(page: Page, files: TestFile[]): Promise<void> {
  await page.getByLabel("Import file").setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: f.mimeType ?? "application/octet-stream",
      buffer: Buffer.from(f.bytes),
    })),
  );
}
