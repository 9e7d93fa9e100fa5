/** True while the pane is narrower than `px` (a task pane can be dragged to any width). */
import { useEffect, useState } from "react";

function mediaOf(query: string): ReturnType<typeof window.matchMedia> | null {
  return typeof window !== "undefined" && window.matchMedia ? window.matchMedia(query) : null;
}

export function useNarrow(px: number): boolean {
  const query = `(max-width: ${px - 0.02}px)`;
  const [narrow, setNarrow] = useState(() => mediaOf(query)?.matches ?? false);
  useEffect(() => {
    const media = mediaOf(query);
    if (!media) return;
    const update = () => setNarrow(media.matches);
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, [query]);
  return narrow;
}
