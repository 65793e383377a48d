package dataset

import (
	"testing"

	"minhbach/generator/mark"
)

// surveyCatalogue adds a published percentage, weighted by respondents, and
// the rate over it, to the test catalogue.
const surveyCatalogue = testCatalogue + `
[[measures]]
id = "satisfied"
kind = "percent"
over_time = "none"
across_units = "weighted_mean"
weight = "respondents"
name = { vi = "Hài lòng", en = "Satisfied" }

[[measures]]
id = "respondents"
kind = "count"
over_time = "sum"
across_units = "sum"
name = { vi = "Người trả lời", en = "Respondents" }

[[indicators]]
id = "satisfaction"
type = "rate"
measure = "satisfied"
direction = "higher"
rank = false
name = { vi = "Mức hài lòng", en = "Satisfaction" }
description = { vi = "Mô tả", en = "Description" }
[indicators.metadata]
source = { vi = "Khảo sát", en = "Survey" }
last_update = "2025-10-10"
links = [{ url = "https://example.org/sipas", name = { vi = "Trang", en = "Page" } }]
`

// TestCanonicalStatusNoteAndBounds reads the optional columns of a
// canonical long export, in an order of their own, onto the observations.
func TestCanonicalStatusNoteAndBounds(t *testing.T) {
	d := loadOK(t, map[string]string{
		CatalogueFile: surveyCatalogue,
		"exports/s.csv": "period,unit,measure,value,n,upper,lower,note,status\n" +
			"2024,go-quao,satisfied,82.5,400,86.1,78.9,Small sample,E\n" +
			"2024,long-xuyen,satisfied,,,,,,M\n" +
			"2024,an-giang,satisfied,80,,,,,P\n" +
			"2024,go-quao,respondents,400,,,,,\n",
	})
	got := map[string]Observation{}
	for _, o := range d.Observations {
		got[o.Unit+" "+o.Measure] = o
	}
	g := got["go-quao satisfied"]
	if g.Status != mark.Estimated || g.Detail == nil || g.Detail.Note != "Small sample" || !g.Detail.HasBounds || g.Detail.Lower != 78.9 || g.Detail.Upper != 86.1 || !g.Detail.HasN || g.Detail.N != 400 || g.Value != 82.5 {
		t.Errorf("go-quao satisfied = %+v %+v", g, g.Detail)
	}
	if m := got["long-xuyen satisfied"]; m.HasValue() || m.Status != mark.Missing || m.Detail != nil {
		t.Errorf("missing value = %+v", m)
	}
	if p := got["an-giang satisfied"]; p.Status != mark.Provisional || p.Detail != nil || p.Value != 80 {
		t.Errorf("provisional value = %+v", p)
	}
	if r := got["go-quao respondents"]; r.Status != 0 || r.Detail != nil {
		t.Errorf("plain value = %+v", r)
	}
	ind, _ := d.Catalogue.Indicator("satisfaction")
	if !ind.Published() || ind.Ranked() || ind.Metadata == nil || ind.Metadata.Source.EN != "Survey" {
		t.Errorf("satisfaction indicator = %+v", ind)
	}
}

// TestStatusAndBoundsChecks names the cell of each bad status, value and
// interval.
func TestStatusAndBoundsChecks(t *testing.T) {
	files := func(rows string) map[string]string {
		return map[string]string{CatalogueFile: surveyCatalogue, "exports/s.csv": "period,unit,measure,value,status,lower,upper\n" + rows}
	}
	only(t, files("2024,go-quao,satisfied,82.5,X,,\n"),
		`exports/s.csv:2:29: satisfied: status "X": expected one of the SDMX codes A (normal), E (estimated), P (provisional), B (break in series), M (missing) or F (forecast)`)
	only(t, files("2024,go-quao,satisfied,,,,\n"),
		`exports/s.csv:2:24: satisfied: empty value; expected a number, or status M (missing)`)
	only(t, files("2024,go-quao,satisfied,80,M,,\n"),
		`exports/s.csv:2:24: satisfied: status M (missing) with a value "80"; expected an empty cell, or another status`)
	only(t, files("2024,go-quao,satisfied,80,,81,90\n"),
		`exports/s.csv:2:28: satisfied: interval 81 to 90 does not hold the value 80; expected lower ≤ value ≤ upper`)
	only(t, files("2024,go-quao,satisfied,80,,79,\n"),
		`exports/s.csv:2:31: satisfied: give both bounds of the interval (lower and upper), or neither`)
}

// TestMappedStatusWords translates a publisher's words for statuses
// through the mapping's status.names, and reads notes and bounds from its
// own columns.
func TestMappedStatusWords(t *testing.T) {
	d := loadOK(t, map[string]string{
		CatalogueFile: surveyCatalogue,
		"exports/s.csv": "Year,Area,Indicator,Value,Observation status,Footnote,Lower CI,Upper CI,Sample\n" +
			"2024,go-quao,satisfied,82.5,Estimated value,Small sample,78.9,86.1,400\n" +
			"2024,long-xuyen,satisfied,70,Normal value,,,,\n" +
			"2024,an-giang,satisfied,80,B,Merged boundaries,,,\n",
		"exports/s.toml": `
[period]
column = "Year"
format = "2025"
[unit]
column = "Area"
[measure]
column = "Indicator"
[value]
column = "Value"
[status]
column = "Observation status"
names = { "Estimated value" = "E", "normal value" = "A" }
[note]
column = "Footnote"
[bounds]
lower = "Lower CI"
upper = "Upper CI"
n = "Sample"
`,
	})
	want := map[string]mark.Status{"go-quao": mark.Estimated, "long-xuyen": 0, "an-giang": mark.Break}
	for _, o := range d.Observations {
		if o.Status != want[o.Unit] {
			t.Errorf("%s: status %q, want %q", o.Unit, o.Status.Codes(), want[o.Unit].Codes())
		}
		if o.Unit == "go-quao" && (o.Detail == nil || o.Detail.N != 400 || o.Detail.Lower != 78.9 || o.Detail.Note != "Small sample") {
			t.Errorf("go-quao detail = %+v", o.Detail)
		}
		if o.Unit == "an-giang" && (o.Detail == nil || o.Detail.Note != "Merged boundaries" || o.Detail.HasBounds) {
			t.Errorf("an-giang detail = %+v", o.Detail)
		}
	}
}

// TestPublishedRateCatalogueChecks refuses a published rate that would add
// up, a rate over a measure that is not published, and bad metadata.
func TestPublishedRateCatalogueChecks(t *testing.T) {
	bad := testCatalogue + `
[[measures]]
id = "satisfied"
kind = "percent"
over_time = "last"
across_units = "sum"
name = { vi = "Hài lòng", en = "Satisfied" }

[[indicators]]
id = "speed_rate"
type = "rate"
measure = "speed"
direction = "higher"
name = { vi = "Tốc độ", en = "Speed" }
description = { vi = "Mô tả", en = "Description" }
[indicators.metadata]
last_update = "10/10/2025"
links = [{ url = "javascript:alert(1)", name = { vi = "x", en = "x" } }]
`
	only(t, map[string]string{CatalogueFile: bad},
		`catalogue.toml:37:1: measure "satisfied": a published rate does not add up: expected over_time "last" or "none", and across_units "weighted_mean" (with a weight such as respondents) or "none"`,
		`catalogue.toml:43:1: indicator "speed_rate": a rate with measure "speed": expected a measure of kind percent or with a per base, and no numerator or denominator`,
		`catalogue.toml:48:1: indicator "speed_rate": metadata.last_update: expected a date such as 2025-10-10`,
		`catalogue.toml:49:1: indicator "speed_rate": metadata.links: link "javascript:alert(1)": expected an absolute http or https address`,
		`exports: note: the exports are not read until units.csv and catalogue.toml have no errors`)
}

// TestRatioPerBaseNamesWhatItCounts: an indicator over a ratio per 100,000
// says what the base counts, in both languages, so that its figures read
// "12,3 trên 100.000 dân"; the error is at its unit, or at the indicator
// when it has none.
func TestRatioPerBaseNamesWhatItCounts(t *testing.T) {
	bad := testCatalogue + `
[[measures]]
id = "crimes"
kind = "amount"
per = 100000
over_time = "none"
across_units = "none"
name = { vi = "Tội phạm trên 100.000 dân", en = "Crimes per 100,000 population" }

[[indicators]]
id = "crime_rate"
type = "rate"
measure = "crimes"
direction = "lower"
name = { vi = "Tỷ lệ tội phạm", en = "Crime rate" }
description = { vi = "Mô tả", en = "Description" }

[[indicators]]
id = "crime_rate_vi"
type = "rate"
measure = "crimes"
direction = "lower"
unit = { vi = "dân", en = "" }
name = { vi = "Tỷ lệ tội phạm", en = "Crime rate" }
description = { vi = "Mô tả", en = "Description" }

[[indicators]]
id = "crime_rate_ok"
type = "rate"
measure = "crimes"
direction = "lower"
unit = { vi = "dân", en = "population" }
name = { vi = "Tỷ lệ tội phạm", en = "Crime rate" }
description = { vi = "Mô tả", en = "Description" }
`
	only(t, map[string]string{CatalogueFile: bad},
		`catalogue.toml:41:3: indicator "crime_rate": a ratio per 100000: expected unit = { vi = "…", en = "…" } naming what the base counts ("dân", "population")`,
		`catalogue.toml:54:1: indicator "crime_rate_vi": a ratio per 100000: expected unit = { vi = "…", en = "…" } naming what the base counts ("dân", "population")`,
		`exports: note: the exports are not read until units.csv and catalogue.toml have no errors`)
}
