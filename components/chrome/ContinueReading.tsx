/**
 * On the home page: the reserved, empty slot where the `continue-reading`
 * island puts "Continue reading: {title}" for the chapter the reader left,
 * only if it is one of `known` (released chapters). Filling it shifts nothing.
 */
export function ContinueReading({ known }: { known: { slug: string; title: string }[] }) {
  return <div className="continue-reading" data-continue-reading="" data-known={JSON.stringify(known)} />;
}
