import ArgumentGraphAnalysis
import ArgumentGraphFormats
import ArgumentGraphModel
import ArgumentGraphText
extension HTMLExporter {
    /// The page's script, first part: reads the JSON island, renders the list of claims, the filters,
    /// the search and the claim panel, and handles the keys. Every text from the data goes into the
    /// page as a DOM text node or attribute value (`el` below), never through `innerHTML`.
    /// ``mapScript`` follows it in the same function scope; `init()` runs both.
    static let script = #"""
        const D = JSON.parse(document.getElementById('argraph-data').textContent);
        const N = D.claims.length;
        const $ = (id) => document.getElementById(id);

        /** An element with attributes and children; strings become text nodes, never markup. */
        function el(tag, attrs, ...kids) {
          const e = document.createElement(tag);
          for (const k in attrs || {}) {
            const v = attrs[k];
            if (v == null || v === false) continue;
            if (k === 'class') e.className = v;
            else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
            else e.setAttribute(k, String(v));
          }
          for (const k of kids) if (k != null && k !== false) e.append(k);
          return e;
        }

        // Indexes: stances by claim, relations by end (a linked relation under each of its premises), undercuts by
        // the relation they undercut.
        const stancesOf = D.claims.map(() => []);
        D.stances.forEach((s) => stancesOf[s.claim].push(s));
        /** The premises of a relation: a linked relation's premises hold only together. */
        const premisesOf = (x) => x.premises || [x.source];
        const relsFrom = D.claims.map(() => []), relsTo = D.claims.map(() => []), undercutsOf = D.relations.map(() => []);
        D.relations.forEach((r, i) => {
          for (const p of new Set(premisesOf(r))) relsFrom[p].push(i);
          if (r.targetClaim != null) relsTo[r.targetClaim].push(i);
          else if (r.targetRelation != null) undercutsOf[r.targetRelation].push(i);
        });

        /** The claim a relation finally points at, through undercuts of undercuts. */
        function finalTarget(r) {
          for (let k = 0; k < 1000; k++) {
            const x = D.relations[r];
            if (x.targetClaim != null) return x.targetClaim;
            if (x.targetRelation == null) return x.source;
            r = x.targetRelation;
          }
          return D.relations[r].source;
        }

        const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
        const haystack = D.claims.map((c, i) =>
          fold([c.id, c.text].concat(stancesOf[i].flatMap((s) => s.quotes.map((q) => q.text))).join('\n')));
        const kindNames = { claim: 'Claim', evidence: 'Evidence', proposal: 'Proposal' };
        const labelText = { in: '✓ in', out: '✗ out', undecided: '? undecided' };
        const labelBadge = (l) => l ? el('span', { class: 'lab lab-' + l, title: 'grounded label' }, labelText[l] || l) : null;
        const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
        function short(text, n) {
          const chars = Array.from(text);
          return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : text;
        }

        // The list of claims, with a roving tab stop: arrows move, Enter or Space selects.
        const items = [];
        let roving = 0;
        function renderList() {
          const ol = $('claim-list'), frag = document.createDocumentFragment();
          D.claims.forEach((c, i) => {
            const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
            swatch.style.background = c.fill;
            const b = el('button', { type: 'button', 'data-c': i, tabindex: i === 0 ? '0' : '-1' }, swatch, labelBadge(c.label), ' ',
              el('code', null, c.id), ' ', c.text, c.kind !== 'claim' ? el('span', { class: 'rel-kind' }, ' · ' + c.kind) : null);
            const li = el('li', { id: 'claim-' + i }, b);
            items.push(li);
            frag.append(li);
          });
          ol.append(frag);
          ol.addEventListener('click', (e) => {
            const b = e.target.closest('button[data-c]');
            if (b) select(+b.getAttribute('data-c'), 'list');
          });
          ol.addEventListener('keydown', (e) => {
            const b = e.target.closest('button[data-c]');
            if (!b) return;
            const i = +b.getAttribute('data-c');
            const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: N - 1 }[e.key];
            if (next == null || next < 0 || next >= N) return;
            e.preventDefault();
            focusItem(next);
          });
        }
        function focusItem(i) {
          if (!items[i]) return;
          items[roving].firstChild.tabIndex = -1;
          roving = i;
          const b = items[i].firstChild;
          b.tabIndex = 0;
          b.focus({ preventScroll: true });
          scrollListTo(i);
        }
        function scrollListTo(i) {
          const ol = $('claim-list'), li = items[i];
          if (li.offsetTop < ol.scrollTop || li.offsetTop + li.offsetHeight > ol.scrollTop + ol.clientHeight) {
            ol.scrollTop = li.offsetTop - ol.clientHeight / 3;
          }
        }

        // Filters by actor, document and tag, and the search: claims that do not match are dimmed.
        const fa = $('f-actor'), fd = $('f-doc'), ft = $('f-tag'), search = $('search');
        const dim = new Uint8Array(N);
        function fillFilters() {
          const claimsOf = D.actors.map(() => new Set()), inDoc = D.documents.map(() => new Set()), tags = new Map();
          for (const s of D.stances) {
            claimsOf[s.actor].add(s.claim);
            if (s.document != null) inDoc[s.document].add(s.claim);
          }
          for (const c of D.claims) for (const t of c.tags) tags.set(t, (tags.get(t) || 0) + 1);
          D.actors.forEach((a, i) => fa.append(el('option', { value: i }, a.name + ' (' + claimsOf[i].size + ')')));
          D.documents.forEach((d, i) => fd.append(el('option', { value: i, title: d.title },
            short(d.title, 60) + (d.date ? ' (' + d.date + ')' : '') + ' (' + inDoc[i].size + ')')));
          Array.from(tags.keys()).sort().forEach((t) => ft.append(el('option', { value: t }, t + ' (' + tags.get(t) + ')')));
          for (const x of [fa, fd, ft]) x.addEventListener('change', applyFilters);
          let timer = 0;
          search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(applyFilters, N > 2000 ? 150 : 30); });
          $('clear').addEventListener('click', () => { fa.value = '-1'; fd.value = '-1'; ft.value = ''; search.value = ''; applyFilters(); });
        }
        function applyFilters() {
          const a = +fa.value, d = +fd.value, t = ft.value, q = fold(search.value.trim());
          const active = a >= 0 || d >= 0 || t !== '' || q !== '';
          let n = 0;
          for (let c = 0; c < N; c++) {
            const ss = stancesOf[c];
            const ok = (a < 0 || ss.some((s) => s.actor === a)) && (d < 0 || ss.some((s) => s.document === d))
              && (t === '' || D.claims[c].tags.includes(t)) && (q === '' || haystack[c].includes(q));
            dim[c] = ok ? 0 : 1;
            if (ok) n++;
            items[c].classList.toggle('dim', !ok);
            if (nodes[c]) nodes[c].classList.toggle('dim', !ok);
          }
          for (const e of edges) e.el.classList.toggle('dim', active && e.ends.some((c) => dim[c] === 1));
          $('count').textContent = active ? n + ' of ' + plural(N, 'claim') + ' match' : '';
        }
        function firstMatch() {
          for (let c = 0; c < N; c++) if (!dim[c]) return c;
          return -1;
        }
        function step(dir) {
          const start = sel < 0 ? (dir > 0 ? N - 1 : 0) : sel;
          for (let k = 1; k <= N; k++) {
            const c = ((start + dir * k) % N + N) % N;
            if (!dim[c]) { select(c, 'key'); return; }
          }
        }

        // Selection: the list item, the map node and the panel.
        let sel = -1;
        function select(c, how) {
          if (sel >= 0) {
            items[sel].classList.remove('sel');
            if (nodes[sel]) nodes[sel].classList.remove('sel');
          }
          sel = c;
          try { history.replaceState(null, '', c < 0 ? location.pathname : '#claim=' + encodeURIComponent(D.claims[c].id)); } catch (e) { /* some file: URLs refuse */ }
          if (c < 0) { $('panel').replaceChildren(el('p', { class: 'empty' }, 'Select a claim on the map or in the list.')); return; }
          items[c].classList.add('sel');
          if (nodes[c]) nodes[c].classList.add('sel');
          renderPanel(c);
          if (how !== 'map') centreOn(c);
          if (how !== 'list') scrollListTo(c);
          if (how === 'link') {
            const r = $('panel').getBoundingClientRect();
            if (r.top < 0 || r.top > innerHeight - 80) $('top').scrollIntoView();
          }
        }
        function claimLink(i) {
          const C = D.claims[i];
          return el('button', { type: 'button', class: 'claimlink', title: C.text, onclick: () => select(i, 'link') },
            el('code', null, C.id), ' ', short(C.text, 90));
        }

        // The claim panel: what the claim says, who holds it where, and its relations.
        function renderPanel(c) {
          const C = D.claims[c], kids = [];
          kids.push(el('p', { class: 'kicker' }, (kindNames[C.kind] || C.kind) + ' ', el('code', null, C.id)));
          kids.push(el('h2', { id: 'panel-title' }, C.text));
          kids.push(el('p', { class: 'facts' }, labelBadge(C.label), C.label ? ' grounded' : '',
            C.strength != null ? ' · strength ' + C.strength.toFixed(2) + ' (DF-QuAD)' : ''));
          if (C.tags.length) {
            kids.push(el('p', { class: 'facts' }, 'Tags: ', ...C.tags.map((t) => el('button', { type: 'button', class: 'tag',
              title: 'Show only the claims tagged ' + t, onclick: () => { ft.value = t; applyFilters(); } }, '#' + t))));
          }
          kids.push(el('h3', null, 'Who holds it'));
          const ss = stancesOf[c];
          kids.push(ss.length ? el('ul', { class: 'stances' }, ...ss.map(stanceItem)) : el('p', { class: 'note' }, 'No actor asserts or denies it.'));
          const rel = (r) => D.relations[r];
          const together = (r) => rel(r).premises ? [', together'] : [];
          const groups = [
            ['Supported by', relsTo[c].filter((r) => rel(r).kind === 'support'), (r) => premiseLinks(r).concat(together(r))],
            ['Attacked by', relsTo[c].filter((r) => rel(r).kind !== 'support'), (r) => premiseLinks(r).concat(together(r))],
            ['Supports', relsFrom[c].filter((r) => rel(r).targetClaim != null && rel(r).kind === 'support'),
              (r) => [claimLink(rel(r).targetClaim)].concat(partners(r, c))],
            ['Attacks', relsFrom[c].filter((r) => rel(r).targetClaim != null && rel(r).kind !== 'support'),
              (r) => [claimLink(rel(r).targetClaim)].concat(partners(r, c))],
            ['Undercuts', relsFrom[c].filter((r) => rel(r).targetRelation != null),
              (r) => ['the link '].concat(linkText(rel(r).targetRelation), partners(r, c, ', together with '))],
            ['Its links undercut', relsTo[c].concat(relsFrom[c]).flatMap((r) => undercutsOf[r].map((u) => [u, r])),
              ([u, r]) => premiseLinks(u).concat(rel(u).premises ? ' together undercut ' : ' undercuts ', linkText(r))],
          ];
          let any = false;
          for (const [title, list, describe] of groups) {
            if (!list.length) continue;
            any = true;
            kids.push(el('h3', null, title), el('ul', { class: 'rels' }, ...list.map((x) => {
              const r = Array.isArray(x) ? x[0] : x;
              return el('li', { 'data-r': r }, ...describe(x), ...relationFacts(rel(r)));
            })));
          }
          if (!any) kids.push(el('h3', null, 'Relations'), el('p', { class: 'note' }, 'No relation touches it.'));
          kids.push(el('p', null, el('button', { type: 'button', class: 'claimlink', onclick: () => select(-1) }, 'Close (Esc)')));
          const p = $('panel');
          p.replaceChildren(...kids);
          p.scrollTop = 0;
        }
        /** Links to the premises of relation `r`, joined by ' + '. */
        function premiseLinks(r) {
          return premisesOf(D.relations[r]).flatMap((p, k) => k ? [' + ', claimLink(p)] : [claimLink(p)]);
        }
        /** `lead` and links to the premises of a linked relation `r` other than `c` ("together with b and d");
         *  nothing for a plain relation. */
        function partners(r, c, lead = ' together with ') {
          const all = D.relations[r].premises;
          if (!all) return [];
          const others = all.filter((p) => p !== c);
          return [lead].concat(others.flatMap((p, k) => k ? [k === others.length - 1 ? ' and ' : ', ', claimLink(p)] : [claimLink(p)]));
        }
        function linkText(r) {
          const x = D.relations[r];
          const to = x.targetClaim != null ? [claimLink(x.targetClaim)] : ['another link'];
          return premiseLinks(r).concat(x.kind === 'support' ? ' → ' : ' ⊣ ', to);
        }
        function relationFacts(r) {
          const facts = [];
          if (r.weight < 1) facts.push('weight ' + r.weight);
          if (r.actor != null) facts.push('drawn by ' + D.actors[r.actor].name);
          if (r.note) facts.push(r.note);
          return facts.length ? [el('span', { class: 'rel-kind' }, ' — ' + facts.join('; '))] : [];
        }
        function stanceItem(s) {
          const a = D.actors[s.actor], d = s.document != null ? D.documents[s.document] : null;
          const where = [];
          if (d) {
            const meta = [d.publisher, d.date].filter(Boolean).join(', ');
            const title = /^https?:\/\//i.test(d.url || '') ? el('a', { href: d.url, rel: 'noreferrer' }, el('cite', null, d.title)) : el('cite', null, d.title);
            where.push(' in ', title, meta ? ' (' + meta + ')' : '');
          }
          const about = [a.role, a.affiliation].filter(Boolean).join(', ');
          return el('li', { class: s.denies ? 'denies' : 'asserts' },
            el('span', { class: 'who', title: about || null }, a.name), s.denies ? ' denies it' : ' asserts it',
            el('span', { class: 'where' }, ...where),
            ...s.quotes.map((q) => el('blockquote', null, '“' + q.text + '”', q.location ? el('footer', null, q.location) : null)));
        }

        // Keys: / search, j and k step, Esc closes, + − 0 zoom.
        document.addEventListener('keydown', (e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          const t = e.target;
          if (t.matches && t.matches('input, select, textarea')) {
            if (t === search && e.key === 'Escape') { search.value = ''; applyFilters(); }
            if (t === search && e.key === 'Enter') {
              applyFilters();
              const c = firstMatch();
              if (c >= 0) { e.preventDefault(); select(c, 'key'); }
            }
            return;
          }
          switch (e.key) {
            case '/': e.preventDefault(); search.focus(); search.select(); break;
            case 'j': step(1); break;
            case 'k': step(-1); break;
            case 'Escape': select(-1); break;
            case '+': case '=': zoomBy(1 / 1.25); break;
            case '-': case '−': zoomBy(1.25); break;
            case '0': fit(); break;
            default: return;
          }
        });
        """#
}
