import Link from "next/link";

// The same page for a slug that never existed and one not released yet, so a
// guessed URL tells a reader nothing.
export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Nothing here</h1>
      <p>This page does not exist.</p>
      <p>
        <Link href="/">Back to the story</Link>
      </p>
    </section>
  );
}
