package locale

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestRoundScaledAgreesWithShortest checks the fast path of roundHalfAway
// against the exact one on values of every size, and on values at a half or
// a hair from it, where the two ways of rounding could part.
func TestRoundScaledAgreesWithShortest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var values []float64
	for range 50_000 {
		values = append(values, r.Float64()*math.Pow10(r.IntN(14)-4))
	}
	for d := range 7 {
		for range 5_000 {
			// k + 1/2 at the d-th decimal, and its neighbours.
			half := (float64(r.IntN(10_000_000)) + 0.5) / math.Pow10(d)
			values = append(values, half, math.Nextafter(half, 0), math.Nextafter(half, math.Inf(1)))
		}
	}
	values = append(values, 0, 2.675, 1.005, 0.125, 86.65, 1e-7, 0.00005, 4503599627370495.5, 1<<52)
	fast := 0
	for _, v := range values {
		for _, x := range []float64{v, -v} {
			for d := range 8 {
				var a, b [64]byte
				want, wantInt, wantZero := roundShortest(a[:0], x, d)
				got, gotInt, gotZero, ok := roundScaled(b[:0], x, d)
				if !ok {
					continue
				}
				fast++
				if string(got) != string(want) || gotInt != wantInt || gotZero != wantZero {
					t.Fatalf("%s to %d places: fast path %q/%d/%v, exact %q/%d/%v",
						strconv.FormatFloat(x, 'g', -1, 64), d, got, gotInt, gotZero, want, wantInt, wantZero)
				}
			}
		}
	}
	// Most values take the fast path; it must not be a test that cannot fail.
	if fast < len(values) {
		t.Errorf("the fast path took only %d of %d roundings", fast, 16*len(values))
	}
	if _, _, _, ok := roundScaled(nil, 2.675, 2); ok {
		t.Error("2.675 to 2 places took the fast path; it is a hair below a half in binary")
	}
}
