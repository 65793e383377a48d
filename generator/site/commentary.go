package site

import (
	"fmt"

	"minhbach/generator/commentary"
	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// commentary renders the officials' commentary of the report for q (see
// package commentary), or returns "" when there is none.
func (p *pager) commentary(q period.Period) (string, error) {
	path := commentary.File(p.contentDir, q.Slug(), p.lang, p.lang == Languages[0])
	src, err := commentary.Fill(p.contentDir, path, func(ph commentary.Placeholder) (string, error) { return p.figure(q, ph) })
	if err != nil || src == "" {
		return "", err
	}
	return p.md.Render(src)
}

// figure formats the figure a placeholder cites in the report for q.
func (p *pager) figure(q period.Period, ph commentary.Placeholder) (string, error) {
	ind, ok := p.ds.Catalogue.Indicator(ph.Indicator)
	if !ok {
		return "", fmt.Errorf("unknown indicator %q in placeholder %q", ph.Indicator, ph.Kind)
	}
	unit := p.top
	if ph.Unit != "" {
		if unit, ok = p.unit(ph.Unit); !ok {
			return "", fmt.Errorf("unknown unit %q in placeholder %q", ph.Unit, ph.Kind)
		}
	}
	v := p.res.Value(ind.ID, unit.Code, q)
	switch ph.Kind {
	case "change":
		c := v.Prev
		switch ph.Against {
		case "year_ago":
			c = v.YearAgo
		case "year":
			c = p.res.Compare(ind.ID, unit.Code, q, period.Y(q.Year-1))
		}
		return p.change(ind, c).Text, nil
	case "rank":
		if v.Rank == 0 {
			return p.f.NoData(), nil
		}
		return fmt.Sprintf("%d/%d", v.Rank, v.RankOf), nil
	}
	return p.value(ind, v), nil
}

// unit looks a unit up by code.
func (p *pager) unit(code string) (*dataset.Unit, bool) {
	u, ok := p.units[code]
	return u, ok
}
