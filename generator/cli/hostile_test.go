package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileCases are malformed units.csv, catalogue.toml and site.toml files:
// the file, how the sample's is changed, and the finding expected (after
// the data folder's path and a slash), which names the file, and the line
// and column where there is one. Where the line depends on the sample, want
// holds %d and at says where it is: the line of the first occurrence of
// at's text in the edited file.
var hostileCases = []struct {
	name, file string
	edit       func(string) string
	want, at   string
}{
	{"empty units", "units.csv", func(string) string { return "" },
		`units.csv:1:1: the file is empty; expected a header line`, ""},
	{"units header only", "units.csv", func(string) string { return "code,name,type,parent\n" },
		`units.csv:2:1: no units; expected a row for each unit after the header`, ""},
	{"units missing parent", "units.csv", func(s string) string {
		return strings.Replace(s, "kien-hai,Kiên Hải,special_zone,an-giang", "kien-hai,Kiên Hải,special_zone,nowhere", 1)
	},
		`units.csv:3:32: found "nowhere", expected the code of a unit defined on an earlier line`, ""},
	{"units parent after child", "units.csv", func(s string) string {
		return strings.Replace(s, "an-giang,An Giang,province,,,\n", "", 1) + "an-giang,An Giang,province,,,\n"
	}, `units.csv:2:32: found "an-giang", expected the code of a unit defined on an earlier line`, ""},
	{"units reserved code", "units.csv", func(s string) string {
		return strings.Replace(s, "kien-hai,Kiên Hải,", "con,Kiên Hải,", 1)
	}, `units.csv:%d:1: found "con", a name Windows reserves for a device`, "con,Kiên Hải"},
	{"units wrong header", "units.csv", func(string) string { return "id,name\nx,X\n" },
		`units.csv:1:1: missing column "code"; the header must have code,name,type,parent`, ""},
	{"units binary", "units.csv", func(string) string { return "\x00\x01\x02" },
		`units.csv:1:1: a NUL byte at byte offset 0`, ""},
	{"units quote left open", "units.csv", func(s string) string { return s + "\"x,y,commune,an-giang\n" },
		`units.csv:%d:1: the quoted field starting here is never closed`, `"x,y,commune`},
	{"empty catalogue", "catalogue.toml", func(string) string { return "" },
		`catalogue.toml: no measures; expected at least one [[measures]] entry`, ""},
	{"catalogue syntax", "catalogue.toml", func(s string) string { return s + "\n[[measures]\n" },
		`catalogue.toml:%d:11: toml: expected ']]' to close array table name`, "[measures]\n"},
	{"catalogue wrong type", "catalogue.toml", func(s string) string { return strings.Replace(s, `kind = "count"`, `kind = 3`, 1) },
		`catalogue.toml:%d:8: toml: cannot decode TOML integer into struct field dataset.Measure.Kind of type dataset.MeasureKind`, `kind = 3`},
	{"catalogue unknown key", "catalogue.toml", func(s string) string { return strings.Replace(s, `kind = "count"`, `knid = "count"`, 1) },
		`catalogue.toml:%d:1: unknown key "measures.knid"`, `knid`},
	{"indicator with a missing measure", "catalogue.toml", func(s string) string {
		return strings.Replace(s, `numerator = "docs_outgoing_signed"`, `numerator = "nowhere"`, 1)
	}, `catalogue.toml:%d:1: indicator "signature_rate": "nowhere" is not a measure`, `numerator = "nowhere"`},
	{"missing weight", "catalogue.toml", func(s string) string {
		return strings.Replace(s, `weight = "broadband_subscribers"`, `weight = "nowhere"`, 1)
	}, `catalogue.toml:%d:1: measure "broadband_mbps": weight "nowhere" is not a measure`, `weight = "nowhere"`},
	{"weights in a circle", "catalogue.toml", func(s string) string {
		return strings.Replace(s, "across_units = \"sum\"\nsource = \"network inventory\"\nname = { vi = \"Thuê bao", "across_units = \"weighted_mean\"\nweight = \"broadband_mbps\"\nsource = \"network inventory\"\nname = { vi = \"Thuê bao", 1)
	}, `catalogue.toml:%d:1: measure "broadband_mbps": weight "broadband_subscribers" is itself weighted; expected a measure that adds up (across_units = "sum")`, `weight = "broadband_subscribers"`},
	{"duplicate measure", "catalogue.toml", func(s string) string {
		return strings.Replace(s, `id = "broadband_mbps"`, `id = "broadband_subscribers"`, 1)
	}, `catalogue.toml:%d:1: measure "broadband_subscribers": expected a unique id of lower-case letters, digits and _`, "id = \"broadband_subscribers\"\nkind = \"amount\""},
	{"unknown unit type", "catalogue.toml", func(s string) string {
		return strings.Replace(s, "kind = \"count\"\n", "kind = \"count\"\napplies_to = [\"village\"]\n", 1)
	}, `catalogue.toml:%d:1: measure "docs_incoming": applies_to has unknown level "village", expected one of `, `applies_to = ["village"]`},
	{"unknown score group", "catalogue.toml", func(s string) string { return strings.Replace(s, `group = "online"`, `group = "offline"`, 1) },
		`catalogue.toml:%d:11: indicator "online_filing_rate": score group "offline" is not a score group`, `group = "offline"`},
	{"site.toml date", "site.toml", func(s string) string {
		return strings.Replace(s, `exported = "2025-10-10"`, `exported = "2025-13-45"`, 1)
	},
		`site.toml:9:1: exported: found "2025-13-45", expected a date such as 2025-10-10`, ""},
	{"period years after the export", "exports/2025-q3/portal.csv", func(s string) string {
		return strings.Replace(s, "\n2025-Q3,", "\n2027-Q3,", 1)
	}, `exports/2025-q3/portal.csv:2:1: period 2027-Q3 begins more than a year after the export date in site.toml (2025-10-10); expected a period up to 2026-10`, ""},
	{"site.toml syntax", "site.toml", func(s string) string { return s + "sample = false\n" },
		`site.toml:%d:1: toml: key sample is already defined`, "sample = false\n"},
}

// lineOf returns the line of file where at's text first occurs.
func lineOf(t *testing.T, file, at string) int {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	i := strings.Index(text, at)
	if i < 0 {
		t.Fatalf("%s: no %q", file, at)
	}
	return strings.Count(text[:i], "\n") + 1
}

// TestHostileUnitsAndCatalogue feeds validate malformed units, catalogue
// and site.toml files: none may panic; each must exit 1 with the expected
// finding, naming the file (and line and column where there is one), in
// every output format.
func TestHostileUnitsAndCatalogue(t *testing.T) {
	t.Chdir("../..")
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyData(t, tc.file, tc.edit)
			want := filepath.Join(dir, tc.want)
			if tc.at != "" {
				want = fmt.Sprintf(want, lineOf(t, filepath.Join(dir, tc.file), tc.at))
			}
			file := filepath.Join(dir, tc.file)

			code, stdout, stderr := runHere("validate", "--data", dir)
			if code != ExitBadInput {
				t.Errorf("text: exit %d, want %d; stderr:\n%s", code, ExitBadInput, stderr)
			}
			if !strings.Contains(stderr, "\n"+want) && !strings.HasPrefix(stderr, want) {
				t.Errorf("text: no finding %q in:\n%s", want, stderr)
			}

			code, stdout, stderr = runHere("validate", "--data", dir, "--format", "json")
			if code != ExitBadInput {
				t.Errorf("json: exit %d; stderr:\n%s", code, stderr)
			}
			found := false
			for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
				var f struct {
					File, Severity, Message string
					Line, Column            int
				}
				if err := json.Unmarshal([]byte(line), &f); err != nil {
					t.Fatalf("json: %v in %q", err, line)
				}
				found = found || f.File == file && f.Severity == "error"
			}
			if !found {
				t.Errorf("json: no error in %s:\n%s", file, stdout)
			}

			code, stdout, stderr = runHere("validate", "--data", dir, "--format", "github")
			if code != ExitBadInput {
				t.Errorf("github: exit %d; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stdout, "::error file="+escapeProperty(file)) {
				t.Errorf("github: no error annotation for %s:\n%s", file, stdout)
			}
		})
	}
}

// TestLongBadCellsOutputIsBounded checks that validate's output does not
// grow with the length of bad cells: 1,200 rows, each with a bad number of
// 15,000 characters (and repeating the unit and period of the others), print
// at most 1,000 short errors and say how many more there are, in text and
// in json. Quoted whole, the numbers alone would be 15 MB.
func TestLongBadCellsOutputIsBounded(t *testing.T) {
	t.Chdir("../..")
	row := "2025-Q1,kien-hai,\"" + strings.Repeat("1,5", 5000) + "\",1,1,1,1\n"
	dir := copyData(t, "exports/2025-q1/portal.csv", func(s string) string {
		return s[:strings.IndexByte(s, '\n')+1] + strings.Repeat(row, 1200)
	})
	quoted := `files_received: found "` + strings.Repeat("1,5", 26) + `1,…" (15000 characters), expected a whole number such as 1234`
	for _, format := range []string{"text", "json"} {
		code, stdout, stderr := runHere("validate", "--data", dir, "--format", format)
		if code != ExitBadInput {
			t.Errorf("%s: exit %d", format, code)
		}
		if n := len(stdout) + len(stderr); n > 600_000 {
			t.Errorf("%s: %d bytes of output for at most 1,000 errors", format, n)
		}
		if !strings.Contains(stderr, " more finding(s) not shown (at most 1000 of each kind are listed)") {
			t.Errorf("%s: stderr does not say that findings are not shown:\n%.500s", format, stderr)
		}
		out := strings.ReplaceAll(stdout+stderr, `\"`, `"`)
		if !strings.Contains(out, quoted) {
			t.Errorf("%s: no short quote of the cell %q in:\n%.800s", format, quoted, out)
		}
	}
}
