package dataset

import "minhbach/generator/dataset/finding"

// The findings of a load, from package finding.
type (
	Position     = finding.Position
	Severity     = finding.Severity
	Finding      = finding.Finding
	Findings     = finding.Findings
	Tally        = finding.Tally
	InvalidError = finding.InvalidError
	collector    = finding.Collector
)

// Severities of findings.
const (
	Error   = finding.Error
	Warning = finding.Warning
	Note    = finding.Note
)

// DefaultMaxFindings is how many findings of each severity a load keeps;
// the rest are counted.
const DefaultMaxFindings = finding.DefaultMaxFindings
