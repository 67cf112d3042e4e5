/** Empty space that paces the dialogue; nothing for a screen reader to announce. */
export function Pause({ size = "medium" }: { size?: string }) {
  return <div className={`pause pause--${size}`} aria-hidden="true" />;
}
