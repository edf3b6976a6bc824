/*
 * werksessie.test.js - the werksessie in a real browser (docs/werksessie.md).
 *
 *   node werksessie.test.js --jzsim build/jzsim --page ws.html --out DIR [--twente ws-twente.html]
 *        [--named ws-named.html] [--gemeente-page ws-hengelo.html]
 *
 * Opens the page from disk in the Debian chromium (puppeteer-core) with the
 * network off (offline mode, and every request that is not the file itself
 * or a data: URL is aborted and counted), then:
 *   1. moves the first assumption's slider, switches the first measure off
 *      and halves the realisation of two others, and reads the recomputed
 *      figures from the page;
 *   2. writes the page's files and its variant ("bewaar als scenario") to
 *      DIR and checks the figures against `jzsim run --format json` on that
 *      variant, to 1e-9 relative, every year;
 *   3. types bad values (text, out of range) and checks they are refused
 *      with a visible message, the figures unchanged and no NaN anywhere;
 *   4. takes screenshots before and after (DIR/werksessie-voor.png,
 *      DIR/werksessie-na.png) and checks that they differ;
 *   5. times recomputes in the page (median of 15) and prints them as JSON
 *      (bench/README.md); with --twente, also for that page, whose
 *      figures and headings are those of the region total;
 *   7. with --gemeente-page (Twente with --gemeente Hengelo): the page shows
 *      and recomputes Hengelo, as `jzsim run --gemeente GM0164` does, names
 *      it in every heading, its saved variant says to rerun it with
 *      --gemeente, and the scenario without Hengelo cannot be chosen.
 *   8. with --measures (tests/data/measures/ten.yaml): a Hervormingsagenda
 *      row's realisation leaves the base year (realisatie) as it was, and
 *      its saved variant reruns to the page's figures.
 * Every page: a slider or realisation moves the years after the base year
 * only (docs/werksessie.md, "The realised year"); the base year's figures
 * keep their bits.
 * Exit 0 when all holds, 1 otherwise (the failures are printed).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');
const puppeteer = require('puppeteer-core');

const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const jzsim = path.resolve(arg('--jzsim', 'build/jzsim'));
const pageFile = path.resolve(arg('--page'));
const out = path.resolve(arg('--out', 'werksessie-test'));
const twente = arg('--twente', null);
const named = arg('--named', null);
const gemeentePage = arg('--gemeente-page', null);
const measuresPage = arg('--measures', null);
const chromium = arg('--chromium', '/usr/bin/chromium');
const failures = [];
const check = (ok, what) => {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures.push(what);
};

async function open(browser, file) {
  const page = await browser.newPage();
  const blocked = [];
  await page.setRequestInterception(true);
  page.on('request', r => {
    const u = r.url();
    if (u.startsWith('file://') || u.startsWith('data:') || u.startsWith('blob:')) r.continue();
    else { blocked.push(u); r.abort(); }
  });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.setOfflineMode(true);
  await page.setViewport({width: 1280, height: 1000});
  await page.goto('file://' + file, {waitUntil: 'load'});
  await page.waitForFunction('window.jzWerksessie && window.jzWerksessie.ready', {timeout: 60000});
  return {page, blocked, errors};
}

async function timing(page, n) {
  return page.evaluate(n => {
    const t = [];
    for (let i = 0; i < n; i++) {
      window.jzWerksessie.recompute();
      t.push(window.jzWerksessie.lastMs);
    }
    t.sort((a, b) => a - b);
    return {median_ms: t[Math.floor(n / 2)], max_ms: t[n - 1], min_ms: t[0]};
  }, n);
}

async function shot(page, file) {
  const el = await page.$('#jz-werksessie');
  await el.screenshot({path: file});
  return fs.readFileSync(file);
}

const headings = page => page.evaluate(() =>
  [...document.querySelectorAll('#jz-werksessie h2, #jz-werksessie .ws-charts h3')].map(h => h.textContent));
// the figures of one result entry of `jzsim run --format json` (code: a gemeente, else the last: the total)
const runTotals = (args, code) => {
  const j = JSON.parse(execFileSync(jzsim, ['run', '--format', 'json', '--quiet', ...args], {encoding: 'utf8'}));
  return (code ? j.results.find(r => r.code === code) : j.results[j.results.length - 1]).totals;
};
const sameFigures = (got, want) => ['tekort', 'beinvloedbaar', 'niet_beinvloedbaar', 'cost'].every(k =>
  got[k].length === want[k].length && got[k].every((v, i) => relClose(v, want[k][i])));

const fig = page => page.evaluate(() => {
  const r = window.jzWerksessie.result;
  return {tekort: r.tekort, beinvloedbaar: r.beinvloedbaar, niet_beinvloedbaar: r.niet_beinvloedbaar, cost: r.cost,
          zorg_cost: r.zorgsoorten.map(z => z.cost)};
});
// the base year (realisatie, the jaarrekening) of two results: the same bits
// in every figure the page shows, per zorgsoort too; '' or what differs
const baseYearMoved = (a, b) => ['tekort', 'beinvloedbaar', 'niet_beinvloedbaar', 'cost']
  .filter(k => a[k][0] !== b[k][0]).map(k => `${k} ${b[k][0]} -> ${a[k][0]}`)
  .concat(a.zorg_cost.map((c, i) => c[0] !== b.zorg_cost[i][0] ? `cost of zorgsoort ${i} ${b.zorg_cost[i][0]} -> ${c[0]}` : '')
    .filter(x => x)).join('; ');

function relClose(a, b) {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

(async () => {
  fs.mkdirSync(out, {recursive: true});
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: 'new',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--user-data-dir=' + path.join(out, 'chromium-profile')]
  });
  const bench = {};
  try {
    const size = fs.statSync(pageFile).size;
    bench.page_bytes = size;
    check(size < 2 * 1024 * 1024, `the page is under 2 MB (${size} bytes)`);
    const {page, blocked, errors} = await open(browser, pageFile);
    const before = await fig(page);
    const shotBefore = await shot(page, path.join(out, 'werksessie-voor.png'));

    // 1. a slider, a measure switch, a realisation
    const moved = await page.evaluate(() => {
      const r = document.getElementById('ws-in-0');
      if (!r) return null;
      r.value = String(Number(r.min) + 0.8 * (Number(r.max) - Number(r.min)));
      r.dispatchEvent(new Event('input', {bubbles: true}));
      return r.value;
    });
    check(moved !== null, 'the page has a slider for an assumption');
    const sw = await page.$('#ws-m-0');
    check(!!sw, 'the page has a switch per measure');
    if (sw) await sw.click();
    // the realisation of the second measure and of the last (in Enschede a
    // Hervormingsagenda row and a local measure)
    const reals = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.ws-real input[type=range]')].filter(r => r.id !== 'ws-r-0');
      const picked = all.length > 1 ? [all[0], all[all.length - 1]] : all;
      picked.forEach(r => { r.value = '0.5'; r.dispatchEvent(new Event('input', {bubbles: true})); });
      return picked.length;
    });
    check(reals > 0, `a realisation slider moved (${reals})`);
    const after = await fig(page);
    check(after.tekort.some((v, i) => v !== before.tekort[i]), 'the tekort changed after the changes');
    // in Enschede no measure acts in the base year 2022: nothing moves it
    const moved0 = baseYearMoved(after, before);
    check(!moved0, `the base year (realisatie) keeps its figures after the changes (${moved0})`);
    const shown = await page.$eval('#ws-tekort', e => e.textContent);
    check(/€/.test(shown), `the page shows the tekort of the chosen year (${shown})`);
    // the split's bars are rounded one by one: the page says so under them
    const note = await page.$$eval('#jz-werksessie .ws-charts p.note', ps => ps.map(p => p.textContent).join(' '));
    check(/afgerond|rounded/.test(note), `the split of the tekort says its parts are rounded one by one (${note})`);

    // 2. the saved variant on the command line
    const files = await page.evaluate(() => JSON.parse(document.getElementById('jz-werksessie-data').textContent).files);
    const variant = await page.evaluate(() => window.jzWerksessie.variant());
    const vname = await page.evaluate(() => window.jzWerksessie.variantName());
    for (const f of files) {
      const p = path.join(out, 'files', f.path.replace(/^\/+/, ''));
      fs.mkdirSync(path.dirname(p), {recursive: true});
      fs.writeFileSync(p, f.text);
    }
    const vpath = path.join(out, 'files', vname.replace(/^\/+/, ''));
    fs.writeFileSync(vpath, variant);
    fs.writeFileSync(path.join(out, 'variant.yaml'), variant);
    const json = JSON.parse(execFileSync(jzsim, ['run', '--format', 'json', '--quiet', vpath], {encoding: 'utf8'}));
    const tot = json.results[json.results.length - 1].totals;
    for (const k of ['tekort', 'beinvloedbaar', 'niet_beinvloedbaar', 'cost']) {
      const bad = after[k].map((v, i) => [v, tot[k][i]]).filter(([a, b]) => !relClose(a, b));
      check(after[k].length === tot[k].length && bad.length === 0,
            `${k}: the page equals 'jzsim run' on the saved variant to 1e-9 (${after[k].length} years)` +
            (bad.length ? ' ' + JSON.stringify(bad.slice(0, 3)) : ''));
    }

    // 3. bad values are refused, with a message, never NaN
    for (const bad of ['abc', '1e99', '-5']) {
      const res = await page.evaluate(text => {
        const f = document.getElementById('ws-in-0-veld');
        if (!f) return null;
        const runs = window.jzWerksessie.runs;
        f.value = text;
        f.dispatchEvent(new Event('change', {bubbles: true}));
        const msg = f.parentNode.querySelector('.ws-msg').textContent;
        return {msg, runs: window.jzWerksessie.runs - runs, nan: /NaN|undefined|Infinity/.test(document.getElementById('jz-werksessie').textContent)};
      }, bad);
      check(res && res.msg.length > 0 && res.runs === 0 && !res.nan,
            `typing '${bad}' is refused with a message ('${res && res.msg}'), no rerun, no NaN`);
    }
    const still = await fig(page);
    check(JSON.stringify(still) === JSON.stringify(after), 'refused values leave the figures as they were');

    // 4. screenshots
    const shotAfter = await shot(page, path.join(out, 'werksessie-na.png'));
    check(!shotBefore.equals(shotAfter), 'the screenshot after differs from the one before');

    // 5. speed
    bench.recompute = await timing(page, 15);
    check(blocked.length === 0, `no network request was made (${blocked.length})`);
    check(errors.length === 0, 'no script errors' + (errors.length ? ': ' + errors.join('; ') : ''));
    await page.close();
    if (named) {
      // 6. a scenario's own sliders (werksessie.sliders): its labels, and a
      // slider on an input that is not uncertain reruns like the command line
      const n = await open(browser, path.resolve(named));
      const labels = await n.page.evaluate(() =>
        [...document.querySelectorAll('.ws-controls .ws-row > label')].map(l => l.textContent).slice(0, 3));
      check(labels[2] === 'Zorgduur residentieel verblijf (maanden)',
            `the page shows the scenario's own sliders (${JSON.stringify(labels)})`);
      const nb = await fig(n.page);
      // ws-in-0: an uncertain input whose range the list leaves to its
      // distribution; ws-in-2: an input that is not uncertain
      await n.page.evaluate(() => {
        for (const id of ['ws-in-0', 'ws-in-2']) {
          const r = document.getElementById(id);
          r.value = String(Number(r.min) + 0.8 * (Number(r.max) - Number(r.min)));
          r.dispatchEvent(new Event('input', {bubbles: true}));
        }
      });
      const na = await fig(n.page);
      const err = await n.page.$eval('#ws-error', e => e.textContent);
      check(!err && na.tekort.some((v, i) => v !== nb.tekort[i]), `a named slider recomputes the tekort ('${err}')`);
      // the base year is realised: a slider moves the years after it, as the tornado does
      const nmoved = baseYearMoved(na, nb);
      check(!nmoved, `the named sliders leave the base year's figures as they were (${nmoved})`);
      const nfiles = await n.page.evaluate(() => JSON.parse(document.getElementById('jz-werksessie-data').textContent).files);
      const nvariant = await n.page.evaluate(() => window.jzWerksessie.variant());
      const nname = await n.page.evaluate(() => window.jzWerksessie.variantName());
      for (const f of nfiles) {
        const p = path.join(out, 'named', f.path.replace(/^\/+/, ''));
        fs.mkdirSync(path.dirname(p), {recursive: true});
        fs.writeFileSync(p, f.text);
      }
      const np = path.join(out, 'named', nname.replace(/^\/+/, ''));
      fs.writeFileSync(np, nvariant);
      const nj = JSON.parse(execFileSync(jzsim, ['run', '--format', 'json', '--quiet', np], {encoding: 'utf8'}));
      const nt = nj.results[nj.results.length - 1].totals;
      check(na.tekort.length === nt.tekort.length && na.tekort.every((v, i) => relClose(v, nt.tekort[i])),
            "tekort: the named slider's variant equals 'jzsim run' to 1e-9");
      check(sameFigures(na, nt), "the named sliders' saved variant gives 'jzsim run' the page's figures, base year too");
      check(/zorgduur: \{2022: 15, 2023: /.test(nvariant),
            'the variant writes the slider from 2023 on and keeps 2022 as written: ' +
            (nvariant.match(/zorgduur: .*/) || [''])[0]);
      // a slider at its end: the browser's text of the value may lie a last
      // digit outside the range the variant repeats for the loader
      const endErr = await n.page.evaluate(() => {
        const r = document.getElementById('ws-in-0');
        r.value = r.max;
        r.dispatchEvent(new Event('input', {bubbles: true}));
        return document.getElementById('ws-error').textContent;
      });
      check(!endErr, `a named slider at the end of its range is taken ('${endErr}')`);
      check(n.errors.length === 0 && n.blocked.length === 0, 'the page with named sliders runs offline without errors');
      await n.page.close();
    }
    if (twente) {
      const t = await open(browser, path.resolve(twente));
      bench.twente_page_bytes = fs.statSync(path.resolve(twente)).size;
      bench.twente_recompute = await timing(t.page, 5);
      check(t.errors.length === 0 && t.blocked.length === 0, 'the Twente page runs offline without errors');
      check(bench.twente_recompute.median_ms < 1000, `Twente recomputes within 1 s (${bench.twente_recompute.median_ms.toFixed(1)} ms)`);
      const th = await headings(t.page);
      check(th.length >= 4 && th.every(x => /Regio totaal \(14 gemeenten\)/.test(x)),
            `the Twente page names the region in every heading (${JSON.stringify(th)})`);
      check(sameFigures(await fig(t.page), runTotals([path.resolve('scenarios/twente/regio.yaml')])),
            "the Twente page shows the region total of 'jzsim run' to 1e-9");
      await t.page.close();
    }
    if (gemeentePage) {
      // 7. the gemeente the briefing shows (--gemeente Hengelo)
      const g = await open(browser, path.resolve(gemeentePage));
      const gh = await headings(g.page);
      check(gh.length >= 4 && gh.every(x => /Hengelo/.test(x)), `every heading names Hengelo (${JSON.stringify(gh)})`);
      const shownTekort = await g.page.$eval('.ws-big', e => e.textContent);
      check(/Hengelo/.test(shownTekort), `the tekort in words names Hengelo (${shownTekort})`);
      const gb = await fig(g.page);
      check(sameFigures(gb, runTotals(['--gemeente', 'GM0164', path.resolve('scenarios/twente/regio.yaml')], 'GM0164')),
            "the page shows Hengelo's figures of 'jzsim run --gemeente GM0164' to 1e-9");
      const opts = await g.page.$$eval('#ws-scenario option', os => os.map(o => ({text: o.textContent, disabled: o.disabled})));
      check(opts.length === 2 && !opts[0].disabled && opts[1].disabled && /heeft geen Hengelo/.test(opts[1].text),
            `a scenario without Hengelo cannot be chosen (${JSON.stringify(opts)})`);
      await g.page.evaluate(() => {
        const r = document.getElementById('ws-in-0');
        r.value = String(Number(r.min) + 0.9 * (Number(r.max) - Number(r.min)));
        r.dispatchEvent(new Event('input', {bubbles: true}));
      });
      const ga = await fig(g.page);
      check(ga.tekort.some((v, i) => v !== gb.tekort[i]), "a slider changes Hengelo's tekort");
      const gfiles = await g.page.evaluate(() => JSON.parse(document.getElementById('jz-werksessie-data').textContent).files);
      const gvariant = await g.page.evaluate(() => window.jzWerksessie.variant());
      const gname = await g.page.evaluate(() => window.jzWerksessie.variantName());
      check(/jzsim run --gemeente GM0164 /.test(gvariant), 'the saved variant says to rerun it with --gemeente GM0164');
      for (const f of gfiles) {
        const p = path.join(out, 'gemeente', f.path.replace(/^\/+/, ''));
        fs.mkdirSync(path.dirname(p), {recursive: true});
        fs.writeFileSync(p, f.text);
      }
      const gp = path.join(out, 'gemeente', gname.replace(/^\/+/, ''));
      fs.writeFileSync(gp, gvariant);
      check(sameFigures(ga, runTotals(['--gemeente', 'GM0164', gp], 'GM0164')),
            "Hengelo after the change equals 'jzsim run --gemeente GM0164' on the saved variant to 1e-9");
      await shot(g.page, path.join(out, 'werksessie-hengelo.png'));
      check(g.errors.length === 0 && g.blocked.length === 0, 'the Hengelo page runs offline without errors');
      await g.page.close();
    }
    if (measuresPage) {
      // 8. a Hervormingsagenda row that saves in the base year (B2 of
      // tests/data/measures/ten.yaml: 780k in 2023, the base year): its
      // realisation slider moves the years after it, the realised year keeps
      // the realisation as written
      const m = await open(browser, path.resolve(measuresPage));
      const mb = await fig(m.page);
      const label = await m.page.evaluate(() => {
        const r = document.getElementById('ws-r-0');
        r.value = '0.5';
        r.dispatchEvent(new Event('input', {bubbles: true}));
        return document.querySelector('label[for=ws-m-0]').textContent;
      });
      const ma = await fig(m.page);
      check(ma.tekort.some((v, i) => v !== mb.tekort[i]), `the realisation of ${label} recomputes the tekort`);
      const mmoved = baseYearMoved(ma, mb);
      check(!mmoved, `the realisation of ${label} leaves the base year's figures as they were (${mmoved})`);
      const mfiles = await m.page.evaluate(() => JSON.parse(document.getElementById('jz-werksessie-data').textContent).files);
      const mvariant = await m.page.evaluate(() => window.jzWerksessie.variant());
      const mname = await m.page.evaluate(() => window.jzWerksessie.variantName());
      for (const f of mfiles) {
        const p = path.join(out, 'measures', f.path.replace(/^\/+/, ''));
        fs.mkdirSync(path.dirname(p), {recursive: true});
        fs.writeFileSync(p, f.text);
      }
      const mp = path.join(out, 'measures', mname.replace(/^\/+/, ''));
      fs.writeFileSync(mp, mvariant);
      check(sameFigures(ma, runTotals([mp])), "the realisation's saved variant gives 'jzsim run' the page's figures to 1e-9");
      check(/realisation: \{2023: 1, 2024: 0\.5\}/.test(mvariant),
            'the variant writes the realisation from 2024 on: ' + (mvariant.match(/realisation: .*/) || [''])[0]);
      check(m.errors.length === 0 && m.blocked.length === 0, 'the measures page runs offline without errors');
      await m.page.close();
    }
    check(bench.recompute.median_ms < 100, `recompute within 100 ms (median ${bench.recompute.median_ms.toFixed(1)} ms)`);
  } catch (e) {
    check(false, 'the test ran: ' + (e && e.stack || e));
  } finally {
    await browser.close();
  }
  console.log('bench ' + JSON.stringify(bench));
  process.exit(failures.length ? 1 : 0);
})();
