#!/usr/bin/env node
/*
 * peers.js: times the npm profanity filters people use today on the decorum
 * benchmark corpus, one thread, so `make bench` can print decorum/peer
 * ratios on the same texts.
 *
 * Input: bench/out/corpus.txt (bench/make_corpus.sh), one text a line with
 * "\\", "\n" and "\r" escaped; the escapes are undone so every peer sees the
 * original text. For each peer the "check" call (is the text profane?) and
 * the "clean" call (censor it) are timed separately: first a warm-up
 * (JIT, lazy tables) of MIN_SECONDS/2 (at most 1 s), then the timed run:
 * whole passes over the corpus until MIN_SECONDS have gone by. A peer that
 * cannot finish one pass in the budget stops after 2 * MIN_SECONDS and is
 * timed on the texts it got through, visited in a fixed order spread over
 * the corpus (bad-words' clean() runs at ~100 texts/s). The share of texts
 * flagged is printed too: it keeps the calls from being optimized away and
 * says what each peer catches on the same texts.
 *
 * Output: a header line and one tab-separated line per peer and call:
 *   peer version call calls seconds texts_per_s mb_per_s flagged_pct of_texts
 * Usage: node peers.js [corpus.txt] [min_seconds]
 */
'use strict';

const fs = require('fs');
const path = require('path');

const corpusPath = process.argv[2] || path.join(__dirname, '..', 'out', 'corpus.txt');
const MIN_SECONDS = Number(process.argv[3] || process.env.PEERS_MIN_SECONDS || 2);
const WARM_SECONDS = Math.min(1, MIN_SECONDS / 2);

function unescapeLine(s) {
  return s.replace(/\\([\\nr])/g, (m, c) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

function version(pkg) {
  const p = path.join(__dirname, 'node_modules', pkg, 'package.json');
  return JSON.parse(fs.readFileSync(p, 'utf8')).version;
}

/* Each peer: a name, and a setup that returns {check, clean}. check(text)
 * returns a boolean; clean(text) returns the censored string. */
const PEERS = [
  {
    name: '@2toad/profanity',
    async setup() {
      const { profanity } = require('@2toad/profanity');
      return { check: (t) => profanity.exists(t), clean: (t) => profanity.censor(t) };
    },
  },
  {
    name: 'leo-profanity',
    async setup() {
      const filter = require('leo-profanity');
      return { check: (t) => filter.check(t), clean: (t) => filter.clean(t) };
    },
  },
  {
    name: 'allprofanity',
    async setup() {
      const mod = await import('allprofanity');
      const filter = mod.default;
      return { check: (t) => filter.check(t), clean: (t) => filter.clean(t) };
    },
  },
  {
    name: 'obscenity',
    async setup() {
      const o = require('obscenity');
      const matcher = new o.RegExpMatcher({
        ...o.englishDataset.build(),
        ...o.englishRecommendedTransformers,
      });
      const censor = new o.TextCensor();
      return {
        check: (t) => matcher.hasMatch(t),
        clean: (t) => censor.applyTo(t, matcher.getAllMatches(t)),
      };
    },
  },
  {
    name: 'bad-words',
    async setup() {
      const { Filter } = require('bad-words');
      const filter = new Filter();
      return { check: (t) => filter.isProfane(t), clean: (t) => filter.clean(t) };
    },
  },
];

/* Order in which texts are visited: a fixed stride through the corpus, so
 * that a peer too slow to finish one pass within the budget is still timed
 * on texts from every dataset rather than on the first file alone. */
function visitOrder(n) {
  const P = 7919; /* prime; n is never a multiple of it in practice */
  const order = new Array(n);
  for (let k = 0; k < n; k++) order[k] = (k * P) % n;
  if (n % P === 0) for (let k = 0; k < n; k++) order[k] = k;
  return order;
}

/* Runs fn over texts in order for at least `seconds`, whole passes while
 * they fit, and returns how many calls ran and how long they took. The
 * clock is read every 64 calls. flagged and seen cover the first pass (or
 * what of it the budget allowed). */
function runFor(fn, texts, order, seconds, isCheck) {
  let calls = 0;
  let flagged = 0;
  let sink = 0;
  const n = order.length;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  for (;;) {
    const t = texts[order[calls % n]];
    const r = fn(t);
    const hit = isCheck ? !!r : r !== t;
    if (calls < n && hit) flagged++;
    sink += isCheck ? (r ? 1 : 0) : r.length;
    calls++;
    if ((calls & 63) === 0 || calls % n === 0) {
      elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
      if (elapsed >= seconds && (calls % n === 0 || calls < n || elapsed >= 2 * seconds))
        break;
    }
  }
  if (sink < 0) console.error(sink); /* keeps the results alive */
  return { calls, seconds: elapsed, flagged, seen: Math.min(calls, n) };
}

function timeCall(fn, texts, order, isCheck) {
  runFor(fn, texts, order, WARM_SECONDS, isCheck); /* warm-up */
  return runFor(fn, texts, order, MIN_SECONDS, isCheck);
}

async function main() {
  const raw = fs.readFileSync(corpusPath, 'utf8');
  const texts = raw.split('\n');
  if (texts.length && texts[texts.length - 1] === '') texts.pop();
  const unescaped = texts.map(unescapeLine);
  const only = process.env.PEERS ? process.env.PEERS.split(',') : null;
  const order = visitOrder(unescaped.length);
  const lens = unescaped.map((t) => Buffer.byteLength(t, 'utf8'));
  console.log(['peer', 'version', 'call', 'calls', 'seconds', 'texts_per_s', 'mb_per_s',
    'flagged_pct', 'of_texts'].join('\t'));
  for (const peer of PEERS) {
    if (only && !only.includes(peer.name)) continue;
    let api;
    try {
      api = await peer.setup();
    } catch (e) {
      console.log([peer.name, 'missing', '-', 0, 0, 0, 0, 0, 0].join('\t'));
      console.error(`peers.js: ${peer.name}: ${e.message} (run npm ci in bench/npm)`);
      continue;
    }
    for (const call of ['check', 'clean']) {
      const r = timeCall(api[call], unescaped, order, call === 'check');
      let b = 0;
      for (let k = 0; k < r.calls; k++) b += lens[order[k % order.length]];
      console.log([peer.name, version(peer.name), call, r.calls, r.seconds.toFixed(3),
        (r.calls / r.seconds).toFixed(0), (b / r.seconds / 1e6).toFixed(2),
        ((100 * r.flagged) / r.seen).toFixed(1), r.seen].join('\t'));
    }
  }
}

main().catch((e) => {
  console.error(`peers.js: ${e.stack || e}`);
  process.exit(1);
});
