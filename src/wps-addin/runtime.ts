/**
 * What the add-in needs of the browser WPS embeds, detected rather than assumed: older WPS builds
 * ship an old Chromium. Syntax is transpiled to ES2017 by the build; built-ins cannot be, so the few
 * newer ones the engine uses are added when missing and the rest are checked.
 */

interface Runtime {
  Promise?: unknown;
  Map?: unknown;
  Set?: unknown;
  Symbol?: unknown;
  Array: { prototype: { flatMap?: unknown } };
  Object: { entries?: unknown };
  String: { prototype: { padStart?: unknown } };
}

/** Array.prototype.flatMap (Chromium 69) is the only newer built-in the engine calls. */
export function installPolyfills(runtime: Runtime): void {
  const proto = runtime.Array.prototype as { flatMap?: unknown };
  if (typeof proto.flatMap !== "function") {
    Object.defineProperty(proto, "flatMap", {
      configurable: true,
      writable: true,
      value: function flatMap<T, U>(
        this: T[],
        f: (value: T, index: number, array: T[]) => U | U[]
      ): U[] {
        const out: U[] = [];
        this.forEach((value, index, array) => {
          const mapped = f(value, index, array);
          if (Array.isArray(mapped)) out.push(...mapped);
          else out.push(mapped);
        });
        return out;
      },
    });
  }
}

/** Built-ins the add-in cannot do without and does not add itself; empty when all are there. */
export function missingFeatures(runtime: Runtime): string[] {
  const missing: string[] = [];
  if (typeof runtime.Promise !== "function") missing.push("Promise");
  if (typeof runtime.Map !== "function") missing.push("Map");
  if (typeof runtime.Set !== "function") missing.push("Set");
  if (typeof runtime.Symbol !== "function") missing.push("Symbol");
  if (typeof runtime.Object.entries !== "function") missing.push("Object.entries");
  if (typeof runtime.String.prototype.padStart !== "function")
    missing.push("String.prototype.padStart");
  return missing;
}
