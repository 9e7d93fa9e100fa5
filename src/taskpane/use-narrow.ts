/** True while the pane is narrower than `px` (a task pane can be dragged to any width). */
import { useEffect, useState } from "react";

export function useNarrow(px: number): boolean {
  const query = `(max-width: ${px - 0.02}px)`;
  const media =
    typeof window !== "undefined" && window.matchMedia ? window.matchMedia(query) : null;
  const [narrow, setNarrow] = useState(media?.matches ?? false);
  useEffect(() => {
    if (!media) return;
    const update = () => setNarrow(media.matches);
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
    // The query string identifies the media list; a new object each render is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  return narrow;
}
