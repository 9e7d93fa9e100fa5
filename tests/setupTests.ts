import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// waitFor/findBy give up after 1 s by default: on a busy shared machine a pane that is merely slow
// to load its settings or finish a recompute then fails a test that is correct. Wait up to 20 s
// (jest's own per-test timeout is 60 s); a pane that never gets there still fails.
configure({ asyncUtilTimeout: 20_000 });
