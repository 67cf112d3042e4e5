/**
 * Shown while a file of the story has errors on the live site: readers keep
 * its last good version (the errors themselves are listed under Warnings).
 */
export function LastGoodNotice({ kept }: { kept: string[] }) {
  if (kept.length === 0) return null;
  return (
    <section className="editor-section editor-alert" role="alert" aria-labelledby="editor-kept">
      <h2 id="editor-kept">Readers are served the last good version of {kept.join(", ")}</h2>
      <p>
        The file{kept.length > 1 ? "s have" : " has"} errors now (listed under Warnings below). Nothing new from{" "}
        {kept.length > 1 ? "them" : "it"} reaches readers until they are fixed; what readers had stays up.
      </p>
    </section>
  );
}
