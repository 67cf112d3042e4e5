/**
 * On a chapter page: where the `remember-place` island reads the chapter it
 * remembers (components/islands/remember-place.ts). Renders an empty, hidden
 * element.
 */
export function RememberPlace({ slug, title }: { slug: string; title: string }) {
  return <span hidden data-remember-place="" data-slug={slug} data-title={title} />;
}

/**
 * On the home page: the reserved, empty slot where the `continue-reading`
 * island puts "Continue reading: {title}" for the chapter the reader left,
 * only if it is one of `known` (released chapters). Filling it shifts nothing.
 */
export function ContinueReading({ known }: { known: { slug: string; title: string }[] }) {
  return <div className="continue-reading" data-continue-reading="" data-known={JSON.stringify(known)} />;
}
