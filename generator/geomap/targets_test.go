package geomap

import (
	"regexp"
	"strings"
	"testing"

	"minhbach/generator/dataset/geo"
)

// TestTargetIsASlugsOnly checks the ids a unit's outline gets: "unit="
// and the code, for a code as units.csv allows them, and none for any
// other, which could otherwise close the attribute or name another id.
func TestTargetOnlyOfASlug(t *testing.T) {
	for code, want := range map[string]string{
		"an-phu": "unit=an-phu", "30280": "unit=30280", "a": "unit=a",
		"": "", "An-Phu": "", "an--phu": "", "-an": "", "an-": "", "an_phu": "",
		`x" onload="y`: "", "main": "unit=main", "xã": "",
	} {
		if got := Target(code); got != want {
			t.Errorf("Target(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestDrawTargets draws the fixture's squares with targets: each unit drawn
// has its shape's id and, after every shape, an outline the address picks
// (a use of the shape, hidden until the stylesheet shows the :target); a
// unit whose code is not a slug gets neither, a unit without a shape no
// outline; the live map knows it has targets. Without targets the map has
// no ids of units at all.
func TestDrawTargets(t *testing.T) {
	a, _ := readFixture(t, geo.Match{Property: "CODE", By: "code"})
	c := Choropleth{ID: "m1", Title: "Rate", Periods: []string{"Q1"},
		Areas: []Area{
			{Code: "sq-1", Name: "One", Values: []float64{10}},
			{Code: "sq-2", Name: "Two", Values: []float64{20}},
			{Code: "lost", Name: "Lost", Values: []float64{30}},
		},
		Template: "{c}%", Format: func(x float64) string { return strconvF(x) + "%" }, Words: Words{NoData: "no data"}}
	plain, err := a.Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.SVG, `id="shape=`) || strings.Contains(plain.SVG, "<use") || strings.Contains(plain.Option, "targets") {
		t.Errorf("a map without targets has them:\n%s\n%s", plain.SVG, plain.Option)
	}
	c.Targets = true
	d, err := a.Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"sq-1", "sq-2"} {
		if !strings.Contains(d.SVG, `<path id="shape=`+code+`" class="`) {
			t.Errorf("%s's shape has no id:\n%s", code, d.SVG)
		}
	}
	_, after, ok := strings.Cut(d.SVG, `</g>`)
	wantTargets := `<g class="targets" visibility="hidden" fill-opacity="0" stroke="#1a1a1a" stroke-width="30" stroke-linejoin="round">` +
		`<use href="#shape=sq-1" id="unit=sq-1"/><use href="#shape=sq-2" id="unit=sq-2"/></g></svg>`
	if !ok || after != wantTargets {
		t.Errorf("after the shapes:\n%s\nwant\n%s", after, wantTargets)
	}
	if !strings.Contains(d.Option, `"targets":true`) {
		t.Errorf("the live map does not know its targets: %s", d.Option)
	}

	// The fixture's ring drawn under a code that is not a slug: no id.
	a.shapes[`ring" onmouseover="x`] = a.shapes["ring"]
	c.Areas = append(c.Areas, Area{Code: `ring" onmouseover="x`, Name: "Ring", Values: []float64{40}})
	d, err = a.Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`<path id=`).FindAllString(d.SVG, -1)); n != 2 || strings.Count(d.SVG, "<use ") != 2 || strings.Contains(d.SVG, `onmouseover="`) {
		t.Errorf("%d shapes with ids; want sq-1 and sq-2 only, the ring without:\n%s", n, d.SVG)
	}
}
