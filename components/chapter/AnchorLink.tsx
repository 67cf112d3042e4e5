/**
 * A deep link to a line or step: a real link (works without JavaScript),
 * shown on hover and focus; the copy-link island adds copying and an
 * announcement. No text content, so the line's own text reads unchanged.
 */
export function AnchorLink({ id, label }: { id: string; label: string }) {
  return <a className="anchor-link" href={`#${id}`} aria-label={label} data-copy-link="" />;
}
