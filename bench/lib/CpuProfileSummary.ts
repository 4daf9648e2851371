import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One function's share of a CPU profile. */
export interface HotFunction {
  /** `name (file:line)`, with the line in the TypeScript source when a source map is found. */
  where: string;
  selfMs: number;
  selfPct: number;
  /** Time with this function anywhere on the stack. */
  totalMs: number;
  totalPct: number;
  /** The busiest source lines inside the function, `file:line` with their share of its self time. */
  lines: { where: string; pct: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  /** 1-based line numbers of the generated code, with samples taken there. */
  positionTicks?: { line: number; ticks: number }[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * Reads a `.cpuprofile` written by `node --cpu-prof` and lists the functions that took the most
 * time, self and inclusive. Positions in compiled `dist/` files are mapped through their
 * `.js.map`; positions in `.ts` files run by ts-node are mapped by transpiling the file again
 * the way ts-node does, so that the lines point into the TypeScript sources.
 */
export function summarizeCpuProfile(file: string, root = process.cwd(), limit = 25): { totalMs: number; hot: HotFunction[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) byId.set(n.id, n);
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const maps = new SourceMaps(root);
  const keyOf = new Map<number, string>();
  const key = (id: number): string => {
    let k = keyOf.get(id);
    if (k === undefined) {
      const f = byId.get(id)!.callFrame;
      k = maps.describe(f.functionName || '(anonymous)', f.url, f.lineNumber, f.columnNumber);
      keyOf.set(id, k);
    }
    return k;
  };

  const lineTicks = new Map<string, Map<string, number>>();
  for (const n of profile.nodes) {
    if (!n.positionTicks?.length) continue;
    const k = key(n.id);
    const lines = lineTicks.get(k) ?? new Map<string, number>();
    for (const t of n.positionTicks) {
      const where = maps.line(n.callFrame.url, t.line - 1);
      lines.set(where, (lines.get(where) ?? 0) + t.ticks);
    }
    lineTicks.set(k, lines);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sum = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i];
    sum += delta;
    const own = key(id);
    self.set(own, (self.get(own) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(at);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + delta);
    }
  }
  const hot = [...self.entries()]
    .filter(([k]) => !/^\((idle|program|root)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([where, ms]) => ({
      where,
      selfMs: Math.round(ms),
      selfPct: Math.round((ms / sum) * 1000) / 10,
      totalMs: Math.round(total.get(where) ?? ms),
      totalPct: Math.round(((total.get(where) ?? ms) / sum) * 1000) / 10,
      lines: topLines(lineTicks.get(where)),
    }));
  return { totalMs: Math.round(sum), hot };
}

function topLines(lines: Map<string, number> | undefined): { where: string; pct: number }[] {
  if (!lines) return [];
  const all = [...lines.values()].reduce((a, b) => a + b, 0);
  return [...lines.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([where, ticks]) => ({ where, pct: Math.round((ticks / all) * 100) }));
}

/** Maps generated positions back to TypeScript files. */
class SourceMaps {
  private readonly cache = new Map<string, SourceMap | null>();
  private readonly options: ts.CompilerOptions;

  constructor(private readonly root: string) {
    const configFile = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
    const parsed = configFile ? ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, root) : undefined;
    this.options = { ...(parsed?.options ?? {}), sourceMap: true, inlineSourceMap: false, declaration: false };
  }

  describe(name: string, url: string, line: number, column: number): string {
    if (!url) return `(${name.replace(/[()]/g, '')})`;
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (!path.startsWith('/')) return `${name} (${url}:${line + 1})`;
    const map = this.mapFor(path);
    if (map) {
      const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
      if (entry.originalSource !== undefined && entry.originalLine !== undefined) {
        // A .ts file was mapped from its own transpilation; a .js file names its source.
        const source = path.endsWith('.ts') ? path : entry.originalSource;
        return `${name} (${this.short(source)}:${entry.originalLine + 1})`;
      }
    }
    return `${name} (${this.short(path)}:${line + 1})`;
  }

  /** `file:line` of a 0-based generated line (the last mapping on it decides). */
  line(url: string, line: number): string {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    const map = path.startsWith('/') ? this.mapFor(path) : null;
    if (map) {
      const entry = map.findEntry(line, 10_000) as { originalSource?: string; originalLine?: number; generatedLine?: number };
      if (entry.originalSource !== undefined && entry.originalLine !== undefined && entry.generatedLine === line) {
        return `${this.short(path.endsWith('.ts') ? path : entry.originalSource)}:${entry.originalLine + 1}`;
      }
    }
    return `${this.short(path)}:${line + 1}`;
  }

  private short(path: string): string {
    const rel = relative(this.root, path);
    return rel.startsWith('..') ? path : rel;
  }

  private mapFor(path: string): SourceMap | null {
    if (this.cache.has(path)) return this.cache.get(path)!;
    let map: SourceMap | null = null;
    try {
      if (path.endsWith('.ts') && !path.includes('/node_modules/') && existsSync(path)) {
        const out = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: this.options, fileName: path });
        if (out.sourceMapText) map = new SourceMap(JSON.parse(out.sourceMapText) as SourceMapPayload);
      } else if (path.endsWith('.js') && existsSync(`${path}.map`) && !path.includes('/node_modules/')) {
        const payload = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMapPayload;
        const dir = path.slice(0, path.lastIndexOf('/'));
        payload.sources = payload.sources.map((s) => resolve(dir, s));
        map = new SourceMap(payload);
      }
    } catch {
      map = null;
    }
    this.cache.set(path, map);
    return map;
  }
}
