/** Generated media are content-addressed, so their URL never changes meaning. */
export function mediaUrl(file: string): string {
  return `/media/${file}`;
}
