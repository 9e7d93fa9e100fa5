/**
 * Which Office.js members the add-in uses, which requirement set each needs, and whether every
 * member above the manifest's `<Requirements>` is reached only where Excel said it supports it.
 *
 * Members are found with the TypeScript type checker, not by text: every property access, call
 * and object-literal property in the audited files is resolved to its declaration; a declaration
 * in @types/office-js is an Office member, and its JSDoc `[Api set: ExcelApi x.y]` is its set
 * (the class's or interface's annotation when the member has none; the highest version when the
 * note names several, e.g. "1.1 for get, 1.8 for set").
 *
 * The rule for a member (or helper) that needs ExcelApi x.y above the manifest's version — it
 * passes only when one of these holds where it is used:
 *  1. it sits in the true branch of a guard: `if (G) …`, `G ? … : …`, `G && …`, or after
 *     `if (!G) return|throw …;` in the same block, where G (or one `&&` operand of G) is
 *     - a call `isSetSupported("ExcelApi", "v")` with literal arguments and v ≥ x.y (on any
 *       receiver: Office.context.requirements or an injected function of that name), or
 *     - a call of / access to a function, getter or property whose JSDoc says
 *       `@apiSetGuard ExcelApi v` (v ≥ x.y), or a `const` initialised with a guard;
 *  2. it sits inside a function declaration, method or getter whose JSDoc says
 *     `@requiresApiSet ExcelApi v` (v ≥ x.y). Every reference to such a function is then itself a
 *     use that needs ExcelApi v, checked by the same rule — so the obligation moves to its callers.
 * Arrow functions and function expressions are transparent (a closure made under a guard exists
 * only when the guard held); named functions and methods are not (they can be called from
 * anywhere), so only rule 2 carries a guard into them.
 *
 * `@apiSetGuard` claims are verified: a guard with a body must return a guard expression; a guard
 * declared on an interface member is checked at every object literal in the audited files that
 * implements it. Not seen: implementations created outside the audited files (e.g. test fakes).
 * Only sets named in the manifest's `<Requirements>` are enforced; others are listed.
 *
 * Members are seen through `a.b`, `a["b"]`, `const { b } = a` and object literals typed by
 * office-js. Not tracked: values flowing through variables (`const n = G ? sheet.notes : null;
 * if (n) n.add(…)` is rejected — put the use itself behind the guard, or in a @requiresApiSet
 * helper), `any`-typed code, and a function named isSetSupported that is not Office's (trusted by
 * name, so that an injected one for tests still counts).
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

export interface ApiSet {
  name: string;
  version: string;
}

export interface MemberUse {
  /** "Excel.NoteCollection.add", or "helper queueNote" for a @requiresApiSet function. */
  member: string;
  /** The set it needs, or null when office-js annotates none. */
  set: ApiSet | null;
  /** The annotation text as office-js has it, e.g. "ExcelApi 1.1 for get, 1.8 for set". */
  annotation: string | null;
  file: string;
  line: number;
  /** What makes it safe: "manifest", or the guard that covers it; null when nothing does. */
  guardedBy: string | null;
  ok: boolean;
}

export interface AuditResult {
  /** The sets the manifest requires (`<Set Name MinVersion>`, else `<Sets DefaultMinVersion>`). */
  required: ApiSet[];
  uses: MemberUse[];
  /** Unguarded uses and unverifiable guard claims, each a sentence naming file:line. */
  problems: string[];
}

export interface AuditOptions {
  /** Files or folders (searched for .ts/.tsx) to audit. */
  paths: string[];
  manifestXml: string;
  /** tsconfig.json for compiler options (types: office-js). */
  tsconfig: string;
  /** Paths in the report are relative to this. */
  root: string;
}

const API_SET = /\[Api set:\s*([^\]]*)\]/;
const GUARD_TAG = "apiSetGuard";
const REQUIRES_TAG = "requiresApiSet";

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** "ExcelApi 1.1 for get, 1.8 for set" → ExcelApi 1.8: the highest version it names. */
export function parseApiSet(annotation: string): ApiSet | null {
  const m = /^\s*([A-Za-z][\w]*)\s+(\d+\.\d+)/.exec(annotation);
  if (!m) return null;
  const versions = [...annotation.matchAll(/\b(\d+\.\d+)\b/g)].map((v) => v[1]);
  const version = versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), m[2]);
  return { name: m[1], version };
}

export function requiredSets(manifestXml: string): ApiSet[] {
  const xml = manifestXml.replace(/<!--[\s\S]*?-->/g, "");
  const sets = /<Sets\b([^>]*)>([\s\S]*?)<\/Sets>/.exec(xml);
  if (!sets) return [];
  const fallback = /DefaultMinVersion="([^"]+)"/.exec(sets[1])?.[1];
  const out: ApiSet[] = [];
  for (const m of sets[2].matchAll(/<Set\b([^>]*)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(m[1])?.[1];
    const version = /MinVersion="([^"]+)"/.exec(m[1])?.[1] ?? fallback;
    if (name && version) out.push({ name, version });
  }
  return out;
}

const NOT_ENFORCED = "not enforced (set not in the manifest)";
const setText = (s: ApiSet) => `${s.name} ${s.version}`;

function listFiles(p: string): string[] {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((f) => listFiles(path.join(p, f)))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"));
}

function isOfficeDeclaration(node: ts.Node): boolean {
  return /[\\/]@types[\\/]office-js[\\/]/.test(node.getSourceFile().fileName);
}

/** The /** … *\/ block right before a declaration (office-js puts the Api set note there). */
function leadingJsDoc(node: ts.Node): string | null {
  const sf = node.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const docs = ranges.filter((r) => sf.text.startsWith("/**", r.pos));
  const last = docs[docs.length - 1];
  return last ? sf.text.slice(last.pos, last.end) : null;
}

function annotationOf(decl: ts.Declaration): string | null {
  const own = API_SET.exec(leadingJsDoc(decl) ?? "");
  if (own) return own[1].trim();
  const container = decl.parent;
  if (container && (ts.isClassDeclaration(container) || ts.isInterfaceDeclaration(container))) {
    const outer = API_SET.exec(leadingJsDoc(container) ?? "");
    if (outer) return outer[1].trim();
  }
  return null;
}

/** `@apiSetGuard ExcelApi 1.18` / `@requiresApiSet ExcelApi 1.18` on a declaration. */
function tagSet(decl: ts.Node, tag: string): ApiSet | null {
  for (const t of ts.getJSDocTags(decl)) {
    if (t.tagName.text !== tag) continue;
    const text = ts.getTextOfJSDocComment(t.comment) ?? "";
    const m = /^\s*(\w+)\s+(\d+\.\d+)/.exec(text);
    if (m) return { name: m[1], version: m[2] };
  }
  return null;
}

const isTransparentFunction = (n: ts.Node) => ts.isArrowFunction(n) || ts.isFunctionExpression(n);

function exitsAlways(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exitsAlways(last);
  }
  return false;
}

class Auditor {
  readonly uses: MemberUse[] = [];
  readonly problems: string[] = [];
  /** @apiSetGuard declarations some use relied on: verified at the end. */
  private readonly guardsUsed = new Set<ts.Declaration>();
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly program: ts.Program,
    private readonly files: readonly ts.SourceFile[],
    private readonly required: ApiSet[],
    private readonly root: string
  ) {
    this.checker = program.getTypeChecker();
  }

  run(): void {
    for (const sf of this.files) this.visit(sf);
    this.verifyGuardDeclarations();
  }

  private where(node: ts.Node): { file: string; line: number } {
    const sf = node.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    return { file: path.relative(this.root, sf.fileName).split(path.sep).join("/"), line };
  }

  private resolve(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) return this.checker.getAliasedSymbol(symbol);
    return symbol;
  }

  private visit(node: ts.Node): void {
    if (ts.isPropertyAccessExpression(node)) this.onAccess(node);
    else if (ts.isElementAccessExpression(node)) this.onElementAccess(node);
    else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent))
      this.onBinding(node);
    else if (ts.isObjectLiteralExpression(node)) this.onObjectLiteral(node);
    else if (ts.isIdentifier(node)) this.onIdentifier(node);
    ts.forEachChild(node, (child) => this.visit(child));
  }

  /** `a.b` / `a.b(…)`: the Office member it resolves to (the called overload for a call). */
  private onAccess(node: ts.PropertyAccessExpression): void {
    const symbol = this.resolve(this.checker.getSymbolAtLocation(node.name));
    if (!symbol) return;
    let decls = (symbol.declarations ?? []).filter(isOfficeDeclaration);
    if (decls.length === 0) return;
    const call = node.parent;
    if (ts.isCallExpression(call) && call.expression === node) {
      const sig = this.checker.getResolvedSignature(call)?.declaration;
      if (sig && isOfficeDeclaration(sig)) decls = [sig as ts.Declaration];
    }
    this.record(node, this.checker.getFullyQualifiedName(symbol), decls);
  }

  /** `sheet["notes"]`: the same member as `sheet.notes`. */
  private onElementAccess(node: ts.ElementAccessExpression): void {
    const symbol = this.resolve(this.checker.getSymbolAtLocation(node.argumentExpression));
    const decls = (symbol?.declarations ?? []).filter(isOfficeDeclaration);
    if (symbol && decls.length > 0)
      this.record(node, this.checker.getFullyQualifiedName(symbol), decls);
  }

  /** `const { notes } = sheet`: a read of sheet.notes. */
  private onBinding(node: ts.BindingElement): void {
    const key = node.propertyName ?? node.name;
    if (!(ts.isIdentifier(key) || ts.isStringLiteral(key))) return;
    const type = this.checker.getTypeAtLocation(node.parent);
    const symbol = this.checker.getPropertyOfType(type, key.text);
    const decls = (symbol?.declarations ?? []).filter(isOfficeDeclaration);
    if (symbol && decls.length > 0)
      this.record(node, this.checker.getFullyQualifiedName(symbol), decls);
  }

  /** `{ mergeUndoGroup: true }` passed where office-js expects a typed object. */
  private onObjectLiteral(node: ts.ObjectLiteralExpression): void {
    const type = this.checker.getContextualType(node);
    if (!type) return;
    for (const prop of node.properties) {
      if (!(ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop))) continue;
      if (!prop.name || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) continue;
      const name = prop.name.text;
      const parts = type.isUnion() ? type.types : [type];
      for (const part of parts) {
        const target = this.checker.getPropertyOfType(this.checker.getApparentType(part), name);
        const decls = (target?.declarations ?? []).filter(isOfficeDeclaration);
        if (target && decls.length > 0) {
          this.record(prop.name, this.checker.getFullyQualifiedName(target), decls);
          break;
        }
      }
    }
  }

  /** A reference to a @requiresApiSet function is a use that needs its set. */
  private onIdentifier(node: ts.Identifier): void {
    const parent = node.parent;
    // The name in its own declaration is not a use; `a.name` and `A.B` are.
    const declared =
      ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)
        ? undefined
        : (parent as { name?: ts.Node }).name;
    if (declared === node) return;
    const symbol = this.resolve(this.checker.getSymbolAtLocation(node));
    for (const decl of symbol?.declarations ?? []) {
      const set = tagSet(decl, REQUIRES_TAG);
      if (!set) continue;
      this.check(node, `helper ${node.text}`, set, `@${REQUIRES_TAG} ${setText(set)}`);
      return;
    }
  }

  private record(node: ts.Node, member: string, decls: ts.Declaration[]): void {
    const annotations = decls.map(annotationOf).filter((a): a is string => a !== null);
    const sets = annotations.map(parseApiSet).filter((s): s is ApiSet => s !== null);
    // Overloads with different sets: the highest one is what the call may need.
    const set = sets.reduce<ApiSet | null>(
      (a, b) => (a && a.name === b.name && compareVersions(a.version, b.version) >= 0 ? a : b),
      null
    );
    this.check(node, member, set, annotations[0] ?? null);
  }

  private check(node: ts.Node, member: string, set: ApiSet | null, annotation: string | null) {
    const need = set && this.required.find((r) => r.name === set.name);
    let guardedBy: string | null = "manifest";
    if (set && need && compareVersions(set.version, need.version) > 0) {
      guardedBy = this.guardFor(node, set);
    } else if (set && !need) {
      guardedBy = NOT_ENFORCED;
    }
    const at = this.where(node);
    const use: MemberUse = { member, set, annotation, ...at, guardedBy, ok: guardedBy !== null };
    this.uses.push(use);
    if (!use.ok) {
      this.problems.push(
        `${at.file}:${at.line}: ${member} needs ${setText(set!)} (the manifest requires ` +
          `${setText(need!)}) and is not behind isSetSupported("${set!.name}", "${set!.version}")`
      );
    }
  }

  /** The guard covering `node` for `set`, described; null when there is none. */
  private guardFor(node: ts.Node, set: ApiSet): string | null {
    let child: ts.Node = node;
    for (let n: ts.Node | undefined = node.parent; n; child = n, n = n.parent) {
      let found: string | null = null;
      if (ts.isIfStatement(n) && n.thenStatement === child) found = this.guardIn(n.expression, set);
      else if (ts.isConditionalExpression(n) && n.whenTrue === child)
        found = this.guardIn(n.condition, set);
      else if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
        n.right === child
      )
        found = this.guardIn(n.left, set);
      else if (ts.isBlock(n) || ts.isSourceFile(n)) found = this.earlyExitGuard(n, child, set);
      if (found) return `${found} (line ${this.where(n).line})`;
      if (ts.isFunctionLike(n) && !isTransparentFunction(n)) {
        const tagged = tagSet(n, REQUIRES_TAG);
        if (
          tagged &&
          tagged.name === set.name &&
          compareVersions(tagged.version, set.version) >= 0
        ) {
          const name = (n as ts.FunctionLikeDeclaration).name?.getText() ?? "function";
          return `inside ${name} (@${REQUIRES_TAG} ${setText(tagged)})`;
        }
        return null;
      }
    }
    return null;
  }

  /** `if (!G) return;` before `child` in the same block. */
  private earlyExitGuard(block: ts.Block | ts.SourceFile, child: ts.Node, set: ApiSet) {
    for (const statement of block.statements) {
      if (statement === child) break;
      if (!ts.isIfStatement(statement) || statement.elseStatement) continue;
      if (!exitsAlways(statement.thenStatement)) continue;
      let cond = statement.expression;
      while (ts.isParenthesizedExpression(cond)) cond = cond.expression;
      if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) {
        const found = this.guardIn(cond.operand, set);
        if (found) return `early exit unless ${found}`;
      }
    }
    return null;
  }

  /** Whether `expr` being true means `set` is supported; describes the guard if so. */
  guardIn(expr: ts.Expression, set: ApiSet, depth = 0): string | null {
    if (depth > 8) return null;
    while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
    if (
      ts.isBinaryExpression(expr) &&
      expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
    ) {
      return this.guardIn(expr.left, set, depth + 1) ?? this.guardIn(expr.right, set, depth + 1);
    }
    const target = ts.isCallExpression(expr) ? expr.expression : expr;
    const calleeName = ts.isPropertyAccessExpression(target)
      ? target.name.text
      : ts.isIdentifier(target)
        ? target.text
        : undefined;
    if (ts.isCallExpression(expr) && calleeName === "isSetSupported") {
      const [name, version] = expr.arguments;
      if (
        name &&
        version &&
        ts.isStringLiteralLike(name) &&
        ts.isStringLiteralLike(version) &&
        name.text === set.name &&
        compareVersions(version.text, set.version) >= 0
      ) {
        return `isSetSupported("${name.text}", "${version.text}")`;
      }
      return null;
    }
    if (!(ts.isPropertyAccessExpression(target) || ts.isIdentifier(target))) return null;
    const symbol = this.resolve(
      this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(target) ? target.name : target)
    );
    for (const decl of symbol?.declarations ?? []) {
      const tagged = tagSet(decl, GUARD_TAG);
      if (tagged && tagged.name === set.name && compareVersions(tagged.version, set.version) >= 0) {
        this.guardsUsed.add(decl);
        return `${calleeName} (@${GUARD_TAG} ${setText(tagged)})`;
      }
      // A const holding a guard's result is as good as the guard.
      if (
        ts.isVariableDeclaration(decl) &&
        decl.initializer &&
        ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const &&
        !ts.isCallExpression(expr)
      ) {
        const inner = this.guardIn(decl.initializer, set, depth + 1);
        if (inner) return `${calleeName} = ${inner}`;
      }
    }
    return null;
  }

  /** Every @apiSetGuard relied on must really test its set. */
  private verifyGuardDeclarations(): void {
    for (const decl of this.guardsUsed) {
      const set = tagSet(decl, GUARD_TAG)!;
      const name = ts.getNameOfDeclaration(decl)?.getText() ?? "guard";
      const at = this.where(decl);
      const body = this.guardBody(decl);
      if (body !== undefined) {
        if (!this.returnsGuard(body, set)) {
          this.problems.push(
            `${at.file}:${at.line}: ${name} is marked @${GUARD_TAG} ${setText(set)} but does not return isSetSupported("${set.name}", "${set.version}")`
          );
        }
        continue;
      }
      // An interface member: check every implementation in the audited files.
      const symbol = this.resolve(
        this.checker.getSymbolAtLocation(ts.getNameOfDeclaration(decl) ?? decl)
      );
      const impls = this.implementations(symbol);
      if (impls.length === 0) {
        this.problems.push(
          `${at.file}:${at.line}: ${name} is marked @${GUARD_TAG} ${setText(set)} but no implementation of it was found in the audited files`
        );
      }
      for (const impl of impls) {
        const where = this.where(impl);
        const implBody = ts.isPropertyAssignment(impl)
          ? isTransparentFunction(impl.initializer)
            ? (impl.initializer as ts.ArrowFunction | ts.FunctionExpression).body
            : undefined
          : ts.isMethodDeclaration(impl)
            ? impl.body
            : undefined;
        if (!implBody || !this.returnsGuard(implBody, set)) {
          this.problems.push(
            `${where.file}:${where.line}: this implementation of ${name} (@${GUARD_TAG} ${setText(set)}) does not return isSetSupported("${set.name}", "${set.version}")`
          );
        }
      }
    }
  }

  private guardBody(decl: ts.Declaration): ts.ConciseBody | undefined {
    if (
      ts.isFunctionDeclaration(decl) ||
      ts.isMethodDeclaration(decl) ||
      ts.isGetAccessorDeclaration(decl)
    ) {
      return decl.body;
    }
    if (ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) {
      const init = decl.initializer;
      if (init && isTransparentFunction(init))
        return (init as ts.ArrowFunction | ts.FunctionExpression).body;
    }
    return undefined;
  }

  private returnsGuard(body: ts.ConciseBody, set: ApiSet): boolean {
    if (!ts.isBlock(body)) return this.guardIn(body, set) !== null;
    const returns: ts.ReturnStatement[] = [];
    const collect = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) return;
      if (ts.isReturnStatement(n)) returns.push(n);
      ts.forEachChild(n, collect);
    };
    ts.forEachChild(body, collect);
    return (
      returns.length > 0 &&
      returns.every((r) => r.expression !== undefined && this.guardIn(r.expression, set) !== null)
    );
  }

  private implementations(symbol: ts.Symbol | undefined): ts.ObjectLiteralElementLike[] {
    if (!symbol) return [];
    const out: ts.ObjectLiteralElementLike[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n)) {
        const type = this.checker.getContextualType(n);
        for (const prop of n.properties) {
          const name = prop.name && ts.isIdentifier(prop.name) ? prop.name.text : undefined;
          if (!type || !name) continue;
          const target = this.checker.getPropertyOfType(type, name);
          if (this.resolve(target) === symbol) out.push(prop);
        }
      }
      ts.forEachChild(n, visit);
    };
    for (const sf of this.files) visit(sf);
    return out;
  }
}

export function auditApiSets(options: AuditOptions): AuditResult {
  const config = ts.readConfigFile(options.tsconfig, ts.sys.readFile);
  if (config.error)
    throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(
    config.config,
    ts.sys,
    path.dirname(options.tsconfig)
  );
  const rootNames = options.paths.flatMap((p) => listFiles(path.resolve(options.root, p)));
  if (rootNames.length === 0) throw new Error(`No TypeScript files in ${options.paths.join(", ")}`);
  const program = ts.createProgram(rootNames, { ...parsed.options, noEmit: true });
  const files = rootNames.map((f) => {
    const sf = program.getSourceFile(f);
    if (!sf) throw new Error(`TypeScript did not load ${f}`);
    return sf;
  });
  const required = requiredSets(options.manifestXml);
  const auditor = new Auditor(program, files, required, options.root);
  auditor.run();
  return { required, uses: auditor.uses, problems: auditor.problems };
}

/** One line per member: its set, how many uses, and what covers the ones above the manifest. */
export function formatReport(result: AuditResult): string {
  const byMember = new Map<string, MemberUse[]>();
  for (const use of result.uses) {
    const list = byMember.get(use.member) ?? [];
    list.push(use);
    byMember.set(use.member, list);
  }
  const rows = [...byMember.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([m]) => m.length), 10);
  const lines = [
    `Manifest requires: ${result.required.map(setText).join(", ") || "(nothing)"}`,
    `${"member".padEnd(width)}  ${"set".padEnd(14)}  uses  status`,
  ];
  for (const [member, uses] of rows) {
    const set = uses[0].set ? setText(uses[0].set) : "—";
    const bad = uses.filter((u) => !u.ok);
    const guards = [
      ...new Set(
        uses.map((u) => u.guardedBy).filter((g) => g && g !== "manifest" && g !== NOT_ENFORCED)
      ),
    ];
    const status =
      bad.length > 0
        ? `UNGUARDED at ${bad.map((u) => `${u.file}:${u.line}`).join(", ")}`
        : guards.length > 0
          ? `guarded: ${guards.join("; ")}`
          : uses.some((u) => u.guardedBy === NOT_ENFORCED)
            ? `listed only (${uses[0].set?.name} is not in the manifest)`
            : "ok";
    lines.push(
      `${member.padEnd(width)}  ${set.padEnd(14)}  ${String(uses.length).padStart(4)}  ${status}`
    );
  }
  lines.push(
    result.problems.length === 0
      ? `api sets: OK — ${result.uses.length} uses of ${rows.length} members`
      : `api sets: FAILED — ${result.problems.length} problem(s):\n${result.problems.map((p) => `  ${p}`).join("\n")}`
  );
  return lines.join("\n");
}
