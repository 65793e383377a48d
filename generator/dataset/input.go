package dataset

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
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

var encodings = []string{EncodingUTF8, EncodingUTF16, EncodingUTF16LE, EncodingUTF16BE, EncodingWindows1258}

// inputError is a problem that ends the reading of a file: an encoding the
// reader cannot decode, or a line or field over the size limit.
type inputError struct {
	pos  Position
	code string
	msg  string
}

func (e *inputError) Error() string { return e.msg }

// openInput opens path for reading as UTF-8 text. It checks the file's size,
// detects a byte order mark, decodes UTF-16 and a declared Windows-1258, and
// wraps the text in a checker that rejects invalid UTF-8 and turns lone
// carriage returns into line feeds. declared is "" when no encoding is
// declared.
func openInput(path, declared string, maxSize int64) (io.Reader, func(), *inputError) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, &inputError{Position{File: path}, "io", fmt.Sprintf("cannot read the file: %v", err)}
	}
	closeFn := func() { f.Close() }
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	if size > maxSize {
		closeFn()
		return nil, nil, &inputError{Position{File: path}, "file-size",
			fmt.Sprintf("the file is %d bytes, over the limit of %d bytes", size, maxSize)}
	}
	in, ierr := decodeInput(path, bufio.NewReaderSize(f, 64<<10), declared)
	if ierr != nil {
		closeFn()
		return nil, nil, ierr
	}
	if tc, ok := in.(*textChecker); ok && tc.raw {
		tc.size = size
	}
	return in, closeFn, nil
}

// decodeInput chooses the decoder for the bytes of r, by byte order mark
// and by the declared encoding.
func decodeInput(path string, r *bufio.Reader, declared string) (io.Reader, *inputError) {
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
	mismatch := func() *inputError {
		return &inputError{Position{File: path, Line: 1, Column: 1}, "encoding",
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
		return newTextChecker(path, r, 3, true), nil
	case bom == EncodingUTF16LE || declared == EncodingUTF16LE:
		return utf16Input(path, r, unicode.LittleEndian, bom != ""), nil
	case bom == EncodingUTF16BE || declared == EncodingUTF16BE:
		return utf16Input(path, r, unicode.BigEndian, bom != ""), nil
	case declared == EncodingUTF16:
		return nil, &inputError{Position{File: path, Line: 1, Column: 1}, "encoding",
			`the mapping declares encoding "utf-16" but the file has no byte order mark; declare "utf-16le" or "utf-16be"`}
	case declared == EncodingWindows1258:
		// Windows-1258 writes tone marks as combining characters; NFC puts
		// them back on their letters, as UTF-8 files have them.
		dec := transform.NewReader(r, transform.Chain(charmap.Windows1258.NewDecoder(), norm.NFC))
		return newTextChecker(path, dec, 0, false), nil
	}
	return newTextChecker(path, r, 0, true), nil
}

// utf16Input decodes UTF-16 to UTF-8, dropping its byte order mark.
func utf16Input(path string, r io.Reader, order unicode.Endianness, bom bool) io.Reader {
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.ExpectBOM
	}
	dec := unicode.UTF16(order, policy).NewDecoder()
	return newTextChecker(path, transform.NewReader(r, dec), 0, false)
}

// textChecker passes text through, checking that it is valid UTF-8 without
// NUL bytes, and turning a lone carriage return (an old Mac line end) into
// a line feed so that the CSV scanner sees one kind of line end. A CR LF is
// left for the scanner. It counts lines so that an error can say where.
type textChecker struct {
	path string
	r    io.Reader
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

func newTextChecker(path string, r io.Reader, offset int64, raw bool) *textChecker {
	return &textChecker{path: path, r: r, offset: offset, raw: raw, buf: make([]byte, 64<<10), line: 1}
}

func (t *textChecker) Read(p []byte) (int, error) {
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
func (t *textChecker) fill() {
	// Keep the bytes read but not yet checked.
	tail := copy(t.buf, t.buf[t.end:t.filled])
	t.start, t.end, t.filled = 0, 0, tail
	n, err := io.ReadAtLeast(t.r, t.buf[tail:], 1)
	n += tail
	t.filled = n
	eof := err != nil
	if err != nil && !errors.Is(err, io.EOF) {
		t.err = &inputError{Position{File: t.path}, "io", fmt.Sprintf("cannot read the file: %v", err)}
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
func (t *textChecker) track(b []byte) {
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
func (t *textChecker) where(chunk []byte, i int) (line, col int) {
	before := chunk[:i]
	line = t.line + bytes.Count(before, []byte{'\n'}) + bytes.Count(before, []byte{'\r'}) - bytes.Count(before, []byte("\r\n"))
	if nl := bytes.LastIndexAny(before, "\r\n"); nl >= 0 {
		return line, utf8.RuneCount(before[nl+1:]) + 1
	}
	return line, utf8.RuneCount(t.lineHead) + utf8.RuneCount(before) + 1
}

func (t *textChecker) encodingError(chunk []byte, i int) *inputError {
	line, col := t.where(chunk, i)
	end := min(i+4, len(chunk))
	where := ""
	if t.raw {
		where = fmt.Sprintf(" at byte offset %d", t.offset+int64(i))
	}
	return &inputError{Position{File: t.path, Line: line, Column: col}, "encoding",
		fmt.Sprintf("invalid UTF-8%s (found bytes % X); the file is not UTF-8: save it as UTF-8 (\"CSV UTF-8\" in a spreadsheet), or, if it is in the Vietnamese Windows code page, declare encoding = %q in a mapping file beside it",
			where, chunk[i:end], EncodingWindows1258)}
}

func (t *textChecker) nulError(chunk []byte, i int) *inputError {
	line, col := t.where(chunk, i)
	where := ""
	if t.raw {
		where = fmt.Sprintf(" at byte offset %d", t.offset+int64(i))
	}
	return &inputError{Position{File: t.path, Line: line, Column: col}, "encoding",
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
