import type { BetaLinksData } from "../../lib/server/beta-dashboard";
import { EditorTable } from "./EditorTable";

/**
 * "Beta-reader links": make an expiring link to one unreleased chapter, list
 * the links and revoke them. The forms POST to the edge (same-origin only).
 */
export function BetaLinks({ data }: { data: BetaLinksData }) {
  return (
    <section className="editor-section" id="beta-links" aria-labelledby="editor-beta-links">
      <h2 id="editor-beta-links">Beta-reader links</h2>
      <p id="editor-beta-help" className="editor-help">
        A private link to one unreleased chapter, for a beta reader: it shows that chapter only, is never cached or indexed, stops working
        when it expires or you revoke it, and leads to the public page once the chapter is out.
      </p>
      {data.candidates.length === 0 ? (
        <p className="editor-ok">Every chapter is released: there is nothing to show early.</p>
      ) : (
        <form className="editor-form" action={data.formPath} method="post">
          <input type="hidden" name="action" value="create" />
          <label htmlFor="editor-beta-slug">Chapter</label>
          <select id="editor-beta-slug" name="slug" required aria-describedby="editor-beta-help">
            {data.candidates.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
          <label htmlFor="editor-beta-days">Expires after</label>
          <select id="editor-beta-days" name="days" defaultValue={String(data.defaultDays)}>
            {data.dayChoices.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? "1 day" : `${d} days`}
              </option>
            ))}
          </select>
          <button type="submit">Make a link</button>
        </form>
      )}
      {data.links.length === 0 ? (
        <p>No beta links yet.</p>
      ) : (
        <EditorTable caption="Links that have not expired" columns={["Chapter", "Link", "Expires", "State"]}>
          {data.links.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.label}</th>
              <td>
                {l.revoked ? (
                  <del>{l.url}</del>
                ) : (
                  <a href={l.path} rel="noreferrer">
                    {l.url}
                  </a>
                )}
              </td>
              <td>
                <time dateTime={l.expiresIso}>{l.expiresWallTime}</time>
              </td>
              <td>
                {l.revoked ? (
                  "Revoked"
                ) : (
                  <form className="editor-form" action={data.formPath} method="post">
                    {l.released ? "Released: leads to the public page. " : "Active. "}
                    <input type="hidden" name="action" value="revoke" />
                    <input type="hidden" name="id" value={l.id} />
                    <button type="submit" aria-label={`Revoke the link to ${l.label}`}>
                      Revoke
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </EditorTable>
      )}
    </section>
  );
}
