package keysort

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortWithIndex sorts the same keys by each way WithIndex has: by
// bitmap (limit 131: three words, keys on both sides of word edges) and by
// comparison (limit 2^40: too sparse for a bitmap).
func TestSortWithIndex(t *testing.T) {
	for _, limit := range []uint64{131, 1 << 40} {
		keys := []uint64{130, 64, 63, 0, 127}
		order := WithIndex(keys, limit)
		if want := []uint64{0, 63, 64, 127, 130}; !slices.Equal(keys, want) {
			t.Errorf("limit %d: keys %v, want %v", limit, keys, want)
		}
		if want := []int32{3, 2, 1, 4, 0}; !slices.Equal(order, want) {
			t.Errorf("limit %d: order %v, want %v", limit, order, want)
		}
	}
}

// TestRankByBitmap checks the bitmap's way by itself: it ranks distinct
// keys, and declines keys given twice, leaving them as they were for
// WithIndex to sort by comparison.
func TestRankByBitmap(t *testing.T) {
	keys, order := []uint64{130, 64, 63, 0, 127}, make([]int32, 5)
	if !RankByBitmap(keys, 131, order) || !slices.Equal(keys, []uint64{0, 63, 64, 127, 130}) || !slices.Equal(order, []int32{3, 2, 1, 4, 0}) {
		t.Errorf("distinct keys: keys %v, order %v", keys, order)
	}
	keys, order = []uint64{5, 2, 5}, make([]int32, 3)
	if RankByBitmap(keys, 8, order) || !slices.Equal(keys, []uint64{5, 2, 5}) || !slices.Equal(order, []int32{0, 0, 0}) {
		t.Errorf("keys given twice: ranked, or changed to keys %v, order %v", keys, order)
	}
	order = WithIndex(keys, 8)
	if !slices.Equal(keys, []uint64{2, 5, 5}) || order[0] != 1 || !slices.Equal(slices.Sorted(slices.Values(order[1:])), []int32{0, 2}) {
		t.Errorf("keys given twice, sorted: keys %v, order %v; want keys [2 5 5], order [1 0 2] or [1 2 0]", keys, order)
	}
}

// TestSortWithIndexShuffled sorts a shuffled dense set of keys, a quarter
// of the numbers below the limit left out, and checks every key against
// the index it came from.
func TestSortWithIndexShuffled(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var keys []uint64
	for k := range uint64(10_000) {
		if k%4 != 1 {
			keys = append(keys, k)
		}
	}
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	before := slices.Clone(keys)
	order := WithIndex(keys, 10_000)
	if !slices.IsSorted(keys) || len(keys) != 7500 || keys[0] != 0 || keys[1] != 2 || keys[7499] != 9999 {
		t.Fatalf("keys not sorted: %v … %v", keys[:4], keys[len(keys)-2:])
	}
	for i, k := range keys {
		if before[order[i]] != k {
			t.Fatalf("keys[%d] = %d came from index %d, which held %d", i, k, order[i], before[order[i]])
		}
	}
}
