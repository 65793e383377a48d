package csvscan

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// scanAll reads every record of text with a scanner and writes each as
// "line:column=field" for its fields, blank lines as "blank N", and errors
// as "error line:column: message".
func scanAll(text string, maxField int) []string {
	s := New(bufio.NewReader(strings.NewReader(text)), ',', maxField)
	var out []string
	for {
		n, err := s.Next()
		for _, line := range s.Blank {
			out = append(out, fmt.Sprintf("blank %d", line))
		}
		var se *SyntaxError
		var le *LimitError
		switch {
		case errors.Is(err, io.EOF):
			return out
		case errors.As(err, &se):
			out = append(out, fmt.Sprintf("error %d:%d: %s", se.Line, se.Col, se.Msg))
			continue
		case errors.As(err, &le):
			return append(out, fmt.Sprintf("error %d:%d: %s", le.Line, le.Col, le.Msg))
		case err != nil:
			return append(out, "error "+err.Error())
		}
		var rec []string
		for i := range n {
			rec = append(rec, fmt.Sprintf("%d:%d=%q", s.Pos[i].Line, s.Pos[i].Col, s.Field(i)))
		}
		out = append(out, strings.Join(rec, " "))
	}
}

// TestScanner checks fields and their positions on the scanner's two ways:
// lines without quotes, split in one pass (ASCII, and with other
// characters, whose columns count characters), and lines with quotes.
func TestScanner(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		maxField   int
		want       []string
	}{
		{"ascii", "period,unit,value\n2025-Q1,go-quao,12\n,,\n", 100, []string{
			`1:1="period" 1:8="unit" 1:13="value"`,
			`2:1="2025-Q1" 2:9="go-quao" 2:17="12"`,
			`3:1="" 3:2="" 3:3=""`,
		}},
		{"characters", "a,Gò Quao,12\nĐ,ư,x\n", 100, []string{
			`1:1="a" 1:3="Gò Quao" 1:11="12"`,
			`2:1="Đ" 2:3="ư" 2:5="x"`,
		}},
		{"quotes", "\"x\"\"y\",\"two\nlines\",3\r\n\nGò,\"Quao\"\n", 100, []string{
			`1:1="x\"y" 1:8="two\nlines" 2:8="3"`,
			`blank 3`,
			`4:1="Gò" 4:4="Quao"`,
		}},
		{"carriage return at the end", "p,q\n\r", 100, []string{
			`1:1="p" 1:3="q"`,
			`2:1=""`,
		}},
		{"bare quote", "ab,c\"d,e\nf\n", 100, []string{
			`error 1:5: a quote inside an unquoted field; a field that holds quotes must be quoted, with each quote doubled ("")`,
			`2:1="f"`,
		}},
		{"field over the limit", "abc,de\nab,abcd,é\n", 3, []string{
			`1:1="abc" 1:5="de"`,
			`error 2:4: the field is over the limit of 3 bytes`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := scanAll(tc.text, tc.maxField)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
