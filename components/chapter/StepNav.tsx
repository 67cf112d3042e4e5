/**
 * The "next step" control (hidden until the step-nav island runs: without
 * JavaScript the page is the plain layout, read by scrolling) and the polite
 * live region that announces each line or step reached.
 */
export function StepNav() {
  return (
    <>
      <nav className="step-nav" aria-label="Step through the chapter" data-step-nav="" hidden>
        <button type="button" className="step-nav__button" data-step="prev" aria-keyshortcuts="k">
          Previous
        </button>
        <button type="button" className="step-nav__button" data-step="next" aria-keyshortcuts="j">
          Next step
        </button>
      </nav>
      <div className="visually-hidden" role="status" data-announcer="" />
    </>
  );
}
