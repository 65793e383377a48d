package dataset

import (
	"cmp"
	"math/bits"
	"slices"

	"minhbach/generator/period"
)

// sortWithIndex sorts keys, which must be distinct and below limit, and
// returns where each was before: order[i] is the index keys[i] had.
//
// It is how the observations of a load are put in order (see
// exportReader.finish), and their keys are dense: most of the numbers
// below limit are keys, since most units report most measures in most
// periods. So rather than compare or move keys, it marks each key in a
// bitmap of limit bits; the rank of a key is then the number of bits set
// before its own, and the keys in order are the bits in order. That is a
// few operations a key, on a bitmap that fits in the processor's cache.
// Keys too sparse for a bitmap of at most 64 bits a key are sorted by
// comparison.
func sortWithIndex(keys []uint64, limit uint64) []int32 {
	order := make([]int32, len(keys))
	if limit/64 <= uint64(len(keys)) && rankByBitmap(keys, limit, order) {
		return order
	}
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(keys[a], keys[b]) })
	slices.Sort(keys)
	return order
}

// rankByBitmap is sortWithIndex for dense keys. It reports false, with
// keys and order unchanged, when keys are not distinct.
func rankByBitmap(keys []uint64, limit uint64, order []int32) bool {
	// present has the bit of each key; before[w] counts the keys in the
	// words of present before w.
	present := make([]uint64, (limit+63)/64)
	for _, k := range keys {
		present[k/64] |= 1 << (k % 64)
	}
	before := make([]int32, len(present))
	n := 0
	for w, p := range present {
		before[w] = int32(n)
		n += bits.OnesCount64(p)
	}
	if n != len(keys) {
		return false
	}
	for i, k := range keys {
		w, below := k/64, uint64(1)<<(k%64)-1
		order[int(before[w])+bits.OnesCount64(present[w]&below)] = int32(i)
	}
	i := 0
	for w, p := range present {
		for ; p != 0; p &= p - 1 {
			keys[i] = uint64(w)*64 + uint64(bits.TrailingZeros64(p))
			i++
		}
	}
	return true
}

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
