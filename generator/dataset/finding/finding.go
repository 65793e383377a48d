// Package finding holds what a check of the data says: a Finding (a
// problem, a warning or a note at a Position in a file), the Collector that
// gathers them while files are read, keeping up to a cap of each severity,
// and the InvalidError a load returns. Package dataset and the packages
// that read for it report through it.
package finding

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity says whether a finding stops publication.
type Severity uint8

const (
	// Error findings stop build and validate.
	Error Severity = iota + 1
	// Warning findings are reported; they fail only a strict run.
	Warning
	// Note findings say what was done with the input, such as a column
	// a mapping leaves out; they never fail a run.
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Position is a place in an input file. Line and Column count from 1;
// Line is the physical line, also after quoted fields that span lines.
type Position struct {
	File   string
	Line   int
	Column int
}

// Short formats a position as path:line:column.
func (p Position) Short() string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
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
	if f.Severity != Error {
		b.WriteString(f.Severity.String() + ": ")
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

// Tally counts findings by severity, including those past the cap that were
// not kept (see WithMaxFindings).
type Tally struct {
	Errors, Warnings, Notes int
}

// Omitted returns how many findings were counted but not kept in fs.
func (t Tally) Omitted(fs Findings) int { return t.Errors + t.Warnings + t.Notes - len(fs) }

// InvalidError is returned by Load when the input has errors. It holds the
// findings, errors, warnings and notes, sorted, up to the cap of each.
type InvalidError struct {
	Findings Findings
	// Tally counts all findings, also those past the cap.
	Tally Tally
}

// Error lists up to ten findings, one a line, and says how many more there are.
func (e *InvalidError) Error() string {
	const shown = 10
	var b strings.Builder
	n := max(e.Tally.Errors, e.Findings.Count(Error))
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

// DefaultMaxFindings is how many findings of each severity a load keeps;
// the rest are counted.
const DefaultMaxFindings = 1000

// Collector gathers findings while files are read, keeping up to max of
// each severity and counting the rest.
type Collector struct {
	findings Findings
	tally    Tally
	max      int
}

// NewCollector returns a collector that keeps up to max findings of each
// severity; zero keeps them all.
func NewCollector(max int) *Collector { return &Collector{max: max} }

// Result returns the findings kept, sorted, and the tally of all.
func (c *Collector) Result() (Findings, Tally) {
	c.findings.Sort()
	return c.findings, c.tally
}

// maxMessage is the longest message kept, in bytes: messages quote cells
// short (see foreign.Quote), and this bounds the findings whatever quotes
// what.
const maxMessage = 2048

// Add adds a finding.
func (c *Collector) Add(pos Position, sev Severity, code, msg string) {
	var n *int
	switch sev {
	case Warning:
		n = &c.tally.Warnings
	case Note:
		n = &c.tally.Notes
	default:
		n = &c.tally.Errors
	}
	*n++
	if c.max > 0 && *n > c.max {
		return
	}
	if len(msg) > maxMessage {
		cut := maxMessage
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = fmt.Sprintf("%s… (the message is cut at %d of its %d bytes)", msg[:cut], cut, len(msg))
	}
	c.findings = append(c.findings, Finding{Pos: pos, Severity: sev, Code: code, Message: msg})
}

// Errorf adds an error.
func (c *Collector) Errorf(pos Position, code, format string, args ...any) {
	c.Add(pos, Error, code, fmt.Sprintf(format, args...))
}

// Warnf adds a warning.
func (c *Collector) Warnf(pos Position, code, format string, args ...any) {
	c.Add(pos, Warning, code, fmt.Sprintf(format, args...))
}

// Notef adds a note.
func (c *Collector) Notef(pos Position, code, format string, args ...any) {
	c.Add(pos, Note, code, fmt.Sprintf(format, args...))
}

// Errors counts the errors found so far; compare two counts to see
// whether a step found any.
func (c *Collector) Errors() int { return c.tally.Errors }
