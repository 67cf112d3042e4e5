/** Ends this editor session on every instance of the site (the edge handles /editor/sign-out). */
export function SignOut() {
  return (
    <form className="editor-form editor-sign-out" action="/editor/sign-out" method="get">
      <button type="submit">Sign out</button>
    </form>
  );
}
