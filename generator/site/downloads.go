package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/period"
)

// The open-data downloads: every computed table as CSV and JSON, and the
// validated input. Figures are written in machine form ("86.7004", empty for
// no data) whatever the page's language. The columns are documented on the
// methodology page; DownloadColumns lists them for that page and for the
// data package descriptor.

// DownloadColumns are the columns of /data/indicators/<id>.csv and
// /data/units/<code>.csv, in order, with what each holds.
var DownloadColumns = []struct{ Name, Type, VI, EN string }{
	{"indicator", "string", "Mã chỉ số trong danh mục", "Indicator id in the catalogue"},
	{"unit", "string", "Mã đơn vị", "Unit code"},
	{"unit_name", "string", "Tên đơn vị", "Unit name"},
	{"period", "string", "Kỳ: 2025, 2025-Q1 hoặc 2025-03", "Period: 2025, 2025-Q1 or 2025-03"},
	{"value", "number", "Giá trị (tỷ lệ tính bằng %); trống khi chưa có số liệu", "Value (rates in %); empty when there is no data"},
	{"numerator", "number", "Tử số của tỷ lệ (tổng); với số lượng và mức: chính giá trị", "Numerator of a rate (summed); for counts and levels, the value"},
	{"denominator", "number", "Mẫu số của tỷ lệ (tổng)", "Denominator of a rate (summed)"},
	{"partial", "boolean", "true khi kỳ chưa đủ số liệu (lũy kế)", "true when the period is incomplete (to date)"},
	{"reported", "boolean", "true khi số liệu do chính đơn vị báo cáo, false khi cộng từ các đơn vị trực thuộc", "true when exported for the unit itself, false when rolled up from its units"},
	{"change_prev", "number", "Thay đổi so với kỳ trước", "Change on the previous period"},
	{"change_year_ago", "number", "Thay đổi so với cùng kỳ năm trước", "Change on the same period a year earlier"},
	{"change_unit", "string", "Đơn vị của thay đổi: pp (điểm %) cho tỷ lệ, percent cho số lượng và mức", "Unit of the changes: pp (percentage points) for rates, percent for counts and levels"},
	{"rank", "integer", "Thứ hạng trong các đơn vị cùng cấp (1 là tốt nhất, bằng nhau cùng hạng)", "Rank among sibling units (1 is best; ties share a rank)"},
	{"rank_of", "integer", "Số đơn vị được xếp hạng", "Number of units ranked"},
	{"target", "number", "Mục tiêu của chỉ số", "The indicator's target"},
	{"target_deadline", "string", "Hạn của mục tiêu", "Deadline of the target"},
	{"target_status", "string", "achieved, on_track hoặc behind", "achieved, on_track or behind"},
	{"score", "number", "Điểm trong bộ chỉ số (nếu có)", "Points in the scored index, where the indicator has them"},
}

// ObservationColumns are the columns of /data/observations.csv.
var ObservationColumns = []struct{ Name, Type, VI, EN string }{
	{"period", "string", "Kỳ", "Period"},
	{"unit", "string", "Mã đơn vị", "Unit code"},
	{"measure", "string", "Mã số đo trong danh mục", "Measure id in the catalogue"},
	{"value", "number", "Giá trị đã kiểm tra", "The validated value"},
}

// downloadRow is one row of an indicator or unit download.
type downloadRow []string

// writeDownloads writes the downloads into the folder being published and
// lists them.
func writeDownloads(ds *dataset.Dataset, res *indicator.Result, out string) ([]downloadFile, error) {
	var files []downloadFile
	table := func(path, columns string, title dataset.Text, head []string, rows []downloadRow) error {
		for _, ext := range []string{".csv", ".json"} {
			var n int64
			var err error
			if ext == ".csv" {
				n, err = writeCSV(filepath.Join(out, filepath.FromSlash(path+ext)), head, rows)
			} else {
				n, err = writeJSON(filepath.Join(out, filepath.FromSlash(path+ext)), head, rows)
			}
			if err != nil {
				return err
			}
			files = append(files, downloadFile{Path: path + ext, Bytes: n, Columns: columns, Title: title})
		}
		return nil
	}
	f := locale.MustNew("en")
	var periods []period.Period
	for _, k := range []period.Kind{period.Year, period.Quarter, period.Month} {
		periods = append(periods, res.Periods(k)...)
	}
	period.Sort(periods)
	byUnit := make(map[string][]downloadRow, len(ds.Units))
	for i := range ds.Catalogue.Indicators {
		ind := &ds.Catalogue.Indicators[i]
		var rows []downloadRow
		for u := range ds.Units {
			unit := &ds.Units[u]
			for _, p := range periods {
				row := indicatorRow(f, ind, unit, res.Value(ind.ID, unit.Code, p))
				rows = append(rows, row)
				byUnit[unit.Code] = append(byUnit[unit.Code], row)
			}
		}
		if err := table("data/indicators/"+ind.ID, "indicators", ind.Name, columnNames(DownloadColumns), rows); err != nil {
			return nil, err
		}
	}
	for _, u := range ds.Units {
		title := dataset.Text{VI: u.Name, EN: u.Name}
		if err := table("data/units/"+u.Code, "indicators", title, columnNames(DownloadColumns), byUnit[u.Code]); err != nil {
			return nil, err
		}
	}
	obs := make([]downloadRow, len(ds.Observations))
	for i, o := range ds.Observations {
		obs[i] = downloadRow{o.Period.String(), o.Unit, o.Measure, formatRaw(o.Value)}
	}
	n, err := writeCSV(filepath.Join(out, "data", "observations.csv"), columnNames(ObservationColumns), obs)
	if err != nil {
		return nil, err
	}
	files = append(files, downloadFile{Path: "data/observations.csv", Bytes: n, Columns: "observations",
		Title: dataset.Text{VI: "Số liệu đầu vào đã kiểm tra", EN: "Validated observations"}})
	return files, nil
}

// formatRaw writes a validated input value as it was read: "1234", "65.3".
func formatRaw(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// indicatorRow formats one value for the downloads.
func indicatorRow(f locale.Formatter, ind *dataset.Indicator, u *dataset.Unit, v indicator.Value) downloadRow {
	dec := 4
	if ind.Type == dataset.CountIndicator {
		dec = 0
	}
	num := func(ok bool, x float64, d int) string {
		if !ok {
			return ""
		}
		return trimZeros(f.Decimal(x, d))
	}
	changeUnit := "percent"
	if ind.Type == dataset.Rate {
		changeUnit = "pp"
	}
	row := downloadRow{
		ind.ID, u.Code, u.Name, v.Period.String(),
		num(v.OK, v.Value, dec),
		num(v.OK || v.Numerator != 0, v.Numerator, 4),
		num(ind.Type == dataset.Rate && (v.OK || v.Denominator != 0), v.Denominator, 4),
		strconv.FormatBool(v.Partial), strconv.FormatBool(v.Reported),
		num(v.Prev.OK, v.Prev.Delta, 4), num(v.YearAgo.OK, v.YearAgo.Delta, 4), changeUnit,
		num(v.Rank > 0, float64(v.Rank), 0), num(v.Rank > 0, float64(v.RankOf), 0),
		"", "", "", "",
	}
	if t := ind.Target; t != nil {
		row[14], row[15] = trimZeros(f.Decimal(t.Value, 4)), t.Deadline
	}
	if v.Target != nil {
		row[16] = v.Target.Status.String()
	}
	if v.Score != nil {
		row[17] = trimZeros(f.Decimal(*v.Score, 4))
	}
	return row
}

// trimZeros drops the trailing zeros of a decimal: "82.7000" → "82.7", "100.0000" → "100".
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func columnNames(cols []struct{ Name, Type, VI, EN string }) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names
}

// writeCSV writes a CSV file and returns its size.
func writeCSV(path string, head []string, rows []downloadRow) (int64, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(head)
	for _, r := range rows {
		w.Write(r)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return int64(buf.Len()), writeFile(path, buf.Bytes())
}

// writeJSON writes rows as an array of objects, numbers as JSON numbers and
// empty cells as null, so that the JSON and the CSV say the same. It
// returns the file's size.
func writeJSON(path string, head []string, rows []downloadRow) (int64, error) {
	// What each column writes before its value, and whether its values are
	// JSON literals (numbers, booleans) rather than strings; worked out once.
	keys := make([][]byte, len(head))
	literal := make([]bool, len(head))
	for j, h := range head {
		k, _ := json.Marshal(h)
		if j > 0 {
			k = append([]byte{','}, k...)
		}
		keys[j] = append(k, ':')
		for _, c := range DownloadColumns {
			if c.Name == h {
				literal[j] = c.Type == "number" || c.Type == "integer" || c.Type == "boolean"
			}
		}
	}
	var buf bytes.Buffer
	buf.WriteString("[")
	for i, r := range rows {
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n{")
		for j, cell := range r {
			buf.Write(keys[j])
			switch {
			case cell == "":
				buf.WriteString("null")
			case literal[j]:
				buf.WriteString(cell)
			default:
				writeJSONString(&buf, cell)
			}
		}
		buf.WriteString("}")
	}
	buf.WriteString("\n]\n")
	return int64(buf.Len()), writeFile(path, buf.Bytes())
}

// writeJSONString writes s as a JSON string. Plain text (most cells) is
// written as it is; anything that needs escaping goes through encoding/json,
// which also escapes <, > and &.
func writeJSONString(buf *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= 0x80 {
			b, _ := json.Marshal(s)
			buf.Write(b)
			return
		}
	}
	buf.WriteByte('"')
	buf.WriteString(s)
	buf.WriteByte('"')
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// writeColumnDocs hands the download columns to the templates as Hugo data
// (data/downloads.json), for the shortcode that documents them on the
// methodology page.
func writeColumnDocs(dataDir string) error {
	type col struct {
		Name string `json:"name"`
		Type string `json:"type"`
		VI   string `json:"vi"`
		EN   string `json:"en"`
	}
	conv := func(cols []struct{ Name, Type, VI, EN string }) []col {
		out := make([]col, len(cols))
		for i, c := range cols {
			out[i] = col(c)
		}
		return out
	}
	b, err := json.Marshal(map[string][]col{
		"indicators":   conv(DownloadColumns),
		"observations": conv(ObservationColumns),
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dataDir, "downloads.json"), b)
}
