/**
 * Who may archive, trash or restore an entry: a coordinator, or the member who created it (the
 * verified creator, never a field naming someone). The same rule decides on the writer's device
 * (setShelf) and on every receiver (readShelf), so a write by anyone else changes nothing shown.
 */
export function mayShelve(
  who: string,
  creator: string | undefined,
  isCoordinator: (signPkHex: string) => boolean,
): boolean {
  return isCoordinator(who) || (creator !== undefined && creator !== '' && who === creator);
}
