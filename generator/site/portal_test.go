package site_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"minhbach/generator/build"
	"minhbach/generator/internal/browser"
)

// TestReportCommentaryCitesLiveFigures checks that the commentary's
// placeholders became the figures the tables show.
func TestReportCommentaryCitesLiveFigures(t *testing.T) {
	dir := sampleSite(t)
	for _, tc := range []struct{ page, want string }{
		{"reports/2025-q1/index.html", "toàn tỉnh xử lý 213.883 văn bản đến"},
		{"reports/2025-q1/index.html", "đạt <strong>86,7%</strong>, tăng\n+4,0 điểm % so với cả năm 2024"},
		{"en/reports/2025-q1/index.html", "processed 213,883 incoming documents"},
		{"en/reports/2025-q1/index.html", "<strong>86.7%</strong>,\n+4.0 pp on the whole of 2024"},
	} {
		if html := readPage(t, dir, tc.page); !strings.Contains(html, tc.want) {
			t.Errorf("%s lacks %q", tc.page, tc.want)
		}
	}
	if html := readPage(t, dir, "reports/2025-q2/index.html"); strings.Contains(html, "commentary") {
		t.Error("the 2025-Q2 report has a commentary section, but no commentary was written")
	}
}

// atomFeed is what TestFeedIsValidAtom reads of a feed.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// TestFeedIsValidAtom checks the report feeds against what RFC 4287
// requires of a feed and its entries.
func TestFeedIsValidAtom(t *testing.T) {
	dir := sampleSite(t)
	for _, path := range []string{"reports/index.xml", "en/reports/index.xml"} {
		b, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		var f atomFeed
		if err := xml.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if f.ID == "" || f.Title == "" {
			t.Errorf("%s: feed id %q title %q", path, f.ID, f.Title)
		}
		if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
			t.Errorf("%s: feed updated: %v", path, err)
		}
		self := false
		for _, l := range f.Links {
			self = self || (l.Rel == "self" && strings.HasSuffix(l.Href, path))
		}
		if !self {
			t.Errorf("%s: no self link", path)
		}
		if len(f.Entries) != 8 {
			t.Fatalf("%s: %d entries, want 7 quarters and the year 2024", path, len(f.Entries))
		}
		ids, year := map[string]bool{}, false
		for i, e := range f.Entries {
			if e.ID == "" || ids[e.ID] || e.Title == "" || e.Link.Href == "" || e.Summary == "" {
				t.Errorf("%s entry %d: %+v", path, i, e)
			}
			ids[e.ID] = true
			year = year || strings.HasSuffix(e.Link.Href, "/reports/2024/")
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("%s entry %d updated: %v", path, i, err)
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(e.Link.Href, "/")), "index.html")); err != nil {
				t.Errorf("%s entry %d links to a missing page: %v", path, i, err)
			}
		}
		if !year {
			t.Errorf("%s: no entry of the year report 2024", path)
		}
		if !strings.Contains(f.Entries[0].Title, "2025") || !strings.Contains(f.Entries[0].Link.Href, "2025-q3") {
			t.Errorf("%s: newest entry first, got %q", path, f.Entries[0].Title)
		}
	}
}

// dataPackage is what TestDataPackage reads of /datapackage.json.
type dataPackage struct {
	Resources []struct {
		Name, Path, Format, MediaType string
		Bytes                         int64
		// Schema is the path of the resource's Table Schema.
		Schema string
	} `json:"resources"`
	Licenses []struct{ Name string } `json:"licenses"`
}

// tableSchema is what TestDataPackage reads of a Table Schema.
type tableSchema struct {
	Fields        []struct{ Name, Type string }
	MissingValues []string `json:"missingValues"`
	PrimaryKey    []string `json:"primaryKey"`
}

// TestDataPackage checks that every path the descriptor names exists with
// the size it gives, and that every download, CSV or JSON, matches the
// Table Schema it names: the columns in order, every cell of its type, no
// two rows with the same primary key.
func TestDataPackage(t *testing.T) {
	dir := sampleSite(t)
	var dp dataPackage
	readJSON(t, filepath.Join(dir, "datapackage.json"), &dp)
	if len(dp.Licenses) == 0 || dp.Licenses[0].Name != "CC-BY-4.0" {
		t.Errorf("licenses = %+v", dp.Licenses)
	}
	// 12 indicators and 110 units (104 territorial, Kiên Giang among them, 6 departments), each as CSV and JSON, the observations and their annotations.
	if len(dp.Resources) != 2*(12+110)+2 {
		t.Errorf("%d resources", len(dp.Resources))
	}
	names := map[string]bool{}
	schemas := map[string]tableSchema{}
	for _, r := range dp.Resources {
		if names[r.Name] {
			t.Errorf("two resources are named %s", r.Name)
		}
		names[r.Name] = true
		path := filepath.Join(dir, filepath.FromSlash(r.Path))
		st, err := os.Stat(path)
		if err != nil {
			t.Errorf("resource %s: %v", r.Path, err)
			continue
		}
		if st.Size() != r.Bytes {
			t.Errorf("resource %s: %d bytes, descriptor says %d", r.Path, st.Size(), r.Bytes)
		}
		schema, ok := schemas[r.Schema]
		if !ok {
			readJSON(t, filepath.Join(dir, filepath.FromSlash(r.Schema)), &schema)
			schemas[r.Schema] = schema
		}
		if len(schema.Fields) == 0 || len(schema.PrimaryKey) == 0 || !slices.Equal(schema.MissingValues, []string{""}) {
			t.Fatalf("%s: schema %+v", r.Schema, schema)
		}
		var recs [][]string
		switch {
		case r.Format == "csv" && r.MediaType == "text/csv":
			recs = readRecords(t, path)
		case r.Format == "json" && r.MediaType == "application/json":
			recs = readJSONTable(t, path, schema)
		default:
			t.Fatalf("%s: format %s, media type %s", r.Path, r.Format, r.MediaType)
		}
		for i, field := range schema.Fields {
			if recs[0][i] != field.Name {
				t.Fatalf("%s: column %d is %q, schema says %q", r.Path, i+1, recs[0][i], field.Name)
			}
		}
		keys := map[string]int{}
		for n, rec := range recs[1:] {
			var key []string
			for i, cell := range rec {
				if slices.Contains(schema.PrimaryKey, schema.Fields[i].Name) {
					key = append(key, cell)
				}
				if cell == "" {
					continue // the declared missing value
				}
				if err := checkType(schema.Fields[i].Type, cell); err != nil {
					t.Fatalf("%s row %d column %s: %v", r.Path, n+1, schema.Fields[i].Name, err)
				}
			}
			k := strings.Join(key, "\x00")
			if first, ok := keys[k]; ok {
				t.Fatalf("%s: rows %d and %d share the primary key %q", r.Path, first, n+1, key)
			}
			keys[k] = n + 1
		}
	}
	if html := readPage(t, dir, "data/index.html"); !strings.Contains(html, "data/indicators/signature_rate.csv") || !strings.Contains(html, "10/10/2025") {
		t.Error("the open-data page does not list the downloads or the export date")
	}
}

// readJSONTable reads a JSON download as the records of its CSV twin,
// checking that each cell's JSON type is the one its column's type calls for.
func readJSONTable(t *testing.T, path string, schema tableSchema) [][]string {
	t.Helper()
	var rows [][]any
	readJSON(t, path, &rows)
	recs := make([][]string, len(rows))
	for i, row := range rows {
		if len(row) != len(schema.Fields) {
			t.Fatalf("%s row %d has %d cells, the schema %d fields", path, i, len(row), len(schema.Fields))
		}
		for j, v := range row {
			typ := schema.Fields[j].Type
			if i == 0 {
				typ = "string" // the column names
			}
			cell, ok := csvForm(v, typ)
			if !ok {
				t.Fatalf("%s row %d column %s: %#v is not a JSON %s", path, i, schema.Fields[j].Name, v, typ)
			}
			recs[i] = append(recs[i], cell)
		}
	}
	return recs
}

// readJSON decodes the JSON file at path into v.
func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func checkType(typ, cell string) error {
	var err error
	switch typ {
	case "number":
		_, err = strconv.ParseFloat(cell, 64)
	case "integer":
		_, err = strconv.Atoi(cell)
	case "boolean":
		_, err = strconv.ParseBool(cell)
	}
	return err
}

// TestSearchFindsWithAndWithoutDiacritics types queries into the search page
// in the browser, as a visitor would.
func TestSearchFindsWithAndWithoutDiacritics(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	for _, tc := range []struct{ page, query, want string }{
		{"search/", "go quao", "Gò Quao"},
		{"search/", "Gò Quao", "Gò Quao"},
		{"search/", "ky so", "Tỷ lệ văn bản đi được ký số"},
		{"en/search/", "phu quoc", "Phú Quốc"},
		{"en/search/", "signed", "Outgoing documents digitally signed"},
	} {
		t.Run(tc.page+tc.query, func(t *testing.T) {
			p, err := b.Visit(context.Background(), base+tc.page+"?q="+strings.ReplaceAll(tc.query, " ", "+"))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			// The first result, once search.js has listed it (the page's
			// timeout bounds the wait).
			var first struct{ Text, Href string }
			err = p.Eval(`new Promise((resolve) => {
				const list = document.getElementById('search-results');
				const found = () => {
					const a = list.querySelector('a');
					if (a) resolve({Text: a.textContent, Href: a.getAttribute('href')});
					return a !== null;
				};
				if (!found()) new MutationObserver(found).observe(list, {childList: true, subtree: true});
			})`, &first)
			if err != nil {
				t.Fatal(err)
			}
			if first.Text != tc.want {
				t.Errorf("first result %q, want %q", first.Text, tc.want)
			}
			if _, err := os.Stat(filepath.Join(sampleSite(t), filepath.FromSlash(strings.TrimPrefix(first.Href, "/")), "index.html")); err != nil {
				t.Errorf("result links to %q: %v", first.Href, err)
			}
			for _, e := range append(p.ConsoleErrors(), p.ExternalRequests(base)...) {
				t.Error(e)
			}
		})
	}
}

// TestReportPrints checks the report under print media: no navigation, the
// charts from their static SVG.
func TestReportPrints(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	p, err := b.Visit(context.Background(), base+"reports/2025-q1/", browser.WithMedia("print"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var got struct {
		Nav, Footer, Summary string
		StaticSVG            int
	}
	err = p.Eval(`({
		Nav: getComputedStyle(document.querySelector('.site-header nav')).display,
		Footer: getComputedStyle(document.querySelector('.site-footer')).display,
		Summary: document.querySelector('main').innerText.includes('213.883') ? 'yes' : 'no',
		StaticSVG: [...document.querySelectorAll('figure.chart .chart-canvas svg[role="img"]')].filter(s => getComputedStyle(s).display !== 'none').length,
	})`, &got)
	if err != nil {
		t.Fatal(err)
	}
	if got.Nav != "none" || got.Footer != "none" || got.Summary != "yes" || got.StaticSVG != 1 {
		t.Errorf("printed report: %+v; want no navigation or footer, the figures, and the static chart", got)
	}
}

// TestChangeLogRecordsRevisions publishes the sample, then an export that
// revises one figure, and checks the change log; publishing the same data
// again adds nothing.
func TestChangeLogRecordsRevisions(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the sample site three times")
	}
	out := filepath.Join(t.TempDir(), "public")
	buildSample(t, out)

	data := t.TempDir()
	if err := os.CopyFS(data, os.DirFS(filepath.Join(root, "data"))); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(data, "exports", "2025-q3", "eoffice.csv")
	src, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	fields := strings.Split(lines[1], ",") // period,unit,docs_incoming,…
	old := fields[2]
	fields[2] = "1"
	lines[1] = strings.Join(fields, ",")
	if err := os.WriteFile(export, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	rebuild := func() []byte {
		ds, res := loadData(t, data)
		if _, err := build.Site(ds, res, build.Options{Root: root, Out: out}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out, "data", "changes.json"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := rebuild()
	var log []struct {
		Initial        bool
		NewPeriods     []string `json:"new_periods"`
		Added, Removed int
		RevisedCount   int `json:"revised_count"`
		Revised        []struct{ Period, Unit, Measure, Old, New string }
	}
	if err := json.Unmarshal(first, &log); err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Initial || !log[1].Initial || len(log[0].Revised) != 1 || log[0].RevisedCount != 1 ||
		log[0].Added != 0 || log[0].Removed != 0 || len(log[0].NewPeriods) != 0 {
		t.Fatalf("change log: %+v; want the revision alone, then the first publication", log)
	}
	// The first publication added every observation, in 7 quarters and
	// the survey's year.
	if obs := readCSV(t, filepath.Join(out, "data", "observations.csv")); log[1].Added != len(obs) || len(log[1].NewPeriods) != 8 {
		t.Errorf("first publication: %d added, periods %v; want %d, 2024 and 2024-Q1 to 2025-Q3", log[1].Added, log[1].NewPeriods, len(obs))
	}
	r := log[0].Revised[0]
	if r.Period != "2025-Q3" || r.Unit != fields[1] || r.Measure != "docs_incoming" || r.Old != old || r.New != "1" {
		t.Errorf("revision %+v; want 2025-Q3 %s docs_incoming %s → 1", r, fields[1], old)
	}
	if again := rebuild(); string(again) != string(first) {
		t.Error("publishing the same data again changed the change log")
	}
}

// TestEmbedPages checks that every chart of the site has an embed page in
// each language, with the chart, its source line and a link back.
func TestEmbedPages(t *testing.T) {
	dir := sampleSite(t)
	for _, tc := range []struct{ page, back string }{
		{"embed/signature-rate-trend-an-giang/index.html", "/indicators/signature_rate/"},
		{"embed/signature-rate-ranking-2025-q3/index.html", "/indicators/signature_rate/"},
		{"embed/rates-trend-go-quao/index.html", "/units/go-quao/"},
		{"en/embed/rates-trend-an-giang/index.html", "/en/"},
		{"en/embed/report-2025-q1-rates-an-giang/index.html", "/en/reports/2025-q1/"},
	} {
		html := readPage(t, dir, tc.page)
		id := strings.Split(strings.TrimPrefix(tc.page, "en/"), "/")[1]
		for _, want := range []string{`<figure class="chart" id="` + id + `"`, `<script type="application/json" id="` + id + `-option">`, `href="` + tc.back + `" target="_top"`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %q", tc.page, want)
			}
		}
		if strings.Contains(html, `class="site-header"`) {
			t.Errorf("%s carries the site's navigation", tc.page)
		}
	}
}
