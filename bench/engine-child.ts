/** Runs one engine measurement (see engine.ts) and prints it as one JSON line. */
import { measureEngine } from "./engine";

const rows = Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 5);
console.log(JSON.stringify(measureEngine(rows, runs)));
