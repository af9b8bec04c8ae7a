#!/usr/bin/env node
// Compiles every .wxml and .wxss of the weapp build (miniapp/dist/weapp) with WeChat's own
// compilers, wcc and wcsc: the Linux binaries shipped in the `miniprogram-compiler` package
// (pulled in by Taro's webpack5 runner). They reject what the WeChat client would reject.
// Also checks that no built JS calls `new Function(` / `eval(` (WeChat forbids both), that zod
// is built jitless, and that the main package and each subpackage stay under WeChat's 2 MB cap.
//
// Run from the repository root after `npm run build:weapp -w @hq/miniapp`:
//   node test/weapp/compile-check.mjs
// Prints one line per file group and ends with `weapp compile: N passed, M failed`; exit 1 on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'miniapp/dist/weapp');
const PACKAGE_CAP = 2 * 1024 * 1024;

const problems = []; // non-compiler failures (missing files, forbidden JS, size)
let passed = 0;
let failed = 0;

function fail(message) {
  problems.push(message);
  console.log(`FAIL ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Find the compilers.

/** miniprogram-compiler's directory: resolved like Node would from the runner, else searched for. */
function findCompilerPackage() {
  const starts = [ROOT, path.join(ROOT, 'miniapp'), path.join(ROOT, 'node_modules/@tarojs/webpack5-runner')];
  for (const start of starts) {
    try {
      const req = createRequire(path.join(start, 'package.json'));
      return path.dirname(req.resolve('miniprogram-compiler/package.json'));
    } catch {
      // not resolvable from here
    }
  }
  // Nested installs: walk node_modules (bounded depth) for a miniprogram-compiler directory.
  const queue = [[path.join(ROOT, 'node_modules'), 0]];
  while (queue.length) {
    const [dir, depth] = queue.shift();
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const full = path.join(dir, e.name);
      if (e.name === 'miniprogram-compiler' && fs.existsSync(path.join(full, 'bin/linux/wcc'))) return full;
      if (depth < 6 && (e.name === 'node_modules' || e.name.startsWith('@') || dir.endsWith('node_modules'))) {
        queue.push([full, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * The package ships its binaries without the execute bit and its wrapper chmods them in place;
 * copy them to a temporary directory instead so node_modules stays untouched.
 */
function prepareBinaries(pkgDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wx-compilers-'));
  const out = {};
  for (const name of ['wcc', 'wcsc']) {
    const src = path.join(pkgDir, 'bin/linux', name);
    const dst = path.join(tmp, name);
    fs.copyFileSync(src, dst);
    fs.chmodSync(dst, 0o755);
    out[name] = dst;
  }
  return { ...out, tmp };
}

// ---------------------------------------------------------------------------------------------
// The build's files, grouped by package.

function walk(dir, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, base, out);
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** Resolve a reference from `fromFile` (dist-relative) the way WeChat does: `/x` from the root, else relative. */
function resolveRef(fromFile, ref) {
  const joined = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(fromFile), ref);
  return path.posix.normalize(joined);
}

const read = (rel) => fs.readFileSync(path.join(DIST, rel), 'utf8');
const readJson = (rel) => {
  try {
    return JSON.parse(read(rel));
  } catch {
    return null;
  }
};

/** Files a .wxml pulls in (import, include, wxs), or a .wxss (@import); extensions added as WeChat does. */
function references(file) {
  const text = read(file);
  const refs = [];
  if (file.endsWith('.wxml')) {
    for (const m of text.matchAll(/<(import|include|wxs)\b[^>]*\bsrc\s*=\s*["']([^"'{}]+)["']/g)) {
      const ext = m[1] === 'wxs' ? '.wxs' : '.wxml';
      refs.push(resolveRef(file, m[2].endsWith(ext) ? m[2] : m[2] + ext));
    }
    // Custom components are compiled together with the page that uses them (as the wrapper does).
    const json = readJson(file.replace(/\.wxml$/, '.json'));
    for (const ref of Object.values(json?.usingComponents ?? {})) {
      if (!/^plugin:\/\//.test(ref)) refs.push(resolveRef(file, ref) + '.wxml');
    }
  } else if (file.endsWith('.wxss')) {
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) {
      refs.push(resolveRef(file, m[1].endsWith('.wxss') ? m[1] : m[1] + '.wxss'));
    }
  }
  return refs;
}

/** `files` plus everything they reference, transitively; reports references to missing files. */
function closure(files, existing) {
  const seen = new Set(files);
  const queue = [...files];
  while (queue.length) {
    const f = queue.shift();
    for (const ref of references(f)) {
      if (!existing.has(ref)) {
        fail(`${f}: references missing file ${ref}`);
        continue;
      }
      if (!seen.has(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// The compilers, invoked as miniprogram-compiler's own wrapper (src/wcc.js, src/wcsc.js) does.

/**
 * wcc -d -cc "<count> <page.wxml> <n> <comp...> ..." <wxml...> <wxs...> -gn $gwx
 * The -cc argument lists, for every page/component with usingComponents, its custom component tags.
 */
function runWcc(bin, wxmlFiles, wxsFiles) {
  const withComponents = [];
  for (const f of wxmlFiles) {
    const tags = Object.keys(readJson(f.replace(/\.wxml$/, '.json'))?.usingComponents ?? {});
    if (tags.length) withComponents.push([f, String(tags.length), ...tags].join(' '));
  }
  const ccArg = [String(withComponents.length), ...withComponents].join(' ');
  const args = ['-d', '-cc', ccArg, ...wxmlFiles, ...wxsFiles, '-gn', '$gwx'];
  return spawnSync(bin, args, { cwd: DIST, maxBuffer: 64 * 1024 * 1024 });
}

/** wcsc -lc -db -pc <N> <page and component wxss (N of them)...> <other wxss...>   (-lc: lint) */
function runWcsc(bin, wxssFiles) {
  const pages = wxssFiles.filter((f) => fs.existsSync(path.join(DIST, f.replace(/\.wxss$/, '.json'))));
  const others = wxssFiles.filter((f) => !pages.includes(f));
  const args = ['-lc', '-db', '-pc', String(pages.length), ...pages, ...others];
  return spawnSync(bin, args, { cwd: DIST, maxBuffer: 64 * 1024 * 1024 });
}

const errorText = (res) =>
  res.error
    ? String(res.error)
    : `${res.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && !/^error file count/.test(l)).join('\n') || `exit code ${res.status}`;

/**
 * Compile one group. On failure, compile its files one at a time to say which ones fail.
 * `own` are the group's files (counted); the files they reference are compiled with them.
 */
function compileGroup(label, kind, own, existing, compile) {
  if (own.length === 0) return;
  const all = closure(own, existing);
  const res = compile(all);
  if (res.status === 0 && !res.error) {
    passed += own.length;
    console.log(`ok   ${kind} ${label}: ${own.length} file(s)`);
    return;
  }
  const bad = [];
  for (const f of own) {
    const one = compile(closure([f], existing));
    if (one.status !== 0 || one.error) bad.push([f, errorText(one)]);
  }
  if (bad.length === 0) bad.push([`${label} (as a group)`, errorText(res)]);
  const badCount = Math.min(bad.length, own.length);
  failed += badCount;
  passed += own.length - badCount;
  console.log(`FAIL ${kind} ${label}: ${badCount} of ${own.length} file(s) rejected`);
  for (const [f, msg] of bad) console.log(`       ${f}: ${msg.split('\n').join('\n         ')}`);
}

// ---------------------------------------------------------------------------------------------
// JavaScript WeChat would refuse to run.

// Known, unreachable occurrences outside our code. Match the exact text, not the whole file.
const JS_ALLOW = [
  {
    file: 'runtime.js',
    text: 'new Function("return this")',
    // webpack's `__webpack_require__.g` global-object shim: it returns globalThis first (present
    // in every WeChat base library we target) and only then tries this, inside try/catch.
    why: "webpack runtime global-object shim (globalThis is used first)",
  },
];

function checkJs(files) {
  const forbidden = [
    { name: 'new Function(', re: /\bnew\s+Function\s*\(/g },
    { name: 'eval(', re: /(?<![\w$.])eval\s*\(/g },
  ];
  let sawZod = false;
  let sawJitless = false;
  for (const f of files.filter((x) => x.endsWith('.js'))) {
    const text = read(f);
    if (text.includes('$ZodType')) sawZod = true;
    if (/jitless\s*:\s*(!0|true)/.test(text)) sawJitless = true;
    for (const { name, re } of forbidden) {
      for (const m of text.matchAll(re)) {
        const around = text.slice(Math.max(0, m.index - 60), m.index + 60);
        const allowed = JS_ALLOW.find((a) => a.file === f && text.slice(m.index, m.index + a.text.length) === a.text);
        if (allowed) console.log(`note ${f}: allowed \`${allowed.text}\` — ${allowed.why}`);
        else fail(`${f}: contains \`${name}\` …${around.replace(/\s+/g, ' ')}…`);
      }
    }
    // zod keeps `const F = Function; new F(...)` in its JIT paths; they run only without jitless.
    for (const m of text.matchAll(/(?<![\w$.])([\w$]+)=Function[,;]/g)) {
      if (new RegExp(`new ${m[1].replace(/\$/g, '\\$')}\\(`).test(text.slice(m.index, m.index + 600))) {
        console.log(`note ${f}: Function constructor alias near …${text.slice(m.index, m.index + 50).replace(/\s+/g, ' ')}… (zod JIT path; disabled by jitless)`);
      }
    }
  }
  if (sawZod && !sawJitless) fail('zod is bundled but `z.config({ jitless: true })` is not: import zod only through @hq/common');
  else if (sawZod) console.log('ok   zod is bundled with jitless: true');
}

// ---------------------------------------------------------------------------------------------

function main() {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    console.error(`No weapp build at ${path.relative(ROOT, DIST)}; run: npm run build:weapp -w @hq/miniapp`);
    process.exit(1);
  }
  const pkgDir = findCompilerPackage();
  if (!pkgDir) {
    console.error('miniprogram-compiler not found in node_modules');
    process.exit(1);
  }
  const bins = prepareBinaries(pkgDir);
  console.log(`compilers: ${path.relative(ROOT, pkgDir)}/bin/linux/{wcc,wcsc}`);

  try {
    const files = walk(DIST);
    const existing = new Set(files);
    const app = readJson('app.json');
    const subRoots = (app.subPackages || app.subpackages || []).map((s) => s.root.replace(/^\/|\/$/g, '') + '/');
    const groupOf = (f) => subRoots.find((r) => f.startsWith(r)) ?? '';
    const groups = [['main package', ''], ...subRoots.map((r) => [`subpackage ${r.slice(0, -1)}`, r])];

    // usingComponents must point at built components.
    for (const f of files.filter((x) => x.endsWith('.json'))) {
      const json = readJson(f);
      for (const [tag, ref] of Object.entries(json?.usingComponents ?? {})) {
        if (/^plugin:\/\//.test(ref)) continue;
        const base = resolveRef(f, ref);
        if (!existing.has(`${base}.wxml`) && !existing.has(`${base}/index.wxml`)) fail(`${f}: component <${tag}> → ${ref} not found`);
      }
    }

    const wxsAll = files.filter((f) => f.endsWith('.wxs'));
    for (const [label, root] of groups) {
      const own = files.filter((f) => groupOf(f) === root);
      compileGroup(label, 'wxml', own.filter((f) => f.endsWith('.wxml')), existing, (list) =>
        runWcc(bins.wcc, list.filter((f) => f.endsWith('.wxml')), [...new Set([...list.filter((f) => f.endsWith('.wxs')), ...wxsAll.filter((f) => groupOf(f) === root)])]),
      );
      compileGroup(label, 'wxss', own.filter((f) => f.endsWith('.wxss')), existing, (list) => runWcsc(bins.wcsc, list));
    }

    checkJs(files);

    // Package sizes (WeChat caps the main package and each subpackage at 2 MB).
    for (const [label, root] of groups) {
      const bytes = files.filter((f) => groupOf(f) === root && !f.endsWith('.LICENSE.txt')).reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
      const line = `${label}: ${(bytes / 1024).toFixed(1)} KB`;
      if (bytes > PACKAGE_CAP) fail(`${line} exceeds 2 MB`);
      else console.log(`size ${line}`);
    }
  } finally {
    fs.rmSync(bins.tmp, { recursive: true, force: true });
  }

  failed += problems.length;
  console.log(`weapp compile: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
