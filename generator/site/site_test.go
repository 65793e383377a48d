package site_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"minhbach/generator/build"
	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/publish"
)

// root is the repository root, where data/, content/ and templates/ live.
const root = "../.."

// sharedBuild is a site built from data once, by the first test that
// asks for it (site), and removed when the tests are done (remove).
type sharedBuild struct {
	data string
	once sync.Once
	dir  string
	err  error
}

// sample is the sample site, built once for all tests of this package.
var sample = &sharedBuild{data: filepath.Join(root, "data")}

// TestMain removes the shared builds when the tests are done.
func TestMain(m *testing.M) {
	code := m.Run()
	sample.remove()
	mapsSite.remove()
	surveySite.remove()
	os.Exit(code)
}

// site returns the folder of the shared build. When that build fails,
// every test that needs it fails with the build's own error, not with what
// a missing or half-built site would make it find.
func (b *sharedBuild) site(t testing.TB) string {
	t.Helper()
	b.once.Do(func() {
		tmp, err := os.MkdirTemp("", "minhbach-site-")
		if err != nil {
			b.err = err
			return
		}
		b.dir = filepath.Join(tmp, "public")
		b.err = buildData(b.data, b.dir)
	})
	if b.err != nil {
		t.Fatalf("the shared build of %s failed: %v", b.data, b.err)
	}
	return b.dir
}

func (b *sharedBuild) remove() {
	if b.dir != "" {
		os.RemoveAll(filepath.Dir(b.dir))
	}
}

// loadSample loads and computes the sample data.
func loadSample(t testing.TB) (*dataset.Dataset, *indicator.Result) {
	t.Helper()
	return loadData(t, filepath.Join(root, "data"))
}

// loadData loads and computes the data in dir.
func loadData(t testing.TB, dir string) (*dataset.Dataset, *indicator.Result) {
	t.Helper()
	ds, err := dataset.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	return ds, res
}

// buildSample builds the sample data into out.
func buildSample(t testing.TB, out string) {
	t.Helper()
	if err := buildData(filepath.Join(root, "data"), out); err != nil {
		t.Fatal(err)
	}
}

// buildData loads, computes and builds the data in dir into out.
func buildData(dir, out string) error {
	ds, err := dataset.Load(dir)
	if err != nil {
		return err
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		return err
	}
	_, err = build.Site(ds, res, build.Options{Root: root, Out: out})
	return err
}

// sampleSite returns the folder of the shared sample build.
func sampleSite(t testing.TB) string { return sample.site(t) }

func readPage(t *testing.T, dir, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSamplePagesExist(t *testing.T) {
	dir := sampleSite(t)
	for _, p := range []string{
		"index.html", "en/index.html",
		"indicators/index.html", "indicators/signature_rate/index.html", "en/indicators/signature_rate/index.html",
		"units/index.html", "units/go-quao/index.html", "units/an-giang/index.html", "en/units/phu-quoc/index.html",
		"reports/index.html", "reports/2025-q1/index.html", "reports/2024-q1/index.html", "en/reports/2025-q3/index.html",
		"reports/2024/index.html", "en/reports/2024/index.html",
		"about/index.html", "methodology/index.html", "en/about/index.html", "en/methodology/index.html",
		"404.html", "sitemap.xml", "robots.txt",
	} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("missing page: %v", err)
		}
	}
}

// TestSampleReportFigures checks the published province figures of 2025-Q1,
// as the report shows them in each language.
func TestSampleReportFigures(t *testing.T) {
	dir := sampleSite(t)
	vi := readPage(t, dir, "reports/2025-q1/index.html")
	for _, want := range []string{"213.883", "75.393", "86,7%", "74,5%", "81,5%", "Quý I/2025", "+4,0 điểm %"} {
		if !strings.Contains(vi, want) {
			t.Errorf("Vietnamese report for 2025-Q1 lacks %q", want)
		}
	}
	en := readPage(t, dir, "en/reports/2025-q1/index.html")
	for _, want := range []string{"213,883", "75,393", "86.7%", "Q1 2025", "+4.0 pp"} {
		if !strings.Contains(en, want) {
			t.Errorf("English report for 2025-Q1 lacks %q", want)
		}
	}
}

func TestSamplePagesCarryCharts(t *testing.T) {
	dir := sampleSite(t)
	for _, tc := range []struct{ path, chartID string }{
		{"index.html", "rates-trend-an-giang"},
		{"indicators/signature_rate/index.html", "signature-rate-trend-an-giang"},
		{"indicators/signature_rate/index.html", "signature-rate-ranking-2025-q3"},
		{"units/go-quao/index.html", "rates-trend-go-quao"},
	} {
		html := readPage(t, dir, tc.path)
		for _, want := range []string{
			`id="` + tc.chartID + `"`,
			`<script type="application/json" id="` + tc.chartID + `-option">`,
			`aria-labelledby="` + tc.chartID + `-title"`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: lacks %q", tc.path, want)
			}
		}
	}
	if html := readPage(t, dir, "about/index.html"); strings.Contains(html, "charts.") {
		t.Error("about page loads the chart script, though it has no chart")
	}
}

// TestSampleNoOtherHosts checks that no page refers to a script, style, font
// or image on another host.
func TestSampleNoOtherHosts(t *testing.T) {
	dir := sampleSite(t)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, attr := range []string{"src=http", "src=//", `src="http`, "href=http://", `@import`} {
			if bytes.Contains(b, []byte(attr)) {
				t.Errorf("%s refers to another host (%s)", path, attr)
			}
		}
		if bytes.Contains(b, []byte("<link rel=stylesheet href=http")) {
			t.Errorf("%s loads a stylesheet from another host", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// hashTree returns a digest of every file below dir, by relative path.
func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		sums[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func diffTrees(t *testing.T, a, b map[string]string) {
	t.Helper()
	n := 0
	for p, h := range a {
		if b[p] != h && n < 10 {
			t.Errorf("%s differs", p)
			n++
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok && n < 10 {
			t.Errorf("%s appeared", p)
			n++
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the sample site a second time")
	}
	first := hashTree(t, sampleSite(t))
	again := filepath.Join(t.TempDir(), "public")
	buildSample(t, again)
	diffTrees(t, first, hashTree(t, again))
}

// ownProject makes a project root of the test's own: copies of the content
// and the templates, and the real node_modules.
func ownProject(t *testing.T) string {
	t.Helper()
	proj := t.TempDir()
	abs, _ := filepath.Abs(root)
	for _, name := range []string{"node_modules", "package-lock.json"} {
		if err := os.Symlink(filepath.Join(abs, name), filepath.Join(proj, name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"content", "templates"} {
		if err := os.CopyFS(filepath.Join(proj, name), os.DirFS(filepath.Join(abs, name))); err != nil {
			t.Fatal(err)
		}
	}
	return proj
}

// TestBuildRefusesLinksInContent makes a hand-written page a symbolic
// link to a file elsewhere: the build fails naming it, before anything is
// published, and nothing of the file is written.
func TestBuildRefusesLinksInContent(t *testing.T) {
	t.Parallel()
	ds, res := loadSample(t)
	proj := ownProject(t)
	secret := filepath.Join(t.TempDir(), "env")
	os.WriteFile(secret, []byte("TOKEN=hunter2\n"), 0o644)
	about := filepath.Join(proj, "content", "about.md")
	os.Remove(about)
	if err := os.Symlink(secret, about); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.Site(ds, res, build.Options{Root: proj, Out: out})
	if err == nil || !strings.Contains(err.Error(), about+": a symbolic link") {
		t.Errorf("build with a linked page: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s was created: %v", out, err)
	}
}

// TestFailedBuildKeepsPublishedSite breaks a template after a good build and
// checks that the failing build leaves the published folder byte-identical.
func TestFailedBuildKeepsPublishedSite(t *testing.T) {
	t.Parallel()
	ds, res := loadSample(t)
	proj := ownProject(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(ds, res, build.Options{Root: proj, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := hashTree(t, out)

	broken := filepath.Join(proj, "templates", "layouts", "_partials", "footer.html")
	if err := os.WriteFile(broken, []byte(`{{ partial "no-such-partial.html" . }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Site(ds, res, build.Options{Root: proj, Out: out}); err == nil {
		t.Fatal("the build with a broken template succeeded")
	}
	diffTrees(t, before, hashTree(t, out))
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.staging-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

// TestFailedDownloadsFailTheBuild makes the open data fail while Hugo runs,
// with a published change log that is not JSON: the open-data pages wait
// for bodies that never come. The build must end with that error, not
// hang, and leave the published folder as it was.
func TestFailedDownloadsFailTheBuild(t *testing.T) {
	t.Parallel()
	ds, res := loadSample(t)
	out := filepath.Join(t.TempDir(), "public")
	log := filepath.Join(out, "data", "changes.json")
	if err := os.MkdirAll(filepath.Dir(log), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(log, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, publish.SiteMarker), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	before := hashTree(t, out)
	done := make(chan error, 1)
	go func() {
		_, err := build.Site(ds, res, build.Options{Root: root, Out: out})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "the published change log") {
			t.Errorf("build err = %v, want the change log's error", err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the build did not end: the open-data pages still wait for their bodies")
	}
	diffTrees(t, before, hashTree(t, out))
}

// TestGeneratedHeadsMatchTemplates builds the sample with the generated
// pages' heads and language switches written by Hugo's templates, as the
// hand-written pages' are, and checks that every file is the same as when
// the generator writes them (head.go), with a site root and with a full
// base URL.
func TestGeneratedHeadsMatchTemplates(t *testing.T) {
	t.Parallel()
	// The base URL whose path needs escaping is the hardest; the sweep
	// also builds with a site root and a plain base URL.
	headsMatchTemplates(t, "https://Example.gov.vn/Cổng Thông/")
}

// headsMatchTemplates builds the sample, with names that HTML escapers
// differ on, at each of the base URLs twice, with the heads written in Go
// and with the templates, and finds every file the same.
func headsMatchTemplates(t *testing.T, bases ...string) {
	ds, res := loadSample(t)
	// Text that HTML escapers differ on: html/template also escapes "+"
	// and replaces NUL.
	ds.Units[1].Name += ` 4G+ & <b> "x" 'y' ` + "\x00"
	ds.Catalogue.Indicators[0].Name.VI += " +"
	ds.Catalogue.Indicators[0].Name.EN += " +"
	for _, base := range bases {
		fromGo := filepath.Join(t.TempDir(), "public")
		if _, err := build.Site(ds, res, build.Options{Root: root, Out: fromGo, BaseURL: base}); err != nil {
			t.Fatal(err)
		}
		fromTemplates := filepath.Join(t.TempDir(), "public")
		if _, err := build.SiteWithTemplateHeads(ds, res, build.Options{Root: root, Out: fromTemplates, BaseURL: base}); err != nil {
			t.Fatal(err)
		}
		diffTrees(t, hashTree(t, fromTemplates), hashTree(t, fromGo))
	}
}

// emptyText finds an element that should name something but is empty: a
// heading, a column or row heading, a caption, a label or a button.
var emptyText = regexp.MustCompile(`<(h[1-6]|th|caption|figcaption|summary|label|button|title)( [^>]*)?>\s*</(h[1-6]|th|caption|figcaption|summary|label|button|title)>`)

// TestSamplePrintsNoBrokenString reads every page and feed of the sample
// site, in both languages, for what a string with a wrong format or a
// missing word leaves: fmt's "%!" marks, an unfilled %s or %d, and empty
// headings, captions and labels.
func TestSamplePrintsNoBrokenString(t *testing.T) {
	dir := sampleSite(t)
	pages := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".xml")) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages++
		s := string(b)
		rel, _ := filepath.Rel(dir, path)
		for _, text := range printed(s) {
			for _, bad := range []string{"%!", "%s", "%d", "%v"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s prints %q: %.120q", rel, bad, text)
				}
			}
		}
		if m := emptyText.FindString(s); m != "" {
			t.Errorf("%s has an empty %s", rel, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 500 {
		t.Errorf("read %d pages, want the whole sample site", pages)
	}
}

// printed returns the texts of an HTML or XML page that a reader can be
// shown: its text and its attributes' values, but for the data-*
// attributes, which hold words for scripts (search.js fills in the %d of
// data-found itself).
func printed(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.TextToken:
			out = append(out, string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				key, val, more := z.TagAttr()
				if !strings.HasPrefix(string(key), "data-") {
					out = append(out, string(val))
				}
				if !more {
					break
				}
			}
		}
	}
}

// TestDepartmentsRankedOnlyWhereTheyReport checks that a level ranked
// apart (the sample's departments) gets a ranking on the pages of the
// indicators its units report, and none of "no data" bars elsewhere.
func TestDepartmentsRankedOnlyWhereTheyReport(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	const title = "— Provincial departments (sample data)</figcaption>"
	if page := readPage(t, dir, "en/indicators/signature_rate/index.html"); !strings.Contains(page, title) {
		t.Error("the departments, which report e-office documents, are not ranked on signature_rate")
	}
	if page := readPage(t, dir, "en/indicators/online_service_rate/index.html"); strings.Contains(page, title) {
		t.Error("online_service_rate, which no department reports, ranks the departments")
	}
}

// TestUnitTrendsOnlyOfWhatTheUnitReports: a department of the sample
// reports the e-office's documents, not the portal's files, so its trend
// has the line of signed documents and none of the portal's rates (which
// the province's trend has); testdata/survey's Cumberland has no figure
// at all, so its page has no trend, while London's has one.
func TestUnitTrendsOnlyOfWhatTheUnitReports(t *testing.T) {
	t.Parallel()
	trend := func(page, id string) string {
		at := strings.Index(page, `<figure class="chart" id="`+id+`"`)
		if at < 0 {
			return ""
		}
		return page[at : at+strings.Index(page[at:], "</figure>")]
	}
	dir := sampleSite(t)
	dept, top := trend(readPage(t, dir, "en/units/so-noi-vu/index.html"), "rates-trend-so-noi-vu"),
		trend(readPage(t, dir, "en/index.html"), "rates-trend-an-giang")
	for name, want := range map[string]struct{ dept, top bool }{
		"Outgoing documents digitally signed": {true, true},
		"Files received online":               {false, true},
	} {
		if got := strings.Contains(dept, `scope="col" class="num">`+name+"<"); got != want.dept {
			t.Errorf("the department's trend has a column of %s: %v, want %v", name, got, want.dept)
		}
		if got := strings.Contains(top, `scope="col" class="num">`+name+"<"); got != want.top {
			t.Errorf("the province's trend has a column of %s: %v, want %v", name, got, want.top)
		}
	}
	survey := surveySite.site(t)
	if trend(readPage(t, survey, "en/units/cumberland/index.html"), "rates-trend-cumberland") != "" {
		t.Error("Cumberland, which has no figure, has a trend")
	}
	if trend(readPage(t, survey, "en/units/london/index.html"), "rates-trend-london") == "" {
		t.Error("London has no trend")
	}
}
