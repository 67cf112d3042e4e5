"use client";

import { useEffect } from "react";
import { mountIslands } from "./island";
import { islands } from "./registry";

/** Runs the vanilla islands on pages that still hydrate with React. Renders nothing. */
export function MountIslands() {
  useEffect(() => void mountIslands(islands), []);
  return null;
}
