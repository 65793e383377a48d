package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestGeographyFromTheData builds testdata/merger, a dataset that is not
// the sample (a country, regions, local authorities, two of which merged
// into a new one from 2021-Q2), and checks that the pages name its levels,
// its English names and official codes, the merger both ways, and that the
// abolished units are not "did not report".
func TestGeographyFromTheData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := buildData(filepath.Join("testdata", "merger"), out); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ page, want string }{
		{"units/london/index.html", "<h1>Vùng Luân Đôn</h1>"},
		{"en/units/london/index.html", "<h1>London (Region)</h1>"},
		{"en/units/london/index.html", `<a href="/en/units/uk/">United Kingdom</a> — <span class="geocode">Official code E12000007</span>`},
		{"en/units/merton/index.html", "<h1>Merton (Local authority)</h1>"},
		{"en/units/allerdale/index.html", `<p class="successor">On 1 Apr 2021, merged into <a href="/en/units/cumberland/">Cumberland</a>.</p>`},
		{"units/copeland/index.html", `<p class="successor">Ngày 01/04/2021, đã sáp nhập vào <a href="/units/cumberland/">Cumberland</a>.</p>`},
		{"en/units/cumberland/index.html", `<p class="predecessors">Formed from <a href="/en/units/allerdale/">Allerdale</a>, <a href="/en/units/copeland/">Copeland</a>.</p>`},
		// Sutton existed and did not report in 2021-Q2; the merged units did
		// not exist any more, and Cumberland not yet in 2021-Q1.
		{"en/reports/2021-q2/index.html", `Units that did not report: <a href="/en/units/sutton/">Sutton</a>.</p>`},
		{"data/units/merton.csv", "online_rate,merton,Merton,E09000024,2021-Q1,60,"},
		// Cumberland before it existed: Allerdale's and Copeland's forms
		// together, (20 + 30) / (50 + 50) = 50%, marked in the downloads, the
		// table and the summary; its 55% in 2021-Q2 is 5 points above that.
		{"data/units/cumberland.csv", "online_rate,cumberland,Cumberland,E06000063,2021-Q1,50,50,100,false,reconstructed,,"},
		{"data/units/cumberland.csv", "online_rate,cumberland,Cumberland,E06000063,2021-Q2,55,55,100,false,reported,5,"},
		{"data/units/merton.csv", "online_rate,merton,Merton,E09000024,2021-Q2,70,70,100,false,reported,10,"},
		{"en/units/cumberland/index.html", `<td class="num">50.0% *</td>`},
		{"en/units/cumberland/index.html", "(+5.0 pp compared with Q1 2021 on the merged boundaries (better))"},
		{"en/units/cumberland/index.html", "rebuilt from the units it took over (Allerdale, Copeland) — each rate as the units&#39; numerators summed over their denominators summed —"},
		{"units/cumberland/index.html", "dựng lại từ các đơn vị đã sáp nhập vào (Allerdale, Copeland) — tỷ lệ bằng tổng tử số chia cho tổng mẫu số của các đơn vị —"},
	} {
		if page := readPage(t, out, c.page); !strings.Contains(page, c.want) {
			t.Errorf("%s does not contain %q", c.page, c.want)
		}
	}
	q1 := readPage(t, out, "en/reports/2021-q1/index.html")
	if strings.Contains(q1, "did not report") {
		t.Errorf("2021-Q1 lists units that did not report; every unit that existed did")
	}
}

// TestYearlyOnlyDataBuilds builds testdata/yearly (the same geography,
// yearly figures only, the merger in 2021): a site of yearly reports.
func TestYearlyOnlyDataBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := buildData(filepath.Join("testdata", "yearly"), out); err != nil {
		t.Fatalf("a yearly dataset does not build: %v", err)
	}
	for _, c := range []struct{ page, want string }{
		{"en/reports/2019/index.html", "<h1>"},
		{"en/reports/2021/index.html", "<h1>"},
		{"en/index.html", `<p class="period">2021</p>`},
		{"en/units/allerdale/index.html", `<p class="successor">On 1 Jan 2021, merged into <a href="/en/units/cumberland/">Cumberland</a>.</p>`},
	} {
		if page := readPage(t, out, c.page); !strings.Contains(page, c.want) {
			t.Errorf("%s does not contain %q", c.page, c.want)
		}
	}
	if r := readPage(t, out, "en/reports/2021/index.html"); strings.Contains(r, "did not report") {
		t.Errorf("the 2021 report lists units that did not report; every unit that existed did")
	}
}

// TestMixedFrequenciesHaveTheirOwnLatest builds testdata/mixed: online
// forms quarterly up to 2023-Q2, complaints yearly up to 2021. Each home
// card shows its indicator at its own latest period, named.
func TestMixedFrequenciesHaveTheirOwnLatest(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := buildData(filepath.Join("testdata", "mixed"), out); err != nil {
		t.Fatal(err)
	}
	home := readPage(t, out, "en/index.html")
	for _, want := range []string{
		`<a href="/en/indicators/online_rate/">Online rate</a></h3><p class="value">66.7%</p><p class="period">Q2 2023</p>`,
		`<a href="/en/indicators/complaints/">Complaints</a></h3><p class="value">23</p><p class="period">2021</p>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page does not contain %q", want)
		}
	}
}

// TestNoUndeclaredLevelWords scans every page built from testdata/yearly
// (country, regions, local authorities) for level words its catalogue never
// declared, outside the hand-written pages of content/ (about, methodology).
func TestNoUndeclaredLevelWords(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := buildData(filepath.Join("testdata", "yearly"), out); err != nil {
		t.Fatal(err)
	}
	foreignWords := map[string]bool{"province": true, "provinces": true, "provincial": true,
		"commune": true, "communes": true, "tỉnh": true, "xã": true, "phường": true, "ward": true, "wards": true}
	pages := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		if strings.Contains(rel, "about"+string(filepath.Separator)) || strings.Contains(rel, "methodology"+string(filepath.Separator)) {
			return nil
		}
		pages++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		words := strings.FieldsFunc(strings.ToLower(string(b)), func(r rune) bool { return !unicode.IsLetter(r) })
		for _, w := range words {
			if foreignWords[w] {
				t.Errorf("%s says %q, a level the data does not declare", rel, w)
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 40 {
		t.Errorf("scanned %d pages, want every page of the site", pages)
	}
}
