package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
)

// chunkRows is how many records are handed to gocsv at a time: enough to
// amortise its per-call set-up, small enough to keep memory flat.
const chunkRows = 4096

// maxFileSize is the largest export read, as a guard against runaway files.
const maxFileSize = 512 << 20

// csvFile reads one CSV file record by record, keeping the physical position
// of every field so that findings can name line and column even after quoted
// fields that span lines.
type csvFile struct {
	path   string
	r      *csv.Reader
	c      *collector
	header []string
	// headerPos holds the position of each header field.
	headerPos []Position
}

// openCSV opens path and reads its header. It reports a finding and returns
// nil when the file cannot be used at all.
func openCSV(path string, c *collector) (*csvFile, func()) {
	f, err := os.Open(path)
	if err != nil {
		c.errorf(Position{File: path}, "io", "cannot read the file: %v", err)
		return nil, func() {}
	}
	closeFn := func() { f.Close() }
	if st, err := f.Stat(); err == nil && st.Size() > maxFileSize {
		c.errorf(Position{File: path}, "file-size", "the file is %d bytes, over the limit of %d", st.Size(), maxFileSize)
		return nil, closeFn
	}
	in := skipBOM(f)
	r := csv.NewReader(in)
	r.ReuseRecord = false
	cf := &csvFile{path: path, r: r, c: c}
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		c.errorf(Position{File: path, Line: 1, Column: 1}, "empty", "the file is empty; expected a header line")
		return nil, closeFn
	}
	if err != nil {
		cf.parseError(err)
		return nil, closeFn
	}
	cf.header = header
	cf.headerPos = cf.positions(len(header))
	for i, h := range header {
		if !utf8.ValidString(h) {
			c.errorf(cf.headerPos[i], "encoding", "the header is not valid UTF-8; save the file as UTF-8")
			return nil, closeFn
		}
	}
	return cf, closeFn
}

// skipBOM drops a UTF-8 byte order mark, as spreadsheets write one.
func skipBOM(f io.Reader) io.Reader {
	buf := make([]byte, 3)
	n, _ := io.ReadFull(f, buf)
	if n == 3 && bytes.Equal(buf, []byte{0xEF, 0xBB, 0xBF}) {
		return f
	}
	return io.MultiReader(bytes.NewReader(buf[:n]), f)
}

// positions returns where each field of the last record read starts.
func (cf *csvFile) positions(n int) []Position {
	ps := make([]Position, n)
	for i := range ps {
		line, col := cf.r.FieldPos(i)
		ps[i] = Position{File: cf.path, Line: line, Column: col}
	}
	return ps
}

// parseError turns an encoding/csv error into a finding.
func (cf *csvFile) parseError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			msg = fmt.Sprintf("the row has a different number of fields from the header (%d)", len(cf.header))
		case errors.Is(pe.Err, csv.ErrBareQuote), errors.Is(pe.Err, csv.ErrQuote):
			msg += `; a field that contains quotes must be quoted, with each quote doubled ("")`
		}
		cf.c.errorf(Position{File: cf.path, Line: pe.Line, Column: pe.Column}, "csv", "%s", msg)
		return
	}
	cf.c.errorf(Position{File: cf.path}, "io", "cannot read the file: %v", err)
}

// record is one data row with the position of each of its fields.
type record struct {
	fields []string
	pos    []Position
}

// chunks calls fn with successive batches of records. Rows with the wrong
// number of fields are reported and skipped; a syntax error that encoding/csv
// cannot recover from ends the file.
func (cf *csvFile) chunks(fn func([]record)) {
	batch := make([]record, 0, chunkRows)
	for {
		fields, err := cf.r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			cf.parseError(err)
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		batch = append(batch, record{fields: fields, pos: cf.positions(len(fields))})
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
// Field types do their own checking (see cell types), so gocsv does not stop
// at the first bad value and every bad cell is reported.
func decodeChunk[T any](header []string, records []record) ([]T, error) {
	var out []T
	if err := gocsv.UnmarshalDecoder(rowsDecoder{header: header, records: records}, &out); err != nil {
		return nil, err
	}
	return out, nil
}
