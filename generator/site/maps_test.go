package site_test

import (
	"context"
	"path/filepath"
	"regexp"
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
// embed; on a unit page the unit within its parent, highlighted; the top
// unit has none; and the sample, without boundaries, has no map and never
// loads the map script.
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
