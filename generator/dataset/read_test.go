package dataset

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// only fails unless the findings of loading files are exactly want.
// DIR in want stands for the data folder.
func only(t *testing.T, files map[string]string, want ...string) {
	t.Helper()
	dir := writeData(t, files)
	got := findings(t, dir)
	for i := range want {
		want[i] = strings.ReplaceAll(want[i], "DIR", dir)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// loadOK loads files, failing on errors, and returns the dataset.
func loadOK(t *testing.T, files map[string]string, opts ...Option) *Dataset {
	t.Helper()
	d, err := Load(writeData(t, files), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// warnings returns a good load's findings as strings, paths relative to dir.
func warnings(t *testing.T, files map[string]string, opts ...Option) []string {
	t.Helper()
	dir := writeData(t, files)
	d, err := Load(dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range d.Findings {
		out = append(out, strings.ReplaceAll(f.String(), dir+"/", ""))
	}
	return out
}

const wideHeader = "period,unit,files_received,files_online\n"

func TestStructureChecks(t *testing.T) {
	t.Run("missing column", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": "period,unit,measure\n2025-Q1,go-quao,files_online\n"},
			`exports/a.csv:1:1: missing column "value"; the header must have period,unit,measure,value`)
	})
	t.Run("unknown column", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": "period,unit,measure,value,remark\n2025-Q1,go-quao,files_online,1,x\n"},
			`exports/a.csv:1:27: unknown column "remark", expected one of period, unit, measure, value, status, note, lower, upper, n`)
	})
	t.Run("field over the limit", func(t *testing.T) {
		big := strings.Repeat("9", DefaultMaxField+1)
		only(t, map[string]string{"exports/a.csv": wideHeader + "2025-Q1,go-quao,1,1\n2025-Q1,long-xuyen," + big + ",1\n"},
			"exports/a.csv:3:20: the field is over the limit of 1048576 bytes")
	})
	t.Run("quote left open", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": wideHeader + "2025-Q1,\"go-quao,1,1\n" + strings.Repeat("2025-Q1,go-quao,1,1\n", 10)},
			`exports/a.csv:2:9: the quoted field starting here is never closed: the file ends inside it; add the closing quote (")`)
		dir := writeData(t, map[string]string{"exports/a.csv": wideHeader + "2025-Q1,\"go-quao,1,1\n" + strings.Repeat("2025-Q1,go-quao,1,1\n", 10)})
		_, err := Load(dir, WithMaxField(100))
		if err == nil || !strings.HasSuffix(err.Error(), "/exports/a.csv:2:9: the quoted field starting here is over the limit of 100 bytes; is its closing quote missing?") {
			t.Errorf("with a 100-byte limit: %v", err)
		}
	})
	t.Run("file over the size limit", func(t *testing.T) {
		// Over the limit, where units.csv (121 bytes) and catalogue.toml
		// (704) are not.
		dir := writeData(t, map[string]string{"exports/a.csv": wideHeader + strings.Repeat("2025-Q1,go-quao,1,1\n", 50)})
		_, err := Load(dir, WithMaxFileSize(1000))
		if err == nil || !strings.Contains(err.Error(), "/exports/a.csv: the file is 1040 bytes, over the limit of 1000 bytes") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("bare quote", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": wideHeader + "2025-Q1,go\"quao,1,1\n2025-Q1,long-xuyen,x,1\n"},
			`exports/a.csv:2:11: a quote inside an unquoted field; a field that holds quotes must be quoted, with each quote doubled ("")`,
			`exports/a.csv:3:20: files_received: found "x", expected a whole number such as 1234`)
	})
	t.Run("blank lines are warnings", func(t *testing.T) {
		got := warnings(t, map[string]string{"exports/a.csv": wideHeader + "\n2025-Q1,go-quao,2,1\n\n2025-Q1,long-xuyen,2,1\n"})
		want := []string{
			"exports/a.csv:2:1: warning: blank line; it is skipped (remove it, or check whether a row is missing)",
			"exports/a.csv:4:1: warning: blank line; it is skipped (remove it, or check whether a row is missing)",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got %q", got)
		}
	})
}

// TestPositionsAfterMultilineFields checks that lines are physical lines and
// columns count characters, after a quoted unit name spanning two lines.
func TestPositionsAfterMultilineFields(t *testing.T) {
	units := testUnits + "\"tan-hoi\",\"Tân\nHội\",commune,an-giang\n"
	got := findings(t, writeData(t, map[string]string{
		UnitsFile:       units,
		"exports/a.csv": "period,unit,measure,value\n\"2025-Q1\",\"Gò Quao\",files_online,1\n2025-Q1,go-quao,\"files\nonline\",1\n2025-Q1,go-quao,files_online,x\n",
	}))
	want := []string{
		`exports/a.csv:2:11: found "Gò Quao", expected a unit code from units.csv; "Gò Quao" is the name of go-quao: write its code, or map the export with unit.by = "name"`,
		`exports/a.csv:3:17: found "files\nonline", expected a measure id from the catalogue`,
		`exports/a.csv:5:30: files_online: found "x", expected a whole number such as 1234`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEncodingsAndLineEnds(t *testing.T) {
	text := "period;unit;files_received;files_online\n2025-Q1;go-quao;10;4\n2025-Q1;long-xuyen;20;x\n"
	utf16le := func(s string, bom bool) string {
		var b bytes.Buffer
		if bom {
			b.Write([]byte{0xFF, 0xFE})
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
		return b.String()
	}
	utf16be := func(s string) string {
		b := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return string(b)
	}
	want := `exports/a.csv:3:23: files_online: found "x", expected a whole number such as 1234`
	for name, content := range map[string]string{
		"LF":                text,
		"CRLF":              strings.ReplaceAll(text, "\n", "\r\n"),
		"CR":                strings.ReplaceAll(text, "\n", "\r"),
		"UTF-8 BOM":         "\ufeff" + text,
		"UTF-16LE BOM":      utf16le(text, true),
		"UTF-16BE BOM CRLF": utf16be(strings.ReplaceAll(text, "\n", "\r\n")),
		"tab":               strings.ReplaceAll(text, ";", "\t"),
		"comma":             strings.ReplaceAll(text, ";", ","),
	} {
		t.Run(name, func(t *testing.T) {
			only(t, map[string]string{"exports/a.csv": content}, want)
		})
	}
	t.Run("UTF-16 without BOM", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": utf16le(text, false)},
			`exports/a.csv:1:2: a NUL byte at byte offset 1; the file looks like UTF-16 without a byte order mark: save it as UTF-8, or declare encoding = "utf-16le" or "utf-16be" in a mapping file`)
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		// Windows-1258 writes tone marks as combining characters after their letter.
		cp := windows1258(t, "2025-Q1;Go\u0300 Quao;1;1\n")
		only(t, map[string]string{"exports/a.csv": "period;unit;files_received;files_online\n" + cp},
			`exports/a.csv:2:11: invalid UTF-8 at byte offset 50 (found bytes CC 20 51 75); the file is not UTF-8: save it as UTF-8 ("CSV UTF-8" in a spreadsheet), or, if it is in the Vietnamese Windows code page, declare encoding = "windows-1258" in a mapping file beside it`)
	})
	t.Run("Windows-1258 declared", func(t *testing.T) {
		cp := windows1258(t, "Ky\u0300;Đơn vi\u0323;Hô\u0300 sơ\n2025-Q1;xa\u0303 Go\u0300 Quao;12\n")
		d := loadOK(t, map[string]string{
			"exports/a.csv":  cp,
			"exports/a.toml": "encoding = \"windows-1258\"\n[period]\ncolumn = \"Kỳ\"\n[unit]\ncolumn = \"Đơn vị\"\nby = \"name\"\n[columns]\n\"Hồ sơ\" = \"files_received\"\n",
		})
		if len(d.Observations) != 1 || d.Observations[0].Unit != "go-quao" || d.Observations[0].Value != 12 || d.Observations[0].Source.Column != 20 {
			t.Errorf("observations = %+v", d.Observations)
		}
	})
}

// windows1258 encodes s, written with combining tone marks, in Windows-1258.
func windows1258(t *testing.T, s string) string {
	t.Helper()
	b, err := charmap.Windows1258.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMeaningChecks(t *testing.T) {
	only(t, map[string]string{"exports/a.csv": wideHeader +
		"2025-13,go-quao,1,1\n" +
		"2025-Q1,go-quao,5,1\n" +
		"2025-Q1,go-quao,5,2\n"},
		`exports/a.csv:2:1: period "2025-13": month must be 01 to 12`,
		`exports/a.csv:4:17: files_received for go-quao in 2025-Q1 is given twice; first at `+"DIR"+`/exports/a.csv:3:17`,
		`exports/a.csv:4:19: files_online for go-quao in 2025-Q1 is given twice; first at DIR/exports/a.csv:3:19`,
	)
}

func TestUnitTextIsData(t *testing.T) {
	units := testUnits + "tan-hoi,\"<script>alert(1)</script> & \"\"Tân Hội\"\"\",commune,an-giang\n"
	d := loadOK(t, map[string]string{UnitsFile: units, "exports/a.csv": wideHeader + "2025-Q1,tan-hoi,1,1\n"})
	u, _ := d.Unit("tan-hoi")
	if u == nil || u.Name != `<script>alert(1)</script> & "Tân Hội"` {
		t.Errorf("unit = %+v", u)
	}
	only(t, map[string]string{"exports/a.csv": wideHeader + "2025-Q1,../../etc/passwd,1,1\n"},
		`exports/a.csv:2:9: found "../../etc/passwd", expected a unit code from units.csv`)
}

func TestFindingsAreCapped(t *testing.T) {
	dir := writeData(t, map[string]string{"exports/a.csv": wideHeader + strings.Repeat("2025-Q1,nowhere,1,1\n", 5)})
	_, err := Load(dir, WithMaxFindings(2))
	inv, ok := err.(*InvalidError)
	if !ok || len(inv.Findings) != 2 || inv.Tally.Errors != 5 || inv.Tally.Omitted(inv.Findings) != 3 {
		t.Fatalf("got %v", err)
	}
	if !strings.HasSuffix(inv.Error(), "/exports/a.csv:3:9: found \"nowhere\", expected a unit code from units.csv") ||
		!strings.HasPrefix(inv.Error(), "5 error(s) in the data") {
		t.Errorf("Error() = %q", inv.Error())
	}
}

func TestWarnings(t *testing.T) {
	t.Run("rate jump", func(t *testing.T) {
		got := warnings(t, map[string]string{
			"exports/a.csv": wideHeader + "2025-Q1,go-quao,100,40\n2025-Q1,long-xuyen,100,50\n2025-Q2,go-quao,100,75\n2025-Q2,long-xuyen,100,60\n",
		}, WithJumpPoints(30))
		want := `exports/a.csv:4:21: warning: online_rate for go-quao moved from 40.0% in 2025-Q1 to 75.0% in 2025-Q2, 35.0 points; expected at most 30 points between consecutive periods: check both periods' figures`
		if len(got) != 1 || got[0] != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if got := warnings(t, map[string]string{"exports/a.csv": wideHeader + "2025-Q1,go-quao,100,40\n2025-Q2,go-quao,100,75\n", "site.toml": "[checks]\njump_points = 35\n"}); len(got) != 0 {
			t.Errorf("with jump_points = 35 in site.toml: %q", got)
		}
	})
	t.Run("missing unit", func(t *testing.T) {
		got := warnings(t, map[string]string{
			"exports/a.csv": wideHeader + "2025-Q1,go-quao,10,4\n2025-Q1,long-xuyen,10,4\n",
			"exports/b.csv": "period,unit,measure,value\n2025-Q2,long-xuyen,files_received,10\n2025-Q2,long-xuyen,files_online,4\n2025-04,go-quao,files_online,1\n",
		})
		// go-quao is a commune and long-xuyen a ward: each type is compared
		// with its own. go-quao's 2025-04 covers 2025-Q2 for files_online
		// (2025-03 would be beside its 2025-Q1, a granularity error).
		want := []string{}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got %q", got)
		}
		units := testUnits + "tan-hoi,Tân Hội,commune,an-giang\n"
		got = warnings(t, map[string]string{
			UnitsFile:       units,
			"exports/a.csv": wideHeader + "2025-Q1,go-quao,10,4\n2025-Q1,tan-hoi,10,4\n2025-Q2,go-quao,10,4\n",
		})
		want = []string{"exports/a.csv: warning: tan-hoi has no files_received, files_online for 2025-Q2, which 1 other commune unit(s) reported; expected a row for every unit, with 0 where there was nothing"}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("province total", func(t *testing.T) {
		got := warnings(t, map[string]string{
			"exports/a.csv": wideHeader + "2025-Q1,an-giang,300,100\n2025-Q1,go-quao,100,40\n2025-Q1,long-xuyen,210,60\n",
		})
		want := `exports/a.csv:2:18: warning: files_received for an-giang in 2025-Q1 is 300, but its units (2 of 2 reported) add up to 310; expected the total to agree within 0.5%`
		if len(got) != 1 || got[0] != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("weighted province total", func(t *testing.T) {
		// The units' mean wait, weighted by files received, is
		// (100×2 + 300×6) / 400 = 5 days; the province reports 4.
		catalogue := testCatalogue + "[[measures]]\nid = \"wait_days\"\nkind = \"amount\"\nover_time = \"last\"\nacross_units = \"weighted_mean\"\nweight = \"files_received\"\nname = { vi = \"Chờ\", en = \"Wait\" }\n"
		export := "period,unit,measure,value\n2025-Q1,an-giang,wait_days,4\n2025-Q1,go-quao,files_received,100\n2025-Q1,go-quao,wait_days,2\n2025-Q1,long-xuyen,files_received,300\n2025-Q1,long-xuyen,wait_days,6\n"
		got := warnings(t, map[string]string{CatalogueFile: catalogue, "exports/a.csv": export})
		want := `exports/a.csv:2:28: warning: wait_days for an-giang in 2025-Q1 is 4, but its units (2 of 2 reported) average, weighted by files_received, 5; expected the total to agree within 0.5%`
		if len(got) != 1 || got[0] != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
		export = strings.Replace(export, "an-giang,wait_days,4", "an-giang,wait_days,5", 1)
		if got := warnings(t, map[string]string{CatalogueFile: catalogue, "exports/a.csv": export}); len(got) != 0 {
			t.Errorf("with the province at 5 days: %q", got)
		}
	})
}

func TestMappedExports(t *testing.T) {
	csv := "\ufeffSTT;Đơn vị;Kỳ;Văn bản;Ghi chú\r\n" +
		";TỈNH AN GIANG;Quý I/2025;1.300;\r\n" +
		"1;xã Go Quao;Quý I/2025;1.000;x\r\n" +
		"2;Phường LONG XUYÊN;Quý I/2025;300;\r\n"
	mapping := "delimiter = \";\"\nnumbers = \"vi\"\nignore = [\"stt\"]\n[period]\ncolumn = \"Kỳ\"\nformat = \"Quý I/2025\"\n[unit]\ncolumn = \"Đơn vị\"\nby = \"name\"\n[columns]\n\"Văn bản\" = \"files_received\"\n"
	dir := writeData(t, map[string]string{"exports/e.csv": csv, "exports/e.toml": mapping})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range d.Observations {
		got = append(got, fmt.Sprintf("%s %s %s %g %d:%d", o.Period, o.Unit, o.Measure, o.Value, o.Source.Line, o.Source.Column))
	}
	want := "2025-Q1 an-giang files_received 1300 2:27|2025-Q1 go-quao files_received 1000 3:25|2025-Q1 long-xuyen files_received 300 4:32"
	if strings.Join(got, "|") != want {
		t.Errorf("observations:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if len(d.Findings) != 1 || d.Findings[0].String() != dir+`/exports/e.csv:1:23: note: column "Ghi chú" is not mapped by `+dir+`/exports/e.toml; it is ignored (list it in ignore to say so)` {
		t.Errorf("findings = %v", d.Findings)
	}

	t.Run("bad cells", func(t *testing.T) {
		only(t, map[string]string{
			"exports/e.csv": "Đơn vị;Kỳ;Văn bản\nxã Nowhere;Quý V/2025;1,5\nxã Long Xuyên;Quý I/2025;86.7\n",
			"exports/e.toml": "numbers = \"vi\"\n[period]\ncolumn = \"Kỳ\"\nformat = \"Quý I/2025\"\n[unit]\ncolumn = \"Đơn vị\"\nby = \"name\"\n" +
				"[columns]\n\"Văn bản\" = \"files_received\"\n",
		},
			`exports/e.csv:2:1: found "xã Nowhere", expected the name of a unit in units.csv (compared without case, diacritics and the prefixes xã, phường, đặc khu, tỉnh)`,
			`exports/e.csv:2:12: period "Quý V/2025": quarter must be I, II, III or IV (or 1 to 4), written like Quý I/2025`,
			`exports/e.csv:2:23: files_received: found "1,5", expected a number in the vi format such as 213.883 or 86,7; a count cannot have decimals`,
			`exports/e.csv:3:1: found "xã Long Xuyên", but no commune has that name; it is the name of long-xuyen (ward)`,
			`exports/e.csv:3:26: files_received: found "86.7", expected a number in the vi format such as 213.883 or 86,7; "." separates thousands, so groups after the first have three digits`,
		)
	})
	t.Run("bad mapping", func(t *testing.T) {
		only(t, map[string]string{
			"exports/e.csv":  "Kỳ,Đơn vị,X\n2025,go-quao,1\n",
			"exports/e.toml": "numbers = \"fr\"\n[period]\ncolumn = \"Kỳ\"\nformat = \"2025/Q1\"\n[unit]\ncolumn = \"Đơn vị\"\nvalue = \"go-quao\"\n",
		},
			`exports/e.toml: [columns] is missing or empty: say which column holds which measure`,
			`exports/e.toml:1:1: numbers: found "fr", expected "canonical", "vi" or "en"`,
			`exports/e.toml:4:1: period.format: found "2025/Q1", expected one of "2025-Q1", "Quý I/2025", "Q1/2025", "2025Q1", "2025", "03/2025", "2000/01", "31/12/2025", "2025-12-31"`,
			`exports/e.toml:5:2: unit: expected either column (the column that holds it) or value (one value for every row)`,
		)
		only(t, map[string]string{
			"exports/e.csv":  "Kỳ,Số\n2025,1\n",
			"exports/e.toml": "[period]\ncolumn = \"Ky\"\n[unit]\nvalue = \"go-quao\"\n[columns]\n\"Số\" = \"files_sent\"\n",
		},
			`exports/e.csv:1:1: period.column: column "Ky" (DIR/exports/e.toml) is not in the header; found columns "Kỳ", "Số"`,
			`exports/e.toml: columns: "Số" maps to "files_sent", which is not a measure id in the catalogue`,
		)
		only(t, map[string]string{"exports/x.toml": "numbers = \"vi\"\n", "exports/a.csv": wideHeader + "2025-Q1,go-quao,1,1\n"},
			`exports/x.toml: a mapping file without its export; expected x.csv beside it`)
	})
	t.Run("long form with constants", func(t *testing.T) {
		d := loadOK(t, map[string]string{
			"exports/l.csv":  "Ngày;Chỉ tiêu;Số liệu\n31/03/2025;Hồ sơ nhận;1.234\n31/03/2025;Hồ sơ trực tuyến;1.000\n",
			"exports/l.toml": "numbers = \"vi\"\n[period]\ncolumn = \"Ngày\"\nformat = \"31/12/2025\"\ndate_in = \"quarter\"\n[unit]\nvalue = \"go-quao\"\n[measure]\ncolumn = \"Chỉ tiêu\"\nnames = { \"Hồ sơ nhận\" = \"files_received\", \"Hồ sơ trực tuyến\" = \"files_online\" }\n[value]\ncolumn = \"Số liệu\"\n",
		})
		if len(d.Observations) != 2 || d.Observations[1].Measure != "files_received" || d.Observations[1].Value != 1234 || d.Observations[1].Period.String() != "2025-Q1" {
			t.Errorf("observations = %+v", d.Observations)
		}
	})
}
