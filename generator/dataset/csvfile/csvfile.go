// Package csvfile reads one CSV input of a data folder record by record —
// decoded to UTF-8, its delimiter detected, within the size limits —
// keeping the physical position of every field, so that a finding can name
// the line and column even after quoted fields that span lines; and maps
// small tables onto structs with gocsv.
package csvfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/gocarina/gocsv"

	"minhbach/generator/dataset/csvscan"
	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/dataset/input"
)

// chunkRows is how many records are handed to gocsv at a time: enough to
// amortise its per-call set-up, small enough to keep memory flat.
const chunkRows = 4096

// Options say how to read one CSV file.
type Options struct {
	// Dir is the data folder, which the file must be inside (see input.Open).
	Dir string
	// Encoding is declared by a mapping file; "" detects UTF-8 or UTF-16.
	Encoding string
	// Comma is the delimiter; 0 detects it from the header line.
	Comma    byte
	MaxSize  int64
	MaxField int
}

// File reads one CSV file record by record, keeping the physical position
// of every field so that findings can name line and column even after quoted
// fields that span lines.
type File struct {
	Path string
	// S scans the records; the caller reads the fields of the last one.
	S      *csvscan.Scanner
	c      *finding.Collector
	Header []string
	// HeaderPos holds the position of each header field.
	HeaderPos []finding.Position
	// Rows counts the data records read, good or bad.
	Rows int
	// in is the checked text, for the progress of reading.
	in *foreign.Text
}

// Size returns the size of the file in bytes, or 0 when unknown.
func (cf *File) Size() int64 { return cf.in.Size() }

// Offset returns how many bytes of the file's text have been read.
func (cf *File) Offset() int64 { return cf.in.Offset() - int64(cf.S.R.Buffered()) }

// openInput opens path for reading as checked UTF-8 text (see
// foreign.Decode), after checking its size. declared is the encoding a
// mapping declares, "" when none does.
func openInput(dir, path, declared string, maxSize int64) (*foreign.Text, func(), *foreign.InputError) {
	f, err := input.Open(dir, path)
	var ife *input.Error
	if errors.As(err, &ife) {
		return nil, nil, &foreign.InputError{Code: "input-file", Msg: ife.Msg}
	}
	if err != nil {
		return nil, nil, &foreign.InputError{Code: "io", Msg: fmt.Sprintf("cannot read the file: %v", err)}
	}
	closeFn := func() { f.Close() }
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	if size > maxSize {
		closeFn()
		return nil, nil, &foreign.InputError{Code: "file-size",
			Msg: fmt.Sprintf("the file is %d bytes, over the limit of %d bytes", size, maxSize)}
	}
	in, ierr := foreign.Decode(f, declared, size)
	if ierr != nil {
		closeFn()
		return nil, nil, ierr
	}
	return in, closeFn, nil
}

// Open opens path and reads its header. It reports a finding and returns
// nil when the file cannot be used at all. The returned function closes the file.
func Open(path string, opts Options, c *finding.Collector) (*File, func()) {
	in, closeFn, ierr := openInput(opts.Dir, path, opts.Encoding, opts.MaxSize)
	if ierr != nil {
		c.Add(finding.Position{File: path, Line: ierr.Line, Column: ierr.Column}, finding.Error, ierr.Code, ierr.Msg)
		return nil, func() {}
	}
	br := bufio.NewReaderSize(in, 64<<10)
	comma := opts.Comma
	if comma == 0 {
		head, _ := br.Peek(4096)
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			head = head[:i]
		}
		comma = csvscan.DetectDelimiter(head)
	}
	cf := &File{Path: path, S: csvscan.New(br, comma, opts.MaxField), c: c, in: in}
	_, err := cf.S.Next()
	cf.reportBlank()
	if errors.Is(err, io.EOF) {
		c.Errorf(finding.Position{File: path, Line: 1, Column: 1}, "empty", "the file is empty; expected a header line")
		return nil, closeFn
	}
	if err != nil {
		cf.report(err)
		return nil, closeFn
	}
	cf.Header = slices.Clone(cf.S.Strings())
	cf.HeaderPos = cf.Positions()
	return cf, closeFn
}

// At returns the position of field i of the last record read.
func (cf *File) At(i int) finding.Position {
	p := cf.S.Pos[i]
	return finding.Position{File: cf.Path, Line: p.Line, Column: p.Col}
}

// Positions returns where each field of the last record starts.
func (cf *File) Positions() []finding.Position {
	ps := make([]finding.Position, len(cf.S.Pos))
	for i := range ps {
		ps[i] = cf.At(i)
	}
	return ps
}

// rowStart is the position of the last record's first field.
func (cf *File) rowStart() finding.Position { return cf.At(0) }

// report turns a reading error into a finding. It returns false when reading
// cannot go on.
func (cf *File) report(err error) bool {
	var se *csvscan.SyntaxError
	var le *csvscan.LimitError
	var ie *foreign.InputError
	switch {
	case errors.As(err, &se):
		cf.c.Errorf(finding.Position{File: cf.Path, Line: se.Line, Column: se.Col}, "csv", "%s", se.Msg)
		return true
	case errors.As(err, &le):
		cf.c.Add(finding.Position{File: cf.Path, Line: le.Line, Column: le.Col}, finding.Error, "field-size", le.Msg)
	case errors.As(err, &ie):
		cf.c.Add(finding.Position{File: cf.Path, Line: ie.Line, Column: ie.Column}, finding.Error, ie.Code, ie.Msg)
	default:
		cf.c.Errorf(finding.Position{File: cf.Path}, "io", "cannot read the file: %v", err)
	}
	return false
}

// reportBlank reports the blank lines skipped before the last record.
func (cf *File) reportBlank() {
	for _, line := range cf.S.Blank {
		cf.c.Warnf(finding.Position{File: cf.Path, Line: line, Column: 1}, "blank-line",
			"blank line; it is skipped (remove it, or check whether a row is missing)")
	}
}

// Next reads the next data record that has as many fields as the header,
// for the caller to read from cf.S, and reports whether there was one.
// Malformed and ragged records are reported and skipped; an error that
// ends reading ends the file.
func (cf *File) Next() bool {
	for {
		n, err := cf.S.Next()
		cf.reportBlank()
		if err != nil && errors.Is(err, io.EOF) {
			return false
		}
		cf.Rows++
		if err != nil {
			if !cf.report(err) {
				return false
			}
			continue
		}
		if n != len(cf.Header) {
			cf.c.Errorf(cf.rowStart(), "ragged-row", "found %d fields, expected %d as in the header", n, len(cf.Header))
			continue
		}
		return true
	}
}

// Record is one data row with the position of each of its fields.
type Record struct {
	Fields []string
	Pos    []finding.Position
}

// Chunks calls fn with successive batches of records, for gocsv.
func (cf *File) Chunks(fn func([]Record)) {
	batch := make([]Record, 0, chunkRows)
	for cf.Next() {
		batch = append(batch, Record{Fields: slices.Clone(cf.S.Strings()), Pos: cf.Positions()})
		if len(batch) == chunkRows {
			fn(batch)
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		fn(batch)
	}
}

// rowsDecoder feeds one chunk of records, behind the header, to gocsv.
type rowsDecoder struct {
	header  []string
	records []Record
}

func (d rowsDecoder) GetCSVRows() ([][]string, error) {
	rows := make([][]string, 0, len(d.records)+1)
	rows = append(rows, d.header)
	for _, r := range d.records {
		rows = append(rows, r.Fields)
	}
	return rows, nil
}

// DecodeChunk maps a chunk of records onto structs of type T with gocsv.
//
// gocsv is what maps small, hand-edited tables such as units.csv onto
// structs by column name. It is not used for exports: it reflects on every
// field of every row, which makes it several times slower than reading
// the cells directly (see BenchmarkReadExportGocsv), and exports are the files
// that grow to millions of rows.
func DecodeChunk[T any](header []string, records []Record) ([]T, error) {
	var out []T
	if err := gocsv.UnmarshalDecoder(rowsDecoder{header: header, records: records}, &out); err != nil {
		return nil, fmt.Errorf("decoding rows: %w", err)
	}
	return out, nil
}
