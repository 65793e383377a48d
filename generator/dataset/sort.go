package dataset

import (
	"slices"

	"minhbach/generator/period"
)

// sortedObservations holds the observations of a load sorted by measure
// id, unit code and period, and two columns of them for the checks, which
// read every observation more than once: a sort key and the value, 16
// bytes an observation rather than an Observation's 96.
type sortedObservations struct {
	list []Observation
	// key[i] packs the ranks of the measure, unit and period of list[i],
	// from high bits to low, so that keys are in the order of list;
	// value[i] is list[i].Value.
	key   []uint64
	value []float64
	// A key holds the period's rank in its bits below unitShift, the
	// unit's from unitShift to measureShift, and the measure's above.
	unitShift, measureShift int
	// measureRank and unitRank give the rank of a measure id and of a
	// unit (by index in the units), unitAt the unit of each rank.
	measureRank      map[string]int32
	unitRank, unitAt []int32
	// periods lists the periods observed, in order: the rank of each.
	periods []period.Period
}

// span is the observations list[lo:hi] of a sortedObservations.
type span struct{ lo, hi int }

// unit returns the index in the units of observation i's unit.
func (s *sortedObservations) unit(i int) int {
	return int(s.unitAt[s.key[i]>>s.unitShift&(1<<(s.measureShift-s.unitShift)-1)])
}

// period returns the rank of observation i's period: its index in periods.
func (s *sortedObservations) period(i int) int { return int(s.key[i] & (1<<s.unitShift - 1)) }

// measure returns the observations of the measure with the given id.
func (s *sortedObservations) measure(id string) span {
	r, ok := s.measureRank[id]
	if !ok {
		return span{}
	}
	lo, _ := slices.BinarySearch(s.key, uint64(r)<<s.measureShift)
	hi, _ := slices.BinarySearch(s.key, uint64(r+1)<<s.measureShift)
	return span{lo, hi}
}

// unitSpan returns the observations of unit u (by index) within sp, the
// observations of one measure.
func (s *sortedObservations) unitSpan(sp span, u int) span {
	if sp.lo == sp.hi {
		return sp
	}
	first := s.key[sp.lo]>>s.measureShift<<s.measureShift | uint64(s.unitRank[u])<<s.unitShift
	keys := s.key[sp.lo:sp.hi]
	lo, _ := slices.BinarySearch(keys, first)
	hi, _ := slices.BinarySearch(keys, first+1<<s.unitShift)
	return span{sp.lo + lo, sp.lo + hi}
}

// pairs calls fn with each observation i of a and j of b that are of the
// same unit and period; a and b are the observations of one measure each.
func (s *sortedObservations) pairs(a, b span, fn func(i, j int)) {
	unitPeriod := uint64(1)<<s.measureShift - 1
	i, j := a.lo, b.lo
	for i < a.hi && j < b.hi {
		x, y := s.key[i]&unitPeriod, s.key[j]&unitPeriod
		switch {
		case x < y:
			i++
		case x > y:
			j++
		default:
			fn(i, j)
			i++
			j++
		}
	}
}
