// Package foreign reads exports in the ways other systems write them, and
// the mapping files that say how: the TOML file beside a foreign export
// (see Mapping) and what it may declare — an encoding (UTF-16,
// Windows-1258), a delimiter, a number format (Vietnamese 213.883 and
// 86,7, English 213,883), a period format (Quý I/2025, 03/2025, dates,
// fiscal years), columns and units by name rather than by code.
//
// Package dataset reads exports through it; it knows nothing of dataset.
package foreign

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Encodings an export may be in. Without a mapping file an export is UTF-8,
// with or without a byte order mark, or UTF-16 with one (what spreadsheets
// save as "Unicode text"). Windows-1258, the Vietnamese Windows code page,
// cannot be told from UTF-8 by its bytes alone, so it is read only when a
// mapping file declares it.
const (
	EncodingUTF8        = "utf-8"
	EncodingUTF16       = "utf-16"
	EncodingUTF16LE     = "utf-16le"
	EncodingUTF16BE     = "utf-16be"
	EncodingWindows1258 = "windows-1258"
)

// Encodings lists the encodings a mapping file may declare.
var Encodings = []string{EncodingUTF8, EncodingUTF16, EncodingUTF16LE, EncodingUTF16BE, EncodingWindows1258}

// InputError is a problem that ends the reading of a file: an encoding the
// reader cannot decode, or bytes that are not text. Line and Column are 0
// when the problem is with the file as a whole.
type InputError struct {
	Line, Column int
	// Code names the check, as a finding's code does.
	Code string
	Msg  string
}

func (e *InputError) Error() string { return e.Msg }

// Decode returns the text of r as checked UTF-8. It detects a byte order
// mark, decodes UTF-16 and a declared Windows-1258, and wraps the text in a
// checker that rejects invalid UTF-8 and NUL bytes and turns lone carriage
// returns into line feeds. declared is "" when no encoding is declared;
// size is the size of the file, for the progress of reading.
func Decode(r io.Reader, declared string, size int64) (*Text, *InputError) {
	t, ierr := decode(bufio.NewReaderSize(r, 64<<10), declared)
	if ierr != nil {
		return nil, ierr
	}
	if t.raw {
		t.size = size
	}
	return t, nil
}

// decode chooses the decoder for the bytes of r, by byte order mark
// and by the declared encoding.
func decode(r *bufio.Reader, declared string) (*Text, *InputError) {
	head, _ := r.Peek(3)
	bom := ""
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		bom = EncodingUTF8
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		bom = EncodingUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		bom = EncodingUTF16BE
	}
	mismatch := func() *InputError {
		return &InputError{1, 1, "encoding",
			fmt.Sprintf("the file starts with a %s byte order mark, but its mapping declares encoding %q", strings.ToUpper(bom), declared)}
	}
	switch declared {
	case "", EncodingUTF8, EncodingUTF16, EncodingUTF16LE, EncodingUTF16BE:
		utf16 := declared == EncodingUTF16 && bom != EncodingUTF8
		if bom != "" && declared != "" && bom != declared && !utf16 {
			return nil, mismatch()
		}
	case EncodingWindows1258:
		if bom != "" {
			return nil, mismatch()
		}
	}
	switch {
	case bom == EncodingUTF8:
		r.Discard(3)
		return newText(r, 3, true), nil
	case bom == EncodingUTF16LE || declared == EncodingUTF16LE:
		return utf16Input(r, unicode.LittleEndian, bom != ""), nil
	case bom == EncodingUTF16BE || declared == EncodingUTF16BE:
		return utf16Input(r, unicode.BigEndian, bom != ""), nil
	case declared == EncodingUTF16:
		return nil, &InputError{1, 1, "encoding",
			`the mapping declares encoding "utf-16" but the file has no byte order mark; declare "utf-16le" or "utf-16be"`}
	case declared == EncodingWindows1258:
		// Windows-1258 writes tone marks as combining characters; NFC puts
		// them back on their letters, as UTF-8 files have them.
		dec := transform.NewReader(r, transform.Chain(charmap.Windows1258.NewDecoder(), norm.NFC))
		return newText(dec, 0, false), nil
	}
	return newText(r, 0, true), nil
}

// utf16Input decodes UTF-16 to UTF-8, dropping its byte order mark.
func utf16Input(r io.Reader, order unicode.Endianness, bom bool) *Text {
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.ExpectBOM
	}
	dec := unicode.UTF16(order, policy).NewDecoder()
	return newText(transform.NewReader(r, dec), 0, false)
}

// Text passes text through, checking that it is valid UTF-8 without
// NUL bytes, and turning a lone carriage return (an old Mac line end) into
// a line feed so that the CSV scanner sees one kind of line end. A CR LF is
// left for the scanner. It counts lines so that an error can say where.
type Text struct {
	r io.Reader
	// offset is the byte offset in the file of buf[0]; raw says whether
	// offsets are file offsets (false after decoding, when they are not).
	offset int64
	raw    bool
	// size is the size of the file, when offsets are file offsets.
	size  int64
	buf   []byte
	start int // buf[start:end] is checked text not yet handed out
	end   int
	// filled ends the bytes read; buf[end:filled] are read but not yet
	// checked: a rune cut at the end of a read, or a CR whose next byte
	// is not yet known.
	filled int
	// line is the number of line ends before buf[0] (plus one), lineHead
	// the bytes of the current line before buf[0], for the column of an error.
	line     int
	lineHead []byte
	err      error
}

func newText(r io.Reader, offset int64, raw bool) *Text {
	return &Text{r: r, offset: offset, raw: raw, buf: make([]byte, 64<<10), line: 1}
}

// Size returns the size of the file in bytes, or 0 when unknown (after
// decoding, when offsets are not file offsets).
func (t *Text) Size() int64 { return t.size }

// Offset returns how many bytes have been handed out by Read: bytes of the
// file when Size is known, of the decoded text otherwise.
func (t *Text) Offset() int64 { return t.offset - int64(t.end-t.start) }

func (t *Text) Read(p []byte) (int, error) {
	for t.start == t.end {
		if t.err != nil {
			return 0, t.err
		}
		t.fill()
	}
	n := copy(p, t.buf[t.start:t.end])
	t.start += n
	return n, nil
}

// fill reads the next block into buf and checks it.
func (t *Text) fill() {
	// Keep the bytes read but not yet checked.
	tail := copy(t.buf, t.buf[t.end:t.filled])
	t.start, t.end, t.filled = 0, 0, tail
	n, err := io.ReadAtLeast(t.r, t.buf[tail:], 1)
	n += tail
	t.filled = n
	eof := err != nil
	if err != nil && !errors.Is(err, io.EOF) {
		t.err = &InputError{0, 0, "io", fmt.Sprintf("cannot read the file: %v", err)}
	}
	chunk := t.buf[:n]
	good := n
	if !utf8.Valid(chunk) {
		i := invalidAt(chunk)
		if !eof && n-i < utf8.UTFMax && !utf8.FullRune(chunk[i:]) {
			good = i // a rune cut by the read: check it with the next block
		} else {
			t.err = t.encodingError(chunk, i)
			good = i
		}
	}
	if i := bytes.IndexByte(chunk[:good], 0); i >= 0 {
		t.err = t.nulError(chunk, i)
		good = i
	}
	// Lone CRs become LFs; a CR at the very end waits for its next byte.
	for i := 0; i < good; i++ {
		k := bytes.IndexByte(chunk[i:good], '\r')
		if k < 0 {
			break
		}
		i += k
		switch {
		case i+1 < n:
			if chunk[i+1] != '\n' {
				chunk[i] = '\n'
			}
		case !eof && t.err == nil:
			good = i
		}
	}
	if eof && t.err == nil && good == n {
		t.err = io.EOF
	}
	t.track(chunk[:good])
	t.end = good
	t.offset += int64(good)
}

// track keeps the line count and the head of the current line.
func (t *Text) track(b []byte) {
	nl := bytes.LastIndexByte(b, '\n')
	if nl < 0 {
		if len(t.lineHead) < 4096 {
			t.lineHead = append(t.lineHead, b...)
		}
		return
	}
	t.line += bytes.Count(b, []byte{'\n'})
	t.lineHead = append(t.lineHead[:0], b[nl+1:]...)
}

// where gives the line and column (in characters) of chunk[i].
func (t *Text) where(chunk []byte, i int) (line, col int) {
	before := chunk[:i]
	line = t.line + bytes.Count(before, []byte{'\n'}) + bytes.Count(before, []byte{'\r'}) - bytes.Count(before, []byte("\r\n"))
	if nl := bytes.LastIndexAny(before, "\r\n"); nl >= 0 {
		return line, utf8.RuneCount(before[nl+1:]) + 1
	}
	return line, utf8.RuneCount(t.lineHead) + utf8.RuneCount(before) + 1
}

func (t *Text) encodingError(chunk []byte, i int) *InputError {
	line, col := t.where(chunk, i)
	end := min(i+4, len(chunk))
	where := ""
	if t.raw {
		where = fmt.Sprintf(" at byte offset %d", t.offset+int64(i))
	}
	return &InputError{line, col, "encoding",
		fmt.Sprintf("invalid UTF-8%s (found bytes % X); the file is not UTF-8: save it as UTF-8 (\"CSV UTF-8\" in a spreadsheet), or, if it is in the Vietnamese Windows code page, declare encoding = %q in a mapping file beside it",
			where, chunk[i:end], EncodingWindows1258)}
}

func (t *Text) nulError(chunk []byte, i int) *InputError {
	line, col := t.where(chunk, i)
	where := ""
	if t.raw {
		where = fmt.Sprintf(" at byte offset %d", t.offset+int64(i))
	}
	return &InputError{line, col, "encoding",
		fmt.Sprintf("a NUL byte%s; the file looks like UTF-16 without a byte order mark: save it as UTF-8, or declare encoding = %q or %q in a mapping file",
			where, EncodingUTF16LE, EncodingUTF16BE)}
}

// invalidAt returns the index of the first byte of b that does not start a valid rune.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}
