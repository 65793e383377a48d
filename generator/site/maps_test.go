package site_test

import (
	"context"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"minhbach/generator/internal/browser"
)

// mapsSite is the build of testdata/maps, shared by the tests of maps: the
// merger fixture with boundaries (invented squares), regions matched by
// code and local authorities by geocode, Sutton a square with a hole that
// Merton fills and an islet.
var mapsSite = &sharedBuild{data: filepath.Join("testdata", "maps")}

func mapsBuild(t *testing.T) string { return mapsSite.site(t) }

// TestMapsOnPagesWithBoundaries checks where maps appear: on the indicator
// page one per depth of the territory with boundaries (regions, local
// authorities), each with its legend, summary and data table, and an
// embed; on a unit page the unit within its parent, highlighted, which
// links to the one embed page of its parent's map with the unit in the
// address (no embed of its own); the top unit has none; and the sample,
// without boundaries, has no map and never loads the map script.
func TestMapsOnPagesWithBoundaries(t *testing.T) {
	out := mapsBuild(t)
	ind := readPage(t, out, "en/indicators/online_rate/index.html")
	maps := regexp.MustCompile(`<figure class="chart" id="(online_rate-map-\d)"`).FindAllStringSubmatch(ind, -1)
	if len(maps) != 2 {
		t.Fatalf("%d maps on the indicator page, want 2 (regions, local authorities)", len(maps))
	}
	for _, want := range []string{`<svg xmlns="http://www.w3.org/2000/svg" class="map"`, `<div class="map-legend"><p class="map-legend-title">Key</p>`,
		`data-unit="merton"`, `data-unit="london"`, `<path class="nd" fill="url(#`, "Regions", "Local authorities",
		`<p class="map-keys" id="online_rate-map-2-keys" hidden>`, `<select id="online_rate-map-2-period">`, "/js/bundled/maps."} {
		if !strings.Contains(ind, want) {
			t.Errorf("the indicator page lacks %q", want)
		}
	}
	// Allerdale and Copeland ended: they are not on the latest map.
	if strings.Contains(ind, `data-unit="allerdale"`) {
		t.Error("an ended unit is on the map")
	}
	for _, id := range maps {
		// An embed of a map loads the map script, or its live map is blank.
		if html := readPage(t, out, "en/embed/"+id[1]+"/index.html"); !strings.Contains(html, "/js/bundled/maps.") {
			t.Errorf("the embed of %s does not load the map script", id[1])
		}
	}
	merton := readPage(t, out, "en/units/merton/index.html")
	if !strings.Contains(merton, `<figure class="chart" id="merton-map"`) || !strings.Contains(merton, `<path class="hl"`) || !strings.Contains(merton, "Merton within London") {
		t.Error("Merton's page has no map of Merton within London, highlighted")
	}
	// Each parent's map has one embed, which its units' maps link to, and
	// a unit's map none of its own.
	entries, err := os.ReadDir(filepath.Join(out, "en", "embed"))
	if err != nil {
		t.Fatal(err)
	}
	var within []string
	for _, e := range entries {
		if strings.Contains(e.Name(), "-map-in-") {
			within = append(within, e.Name())
		}
		if e.Name() == "merton-map" || e.Name() == "london-map" {
			t.Errorf("a unit's map has an embed of its own: %s", e.Name())
		}
	}
	if want := []string{"online_rate-map-in-london", "online_rate-map-in-north-west", "online_rate-map-in-uk"}; !slices.Equal(within, want) {
		t.Errorf("embeds of parents' maps %q, want %q", within, want)
	}
	for unit, link := range map[string]string{"merton": "online_rate-map-in-london/#unit=merton", "sutton": "online_rate-map-in-london/#unit=sutton",
		"london": "online_rate-map-in-uk/#unit=london", "cumberland": "online_rate-map-in-north-west/#unit=cumberland"} {
		if html := readPage(t, out, "en/units/"+unit+"/index.html"); !strings.Contains(html, `<p class="chart-embed"><a href="/en/embed/`+link+`">Embed this map on another site</a></p>`) {
			t.Errorf("%s's map does not link to its embed %s", unit, link)
		}
	}
	if strings.Contains(ind, `class="chart-embed"`) {
		t.Error("an indicator page's map links to an embed other than its own")
	}
	embed := readPage(t, out, "en/embed/online_rate-map-in-london/index.html")
	for _, want := range []string{"<h1>Local authorities of London — Online rate, Q2 2021</h1>",
		`<p class="chart-summary">Highest: Merton (70.0%); lowest: Merton (70.0%); 1 of 2 units have a figure.</p>`,
		`<a href="/en/units/merton/">Merton</a></th><td class="num">70.0%</td>`, `<a href="/en/units/sutton/">Sutton</a></th><td class="num">no data</td>`,
		`<use href="#shape=merton" id="unit=merton"/><use href="#shape=sutton" id="unit=sutton"/>`,
		`Source: <a href="/en/units/london/" target="_top">London — `, "/js/bundled/maps."} {
		if !strings.Contains(embed, want) {
			t.Errorf("the embed of London's map lacks %q", want)
		}
	}
	if strings.Contains(embed, `class="hl"`) || strings.Contains(embed, `data-unit="cumberland"`) {
		t.Error("the embed of London's map outlines a unit of its own, or has another parent's")
	}
	if vi := readPage(t, out, "embed/online_rate-map-in-london/index.html"); !strings.Contains(vi, "<h1>Các chính quyền địa phương thuộc Luân Đôn") {
		t.Errorf("the Vietnamese embed of London's map: %.600s", vi)
	}
	if strings.Contains(merton, "-period") {
		t.Error("Merton's map has a period selector; a unit page's map shows the latest period")
	}
	if uk := readPage(t, out, "en/units/uk/index.html"); strings.Contains(uk, `class="map"`) || strings.Contains(uk, "/js/bundled/maps.") {
		t.Error("the top unit has a map")
	}
	sample := sampleSite(t)
	for _, page := range []string{"indicators/signature_rate/index.html", "units/go-quao/index.html"} {
		if html := readPage(t, sample, page); strings.Contains(html, `class="map"`) || strings.Contains(html, "/js/bundled/maps.") {
			t.Errorf("the sample's %s has a map, without boundaries", page)
		}
	}
}

// TestBrowserLiveMap opens the indicator page of testdata/maps: each map is
// drawn by ECharts once, its static SVG hidden from view and assistive
// technology; the live map takes focus from the keyboard, the arrow keys
// reach a unit and its figure is announced; axe finds nothing. Without
// scripts each map shows its static SVG.
func TestBrowserLiveMap(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, mapsBuild(t))
	p, err := b.Visit(context.Background(), base+"en/indicators/online_rate/", browser.WithReducedMotion())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	renderedCharts(t, p)
	var got struct {
		Hidden, Live, Focusable int
		Focused                 bool
		Said, Unit              string
	}
	err = p.Eval(`(() => {
		const maps = [...document.querySelectorAll('figure.chart')].filter(f => f.querySelector('svg.map'));
		const live = maps.map(f => f.querySelector('.chart-live'));
		const last = live[live.length - 1];
		last.focus();
		last.dispatchEvent(new KeyboardEvent('keydown', {key: 'Home', bubbles: true}));
		const fig = maps[maps.length - 1];
		return {
			Hidden: maps.filter(f => f.querySelector('svg.map').hasAttribute('hidden')).length,
			Live: live.filter(l => l && l.querySelector('svg') && l.checkVisibility()).length,
			Focusable: live.filter(l => l.tabIndex === 0 && l.getAttribute('aria-describedby')).length,
			Focused: document.activeElement === last,
			Said: document.getElementById(fig.id + '-status').textContent,
			Unit: last.dataset.unit || '',
		};
	})()`, &got)
	if err != nil {
		t.Fatal(err)
	}
	if got.Hidden != 2 || got.Live != 2 || got.Focusable != 2 || !got.Focused {
		t.Errorf("live maps: %+v; want 2 static SVGs hidden, 2 live maps shown and reachable, the last focused", got)
	}
	if got.Unit != "merton" || !strings.HasPrefix(got.Said, "Merton: ") {
		t.Errorf("Home reached %q and said %q; want Merton and its figure", got.Unit, got.Said)
	}
	if err := p.InjectScript(axeSource(t)); err != nil {
		t.Fatal(err)
	}
	var violations []string
	if err := p.Eval(axeDefaultJS, &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("axe: %s", v)
	}
	for what, list := range troubles(p, base) {
		for _, s := range list {
			t.Errorf("%s: %s", what, s)
		}
	}
	// What a reader sees at each width: each figure drawn once (maps and
	// a ranking of two units), no axis or legend text running into another,
	// nothing scrolling sideways.
	seen, err := lookAtEach(p, screens, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range seen {
		t.Error(s)
	}

	off, err := b.Visit(context.Background(), base+"en/indicators/online_rate/", browser.WithJavaScriptDisabled())
	if err != nil {
		t.Fatal(err)
	}
	defer off.Close()
	var shown int
	if err := off.Eval(`[...document.querySelectorAll('svg.map')].filter(s => s.checkVisibility() && s.getBoundingClientRect().height > 50).length`, &shown); err != nil {
		t.Fatal(err)
	}
	if shown != 2 {
		t.Errorf("without scripts %d maps show their static SVG, want 2", shown)
	}
}

// TestBrowserEmbedPicksTheUnitOfItsAddress opens the embed of London's map
// at the address of Merton (#unit=merton). Without scripts the stylesheet
// alone outlines Merton (its outline is the :target: shown, in the text
// colour, over Merton's shape) and no other unit, and the page stays at its
// top; at the address without a unit nothing is outlined. With scripts the
// live map outlines Merton alone and says it in its live region and its
// name; when the address changes to Sutton, so does what is said; axe-core
// finds nothing, in light and dark, at every width, there nor on the unit
// pages that link to it.
func TestBrowserEmbedPicksTheUnitOfItsAddress(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, mapsBuild(t))
	embed := base + "en/embed/online_rate-map-in-london/"
	type outline struct {
		Merton, Sutton, Stroke string
		Over                   bool
		Scrolled               float64
	}
	static := func(url string) outline {
		t.Helper()
		p, err := b.Visit(context.Background(), url, browser.WithJavaScriptDisabled())
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		var got outline
		err = p.Eval(`(() => {
			const m = document.getElementById('unit=merton'), s = document.getElementById('unit=sutton');
			const a = m.getBoundingClientRect(), b = document.getElementById('shape=merton').getBoundingClientRect();
			// The outline's stroke overhangs the shape by half its width.
			const over = Math.abs((a.left + a.right) - (b.left + b.right)) < 1 && Math.abs((a.top + a.bottom) - (b.top + b.bottom)) < 1 && a.width >= b.width;
			return {Merton: getComputedStyle(m).visibility, Sutton: getComputedStyle(s).visibility,
				Stroke: getComputedStyle(m).stroke, Over: over, Scrolled: window.scrollY};
		})()`, &got)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := static(embed + "#unit=merton"); got.Merton != "visible" || got.Sutton != "hidden" || got.Stroke != "rgb(26, 26, 26)" || !got.Over || got.Scrolled != 0 {
		t.Errorf("without scripts at #unit=merton: %+v; want Merton's outline alone shown, in the text colour, over its shape, the page at its top", got)
	}
	if got := static(embed); got.Merton != "hidden" || got.Sutton != "hidden" {
		t.Errorf("without scripts and without a unit: %+v; want no outline", got)
	}

	live := func(url string) (*browser.Page, []string, string) {
		t.Helper()
		p, err := b.Visit(context.Background(), url, browser.WithReducedMotion())
		if err != nil {
			t.Fatal(err)
		}
		renderedCharts(t, p)
		var strokes []string
		// What the live map drew, a frame later: each unit's border colour.
		err = p.Eval(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(
			[...document.querySelectorAll('.chart-live svg path')].filter((p) => p.getAttribute('fill') !== 'none').map((p) => p.getAttribute('stroke') || '')))))`, &strokes)
		if err != nil {
			t.Fatal(err)
		}
		var said string
		if err := p.Eval(`document.getElementById('online_rate-map-in-london-status').textContent`, &said); err != nil {
			t.Fatal(err)
		}
		return p, strokes, said
	}
	p, strokes, said := live(embed + "#unit=merton")
	defer p.Close()
	if len(strokes) < 2 || strokes[0] != "rgb(26, 26, 26)" || slices.Contains(strokes[1:], "rgb(26, 26, 26)") || said != "Merton: 70%" {
		t.Errorf("with scripts at #unit=merton the live map's borders are %q and it said %q; want Merton's (the first) alone in the text colour, and Merton: 70%%", strokes, said)
	}
	var name, now string
	if err := p.Eval(`document.querySelector('.chart-live').getAttribute('aria-label')`, &name); err != nil {
		t.Fatal(err)
	}
	if name != "Local authorities of London — Online rate, Q2 2021 — Merton: 70%" {
		t.Errorf("the live map is named %q; want its caption and Merton", name)
	}
	err := p.Eval(`new Promise((done) => {
		window.addEventListener('hashchange', () => done(document.getElementById('online_rate-map-in-london-status').textContent), {once: true});
		window.location.hash = 'unit=sutton';
	})`, &now)
	if err != nil {
		t.Fatal(err)
	}
	if now != "Sutton: no data" {
		t.Errorf("at #unit=sutton the live map said %q, want Sutton: no data", now)
	}
	off, strokes, said := live(embed)
	defer off.Close()
	if slices.Contains(strokes, "rgb(26, 26, 26)") || said != "" {
		t.Errorf("with scripts and without a unit the live map's borders are %q and it said %q; want none outlined, nothing said", strokes, said)
	}

	axe := axeSource(t)
	checkPages(t, b, base, []string{"en/embed/online_rate-map-in-london/#unit=merton", "embed/online_rate-map-in-uk/#unit=london", "en/units/merton/", "units/sutton/"}, readerCheck(axe, base), browser.WithReducedMotion())
}

// TestBrowserLiveMapHatchesNoData looks at the live map of the local
// authorities of testdata/maps in the light and the dark scheme: Sutton
// (the square with a hole and an islet) has no figure for the latest
// period, and its shape is to be hatched as the static map and the legend's
// "no data" are, lines of the page's muted colour over its background, and
// never filled with a class's colour. It reads the pixels of a screenshot,
// between Sutton's edge and its hole.
func TestBrowserLiveMapHatchesNoData(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, mapsBuild(t))
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			p, err := b.Visit(context.Background(), base+"en/indicators/online_rate/", browser.WithReducedMotion(), browser.WithColorScheme(scheme))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			renderedCharts(t, p)
			var got struct {
				Hatched  []int // per map, the live shapes filled with a pattern
				Subpaths int   // of the hatched shape of the second map
				Box      struct{ X, Y, W, H float64 }
				Page     float64
				BG, Fg   string
				Classes  []string
				Legend   bool
			}
			err = p.Eval(`(() => {
				const probe = document.createElement('span');
				document.body.append(probe);
				const colour = (v) => { probe.style.color = v; return getComputedStyle(probe).color; };
				const maps = [...document.querySelectorAll('figure.chart')].filter(f => f.querySelector('svg.map'));
				const hatched = maps.map(f => [...f.querySelectorAll('.chart-live svg path')].filter(p => (p.getAttribute('fill') || '').startsWith('url(')));
				const nd = hatched[1][0];
				const r = nd ? nd.getBoundingClientRect() : {x: 0, y: 0, width: 0, height: 0};
				const key = maps[1].querySelector('.map-legend li:last-child');
				const out = {
					Hatched: hatched.map(h => h.length),
					Subpaths: nd ? (nd.getAttribute('d').match(/M/g) || []).length : 0,
					Box: {X: r.x + scrollX, Y: r.y + scrollY, W: r.width, H: r.height},
					Page: document.documentElement.scrollWidth,
					BG: colour('var(--bg)'), Fg: colour('var(--muted)'),
					Classes: [0, 1, 2, 3, 4].map(i => colour('var(--m' + i + ')')),
					Legend: Boolean(key && key.checkVisibility() && key.textContent.trim() === 'no data' && key.querySelector('rect.nd')),
				};
				probe.remove();
				return out;
			})()`, &got)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Hatched) != 2 || got.Hatched[0] != 0 || got.Hatched[1] != 1 || got.Subpaths != 3 {
				t.Fatalf("hatched shapes %v, the second map's with %d subpaths; want none on the regions' map and Sutton's (3 subpaths) on the local authorities'", got.Hatched, got.Subpaths)
			}
			if !got.Legend {
				t.Error(`the live map's legend shows no "no data" with its hatched swatch`)
			}
			shot := filepath.Join(t.TempDir(), "page.png")
			if err := p.Screenshot(shot); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(shot)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			// Sutton's outer square spans x from 0 to 80% of its box (the
			// islet the rest), its hole from 24% to 56%: the strip from 2% to
			// 20% across and 5% to 95% down is Sutton alone.
			zoom := float64(img.Bounds().Dx()) / got.Page
			bg, line := rgbOf(t, got.BG), rgbOf(t, got.Fg)
			var n, nearBG, nearLine, nearClass int
			for y := got.Box.Y + 0.05*got.Box.H; y < got.Box.Y+0.95*got.Box.H; y++ {
				for x := got.Box.X + 0.02*got.Box.W; x < got.Box.X+0.2*got.Box.W; x++ {
					c := img.At(int(x*zoom), int(y*zoom))
					n++
					switch {
					case near(c, bg):
						nearBG++
					case near(c, line):
						nearLine++
					}
					for _, k := range got.Classes {
						if near(c, rgbOf(t, k)) {
							nearClass++
						}
					}
				}
			}
			if n < 100 || nearBG < n/5 || nearLine < n/5 || nearClass > 0 {
				t.Errorf("of %d pixels of Sutton, %d are the background %s, %d the lines %s, %d a class's colour; want a fifth or more of each of the first two (hatching), none of a class",
					n, nearBG, got.BG, nearLine, got.Fg, nearClass)
			}
		})
	}
}

// rgbOf reads a computed CSS colour, "rgb(74, 74, 74)".
func rgbOf(t *testing.T, css string) color.RGBA {
	t.Helper()
	var c color.RGBA
	if _, err := fmt.Sscanf(css, "rgb(%d, %d, %d)", &c.R, &c.G, &c.B); err != nil {
		t.Fatalf("colour %q: %v", css, err)
	}
	c.A = 255
	return c
}

// near reports whether a pixel is within a few steps of a colour in each
// channel: the same colour, as a PNG of the page holds it.
func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { return max(int(x>>8)-int(y), int(y)-int(x>>8)) <= 24 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}
