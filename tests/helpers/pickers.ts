/**
 * Driving the studio's pickers in browser mode, as a user does: the host's folder chooser walked
 * from the root drive down to a folder, and a file dropped on a picker.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Opens the folder picker `testId`, walks from "/" to `dir` one folder at a time, and chooses it. */
export async function chooseFolder(page: Page, testId: string, dir: string, shownBy = testId): Promise<void> {
  await page.getByTestId(testId).click();
  const chooser = page.getByTestId('folder-chooser');
  await chooser.locator('[data-place-kind="drive"]').first().click();
  await chooser.getByTestId('folder-current').filter({ hasText: /^\/$/ }).waitFor();
  let at = '/';
  for (const part of path.resolve(dir).split(path.sep).filter(Boolean)) {
    await chooser.locator(`[data-folder="${part}"]`).click();
    at = path.join(at, part);
    await chooser.getByTestId('folder-current').filter({ hasText: at }).waitFor();
  }
  await chooser.getByTestId('folder-choose-here').click();
  // The picker shows its choice, or (`shownBy`) a neighbour picker that shares its value does.
  await page.getByTestId(`${shownBy}-value`).filter({ hasText: path.resolve(dir) }).waitFor();
}

/** Drops a file from disk on the element `testId`, as when dragged from the file manager. */
export async function dropFile(page: Page, testId: string, file: string): Promise<void> {
  const bytes = [...fs.readFileSync(file)];
  const name = path.basename(file);
  const transfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      // Runs in the page; this helper is also compiled with the Node-only project, without DOM types.
      const { DataTransfer } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name));
      return data;
    },
    { bytes, name },
  );
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}
