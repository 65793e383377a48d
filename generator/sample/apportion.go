package sample

import (
	"fmt"
	"math"
	"sort"
)

// apportion splits total into whole numbers proportional to weights, each at
// most its cap (caps nil: no limit), by the largest-remainder method: every
// exact share is rounded down, then the units left over go one by one to the
// largest remainders, ties to the earlier index. The result sums to total.
func apportion(total int, weights []float64, caps []int) ([]int, error) {
	shares := make([]int, len(weights))
	if total == 0 {
		return shares, nil
	}
	sum := 0.0
	for _, w := range weights {
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("apportion %d: weight %v, expected a finite number ≥ 0", total, w)
		}
		sum += w
	}
	if total < 0 || sum == 0 {
		return nil, fmt.Errorf("apportion %d over weights summing to %v: expected a total ≥ 0 and some positive weight", total, sum)
	}
	capOf := func(i int) int {
		if caps == nil {
			return math.MaxInt
		}
		return caps[i]
	}

	remainders := make([]float64, len(weights))
	left := total
	for i, w := range weights {
		exact := w * float64(total) / sum
		shares[i] = min(int(math.Floor(exact)), capOf(i))
		remainders[i] = exact - float64(shares[i])
		left -= shares[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return remainders[order[a]] > remainders[order[b]] })

	// Normally one pass suffices; when caps bind, the leftover takes more passes.
	for left > 0 {
		given := false
		for _, i := range order {
			if left == 0 {
				break
			}
			if shares[i] < capOf(i) {
				shares[i]++
				left--
				given = true
			}
		}
		if !given {
			return nil, fmt.Errorf("apportion %d: the caps allow only %d", total, total-left)
		}
	}
	return shares, nil
}

// fitRates returns one numerator per unit such that the numerators sum to
// exactly total, none exceeds its denominator, and each is as close as it can
// be to denominator × rate after all rates are multiplied by one common factor
// (found by bisection; a scaled rate is capped at 1). So units keep their
// order and their gaps while the province rate becomes total / Σ denominators.
func fitRates(total int, denominators []int, rates []float64) ([]int, error) {
	sumDen := 0
	for _, d := range denominators {
		sumDen += d
	}
	if total < 0 || total > sumDen {
		return nil, fmt.Errorf("fit rates: total %d, expected 0 to %d (the sum of the denominators)", total, sumDen)
	}
	if total == 0 {
		return make([]int, len(denominators)), nil
	}
	fitted := func(k float64) float64 {
		s := 0.0
		for i, d := range denominators {
			s += float64(d) * min(rates[i]*k, 1)
		}
		return s
	}
	lo, hi := 0.0, 1.0
	for fitted(hi) < float64(total) {
		hi *= 2
		if hi > 1e9 {
			return nil, fmt.Errorf("fit rates: total %d cannot be reached from the given rates", total)
		}
	}
	for range 100 {
		mid := (lo + hi) / 2
		if fitted(mid) < float64(total) {
			lo = mid
		} else {
			hi = mid
		}
	}
	want := make([]float64, len(denominators))
	for i, d := range denominators {
		want[i] = float64(d) * min(rates[i]*hi, 1)
	}
	return apportion(total, want, denominators)
}
