import type { ReactNode } from "react";

/**
 * A dashboard table: a caption, one row of column headings, the rows, and a
 * wrapper that scrolls sideways on a narrow screen instead of the page.
 */
export function EditorTable({ caption, columns, children }: { caption: ReactNode; columns: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="editor-table-wrap">
      <table className="editor-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
