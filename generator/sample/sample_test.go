package sample_test

// These tests read the written CSV files back with encoding/csv and strconv
// and check them against the published figures; they do not look inside the
// generator.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"minhbach/generator/sample"
)

var update = flag.Bool("update", false, "rewrite the committed sample in ../../data")

// committedData is the repository's data folder, seen from this package.
const committedData = "../../data"

// The quarters of the shipped sample, as folder names under exports/.
var quarterSlugs = []string{"2024-q1", "2024-q2", "2024-q3", "2024-q4", "2025-q1", "2025-q2", "2025-q3"}

// The communes the sample makes lag behind.
var laggingUnits = []string{"giang-thanh", "hon-nghe", "o-lam", "thanh-loc", "vinh-phong"}

const localUnits = 102

// departments is how many provincial departments (level agency) the sample has.
const departments = 6

// mergedQuarters are the quarters in which Kiên Giang reported its own
// totals, 2024-Q1 to 2025-Q2, before it merged into An Giang.
const mergedQuarters = 6

// TestGeneratedSampleIsCurrent checks that the committed sample is exactly
// what the generator writes. Run with -update to rewrite it.
func TestGeneratedSampleIsCurrent(t *testing.T) {
	if *update {
		if err := sample.WriteAnGiang(committedData); err != nil {
			t.Fatal(err)
		}
	}
	fresh := generate(t)
	want := readTree(t, fresh)
	got := readTree(t, committedData)
	for _, name := range sortedKeys(want) {
		switch committed, ok := got[name]; {
		case !ok:
			t.Errorf("data/%s is missing; run go test ./generator/sample -run TestGeneratedSampleIsCurrent -update", name)
		case !bytes.Equal(committed, want[name]):
			t.Errorf("data/%s differs from what the generator writes; run go test ./generator/sample -run TestGeneratedSampleIsCurrent -update", name)
		}
	}
	for _, name := range sortedKeys(got) {
		if _, ok := want[name]; !ok && !mappedExample(got, name) {
			t.Errorf("data/%s is not written by the generator: remove it", name)
		}
	}
}

func TestWriteAnGiangIsDeterministic(t *testing.T) {
	a, b := readTree(t, generate(t)), readTree(t, generate(t))
	if len(a) != 1+5*len(quarterSlugs)+mergedQuarters+2 {
		t.Errorf("wrote %d files, want units.csv, 5 exports for each of %d quarters, Kiên Giang's %d, the survey and the break", len(a), len(quarterSlugs), mergedQuarters)
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestWriteAnGiangLeavesOtherFilesAlone(t *testing.T) {
	dir := t.TempDir()
	catalogue := filepath.Join(dir, "catalogue.toml")
	if err := os.WriteFile(catalogue, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteAnGiang(dir); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(catalogue); err != nil || string(data) != "# mine\n" {
		t.Errorf("catalogue.toml was changed: %q, %v", data, err)
	}
	// A second run replaces the files in place and leaves no temporary files.
	if err := sample.WriteAnGiang(dir); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), ".") {
			t.Errorf("temporary file left behind: %s", path)
		}
		return err
	})
}

func TestUnitsFile(t *testing.T) {
	units := readTable(t, filepath.Join(generate(t), "units.csv"))
	if got := strings.Join(units.header, ","); got != "code,name,type,parent,valid_to,successor" {
		t.Fatalf("header %q, want code,name,type,parent,valid_to,successor", got)
	}
	if len(units.rows) != 1+localUnits+departments+1 {
		t.Fatalf("%d units, want the province, %d commune-level units, %d departments and Kiên Giang", len(units.rows), localUnits, departments)
	}
	if got := strings.Join(units.rows[len(units.rows)-1], ","); got != "kien-giang,Kiên Giang,province,,2025-Q2,an-giang" {
		t.Errorf("last unit %q, want Kiên Giang, valid to 2025-Q2, succeeded by an-giang", got)
	}
	if got := strings.Join(units.rows[0], ","); got != "an-giang,An Giang,province,,," {
		t.Errorf("first unit %q, want an-giang,An Giang,province,,,", got)
	}

	// The names and types are the published list's, in its order.
	list, err := os.ReadFile("an-giang-units.csv")
	if err != nil {
		t.Fatal(err)
	}
	published, err := csv.NewReader(bytes.NewReader(list)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	slug := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	codes := map[string]bool{}
	types := map[string]int{}
	for i, row := range units.rows[1 : len(units.rows)-1] { // Kiên Giang, last, is checked above
		code, name, typ, parent := row[0], row[1], row[2], row[3]
		if i >= localUnits {
			if typ != "agency" || parent != "an-giang" || !strings.HasPrefix(name, "Sở ") {
				t.Errorf("unit %d is %s %q under %q, want a department (agency) of an-giang", i+1, typ, name, parent)
			}
			continue
		}
		if want := published[i+1]; typ != want[0] || name != want[1] {
			t.Errorf("unit %d is %s %q, want %s %q", i+1, typ, name, want[0], want[1])
		}
		if !slug.MatchString(code) || codes[code] {
			t.Errorf("code %q of %q is not a slug or not unique", code, name)
		}
		if parent != "an-giang" {
			t.Errorf("unit %s has parent %q, want an-giang", code, parent)
		}
		codes[code] = true
		types[typ]++
	}
	if types["commune"] != 85 || types["ward"] != 14 || types["special_zone"] != 3 {
		t.Errorf("unit types %v, want 85 communes, 14 wards, 3 special zones", types)
	}
	for _, code := range []string{"go-quao", "thanh-my-tay", "phu-quoc", "tho-chau", "long-xuyen", "dinh-hoa", "o-lam", "oc-eo", "u-minh-thuong"} {
		if !codes[code] {
			t.Errorf("no unit with code %s", code)
		}
	}
}

func TestSlug(t *testing.T) {
	for name, want := range map[string]string{
		"Gò Quao": "go-quao", "Thạnh Mỹ Tây": "thanh-my-tay", "Đông Hưng": "dong-hung",
		"Ô Lâm": "o-lam", "Cù Lao Giêng": "cu-lao-gieng", "Thổ Châu": "tho-chau", "Hòn Đất": "hon-dat",
	} {
		if got, err := sample.Slug(name); err != nil || got != want {
			t.Errorf("Slug(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := sample.Slug("Phường 1/2"); err == nil {
		t.Error("Slug accepted a slash")
	}
}

func TestExportShapes(t *testing.T) {
	dir := generate(t)
	units := readTable(t, filepath.Join(dir, "units.csv"))
	var order, depts []string
	for _, row := range units.rows[1:] {
		if row[2] == "agency" {
			depts = append(depts, row[0])
			continue
		}
		if row[2] == "province" {
			continue // Kiên Giang: its own file (TestMergedProvince)
		}
		order = append(order, row[0])
	}
	for _, q := range quarterSlugs {
		period := strings.ToUpper(q[:4]) + "-Q" + q[6:]
		for _, f := range []struct{ name, header string }{
			{"eoffice.csv", "period,unit,docs_incoming,docs_outgoing,docs_outgoing_signed,eoffice_accounts,eoffice_mobile_users"},
			{"portal.csv", "period,unit,files_received,files_received_online,files_digitized,files_resolved,files_resolved_on_time"},
		} {
			tb := readTable(t, filepath.Join(dir, "exports", q, f.name))
			if got := strings.Join(tb.header, ","); got != f.header {
				t.Errorf("%s/%s: header %q, want %q", q, f.name, got, f.header)
			}
			if len(tb.rows) != localUnits {
				t.Fatalf("%s/%s: %d rows, want %d", q, f.name, len(tb.rows), localUnits)
			}
			for i, row := range tb.rows {
				if row[0] != period || row[1] != order[i] {
					t.Errorf("%s/%s row %d: %s %s, want %s %s", q, f.name, i+1, row[0], row[1], period, order[i])
				}
				for _, cell := range row[2:] {
					count(t, cell)
				}
			}
		}
		tb := readTable(t, filepath.Join(dir, "exports", q, "network.csv"))
		if got := strings.Join(tb.header, ","); got != "period,unit,measure,value" {
			t.Errorf("%s/network.csv: header %q", q, got)
		}
		if len(tb.rows) != 1+3*localUnits {
			t.Errorf("%s/network.csv: %d rows, want the province's and 3 per unit", q, len(tb.rows))
		}
		perUnit := map[string][]string{}
		for _, row := range tb.rows {
			if row[0] != period {
				t.Errorf("%s/network.csv: period %s", q, row[0])
			}
			perUnit[row[1]] = append(perUnit[row[1]], row[2])
		}
		// The departments report e-office documents only, in a file of their own.
		dt := readTable(t, filepath.Join(dir, "exports", q, "eoffice-departments.csv"))
		if got := strings.Join(dt.header, ","); got != "period,unit,docs_incoming,docs_outgoing,docs_outgoing_signed" {
			t.Errorf("%s/eoffice-departments.csv: header %q", q, got)
		}
		// In the quarter after the merger, Sở Nội vụ's series breaks: its
		// figures are in eoffice-departments-break.csv, with status B and
		// its note, in long form.
		depts := depts
		if q == "2025-q3" {
			bt := readTable(t, filepath.Join(dir, "exports", q, "eoffice-departments-break.csv"))
			if got := strings.Join(bt.header, ","); got != "period,unit,measure,value,status,note" || len(bt.rows) != 3 {
				t.Fatalf("%s/eoffice-departments-break.csv: header %q, %d rows; want the long form with status and note, 3 rows", q, got, len(bt.rows))
			}
			for _, row := range bt.rows {
				if row[1] != "so-noi-vu" || row[4] != "B" || !strings.Contains(row[5], "Kiên Giang") {
					t.Errorf("%s/eoffice-departments-break.csv: row %v, want so-noi-vu with B and a note naming Kiên Giang", q, row)
				}
			}
			depts = depts[1:]
		}
		if len(dt.rows) != len(depts) {
			t.Fatalf("%s/eoffice-departments.csv: %d rows, want %d", q, len(dt.rows), len(depts))
		}
		for i, row := range dt.rows {
			in, out, signed := count(t, row[2]), count(t, row[3]), count(t, row[4])
			if row[0] != period || row[1] != depts[i] || in <= 0 || out <= 0 || signed > out {
				t.Errorf("%s/eoffice-departments.csv row %d: %v, want %s %s with signed ≤ outgoing", q, i+1, row, period, depts[i])
			}
		}
		if got := strings.Join(perUnit["an-giang"], ","); got != "broadband_mbps" {
			t.Errorf("%s/network.csv: province measures %q, want broadband_mbps", q, got)
		}
		for _, code := range order {
			if got := strings.Join(perUnit[code], ","); got != "video_points,broadband_subscribers,broadband_mbps" {
				t.Errorf("%s/network.csv: %s measures %q", q, code, got)
			}
		}
	}
}

func TestPublishedFigures2025Q1(t *testing.T) {
	s := load(t, generate(t))
	q := s["2025-q1"]
	for _, c := range []struct {
		measure string
		want    int
	}{
		{"docs_incoming", 213883}, {"docs_outgoing", 75393}, {"docs_outgoing_signed", 65366},
		{"eoffice_accounts", 7736}, {"eoffice_mobile_users", 3845}, {"video_points", 204},
	} {
		if got := q.sum(c.measure); got != c.want {
			t.Errorf("2025-Q1 Σ %s = %d, want %d", c.measure, got, c.want)
		}
	}
	if got := q.province["broadband_mbps"]; got != "65.3" {
		t.Errorf("2025-Q1 province broadband_mbps %q, want 65.3", got)
	}
	if r := q.rate("docs_outgoing_signed", "docs_outgoing"); oneDecimal(r) != 86.7 {
		t.Errorf("2025-Q1 signature rate %.4f%%, want 86.7%%", r)
	}
	if r := q.rate("files_received_online", "files_received"); r < 74 || r >= 75 {
		t.Errorf("2025-Q1 online filing %.4f%%, want over 74%% (and under 75%%)", r)
	}
	if r := q.rate("files_digitized", "files_received"); r < 81 || r >= 82 {
		t.Errorf("2025-Q1 digitization %.4f%%, want over 81%% (and under 82%%)", r)
	}
	if r := q.rate("files_resolved_on_time", "files_resolved"); r < 95 || r > 98 {
		t.Errorf("2025-Q1 on time %.4f%%, want 95%% to 98%%", r)
	}
}

func TestSignatureRates(t *testing.T) {
	s := load(t, generate(t))
	signed, outgoing := 0, 0
	var quarterly []float64
	for _, q := range quarterSlugs {
		if strings.HasPrefix(q, "2024") {
			signed += s[q].sum("docs_outgoing_signed")
			outgoing += s[q].sum("docs_outgoing")
		}
		quarterly = append(quarterly, s[q].rate("docs_outgoing_signed", "docs_outgoing"))
	}
	year := 100 * float64(signed) / float64(outgoing)
	if math.Abs(year-82.70) > 0.02 {
		t.Errorf("2024 signature rate %.4f%%, want 82.70%% ± 0.02", year)
	}
	if d := oneDecimal(quarterly[4]) - oneDecimal(year); math.Abs(d-4.0) > 1e-9 {
		t.Errorf("2025-Q1 is %.1f points above 2024, want 4.0", d)
	}
	for i := 1; i < len(quarterly); i++ {
		if quarterly[i] <= quarterly[i-1] {
			t.Errorf("signature rate falls from %s to %s: %.2f%% → %.2f%%", quarterSlugs[i-1], quarterSlugs[i], quarterly[i-1], quarterly[i])
		}
	}
	if quarterly[0] < 80 || quarterly[3] > 85 {
		t.Errorf("2024 quarters %.2f%% … %.2f%%, want about 81%% rising to 84%%", quarterly[0], quarterly[3])
	}
	if r := quarterly[5]; r < 87 || r > 89 {
		t.Errorf("2025-Q2 signature rate %.2f%%, want about 88%%", r)
	}
	if r := quarterly[6]; r < 88.5 || r > 90.5 {
		t.Errorf("2025-Q3 signature rate %.2f%%, want about 89.5%%", r)
	}
}

func TestPortalRatesRise(t *testing.T) {
	s := load(t, generate(t))
	for _, r := range [][2]string{
		{"files_received_online", "files_received"},
		{"files_digitized", "files_received"},
		{"files_resolved_on_time", "files_resolved"},
	} {
		prev := 0.0
		for _, q := range quarterSlugs {
			rate := s[q].rate(r[0], r[1])
			if rate <= prev {
				t.Errorf("%s / %s does not rise into %s: %.2f%% after %.2f%%", r[0], r[1], q, rate, prev)
			}
			prev = rate
		}
	}
	if r := s["2024-q1"].rate("files_resolved_on_time", "files_resolved"); r < 90 {
		t.Errorf("2024-Q1 on-time rate %.2f%%, want above 90%%", r)
	}
}

func TestStocksGrowToPublished(t *testing.T) {
	s := load(t, generate(t))
	for _, m := range []string{"eoffice_accounts", "eoffice_mobile_users", "video_points", "broadband_subscribers"} {
		for i := 1; i < len(quarterSlugs); i++ {
			before, after := s[quarterSlugs[i-1]], s[quarterSlugs[i]]
			if after.sum(m) <= before.sum(m) {
				t.Errorf("Σ %s does not grow into %s: %d after %d", m, quarterSlugs[i], after.sum(m), before.sum(m))
			}
			for code, v := range after.units {
				if v[m] < before.units[code][m] {
					t.Errorf("%s of %s falls in %s: %d after %d", m, code, quarterSlugs[i], v[m], before.units[code][m])
				}
			}
		}
		first, published := s["2024-q1"].sum(m), s["2025-q1"].sum(m)
		if float64(first) < 0.75*float64(published) {
			t.Errorf("Σ %s grows from %d to %d in a year: want slow growth", m, first, published)
		}
	}
}

func TestEveryUnitIsConsistent(t *testing.T) {
	s := load(t, generate(t))
	for _, q := range quarterSlugs {
		for code, v := range s[q].units {
			for _, pair := range [][2]string{
				{"docs_outgoing_signed", "docs_outgoing"},
				{"eoffice_mobile_users", "eoffice_accounts"},
				{"files_received_online", "files_received"},
				{"files_digitized", "files_received"},
				{"files_resolved_on_time", "files_resolved"},
			} {
				if v[pair[0]] > v[pair[1]] {
					t.Errorf("%s %s: %s %d above %s %d", q, code, pair[0], v[pair[0]], pair[1], v[pair[1]])
				}
			}
			for _, m := range []string{"docs_outgoing", "eoffice_accounts", "files_received", "files_resolved", "video_points", "broadband_subscribers"} {
				if v[m] < 1 {
					t.Errorf("%s %s: %s is %d, want at least 1", q, code, m, v[m])
				}
			}
			if mbps := s[q].mbps[code]; mbps < 30 || mbps > 90 {
				t.Errorf("%s %s: broadband %.1f Mbps, want 30 to 90", q, code, mbps)
			}
		}
	}
}

func TestBroadbandSpeeds(t *testing.T) {
	s := load(t, generate(t))
	prev := 0.0
	for _, q := range quarterSlugs {
		province, err := strconv.ParseFloat(s[q].province["broadband_mbps"], 64)
		if err != nil {
			t.Fatalf("%s: province broadband_mbps: %v", q, err)
		}
		if province <= prev {
			t.Errorf("%s: province speed %.1f does not rise from %.1f", q, province, prev)
		}
		prev = province
		weighted, subscribers := 0.0, 0.0
		for code, v := range s[q].units {
			weighted += s[q].mbps[code] * float64(v["broadband_subscribers"])
			subscribers += float64(v["broadband_subscribers"])
		}
		if mean := weighted / subscribers; math.Abs(mean-province) > 3 {
			t.Errorf("%s: subscriber-weighted mean %.2f Mbps, province %.1f", q, mean, province)
		}
	}
	if first := s["2024-q1"].province["broadband_mbps"]; !strings.HasPrefix(first, "52.") {
		t.Errorf("2024-Q1 province speed %s, want about 52", first)
	}
}

func TestUnitsDifferByType(t *testing.T) {
	dir := generate(t)
	s := load(t, dir)["2025-q1"]
	types := map[string]string{}
	for _, row := range readTable(t, filepath.Join(dir, "units.csv")).rows {
		types[row[0]] = row[2]
	}
	var communes, wards []int
	for code, v := range s.units {
		switch types[code] {
		case "commune":
			communes = append(communes, v["docs_incoming"])
		case "ward":
			wards = append(wards, v["docs_incoming"])
		}
	}
	if median(wards) < 1.3*median(communes) {
		t.Errorf("median ward handles %v incoming documents, median commune %v: want wards clearly busier", median(wards), median(communes))
	}
	phuQuoc := s.units["phu-quoc"]["docs_incoming"]
	if phuQuoc < slices.Max(communes) {
		t.Errorf("Phú Quốc handles %d incoming documents, fewer than some commune (%d)", phuQuoc, slices.Max(communes))
	}
	for _, island := range []string{"kien-hai", "tho-chau"} {
		if v := s.units[island]["docs_incoming"]; v > slices.Min(communes) {
			t.Errorf("%s handles %d incoming documents, more than the quietest commune (%d)", island, v, slices.Min(communes))
		}
	}
}

func TestLaggingUnits(t *testing.T) {
	s := load(t, generate(t))
	for _, q := range quarterSlugs {
		rest := func(num, den string) float64 {
			n, d := 0, 0
			for code, v := range s[q].units {
				if !slices.Contains(laggingUnits, code) {
					n, d = n+v[num], d+v[den]
				}
			}
			return 100 * float64(n) / float64(d)
		}
		signRest, onlineRest := rest("docs_outgoing_signed", "docs_outgoing"), rest("files_received_online", "files_received")
		for _, code := range laggingUnits {
			v := s[q].units[code]
			sign := 100 * float64(v["docs_outgoing_signed"]) / float64(v["docs_outgoing"])
			online := 100 * float64(v["files_received_online"]) / float64(v["files_received"])
			if gap := signRest - sign; gap < 20 || gap > 30 {
				t.Errorf("%s %s: signature rate %.1f%%, %.1f points below the rest; want 20 to 30", q, code, sign, gap)
			}
			if gap := onlineRest - online; gap < 20 {
				t.Errorf("%s %s: online filing %.1f%%, only %.1f points below the rest", q, code, online, gap)
			}
		}
		// The lagging units are the bottom five of the signature ranking.
		type ranked struct {
			code string
			rate float64
		}
		var ranking []ranked
		for code, v := range s[q].units {
			ranking = append(ranking, ranked{code, float64(v["docs_outgoing_signed"]) / float64(v["docs_outgoing"])})
		}
		sort.Slice(ranking, func(i, j int) bool { return ranking[i].rate < ranking[j].rate })
		for _, r := range ranking[:len(laggingUnits)] {
			if !slices.Contains(laggingUnits, r.code) {
				t.Errorf("%s: %s is among the bottom %d of the signature ranking", q, r.code, len(laggingUnits))
			}
		}
	}
}

// ---- reading the files back ------------------------------------------------

// generate writes the An Giang sample into a fresh temporary folder.
func generate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := sample.WriteAnGiang(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readTree reads units.csv and every file under exports/ in dir, keyed by
// slash-separated path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	read := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
	}
	if _, err := os.Stat(filepath.Join(dir, "units.csv")); err == nil {
		read(filepath.Join(dir, "units.csv"))
	}
	err := filepath.WalkDir(filepath.Join(dir, "exports"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			read(path)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

// mappedExample reports whether name is part of a hand-made example of a
// foreign export — a CSV file and its mapping file of the same name — which
// the sample ships beside what the generator writes.
func mappedExample(files map[string][]byte, name string) bool {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	_, csv := files[base+".csv"]
	_, mapping := files[base+".toml"]
	return csv && mapping
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// table is a CSV file read back: its header and its rows.
type table struct {
	header []string
	rows   [][]string
}

// readTable reads a CSV file, checking that it is UTF-8 without a BOM and
// has LF line ends.
func readTable(t *testing.T, path string) table {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(data) || bytes.HasPrefix(data, []byte("\uFEFF")) || bytes.ContainsRune(data, '\r') || !bytes.HasSuffix(data, []byte("\n")) {
		t.Errorf("%s: want UTF-8 without BOM, LF line ends, a final newline", path)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", path)
	}
	return table{header: recs[0], rows: recs[1:]}
}

// count reads a count written canonically: digits only, no leading zero.
func count(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strconv.Itoa(n) != s {
		t.Errorf("value %q is not a canonical count", s)
	}
	return n
}

// quarter is one quarter's exports, read back.
type quarter struct {
	// units maps a unit code to its counts by measure.
	units map[string]map[string]int
	// mbps maps a unit code to its broadband speed.
	mbps map[string]float64
	// province holds the province's own rows, as written.
	province map[string]string
}

// load reads the exports of every quarter in dir.
func load(t *testing.T, dir string) map[string]quarter {
	t.Helper()
	quarters := map[string]quarter{}
	for _, q := range quarterSlugs {
		qr := quarter{units: map[string]map[string]int{}, mbps: map[string]float64{}, province: map[string]string{}}
		unit := func(code string) map[string]int {
			if qr.units[code] == nil {
				qr.units[code] = map[string]int{}
			}
			return qr.units[code]
		}
		for _, name := range []string{"eoffice.csv", "portal.csv"} {
			tb := readTable(t, filepath.Join(dir, "exports", q, name))
			for _, row := range tb.rows {
				for i, cell := range row[2:] {
					unit(row[1])[tb.header[i+2]] = count(t, cell)
				}
			}
		}
		for _, row := range readTable(t, filepath.Join(dir, "exports", q, "network.csv")).rows {
			code, measure, value := row[1], row[2], row[3]
			switch {
			case code == "an-giang":
				qr.province[measure] = value
			case measure == "broadband_mbps":
				v, err := strconv.ParseFloat(value, 64)
				if err != nil || strings.ContainsAny(value, ",eE+-") {
					t.Errorf("%s %s: speed %q is not a canonical amount", q, code, value)
				}
				qr.mbps[code] = v
			default:
				unit(code)[measure] = count(t, value)
			}
		}
		if len(qr.units) != localUnits {
			t.Fatalf("%s: %d units, want %d", q, len(qr.units), localUnits)
		}
		quarters[q] = qr
	}
	return quarters
}

// sum adds a measure over all commune-level units.
func (q quarter) sum(measure string) int {
	s := 0
	for _, v := range q.units {
		s += v[measure]
	}
	return s
}

// rate is Σ numerator / Σ denominator over all units, in percent.
func (q quarter) rate(numerator, denominator string) float64 {
	return 100 * float64(q.sum(numerator)) / float64(q.sum(denominator))
}

// oneDecimal rounds a percentage as the site shows it.
func oneDecimal(x float64) float64 { return math.Round(x*10) / 10 }

func median(xs []int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return float64(s[len(s)/2])
	}
	return float64(s[len(s)/2-1]+s[len(s)/2]) / 2
}

// TestMergedProvince: Kiên Giang reports its own totals in a file of its
// own up to 2025-Q2, with rates a little below An Giang's, and from 2025-Q3
// An Giang's communes cover both provinces: their documents are about
// An Giang's and Kiên Giang's together.
func TestMergedProvince(t *testing.T) {
	dir := generate(t)
	sum := func(q, file string, col int) (total int) {
		for _, row := range readTable(t, filepath.Join(dir, "exports", q, file)).rows {
			total += count(t, row[col])
		}
		return total
	}
	for _, q := range quarterSlugs[:mergedQuarters] {
		kg := readTable(t, filepath.Join(dir, "exports", q, "kien-giang.csv"))
		if len(kg.rows) != 1 || len(kg.header) != 15 || kg.rows[0][1] != "kien-giang" {
			t.Fatalf("%s/kien-giang.csv: %v %v, want one row of Kiên Giang's 13 measures", q, kg.header, kg.rows)
		}
		in, out, signed := count(t, kg.rows[0][2]), count(t, kg.rows[0][3]), count(t, kg.rows[0][4])
		agIn := sum(q, "eoffice.csv", 2)
		if in < agIn/2 || in > agIn || signed > out {
			t.Errorf("%s: Kiên Giang %d incoming (An Giang %d), %d of %d signed", q, in, agIn, signed, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "exports", "2025-q3", "kien-giang.csv")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("2025-q3/kien-giang.csv: %v, want none after the merger", err)
	}
	q2, q3 := sum("2025-q2", "eoffice.csv", 2)+count(t, readTable(t, filepath.Join(dir, "exports", "2025-q2", "kien-giang.csv")).rows[0][2]), sum("2025-q3", "eoffice.csv", 2)
	if q3 < q2*9/10 || q3 > q2*12/10 {
		t.Errorf("An Giang's communes in 2025-Q3: %d incoming, want about An Giang's and Kiên Giang's %d of 2025-Q2", q3, q2)
	}
}
