package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/period"
)

// Officials write a report's commentary in content/reports/<period>.md
// (content/reports/<period>.en.md in English), in Markdown. Figures in the
// prose are placeholders that the generator fills in from the computed
// indicators, so the numbers in the text can never drift from the tables:
//
//	{{< value signature_rate >}}            the province's value in the report's quarter
//	{{< value signature_rate go-quao >}}    a unit's value
//	{{< change signature_rate prev >}}      the change on the previous quarter
//	{{< change signature_rate year_ago >}}  … on the same quarter a year earlier
//	{{< change signature_rate year >}}      … on the whole previous year
//	{{< rank signature_rate go-quao >}}     a unit's rank, as "12/102"
//
// A placeholder that names an unknown figure, indicator or unit is an error
// that names the file, line and column.

// placeholder matches {{< name args… >}}.
var placeholder = regexp.MustCompile(`\{\{<\s*(.*?)\s*>\}\}`)

// commentaryFile returns the path of a report's commentary in lang.
func commentaryFile(contentDir, lang string, q period.Period) string {
	name := q.Slug() + ".md"
	if lang != Languages[0] {
		name = q.Slug() + "." + lang + ".md"
	}
	return filepath.Join(contentDir, "reports", name)
}

// commentary renders the commentary of the report for q, or returns "" when
// there is none.
func (p *pager) commentary(q period.Period) (string, error) {
	path := commentaryFile(p.contentDir, p.lang, q)
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var errs []string
	lines := strings.SplitAfter(string(src), "\n")
	for i, line := range lines {
		var b strings.Builder
		last := 0
		for _, m := range placeholder.FindAllStringSubmatchIndex(line, -1) {
			text, err := p.figure(q, strings.Fields(line[m[2]:m[3]]))
			if err != nil {
				// Columns count characters, as editors do.
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
	return p.md.Render(strings.Join(lines, ""))
}

// figure formats the figure a placeholder asks for.
func (p *pager) figure(q period.Period, args []string) (string, error) {
	usage := fmt.Errorf("found %q, expected {{< value ID [UNIT] >}}, {{< change ID prev|year_ago|year [UNIT] >}} or {{< rank ID UNIT >}}", strings.Join(args, " "))
	if len(args) < 2 {
		return "", usage
	}
	ind, ok := p.ds.Catalogue.Indicator(args[1])
	if !ok {
		return "", fmt.Errorf("unknown indicator %q in placeholder %q", args[1], args[0])
	}
	unit := p.top
	unitArg := func(i int) error {
		if len(args) > i+1 {
			return usage
		}
		if len(args) == i+1 {
			u, ok := p.unit(args[i])
			if !ok {
				return fmt.Errorf("unknown unit %q in placeholder %q", args[i], args[0])
			}
			unit = u
		}
		return nil
	}
	switch args[0] {
	case "value":
		if err := unitArg(2); err != nil {
			return "", err
		}
		return p.value(ind, p.res.Value(ind.ID, unit.Code, q)), nil
	case "change":
		if len(args) < 3 {
			return "", usage
		}
		if err := unitArg(3); err != nil {
			return "", err
		}
		v := p.res.Value(ind.ID, unit.Code, q)
		var c indicator.Change
		switch args[2] {
		case "prev":
			c = v.Prev
		case "year_ago":
			c = v.YearAgo
		case "year":
			c = p.res.Compare(ind.ID, unit.Code, q, period.Y(q.Year-1))
		default:
			return "", usage
		}
		return p.change(c).Text, nil
	case "rank":
		if len(args) != 3 {
			return "", usage
		}
		if err := unitArg(2); err != nil {
			return "", err
		}
		v := p.res.Value(ind.ID, unit.Code, q)
		if v.Rank == 0 {
			return p.f.NoData(), nil
		}
		return fmt.Sprintf("%d/%d", v.Rank, v.RankOf), nil
	}
	return "", fmt.Errorf("unknown placeholder %q; %v", args[0], usage)
}

// unit looks a unit up by code.
func (p *pager) unit(code string) (*dataset.Unit, bool) {
	u, ok := p.units[code]
	return u, ok
}
