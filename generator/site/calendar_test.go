package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/build"
	"minhbach/generator/site"
)

// checkThenBuild runs site.Check on the data in dir, as validate does,
// and then builds it: a dataset Check passes must build.
func checkThenBuild(t *testing.T, dir string) string {
	t.Helper()
	ds, res := loadData(t, dir)
	if err := site.Check(ds, res, root); err != nil {
		t.Fatalf("Check refuses %s: %v", dir, err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(ds, res, build.Options{Root: root, Out: out}); err != nil {
		t.Fatalf("Check passes %s, but the build fails: %v", dir, err)
	}
	return out
}

// want checks that each page contains its strings.
func want(t *testing.T, out string, pages map[string][]string) {
	t.Helper()
	for page, wants := range pages {
		body := readPage(t, out, page)
		for _, w := range wants {
			if !strings.Contains(body, w) {
				t.Errorf("%s does not contain %q", page, w)
			}
		}
	}
}

// absent checks that none of the pages was published.
func absent(t *testing.T, out string, pages ...string) {
	t.Helper()
	for _, page := range pages {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(page))); err == nil {
			t.Errorf("%s is published; want no such page", page)
		}
	}
}

// TestMonthlyOnlyDataBuilds builds testdata/monthly (January 2023 to
// August 2024, months only): quarterly reports from whole quarters, a
// year report for 2023, Q3 2024 and 2024 named as in progress, each
// indicator at its latest month with the month before and the same month
// a year earlier, and a footer naming the catalogue's source.
func TestMonthlyOnlyDataBuilds(t *testing.T) {
	out := checkThenBuild(t, filepath.Join("testdata", "monthly"))
	want(t, out, map[string][]string{
		"en/reports/2024-q2/index.html": {"<h1>Report Q2 2024</h1>"},
		"en/reports/2023/index.html":    {"<h1>Report 2023</h1>", "<th scope=\"col\" class=\"num\">On previous period</th><th scope=\"col\">Target</th>"},
		"en/reports/index.html": {
			`<p class="in-progress">Q3 2024: figures from July 2024 to August 2024 so far. Its report is published once the whole period is in.</p>`,
			`<p class="in-progress">2024: figures from Q1 2024 to Q2 2024 so far.`,
		},
		"en/index.html": {
			`<a href="/en/indicators/forms/">Forms received</a></h3><p class="value">220</p><p class="period">August 2024</p>`,
			`compared with July 2024`,
			`Minh Bạch publishes figures from the forms service, checked before publication.`,
			`<meta name="description" content="Monthly forms — test data — Open figures from the forms service by period and by unit`,
			`<a href="/en/reports/2024-q2/">`,
		},
		"en/indicators/forms/index.html": {"Latest value — August 2024", "compared with August 2023"},
		"units/merton/index.html":        {"<td>Tháng 8/2024</td>"},
		// The quarter of two months so far is marked in the trend's table.
		"en/units/merton/index.html": {"Q3 2024</th><td class=\"num\">59.5% (partial)</td>"},
	})
	absent(t, out, "en/reports/2024-q3/index.html", "en/reports/2024/index.html", "reports/2024/index.html")
	if r := readPage(t, out, "en/reports/2023/index.html"); strings.Contains(r, "On a year earlier") {
		t.Error("the year report compares with a year earlier beside the previous year")
	}
}

// TestMixedFrequenciesAreEachAtTheirLatest builds testdata/mixed (forms
// quarterly in 2021-Q1 and 2023-Q2, complaints yearly to 2021): a year
// report for each year exported as a year, listing both indicators; pages
// show complaints at 2021 and the online rate at Q2 2023, each named.
func TestMixedFrequenciesAreEachAtTheirLatest(t *testing.T) {
	out := checkThenBuild(t, filepath.Join("testdata", "mixed"))
	want(t, out, map[string][]string{
		"en/reports/2021/index.html":          {">Complaints</a></th><td class=\"num\">23</td>", ">Online rate</a></th><td class=\"num\">53.3% (partial)</td>"},
		"en/indicators/complaints/index.html": {"Latest value — 2021", "compared with 2020"},
		"en/units/merton/index.html":          {">Online rate</a></th><td>Q2 2023</td>", ">Complaints</a></th><td>2021</td>"},
		"en/indicators/index.html":            {">Complaints</a></th><td>2021</td><td class=\"num\">23</td>"},
		"en/reports/index.html":               {`<p class="in-progress">2023: `},
	})
	absent(t, out, "en/reports/2023/index.html", "en/reports/2022/index.html")
	if page := readPage(t, out, "en/indicators/complaints/index.html"); strings.Contains(page, "a year earlier") {
		t.Error("a yearly indicator compares with a year earlier beside the previous year")
	}
}

// TestCheckRefusesWhatBuildRefuses gives a dataset whose 2025-Q1 report
// meets the sample's commentary (content/reports/2025-q1.md), which cites
// indicators this catalogue lacks: Check and the build both refuse it,
// naming the file, line and column.
func TestCheckRefusesWhatBuildRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"units.csv", "catalogue.toml", "site.toml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "monthly", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	csv := "period,unit,forms,forms_online\n2025-01,merton,10,5\n2025-02,merton,10,6\n2025-03,merton,10,7\n"
	if err := os.MkdirAll(filepath.Join(dir, "exports"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "exports", "forms.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, res := loadData(t, dir)
	const wantErr = `reports/2025-q1.md:1:29: unknown indicator "docs_incoming"`
	if err := site.Check(ds, res, root); err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Errorf("Check = %v, want an error saying %q", err, wantErr)
	}
	_, err := build.Site(ds, res, build.Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Errorf("build = %v, want an error saying %q", err, wantErr)
	}
}

// TestYearlyOnlyDataChecks: a dataset of years only passes Check and builds.
func TestYearlyOnlyDataChecks(t *testing.T) {
	out := checkThenBuild(t, filepath.Join("testdata", "yearly"))
	want(t, out, map[string][]string{"en/reports/index.html": {`href="/en/reports/2021/"`}})
	if page := readPage(t, out, "en/reports/index.html"); strings.Contains(page, "in-progress") {
		t.Error("a dataset of whole years names a period in progress")
	}
}
