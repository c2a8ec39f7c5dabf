import ArgumentGraphAnalysis
import ArgumentGraphFormats
import ArgumentGraphModel
import ArgumentGraphText
extension HTMLExporter {
    /// The page's style sheet: a map beside the claim panel, lists below, and a print style that
    /// drops the controls and lets the map, the panel and the lists run down the pages.
    static let style = #"""
        :root { --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4d9; --soft: #f4f5f7; --focus: #1a5fb4;
                --support: #007A5A; --attack: #D55E00; --undercut: #AA4499; }
        * { box-sizing: border-box; }
        html { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); }
        body { margin: 0; background: #fff; }
        h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
        h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
        h3 { font-size: .95rem; margin: .9rem 0 .3rem; }
        code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
        button { font: inherit; cursor: pointer; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .4rem .6rem; z-index: 10; }
        .skip:focus { left: .5rem; }
        header { padding: .8rem 1rem .6rem; border-bottom: 1px solid var(--line); }
        #summary { margin: 0 0 .5rem; color: var(--muted); max-width: 75rem; }
        #summary.clamped { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; cursor: pointer; }
        #controls { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; }
        #controls label { display: inline-flex; gap: .35rem; align-items: center; font-size: .9rem; }
        #controls input, #controls select { font: inherit; font-size: .9rem; padding: .2rem .35rem; border: 1px solid #aab; border-radius: 4px; max-width: 16rem; }
        #search { width: 17rem; }
        #count { color: var(--muted); font-size: .9rem; }
        main#top { display: grid; grid-template-columns: minmax(0, 1fr) minmax(20rem, 27rem); height: 74vh; min-height: 26rem;
                   border-bottom: 1px solid var(--line); }
        #map-box { position: relative; min-width: 0; min-height: 0; overflow: hidden; background: #fcfcfd; }
        #map { position: absolute; inset: 0; overflow: hidden; cursor: grab; touch-action: none; }
        #map.dragging { cursor: grabbing; }
        #map svg { display: block; width: 100%; height: 100%; user-select: none; }
        #map g.node { cursor: pointer; }
        #map g.dim, #map g.edge.dim { opacity: .14; }
        #map g.node.sel path, #map g.node.sel polygon, #map g.node.sel ellipse { stroke: #000; stroke-width: 4px; }
        #map g.hl { opacity: 1; }
        #map g.hl path, #map g.hl polygon, #map g.hl ellipse { stroke-width: 3.5px; }
        #map g.node.hit path, #map g.node.hit polygon { stroke: var(--focus); stroke-width: 3px; }
        .toolbar { position: absolute; right: .6rem; top: .6rem; display: flex; gap: .25rem; z-index: 2; }
        .toolbar button { min-width: 2.1rem; padding: .15rem .5rem; border: 1px solid #aab; border-radius: 4px; background: #fff; }
        #map-missing { padding: 1.2rem 1.4rem; max-width: 46rem; }
        #map-missing p:first-child { border-left: 4px solid var(--attack); padding: .4rem .8rem; background: #fff6ef; }
        #panel { overflow: auto; padding: .8rem 1rem 1.5rem; border-left: 1px solid var(--line); }
        #panel .empty { color: var(--muted); }
        #panel h2 { font-size: 1.1rem; font-weight: 600; margin: .2rem 0 .5rem; }
        .kicker { margin: 0; color: var(--muted); font-size: .85rem; }
        .facts { margin: .3rem 0; font-size: .9rem; }
        .tag { border: 1px solid var(--line); background: var(--soft); border-radius: 3px; padding: 0 .35rem; margin: 0 .25rem .25rem 0; font-size: .8rem; }
        .lab { display: inline-block; border-radius: 3px; padding: 0 .35rem; font-size: .8rem; font-weight: 600; border: 1px solid; white-space: nowrap; }
        .lab-in { color: #00583f; border-color: #00583f; background: #e6f4ef; }
        .lab-out { color: #9c3d00; border-color: #9c3d00; background: #fdeee4; text-decoration: line-through; }
        .lab-undecided { color: #555; border-color: #777; background: #f1f1f1; border-style: dashed; }
        ul.stances, ul.rels, ul.points { list-style: none; padding: 0; margin: 0; }
        ul.stances > li { margin: .5rem 0; padding: .4rem .6rem; border-left: 3px solid var(--support); background: var(--soft); }
        ul.stances > li.denies { border-left: 3px dashed var(--attack); }
        .who { font-weight: 600; }
        .where { color: var(--muted); font-size: .88rem; }
        blockquote { margin: .35rem 0 .1rem; padding: 0 0 0 .7rem; border-left: 2px solid #aab; font-style: italic; }
        blockquote footer { font-style: normal; color: var(--muted); font-size: .8rem; }
        ul.rels > li, ul.points > li { margin: .25rem 0; }
        .rel-kind { font-size: .8rem; color: var(--muted); }
        .claimlink { border: 0; background: none; padding: 0; text-align: left; color: #174a82; text-decoration: underline dotted #8aa4c2; }
        .claimlink:hover { text-decoration: underline solid; }
        #claims, #agreement, #legend { padding: .9rem 1rem; border-bottom: 1px solid var(--line); }
        #claim-list { position: relative; margin: 0; padding: 0 0 0 3.2rem; max-height: 32rem; overflow: auto; }
        #claim-list li { break-inside: avoid; margin: 0 0 .2rem; }
        #claim-list li.dim { opacity: .4; }
        #claim-list li.sel > button { background: #e8f0fb; outline: 2px solid var(--focus); }
        #claim-list button { display: block; border: 0; background: none; text-align: left; padding: .1rem .25rem; width: 100%; border-radius: 3px; }
        #claim-list button:hover { background: var(--soft); }
        .swatch { display: inline-block; width: .8em; height: .8em; border: 1px solid #777; margin-right: .3em; vertical-align: -.05em; }
        #definition { color: var(--muted); font-size: .88rem; max-width: 60rem; }
        #heatmap { overflow: auto; max-width: 100%; }
        table.heat { border-collapse: collapse; font-size: .78rem; }
        table.heat th { font-weight: normal; white-space: nowrap; padding: 0 .3rem; }
        table.heat thead th { vertical-align: bottom; height: 9rem; }
        table.heat thead th span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; max-height: 9rem;
                                   overflow: hidden; text-overflow: ellipsis; }
        table.heat tbody th { text-align: right; max-width: 15rem; overflow: hidden; text-overflow: ellipsis; }
        table.heat td { padding: 0; border: 1px solid #fff; }
        table.heat td button { width: 2.7rem; height: 1.9rem; border: 0; font-size: .75rem; padding: 0; }
        table.heat td.diag { background: #e9e9e9; text-align: center; color: #999; }
        table.heat td button.open { outline: 3px solid #000; outline-offset: -3px; }
        #pair { margin-top: .8rem; max-width: 60rem; }
        ul.points > li { margin: .35rem 0; padding: .2rem .6rem; border-left: 3px solid var(--support); background: var(--soft); }
        ul.points.conflicts > li { border-left: 3px dashed var(--attack); }
        .point-kind { font-size: .75rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
        #pair h3 { font-size: 1rem; }
        .note { color: var(--muted); }
        .legend-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: .2rem 1.6rem; }
        .legend-grid ul { list-style: none; padding: 0; margin: 0; }
        .legend-grid li { margin: .25rem 0; display: flex; gap: .5rem; align-items: center; }
        .legend-grid svg { flex: none; }
        dl.keys { display: grid; grid-template-columns: auto 1fr; gap: .15rem .7rem; margin: 0; font-size: .9rem; }
        dl.keys dt { font-family: ui-monospace, Menlo, Consolas, monospace; }
        dl.keys dd { margin: 0; }
        kbd { font: .85em ui-monospace, Menlo, Consolas, monospace; border: 1px solid #bbb; border-radius: 3px; padding: 0 .25rem; }
        @media (max-width: 900px) {
          main#top { grid-template-columns: 1fr; height: auto; }
          #map-box { height: 60vh; }
          #panel { border-left: 0; border-top: 1px solid var(--line); }
        }
        @media print {
          html { font-size: 10.5pt; }
          .skip, #controls, .toolbar, noscript { display: none !important; }
          header { border: 0; padding: 0 0 .4rem; }
          main#top { display: block; height: auto; border: 0; }
          #map-box, #map { position: static; height: auto; overflow: visible; background: none; }
          #map svg { height: auto; max-height: 24cm; }
          #panel { border: 0; padding: .4rem 0; overflow: visible; }
          #panel .empty { display: none; }
          #claim-list { max-height: none; overflow: visible; }
          #summary.clamped { display: block; }
          #claims, #agreement, #legend { padding: .5rem 0; border: 0; break-before: page; }
          .claimlink { color: inherit; }
          table.heat td button { color: #000 !important; }
          a[href]::after { content: " (" attr(href) ")"; font-size: .8em; }
          a.skip::after { content: none; }
        }
        """#

    /// The legend: shapes, line styles and label symbols drawn as well as named, so none depends on
    /// colour; the script adds the map's fills (actor names) from the data.
    static let legendHTML = #"""
        <section id="legend" aria-labelledby="legend-h"><h2 id="legend-h">Legend</h2><div class="legend-grid">
        <div><h3>Claims: the shape says the kind</h3><ul>
        <li><svg width="46" height="24" aria-hidden="true"><rect x="2" y="3" width="42" height="18" rx="6" fill="#fff" stroke="#555"/></svg>rounded box: a claim (a position)</li>
        <li><svg width="46" height="24" aria-hidden="true"><path d="M2 3 H36 L44 11 V21 H2 Z M36 3 V11 H44" fill="#fff" stroke="#555"/></svg>note with a folded corner: evidence</li>
        <li><svg width="46" height="24" aria-hidden="true"><polygon points="9,3 37,3 44,12 37,21 9,21 2,12" fill="#fff" stroke="#555"/></svg>hexagon: a proposal</li>
        </ul></div>
        <div><h3>Relations: the line style says the kind</h3><ul>
        <li><svg width="46" height="24" aria-hidden="true"><line x1="2" y1="12" x2="36" y2="12" stroke="#007A5A" stroke-width="2"/><polygon points="36,7 45,12 36,17" fill="#007A5A"/></svg>solid line with an arrowhead: supports</li>
        <li><svg width="46" height="24" aria-hidden="true"><line x1="2" y1="12" x2="42" y2="12" stroke="#D55E00" stroke-width="2" stroke-dasharray="6 4"/><line x1="43" y1="5" x2="43" y2="19" stroke="#D55E00" stroke-width="2.5"/></svg>dashed line ending in a bar (⊣): attacks</li>
        <li><svg width="46" height="24" aria-hidden="true"><line x1="2" y1="20" x2="41" y2="20" stroke="#555"/><circle cx="41" cy="20" r="2.5" fill="#AA4499"/><line x1="10" y1="3" x2="38" y2="16" stroke="#AA4499" stroke-width="2" stroke-dasharray="1.5 3"/><line x1="35" y1="19" x2="41" y2="13" stroke="#AA4499" stroke-width="2.5"/></svg>dotted line with a bar, aimed at a dot on another line: undercuts that link</li>
        <li><svg width="46" height="24" aria-hidden="true"><line x1="2" y1="12" x2="44" y2="12" stroke="#555" stroke-width="1"/><text x="16" y="9" font-size="9" fill="#555">0.5</text></svg>a thinner line with a number: a weight below 1</li>
        </ul></div>
        <div><h3>Fill: the first actor who asserts it</h3><ul id="legend-fills"></ul>
        <p class="note">The fill is a help only: select a claim to read every actor who asserts or denies it.</p></div>
        <div><h3>Label and strength</h3><ul>
        <li><span class="lab lab-in">✓ in</span>accepted (grounded semantics): every attacker is out</li>
        <li><span class="lab lab-out">✗ out</span>rejected: some attacker is in</li>
        <li><span class="lab lab-undecided">? undecided</span>neither, as in an unresolved cycle of attacks</li>
        <li><span class="lab">0.73</span>strength (DF-QuAD), 0 to 1, from the actors' credibility and the supports and attacks</li>
        </ul></div>
        <div><h3>Heat map</h3><ul>
        <li><span class="lab">+0.50</span>the agreement index of two actors, written in the cell: −1 only conflict, +1 only agreement (blue), below 0 red</li>
        <li><span class="lab">·</span>the two positions do not meet</li>
        </ul></div>
        <div><h3>Keys</h3><dl class="keys">
        <dt><kbd>/</kbd></dt><dd>search claim texts and quotes (Enter selects the first match)</dd>
        <dt><kbd>j</kbd> <kbd>k</kbd></dt><dd>select the next or previous claim that matches the filters</dd>
        <dt><kbd>↑</kbd> <kbd>↓</kbd></dt><dd>move through the list of claims, or the heat map's cells (with <kbd>←</kbd> <kbd>→</kbd>)</dd>
        <dt><kbd>+</kbd> <kbd>−</kbd> <kbd>0</kbd></dt><dd>zoom the map in, out, to fit; arrows pan it when it has the focus</dd>
        <dt><kbd>Esc</kbd></dt><dd>close the claim, or clear the search</dd>
        </dl></div>
        </div></section>
        """#
}
