// Package csvscan splits checked UTF-8 text into CSV records, keeping where
// each field starts (physical line and column in characters), so that a
// finding can name the cell also after quoted fields that span lines.
package csvscan

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Scanner splits UTF-8 text into CSV records (RFC 4180: fields separated by
// a delimiter, quoted with '"' when they hold a delimiter, a quote or a line
// end, quotes inside doubled). It is encoding/csv's algorithm with what a
// validator needs added: the physical line and the column, counted in
// characters (runes), where each field starts, also after quoted fields that
// span lines; the blank lines it skips; and a limit on the length of a line
// and of a field. Lone CRs arrive as LFs (see foreign.Text); CR LF is one line
// end.
type Scanner struct {
	// R is the text read; Comma the delimiter.
	R        *bufio.Reader
	Comma    byte
	maxField int
	// line is the number of physical lines read.
	line int
	// long holds a line longer than the reader's buffer.
	long []byte
	// The last record: text holds its fields with one separator byte
	// between each and the next, ends where each field ends in text, and
	// pos where each starts in the file. text is the line read itself when
	// no field is quoted, and own, with the quotes taken out, when one is.
	text   []byte
	own    []byte
	ends   []int
	Pos    []FieldPos
	fields []string
	// Blank lists the blank lines skipped before the last record.
	Blank []int
}

// FieldPos is where a field starts: physical line and column in characters.
type FieldPos struct{ Line, Col int }

// SyntaxError is a malformed record. The scanner drops the rest of its line
// and goes on with the next record.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string { return e.Msg }

// LimitError is a line or a field over the limit; reading cannot go on.
type LimitError struct {
	Line, Col int
	Msg       string
}

func (e *LimitError) Error() string { return e.Msg }

// New returns a scanner of the text r, with fields separated by comma
// and no field or line longer than maxField bytes.
func New(r *bufio.Reader, comma byte, maxField int) *Scanner {
	return &Scanner{R: r, Comma: comma, maxField: maxField}
}

// readLine reads one physical line with its LF (CR LF becomes LF). It returns
// io.EOF only when no byte is left, and a *LimitError for a line over the limit.
func (s *Scanner) readLine() ([]byte, error) {
	line, err := s.R.ReadSlice('\n')
	if err != nil && errors.Is(err, bufio.ErrBufferFull) {
		s.long = append(s.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			if len(s.long) > s.maxField {
				return nil, &LimitError{s.line + 1, 1,
					fmt.Sprintf("the line is over the limit of %d bytes; is a quote left open, or is this not a CSV file?", s.maxField)}
			}
			line, err = s.R.ReadSlice('\n')
			s.long = append(s.long, line...)
		}
		line = s.long
	}
	if len(line) == 0 {
		if err == nil || errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	s.line++
	n := len(line)
	switch {
	case n >= 2 && line[n-2] == '\r' && line[n-1] == '\n':
		line[n-2] = '\n'
		line = line[:n-1]
	case line[n-1] == '\r': // a CR just before the end of the file
		line = line[:n-1]
	}
	return line, nil
}

// Next reads the next record, skipping blank lines, and returns its number
// of fields; see Field and Strings for their contents, valid until the next
// call. Errors: io.EOF at the end, *SyntaxError for a malformed record
// (reading can go on), *LimitError or another error when reading cannot go on.
func (s *Scanner) Next() (int, error) {
	s.Blank = s.Blank[:0]
	var line []byte
	for {
		var err error
		line, err = s.readLine()
		if err != nil {
			return 0, err
		}
		if len(line) == 1 && line[0] == '\n' {
			s.Blank = append(s.Blank, s.line)
			continue
		}
		break
	}
	s.ends, s.Pos = s.ends[:0], s.Pos[:0]
	if bytes.IndexByte(line, '"') < 0 {
		return s.split(line)
	}
	s.own = s.own[:0]
	col := 1
	for {
		if len(line) == 0 || line[0] != '"' {
			// An unquoted field runs to the delimiter or the line end.
			i := bytes.IndexByte(line, s.Comma)
			field := line
			if i >= 0 {
				field = line[:i]
			} else if n := len(field); n > 0 && field[n-1] == '\n' {
				field = field[:n-1]
			}
			if len(field) > s.maxField {
				return 0, &LimitError{s.line, col,
					fmt.Sprintf("the field is over the limit of %d bytes", s.maxField)}
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return 0, &SyntaxError{s.line, col + utf8.RuneCount(field[:j]),
					`a quote inside an unquoted field; a field that holds quotes must be quoted, with each quote doubled ("")`}
			}
			s.own = append(s.own, field...)
			s.ends = append(s.ends, len(s.own))
			s.own = append(s.own, s.Comma)
			s.Pos = append(s.Pos, FieldPos{s.line, col})
			if i < 0 {
				s.text = s.own
				return len(s.ends), nil
			}
			col += utf8.RuneCount(field) + 1
			line = line[i+1:]
			continue
		}
		// A quoted field runs to a quote not followed by another one.
		start := FieldPos{s.line, col}
		from := len(s.own)
		line = line[1:]
		col++
		for {
			i := bytes.IndexByte(line, '"')
			if i < 0 {
				// The field goes on on the next line.
				s.own = append(s.own, line...)
				if len(s.own)-from > s.maxField {
					return 0, &LimitError{start.Line, start.Col,
						fmt.Sprintf("the quoted field starting here is over the limit of %d bytes; is its closing quote missing?", s.maxField)}
				}
				var err error
				if line, err = s.readLine(); errors.Is(err, io.EOF) {
					return 0, &SyntaxError{start.Line, start.Col,
						`the quoted field starting here is never closed: the file ends inside it; add the closing quote (")`}
				} else if err != nil {
					return 0, err
				}
				col = 1
				continue
			}
			s.own = append(s.own, line[:i]...)
			col += utf8.RuneCount(line[:i]) + 1
			line = line[i+1:]
			switch {
			case len(line) > 0 && line[0] == '"': // "" is one quote
				s.own = append(s.own, '"')
				line = line[1:]
				col++
				continue
			case len(line) > 0 && line[0] == s.Comma:
				s.ends = append(s.ends, len(s.own))
				s.own = append(s.own, s.Comma)
				s.Pos = append(s.Pos, start)
				line = line[1:]
				col++
			case len(line) == 0 || (len(line) == 1 && line[0] == '\n'):
				s.ends = append(s.ends, len(s.own))
				s.Pos = append(s.Pos, start)
				s.text = s.own
				return len(s.ends), nil
			default:
				r, _ := utf8.DecodeRune(line)
				return 0, &SyntaxError{s.line, col - 1,
					fmt.Sprintf(`a closing quote followed by %q; a quote inside a quoted field must be doubled ("")`, r)}
			}
			break
		}
	}
}

// split splits a line without quotes, the usual case, into the fields of
// the record. The fields stay in the line, which is valid until the next
// read. One tight pass finds the delimiters and whether the line is all
// ASCII, where a field's column is its byte offset plus one; only a line
// with other characters has them counted.
func (s *Scanner) split(line []byte) (int, error) {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	s.text = line
	var high byte // the bits of every byte, ORed: below 0x80 for ASCII
	for i, b := range line {
		high |= b
		if b == s.Comma {
			s.ends = append(s.ends, i)
		}
	}
	s.ends = append(s.ends, len(line))
	ascii := high < utf8.RuneSelf
	start, col := 0, 1
	for _, end := range s.ends {
		if end-start > s.maxField {
			return 0, &LimitError{s.line, col,
				fmt.Sprintf("the field is over the limit of %d bytes", s.maxField)}
		}
		s.Pos = append(s.Pos, FieldPos{s.line, col})
		if ascii {
			col += end - start + 1
		} else {
			col += utf8.RuneCount(line[start:end]) + 1
		}
		start = end + 1
	}
	return len(s.ends), nil
}

// Field returns the contents of field i of the last record.
func (s *Scanner) Field(i int) []byte {
	from := 0
	if i > 0 {
		from = s.ends[i-1] + 1
	}
	return s.text[from:s.ends[i]]
}

// Strings returns the fields of the last record as strings, with one allocation.
func (s *Scanner) Strings() []string {
	str := string(s.text)
	s.fields = s.fields[:0]
	from := 0
	for _, end := range s.ends {
		s.fields = append(s.fields, str[from:end])
		from = end + 1
	}
	return s.fields
}

// DetectDelimiter picks the delimiter of a header line: the one of comma,
// semicolon and tab that occurs most often outside quotes; comma on a tie.
func DetectDelimiter(header []byte) byte {
	var counts [3]int
	quoted := false
	for _, b := range header {
		switch b {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				counts[0]++
			}
		case ';':
			if !quoted {
				counts[1]++
			}
		case '\t':
			if !quoted {
				counts[2]++
			}
		}
	}
	best := 0
	for i := 1; i < 3; i++ {
		if counts[i] > counts[best] {
			best = i
		}
	}
	return ",;\t"[best]
}
