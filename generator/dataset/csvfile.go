package dataset

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/gocarina/gocsv"

	"minhbach/generator/dataset/csvscan"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/dataset/input"
)

// chunkRows is how many records are handed to gocsv at a time: enough to
// amortise its per-call set-up, small enough to keep memory flat.
const chunkRows = 4096

// DefaultMaxField is the longest field, and the longest line, an export may
// have: a cell of a statistics export is short, and a longer one is nearly
// always a quote left open that swallows the rest of the file.
const DefaultMaxField = 1 << 20

// DefaultMaxFileSize is the largest file read, as a guard against runaway files.
const DefaultMaxFileSize = 512 << 20

// fileOptions says how to read one CSV file.
type fileOptions struct {
	// dir is the data folder, which the file must be inside (see OpenInput).
	dir string
	// encoding is declared by a mapping file; "" detects UTF-8 or UTF-16.
	encoding string
	// comma is the delimiter; 0 detects it from the header line.
	comma    byte
	maxSize  int64
	maxField int
}

// csvFile reads one CSV file record by record, keeping the physical position
// of every field so that findings can name line and column even after quoted
// fields that span lines.
type csvFile struct {
	path   string
	s      *csvscan.Scanner
	c      *collector
	header []string
	// headerPos holds the position of each header field.
	headerPos []Position
	// rows counts the data records read, good or bad.
	rows int
	// in is the checked text, for the progress of reading.
	in *foreign.Text
}

// size returns the size of the file in bytes, or 0 when unknown.
func (cf *csvFile) size() int64 { return cf.in.Size() }

// offset returns how many bytes of the file's text have been read.
func (cf *csvFile) offset() int64 { return cf.in.Offset() - int64(cf.s.R.Buffered()) }

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

// openCSV opens path and reads its header. It reports a finding and returns
// nil when the file cannot be used at all. The returned function closes the file.
func openCSV(path string, opts fileOptions, c *collector) (*csvFile, func()) {
	in, closeFn, ierr := openInput(opts.dir, path, opts.encoding, opts.maxSize)
	if ierr != nil {
		c.Add(Position{File: path, Line: ierr.Line, Column: ierr.Column}, Error, ierr.Code, ierr.Msg)
		return nil, func() {}
	}
	br := bufio.NewReaderSize(in, 64<<10)
	comma := opts.comma
	if comma == 0 {
		head, _ := br.Peek(4096)
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			head = head[:i]
		}
		comma = csvscan.DetectDelimiter(head)
	}
	cf := &csvFile{path: path, s: csvscan.New(br, comma, opts.maxField), c: c, in: in}
	_, err := cf.s.Next()
	cf.reportBlank()
	if errors.Is(err, io.EOF) {
		c.Errorf(Position{File: path, Line: 1, Column: 1}, "empty", "the file is empty; expected a header line")
		return nil, closeFn
	}
	if err != nil {
		cf.report(err)
		return nil, closeFn
	}
	cf.header = slices.Clone(cf.s.Strings())
	cf.headerPos = cf.positions()
	return cf, closeFn
}

// at returns the position of field i of the last record read.
func (cf *csvFile) at(i int) Position {
	p := cf.s.Pos[i]
	return Position{File: cf.path, Line: p.Line, Column: p.Col}
}

// positions returns where each field of the last record starts.
func (cf *csvFile) positions() []Position {
	ps := make([]Position, len(cf.s.Pos))
	for i := range ps {
		ps[i] = cf.at(i)
	}
	return ps
}

// rowStart is the position of the last record's first field.
func (cf *csvFile) rowStart() Position { return cf.at(0) }

// report turns a reading error into a finding. It returns false when reading
// cannot go on.
func (cf *csvFile) report(err error) bool {
	var se *csvscan.SyntaxError
	var le *csvscan.LimitError
	var ie *foreign.InputError
	switch {
	case errors.As(err, &se):
		cf.c.Errorf(Position{File: cf.path, Line: se.Line, Column: se.Col}, "csv", "%s", se.Msg)
		return true
	case errors.As(err, &le):
		cf.c.Add(Position{File: cf.path, Line: le.Line, Column: le.Col}, Error, "field-size", le.Msg)
	case errors.As(err, &ie):
		cf.c.Add(Position{File: cf.path, Line: ie.Line, Column: ie.Column}, Error, ie.Code, ie.Msg)
	default:
		cf.c.Errorf(Position{File: cf.path}, "io", "cannot read the file: %v", err)
	}
	return false
}

// reportBlank reports the blank lines skipped before the last record.
func (cf *csvFile) reportBlank() {
	for _, line := range cf.s.Blank {
		cf.c.Warnf(Position{File: cf.path, Line: line, Column: 1}, "blank-line",
			"blank line; it is skipped (remove it, or check whether a row is missing)")
	}
}

// next reads the next data record that has as many fields as the header,
// for the caller to read from cf.s, and reports whether there was one.
// Malformed and ragged records are reported and skipped; an error that
// ends reading ends the file.
func (cf *csvFile) next() bool {
	for {
		n, err := cf.s.Next()
		cf.reportBlank()
		if err != nil && errors.Is(err, io.EOF) {
			return false
		}
		cf.rows++
		if err != nil {
			if !cf.report(err) {
				return false
			}
			continue
		}
		if n != len(cf.header) {
			cf.c.Errorf(cf.rowStart(), "ragged-row", "found %d fields, expected %d as in the header", n, len(cf.header))
			continue
		}
		return true
	}
}

// record is one data row with the position of each of its fields.
type record struct {
	fields []string
	pos    []Position
}

// chunks calls fn with successive batches of records, for gocsv.
func (cf *csvFile) chunks(fn func([]record)) {
	batch := make([]record, 0, chunkRows)
	for cf.next() {
		batch = append(batch, record{fields: slices.Clone(cf.s.Strings()), pos: cf.positions()})
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
	records []record
}

func (d rowsDecoder) GetCSVRows() ([][]string, error) {
	rows := make([][]string, 0, len(d.records)+1)
	rows = append(rows, d.header)
	for _, r := range d.records {
		rows = append(rows, r.fields)
	}
	return rows, nil
}

// decodeChunk maps a chunk of records onto structs of type T with gocsv.
//
// gocsv is what maps small, hand-edited tables such as units.csv onto
// structs by column name. It is not used for exports: it reflects on every
// field of every row, which makes it several times slower than reading
// the cells directly (see BenchmarkReadExportGocsv), and exports are the files
// that grow to millions of rows.
func decodeChunk[T any](header []string, records []record) ([]T, error) {
	var out []T
	if err := gocsv.UnmarshalDecoder(rowsDecoder{header: header, records: records}, &out); err != nil {
		return nil, fmt.Errorf("decoding rows: %w", err)
	}
	return out, nil
}

// OpenInput opens name, a file inside the folder dir, as package dataset
// opens every input: only a regular file reached without a symbolic link
// (see input.Open).
func OpenInput(dir, name string) (*os.File, error) { return input.Open(dir, name) }
