package site_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRatioPerBaseReadsInItsUnit builds testdata/per: crimes published per
// 100,000 population beside residents satisfied, in percent, for three
// regions weighted by population (north 200,000, south 300,000, east
// 500,000), and checks what the pages say, worked by hand:
//   - the nation in 2024 is 0.2 × 12.3 + 0.3 × 14.1 + 0.5 × 9.5 = 11.44,
//     in 2023 0.2 × 11.1 + 0.3 × 15 + 0.5 × 9 = 11.22: "11.4 per 100,000
//     population", "+0.2 points", never in %;
//   - the target 10 by 2026 is 1.44 away: "1.4 points short";
//   - north's change is 12.3 − 11.1 = +1.2 points, south's −0.9;
//   - by sex, male 0.2 × 14.6 + 0.3 × 17.2 + 0.5 × 11 = 13.58 and female
//     0.2 × 10 + 0.3 × 11 + 0.5 × 8 = 9.3, a gap of 4.28: "+4.3 points";
//   - satisfaction stays in percent: 0.2 × 82.5 + 0.3 × 72 + 0.5 × 77 =
//     76.6%, +2.1 pp on 74.5%, and alone in the home page's chart of rates.
func TestRatioPerBaseReadsInItsUnit(t *testing.T) {
	out := t.TempDir()
	if err := buildData(filepath.Join("testdata", "per"), out); err != nil {
		t.Fatal(err)
	}
	type words struct{ name, unit, big, change, gap, target, north, south, bySex, northPage string }
	for prefix, w := range map[string]words{
		"en/": {name: "Crime rate", unit: "per 100,000 population", northPage: `12.3 per 100,000 population</td><td class="num worse">+1.2 points`,
			big:    `<p class="value big">11.4 per 100,000 population</p>`,
			change: `class="arrow"></span>+0.2 points</span>`, gap: `behind, 1.4 points short of the target</span>`,
			target: `Target 10.0 per 100,000 population by 2026`,
			north:  `Northern Highlands</a></th><td class="num">12.3 per 100,000 population</td><td class="num worse">+1.2 points`,
			south:  `Southern Lowlands</a></th><td class="num">14.1 per 100,000 population</td><td class="num better">−0.9 points`,
			bySex:  `By Sex: the largest gap is between Male (13.6 per 100,000 population) and Female (9.3 per 100,000 population), +4.3 points.`},
		"": {name: "Tỷ lệ tội phạm", unit: "trên 100.000 dân", northPage: `12,3 trên 100.000 dân</td><td class="num worse">+1,2 điểm`,
			big:    `<p class="value big">11,4 trên 100.000 dân</p>`,
			change: `class="arrow"></span>+0,2 điểm</span>`, gap: `chậm tiến độ, còn cách mục tiêu 1,4 điểm</span>`,
			target: `Mục tiêu 10,0 trên 100.000 dân vào Năm 2026`,
			north:  `Vùng núi phía Bắc</a></th><td class="num">12,3 trên 100.000 dân</td><td class="num worse">+1,2 điểm`,
			south:  `Đồng bằng phía Nam</a></th><td class="num">14,1 trên 100.000 dân</td><td class="num better">−0,9 điểm`,
			bySex:  `Theo Giới tính: chênh lệch lớn nhất giữa Nam (13,6 trên 100.000 dân) và Nữ (9,3 trên 100.000 dân), +4,3 điểm.`},
	} {
		ind := mainOf(t, readPage(t, out, prefix+"indicators/crime_rate/index.html"))
		for _, want := range []string{
			w.big, w.change, w.gap, w.target, w.north, w.south, w.bySex,
			// the maps' live template and the charts' tooltips, axis names and descriptions
			`"template":"{c} ` + w.unit + `"`, `"valueFormatter":"{c} ` + w.unit + `"`,
			`class="axis-name" fill="#5c5c5c" text-anchor="middle" x="`, `">` + w.unit + `</text>`,
		} {
			if !strings.Contains(ind, want) {
				t.Errorf("%sindicators/crime_rate lacks %s", prefix, want)
			}
		}
		// Nothing on the page of a ratio per 100,000 is in percent: no
		// figure, no change, no chart or map template.
		if m := regexp.MustCompile(`.{0,60}(%|\bpp\b).{0,20}`).FindString(ind); m != "" {
			t.Errorf("%sindicators/crime_rate says %%: …%s…", prefix, m)
		}
		home := readPage(t, out, prefix+"index.html")
		if card := w.big[len(`<p class="value big">`) : len(w.big)-len(`</p>`)]; !strings.Contains(home, `<p class="value">`+card+`</p>`) || !strings.Contains(home, w.change) {
			t.Errorf("%shome: the crime card lacks %s or %s", prefix, card, w.change)
		}
		// The chart of rates draws the percentages only.
		if desc := regexp.MustCompile(`id="rates-trend-nation-desc">([^<]*)<`).FindStringSubmatch(home); desc == nil || strings.Contains(desc[1], w.name) || !strings.Contains(desc[1], "76") {
			t.Errorf("%shome: the chart of rates is %q, want satisfaction alone", prefix, desc)
		}
		if north := readPage(t, out, prefix+"units/north/index.html"); !strings.Contains(north, w.northPage) {
			t.Errorf("%sunits/north lacks its crime rate and change %s", prefix, w.northPage)
		}
	}
	sat := readPage(t, out, "en/indicators/satisfaction/index.html")
	if !strings.Contains(sat, `<p class="value big">76.6%</p>`) || !strings.Contains(sat, `+2.1 pp</span>`) {
		t.Error("satisfaction is not 76.6%, +2.1 pp")
	}
	for file, unit := range map[string]string{"crime_rate.csv": "points", "satisfaction.csv": "pp"} {
		for _, r := range readCSV(t, filepath.Join(out, "data", "indicators", file)) {
			if r["change_unit"] != unit {
				t.Fatalf("%s: change_unit %q, want %q", file, r["change_unit"], unit)
			}
		}
	}
}

// mainOf is the <main> element of a page.
func mainOf(t *testing.T, page string) string {
	t.Helper()
	i, j := strings.Index(page, "<main"), strings.Index(page, "</main>")
	if i < 0 || j < i {
		t.Fatal("the page has no <main>")
	}
	return page[i:j]
}
