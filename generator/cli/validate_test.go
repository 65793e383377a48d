package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/dataset"
)

// runHere runs the command line in the current folder; tests that call it
// change to the repository root first, once.
func runHere(args ...string) (code int, stdout, stderr string) {
	var out, errs bytes.Buffer
	code = Run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// copyData copies the sample data folder into a temporary folder and
// applies edit to the named export (a path below data/).
func copyData(t *testing.T, name string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("data")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(edit(string(src))), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// replaceLine replaces line n (from 1) of src.
func replaceLine(src string, n int, line string) string {
	lines := strings.SplitAfter(src, "\n")
	lines[n-1] = line + "\n"
	return strings.Join(lines, "")
}

func TestValidateFormats(t *testing.T) {
	t.Chdir("../..")
	// Line 3 of portal.csv (phu-quoc's) gets a thousands separator and a
	// unit with markup: two errors, and phu-quoc is missing (a warning).
	bad := copyData(t, "exports/2025-q1/portal.csv", func(s string) string {
		return replaceLine(s, 3, `2025-Q1,"<b>x</b>","1,234",1,1,1,1`)
	})
	export := filepath.Join(bad, "exports", "2025-q1", "portal.csv")

	code, stdout, stderr := runHere("validate", "--data", bad)
	if code != ExitBadInput || stdout != "" {
		t.Errorf("text: exit %d, stdout %q", code, stdout)
	}
	want := export + ": warning: phu-quoc has no files_received, files_received_online, files_digitized, files_resolved, files_resolved_on_time for 2025-Q1, which 2 other special_zone unit(s) reported; expected a row for every unit, with 0 where there was nothing\n" +
		export + `:3:9: found "<b>x</b>", expected a unit code from units.csv` + "\n" +
		export + `:3:20: files_received: found "1,234", expected a whole number such as 1234; no thousands separators or decimal commas: write 1234 or 86.7` + "\n" +
		"minhbach: 2 error(s), 1 warning(s) in 1 file(s); nothing is published from this data\n"
	if stderr != want {
		t.Errorf("text:\n%s\nwant:\n%s", stderr, want)
	}

	code, stdout, _ = runHere("validate", "--data", bad, "--format", "json")
	if code != ExitBadInput {
		t.Errorf("json: exit %d", code)
	}
	var first struct {
		File     string
		Line     int
		Column   int
		Severity string
		Code     string
		Message  string
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || json.Unmarshal([]byte(lines[1]), &first) != nil {
		t.Fatalf("json: %q", stdout)
	}
	if first.File != export || first.Line != 3 || first.Column != 9 || first.Severity != "error" || first.Code != "unknown-unit" ||
		first.Message != `found "<b>x</b>", expected a unit code from units.csv` || strings.Contains(lines[1], "<b>") {
		t.Errorf("json: %+v from %s", first, lines[1])
	}

	code, stdout, _ = runHere("validate", "--data", bad, "--format", "github")
	if code != ExitBadInput {
		t.Errorf("github: exit %d", code)
	}
	wantGH := "::error file=" + export + ",line=3,col=20,title=number::files_received: found \"1,234\", expected a whole number such as 1234; no thousands separators or decimal commas: write 1234 or 86.7"
	if got := strings.Split(stdout, "\n"); len(got) != 4 || got[2] != wantGH {
		t.Errorf("github:\n%s\nwant second line:\n%s", stdout, wantGH)
	}
}

func TestAnnotationEscapes(t *testing.T) {
	f := dataset.Finding{Pos: dataset.Position{File: "a,b:c.csv", Line: 2, Column: 3}, Severity: dataset.Warning, Code: "x",
		Message: "50% done\n::error::injected"}
	want := "::warning file=a%2Cb%3Ac.csv,line=2,col=3,title=x::50%25 done%0A::error::injected"
	if got := annotation(f); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A jump of more than 5 points in some rate of the sample: a warning, which
// fails validate only with --strict.
func TestStrict(t *testing.T) {
	t.Chdir("../..")
	code, stdout, stderr := runHere("validate", "--max-jump", "5")
	if code != ExitOK || !strings.Contains(stdout, "no errors") || !strings.Contains(stderr, "warning: ") ||
		!strings.HasSuffix(stderr, "; warnings do not fail the run without --strict\n") {
		t.Errorf("without --strict: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runHere("validate", "--max-jump", "5", "--strict")
	if code != ExitBadInput || stdout != "" || !strings.HasSuffix(stderr, "; nothing is published from this data\n") {
		t.Errorf("with --strict: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := runHere("validate", "--format", "xml"); code != ExitUsage || !strings.Contains(stderr, `--format "xml"`) {
		t.Errorf("--format xml: exit %d, %q", code, stderr)
	}
}

// treeHash hashes every file below dir with its path.
func treeHash(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		h.Write([]byte(rel + "\x00"))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}

// TestBuildPublishesNothingOnBadData builds the sample, then fails two
// builds — one on an error, one on a warning with --strict — and checks
// that the published folder is byte-identical afterwards.
func TestBuildPublishesNothingOnBadData(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runHere("build", "--out", out); code != ExitOK {
		t.Fatalf("sample build: exit %d: %s", code, stderr)
	}
	before := treeHash(t, out)

	// A commune's total of outgoing documents above the province's: the
	// province total disagrees with the sum of its units (a warning).
	warn := copyData(t, "exports/2025-q3/records-archive.csv", func(s string) string {
		return strings.Replace(s, "Quý III/2025;2.819", "Quý III/2025;9.819", 1)
	})
	code, _, stderr := runHere("build", "--data", warn, "--out", out, "--strict")
	if code != ExitBadInput || !strings.Contains(stderr, "records-archive.csv:2:29: warning: records_digitized for an-giang in 2025-Q3 is 188727, but its units (102 of 102 reported) add up to 195727") {
		t.Errorf("strict build on a warning: exit %d, stderr %q", code, stderr)
	}
	if treeHash(t, out) != before {
		t.Error("the published site changed after a failed strict build")
	}

	bad := copyData(t, "exports/2025-q2/eoffice.csv", func(s string) string { return replaceLine(s, 2, "2025-Q2,kien-hai,010,1,1,1,1") })
	if code, _, stderr := runHere("build", "--data", bad, "--out", out); code != ExitBadInput || !strings.Contains(stderr, `found "010", expected a whole number such as 1234; no leading zeros`) {
		t.Errorf("build on an error: exit %d, stderr %q", code, stderr)
	}
	if treeHash(t, out) != before {
		t.Error("the published site changed after a failed build")
	}
}

// TestValidateTotalTolerance checks that validate's roll-up check allows
// the difference site.toml's total_tolerance allows: the province's
// incoming documents for 2025-Q1 are given 1% above its communes' sum.
func TestValidateTotalTolerance(t *testing.T) {
	t.Chdir("../..")
	dir := copyData(t, "site.toml", func(s string) string { return s })
	province := filepath.Join(dir, "exports", "2025-q1", "province.csv")
	if err := os.WriteFile(province, []byte("period,unit,measure,value\n2025-Q1,an-giang,docs_incoming,216022\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runHere("validate", "--data", dir, "--strict")
	if code != ExitBadInput || !strings.Contains(stderr, province+":2:32: warning: docs_incoming for an-giang in 2025-Q1 is 216022") {
		t.Errorf("with the default tolerance: exit %d, want %d and a warning; stderr:\n%s", code, ExitBadInput, stderr)
	}
	site := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(site)
	if err := os.WriteFile(site, append(src, "\n[checks]\ntotal_tolerance = 0.02\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runHere("validate", "--data", dir, "--strict"); code != ExitOK || stderr != "" {
		t.Errorf("with total_tolerance = 0.02: exit %d, want %d; stderr:\n%s", code, ExitOK, stderr)
	}
}

// TestValidateRefusesWhatBuildRefuses renames an indicator that the
// report commentary in content/ names: the data alone is good, but the
// build would fail on the commentary, so validate fails too, naming the
// commentary's line and column, in text and as a GitHub annotation.
func TestValidateRefusesWhatBuildRefuses(t *testing.T) {
	t.Chdir("../..")
	dir := copyData(t, "catalogue.toml", func(s string) string {
		return strings.Replace(s, `id = "signature_rate"`, `id = "signature_share"`, 1)
	})
	commentary := filepath.Join("content", "reports", "2025-q1.md")
	code, _, stderr := runHere("validate", "--data", dir)
	if want := commentary + `:3:35: unknown indicator "signature_rate"`; code != ExitBadInput || !strings.Contains(stderr, want) {
		t.Errorf("validate: exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
	code, stdout, _ := runHere("validate", "--data", dir, "--format", "github")
	if code != ExitBadInput || !strings.Contains(stdout, "::error file="+commentary+",line=3,col=35") {
		t.Errorf("github: exit %d, %q", code, stdout)
	}
}

// TestValidateTellsACellsDisagreementOnce: package breakdown's survey by
// sex has four disagreements, each told once by Load: the country's 2024
// total of respondents, added up from its cells (300 + 520), is 820
// against its regions' 800 only because its men's cell is 520 against
// 500, which Load already names; the indicator engine's roll-up does not
// tell it again at the total.
func TestValidateTellsACellsDisagreementOnce(t *testing.T) {
	code, _, stderr := run(t, "validate", "--data", filepath.Join("generator", "breakdown", "testdata", "rates"))
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code != ExitOK || len(lines) != 5 || strings.Contains(stderr, "820") || !strings.Contains(lines[0], "respondents (sex=m) for land in 2024 is 520") {
		t.Errorf("validate: exit %d, stderr:\n%s\nwant 4 warnings and the summary, none at the total of 820", code, stderr)
	}
}
