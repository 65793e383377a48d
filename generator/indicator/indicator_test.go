package indicator

import (
	"slices"
	"strings"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// want is an expected indicator value; ok false means "no data".
type want struct {
	ok    bool
	value float64
}

func TestRate(t *testing.T) {
	signed := dataset.Catalogue{
		Measures:   []dataset.Measure{flow("signed"), flow("sent")},
		Indicators: []dataset.Indicator{rateOf("rate", "signed", "sent", dataset.HigherIsBetter)},
	}
	tests := []struct {
		name string
		obs  []dataset.Observation
		want map[string]want
	}{
		{
			// a: 9/10 = 90%; b: 1/90 = 1.11%. The province is (9+1)/(10+90) =
			// 10/100 = 10%, not the mean of the rates (90 + 1.11)/2 = 45.56%.
			name: "ratio of sums, not mean of ratios",
			obs: []dataset.Observation{
				ob("signed", "a", "2025-Q1", 9), ob("sent", "a", "2025-Q1", 10),
				ob("signed", "b", "2025-Q1", 1), ob("sent", "b", "2025-Q1", 90),
			},
			want: map[string]want{"a": {true, 90}, "b": {true, 100.0 / 90}, "p": {true, 10}},
		},
		{
			// a sent nothing: 0/0 is no data, not 0% and not NaN. The province
			// still has (0+5)/(0+10) = 50%.
			name: "zero denominator is no data",
			obs: []dataset.Observation{
				ob("signed", "a", "2025-Q1", 0), ob("sent", "a", "2025-Q1", 0),
				ob("signed", "b", "2025-Q1", 5), ob("sent", "b", "2025-Q1", 10),
			},
			want: map[string]want{"a": {false, 0}, "b": {true, 50}, "p": {true, 50}},
		},
		{
			// a signed nothing it sent: 0/10 = 0%, which is data.
			name: "zero numerator is zero percent",
			obs: []dataset.Observation{
				ob("signed", "a", "2025-Q1", 0), ob("sent", "a", "2025-Q1", 10),
			},
			want: map[string]want{"a": {true, 0}, "p": {true, 0}},
		},
		{
			// a reports no denominator: no data for a. Measures roll up one by
			// one, so the province has (3+5)/10 = 80%.
			name: "missing denominator is no data",
			obs: []dataset.Observation{
				ob("signed", "a", "2025-Q1", 3),
				ob("signed", "b", "2025-Q1", 5), ob("sent", "b", "2025-Q1", 10),
			},
			want: map[string]want{"a": {false, 0}, "b": {true, 50}, "p": {true, 80}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustCompute(t, &dataset.Dataset{Units: province("a", "b"), Catalogue: signed, Observations: tt.obs})
			for unit, w := range tt.want {
				got := r.Value("rate", unit, per("2025-Q1"))
				if got.OK != w.ok || !near(got.Value, w.value) {
					t.Errorf("%s: got OK=%v %v, want OK=%v %v", unit, got.OK, got.Value, w.ok, w.value)
				}
			}
		})
	}
}

func TestRateParts(t *testing.T) {
	// The province's 10% from a (9/10) and b (1/90): 10 signed of 100 sent,
	// rolled up rather than reported; a is above it, b below.
	d := &dataset.Dataset{
		Units: province("a", "b"),
		Catalogue: dataset.Catalogue{
			Measures:   []dataset.Measure{flow("signed"), flow("sent")},
			Indicators: []dataset.Indicator{rateOf("rate", "signed", "sent", dataset.HigherIsBetter)},
		},
		Observations: []dataset.Observation{
			ob("signed", "a", "2025-Q1", 9), ob("sent", "a", "2025-Q1", 10),
			ob("signed", "b", "2025-Q1", 1), ob("sent", "b", "2025-Q1", 90),
		},
	}
	r := mustCompute(t, d)
	p := r.Value("rate", "p", per("2025-Q1"))
	if p.Numerator != 10 || p.Denominator != 100 || p.Reported || p.Partial {
		t.Errorf("province: got %v/%v reported=%v partial=%v, want 10/100 rolled up, complete",
			p.Numerator, p.Denominator, p.Reported, p.Partial)
	}
	if a := r.Value("rate", "a", per("2025-Q1")); a.VsParent != 1 || !a.Reported {
		t.Errorf("a: VsParent %d reported %v, want +1 (90%% > 10%%), reported", a.VsParent, a.Reported)
	}
	if b := r.Value("rate", "b", per("2025-Q1")); b.VsParent != -1 {
		t.Errorf("b: VsParent %d, want −1 (1.1%% < 10%%)", b.VsParent)
	}
	if u := r.Value("rate", "nowhere", per("2025-Q1")); u.OK {
		t.Errorf("unknown unit: got OK")
	}
}

func TestRanking(t *testing.T) {
	// a 50, b 40, c 40, d 30, e no data. Higher is better: a 1, b and c
	// share 2, d is 4th (not 3rd); e is unranked and last.
	obs := []dataset.Observation{
		ob("x", "a", "2025-Q1", 50), ob("x", "b", "2025-Q1", 40),
		ob("x", "c", "2025-Q1", 40), ob("x", "d", "2025-Q1", 30),
		ob("y", "e", "2025-Q1", 1),
	}
	type place struct {
		unit string
		rank int
	}
	tests := []struct {
		dir    dataset.Direction
		want   []place
		bySize bool
	}{
		{dataset.HigherIsBetter, []place{{"a", 1}, {"b", 2}, {"c", 2}, {"d", 4}, {"e", 0}}, false},
		// Lower is better: d (30) first, then b and c, then a (50).
		{dataset.LowerIsBetter, []place{{"d", 1}, {"b", 2}, {"c", 2}, {"a", 4}, {"e", 0}}, false},
		// No direction: ordered by size, largest first, and marked so.
		{dataset.Neutral, []place{{"a", 1}, {"b", 2}, {"c", 2}, {"d", 4}, {"e", 0}}, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.dir), func(t *testing.T) {
			d := &dataset.Dataset{
				Units: province("a", "b", "c", "d", "e"),
				Catalogue: dataset.Catalogue{
					Measures:   []dataset.Measure{flow("x"), flow("y")},
					Indicators: []dataset.Indicator{countOf("x", "x", tt.dir)},
				},
				Observations: obs,
			}
			r := mustCompute(t, d)
			ranking := r.Ranking("x", "p", per("2025-Q1"))
			var got []place
			for _, v := range ranking {
				got = append(got, place{v.Unit, v.Rank})
				if v.Rank > 0 && (v.RankOf != 4 || v.BySize != tt.bySize) {
					t.Errorf("%s: RankOf %d BySize %v, want 4 %v", v.Unit, v.RankOf, v.BySize, tt.bySize)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ranking: got %v, want %v", got, tt.want)
			}

			units := func(vs []Value) (codes []string) {
				for _, v := range vs {
					codes = append(codes, v.Unit)
				}
				return codes
			}
			wantLead := []string{tt.want[0].unit, tt.want[1].unit}
			if lead := units(r.Leading("x", "p", per("2025-Q1"), 2)); !slices.Equal(lead, wantLead) {
				t.Errorf("leading 2: got %v, want %v", lead, wantLead)
			}
			wantLag := []string{tt.want[3].unit, tt.want[2].unit}
			if lag := units(r.Lagging("x", "p", per("2025-Q1"), 2)); !slices.Equal(lag, wantLag) {
				t.Errorf("lagging 2: got %v, want %v", lag, wantLag)
			}
		})
	}
}

func TestPartialYear(t *testing.T) {
	// docs is a flow, accounts a stock. 2024 has all four quarters:
	// docs 1+2+3+4 = 10, accounts = the Q4 value 4. 2025 has three:
	// docs 10+20+30 = 60, accounts = the Q3 value 6; both partial.
	var obs []dataset.Observation
	for q, v := range []float64{1, 2, 3, 4} {
		p := period.Q(2024, q+1).String()
		obs = append(obs, ob("docs", "a", p, v), ob("accounts", "a", p, v))
	}
	obs = append(obs,
		ob("docs", "a", "2025-Q1", 10), ob("docs", "a", "2025-Q2", 20), ob("docs", "a", "2025-Q3", 30),
		ob("accounts", "a", "2025-Q1", 5), ob("accounts", "a", "2025-Q2", 7), ob("accounts", "a", "2025-Q3", 6),
	)
	d := &dataset.Dataset{
		Units: province("a"),
		Catalogue: dataset.Catalogue{
			Measures: []dataset.Measure{flow("docs"), stock("accounts")},
			Indicators: []dataset.Indicator{
				countOf("docs", "docs", dataset.Neutral),
				countOf("accounts", "accounts", dataset.HigherIsBetter),
			},
		},
		Observations: obs,
	}
	r := mustCompute(t, d)
	tests := []struct {
		indicator, unit, period string
		value                   float64
		partial                 bool
	}{
		{"docs", "a", "2024", 10, false},
		{"accounts", "a", "2024", 4, false},
		{"docs", "a", "2025", 60, true},
		{"accounts", "a", "2025", 6, true},
		// The province rolls up quarters first; its year is partial too.
		{"docs", "p", "2025", 60, true},
		{"accounts", "p", "2025", 6, true},
		{"docs", "a", "2025-Q3", 30, false},
	}
	for _, tt := range tests {
		got := r.Value(tt.indicator, tt.unit, per(tt.period))
		if !got.OK || got.Value != tt.value || got.Partial != tt.partial {
			t.Errorf("%s %s %s: got OK=%v %v partial=%v, want %v partial=%v",
				tt.indicator, tt.unit, tt.period, got.OK, got.Value, got.Partial, tt.value, tt.partial)
		}
	}

	if got, want := r.Periods(period.Year), []period.Period{period.Y(2024), period.Y(2025)}; !slices.Equal(got, want) {
		t.Errorf("years: got %v, want %v", got, want)
	}
	if got := len(r.Periods(period.Quarter)); got != 7 {
		t.Errorf("quarters: got %d, want 7", got)
	}
	if got := r.Periods(period.Month); len(got) != 0 {
		t.Errorf("months: got %v, want none", got)
	}
	if got := r.Latest(period.Quarter); got != period.Q(2025, 3) {
		t.Errorf("latest quarter: got %v, want 2025-Q3", got)
	}
	if got := r.Series("docs", "a", period.Year); len(got) != 2 || got[0].Value != 10 || got[1].Value != 60 {
		t.Errorf("year series: got %+v, want 10 then 60", got)
	}
}

func TestMonths(t *testing.T) {
	// Months 1–3 of 2025 make a complete Q1 (4+5+6 = 15); April alone makes
	// a partial Q2 (7); the year 2025 is 15+7 = 22, partial.
	d := &dataset.Dataset{
		Units: province("a"),
		Catalogue: dataset.Catalogue{
			Measures:   []dataset.Measure{flow("docs")},
			Indicators: []dataset.Indicator{countOf("docs", "docs", dataset.Neutral)},
		},
		Observations: []dataset.Observation{
			ob("docs", "a", "2025-01", 4), ob("docs", "a", "2025-02", 5),
			ob("docs", "a", "2025-03", 6), ob("docs", "a", "2025-04", 7),
		},
	}
	r := mustCompute(t, d)
	tests := []struct {
		period  string
		value   float64
		partial bool
	}{
		{"2025-02", 5, false},
		{"2025-Q1", 15, false},
		{"2025-Q2", 7, true},
		{"2025", 22, true},
	}
	for _, tt := range tests {
		got := r.Value("docs", "a", per(tt.period))
		if !got.OK || got.Value != tt.value || got.Partial != tt.partial || !got.Reported {
			t.Errorf("%s: got OK=%v %v partial=%v reported=%v, want %v partial=%v reported",
				tt.period, got.OK, got.Value, got.Partial, got.Reported, tt.value, tt.partial)
		}
	}
	if got := len(r.Periods(period.Month)); got != 4 {
		t.Errorf("months: got %d, want 4", got)
	}
}

func TestChanges(t *testing.T) {
	d := &dataset.Dataset{
		Units: province("a"),
		Catalogue: dataset.Catalogue{
			Measures: []dataset.Measure{
				flow("signed"), flow("sent"), flow("complaints"), stock("accounts"), flow("docs"), flow("calls"),
			},
			Indicators: []dataset.Indicator{
				rateOf("signed", "signed", "sent", dataset.HigherIsBetter),
				countOf("complaints", "complaints", dataset.LowerIsBetter),
				countOf("accounts", "accounts", dataset.HigherIsBetter),
				countOf("docs", "docs", dataset.Neutral),
				countOf("calls", "calls", dataset.HigherIsBetter),
			},
		},
		Observations: []dataset.Observation{
			// signed: 80% in 2024-Q1, 85% in 2024-Q4, 86.7% in 2025-Q1.
			ob("signed", "a", "2024-Q1", 80), ob("sent", "a", "2024-Q1", 100),
			ob("signed", "a", "2024-Q4", 85), ob("sent", "a", "2024-Q4", 100),
			ob("signed", "a", "2025-Q1", 867), ob("sent", "a", "2025-Q1", 1000),
			// complaints (lower is better): 200, 160, 150.
			ob("complaints", "a", "2024-Q1", 200), ob("complaints", "a", "2024-Q4", 160),
			ob("complaints", "a", "2025-Q1", 150),
			// accounts: 1000 to 1000.4 is +0.04%, below 0.05%.
			ob("accounts", "a", "2024-Q4", 1000), ob("accounts", "a", "2025-Q1", 1000.4),
			// docs (no direction): 100 to 150.
			ob("docs", "a", "2024-Q4", 100), ob("docs", "a", "2025-Q1", 150),
			// calls: 0 to 5 has no relative change; no 2024-Q1 at all.
			ob("calls", "a", "2024-Q4", 0), ob("calls", "a", "2025-Q1", 5),
		},
	}
	r := mustCompute(t, d)
	type change struct {
		ok      bool
		from    string
		base    float64
		delta   float64
		points  bool
		verdict Verdict
	}
	tests := []struct {
		indicator     string
		prev, yearAgo change
	}{
		// Rates change in points: 86.7 − 85 = +1.7 pp; 86.7 − 80 = +6.7 pp.
		{"signed", change{true, "2024-Q4", 85, 1.7, true, Better}, change{true, "2024-Q1", 80, 6.7, true, Better}},
		// Counts change in percent: (150−160)/160 = −6.25%, (150−200)/200 = −25%;
		// a decline of a lower-is-better indicator is Better.
		{"complaints", change{true, "2024-Q4", 160, -6.25, false, Better}, change{true, "2024-Q1", 200, -25, false, Better}},
		{"accounts", change{true, "2024-Q4", 1000, 0.04, false, Same}, change{false, "2024-Q1", 0, 0, false, NoVerdict}},
		{"docs", change{true, "2024-Q4", 100, 50, false, Neutral}, change{false, "2024-Q1", 0, 0, false, NoVerdict}},
		{"calls", change{false, "2024-Q4", 0, 0, false, NoVerdict}, change{false, "2024-Q1", 0, 0, false, NoVerdict}},
	}
	for _, tt := range tests {
		v := r.Value(tt.indicator, "a", per("2025-Q1"))
		for _, c := range []struct {
			name string
			got  Change
			want change
		}{{"prev", v.Prev, tt.prev}, {"year ago", v.YearAgo, tt.yearAgo}} {
			got, want := c.got, c.want
			if got.OK != want.ok || got.From != per(want.from) || !near(got.Base, want.base) ||
				!near(got.Delta, want.delta) || (got.OK && got.Points != want.points) || got.Verdict != want.verdict {
				t.Errorf("%s %s: got %+v, want %+v", tt.indicator, c.name, got, want)
			}
		}
	}
}

func TestReportedParent(t *testing.T) {
	// a 40 and b 59 accounts roll up to 99.
	tests := []struct {
		name     string
		reported float64
		opts     []Option
		warn     bool
	}{
		// |100 − 99| = 1 > 0.5% of 100 = 0.5: a warning.
		{"beyond tolerance", 100, nil, true},
		// |99.4 − 99| = 0.4 ≤ 0.5% of 99.4 = 0.497: no warning.
		{"within tolerance", 99.4, nil, false},
		// 1 ≤ 2% of 100 = 2: no warning.
		{"wider tolerance", 100, []Option{WithTolerance(0.02)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &dataset.Dataset{
				Units: province("a", "b"),
				Catalogue: dataset.Catalogue{
					Measures:   []dataset.Measure{stock("accounts")},
					Indicators: []dataset.Indicator{countOf("accounts", "accounts", dataset.HigherIsBetter)},
				},
				Observations: []dataset.Observation{
					ob("accounts", "a", "2025-Q1", 40), ob("accounts", "b", "2025-Q1", 59),
					ob("accounts", "p", "2025-Q1", tt.reported),
				},
			}
			r := mustCompute(t, d, tt.opts...)
			v := r.Value("accounts", "p", per("2025-Q1"))
			if !v.OK || v.Value != tt.reported || !v.Reported {
				t.Errorf("province: got OK=%v %v reported=%v, want %v reported", v.OK, v.Value, v.Reported, tt.reported)
			}
			var want []Warning
			if tt.warn {
				want = []Warning{{Unit: "p", Measure: "accounts", Period: per("2025-Q1"), Reported: tt.reported, Computed: 99}}
			}
			if got := r.Warnings(); !slices.Equal(got, want) {
				t.Errorf("warnings: got %v, want %v", got, want)
			}
		})
	}
}

func TestWeightedMean(t *testing.T) {
	// a: 50 Mbps over 100 subscribers, b: 80 over 300, c: 90 with no
	// subscriber count (left out), d: 10 over 0 subscribers (weighs nothing).
	// Province: (50·100 + 80·300) / (100 + 300) = 29000 / 400 = 72.5 Mbps,
	// not the plain mean of 50 and 80 (65).
	mbps := dataset.Measure{ID: "mbps", Kind: dataset.Amount, OverTime: dataset.Last,
		AcrossUnits: dataset.WeightedMean, Weight: "subs"}
	d := &dataset.Dataset{
		Units: province("a", "b", "c", "d"),
		Catalogue: dataset.Catalogue{
			Measures:   []dataset.Measure{mbps, stock("subs")},
			Indicators: []dataset.Indicator{levelOf("mbps", "mbps", dataset.HigherIsBetter)},
		},
		Observations: []dataset.Observation{
			ob("mbps", "a", "2025-Q1", 50), ob("subs", "a", "2025-Q1", 100),
			ob("mbps", "b", "2025-Q1", 80), ob("subs", "b", "2025-Q1", 300),
			ob("mbps", "c", "2025-Q1", 90),
			ob("mbps", "d", "2025-Q1", 10), ob("subs", "d", "2025-Q1", 0),
		},
	}
	r := mustCompute(t, d)
	if v := r.Value("mbps", "p", per("2025-Q1")); !v.OK || v.Value != 72.5 || v.Reported {
		t.Errorf("province: got OK=%v %v reported=%v, want 72.5 rolled up", v.OK, v.Value, v.Reported)
	}
}

func TestTargets(t *testing.T) {
	type point struct {
		period string
		value  float64
	}
	tests := []struct {
		name     string
		dir      dataset.Direction
		target   float64
		deadline string
		series   []point
		at       string
		status   Status
		gap      float64
	}{
		{"met", dataset.HigherIsBetter, 80, "2030", []point{{"2025-Q1", 85}}, "2025-Q1", Achieved, -5},
		// From 60 a year ago to 70: 2.5 a quarter; 23 quarters to 2030-Q4
		// make 70 + 57.5 = 127.5 ≥ 80.
		{"on track from year ago", dataset.HigherIsBetter, 80, "2030",
			[]point{{"2024-Q1", 60}, {"2025-Q1", 70}}, "2025-Q1", OnTrack, 10},
		// From 70 to 71: 0.25 a quarter, 71 + 5.75 = 76.75 < 80.
		{"behind", dataset.HigherIsBetter, 80, "2030",
			[]point{{"2024-Q1", 70}, {"2025-Q1", 71}}, "2025-Q1", Behind, 9},
		// No year-ago value: from the earliest, 60 in 2024-Q3, to 62 two
		// quarters later: 1 a quarter, 62 + 23 = 85 ≥ 80.
		{"on track from earliest", dataset.HigherIsBetter, 80, "2030",
			[]point{{"2024-Q3", 60}, {"2025-Q1", 62}}, "2025-Q1", OnTrack, 18},
		{"nothing to project from", dataset.HigherIsBetter, 80, "2030",
			[]point{{"2025-Q1", 50}}, "2025-Q1", Behind, 30},
		// From 60 to 90 in a year: 7.5 a quarter, two quarters to 2025-Q4
		// make 105 ≥ 100.
		{"on track to a quarter deadline", dataset.HigherIsBetter, 100, "2025-Q4",
			[]point{{"2024-Q2", 60}, {"2025-Q2", 90}}, "2025-Q2", OnTrack, 10},
		{"at the deadline, not met", dataset.HigherIsBetter, 100, "2025-Q4",
			[]point{{"2024-Q4", 50}, {"2025-Q4", 90}}, "2025-Q4", Behind, 10},
		{"after the deadline, not met", dataset.HigherIsBetter, 100, "2025-Q4",
			[]point{{"2025-Q1", 50}, {"2026-Q1", 99}}, "2026-Q1", Behind, 1},
		// Lower is better, target 3: from 5 to 4 is −0.25 a quarter,
		// 4 − 5.75 = −1.75 ≤ 3. The gap is 4 − 3 = 1.
		{"lower, on track", dataset.LowerIsBetter, 3, "2030",
			[]point{{"2024-Q1", 5}, {"2025-Q1", 4}}, "2025-Q1", OnTrack, 1},
		{"lower, met", dataset.LowerIsBetter, 3, "2030", []point{{"2025-Q1", 2.5}}, "2025-Q1", Achieved, -0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := levelOf("x", "x", tt.dir)
			ind.Target = &dataset.Target{Value: tt.target, Deadline: tt.deadline}
			d := &dataset.Dataset{
				Units:     province("a"),
				Catalogue: dataset.Catalogue{Measures: []dataset.Measure{ownLevel("x")}, Indicators: []dataset.Indicator{ind}},
			}
			for _, pt := range tt.series {
				d.Observations = append(d.Observations, ob("x", "a", pt.period, pt.value))
			}
			r := mustCompute(t, d)
			got := r.Value("x", "a", per(tt.at)).Target
			if got == nil {
				t.Fatal("no target status")
			}
			if got.Status != tt.status || !near(got.Gap, tt.gap) || got.Target != tt.target || got.Deadline != per(tt.deadline) {
				t.Errorf("got %v gap %v target %v by %v, want %v gap %v target %v by %v",
					got.Status, got.Gap, got.Target, got.Deadline, tt.status, tt.gap, tt.target, tt.deadline)
			}
		})
	}
}

func TestScores(t *testing.T) {
	scored := func(ind dataset.Indicator, group string, points, threshold float64) dataset.Indicator {
		ind.Score = &dataset.Score{Group: group, Points: points, Threshold: threshold}
		return ind
	}
	d := &dataset.Dataset{
		Units: province("a"),
		Catalogue: dataset.Catalogue{
			ScoreGroups: []dataset.ScoreGroup{
				{ID: "progress", Points: 20}, {ID: "online", Points: 22}, {ID: "digitization", Points: 22},
			},
			Measures: []dataset.Measure{
				flow("received"), flow("online"), flow("digitized"), flow("resolved"), flow("on_time"),
			},
			Indicators: []dataset.Indicator{
				scored(rateOf("online", "online", "received", dataset.HigherIsBetter), "online", 6, 50),
				scored(rateOf("digitized", "digitized", "received", dataset.HigherIsBetter), "digitization", 8, 80),
				scored(rateOf("on_time", "on_time", "resolved", dataset.HigherIsBetter), "progress", 10, 100),
			},
		},
		Observations: []dataset.Observation{
			ob("received", "a", "2025-Q1", 100),
			ob("online", "a", "2025-Q1", 60),    // 60% ≥ 50%: capped at the full 6 points
			ob("digitized", "a", "2025-Q1", 20), // 20% of 80%: 20/80 × 8 = 2 points
			ob("resolved", "a", "2025-Q1", 0),   // no files resolved: no data, no points
			ob("on_time", "a", "2025-Q1", 0),
		},
	}
	r := mustCompute(t, d)
	for id, want := range map[string]float64{"online": 6, "digitized": 2} {
		if v := r.Value(id, "a", per("2025-Q1")); v.Score == nil || !near(*v.Score, want) {
			t.Errorf("%s score: got %v, want %v", id, v.Score, want)
		}
	}
	if v := r.Value("on_time", "a", per("2025-Q1")); v.Score != nil {
		t.Errorf("on_time score: got %v, want none", *v.Score)
	}
	want := []GroupScore{
		{Group: "progress", Points: 0, Max: 10, Full: 20, Scored: 0, Indicators: 1},
		{Group: "online", Points: 6, Max: 6, Full: 22, Scored: 1, Indicators: 1},
		{Group: "digitization", Points: 2, Max: 8, Full: 22, Scored: 1, Indicators: 1},
	}
	if got := r.Scores("a", per("2025-Q1")); !slices.Equal(got, want) {
		t.Errorf("scores:\n got %+v\nwant %+v", got, want)
	}
}

func TestCompleteness(t *testing.T) {
	// m1 and m2 are expected from the four communes, m3 from the province.
	// In 2025-Q1, a reports m1 and m2, b m1, c nothing, d m1 and m2, and the
	// province m3: m1 3 of 4 (75%), m2 2 of 4 (50%), m3 1 of 1;
	// 6 of 9 pairs overall (66.67%). c is silent.
	m3 := flow("m3")
	m3.AppliesTo = []dataset.UnitType{dataset.Province}
	d := &dataset.Dataset{
		Units:     province("a", "b", "c", "d"),
		Catalogue: dataset.Catalogue{Measures: []dataset.Measure{flow("m1"), flow("m2"), m3}},
		Observations: []dataset.Observation{
			ob("m1", "a", "2025-Q1", 1), ob("m2", "a", "2025-Q1", 1),
			ob("m1", "b", "2025-Q1", 1),
			ob("m1", "d", "2025-Q1", 1), ob("m2", "d", "2025-Q1", 1),
			ob("m3", "p", "2025-Q1", 1),
		},
	}
	r := mustCompute(t, d)
	want := Completeness{
		Period: per("2025-Q1"), Present: 6, Expected: 9, Share: 200.0 / 3,
		Measures: []MeasureCompleteness{
			{Measure: "m1", Present: 3, Expected: 4, Share: 75},
			{Measure: "m2", Present: 2, Expected: 4, Share: 50},
			{Measure: "m3", Present: 1, Expected: 1, Share: 100},
		},
		Silent: []string{"c"},
	}
	for _, p := range []string{"2025-Q1", "2025"} {
		want.Period = per(p)
		got := r.Completeness(per(p))
		if got.Period != want.Period || got.Present != want.Present || got.Expected != want.Expected ||
			!near(got.Share, want.Share) || !slices.Equal(got.Measures, want.Measures) || !slices.Equal(got.Silent, want.Silent) {
			t.Errorf("%s:\n got %+v\nwant %+v", p, got, want)
		}
	}
}

func TestComputeErrors(t *testing.T) {
	good := func() *dataset.Dataset {
		return &dataset.Dataset{
			Units: province("a"),
			Catalogue: dataset.Catalogue{
				Measures:   []dataset.Measure{flow("x")},
				Indicators: []dataset.Indicator{countOf("x", "x", dataset.HigherIsBetter)},
			},
			Observations: []dataset.Observation{ob("x", "a", "2025-Q1", 1)},
		}
	}
	tests := []struct {
		name  string
		spoil func(d *dataset.Dataset)
		want  string
	}{
		{"unknown unit", func(d *dataset.Dataset) {
			d.Observations = append(d.Observations, ob("x", "zz", "2025-Q1", 1))
		}, `x of zz in 2025-Q1: unknown unit`},
		{"unknown measure", func(d *dataset.Dataset) {
			d.Observations = append(d.Observations, ob("zz", "a", "2025-Q1", 1))
		}, `unknown measure`},
		{"observed twice", func(d *dataset.Dataset) {
			o := ob("x", "a", "2025-Q1", 2)
			o.Source = dataset.Position{File: "x.csv", Line: 7, Column: 1}
			d.Observations = append(d.Observations, o)
		}, `x.csv:7:1: x of a in 2025-Q1: observed twice`},
		{"parent after child", func(d *dataset.Dataset) {
			d.Units[0], d.Units[1] = d.Units[1], d.Units[0]
		}, `unit "a": parent "p" is not listed before it`},
		{"bad deadline", func(d *dataset.Dataset) {
			d.Catalogue.Indicators[0].Target = &dataset.Target{Value: 1, Deadline: "2030-13"}
		}, `indicator "x": target deadline`},
		{"unknown score group", func(d *dataset.Dataset) {
			d.Catalogue.Indicators[0].Score = &dataset.Score{Group: "g", Points: 1, Threshold: 1}
		}, `score group "g"`},
		{"weight missing", func(d *dataset.Dataset) {
			d.Catalogue.Measures[0].AcrossUnits = dataset.WeightedMean
		}, `measure "x": weight "" is not another measure`},
		{"unknown numerator", func(d *dataset.Dataset) {
			d.Catalogue.Indicators[0] = rateOf("x", "zz", "x", dataset.HigherIsBetter)
		}, `numerator "zz" is not a measure`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good()
			tt.spoil(d)
			_, err := Compute(d)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := Compute(good(), WithTolerance(-1)); err == nil {
		t.Error("negative tolerance: got no error")
	}
}

// TestCompareAcrossKinds compares a quarter with the whole previous year.
func TestCompareAcrossKinds(t *testing.T) {
	// Two quarters of 2024 and one of 2025 for one commune under a province.
	// 2024: signed 80+90 = 170 of 100+100 = 200 → 85%; 2025-Q1: 90/100 = 90%.
	// 90 − 85 = +5 points, better. Outgoing documents (a flow) of a quarter
	// against a year are not comparable.
	d := &dataset.Dataset{
		Units: []dataset.Unit{{Code: "p", Name: "P", Type: dataset.Province}, {Code: "c", Name: "C", Type: dataset.Commune, Parent: "p"}},
		Catalogue: dataset.Catalogue{
			Measures: []dataset.Measure{
				{ID: "out", Kind: dataset.Count, OverTime: dataset.Sum, AcrossUnits: dataset.Sum},
				{ID: "signed", Kind: dataset.Count, OverTime: dataset.Sum, AcrossUnits: dataset.Sum},
			},
			Indicators: []dataset.Indicator{
				{ID: "rate", Type: dataset.Rate, Numerator: "signed", Denominator: "out", Direction: dataset.HigherIsBetter},
				{ID: "docs", Type: dataset.CountIndicator, Measure: "out", Direction: dataset.Neutral},
			},
		},
	}
	add := func(p period.Period, m string, v float64) {
		d.Observations = append(d.Observations, dataset.Observation{Period: p, Unit: "c", Measure: m, Value: v})
	}
	add(period.Q(2024, 1), "out", 100)
	add(period.Q(2024, 1), "signed", 80)
	add(period.Q(2024, 2), "out", 100)
	add(period.Q(2024, 2), "signed", 90)
	add(period.Q(2025, 1), "out", 100)
	add(period.Q(2025, 1), "signed", 90)
	r, err := Compute(d)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Compare("rate", "p", period.Q(2025, 1), period.Y(2024))
	if !c.OK || !c.Points || c.Delta != 5 || c.Base != 85 || c.Verdict != Better || c.From != period.Y(2024) {
		t.Errorf("rate 2025-Q1 against 2024 = %+v, want +5 points from 85, better", c)
	}
	if c := r.Compare("docs", "p", period.Q(2025, 1), period.Y(2024)); c.OK {
		t.Errorf("a quarter's flow against a year's = %+v, want not OK", c)
	}
	if c := r.Compare("docs", "p", period.Q(2025, 1), period.Q(2024, 1)); !c.OK || c.Delta != 0 || c.Verdict != Neutral {
		t.Errorf("docs 2025-Q1 against 2024-Q1 = %+v, want 0%% neutral", c)
	}
}
