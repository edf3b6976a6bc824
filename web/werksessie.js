/*
 * werksessie.js - the interactive part of the briefing (docs/werksessie.md).
 *
 * Appended to the werksessie engine (jzsim's loader and model compiled to
 * WebAssembly, engine/wasm) in one <script>.  It reads the data island
 * #jz-werksessie-data (written by engine/report/html_interactive.c): the
 * scenario files, the controls per scenario and the labels.  The files go
 * into the engine's in-memory file system at the paths the command line
 * read them from.  Every change writes a variant YAML that `extends` the
 * scenario being worked on with only what was changed, and has the engine
 * load and run it: the figures drawn are the engine's, nothing is computed
 * here but the chart geometry.  They are the figures of the gemeente the
 * briefing shows (D.gemeente, its --gemeente), or of the region total, and
 * every heading names which (the unit the engine says it computed).  "Bewaar als scenario" downloads that same
 * variant, so `jzsim run` on it gives the same figures.
 */
(function () {
  'use strict';
  var island = document.getElementById('jz-werksessie-data');
  var root = document.getElementById('jz-werksessie');
  if (!island || !root || typeof jzEngine !== 'function') return;
  var D = JSON.parse(island.textContent);
  var L = D.labels;
  var nl = D.lang === 'nl';
  var SVGNS = 'http://www.w3.org/2000/svg';

  /* ---- numbers as the briefing writes them ---------------------------- */
  function fmt(v, dec) {
    return v.toLocaleString(nl ? 'nl-NL' : 'en-GB', {minimumFractionDigits: dec, maximumFractionDigits: dec});
  }
  function money(v) {
    var a = Math.abs(v);
    if (a >= 1e6) return (v < 0 ? '-' : '') + '€ ' + fmt(a / 1e6, 1) + (nl ? ' mln' : ' M');
    return (v < 0 ? '-' : '') + '€ ' + fmt(a, 0);
  }
  /* An input in its unit: fractions as percentages, months, euros. */
  var UNITS = {
    'fraction': {scale: 100, suffix: '%', dec: 1},
    'fraction/yr': {scale: 100, suffix: '%', dec: 2},
    'months': {scale: 1, suffix: nl ? ' mnd' : ' mo', dec: 1},
    'euros': {scale: 1, suffix: '', dec: 0, money: true}
  };
  function unitOf(u) { return UNITS[u] || {scale: 1, suffix: '', dec: 2}; }
  function showValue(v, u) {
    var f = unitOf(u);
    if (Math.abs(v * f.scale) >= 1e12) return (v * f.scale).toExponential(2) + f.suffix;
    return f.money ? money(v) : fmt(v * f.scale, f.dec) + f.suffix;
  }
  /* What a person types: "16,5", "16.5", "12%", "€ 180.000", "180k".  NaN
   * when it is no number (the caller refuses it). */
  function parseTyped(text, u) {
    var f = unitOf(u);
    var t = String(text).trim().replace(/[€\s]/g, '').replace(/%$/, '').replace(/(mnd|mo)$/i, '');
    var mult = 1;
    if (/[kK]$/.test(t)) { mult = 1e3; t = t.slice(0, -1); }
    else if (/[mM]$/.test(t)) { mult = 1e6; t = t.slice(0, -1); }
    if (nl) t = t.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
    else t = t.replace(/,(?=\d{3}(\D|$))/g, '');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return NaN;
    return Number(t) * mult / f.scale;
  }

  /* ---- the engine ------------------------------------------------------- */
  var M = null;
  function run(yaml, name) {
    var p = M.ccall('jzw_run', 'number', ['string', 'string', 'string'], [yaml, name, D.gemeente ? D.gemeente.code : '']);
    if (!p) return {ok: false, error: 'out of memory'};
    var s = M.UTF8ToString(p);
    M.ccall('jzw_free', null, ['number'], [p]);
    return JSON.parse(s);
  }

  /* ---- state: what has been changed from the scenario as written ------- */
  var cur = 0;          /* index into D.scenarios: the first that has the gemeente */
  while (cur < D.scenarios.length - 1 && D.scenarios[cur].has_gemeente === false) cur++;
  var state = null;     /* {inputs: {path: value}, off: {key: 1}, real: {key: fraction}} */
  var yearIdx = -1;     /* the chosen year (index), -1: the last */
  var original = null;  /* the engine's figures of the scenario as written */
  var last = null;      /* the latest figures */
  function fresh() { return {inputs: {}, off: {}, real: {}}; }

  function dirOf(p) { var i = p.lastIndexOf('/'); return i < 0 ? '' : p.slice(0, i + 1); }
  function baseOf(p) { var i = p.lastIndexOf('/'); return i < 0 ? p : p.slice(i + 1); }
  function stem(p) { return baseOf(p).replace(/\.ya?ml$/i, ''); }
  function variantName(sc) { return dirOf(sc.path) + stem(sc.path) + '-werksessie.yaml'; }
  /* Whose figures: "Hengelo", or "Regio totaal (14 gemeenten)". */
  function unitName(res) {
    return res.gemeente ? res.gemeente.name : L.region + ' (' + res.n_gemeenten + ' ' + L.gemeenten + ')';
  }
  function q(s) { return JSON.stringify(String(s)); }   /* a YAML double-quoted scalar */
  function num(v) { return String(v); }                  /* shortest text that reads back exactly */
  /* A value from the first projected year on.  The realised years (the
   * base year, realisatie: the jaarrekening) keep their values as written,
   * `keep` from the data island (jz_input_realised_years, as the Monte
   * Carlo and the tornado keep them): a series by year,
   * {2022: 15, 2023: 16.4}, whose last value holds to the end
   * (docs/scenario-format.md, "Time series").  Without realised years (a
   * start, which is no series) the value itself. */
  function fromProjected(sc, keep, v) {
    if (!keep || !keep.length) return v;
    var parts = keep.map(function (k, i) { return (sc.base_year + i) + ': ' + num(k); });
    parts.push((sc.base_year + keep.length) + ': ' + num(v));
    return '{' + parts.join(', ') + '}';
  }

  /* An input path "zorgsoorten[ambulant].instroom.per_1000" as nested maps;
   * lists are matched by their identifying key, as `extends` merges them. */
  var LIST_KEY = {zorgsoorten: 'key', gemeenten: 'code', measures: 'key', bronnen: 'id'};
  function parsePath(path) {
    var out = [];
    var parts = path.split('.');
    for (var i = 0; i < parts.length; i++) {
      var m = /^([A-Za-z_0-9]+)(?:\[([^\]]+)\])?$/.exec(parts[i]);
      if (!m || (m[2] !== undefined && !LIST_KEY[m[1]])) return null;
      out.push({key: m[1], item: m[2]});
    }
    return out;
  }
  function put(tree, segs, value) {
    var node = tree;
    for (var i = 0; i < segs.length; i++) {
      var s = segs[i], last = i === segs.length - 1;
      if (s.item !== undefined) {
        var list = node[s.key] = node[s.key] || {__list: LIST_KEY[s.key], items: {}};
        node = list.items[s.item] = list.items[s.item] || {};
        if (last) return;   /* a whole list item is never an input */
      } else if (last) {
        node[s.key] = value;
      } else {
        node = node[s.key] = node[s.key] || {};
      }
    }
  }
  function emit(node, ind, out) {
    Object.keys(node).forEach(function (k) {
      var v = node[k];
      if (v && v.__list) {
        out.push(ind + k + ':');
        Object.keys(v.items).forEach(function (id) {
          out.push(ind + '  - ' + v.__list + ': ' + q(id));
          emit(v.items[id], ind + '    ', out);
        });
      } else if (v !== null && typeof v === 'object') {
        out.push(ind + k + ':');
        emit(v, ind + '  ', out);
      } else {
        out.push(ind + k + ': ' + (typeof v === 'number' ? num(v) : v));
      }
    });
  }

  /* What was changed, in words, for the variant's description. */
  function changes(sc) {
    var said = [];
    sc.sliders.forEach(function (s) {
      if (s.path in state.inputs) said.push(s.label + ' ' + showValue(state.inputs[s.path], s.unit));
    });
    sc.measures.forEach(function (m) {
      if (state.off[m.key]) said.push(m.name + (nl ? ' uit' : ' off'));
      else if (m.key in state.real) said.push(m.name + ' ' + L.realisation + ' ' + fmt(state.real[m.key] * 100, 0) + '%');
    });
    return said;
  }

  /* The variant: `extends` the scenario, then only what was changed. */
  function variantYaml(sc) {
    var tree = {};
    sc.sliders.forEach(function (s) {
      if (s.path in state.inputs) put(tree, parsePath(s.path), fromProjected(sc, s.keep, state.inputs[s.path]));
    });
    sc.measures.forEach(function (m) {
      if (state.off[m.key]) put(tree, [{key: 'measures', item: m.key}, {key: 'remove'}], 'true');
      else if (m.key in state.real) {
        var r = state.real[m.key];
        var v = m.type === 'hervormingsagenda' ? fromProjected(sc, m.keep, r) : m.value * r;
        put(tree, [{key: 'measures', item: m.key}, {key: m.param}], v);
      }
    });
    var said = changes(sc);
    var out = [
      '# ' + (nl ? 'Werksessie-variant van ' : 'Work-session variant of ') + baseOf(sc.path) +
        (nl ? ', geschreven door de werksessie van jzsim ' : ', written by the work session of jzsim ') + D.jzsim_version + '.',
      '# ' + (nl ? 'Zet dit bestand naast ' : 'Put this file next to ') + baseOf(sc.path) +
        (nl ? ' en reken het na met: jzsim run ' : ' and rerun it with: jzsim run ') +
        (D.gemeente ? '--gemeente ' + D.gemeente.code + ' ' : '') + baseOf(variantName(sc)),
      'extends: ' + q(baseOf(sc.path)),
      'meta:',
      '  name: ' + q(sc.name + ' (werksessie)'),
      '  description: ' + q((nl ? 'Werksessie op ' : 'Work session on ') + sc.name + ': ' +
                            (said.length ? said.join('; ') : (nl ? 'niets veranderd' : 'nothing changed')) + '.')
    ];
    emit(tree, '', out);
    /* A scenario's own sliders (werksessie.sliders) may take an uncertain
     * input's range from its distribution; once the variant makes that input
     * a plain value the loader needs the range written out.  The variant
     * repeats the list with every range (a list replaces the base's whole);
     * a label longer than the loader takes is the input's own and is left
     * for the loader to make again. */
    if (sc.sliders_named && sc.sliders.some(function (s) { return s.path in state.inputs; })) {
      out.push('werksessie:', '  sliders:');
      sc.sliders.forEach(function (s) {
        out.push('    - input: ' + q(s.path));
        if (Array.from(s.label).length <= 80) out.push('      label: ' + q(s.label));
        out.push('      low: ' + num(s.low), '      high: ' + num(s.high));
      });
    }
    return out.join('\n') + '\n';
  }

  /* ---- charts (inline SVG, the geometry only) --------------------------- */
  function el(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(w, h) { return el('svg', {viewBox: '0 0 ' + w + ' ' + h, width: '100%', role: 'img'}); }
  function scale(lo, hi, a, b) {
    if (hi === lo) hi = lo + 1;
    return function (v) { return a + (v - lo) * (b - a) / (hi - lo); };
  }

  /* Tekort per year: bars of the work session, the original as a line. */
  function chartTekort(box, res, orig) {
    var W = 640, H = 240, l = 70, r = 10, t = 14, b = 26, n = res.tekort.length;
    var all = res.tekort.concat(orig.tekort, [0]);
    var y = scale(Math.min.apply(null, all), Math.max.apply(null, all), H - b, t);
    var bw = (W - l - r) / n;
    var s = svg(W, H);
    s.appendChild(el('line', {x1: l, x2: W - r, y1: y(0), y2: y(0), stroke: '#444'}));
    [Math.min.apply(null, all), Math.max.apply(null, all)].forEach(function (v) {
      s.appendChild(el('text', {x: l - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11}, money(v)));
    });
    var pts = [];
    for (var i = 0; i < n; i++) {
      var v = res.tekort[i], x = l + i * bw;
      s.appendChild(el('rect', {x: x + bw * 0.15, width: bw * 0.7, y: Math.min(y(v), y(0)),
                                height: Math.abs(y(v) - y(0)), fill: i === yearIdx ? '#b3541e' : '#e08a4f',
                                'data-year': res.base_year + i}));
      s.appendChild(el('text', {x: x + bw / 2, y: H - 8, 'text-anchor': 'middle', 'font-size': 11}, res.base_year + i));
      pts.push((x + bw / 2) + ',' + y(orig.tekort[i]));
    }
    s.appendChild(el('polyline', {points: pts.join(' '), fill: 'none', stroke: '#333', 'stroke-width': 2,
                                  'stroke-dasharray': '5 3'}));
    box.appendChild(s);
    var leg = document.createElement('p');
    leg.className = 'ws-legend';
    leg.innerHTML = '<span class="ws-sw ws-now"></span> ' + L.now + ' &nbsp; <span class="ws-sw ws-orig"></span> ' + L.original;
    box.appendChild(leg);
  }

  /* The tekort of the chosen year: niet-beïnvloedbaar, beïnvloedbaar, total. */
  function chartWaterfall(box, res, k) {
    var W = 640, H = 200, l = 10, t = 20, b = 40;
    var nb = res.niet_beinvloedbaar[k], be = res.beinvloedbaar[k], tot = res.tekort[k];
    var steps = [[L.niet_beinvloedbaar, 0, nb], [L.beinvloedbaar, nb, nb + be], [L.tekort, 0, tot]];
    var all = [0, nb, nb + be, tot];
    var y = scale(Math.min.apply(null, all), Math.max.apply(null, all), H - b, t);
    var s = svg(W, H), bw = (W - l) / 3;
    s.appendChild(el('line', {x1: l, x2: W, y1: y(0), y2: y(0), stroke: '#444'}));
    steps.forEach(function (st, i) {
      var a = y(st[1]), c = y(st[2]);
      s.appendChild(el('rect', {x: l + i * bw + bw * 0.2, width: bw * 0.6, y: Math.min(a, c), height: Math.max(1, Math.abs(a - c)),
                                fill: i === 2 ? '#b3541e' : i === 0 ? '#8c8c8c' : '#e08a4f'}));
      s.appendChild(el('text', {x: l + i * bw + bw / 2, y: Math.min(a, c) - 4, 'text-anchor': 'middle', 'font-size': 11},
                       money(st[2] - st[1])));
      s.appendChild(el('text', {x: l + i * bw + bw / 2, y: H - 20, 'text-anchor': 'middle', 'font-size': 11}, st[0]));
    });
    box.appendChild(s);
  }

  /* Horizontal bars with a label, e.g. cost per zorgsoort, measures. */
  function chartBars(box, rows, withOrig) {
    var W = 640, rowH = 22, l = 250, r = 90, H = rows.length * rowH + 6;
    var all = [0];
    rows.forEach(function (x) { all.push(x.v); if (withOrig) all.push(x.o); });
    var xs = scale(Math.min.apply(null, all), Math.max.apply(null, all), l, W - r);
    var s = svg(W, H);
    rows.forEach(function (x, i) {
      var yy = 3 + i * rowH;
      s.appendChild(el('text', {x: l - 6, y: yy + 14, 'text-anchor': 'end', 'font-size': 11},
                       x.label.length > 40 ? x.label.slice(0, 39) + '…' : x.label));
      s.appendChild(el('rect', {x: Math.min(xs(0), xs(x.v)), y: yy + 3, height: rowH - 8,
                                width: Math.max(1, Math.abs(xs(x.v) - xs(0))), fill: x.off ? '#ccc' : '#e08a4f'}));
      if (withOrig)
        s.appendChild(el('line', {x1: xs(x.o), x2: xs(x.o), y1: yy + 1, y2: yy + rowH - 3, stroke: '#333', 'stroke-width': 2}));
      s.appendChild(el('text', {x: W - r + 4, y: yy + 14, 'font-size': 11}, money(x.v)));
    });
    box.appendChild(s);
  }

  /* ---- the controls ---------------------------------------------------- */
  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var ui = {};

  /* A slider with a field to type in; on a refused value the field says
   * why and the model is not run (never a NaN in the page). */
  function control(label, value, lo, hi, unit, onset, id) {
    var row = h('div', 'ws-row');
    var lab = h('label', 'ws-label', label);
    var range = h('input');
    range.type = 'range';
    range.min = lo; range.max = hi; range.step = (hi - lo) / 200; range.value = value;
    range.id = id;
    lab.htmlFor = id;
    var field = h('input', 'ws-field');
    field.type = 'text';
    field.value = showValue(value, unit);
    field.id = id + '-veld';
    field.setAttribute('aria-label', label);
    var msg = h('span', 'ws-msg');
    msg.setAttribute('role', 'alert');
    var bounds = h('span', 'ws-bounds', showValue(lo, unit) + ' – ' + showValue(hi, unit));
    /* within the range as the loader checks it: the browser's text of a
     * range's value may round its end a last digit outside it (17.1339745962156
     * for 17.13397459621556), and a value typed within the tolerance below is
     * the end itself */
    function within(v) { return Math.min(hi, Math.max(lo, v)); }
    range.addEventListener('input', function () {
      var v = within(Number(range.value));
      field.value = showValue(v, unit);
      msg.textContent = '';
      field.classList.remove('ws-bad');
      onset(v);
    });
    field.addEventListener('change', function () {
      var v = parseTyped(field.value, unit);
      var why = !isFinite(v) ? '"' + field.value + '": ' + L.bad_number
              : v < lo - 1e-12 * Math.abs(lo) || v > hi + 1e-12 * Math.abs(hi)
              ? showValue(v, unit) + ' ' + L.out_of_range + ' ' + showValue(lo, unit) + ' ' + L.and + ' ' + showValue(hi, unit)
              : '';
      if (why) {
        msg.textContent = why;
        field.classList.add('ws-bad');
        return;
      }
      msg.textContent = '';
      field.classList.remove('ws-bad');
      v = within(v);
      range.value = v;
      field.value = showValue(v, unit);
      onset(v);
    });
    row.appendChild(lab);
    row.appendChild(range);
    row.appendChild(field);
    row.appendChild(bounds);
    row.appendChild(msg);
    return row;
  }

  function build() {
    var sc = D.scenarios[cur];
    root.textContent = '';
    root.appendChild(h('h2', null, L.title + ' ' + unitName(original)));
    root.appendChild(h('p', 'ws-intro', L.intro));
    var bar = h('div', 'ws-bar');
    if (D.scenarios.length > 1) {
      var sl = h('label', null, L.scenario + ' ');
      var sel = h('select');
      sel.id = 'ws-scenario';
      D.scenarios.forEach(function (s, i) {
        /* a scenario without the briefing's gemeente has nothing to show for it */
        var o = h('option', null, s.has_gemeente === false ? s.name + ' (' + L.lacks + ' ' + D.gemeente.name + ')' : s.name);
        o.value = i;
        o.disabled = s.has_gemeente === false;
        if (i === cur) o.selected = true;
        sel.appendChild(o);
      });
      sel.addEventListener('change', function () { cur = Number(sel.value); start(); });
      sl.appendChild(sel);
      bar.appendChild(sl);
    }
    var yl = h('label', null, ' ' + L.year + ' ');
    var ysel = h('select');
    ysel.id = 'ws-year';
    for (var i = 0; i < original.horizon; i++) {
      var o = h('option', null, String(original.base_year + i));
      o.value = i;
      if (i === yearIdx) o.selected = true;
      ysel.appendChild(o);
    }
    ysel.addEventListener('change', function () { yearIdx = Number(ysel.value); draw(); });
    yl.appendChild(ysel);
    bar.appendChild(yl);
    var reset = h('button', null, L.reset);
    reset.id = 'ws-reset';
    reset.addEventListener('click', function () { state = fresh(); build(); recompute(); });
    var save = h('button', null, L.save);
    save.id = 'ws-save';
    save.addEventListener('click', function () {
      var blob = new Blob([variantYaml(sc)], {type: 'application/yaml'});
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = baseOf(variantName(sc));
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
    bar.appendChild(reset);
    bar.appendChild(save);
    ui.status = h('span', 'ws-status');
    ui.status.id = 'ws-status';
    bar.appendChild(ui.status);
    root.appendChild(bar);
    ui.error = h('p', 'ws-error');
    ui.error.id = 'ws-error';
    ui.error.setAttribute('role', 'alert');
    root.appendChild(ui.error);

    var cols = h('div', 'ws-cols');
    var left = h('div', 'ws-controls');
    left.appendChild(h('h3', null, L.assumptions));
    if (!sc.sliders.length) left.appendChild(h('p', 'note', L.no_sliders));
    sc.sliders.forEach(function (s, i) {
      var v = s.path in state.inputs ? state.inputs[s.path] : s.point;
      left.appendChild(control(s.label, v, s.low, s.high, s.unit, function (x) {
        state.inputs[s.path] = x;
        recompute();
      }, 'ws-in-' + i));
    });
    left.appendChild(h('h3', null, L.measures));
    if (!sc.measures.length) left.appendChild(h('p', 'note', L.no_measures));
    sc.measures.forEach(function (m, i) {
      var box = h('div', 'ws-measure');
      var sw = h('input');
      sw.type = 'checkbox';
      sw.id = 'ws-m-' + i;
      sw.checked = !state.off[m.key];
      var lab = h('label', 'ws-mname', m.name);
      lab.htmlFor = sw.id;
      box.appendChild(sw);
      box.appendChild(lab);
      var real = null;
      if (m.in_baseline) {
        box.appendChild(h('span', 'ws-bounds ws-real', ' (' + L.in_baseline + ')'));
      } else if (m.param) {
        real = control(L.realisation, m.key in state.real ? state.real[m.key] : (m.type === 'hervormingsagenda' ? m.value : 1),
                       0, 1, 'fraction', function (x) {
          state.real[m.key] = x;
          recompute();
        }, 'ws-r-' + i);
        real.classList.add('ws-real');
        box.appendChild(real);
      }
      sw.addEventListener('change', function () {
        if (sw.checked) delete state.off[m.key]; else state.off[m.key] = 1;
        if (real) real.style.display = sw.checked ? '' : 'none';
        recompute();
      });
      if (real && !sw.checked) real.style.display = 'none';
      left.appendChild(box);
    });
    cols.appendChild(left);
    ui.charts = h('div', 'ws-charts');
    ui.charts.id = 'ws-charts';
    cols.appendChild(ui.charts);
    root.appendChild(cols);
  }

  function draw() {
    var res = last, k = yearIdx;
    var c = ui.charts;
    c.textContent = '';
    var y = res.base_year + k;
    var who = unitName(res);
    c.appendChild(h('h3', null, L.tekort + ', ' + who));
    var tbox = h('div', 'ws-chart');
    tbox.id = 'ws-chart-tekort';
    chartTekort(tbox, res, original);
    c.appendChild(tbox);
    var big = h('p', 'ws-big');
    big.textContent = L.tekort + ' ' + who + ' ' + y + ': ';
    var strong = h('strong', null, money(res.tekort[k]));
    strong.id = 'ws-tekort';
    big.appendChild(strong);
    big.appendChild(document.createTextNode(' (' + L.original + ' ' + money(original.tekort[k]) + ')'));
    c.appendChild(big);
    c.appendChild(h('h3', null, L.waterfall + ', ' + who + ', ' + y));
    var wbox = h('div', 'ws-chart');
    chartWaterfall(wbox, res, k);
    c.appendChild(wbox);
    c.appendChild(h('p', 'note', L.rounding));
    c.appendChild(h('h3', null, L.per_zorgsoort + ', ' + who + ', ' + y));
    var zbox = h('div', 'ws-chart');
    chartBars(zbox, res.zorgsoorten.map(function (z, i) {
      return {label: z.name, v: z.cost[k], o: original.zorgsoorten[i] ? original.zorgsoorten[i].cost[k] : z.cost[k]};
    }), true);
    c.appendChild(zbox);
    if (res.measures.length) {
      c.appendChild(h('h3', null, L.ranking + ', ' + who));
      var mbox = h('div', 'ws-chart');
      var ms = res.measures.slice().sort(function (a, b) { return a.rank - b.rank; });
      chartBars(mbox, ms.map(function (m) { return {label: m.rank + '. ' + m.name, v: m.npv}; }), false);
      c.appendChild(mbox);
    }
  }

  /* Run the variant; on a refusal keep the last figures and say why. */
  function recompute() {
    var sc = D.scenarios[cur];
    var t0 = performance.now();
    var res = run(variantYaml(sc), variantName(sc));
    var ms = performance.now() - t0;
    api.lastMs = ms;
    api.runs++;
    if (!res.ok) {
      ui.error.textContent = L.engine_error + ': ' + res.error;
      api.lastError = res.error;
      return res;
    }
    ui.error.textContent = '';
    api.lastError = null;
    last = res;
    api.result = res;
    ui.status.textContent = L.computed_in + ' ' + fmt(ms, 0) + ' ms';
    draw();
    return res;
  }

  function start() {
    state = fresh();
    var sc = D.scenarios[cur];
    original = run(variantYaml(sc), variantName(sc));
    if (!original.ok) {
      root.textContent = '';
      root.appendChild(h('p', 'ws-error', L.engine_error + ': ' + original.error));
      return;
    }
    yearIdx = original.horizon - 1;
    last = original;
    build();
    recompute();
  }

  /* For the browser test and the curious: the state, the last figures and
   * the time of the last run, and the variant as it would be saved. */
  var api = window.jzWerksessie = {
    ready: false, runs: 0, lastMs: NaN, result: null, lastError: null,
    variant: function () { return variantYaml(D.scenarios[cur]); },
    variantName: function () { return variantName(D.scenarios[cur]); },
    recompute: function () { return recompute(); }
  };

  var css = document.createElement('style');
  css.textContent =
    '#jz-werksessie{border-top:3px solid #b3541e;margin-top:2em;padding-top:.5em}' +
    '#jz-werksessie .ws-bar{display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin:.5em 0}' +
    '#jz-werksessie .ws-cols{display:flex;gap:1.5em;align-items:flex-start}' +
    '#jz-werksessie .ws-controls{flex:0 0 40%;max-width:40%}#jz-werksessie .ws-charts{flex:1;min-width:0}' +
    '#jz-werksessie .ws-row{display:grid;grid-template-columns:1fr 7.5em;gap:.1em .5em;margin:.4em 0}' +
    '#jz-werksessie .ws-label{grid-column:1/3;font-size:.9em}' +
    '#jz-werksessie .ws-bounds{grid-column:1/3;font-size:.75em;color:#666}' +
    '#jz-werksessie .ws-msg{grid-column:1/3;color:#a00;font-size:.85em}' +
    '#jz-werksessie .ws-bad{border:2px solid #a00}#jz-werksessie .ws-error{color:#a00;font-weight:bold}' +
    '#jz-werksessie .ws-measure{border-bottom:1px solid #ddd;padding:.2em 0}' +
    '#jz-werksessie .ws-real{margin-left:1.5em}#jz-werksessie .ws-status{color:#666;font-size:.85em}' +
    '#jz-werksessie .ws-sw{display:inline-block;width:1em;height:.7em}' +
    '#jz-werksessie .ws-now{background:#e08a4f}#jz-werksessie .ws-orig{border-top:2px dashed #333;height:0}' +
    '#jz-werksessie .ws-big{font-size:1.1em}' +
    '@media print{#jz-werksessie{display:none}}';
  document.head.appendChild(css);
  root.appendChild(h('p', 'note', L.loading));
  jzEngine().then(function (mod) {
    M = mod;
    /* "/twente/../enschede/basis.yaml" -> "/enschede/basis.yaml": the file
     * system resolves ".." only through folders that exist */
    function normal(p) {
      var out = [];
      p.split('/').forEach(function (seg) {
        if (seg === '..') out.pop();
        else if (seg && seg !== '.') out.push(seg);
      });
      return '/' + out.join('/');
    }
    D.files.forEach(function (f) {
      var p = normal(f.path);
      var d = p.slice(0, p.lastIndexOf('/'));
      if (d) M.FS.mkdirTree(d);
      M.FS.writeFile(p, f.text);
    });
    M.FS.chdir('/');
    start();
    api.ready = true;
  }).catch(function (e) {
    root.textContent = '';
    root.appendChild(h('p', 'ws-error', L.engine_error + ': ' + e));
    api.lastError = String(e);
  });
})();
