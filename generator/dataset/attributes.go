package dataset

import (
	"strings"

	"minhbach/generator/dataset/csvfile"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/mark"
)

// attribute is what the status, note and bounds columns of one row say
// about its value.
type attribute struct {
	status mark.Status
	detail *mark.Detail
}

// attributes reads the status, note, bounds and sample size of the current
// row of cf for measure m, whose value cell is cell. It reports whether the
// value is missing (status M, an empty cell), and false for ok after
// reporting a bad cell.
func (er *exportReader) attributes(cf *csvfile.File, pl *plan, m *Measure, cell []byte) (a attribute, missing, ok bool) {
	at := &pl.attr
	ok = true
	if at.Status >= 0 {
		code := at.StatusCode(strings.TrimSpace(string(cf.S.Field(at.Status))))
		s, err := mark.Parse(code)
		if err != nil {
			er.c.Errorf(cf.At(at.Status), "status", "%s: %v", m.ID, err)
			ok = false
		}
		a.status = s
	}
	if missing = a.status.Has(mark.Missing); missing != (len(cell) == 0) {
		if missing {
			er.c.Errorf(cf.At(pl.value), "number", "%s: status M (missing) with a value %s; expected an empty cell, or another status", m.ID, foreign.Quote(string(cell)))
		} else {
			er.c.Errorf(cf.At(pl.value), "number", "%s: empty value; expected a number, or status M (missing)", m.ID)
		}
		ok = false
	}
	d := &mark.Detail{}
	if at.Note >= 0 {
		d.Note = strings.TrimSpace(string(cf.S.Field(at.Note)))
	}
	num := func(col int, what string, whole bool) (float64, bool) {
		if col < 0 || len(cf.S.Field(col)) == 0 {
			return 0, false
		}
		kind := Amount
		if whole {
			kind = Count
		}
		v, err := pl.number(string(cf.S.Field(col)), kind)
		if err != nil {
			er.c.Errorf(cf.At(col), "number", "%s %s: %v", m.ID, what, err)
			ok = false
			return 0, false
		}
		return v, true
	}
	lo, hasLo := num(at.Lower, "lower", false)
	hi, hasHi := num(at.Upper, "upper", false)
	d.N, d.HasN = num(at.N, "n", true)
	if hasLo != hasHi {
		er.c.Errorf(cf.At(max(at.Lower, at.Upper)), "bounds", "%s: give both bounds of the interval (lower and upper), or neither", m.ID)
		ok = false
	}
	d.Lower, d.Upper, d.HasBounds = lo, hi, hasLo && hasHi
	if d.Note != "" || d.HasBounds || d.HasN {
		a.detail = d
	}
	return a, missing, ok
}

// checkBounds checks that an interval holds its value.
func (er *exportReader) checkBounds(cf *csvfile.File, pl *plan, m *Measure, a attribute, v float64) {
	if d := a.detail; d != nil && d.HasBounds && !(d.Lower <= v && v <= d.Upper) {
		er.c.Errorf(cf.At(pl.attr.Lower), "bounds", "%s: interval %g to %g does not hold the value %g; expected lower ≤ value ≤ upper", m.ID, d.Lower, d.Upper, v)
	}
}
