// Package calendar says which periods the site publishes a report for. A
// report covers a whole period: a quarter, or a year. A quarter is whole
// when it was exported as a quarter, or when all three of its months were;
// a year when it was exported as a year, or when all four of its quarters
// are whole. A period that has data but is not whole yet (the months of a
// quarter so far, the quarters of the year so far) is in progress: its
// figures are on the site, and its report comes once it is whole, as a
// statistics office publishes its annual report once the year is over.
package calendar

import (
	"cmp"
	"slices"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// Calendar knows the periods exports speak of.
type Calendar struct {
	// observed holds each period some observation was exported for;
	// touched each quarter and year that is or holds one.
	observed, touched map[period.Period]bool
}

// New reads the periods of the observations.
func New(obs []dataset.Observation) *Calendar {
	c := &Calendar{observed: map[period.Period]bool{}, touched: map[period.Period]bool{}}
	var last period.Period
	for i := range obs {
		p := obs[i].Period
		if p == last || c.observed[p] {
			continue // observations come sorted by period within each unit
		}
		last = p
		c.observed[p] = true
		if p.Kind != period.Month {
			c.touched[p] = true
		} else {
			c.touched[p.Quarter()] = true
		}
		c.touched[period.Y(p.Year)] = true
	}
	return c
}

// Whole reports whether p, a quarter or a year, has all its data: it was
// exported as such, or all its parts are whole.
func (c *Calendar) Whole(p period.Period) bool {
	switch {
	case c.observed[p]:
		return true
	case p.Kind == period.Quarter:
		return c.observed[period.M(p.Year, p.N*3-2)] && c.observed[period.M(p.Year, p.N*3-1)] && c.observed[period.M(p.Year, p.N*3)]
	case p.Kind == period.Year:
		for q := 1; q <= 4; q++ {
			if !c.Whole(period.Q(p.Year, q)) {
				return false
			}
		}
		return true
	}
	return false
}

// Reports returns the periods that get a report, quarters and years, the
// latest first; a year comes before its last quarter, which ends with it.
func (c *Calendar) Reports() []period.Period {
	var out []period.Period
	for p := range c.touched {
		if c.Whole(p) {
			out = append(out, p)
		}
	}
	latestFirst(out)
	return out
}

// InProgress is a period with data that is not whole yet.
type InProgress struct {
	Period period.Period
	// First and Last are the first and last of its parts that have data
	// (whole quarters of a year, else months), zero when none is whole.
	First, Last period.Period
}

// InProgress returns the periods with data that get no report yet, the
// latest first (by end, as Reports orders them).
func (c *Calendar) InProgress() []InProgress {
	var ps []period.Period
	for p := range c.touched {
		if !c.Whole(p) {
			ps = append(ps, p)
		}
	}
	latestFirst(ps)
	out := make([]InProgress, len(ps))
	for i, p := range ps {
		out[i].Period = p
		for _, k := range []period.Kind{period.Quarter, period.Month} {
			for j := range p.Parts(k) {
				part := period.Period{Kind: k, Year: p.Year, N: j + 1}
				if k == period.Month && p.Kind == period.Quarter {
					part.N += (p.N - 1) * 3
				}
				if k == period.Quarter && !c.Whole(part) || k == period.Month && !c.observed[part] {
					continue
				}
				if out[i].First.IsZero() {
					out[i].First = part
				}
				out[i].Last = part
			}
			if !out[i].First.IsZero() {
				break
			}
		}
	}
	return out
}

// latestFirst orders periods by their end, the latest first, and a longer
// period before a shorter one that ends with it.
func latestFirst(ps []period.Period) {
	slices.SortFunc(ps, func(a, b period.Period) int {
		ay, am, _ := a.End()
		by, bm, _ := b.End()
		return cmp.Or(cmp.Compare(by*12+bm, ay*12+am), cmp.Compare(a.Kind, b.Kind))
	})
}
