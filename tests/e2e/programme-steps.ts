/**
 * An editor's steps on a programme, through the screen alone: create it, import jingles and music
 * beds into the music library (upload or drag and drop), and add bulletins and music as items.
 * Shared by the import-pickers and editor's-day tests.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { dropFile } from '../helpers/pickers.ts';

type MusicKind = 'jingle' | 'music_bed';
const items = (page: Page) => page.getByTestId('running-order').locator('[data-item-id]');

/** Creates a programme from the programme list; returns its id (from the address the screen moves to). */
export async function createProgramme(page: Page, hostUrl: string, title: string): Promise<number> {
  await page.goto(`${hostUrl}#/programmes`);
  await page.getByTestId('programme-title').fill(title);
  await page.getByTestId('create-programme').click();
  await page.waitForURL(/#\/programmes\/\d+$/, { timeout: 30_000 });
  return Number(/(\d+)$/.exec(page.url())![1]);
}

/** Imports an audio file into the music library as `kind`, by the picker's upload or by dropping it; waits for "Đã nhập". */
export async function importMusic(page: Page, kind: MusicKind, file: string, by: 'upload' | 'drop'): Promise<void> {
  await page.getByTestId('audio-kind').selectOption(kind);
  if (by === 'upload') await page.getByTestId('import-music-input').setInputFiles(file);
  else await dropFile(page, 'import-music-drop', file);
  const name = path.basename(file).replace(/\.[^.]+$/, '');
  await page.getByTestId('import-music-done').filter({ hasText: name }).waitFor({ timeout: 120_000 });
}

/** The names the music list offers for the kind chosen now. */
export const musicList = (page: Page) => page.getByTestId('audio-pick-list').locator('li').evaluateAll((li) => li.map((item) => item.getAttribute('data-asset-name')));

async function addedOne(page: Page, add: () => Promise<void>): Promise<void> {
  const before = await items(page).count();
  await add();
  await expect.poll(() => items(page).count(), { timeout: 30_000 }).toBe(before + 1);
}

/** Adds a jingle or a music bed from the music library to the end of the running order. */
export async function addMusicItem(page: Page, kind: MusicKind, name: string): Promise<void> {
  await page.getByTestId('audio-kind').selectOption(kind);
  await addedOne(page, () => page.getByTestId('audio-pick-list').locator(`li[data-asset-name="${name}"] button`).click());
}

/** Finds a bulletin by its title and adds it to the end of the running order. */
export async function addBulletinItem(page: Page, title: string, id: number): Promise<void> {
  await page.getByTestId('add-item-search').fill(title);
  // The search answers after the typing: its best match on top, where no later answer moves it
  // (a click on a row that the answer then reorders would land on another row or on nothing).
  await expect.poll(() => page.locator('[data-add-bulletin]').first().getAttribute('data-add-bulletin'), { timeout: 30_000 }).toBe(String(id));
  await addedOne(page, () => page.locator(`[data-add-bulletin="${id}"]`).click());
}
