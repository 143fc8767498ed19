/** A file name from the masthead only (title, number, chosen date): letters and digits kept. */
export function issueFileName(
  masthead: { readonly title: string; readonly issueNumber: string; readonly date: string },
  extension: string,
): string {
  const slug = [masthead.title, masthead.issueNumber, masthead.date]
    .map((part) => part.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part !== '')
    .join('-')
    .slice(0, 80);
  return `${slug === '' ? 'issue' : slug}.${extension}`;
}
