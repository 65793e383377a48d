package sample

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// What one unit of UnitProfile.Size amounts to, in the reference quarter
// (before any published figure rescales it).
const (
	docsPerSize        = 1900.0  // incoming documents in a quarter
	filesPerSize       = 2600.0  // procedure files received in a quarter
	accountsPerSize    = 70.0    // e-office accounts
	subscribersPerSize = 30000.0 // mobile broadband subscribers
)

// Quarterly growth of stocks: e-office accounts and mobile users grow by a
// unit-specific rate in these ranges; subscribers by subscriberGrowth.
const subscriberGrowth = 1.012

// Speeds of commune-level units stay within these bounds, in Mbps.
const minMbps, maxMbps = 30.0, 90.0

// Generate computes the sample that profile p describes. It is deterministic:
// every random draw comes from a PCG generator seeded with p.Seed and the
// name of what is drawn (a unit's traits, a unit's quarter), so adding a unit
// or a quarter does not change the draws of the others.
func Generate(p Profile) (*Sample, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	g := newGenerator(p)
	steps := []struct {
		name string
		run  func() error
	}{
		{"e-office documents", g.documents},
		{"e-office accounts", g.eofficeStocks},
		{"public-service files", g.files},
		{"network inventory", g.network},
		{"departments", g.departments},
		{"merged provinces", g.merged},
		{"satisfaction survey", g.survey},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return nil, fmt.Errorf("sample %s, %s: %w", p.Province.Code, s.name, err)
		}
	}
	return g.sample, nil
}

// generator holds one run of Generate: the profile, the random draws, and the
// sample being filled in, quarter by quarter and unit by unit.
type generator struct {
	p        Profile
	quarters []period.Period
	// ref is the index in quarters of the reference quarter (see Profile.reference).
	ref    int
	traits []unitTraits
	// noise[q][u] is unit u's noise in quarter q.
	noise  [][]quarterNoise
	sample *Sample
}

func newGenerator(p Profile) *generator {
	g := &generator{p: p, quarters: p.quarters()}
	g.ref = quarterIndex(p.reference()) - quarterIndex(p.First)
	for _, u := range p.Units {
		g.traits = append(g.traits, drawTraits(p.Seed, u))
	}
	g.sample = &Sample{Units: []dataset.Unit{p.Province}}
	for _, u := range p.Units {
		g.sample.Units = append(g.sample.Units, u.Unit)
	}
	for _, q := range g.quarters {
		noise := make([]quarterNoise, len(p.Units))
		figures := make([]Figures, len(p.Units))
		for i, u := range p.Units {
			noise[i] = drawNoise(p.Seed, u.Unit.Code, q)
			figures[i].Unit = u.Unit.Code
		}
		g.noise = append(g.noise, noise)
		g.sample.Quarters = append(g.sample.Quarters, Quarter{Period: q, Units: figures})
	}
	return g
}

// unitTraits are a unit's lasting habits, drawn once per unit.
type unitTraits struct {
	// outRatio is outgoing documents per incoming document.
	outRatio float64
	// The unit's rates differ from the province's curves by these offsets.
	signOffset, onlineOffset, digitizedOffset, onTimeOffset float64
	// resolvedShare is the share of received files resolved in the quarter.
	resolvedShare float64
	// accountWeight says how many e-office accounts the unit has, relative to others.
	accountWeight float64
	// mobileShare is the share of accounts also used on a mobile device.
	mobileShare float64
	// accountGrowth and mobileGrowth are quarterly growth factors.
	accountGrowth, mobileGrowth float64
	// videoAddedAgo is how many quarters before the reference quarter the
	// unit's last video point came into service (0: in that quarter).
	videoAddedAgo int
	// videoExtraAfter is how many quarters after the reference quarter one
	// more video point comes into service.
	videoExtraAfter int
	// subscribers is the number of mobile broadband subscribers in the reference quarter.
	subscribers float64
	// speedFactor is the unit's broadband speed relative to the province's.
	speedFactor float64
}

// drawTraits draws unit u's traits. Wards do better than rural communes;
// remote islands (special zones smaller than half a commune) have slow
// networks; lagging units fall far behind on signing, online filing and
// digitization.
func drawTraits(seed uint64, u UnitProfile) unitTraits {
	r := newRand(seed, "traits/"+u.Unit.Code)
	t := unitTraits{
		outRatio:        0.35 * math.Exp(clamp(0.12*r.NormFloat64(), -0.25, 0.25)),
		signOffset:      clamp(0.025*r.NormFloat64(), -0.05, 0.05),
		onlineOffset:    clamp(0.04*r.NormFloat64(), -0.08, 0.08),
		digitizedOffset: clamp(0.03*r.NormFloat64(), -0.06, 0.06),
		onTimeOffset:    clamp(0.012*r.NormFloat64(), -0.025, 0.02),
		resolvedShare:   between(r, 0.90, 0.98),
		accountWeight:   (0.35 + 0.65*u.Size) * between(r, 0.85, 1.15),
		mobileShare:     between(r, 0.38, 0.62),
		accountGrowth:   between(r, 1.005, 1.025),
		mobileGrowth:    between(r, 1.02, 1.05),
		videoAddedAgo:   r.IntN(10),
		videoExtraAfter: 1 + r.IntN(12),
		subscribers:     u.Size * subscribersPerSize * between(r, 0.85, 1.15),
		speedFactor:     between(r, 0.9, 1.1),
	}
	switch {
	case u.Unit.Type == dataset.Ward:
		t.signOffset += 0.02
		t.onlineOffset += 0.04
		t.digitizedOffset += 0.02
		t.speedFactor *= 1.15
	case u.Unit.Type == dataset.SpecialZone && u.Size < 0.5:
		t.speedFactor *= 0.7
	case u.Unit.Type == dataset.Commune:
		t.speedFactor *= 0.95
	}
	if u.Lagging {
		t.signOffset = -between(r, 0.23, 0.27)
		t.onlineOffset = -between(r, 0.28, 0.34)
		t.digitizedOffset = -between(r, 0.14, 0.18)
		t.onTimeOffset = -between(r, 0.04, 0.07)
		t.mobileShare = between(r, 0.18, 0.28)
		t.speedFactor *= 0.85
	}
	return t
}

// quarterNoise is a unit's random variation in one quarter: multipliers for
// flows and speed, offsets for rates.
type quarterNoise struct {
	docs, outgoing, files, resolved, speed float64
	sign, online, digitized, onTime        float64
}

func drawNoise(seed uint64, code string, q period.Period) quarterNoise {
	r := newRand(seed, code+"@"+q.String())
	return quarterNoise{
		docs:      math.Exp(clamp(0.06*r.NormFloat64(), -0.15, 0.15)),
		outgoing:  math.Exp(clamp(0.05*r.NormFloat64(), -0.12, 0.12)),
		files:     math.Exp(clamp(0.08*r.NormFloat64(), -0.2, 0.2)),
		resolved:  between(r, 0.98, 1.02),
		speed:     math.Exp(clamp(0.04*r.NormFloat64(), -0.08, 0.08)),
		sign:      clamp(0.008*r.NormFloat64(), -0.015, 0.015),
		online:    clamp(0.01*r.NormFloat64(), -0.02, 0.02),
		digitized: clamp(0.01*r.NormFloat64(), -0.02, 0.02),
		onTime:    clamp(0.005*r.NormFloat64(), -0.01, 0.01),
	}
}

// figures returns unit u's figures in quarter q, to fill in.
func (g *generator) figures(q, u int) *Figures { return &g.sample.Quarters[q].Units[u] }

// offset is how many quarters quarter q lies after the reference quarter.
func (g *generator) offset(q int) int { return q - g.ref }

// published returns the published figures, or zero figures when there are none.
func (g *generator) published() Published {
	if g.p.Published == nil {
		return Published{}
	}
	return *g.p.Published
}

// documents fills in incoming, outgoing and signed documents.
func (g *generator) documents() error {
	pub := g.published()
	incoming := g.flow(func(q, u int) float64 {
		return g.p.Units[u].Size * docsPerSize * g.p.Trends.Activity.At(g.quarters[q]) * g.noise[q][u].docs
	})
	outgoing := g.flow(func(q, u int) float64 {
		return incoming[q][u] * g.traits[u].outRatio * g.noise[q][u].outgoing
	})
	in, err := g.wholeFlow(incoming, pub.DocsIncoming)
	if err != nil {
		return fmt.Errorf("incoming: %w", err)
	}
	out, err := g.wholeFlow(outgoing, pub.DocsOutgoing)
	if err != nil {
		return fmt.Errorf("outgoing: %w", err)
	}
	targets, err := g.signatureTargets(out)
	if err != nil {
		return err
	}
	for q, quarter := range g.quarters {
		rates := make([]float64, len(g.p.Units))
		for u := range rates {
			rates[u] = g.p.Trends.SignatureRate.At(quarter) + g.traits[u].signOffset + g.noise[q][u].sign
		}
		signed, err := fitRates(targets[q], out[q], clampAll(rates, 0.05, 0.99))
		if err != nil {
			return fmt.Errorf("signed, %v: %w", quarter, err)
		}
		for u := range g.p.Units {
			f := g.figures(q, u)
			f.DocsIncoming, f.DocsOutgoing, f.DocsOutgoingSigned = in[q][u], out[q][u], signed[u]
		}
	}
	return nil
}

// flow evaluates value for every quarter q and unit u.
func (g *generator) flow(value func(q, u int) float64) [][]float64 {
	grid := make([][]float64, len(g.quarters))
	for q := range grid {
		grid[q] = make([]float64, len(g.p.Units))
		for u := range grid[q] {
			grid[q][u] = value(q, u)
		}
	}
	return grid
}

// wholeFlow turns a flow into whole numbers. When pinned is not zero, the
// whole flow is first scaled by the one factor that makes the reference
// quarter sum to pinned, and that quarter is apportioned to sum to it exactly;
// the other quarters are rounded unit by unit.
func (g *generator) wholeFlow(flow [][]float64, pinned int) ([][]int, error) {
	scale := 1.0
	if pinned != 0 {
		sum := 0.0
		for _, v := range flow[g.ref] {
			sum += v
		}
		scale = float64(pinned) / sum
	}
	whole := make([][]int, len(flow))
	for q, values := range flow {
		whole[q] = make([]int, len(values))
		scaled := make([]float64, len(values))
		for u, v := range values {
			scaled[u] = v * scale
			whole[q][u] = int(math.Round(scaled[u]))
		}
		if pinned != 0 && q == g.ref {
			exact, err := apportion(pinned, scaled, nil)
			if err != nil {
				return nil, err
			}
			whole[q] = exact
		}
	}
	return whole, nil
}

// signatureTargets returns, per quarter, the province's total of signed
// documents: the signature-rate curve times the outgoing documents, except
// that the reference quarter takes the published count and, when a rate for
// the year before is published, that year's last quarter makes the year's
// rate come out right.
func (g *generator) signatureTargets(out [][]int) ([]int, error) {
	pub := g.published()
	targets := make([]int, len(g.quarters))
	totals := make([]int, len(g.quarters))
	for q, quarter := range g.quarters {
		for _, v := range out[q] {
			totals[q] += v
		}
		targets[q] = int(math.Round(g.p.Trends.SignatureRate.At(quarter) * float64(totals[q])))
	}
	if pub.DocsSigned != 0 {
		targets[g.ref] = pub.DocsSigned
	}
	if pub.PriorYearSignatureRate != 0 {
		year := pub.Quarter.Year - 1
		first := quarterIndex(period.Q(year, 1)) - quarterIndex(g.p.First)
		if first < 0 || first+4 > len(g.quarters) {
			return nil, fmt.Errorf("signature rate of %d is published, but the sample does not cover that whole year", year)
		}
		yearOut, signedQ1toQ3 := 0, 0
		for q := first; q < first+4; q++ {
			yearOut += totals[q]
			if q < first+3 {
				signedQ1toQ3 += targets[q]
			}
		}
		yearSigned := int(math.Round(pub.PriorYearSignatureRate * float64(yearOut)))
		last := first + 3
		targets[last] = yearSigned - signedQ1toQ3
		if targets[last] < 0 || targets[last] > totals[last] {
			return nil, fmt.Errorf("a signature rate of %.4f over %d needs %d signed documents in %v, out of %d",
				pub.PriorYearSignatureRate, year, targets[last], g.quarters[last], totals[last])
		}
	}
	return targets, nil
}

// eofficeStocks fills in e-office accounts and mobile users. Each unit's
// stock is set in the reference quarter (apportioned to the published totals)
// and grows by its own quarterly factor, so it never falls over time.
func (g *generator) eofficeStocks() error {
	pub := g.published()
	n := len(g.p.Units)
	weights := make([]float64, n)
	for u := range weights {
		weights[u] = g.traits[u].accountWeight * accountsPerSize
	}
	accounts, err := wholeStock(pub.EOfficeAccounts, weights, nil)
	if err != nil {
		return fmt.Errorf("accounts: %w", err)
	}
	for u := range weights {
		weights[u] = float64(accounts[u]) * g.traits[u].mobileShare
	}
	mobile, err := wholeStock(pub.EOfficeMobile, weights, accounts)
	if err != nil {
		return fmt.Errorf("mobile users: %w", err)
	}
	for q := range g.quarters {
		for u := range g.p.Units {
			f := g.figures(q, u)
			grown := func(v int, growth float64) int {
				return int(math.Round(float64(v) * math.Pow(growth, float64(g.offset(q)))))
			}
			f.EOfficeAccounts = grown(accounts[u], g.traits[u].accountGrowth)
			f.EOfficeMobileUsers = min(grown(mobile[u], g.traits[u].mobileGrowth), f.EOfficeAccounts)
		}
	}
	return nil
}

// wholeStock returns the units' stocks in the reference quarter: apportioned
// to total when it is pinned (not zero), else the weights rounded; none above its cap.
func wholeStock(total int, weights []float64, caps []int) ([]int, error) {
	if total != 0 {
		return apportion(total, weights, caps)
	}
	whole := make([]int, len(weights))
	for i, w := range weights {
		whole[i] = int(math.Round(w))
		if caps != nil {
			whole[i] = min(whole[i], caps[i])
		}
	}
	return whole, nil
}

// files fills in the public-service portal's files: received, resolved, and
// the shares received online, digitized and resolved on time.
func (g *generator) files() error {
	trends := g.p.Trends
	for q, quarter := range g.quarters {
		n := len(g.p.Units)
		received, resolved := make([]int, n), make([]int, n)
		for u, up := range g.p.Units {
			noise := g.noise[q][u]
			received[u] = int(math.Round(up.Size * filesPerSize * trends.Activity.At(quarter) * noise.files))
			resolved[u] = min(received[u], int(math.Round(float64(received[u])*g.traits[u].resolvedShare*noise.resolved)))
		}
		rates := func(curve Curve, offset func(u int) float64) []float64 {
			rs := make([]float64, n)
			for u := range rs {
				rs[u] = curve.At(quarter) + offset(u)
			}
			return clampAll(rs, 0.05, 0.995)
		}
		online, err := fitRates(share(trends.OnlineRate.At(quarter), received), received,
			rates(trends.OnlineRate, func(u int) float64 { return g.traits[u].onlineOffset + g.noise[q][u].online }))
		if err != nil {
			return fmt.Errorf("online, %v: %w", quarter, err)
		}
		digitized, err := fitRates(share(trends.DigitizedRate.At(quarter), received), received,
			rates(trends.DigitizedRate, func(u int) float64 { return g.traits[u].digitizedOffset + g.noise[q][u].digitized }))
		if err != nil {
			return fmt.Errorf("digitized, %v: %w", quarter, err)
		}
		onTime, err := fitRates(share(trends.OnTimeRate.At(quarter), resolved), resolved,
			rates(trends.OnTimeRate, func(u int) float64 { return g.traits[u].onTimeOffset + g.noise[q][u].onTime }))
		if err != nil {
			return fmt.Errorf("on time, %v: %w", quarter, err)
		}
		for u := range g.p.Units {
			f := g.figures(q, u)
			f.FilesReceived, f.FilesReceivedOnline, f.FilesDigitized = received[u], online[u], digitized[u]
			f.FilesResolved, f.FilesResolvedOnTime = resolved[u], onTime[u]
		}
	}
	return nil
}

// share returns rate × Σ values, rounded: the numerator total of a rate.
func share(rate float64, values []int) int {
	sum := 0
	for _, v := range values {
		sum += v
	}
	return int(math.Round(rate * float64(sum)))
}

// network fills in the network inventory: video points, broadband
// subscribers and speeds, and the province's own speed.
func (g *generator) network() error {
	pub := g.published()
	n := len(g.p.Units)
	// Every unit has one video point; the rest are shared out by size.
	extra := make([]float64, n)
	for u, up := range g.p.Units {
		extra[u] = up.Size
	}
	extraTotal := 0
	if pub.VideoPoints != 0 {
		extraTotal = pub.VideoPoints - n
	} else {
		for _, w := range extra {
			extraTotal += int(math.Round(w))
		}
	}
	points, err := apportion(extraTotal, extra, nil)
	if err != nil {
		return fmt.Errorf("video points: %w", err)
	}

	for q, quarter := range g.quarters {
		off := g.offset(q)
		province := g.p.Trends.Mbps.At(quarter)
		if q == g.ref && pub.BroadbandMbps != 0 {
			province = pub.BroadbandMbps
		}
		speeds := make([]float64, n)
		weighted, subscribers := 0.0, 0.0
		for u := range g.p.Units {
			t := g.traits[u]
			f := g.figures(q, u)
			f.VideoPoints = 1 + points[u]
			if off < -t.videoAddedAgo && f.VideoPoints >= 2 {
				f.VideoPoints--
			}
			if off >= t.videoExtraAfter {
				f.VideoPoints++
			}
			f.BroadbandSubscribers = int(math.Round(t.subscribers * math.Pow(subscriberGrowth, float64(off))))
			speeds[u] = province * t.speedFactor * g.noise[q][u].speed
			weighted += speeds[u] * float64(f.BroadbandSubscribers)
			subscribers += float64(f.BroadbandSubscribers)
		}
		// Rescale so that the subscriber-weighted mean is the province's speed.
		scale := province * subscribers / weighted
		for u := range g.p.Units {
			g.figures(q, u).BroadbandMbps = roundTenth(clamp(speeds[u]*scale, minMbps, maxMbps))
		}
		g.sample.Quarters[q].Provinces = []ProvinceFigures{{Unit: g.p.Province.Code, BroadbandMbps: roundTenth(province)}}
	}
	return nil
}

// newRand returns a PCG generator seeded with seed and a hash of key, so each
// key has its own stream of draws.
func newRand(seed uint64, key string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(key))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// between draws uniformly from [lo, hi).
func between(r *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }

func clamp(x, lo, hi float64) float64 { return max(lo, min(hi, x)) }

func clampAll(xs []float64, lo, hi float64) []float64 {
	for i := range xs {
		xs[i] = clamp(xs[i], lo, hi)
	}
	return xs
}

// roundTenth rounds to one decimal, as speeds are published.
func roundTenth(x float64) float64 { return math.Round(x*10) / 10 }
