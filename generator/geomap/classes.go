package geomap

import (
	"math"
	"slices"
)

// Classes is the number of colours of the scale: at most this many classes.
const Classes = 5

// Palette is the sequential scale of the maps in the light scheme, from the
// lowest class to the highest (viridis, reversed: safe for every kind of
// colour blindness and in greyscale, each step lighter or darker than the
// next). The stylesheet gives the dark scheme its own (--m0 … --m4); these
// are the fallback fills of an SVG shown without it.
var Palette = [Classes]string{"#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"}

// Breaks are the class breaks of a map: a value v is in class i when
// Breaks[i-1] <= v < Breaks[i]; the first class starts at Min, the last
// ends at Max (inclusive).
type Breaks struct {
	Min, Max float64
	Breaks   []float64
}

// N is the number of classes; 0 when there are no values.
func (b Breaks) N() int {
	if math.IsNaN(b.Min) {
		return 0
	}
	return len(b.Breaks) + 1
}

// Class is the class of v, or -1 when v is no data (NaN).
func (b Breaks) Class(v float64) int {
	if math.IsNaN(v) || b.N() == 0 {
		return -1
	}
	i := 0
	for i < len(b.Breaks) && v >= b.Breaks[i] {
		i++
	}
	return i
}

// Colour is the palette index of class i: the classes of a scale of fewer
// than Classes spread over the whole palette.
func (b Breaks) Colour(i int) int {
	n := b.N()
	if n <= 1 {
		return Classes / 2
	}
	return int(math.Round(float64(i) * float64(Classes-1) / float64(n-1)))
}

// Quantiles cuts values into up to Classes classes of about as many values
// each, leaving out no data (NaN): no data is never a class. Breaks are
// rounded to decimals, as the legend shows them, and classes that would be
// empty after rounding are merged.
func Quantiles(values []float64, decimals int) Breaks {
	var xs []float64
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			xs = append(xs, v)
		}
	}
	if len(xs) == 0 {
		return Breaks{Min: math.NaN(), Max: math.NaN()}
	}
	slices.Sort(xs)
	b := Breaks{Min: xs[0], Max: xs[len(xs)-1]}
	scale := math.Pow(10, float64(decimals))
	for i := 1; i < Classes; i++ {
		q := math.Round(xs[i*len(xs)/Classes]*scale) / scale
		if q > b.Min && q <= b.Max && (len(b.Breaks) == 0 || q > b.Breaks[len(b.Breaks)-1]) {
			b.Breaks = append(b.Breaks, q)
		}
	}
	return b
}
