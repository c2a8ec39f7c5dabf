import ArgumentGraphAnalysis
import ArgumentGraphFormats
import ArgumentGraphModel
import ArgumentGraphText
extension HTMLExporter {
    /// The page's script, second part: the map (claims and relations found by the ids ``DOTExporter``
    /// gives them, zoom and pan by changing the SVG's viewBox), the agreement heat map and the pair
    /// it opens, the legend's fills, and `init()`.
    static let mapScript = #"""
        // The map: nodes by claim, edges with the claims at their ends, zoom and pan.
        const svg = document.querySelector('#map svg');
        const nodes = new Array(N).fill(null);
        /** The map's edges and relation points, each with the claims of its relation (premises and final target). */
        const edges = [];
        /** The edges and points of each relation: a linked relation's premise edges, junction and edge to its target. */
        const partsOf = D.relations.map(() => []);
        let vb0 = null, vb = null;
        const setVB = () => svg.setAttribute('viewBox', vb.join(' '));
        function toSvg(cx, cy) {
          const m = svg.getScreenCTM();
          return m ? new DOMPoint(cx, cy).matrixTransform(m.inverse()) : { x: vb[0] + vb[2] / 2, y: vb[1] + vb[3] / 2 };
        }
        /** SVG units per screen pixel (the viewBox is fitted inside the box). */
        function unit() {
          const r = $('map').getBoundingClientRect();
          return Math.max(vb[2] / Math.max(1, r.width), vb[3] / Math.max(1, r.height));
        }
        function zoomAt(f, cx, cy) {
          if (!vb) return;
          f = Math.min(Math.max(f, vb0[2] / 80 / vb[2]), vb0[2] * 3 / vb[2]);
          const p = toSvg(cx, cy);
          vb = [p.x - (p.x - vb[0]) * f, p.y - (p.y - vb[1]) * f, vb[2] * f, vb[3] * f];
          setVB();
        }
        function zoomBy(f) {
          if (!vb) return;
          const r = $('map').getBoundingClientRect();
          zoomAt(f, r.left + r.width / 2, r.top + r.height / 2);
        }
        function fit() { if (vb) { vb = vb0.slice(); setVB(); } }
        /** Centres the map on a claim, zooming in until its text can be read. */
        function centreOn(c) {
          const g = nodes[c];
          if (!g || !vb) return;
          const r = g.getBoundingClientRect(), p = toSvg(r.left + r.width / 2, r.top + r.height / 2);
          const f = Math.min(1, 1.4 / unit());
          vb = [p.x - vb[2] * f / 2, p.y - vb[3] * f / 2, vb[2] * f, vb[3] * f];
          setVB();
        }
        function initMap() {
          if (!svg) { $('map-note').textContent = D.mapNote || 'There is no map.'; return; }
          for (const g of svg.querySelectorAll('g.node[id^="ag-c"]')) {
            const i = parseInt(g.id.slice(4), 10);
            if (i >= 0 && i < N) { nodes[i] = g; g.setAttribute('data-c', i); }
          }
          for (const g of svg.querySelectorAll('g.edge[id^="ag-r"], g.node[id^="ag-p"]')) {
            const r = parseInt(g.id.slice(4), 10);
            if (!D.relations[r]) continue;
            edges.push({ el: g, ends: premisesOf(D.relations[r]).concat(finalTarget(r)) });
            partsOf[r].push(g);
            g.setAttribute('data-r', r);
          }
          const v = svg.viewBox.baseVal;
          vb0 = [v.x, v.y, v.width, v.height];
          vb = vb0.slice();
          svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
          const box = $('map');
          let drag = null, moved = false;
          box.addEventListener('pointerdown', (e) => {
            if (e.button === 0) { drag = { x: e.clientX, y: e.clientY, vb: vb.slice(), id: e.pointerId }; moved = false; }
          });
          box.addEventListener('pointermove', (e) => {
            if (!drag) return;
            const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
            if (!moved && Math.hypot(dx, dy) < 4) return;
            if (!moved) { moved = true; box.setPointerCapture(drag.id); box.classList.add('dragging'); }
            const s = unit();
            vb[0] = drag.vb[0] - dx * s;
            vb[1] = drag.vb[1] - dy * s;
            setVB();
          });
          const end = () => { drag = null; box.classList.remove('dragging'); };
          box.addEventListener('pointerup', end);
          box.addEventListener('pointercancel', end);
          box.addEventListener('click', (e) => {
            if (moved) { moved = false; return; }
            const g = e.target.closest('g.node[data-c]');
            if (g) select(+g.getAttribute('data-c'), 'map');
          });
          // Pointing at a part of a relation on the map, or at a relation in the panel, marks all of its parts.
          const mark = (e, on) => {
            const g = e.target.closest && e.target.closest('[data-r]');
            if (g) for (const x of partsOf[+g.getAttribute('data-r')]) x.classList.toggle('hl', on);
          };
          for (const x of [box, $('panel')]) {
            x.addEventListener('pointerover', (e) => mark(e, true));
            x.addEventListener('pointerout', (e) => mark(e, false));
            x.addEventListener('focusin', (e) => mark(e, true));
            x.addEventListener('focusout', (e) => mark(e, false));
          }
          box.addEventListener('wheel', (e) => {
            e.preventDefault();
            zoomAt(Math.exp(e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX, e.clientY);
          }, { passive: false });
          box.addEventListener('keydown', (e) => {
            const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
            if (!d) return;
            e.preventDefault();
            vb[0] += d[0] * vb[2] * 0.1;
            vb[1] += d[1] * vb[3] * 0.1;
            setVB();
          });
          for (const b of document.querySelectorAll('[data-zoom]')) {
            b.addEventListener('click', () => ({ in: () => zoomBy(1 / 1.25), out: () => zoomBy(1.25), fit })[b.getAttribute('data-zoom')]());
          }
          addEventListener('beforeprint', fit);
        }

        // The agreement heat map: one button per pair, opening the pair's common ground and conflicts.
        const signed = (x) => (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(2);
        function renderMatrix() {
          $('definition').textContent = D.definition;
          const M = D.matrix, box = $('heatmap');
          if (!M) { box.append(el('p', { class: 'note' }, D.matrixNote || '')); return; }
          const n = M.members.length, name = (i) => D.actors[M.members[i]].name;
          const pairs = new Map(D.pairs.map((p) => [p.i * n + p.j, p]));
          function cell(i, j) {
            if (i === j) return el('td', { class: 'diag' }, '—');
            const x = M.index[i][j], ag = M.agreements[i][j], co = M.conflicts[i][j], contact = ag + co > 0;
            const label = name(i) + ' × ' + name(j) + ': '
              + (contact ? 'index ' + signed(x) + ', ' + plural(ag, 'agreement') + ', ' + plural(co, 'conflict') : 'no contact');
            const b = el('button', { type: 'button', 'data-i': i, 'data-j': j, 'aria-label': label, title: label }, contact ? signed(x) : '·');
            b.style.background = contact ? M.ramp[Math.round((Math.max(-1, Math.min(1, x)) + 1) * 10)] : M.noContact;
            if (contact && Math.abs(x) > 0.6) b.style.color = '#fff';
            return el('td', null, b);
          }
          const table = el('table', { class: 'heat' },
            el('caption', { class: 'note' }, 'Agreement index of each pair of actors; select a cell to read where they agree and conflict.'),
            el('thead', null, el('tr', null, el('td'), ...M.members.map((a, j) => el('th', { scope: 'col', title: name(j) }, el('span', null, name(j)))))),
            el('tbody', null, ...M.members.map((a, i) =>
              el('tr', null, el('th', { scope: 'row', title: name(i) }, name(i)), ...M.members.map((b, j) => cell(i, j))))));
          table.addEventListener('click', (e) => {
            const b = e.target.closest('button[data-i]');
            if (b) openPair(+b.getAttribute('data-i'), +b.getAttribute('data-j'));
          });
          table.addEventListener('keydown', (e) => {
            const b = e.target.closest('button[data-i]');
            const d = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[e.key];
            if (!b || !d) return;
            let i = +b.getAttribute('data-i') + d[0], j = +b.getAttribute('data-j') + d[1];
            if (i === j) { i += d[0]; j += d[1]; }
            const next = table.querySelector('button[data-i="' + i + '"][data-j="' + j + '"]');
            if (next) { e.preventDefault(); next.focus(); }
          });
          box.append(table);

          function openPair(i, j) {
            const a = Math.min(i, j), c = Math.max(i, j), p = pairs.get(a * n + c);
            for (const x of table.querySelectorAll('button.open')) x.classList.remove('open');
            for (const x of table.querySelectorAll('button[data-i="' + a + '"][data-j="' + c + '"], button[data-i="' + c + '"][data-j="' + a + '"]')) x.classList.add('open');
            const na = name(a), nc = name(c), ag = M.agreements[a][c], co = M.conflicts[a][c];
            const kids = [el('h3', null, na + ' × ' + nc)];
            kids.push(el('p', null, ag + co === 0 ? 'Their positions do not meet: no claim, and no relation between their claims, in common.'
              : 'Agreement index ' + signed(M.index[a][c]) + ': ' + plural(ag, 'point') + ' of agreement, ' + co + ' of conflict.'));
            if (p) {
              kids.push(el('h4', null, 'Common ground'), points(p.agreements, na, nc));
              const conflicts = points(p.conflicts, na, nc);
              conflicts.classList.add('conflicts');
              kids.push(el('h4', null, 'Conflicts'), conflicts);
            }
            const out = $('pair');
            out.setAttribute('data-pair', M.members[a] + '-' + M.members[c]);
            out.replaceChildren(...kids);
          }
          function points(list, na, nb) {
            if (!list.length) return el('p', { class: 'note' }, 'None.');
            return el('ul', { class: 'points' }, ...list.map((pt) =>
              el('li', null, el('span', { class: 'point-kind' }, String(D.pointKinds[pt[0]])), ' ', ...describe(pt, na, nb))));
          }
          function describe([k, claim, other, rel, side], na, nb) {
            const who = side === 0 ? na : nb, whom = side === 0 ? nb : na;
            const w = rel >= 0 ? partners(rel, claim, ', together with ') : [];
            const by = (verb) => w.length ? [...w, ',' + verb] : [verb];
            switch (D.pointKinds[k]) {
              case 'both assert': return ['Both assert ', claimLink(claim)];
              case 'both deny': return ['Both deny ', claimLink(claim)];
              case 'contradicts': return [who + ' asserts and ' + whom + ' denies ', claimLink(claim)];
              case 'supports': return [claimLink(claim), ' (' + who + ')', ...by(' supports '), claimLink(other), ' (' + whom + ')'];
              case 'attacks': return [claimLink(claim), ' (' + who + ')', ...by(' attacks '), claimLink(other), ' (' + whom + ')'];
              case 'undercuts': return [claimLink(claim), ' (' + who + ')', ...by(' undercuts a link from '), claimLink(other), ' (' + whom + ')'];
              default: return [String(D.pointKinds[k]) + ': ', claimLink(claim)];
            }
          }
        }

        function init() {
          const summary = $('summary');
          summary.append(plural(N, 'claim') + ', ' + plural(D.actors.length, 'actor') + ', ' + plural(D.documents.length, 'document') + ', '
            + plural(D.relations.length, 'relation') + '.' + (D.description ? ' ' + D.description : ''));
          if (D.description) {
            summary.className = 'clamped';
            summary.title = 'Click to read it all';
            summary.tabIndex = 0;
            summary.setAttribute('role', 'button');
            summary.setAttribute('aria-expanded', 'false');
            const toggle = () => summary.setAttribute('aria-expanded', String(!summary.classList.toggle('clamped')));
            summary.addEventListener('click', toggle);
            summary.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
          }
          renderList();
          fillFilters();
          initMap();
          renderMatrix();
          $('legend-fills').append(...D.legend.map((row) => {
            const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
            s.style.background = row.fill;
            return el('li', null, s, row.meaning);
          }));
          applyFilters();
          const m = /^#claim=(.*)$/.exec(location.hash);
          if (m) {
            let id = null;
            try { id = decodeURIComponent(m[1]); } catch (e) { /* not a claim link */ }
            const i = D.claims.findIndex((c) => c.id === id);
            if (i >= 0) select(i, 'hash');
          }
          document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
        }
        """#
}
