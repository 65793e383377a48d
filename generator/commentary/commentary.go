// Package commentary reads the officials' commentary of a report: Markdown
// in content/reports/<period>.md (content/reports/<period>.en.md in
// English) whose figures are placeholders that the build fills in from the
// computed indicators, so the numbers in the text can never drift from the
// tables:
//
//	{{< value signature_rate >}}            the top unit's value in the report's period
//	{{< value signature_rate go-quao >}}    a unit's value
//	{{< change signature_rate prev >}}      the change on the previous period
//	{{< change signature_rate year_ago >}}  … on the same period a year earlier
//	{{< change signature_rate year >}}      … on the whole previous year
//	{{< rank signature_rate go-quao >}}     a unit's rank, as "12/102"
//
// A placeholder that is malformed, or that the caller cannot fill (an
// unknown indicator or unit), is an error that names the file, line and
// column. The package knows nothing of indicators: the caller fills in
// each Placeholder.
package commentary

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"minhbach/generator/dataset/input"
)

// Placeholder is one figure a commentary cites.
type Placeholder struct {
	// Kind is value, change or rank.
	Kind      string
	Indicator string
	// Unit is the unit's code, "" for the top unit (never for a rank).
	Unit string
	// Against is what a change compares with: prev, year_ago or year.
	Against string
}

// placeholder matches {{< name args… >}}.
var placeholder = regexp.MustCompile(`\{\{<\s*(.*?)\s*>\}\}`)

// File returns the path below contentDir of the commentary of the report
// whose period slug is slug ("2025-q1", "2024"), in lang; the site's first
// language (first) has no language suffix.
func File(contentDir, slug, lang string, first bool) string {
	name := slug + ".md"
	if !first {
		name = slug + "." + lang + ".md"
	}
	return filepath.Join(contentDir, "reports", name)
}

// MaxSize is the largest commentary file read, in bytes.
const MaxSize = 1 << 20

// Fill reads the commentary at path, inside the content folder dir (only a
// regular file there: input.Read), and returns its Markdown with every
// placeholder replaced by what fill gives for it, or "" when there is no
// such file. Every placeholder that is malformed or that fill refuses is
// reported, each as path:line:column (columns count characters, as editors
// do).
func Fill(dir, path string, fill func(Placeholder) (string, error)) (string, error) {
	src, err := input.Read(dir, path, MaxSize)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var errs Errors
	lines := strings.SplitAfter(string(src), "\n")
	for i, line := range lines {
		var b strings.Builder
		last := 0
		for _, m := range placeholder.FindAllStringSubmatchIndex(line, -1) {
			ph, err := Parse(strings.Fields(line[m[2]:m[3]]))
			text := ""
			if err == nil {
				text, err = fill(ph)
			}
			if err != nil {
				col := utf8.RuneCountInString(line[:m[0]]) + 1
				errs = append(errs, PlaceError{Path: path, Line: i + 1, Column: col, Err: err})
			}
			b.WriteString(line[last:m[0]])
			b.WriteString(text)
			last = m[1]
		}
		b.WriteString(line[last:])
		lines[i] = b.String()
	}
	if len(errs) > 0 {
		return "", errs
	}
	return strings.Join(lines, ""), nil
}

// PlaceError is a placeholder that a commentary cannot have, at its place.
type PlaceError struct {
	Path         string
	Line, Column int
	Err          error
}

func (e PlaceError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Column, e.Err)
}

func (e PlaceError) Unwrap() error { return e.Err }

// Errors are the placeholders of a commentary that Fill refused, in the
// order they appear; its text is theirs, one a line.
type Errors []PlaceError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Parse reads the words of a placeholder: its name and arguments.
func Parse(args []string) (Placeholder, error) {
	usage := fmt.Errorf("found %q, expected {{< value ID [UNIT] >}}, {{< change ID prev|year_ago|year [UNIT] >}} or {{< rank ID UNIT >}}", strings.Join(args, " "))
	if len(args) < 2 {
		return Placeholder{}, usage
	}
	ph := Placeholder{Kind: args[0], Indicator: args[1]}
	rest := args[2:]
	switch ph.Kind {
	case "value":
	case "change":
		if len(rest) == 0 {
			return ph, usage
		}
		switch ph.Against, rest = rest[0], rest[1:]; ph.Against {
		case "prev", "year_ago", "year":
		default:
			return ph, usage
		}
	case "rank":
		if len(rest) != 1 {
			return ph, usage
		}
	default:
		return ph, fmt.Errorf("unknown placeholder %q; %v", ph.Kind, usage)
	}
	if len(rest) > 1 {
		return ph, usage
	}
	if len(rest) == 1 {
		ph.Unit = rest[0]
	}
	return ph, nil
}
