package opendata

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"minhbach/generator/breakdown"
	"minhbach/generator/dataset/dims"

	"minhbach/generator/dataset"
	"minhbach/generator/figure"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/period"
)

// The open-data downloads: every computed table as CSV and JSON, and the
// validated input as CSV. Figures are written in machine form ("86.7004",
// empty for no data) whatever the page's language. The columns are
// documented on the methodology page; DownloadColumns lists them for that
// page and for the data package descriptor.
//
// A JSON download holds the same table as its CSV twin, in the shape the
// Frictionless Tabular Data Resource gives inline data: an array of rows,
// each an array of cells, the first row the column names.
//
//	[
//	["indicator","unit",…,"score"],
//	["signature_rate","an-giang","Tỉnh An Giang","2025-Q1",86.7004,…,null],
//	…
//	]
//
// Text is a JSON string, numbers and booleans are JSON literals, and an
// empty CSV cell (no data) is null. One row is one line, as in the CSV.

// DownloadColumns are the columns of /data/indicators/<id>.csv and
// /data/units/<code>.csv, in order, with what each holds.
var DownloadColumns = []struct{ Name, Type, VI, EN string }{
	{"indicator", "string", "Mã chỉ số trong danh mục", "Indicator id in the catalogue"},
	{"unit", "string", "Mã đơn vị", "Unit code"},
	{"unit_name", "string", "Tên đơn vị", "Unit name"},
	{"geocode", "string", "Mã thống kê chính thức của đơn vị (nếu có)", "The unit's official code (GSO, ONS…), where it has one"},
	{"period", "string", "Kỳ: 2025, 2025-Q1 hoặc 2025-03", "Period: 2025, 2025-Q1 or 2025-03"},
	{"value", "number", "Giá trị (tỷ lệ tính bằng %); trống khi chưa có số liệu", "Value (rates in %); empty when there is no data"},
	{"numerator", "number", "Tử số của tỷ lệ (tổng); với số lượng và mức: chính giá trị", "Numerator of a rate (summed); for counts and levels, the value"},
	{"denominator", "number", "Mẫu số của tỷ lệ (tổng)", "Denominator of a rate (summed)"},
	{"partial", "boolean", "true khi kỳ chưa đủ số liệu (lũy kế)", "true when the period is incomplete (to date)"},
	{"basis", "string", "Cơ sở của giá trị: reported (do chính đơn vị báo cáo), computed (cộng từ các đơn vị trực thuộc) hoặc reconstructed (dựng lại từ các đơn vị tiền thân, trên địa giới mới); thay đổi qua mốc sáp nhập được tính trên cơ sở dựng lại", "What the value rests on: reported (exported for the unit itself), computed (rolled up from its units) or reconstructed (rebuilt from the units it took over, on its later boundaries); a change across a boundary change is computed on the rebuilt base"},
	{"change_prev", "number", "Thay đổi so với kỳ trước", "Change on the previous period"},
	{"change_year_ago", "number", "Thay đổi so với cùng kỳ năm trước", "Change on the same period a year earlier"},
	{"change_unit", "string", "Đơn vị của thay đổi: pp (điểm %) cho tỷ lệ, points (điểm của cơ số) cho tỷ số công bố theo cơ số (trên 100.000 dân), percent cho số lượng và mức", "Unit of the changes: pp (percentage points) for rates, points (of its base) for a ratio published per a base (per 100,000 population), percent for counts and levels"},
	{"rank", "integer", "Thứ hạng trong các đơn vị cùng cấp (1 là tốt nhất, bằng nhau cùng hạng)", "Rank among sibling units (1 is best; ties share a rank)"},
	{"rank_of", "integer", "Số đơn vị được xếp hạng", "Number of units ranked"},
	{"target", "number", "Mục tiêu của chỉ số", "The indicator's target"},
	{"target_deadline", "string", "Hạn của mục tiêu", "Deadline of the target"},
	{"target_status", "string", "achieved, on_track hoặc behind", "achieved, on_track or behind"},
	{"score", "number", "Điểm trong bộ chỉ số (nếu có)", "Points in the scored index, where the indicator has them"},
	annotationColumns[0], annotationColumns[1], annotationColumns[2], annotationColumns[3], annotationColumns[4],
}

// ObservationColumns are the columns of /data/observations.csv.
var ObservationColumns = []struct{ Name, Type, VI, EN string }{
	{"period", "string", "Kỳ", "Period"},
	{"unit", "string", "Mã đơn vị", "Unit code"},
	{"measure", "string", "Mã số đo trong danh mục", "Measure id in the catalogue"},
	{"value", "number", "Giá trị đã kiểm tra", "The validated value"},
}

// The column sets of the indicator and unit tables. A table ends with the
// attribute columns (annotationColumns: status, note, lower, upper, n) when
// any of its rows has a status, note, interval or sample size, and without
// them otherwise: all five or none, so that a table has one of two
// schemas, and the data package names which.
const (
	plainColumns     = "indicators"
	annotatedColumns = "indicators-annotated"
)

// columnSet names the column set of an indicator or unit table.
func columnSet(annotated bool) string {
	if annotated {
		return annotatedColumns
	}
	return plainColumns
}

// The primary keys of the two column sets: no two rows of a download share
// them.
var (
	downloadKey    = []string{"indicator", "unit", "period"}
	observationKey = []string{"period", "unit", "measure"}
)

// writeDownloads writes the downloads into the folder being published and
// lists them. It also returns observations.csv as written, which the change
// log compares with the published one.
func writeDownloads(ctx context.Context, ds *dataset.Dataset, res *indicator.Result, bd *breakdown.Set, out string) ([]File, *observationsFile, error) {
	for _, dir := range []string{"indicators", "units"} {
		if err := os.MkdirAll(filepath.Join(out, "data", dir), 0o755); err != nil {
			return nil, nil, err
		}
	}
	files, err := writeTables(ctx, ds, res, bd, out)
	if err != nil {
		return nil, nil, err
	}
	obs, err := writeObservations(ds, filepath.Join(out, "data", "observations.csv"))
	if err != nil {
		return nil, nil, err
	}
	files = append(files, File{Path: "data/observations.csv", Bytes: int64(len(obs.data)), Columns: "observations",
		Title: dataset.Text{VI: "Số liệu đầu vào đã kiểm tra", EN: "Validated observations"}})
	if annotated(ds) {
		ann, err := writeAnnotations(ds, out)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, ann)
	}
	return files, obs, nil
}

// writeTables writes /data/indicators/<id>.csv and .json, and
// /data/units/<code>.csv and .json: every indicator for every unit and
// period, grouped once by indicator and once by unit.
//
// It walks unit by unit. Each row is formatted once, into the unit's
// table, which is written out when the unit is done; the same bytes go on
// to the indicator's table, which stays open until the last unit and goes
// to its files whenever its buffers fill. So no row is kept, and the
// buffers are reused from file to file. Which tables have the attribute
// columns is known before the first row (see annotatedTables).
func writeTables(ctx context.Context, ds *dataset.Dataset, res *indicator.Result, bd *breakdown.Set, out string) ([]File, error) {
	f := locale.MustNew("en") // machine form; the same in every language
	var headers [2][]textCell // without and with the attribute columns
	for i, annotated := range []bool{false, true} {
		for _, c := range DownloadHeader(ds, annotated) {
			headers[i] = append(headers[i], newTextCell(c))
		}
	}
	header := func(annotated bool) []textCell {
		if annotated {
			return headers[1]
		}
		return headers[0]
	}
	dimIDs := dimensionIDs(ds)
	total := make([]textCell, len(dimIDs))
	for i := range total {
		total[i] = newTextCell("")
	}
	var periods []period.Period
	for _, k := range []period.Kind{period.Year, period.Quarter, period.Month} {
		periods = append(periods, res.Periods(k)...)
	}
	period.Sort(periods)
	periodCells := make([]textCell, len(periods))
	for i, p := range periods {
		periodCells[i] = newTextCell(p.String())
	}
	indAnnotated, unitAnnotated, err := annotatedTables(ctx, ds, res, bd, periods)
	if err != nil {
		return nil, err
	}
	w := rowWriter{f: f, named: map[string]textCell{}}
	// The words of the target_status and basis columns, made once.
	for _, s := range []string{indicator.Achieved.String(), indicator.OnTrack.String(), indicator.Behind.String(),
		indicator.BasisReported, indicator.BasisComputed, indicator.BasisReconstructed} {
		w.named[s] = newTextCell(s)
	}

	inds := make([]indicatorCells, len(ds.Catalogue.Indicators))
	tables := make([]*tableFile, len(inds))
	unitTable := &tableFile{}
	defer func() {
		for _, t := range append(tables, unitTable) {
			t.abandon() // a no-op once closed
		}
	}()
	for i := range inds {
		ind := &ds.Catalogue.Indicators[i]
		inds[i] = newIndicatorCells(f, &ds.Catalogue, ind, bd.Of(ind.ID), dimIDs)
		tables[i] = &tableFile{}
		if err := tables[i].create(out, "data/indicators/"+ind.ID, header(indAnnotated[i])); err != nil {
			return nil, err
		}
	}

	var files []File
	w.unit = unitTable
	for u := range ds.Units {
		if err := ctx.Err(); err != nil { // the build failed elsewhere
			return nil, err
		}
		unit := &ds.Units[u]
		w.code, w.name, w.geocode = newTextCell(unit.Code), newTextCell(unit.Name), newTextCell(unit.Geocode)
		w.unitAnnotated = unitAnnotated[u]
		if err := unitTable.create(out, "data/units/"+unit.Code, header(w.unitAnnotated)); err != nil {
			return nil, err
		}
		for i := range inds {
			ind := &inds[i]
			w.ind, w.indAnnotated = tables[i], indAnnotated[i]
			bi := ind.breakdowns
			for t, p := range periods {
				// Only rows with data: a unit × period with none is left out.
				if err := w.row(ind, periodCells[t], total, res.Value(ind.def.ID, unit.Code, p)); err != nil {
					return nil, err
				}
				if bi == nil {
					continue
				}
				for b := range bi.Breakdowns {
					for c, cell := range bi.Breakdowns[b].Cells {
						if err := w.row(ind, periodCells[t], ind.cells[b][c], bi.Value(cell, unit.Code, p)); err != nil {
							return nil, err
						}
					}
				}
			}
			if err := tables[i].err; err != nil {
				return nil, err
			}
		}
		csvBytes, jsonBytes, err := unitTable.close()
		if err != nil {
			return nil, err
		}
		title, columns := dataset.Text{VI: unit.Name, EN: unit.NameIn("en")}, columnSet(w.unitAnnotated)
		files = append(files,
			File{Path: unitTable.path + ".csv", Bytes: csvBytes, Columns: columns, Title: title},
			File{Path: unitTable.path + ".json", Bytes: jsonBytes, Columns: columns, Title: title})
	}

	byIndicator := make([]File, 0, 2*len(tables))
	for i, t := range tables {
		csvBytes, jsonBytes, err := t.close()
		if err != nil {
			return nil, err
		}
		title, md, columns := inds[i].def.Name, inds[i].def.Metadata, columnSet(indAnnotated[i])
		byIndicator = append(byIndicator,
			File{Path: t.path + ".csv", Bytes: csvBytes, Columns: columns, Title: title, Metadata: md},
			File{Path: t.path + ".json", Bytes: jsonBytes, Columns: columns, Title: title, Metadata: md})
	}
	return append(byIndicator, files...), nil
}

// rowWriter writes the rows of a unit's table, each copied on to the
// table of its indicator; each table has the attribute columns or not.
type rowWriter struct {
	f     locale.Formatter
	named map[string]textCell
	// unit is the unit's table, ind the indicator's; the flags say
	// whether each has the attribute columns.
	unit, ind                   *tableFile
	unitAnnotated, indAnnotated bool
	// The unit's cells.
	code, name, geocode textCell
}

// row writes the row of value v, when it has data, in period p and
// breakdown cell cell (the dimension cells; all empty for the total): it
// is formatted once, into the unit's table, and copied to the
// indicator's, with or without the attribute cells as each table has
// them. A value with attributes in a table without their columns is an
// error, rather than lost.
func (w *rowWriter) row(ind *indicatorCells, p textCell, cell []textCell, v indicator.Value) error {
	if !hasData(v) {
		return nil
	}
	if hasAttributes(v) && !(w.unitAnnotated && w.indAnnotated) {
		return fmt.Errorf("%s for %s in %s has a status, note, interval or sample size that its tables were not given columns for",
			v.Indicator, v.Unit, v.Period)
	}
	t := &w.unit.dataTable
	csvAt, jsonAt := len(t.csv), len(t.json)
	t.indicatorRow(w.f, ind, w.code, w.name, w.geocode, p, cell, w.named, v)
	csvBody, jsonBody := len(t.csv), len(t.json)
	if w.unitAnnotated || w.indAnnotated {
		t.attributes(w.f, v)
	}
	t.endRow()
	switch {
	case w.unitAnnotated == w.indAnnotated:
		w.ind.raw(t.csv[csvAt:], t.json[jsonAt:])
	case w.indAnnotated: // the unit's table has no attribute columns
		w.ind.raw(t.csv[csvAt:], t.json[jsonAt:])
		t.csv, t.json = t.csv[:csvBody], t.json[:jsonBody]
		t.endRow()
	default: // the indicator's table has none
		w.ind.raw(t.csv[csvAt:csvBody], t.json[jsonAt:jsonBody])
		w.ind.endRow()
	}
	return nil
}

// hasData says whether a value has anything to publish: a value, a
// numerator or denominator, a status (a value the publisher says is
// missing) or a note.
func hasData(v indicator.Value) bool {
	return v.OK || v.Numerator != 0 || v.Denominator != 0 || v.Status != 0 || v.Note != ""
}

// hasAttributes says whether a value with data has anything for the
// attribute columns: a status, note, interval or sample size.
func hasAttributes(v indicator.Value) bool {
	return v.Status != 0 || v.Note != "" || v.Interval != nil || v.N > 0
}

// annotatedTables says which indicator tables (in the catalogue's order)
// and which unit tables (in the order of ds.Units) have a row with a
// status, note, interval or sample size: the tables that get the
// attribute columns. A value's attributes are those of the observations it
// rests on, so a dataset whose observations have none is not walked.
func annotatedTables(ctx context.Context, ds *dataset.Dataset, res *indicator.Result, bd *breakdown.Set, periods []period.Period) (inds, units []bool, err error) {
	inds, units = make([]bool, len(ds.Catalogue.Indicators)), make([]bool, len(ds.Units))
	if !observationsAnnotated(ds) {
		return inds, units, nil
	}
	for u := range ds.Units {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		for i := range inds {
			// A pair whose two tables are known to have the columns has
			// nothing more to say.
			if !(inds[i] && units[u]) && annotatedPair(res, bd, ds.Catalogue.Indicators[i].ID, ds.Units[u].Code, periods) {
				inds[i], units[u] = true, true
			}
		}
	}
	return inds, units, nil
}

// annotatedPair says whether a row of indicator id for unit code, its
// total or a breakdown cell's in any period, has a status, note, interval
// or sample size.
func annotatedPair(res *indicator.Result, bd *breakdown.Set, id, code string, periods []period.Period) bool {
	annotated := func(v indicator.Value) bool { return hasData(v) && hasAttributes(v) }
	bi := bd.Of(id)
	for _, p := range periods {
		if annotated(res.Value(id, code, p)) {
			return true
		}
		if bi == nil {
			continue
		}
		for _, b := range bi.Breakdowns {
			for _, cell := range b.Cells {
				if annotated(bi.Value(cell, code, p)) {
					return true
				}
			}
		}
	}
	return false
}

// observationsAnnotated reports whether any observation, total or
// breakdown cell, carries a status, note, interval or sample size.
func observationsAnnotated(ds *dataset.Dataset) bool {
	for _, list := range [][]dataset.Observation{ds.Observations, ds.Breakdowns} {
		for i := range list {
			if o := &list[i]; o.Status != 0 || o.Detail != nil {
				return true
			}
		}
	}
	return false
}

// cellTexts are the dimension cells of a breakdown cell's row.
func cellTexts(cell string, dimIDs []string) []textCell {
	out := make([]textCell, len(dimIDs))
	for i, d := range dimIDs {
		out[i] = newTextCell(dims.Get(cell, d))
	}
	return out
}

// indicatorCells are the cells of an indicator's rows that depend on the
// indicator alone, formatted once.
type indicatorCells struct {
	def *dataset.Indicator
	// decimals is how many fraction digits a value keeps.
	decimals int
	rate     bool
	// target and deadline are empty cells when the indicator has no target.
	id, changeUnit, target, deadline textCell
	// breakdowns are the indicator's, nil when it has none; cells[b][c]
	// are the dimension cells of the rows of breakdowns.Breakdowns[b].Cells[c].
	breakdowns *breakdown.Indicator
	cells      [][][]textCell
}

func newIndicatorCells(f locale.Formatter, cat *dataset.Catalogue, ind *dataset.Indicator, bi *breakdown.Indicator, dimIDs []string) indicatorCells {
	// Changes in pp, points (of a base: per 100,000) or percent.
	c := indicatorCells{def: ind, decimals: 4, rate: ind.Type == dataset.Rate,
		id: newTextCell(ind.ID), changeUnit: newTextCell(figure.Of(cat, ind, f).ChangeUnit()), breakdowns: bi}
	if ind.Type == dataset.CountIndicator {
		c.decimals = 0
	}
	if ind.Published() {
		c.rate = false // no numerator and denominator: the value as published
	}
	c.target, c.deadline = newTextCell(""), newTextCell("")
	if t := ind.Target; t != nil {
		n := appendNumber(nil, f, t.Value, 4)
		c.target = textCell{csv: n, json: n}
		c.deadline = newTextCell(t.Deadline)
	}
	if bi != nil {
		c.cells = make([][][]textCell, len(bi.Breakdowns))
		for b, bd := range bi.Breakdowns {
			c.cells[b] = make([][]textCell, len(bd.Cells))
			for i, cell := range bd.Cells {
				c.cells[b][i] = cellTexts(cell, dimIDs)
			}
		}
	}
	return c
}

// indicatorRow begins the row of value v and writes its cells in the order
// of DownloadColumns up to score: the attribute cells (attributes), when
// the table has them, and the row's end follow.
func (t *dataTable) indicatorRow(f locale.Formatter, ind *indicatorCells, code, name, geocode, p textCell, cell []textCell, named map[string]textCell, v indicator.Value) {
	t.beginRow()
	t.text(ind.id)
	t.text(code)
	t.text(name)
	t.text(geocode)
	t.text(p)
	for _, c := range cell {
		t.text(c)
	}
	t.number(f, v.OK, v.Value, ind.decimals)
	t.number(f, v.OK || v.Numerator != 0, v.Numerator, 4)
	t.number(f, ind.rate && (v.OK || v.Denominator != 0), v.Denominator, 4)
	t.boolean(v.Partial)
	t.text(named[v.Basis()])
	t.number(f, v.Prev.OK, v.Prev.Delta, 4)
	t.number(f, v.YearAgo.OK, v.YearAgo.Delta, 4)
	t.text(ind.changeUnit)
	t.integer(v.Rank > 0, v.Rank)
	t.integer(v.Rank > 0, v.RankOf)
	t.text(ind.target)
	t.text(ind.deadline)
	if v.Target != nil {
		t.text(named[v.Target.Status.String()])
	} else {
		t.empty()
	}
	if v.Score != nil {
		t.number(f, true, *v.Score, 4)
	} else {
		t.empty()
	}
}

// attributes writes the attribute cells of value v: its status, note,
// interval and sample size.
func (t *dataTable) attributes(f locale.Formatter, v indicator.Value) {
	var lower, upper float64
	if v.Interval != nil {
		lower, upper = v.Interval.Lower, v.Interval.Upper
	}
	t.annotations(f, v.Status.Codes(), v.Note, v.Interval != nil, lower, upper, v.N > 0, v.N)
}

// textCell is a cell formatted once, as it is written in each format.
type textCell struct{ csv, json []byte }

// newTextCell formats text: escaped for CSV (encoding/csv's quoting) and as
// a JSON string; "" is an empty cell, null in the JSON. Text from the data,
// such as unit names, only ever reaches a download through it.
func newTextCell(s string) textCell {
	if s == "" {
		return textCell{json: []byte("null")}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{s})
	w.Flush()
	j, _ := json.Marshal(s) // a string always marshals; <, > and & are escaped
	return textCell{csv: bytes.TrimSuffix(b.Bytes(), []byte("\n")), json: j}
}

// dataTable is a download being built as its CSV and its JSON twin at
// once: the same rows, cell for cell.
type dataTable struct {
	csv, json []byte
	// rows counts the rows begun, the header included; cells the cells of
	// the row being written.
	rows, cells int
}

// reset empties the table and writes its header.
func (t *dataTable) reset(header []textCell) {
	t.csv, t.json = t.csv[:0], append(t.json[:0], '[')
	t.rows = 0
	t.beginRow()
	for _, h := range header {
		t.text(h)
	}
	t.endRow()
}

func (t *dataTable) beginRow() {
	if t.rows > 0 {
		t.json = append(t.json, ',')
	}
	t.json = append(t.json, '\n', '[')
	t.rows++
	t.cells = 0
}

func (t *dataTable) endRow() {
	t.csv = append(t.csv, '\n')
	t.json = append(t.json, ']')
}

// next separates a cell from the one before it.
func (t *dataTable) next() {
	if t.cells > 0 {
		t.csv = append(t.csv, ',')
		t.json = append(t.json, ',')
	}
	t.cells++
}

func (t *dataTable) text(c textCell) {
	t.next()
	t.csv = append(t.csv, c.csv...)
	t.json = append(t.json, c.json...)
}

// empty writes a cell with no data: nothing in the CSV, null in the JSON.
func (t *dataTable) empty() {
	t.next()
	t.json = append(t.json, "null"...)
}

func (t *dataTable) boolean(b bool) {
	t.next()
	t.csv = strconv.AppendBool(t.csv, b)
	t.json = strconv.AppendBool(t.json, b)
}

func (t *dataTable) integer(ok bool, n int) {
	if !ok {
		t.empty()
		return
	}
	t.next()
	at := len(t.csv)
	t.csv = strconv.AppendInt(t.csv, int64(n), 10)
	t.json = append(t.json, t.csv[at:]...)
}

// number writes x (see appendNumber). A cell that is not ok, or not
// finite, is empty.
func (t *dataTable) number(f locale.Formatter, ok bool, x float64, decimals int) {
	if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
		t.empty()
		return
	}
	t.next()
	at := len(t.csv)
	t.csv = appendNumber(t.csv, f, x, decimals)
	t.json = append(t.json, t.csv[at:]...)
}

// appendNumber appends finite x with at most decimals fraction digits,
// rounded as the pages round it (locale.Formatter.Decimal), without
// trailing zeros: "82.7", "100".
func appendNumber(dst []byte, f locale.Formatter, x float64, decimals int) []byte {
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		// Whole numbers, most numerators and denominators, are written
		// exactly as Decimal would write them, only faster.
		return strconv.AppendInt(dst, int64(x), 10)
	}
	at := len(dst)
	dst = f.AppendDecimal(dst, x, decimals)
	if bytes.IndexByte(dst[at:], '.') >= 0 {
		dst = bytes.TrimRight(dst, "0")
		dst = bytes.TrimSuffix(dst, []byte("."))
	}
	return dst
}

// tableFile is a dataTable on its way to its two files, path.csv and
// path.json. Rows copied in with raw go to the files whenever the buffers
// pass flushAt bytes, so that a table of any size takes bounded memory; the
// rest goes when it is closed.
type tableFile struct {
	dataTable
	// path is site-relative, without the extension.
	path                string
	csvFile, jsonFile   *os.File
	csvBytes, jsonBytes int64
	// err is the first error writing the files.
	err error
}

// flushAt is the size of buffered JSON at which raw writes a table out.
const flushAt = 256 << 10

// create starts t anew as the table at path below out: it creates the
// files and writes the header into the buffers it keeps from before.
func (t *tableFile) create(out, path string, header []textCell) error {
	name := filepath.Join(out, filepath.FromSlash(path))
	csvFile, err := os.Create(name + ".csv")
	if err != nil {
		return err
	}
	jsonFile, err := os.Create(name + ".json")
	if err != nil {
		csvFile.Close()
		return err
	}
	t.path, t.csvFile, t.jsonFile = path, csvFile, jsonFile
	t.csvBytes, t.jsonBytes, t.err = 0, 0, nil
	t.reset(header)
	return nil
}

// raw appends a row already formatted in both forms, such as one copied
// from another table.
func (t *tableFile) raw(csvRow, jsonRow []byte) {
	t.csv = append(t.csv, csvRow...)
	t.json = append(t.json, jsonRow...)
	if len(t.json) >= flushAt {
		t.flush()
	}
}

// flush writes the buffers to the files and empties them.
func (t *tableFile) flush() {
	if t.err != nil {
		return
	}
	if _, err := t.csvFile.Write(t.csv); err != nil {
		t.err = err
	} else if _, err := t.jsonFile.Write(t.json); err != nil {
		t.err = err
	}
	t.csvBytes += int64(len(t.csv))
	t.jsonBytes += int64(len(t.json))
	t.csv, t.json = t.csv[:0], t.json[:0]
}

// close ends the JSON array, writes what is left and closes the files. It
// returns their sizes.
func (t *tableFile) close() (csvBytes, jsonBytes int64, err error) {
	t.json = append(t.json, "\n]\n"...)
	t.flush()
	for _, f := range []*os.File{t.csvFile, t.jsonFile} {
		if err := f.Close(); err != nil && t.err == nil {
			t.err = err
		}
	}
	t.csvFile, t.jsonFile = nil, nil
	if t.err != nil {
		return 0, 0, fmt.Errorf("writing %s: %w", t.path, t.err)
	}
	return t.csvBytes, t.jsonBytes, nil
}

// abandon closes the files of a table that will not be finished; the
// staging folder they are in is removed with them.
func (t *tableFile) abandon() {
	if t == nil || t.csvFile == nil {
		return
	}
	t.csvFile.Close()
	t.jsonFile.Close()
	t.csvFile, t.jsonFile = nil, nil
}

// observationsFile is /data/observations.csv as written.
type observationsFile struct {
	data []byte
	// rows counts the observations; periods lists the periods they cover,
	// sorted as text.
	rows    int
	periods []string
}

// writeObservations writes the validated observations to path as CSV, in
// the dataset's order: by measure, unit and period (see
// compareObservations). The change log relies on that order. The cells
// need no quoting: periods are canonical, units are slugs, measures are
// ids and values are canonical numbers, all checked when the data was read.
func writeObservations(ds *dataset.Dataset, path string) (*observationsFile, error) {
	obs := ds.Observations
	dimIDs := dimensionIDs(ds)
	if len(ds.Breakdowns) > 0 || !slices.IsSortedFunc(obs, compareObservations) {
		// Exported figures only, totals and cells: not those added up
		// from their parts. A row's measure and cells sort as the change
		// log reads them (see obsMerge.keyOf).
		// The keys are made once, not at each comparison.
		type keyed struct {
			key string
			o   *dataset.Observation
		}
		var sorted []keyed
		for _, list := range [][]dataset.Observation{ds.Observations, ds.Breakdowns} {
			for i := range list {
				if o := &list[i]; !o.Computed {
					sorted = append(sorted, keyed{measureKey(*o, dimIDs), o})
				}
			}
		}
		slices.SortFunc(sorted, func(a, b keyed) int {
			return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.o.Unit, b.o.Unit), period.Compare(a.o.Period, b.o.Period))
		})
		obs = make([]dataset.Observation, len(sorted))
		for i, k := range sorted {
			obs[i] = *k.o
		}
	}
	texts := map[period.Period]string{}
	buf := make([]byte, 0, 56*len(obs)+64) // rows run 30 to 50 bytes
	buf = append(buf, strings.Join(ObservationHeader(ds), ",")...)
	buf = append(buf, '\n')
	rows := 0
	for i := range obs {
		o := &obs[i]
		if !o.HasValue() {
			continue // marked missing: in annotations.csv only
		}
		rows++
		p, ok := texts[o.Period]
		if !ok {
			p = o.Period.String()
			texts[o.Period] = p
		}
		buf = append(buf, p...)
		buf = append(buf, ',')
		buf = append(buf, o.Unit...)
		buf = append(buf, ',')
		buf = append(buf, o.Measure...)
		for _, d := range dimIDs {
			buf = append(buf, ',')
			buf = append(buf, dims.Get(o.Cell, d)...)
		}
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, o.Value, 'f', -1, 64)
		buf = append(buf, '\n')
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		return nil, err
	}
	file := &observationsFile{data: buf, rows: rows}
	for _, p := range texts {
		file.periods = append(file.periods, p)
	}
	slices.Sort(file.periods)
	return file, nil
}

// measureKey is an observation's measure and its dimension cells as the
// observations file writes them: "online_services,full,".
func measureKey(o dataset.Observation, dimIDs []string) string {
	k := o.Measure
	for _, d := range dimIDs {
		k += "," + dims.Get(o.Cell, d)
	}
	return k
}

// dimensionIDs lists the ids of the catalogue's dimensions.
func dimensionIDs(ds *dataset.Dataset) []string {
	ids := make([]string, len(ds.Catalogue.Dimensions))
	for i, d := range ds.Catalogue.Dimensions {
		ids[i] = d.ID
	}
	return ids
}

// ObservationHeader is the header of /data/observations.csv: period,
// unit, measure, a column for each dimension of the catalogue, value.
func ObservationHeader(ds *dataset.Dataset) []string {
	names := columnNames(ObservationColumns)
	return slices.Concat(names[:3], dimensionIDs(ds), names[3:])
}

// DownloadHeader is the header of the indicator and unit tables: the
// columns of DownloadColumns with one for each dimension after period,
// without the attribute columns at the end unless annotated.
func DownloadHeader(ds *dataset.Dataset, annotated bool) []string {
	names := columnNames(DownloadColumns)
	if !annotated {
		names = names[:len(names)-len(annotationColumns)]
	}
	return slices.Concat(names[:5], dimensionIDs(ds), names[5:])
}

// compareObservations orders observations by measure, unit and period, the
// order of dataset.Dataset.Observations.
func compareObservations(a, b dataset.Observation) int {
	if c := strings.Compare(a.Measure, b.Measure); c != 0 {
		return c
	}
	if c := strings.Compare(a.Unit, b.Unit); c != 0 {
		return c
	}
	return period.Compare(a.Period, b.Period)
}

func columnNames(cols []struct{ Name, Type, VI, EN string }) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names
}

// writeFile writes data to path, making the folders on the way.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// WriteColumnDocs hands the download columns to the templates as Hugo data
// (data/downloads.json), for the shortcode that documents them on the
// methodology page.
func WriteColumnDocs(dataDir string) error {
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
		"annotations":  conv(AnnotationColumns),
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dataDir, "downloads.json"), b)
}
