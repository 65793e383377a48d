package site_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishedRatesStatusesNotesAndIntervals builds testdata/survey, a
// survey published as percentages by region (not the sample), and checks
// what the pages and downloads say, hand-worked:
//   - the country is (80×480 + 77×320) / 800 = 78.8%, weighted by
//     respondents, carrying London's E and North West's B;
//   - London's change is +2.0 pp (80 − 78), North West's and the
//     country's are not computed across the break;
//   - the ranking's intervals (76–84, 72.5–81.5) overlap, and it says so;
//   - footnotes are numbered per page: 1 and 2 on the indicator page, 1 on
//     North West's page;
//   - the metadata section links the survey page, its & escaped;
//   - the download carries the statuses.
func TestPublishedRatesStatusesNotesAndIntervals(t *testing.T) {
	out := surveySite.site(t)
	ind := readPage(t, out, "en/indicators/satisfaction/index.html")
	mark := func(letter, words string) string {
		return `<span class="obs-mark" aria-hidden="true">` + letter + `</span><span class="sr-only"> (` + words + `)</span>`
	}
	brk, est := mark("b", "break in series: not comparable with the periods before"), mark("e", "estimated")
	for _, want := range []string{
		`<p class="value big">78.8%` + brk + est + `</p>`,
		`<span class="change-label">not compared: the series breaks in between</span>`,
		`weighted by Respondents`,
		`80.0%` + est + `<sup class="note-ref"><a href="#note-1">`,
		`<td class="num">76.0–84.0 (n = 480)</td><td class="num better">+2.0 pp`,
		`77.0%` + brk + `<sup class="note-ref"><a href="#note-2">`,
		`The intervals of 2 of these 2 figures overlap a neighbour&#39;s`,
		`<li id="note-1">Estimated from the spring wave</li><li id="note-2">New questionnaire from 2024, not comparable</li>`,
		`<span class="obs-mark">b</span> break in series`,
		`<section class="metadata" aria-labelledby="metadata-h">`,
		`<a rel="external noopener" href="https://example.org/survey?year=2024&amp;lang=en">Survey page</a>`,
		`<dt>Last update</dt><dd>31 Mar 2025</dd>`,
	} {
		if !strings.Contains(ind, want) {
			t.Errorf("indicator page lacks %s", want)
		}
	}
	if nw := readPage(t, out, "en/units/north-west/index.html"); !strings.Contains(nw, `<li id="note-1">New questionnaire from 2024, not comparable</li></ol>`) || strings.Contains(nw, "note-2") {
		t.Error("North West's page does not number its one note 1")
	}
	var uk map[string]string
	for _, r := range readCSV(t, filepath.Join(out, "data", "indicators", "satisfaction.csv")) {
		if r["unit"] == "uk" && r["period"] == "2024" {
			uk = r
		}
	}
	if uk["value"] != "78.8" || uk["status"] != "B E" || uk["change_prev"] != "" || uk["change_unit"] != "pp" || uk["denominator"] != "" {
		t.Errorf("download row of the country in 2024: %v", uk)
	}
}
