// Diagnosis tool (not a bench): compares two V8 heap snapshots of the same process (written by
// memory-probe.mjs on SIGUSR2 with BATON_HEAP_SNAPSHOT_DIR set) — self size per constructor early
// and late, and every Map/Set/Array held by a named closure variable or property with its backing
// store's size, so a structure that keeps filling shows by the name the code gives it.
//   node --max-old-space-size=4096 bench/support/heap-diff.mjs early.heapsnapshot late.heapsnapshot
import { readFileSync } from 'node:fs';

function load(file) {
  const s = JSON.parse(readFileSync(file, 'utf8'));
  const m = s.snapshot.meta;
  const nf = m.node_fields.length;
  const ef = m.edge_fields.length;
  const types = m.node_types[0];
  const etypes = m.edge_types[0];
  const [NT, NN, NI, NS, NE] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => m.node_fields.indexOf(f));
  const [ET, EN, ETO] = ['type', 'name_or_index', 'to_node'].map((f) => m.edge_fields.indexOf(f));
  const nodes = s.nodes;
  const edges = s.edges;
  const strings = s.strings;
  const count = nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * nf + NE] * ef;
  }
  firstEdge[count] = edges.length;
  const type = (i) => types[nodes[i * nf + NT]];
  const name = (i) => strings[nodes[i * nf + NN]];
  const self = (i) => nodes[i * nf + NS];
  const id = (i) => nodes[i * nf + NI];
  const label = (i) => {
    const t = type(i);
    if (t === 'object' || t === 'closure' || t === 'native') return name(i);
    if (t === 'hidden' || t === 'array' || t === 'code') return `(${t}) ${name(i)}`.slice(0, 60);
    return `(${t})`;
  };
  const out = (i, fn) => {
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += ef) {
      const et = etypes[edges[e + ET]];
      const en = et === 'element' || et === 'hidden' ? edges[e + EN] : strings[edges[e + EN]];
      fn(et, en, edges[e + ETO] / nf);
    }
  };
  return { count, type, name, self, id, label, out };
}

/** Bytes of a collection: itself plus its backing stores (table / elements), not what the entries point to. */
function collections(h) {
  const res = new Map();
  for (let i = 0; i < h.count; i++) {
    h.out(i, (et, en, to) => {
      if (et !== 'context' && et !== 'property') return;
      const n = h.name(to);
      if (n !== 'Map' && n !== 'Set' && n !== 'Array') return;
      if (h.type(to) !== 'object') return;
      let bytes = h.self(to);
      h.out(to, (et2, en2, to2) => {
        if (en2 === 'table' || en2 === 'elements') bytes += h.self(to2);
      });
      const holder = et === 'context' ? `closure var ${en}` : `${h.label(i)}.${en}`;
      const key = `${n} ${holder}`;
      const r = res.get(key) ?? { n: 0, bytes: 0 };
      r.n += 1;
      r.bytes += bytes;
      res.set(key, r);
    });
  }
  return res;
}

function byConstructor(h) {
  const res = new Map();
  for (let i = 0; i < h.count; i++) {
    const k = h.label(i);
    const r = res.get(k) ?? { n: 0, bytes: 0 };
    r.n += 1;
    r.bytes += h.self(i);
    res.set(k, r);
  }
  return res;
}

const [a, b] = process.argv.slice(2);
const early = load(a);
const late = load(b);
const MB = 1024 * 1024;
const table = (title, ea, lb, top) => {
  const keys = new Set([...ea.keys(), ...lb.keys()]);
  const rows = [...keys].map((k) => {
    const x = ea.get(k) ?? { n: 0, bytes: 0 };
    const y = lb.get(k) ?? { n: 0, bytes: 0 };
    return { k, n0: x.n, n1: y.n, b0: x.bytes, b1: y.bytes, d: y.bytes - x.bytes };
  });
  rows.sort((p, q) => Math.abs(q.d) - Math.abs(p.d) || q.b1 - p.b1);
  console.log(`\n${title}\n${'early MB'.padStart(9)} ${'late MB'.padStart(9)} ${'Δ MB'.padStart(8)} ${'count early → late'.padStart(24)}  what`);
  for (const r of rows.slice(0, top)) console.log(`${(r.b0 / MB).toFixed(2).padStart(9)} ${(r.b1 / MB).toFixed(2).padStart(9)} ${(r.d / MB).toFixed(2).padStart(8)} ${`${r.n0} → ${r.n1}`.padStart(24)}  ${r.k}`);
};
const total = (h) => {
  let t = 0;
  for (let i = 0; i < h.count; i++) t += h.self(i);
  return t;
};
console.log(`total self size: early ${(total(early) / MB).toFixed(2)} MB, late ${(total(late) / MB).toFixed(2)} MB`);
table('self size by constructor', byConstructor(early), byConstructor(late), 30);
table('collections by the variable or property holding them (own size + backing store)', collections(early), collections(late), 30);
