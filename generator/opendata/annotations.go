package opendata

import (
	"os"
	"path/filepath"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/indmeta"
	"minhbach/generator/locale"
	"minhbach/generator/mark"
)

// What statisticians publish beside a figure — its status, note, interval
// and sample size — goes into the downloads twice: as the last columns of
// the indicator and unit tables that have any (the value's own, see
// DownloadColumns and annotatedTables), and, for the observations that
// carry any, in /data/annotations.csv beside observations.csv, whose four
// columns the change log compares.

// annotationColumns are the attribute columns: those an indicator or unit
// table ends with when a row of it has a status, note, interval or sample
// size.
var annotationColumns = []struct{ Name, Type, VI, EN string }{
	{"status", "string", "Trạng thái của giá trị theo mã SDMX: trống (bình thường), B (gián đoạn chuỗi), E (ước tính), P (sơ bộ), F (dự báo), M (thiếu); nhiều mã cách nhau bởi dấu cách", "The value's status in SDMX codes: empty (normal), B (break in series), E (estimated), P (provisional), F (forecast), M (missing); several are separated by spaces"},
	{"note", "string", "Ghi chú của nơi công bố cho giá trị", "The publisher's note on the value"},
	{"lower", "number", "Cận dưới của khoảng tin cậy", "Lower bound of the confidence interval"},
	{"upper", "number", "Cận trên của khoảng tin cậy", "Upper bound of the confidence interval"},
	{"n", "integer", "Cỡ mẫu của khảo sát", "Sample size of the survey"},
}

// AnnotationColumns are the columns of /data/annotations.csv.
var AnnotationColumns = append([]struct{ Name, Type, VI, EN string }{
	{"period", "string", "Kỳ", "Period"},
	{"unit", "string", "Mã đơn vị", "Unit code"},
	{"measure", "string", "Mã số đo trong danh mục", "Measure id in the catalogue"},
}, annotationColumns...)

// annotated reports whether any observation carries a status, note or bounds.
func annotated(ds *dataset.Dataset) bool {
	for i := range ds.Observations {
		if o := &ds.Observations[i]; o.Status != 0 || o.Detail != nil {
			return true
		}
	}
	return false
}

// writeAnnotations writes /data/annotations.csv: the status, note, bounds
// and sample size of each observation that carries any, in the order of
// observations.csv, and the observations the publisher marks missing.
func writeAnnotations(ds *dataset.Dataset, out string) (File, error) {
	f := locale.MustNew("en")
	t := &dataTable{}
	header := make([]textCell, len(AnnotationColumns))
	for i, c := range AnnotationColumns {
		header[i] = newTextCell(c.Name)
	}
	t.reset(header)
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if o.Status == 0 && o.Detail == nil {
			continue
		}
		t.beginRow()
		t.text(newTextCell(o.Period.String()))
		t.text(newTextCell(o.Unit))
		t.text(newTextCell(o.Measure))
		d := o.Detail
		if d == nil {
			d = &mark.Detail{}
		}
		t.annotations(f, o.Status.Codes(), d.Note, d.HasBounds, d.Lower, d.Upper, d.HasN, d.N)
		t.endRow()
	}
	path := "data/annotations.csv"
	if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(path)), t.csv, 0o644); err != nil {
		return File{}, err
	}
	return File{Path: path, Bytes: int64(len(t.csv)), Columns: "annotations",
		Title: dataset.Text{VI: "Trạng thái, ghi chú và khoảng tin cậy của số liệu đầu vào", EN: "Status, notes and intervals of the observations"}}, nil
}

// annotations appends the status, note, lower, upper and n cells.
func (t *dataTable) annotations(f locale.Formatter, codes, note string, bounds bool, lower, upper float64, hasN bool, n float64) {
	t.text(newTextCell(codes))
	t.text(newTextCell(note))
	t.number(f, bounds, lower, 4)
	t.number(f, bounds, upper, 4)
	t.integer(hasN, int(n))
}

// dpMetadata is an indicator's metadata as the data package carries it on
// the indicator's resources: each text in both languages.
type dpMetadata struct {
	Texts      map[string]dataset.Text `json:"texts,omitempty"`
	Multiplier int                     `json:"unit_multiplier,omitempty"`
	LastUpdate string                  `json:"last_update,omitempty"`
	Related    []dpRelated             `json:"related,omitempty"`
	Links      []dpLink                `json:"links,omitempty"`
}

type dpRelated struct {
	Code string       `json:"code"`
	Name dataset.Text `json:"name"`
}

type dpLink struct {
	URL  string       `json:"url"`
	Name dataset.Text `json:"name"`
}

// newDPMetadata returns m for the data package, nil for none.
func newDPMetadata(m *indmeta.Metadata) *dpMetadata {
	if m == nil {
		return nil
	}
	d := &dpMetadata{Multiplier: m.Multiplier, LastUpdate: m.LastUpdate, Texts: map[string]dataset.Text{}}
	for _, f := range m.Texts() {
		d.Texts[f.TOML] = f.Text
	}
	for _, r := range m.Related {
		d.Related = append(d.Related, dpRelated{r.Code, r.Name})
	}
	for _, l := range m.Links {
		d.Links = append(d.Links, dpLink{l.URL, l.Name})
	}
	return d
}
