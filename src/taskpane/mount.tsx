/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/** Renders the pane into the page. Both the Excel bootstrap and the preview go through here. */
import { createRoot, type Root } from "react-dom/client";
import { App, type AppProps } from "./App";

export function mountPane(container: HTMLElement, props: AppProps): Root {
  container.textContent = "";
  const root = createRoot(container);
  root.render(<App {...props} />);
  return root;
}
