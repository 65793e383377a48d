// Package placeholder fills the placeholders of hand-written text, such as
// the figures a report's commentary cites: {{< name args… >}}, each replaced
// by what the caller makes of its words, so that the prose can never drift
// from the tables.
package placeholder

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// pattern matches {{< name args… >}}.
var pattern = regexp.MustCompile(`\{\{<\s*(.*?)\s*>\}\}`)

// Fill replaces every placeholder of src, read from path, by what fill
// returns for its words. Every placeholder fill refuses is an error at
// path:line:column (columns count characters, as editors do), all of them
// in one error.
func Fill(path, src string, fill func(words []string) (string, error)) (string, error) {
	var errs []string
	lines := strings.SplitAfter(src, "\n")
	for i, line := range lines {
		var b strings.Builder
		last := 0
		for _, m := range pattern.FindAllStringSubmatchIndex(line, -1) {
			text, err := fill(strings.Fields(line[m[2]:m[3]]))
			if err != nil {
				col := utf8.RuneCountInString(line[:m[0]]) + 1
				errs = append(errs, fmt.Sprintf("%s:%d:%d: %v", path, i+1, col, err))
			}
			b.WriteString(line[last:m[0]])
			b.WriteString(text)
			last = m[1]
		}
		b.WriteString(line[last:])
		lines[i] = b.String()
	}
	if len(errs) > 0 {
		return "", errors.New(strings.Join(errs, "\n"))
	}
	return strings.Join(lines, ""), nil
}
