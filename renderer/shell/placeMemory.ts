/**
 * Where the member was (issue #19 item 10): the open cell, and per cell the tab and the open
 * draft, so that switching tabs or locking and unlocking returns to the same place. Ids only,
 * never content, and in this page's memory only: a reload or a panic wipe (which reloads)
 * forgets it, and nothing is written anywhere.
 */
const place = {
  cell: undefined as string | undefined,
  tabs: new Map<string, string>(),
  drafts: new Map<string, string>(),
};

export const rememberedCell = (): string | undefined => place.cell;
export const rememberCell = (cellIdHex: string | undefined): void => {
  place.cell = cellIdHex;
};

export const rememberedTab = (cellIdHex: string): string | undefined => place.tabs.get(cellIdHex);
export const rememberTab = (cellIdHex: string, tab: string): void => {
  place.tabs.set(cellIdHex, tab);
};

export const rememberedDraft = (cellIdHex: string): string | null =>
  place.drafts.get(cellIdHex) ?? null;
export const rememberDraft = (cellIdHex: string, draftId: string | null): void => {
  if (draftId === null) place.drafts.delete(cellIdHex);
  else place.drafts.set(cellIdHex, draftId);
};

/** Forgets everything (a cell removed from this device, or tests). */
export function forgetPlace(cellIdHex?: string): void {
  if (cellIdHex === undefined) {
    place.cell = undefined;
    place.tabs.clear();
    place.drafts.clear();
    return;
  }
  if (place.cell === cellIdHex) place.cell = undefined;
  place.tabs.delete(cellIdHex);
  place.drafts.delete(cellIdHex);
}
