// Package fastindex holds the indexes that let the reading of exports keep
// up with a national dataset: finding a unit or measure by its code from
// bytes, and sorting dense keys while keeping where each came from.
package fastindex

import (
	"cmp"
	"math/bits"
	"slices"
)

// Codes finds a unit by its code or a measure by its id. Exports list
// units and measures in the same order again and again, so it first tries
// the one that came after the previous one the last time: one comparison of
// bytes, cheaper than a map look-up.
type Codes struct {
	codes []string
	Index map[string]int32
	// after[i] is the index found after i the last time, or -1.
	after []int32
}

// NewCodes indexes codes.
func NewCodes(codes []string) *Codes {
	x := &Codes{codes: codes, Index: make(map[string]int32, len(codes)), after: make([]int32, len(codes))}
	for i, c := range codes {
		x.Index[c] = int32(i)
		x.after[i] = -1
	}
	return x
}

// Find returns the index of code; prev is the index found before, or -1.
func (x *Codes) Find(prev int32, code []byte) (int32, bool) {
	if prev >= 0 && int(prev) < len(x.after) {
		if next := x.after[prev]; next >= 0 && string(code) == x.codes[next] {
			return next, true
		}
	}
	i, ok := x.Index[string(code)]
	if ok && prev >= 0 && int(prev) < len(x.after) {
		x.after[prev] = i
	}
	return i, ok
}

// SortWithIndex sorts keys, which must be distinct and below limit, and
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
func SortWithIndex(keys []uint64, limit uint64) []int32 {
	order := make([]int32, len(keys))
	if limit/64 <= uint64(len(keys)) && RankByBitmap(keys, limit, order) {
		return order
	}
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(keys[a], keys[b]) })
	slices.Sort(keys)
	return order
}

// RankByBitmap is SortWithIndex for dense keys. It reports false, with
// keys and order unchanged, when keys are not distinct.
func RankByBitmap(keys []uint64, limit uint64, order []int32) bool {
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
