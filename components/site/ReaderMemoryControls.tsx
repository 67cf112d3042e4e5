// Server markup for the home page's reader-memory and offline controls; the
// islands (components/islands/memory, offline) bring them to life. Without JS
// both stay hidden and the count stays empty.
export function ReaderMemoryControls() {
  return (
    <div className="reader-memory" data-reader-memory="">
      <p className="reader-memory__status" aria-live="polite" data-memory-status=""></p>
      <div className="reader-memory__controls">
        <button type="button" className="button button--quiet" data-memory-forget="" hidden>
          Forget my reading
        </button>
        <div className="offline-reading" data-offline-reading="" hidden>
          <label>
            <input type="checkbox" /> Keep chapters for offline reading
          </label>
          <p className="offline-reading__status" aria-live="polite" data-offline-status=""></p>
        </div>
      </div>
    </div>
  );
}
