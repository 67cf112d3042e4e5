/**
 * A thin bar at the top of the chapter showing how far the reader has
 * scrolled (server markup; the `reading-progress` island moves it). It repeats
 * what the scrollbar already tells, so it is decorative (aria-hidden).
 */
export function ReadingProgress() {
  return (
    <div className="reading-progress" data-reading-progress="" aria-hidden="true">
      <div className="reading-progress__bar" style={{ transform: "scaleX(0)" }} />
    </div>
  );
}
