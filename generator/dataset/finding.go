package dataset

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a finding stops publication.
type Severity uint8

const (
	// Error findings stop build and validate.
	Error Severity = iota + 1
	// Warning findings are reported; they fail only a strict run.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Finding is one problem found in the input, at a place in a file.
type Finding struct {
	Pos      Position
	Severity Severity
	// Code names the check, e.g. "number", "unknown-unit"; stable for tools.
	Code string
	// Message says what is wrong and what was expected.
	Message string
}

// String formats the finding the way compilers do: "path:line:column: message".
// Line and column are left out when unknown.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.Pos.File)
	if f.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Pos.Line)
		if f.Pos.Column > 0 {
			fmt.Fprintf(&b, ":%d", f.Pos.Column)
		}
	}
	b.WriteString(": ")
	if f.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(f.Message)
	return b.String()
}

// Findings is a list of findings, kept in a stable order by Sort.
type Findings []Finding

// Sort orders findings by file, line and column, then message.
func (fs Findings) Sort() {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns how many findings have severity s.
func (fs Findings) Count(s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// InvalidError is returned by Load when the input has errors. It holds every
// finding, errors and warnings, sorted.
type InvalidError struct {
	Findings Findings
}

// Error lists up to ten findings, one a line, and says how many more there are.
func (e *InvalidError) Error() string {
	const shown = 10
	var b strings.Builder
	n := e.Findings.Count(Error)
	fmt.Fprintf(&b, "%d error(s) in the data", n)
	i := 0
	for _, f := range e.Findings {
		if f.Severity != Error {
			continue
		}
		if i == shown {
			fmt.Fprintf(&b, "\n… and %d more", n-shown)
			break
		}
		b.WriteString("\n")
		b.WriteString(f.String())
		i++
	}
	return b.String()
}

// collector gathers findings while files are read.
type collector struct {
	findings Findings
}

func (c *collector) errorf(pos Position, code, format string, args ...any) {
	c.findings = append(c.findings, Finding{Pos: pos, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

func (c *collector) warnf(pos Position, code, format string, args ...any) {
	c.findings = append(c.findings, Finding{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)})
}

func (c *collector) hasErrors() bool { return c.findings.Count(Error) > 0 }

// hasErrorsIn reports whether an error was already found in file path.
func (c *collector) hasErrorsIn(path string) bool {
	for _, f := range c.findings {
		if f.Severity == Error && f.Pos.File == path {
			return true
		}
	}
	return false
}
