// Package keysort sorts distinct integer keys and says where each was:
// by a bitmap when they are dense, as the keys of a load's observations
// are, else by comparison.
package keysort

import (
	"cmp"
	"math/bits"
	"slices"
)

// WithIndex sorts keys, which must be distinct and below limit, and
// returns where each was before: order[i] is the index keys[i] had.
//
// It is how the observations of a load are put in order (see
// package dataset's exportReader.finish), and their keys are dense: most of the numbers
// below limit are keys, since most units report most measures in most
// periods. So rather than compare or move keys, it marks each key in a
// bitmap of limit bits; the rank of a key is then the number of bits set
// before its own, and the keys in order are the bits in order. That is a
// few operations a key, on a bitmap that fits in the processor's cache.
// Keys too sparse for a bitmap of at most 64 bits a key are sorted by
// comparison.
func WithIndex(keys []uint64, limit uint64) []int32 {
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

// RankByBitmap is WithIndex for dense keys. It reports false, with
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
