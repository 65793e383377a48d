package site_test

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/internal/browser"
)

// surveySite is the build of testdata/survey (not the sample: a survey by
// region with statuses, notes and intervals, and the country's own count
// of complaints, provisional and footnoted), shared by the tests of marks.
var surveySite = &sharedBuild{data: filepath.Join("testdata", "survey")}

// obsMark is the markup of a status mark: the letter, and its words for
// assistive technology.
func obsMark(letter, words string) string {
	return `<span class="obs-mark" aria-hidden="true">` + letter + `</span><span class="sr-only"> (` + words + `)</span>`
}

// noteRef is the start of the markup of a reference to footnote n.
func noteRef(n int) string { return fmt.Sprintf(`<sup class="note-ref"><a href="#note-%d">`, n) }

// TestMarksOnHomeReportsAndTrends checks, on testdata/survey, that the
// figures of the home page and of the reports carry their marks and
// footnotes as the indicator pages do, and that trend charts say which
// figures have a status and give their intervals, hand-worked:
//   - the country's satisfaction in 2024 is 78.8% (b e: North West's
//     break, London's estimate); its complaints 95, provisional, with
//     the home page's one note, 1;
//   - the 2024 report numbers its notes in reading order: complaints 1,
//     then the units that lag (North West 2, London 3), whose notes the
//     units that lead keep; its legend and notes end its article;
//   - the country's trend draws its 2024 point hollow (one, the other
//     year is normal) and says why; London's trend table gives its
//     intervals in a column, as the ranking does;
//   - a chart's embed keeps its marks and their legend, and links no
//     footnote of the page it comes from.
func TestMarksOnHomeReportsAndTrends(t *testing.T) {
	out := surveySite.site(t)
	brk, est := obsMark("b", "break in series: not comparable with the periods before"), obsMark("e", "estimated")
	prov := obsMark("p", "provisional")
	legend := `<p class="obs-legend">Marks beside the figures: <span class="obs-mark">b</span> break in series: not comparable with the periods before; <span class="obs-mark">e</span> estimated; <span class="obs-mark">p</span> provisional.</p>`
	hollow := "A hollow point is a figure marked in the table (break in series: not comparable with the periods before; estimated)."
	for _, c := range []struct {
		page string
		want []string
	}{
		{"en/index.html", []string{
			`<p class="value">78.8%` + brk + est + `</p>`,
			`<p class="value">95` + prov + noteRef(1),
			legend + `<section class="footnotes" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ol><li id="note-1">Provisional until the annual report</li></ol></section>`,
			hollow,
		}},
		{"index.html", []string{
			`<p class="value">95` + obsMark("p", "sơ bộ") + noteRef(1),
			`<li id="note-1">Provisional until the annual report</li></ol>`,
			"Điểm rỗng là số liệu có ký hiệu trong bảng (gián đoạn chuỗi số liệu: không so sánh được với các kỳ trước; ước tính).",
		}},
		{"en/reports/2024/index.html", []string{
			`<a href="/en/indicators/complaints/">Complaints</a></th><td class="num">95` + prov + noteRef(1),
			`<a href="/en/indicators/satisfaction/">Satisfaction</a></th><td class="num">78.8%` + brk + est + `</td>`,
			`<caption>10 lowest units — Satisfaction</caption>`,
			`North West</a></th><td class="num">77.0%` + brk + noteRef(2),
			`London</a></th><td class="num">80.0%` + est + noteRef(3),
			legend + `<section class="footnotes" aria-labelledby="notes-h">`,
			`<li id="note-1">Provisional until the annual report</li><li id="note-2">New questionnaire from 2024, not comparable</li><li id="note-3">Estimated from the spring wave</li></ol></section></article>`,
			hollow,
		}},
		{"en/indicators/satisfaction/index.html", []string{hollow}},
		{"en/units/london/index.html", []string{
			`<th scope="col" class="num">Satisfaction</th><th scope="col" class="num">Interval (95%) and sample</th></tr>`,
			`<th scope="row">2023</th><td class="num">78.0%</td><td class="num">74.0–82.0 (n = 500)</td></tr>`,
			`<th scope="row">2024</th><td class="num">80.0%` + est + noteRef(1),
			`<td class="num">76.0–84.0 (n = 480)</td></tr>`,
			"A hollow point is a figure marked in the table (estimated).",
		}},
	} {
		page := readPage(t, out, c.page)
		for _, want := range c.want {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", c.page, want)
			}
		}
	}
	// An embed keeps the marks, with their legend, but links no footnote:
	// its page has none.
	embed := readPage(t, out, "en/embed/satisfaction-ranking-2024/index.html")
	if !strings.Contains(embed, `80.0%`+est+`</td>`) || strings.Contains(embed, "note-ref") ||
		!strings.Contains(embed, `<p class="obs-legend">Marks beside the figures: <span class="obs-mark">b</span>`) {
		t.Error("the ranking's embed does not keep its marks and legend without footnote links")
	}
	// The country's trend: one hollow point, in the SVG and in the option.
	ind := readPage(t, out, "en/indicators/satisfaction/index.html")
	trend := ind[strings.Index(ind, `<figure class="chart" id="satisfaction-trend-uk"`):]
	trend = trend[:strings.Index(trend, "</figure>")]
	if n, m := strings.Count(trend, `<g class="hollow"`), strings.Count(trend, `\"symbol\":\"emptyCircle\"`)+strings.Count(trend, `"symbol":"emptyCircle"`); n != 1 || m != 1 {
		t.Errorf("the country's trend has %d hollow points in its SVG and %d in its option, want 1 and 1", n, m)
	}
	// London's trend draws its two intervals (2023 and 2024) through
	// their points: a range and two caps each in the SVG, a mark line each
	// in the option, whose points carry them for the tooltip.
	unit := readPage(t, out, "en/units/london/index.html")
	at := strings.Index(unit, `<g class="intervals"`)
	if at < 0 {
		t.Fatal("London's trend draws no intervals")
	}
	group := unit[at : at+strings.Index(unit[at:], "</g>")]
	if n := strings.Count(group, "<line"); n != 6 {
		t.Errorf("London's trend: %d lines of intervals, want 6 (two ranges with their caps)", n)
	}
	for _, want := range []string{`\"interval\":[74,82]`, `\"interval\":[76,84]`} {
		if !strings.Contains(unit, want) && !strings.Contains(unit, strings.ReplaceAll(want, `\`, "")) {
			t.Errorf("London's trend option lacks %s", want)
		}
	}
}

// TestRebuiltNoteSaysHowTheIndicatorRollsUp checks the note under a trend
// rebuilt after the sample's merger: the satisfaction survey, a published
// rate, is rebuilt as the mean weighted by respondents; the home page's
// rates of two measures as ratios of sums (testdata/merger's too: see
// TestGeographyFromTheData).
func TestRebuiltNoteSaysHowTheIndicatorRollsUp(t *testing.T) {
	dir := sampleSite(t)
	for _, c := range []struct{ page, want, not string }{
		{"en/indicators/satisfaction_rate/index.html", "(Kiên Giang) — the mean of the units' rates weighted by Survey respondents — and marked *", "summed"},
		{"indicators/satisfaction_rate/index.html", "(Kiên Giang) — bình quân tỷ lệ của các đơn vị có trọng số theo Số người trả lời khảo sát — và được đánh dấu *", "tổng tử số"},
		{"en/index.html", "(Kiên Giang) — each rate as the units' numerators summed over their denominators summed — and marked *", "rates weighted"},
		{"index.html", "(Kiên Giang) — tỷ lệ bằng tổng tử số chia cho tổng mẫu số của các đơn vị — và được đánh dấu *", "có trọng số"},
	} {
		page := html.UnescapeString(readPage(t, dir, c.page))
		if !strings.Contains(page, c.want) || strings.Contains(page, c.not) {
			t.Errorf("%s: want %q and no %q", c.page, c.want, c.not)
		}
	}
}

// TestBrowserMarksOnLiveCharts opens testdata/survey's indicator page as
// a reader does, in both languages and both schemes, and checks what the
// live charts show:
//   - the country's 2024 point (a figure with statuses) is drawn hollow:
//     outlined in its series' colour, filled with the page's background,
//     in the dark scheme as in the light; the 2023 point is not;
//   - the ranking's value labels stand clear of the intervals' lines;
//   - the tooltip of North West gives its value and interval in the
//     page's numbers, "77% (72.5–81.5)" or "77% (72,5–81,5)", and no line
//     of the intervals' own series ("±").
func TestBrowserMarksOnLiveCharts(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, surveySite.site(t))
	for _, tc := range []struct{ path, scheme, tooltip string }{
		{"en/indicators/satisfaction/", "light", "77% (72.5–81.5)"},
		{"indicators/satisfaction/", "dark", "77% (72,5–81,5)"},
	} {
		t.Run(tc.path+" "+tc.scheme, func(t *testing.T) {
			p := visitDrawn(t, b, base+tc.path, browser.WithReducedMotion(), browser.WithColorScheme(tc.scheme))
			var got struct {
				Background, Series string
				Hollow, Filled     int
				Labels, Lines      int
				Crossed            []string
				Tooltip            []string
			}
			err := p.Eval(`(async () => {
				const norm = (c) => c ? c.replace(/\s+/g, '').toLowerCase() : '';
				const probe = (v) => { const s = document.createElement('span'); s.style.color = 'var(' + v + ')'; document.body.append(s); const c = getComputedStyle(s).color; s.remove(); return norm(c); };
				const bg = probe('--bg'), s0 = probe('--s0');
				const trend = document.getElementById('satisfaction-trend-uk').querySelector('.chart-live svg');
				const paths = [...trend.querySelectorAll('path')];
				const fig = document.getElementById('satisfaction-ranking-2024');
				const svg = fig.querySelector('.chart-live svg');
				const box = (e) => e.getBoundingClientRect();
				// Below the value axis' labels: the bars' value labels, and
				// the intervals' lines (thin, wider than the axis' ticks).
				const below = (e) => box(e).top > box(svg).top + 40;
				const labels = [...svg.querySelectorAll('text')].filter((e) => /^\d+([.,]\d)?%$/.test(e.textContent.trim()) && below(e));
				const lines = [...svg.querySelectorAll('path')].filter((e) => box(e).height < 2 && box(e).width > 8 && below(e));
				const crossed = [];
				for (const l of labels) for (const e of lines) {
					const a = box(l), c = box(e);
					if (a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom) crossed.push(l.textContent);
				}
				const nw = [...svg.querySelectorAll('text')].find((e) => e.textContent === 'North West' || e.textContent === 'Tây Bắc');
				const at = box(nw), target = svg.parentElement;
				target.dispatchEvent(new MouseEvent('mousemove', { clientX: box(svg).left + box(svg).width / 2, clientY: (at.top + at.bottom) / 2, bubbles: true }));
				// The tooltip is drawn in the chart's SVG: its texts come in at once.
				const texts = () => [...svg.querySelectorAll('text')].map((e) => e.textContent);
				const before = texts().length;
				await new Promise((resolve) => {
					const shown = () => texts().length > before;
					if (shown()) return resolve();
					const watch = new MutationObserver(() => { if (shown()) { watch.disconnect(); resolve(); } });
					watch.observe(svg, { subtree: true, childList: true, characterData: true });
				});
				return {
					Background: bg, Series: s0,
					Hollow: paths.filter((e) => norm(e.getAttribute('fill')) === bg && norm(e.getAttribute('stroke')) === s0).length,
					Filled: paths.filter((e) => norm(e.getAttribute('fill')) === s0).length,
					Labels: labels.length, Lines: lines.length, Crossed: crossed,
					Tooltip: texts().filter((s) => s.includes('(') || s.includes('±')),
				};
			})()`, &got)
			if err != nil {
				t.Fatal(err)
			}
			if got.Hollow != 1 || got.Filled != 1 {
				t.Errorf("the trend has %d hollow points (filled %s, outlined %s) and %d filled, want 1 and 1", got.Hollow, got.Background, got.Series, got.Filled)
			}
			if got.Labels != 2 || got.Lines != 2 || len(got.Crossed) > 0 {
				t.Errorf("ranking: %d value labels, %d interval lines; labels crossed by a line: %q; want 2, 2 and none", got.Labels, got.Lines, got.Crossed)
			}
			if len(got.Tooltip) != 1 || !strings.Contains(got.Tooltip[0], tc.tooltip) {
				t.Errorf("tooltip lines %q, want one with %q and none with ±", got.Tooltip, tc.tooltip)
			}
		})
	}
}

// TestBrowserStaticMarks opens the same page with scripts off: the static
// trend's hollow point is filled with the page's background (the
// stylesheet's, also in the dark scheme), and no value label of the
// ranking lies across an interval's line.
func TestBrowserStaticMarks(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, surveySite.site(t))
	p := visitDrawn(t, b, base+"en/indicators/satisfaction/", browser.WithJavaScriptDisabled(), browser.WithColorScheme("dark"))
	var got struct {
		Fill, Background string
		Labels, Lines    int
		Crossed          []string
	}
	err := p.Eval(`(() => {
		const svg = document.querySelector('#satisfaction-ranking-2024 svg');
		const box = (e) => e.getBoundingClientRect();
		const labels = [...svg.querySelectorAll('.values text')], lines = [...svg.querySelectorAll('.intervals line')];
		const crossed = [];
		for (const l of labels) for (const e of lines) {
			const a = box(l), c = box(e);
			if (a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom) crossed.push(l.textContent);
		}
		const hollow = document.querySelector('#satisfaction-trend-uk svg .hollow circle');
		return {
			Fill: hollow ? getComputedStyle(hollow).fill : 'no hollow point',
			Background: getComputedStyle(document.body).backgroundColor,
			Labels: labels.length, Lines: lines.length, Crossed: crossed,
		};
	})()`, &got)
	if err != nil {
		t.Fatal(err)
	}
	if got.Fill != got.Background || got.Fill != "rgb(17, 20, 24)" {
		t.Errorf("the hollow point is filled %s on a page of %s, want the dark background rgb(17, 20, 24)", got.Fill, got.Background)
	}
	if got.Labels != 2 || got.Lines != 6 || len(got.Crossed) > 0 {
		t.Errorf("%d value labels, %d interval lines; labels crossed: %q; want 2, 6 and none", got.Labels, got.Lines, got.Crossed)
	}
}

// TestBrowserMarkedPagesForReaders checks testdata/survey's pages with
// marks and footnotes on cards, reports, trends and rankings as
// readerCheck does the sample's: nothing axe-core finds, nothing
// overlapping or sideways, in both schemes, on a phone and a desktop.
func TestBrowserMarkedPagesForReaders(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	dir := surveySite.site(t)
	base := browser.Serve(t, dir)
	paths := []string{"", "en/", "reports/2024/", "en/reports/2024/", "indicators/satisfaction/", "en/units/london/", "en/embed/satisfaction-ranking-2024/"}
	checkPages(t, b, base, paths, readerCheck(axeSource(t), base), browser.WithReducedMotion())
}

// TestBrowserLiveTrendIntervals opens London's page, whose trend has an
// interval in 2023 (74–82) and 2024 (76–84), in both schemes: the live
// chart draws each as a vertical line in the series' colour through its
// point, from the lower bound's height to the upper's, and the tooltip of
// 2024 gives the interval after the value, in the page's numbers.
func TestBrowserLiveTrendIntervals(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, surveySite.site(t))
	for _, tc := range []struct{ path, scheme, tooltip string }{
		{"en/units/london/", "light", "80% (76–84)"},
		{"units/london/", "dark", "80% (76–84)"},
	} {
		t.Run(tc.path+" "+tc.scheme, func(t *testing.T) {
			p := visitDrawn(t, b, base+tc.path, browser.WithReducedMotion(), browser.WithColorScheme(tc.scheme))
			var got struct {
				Ranges  [][4]float64 // left, top, bottom of each range; and the point's centre inside it
				Tooltip []string
			}
			err := p.Eval(`(async () => {
				const norm = (c) => c ? c.replace(/\s+/g, '').toLowerCase() : '';
				const probe = (v) => { const s = document.createElement('span'); s.style.color = 'var(' + v + ')'; document.body.append(s); const c = getComputedStyle(s).color; s.remove(); return norm(c); };
				const s0 = probe('--s0');
				const svg = document.querySelector('figure.chart .chart-live svg');
				const box = (e) => e.getBoundingClientRect();
				const paths = [...svg.querySelectorAll('path')];
				const ranges = paths.filter((e) => norm(e.getAttribute('stroke')) === s0 && box(e).width < 3 && box(e).height > 10);
				// The points: small paths filled or outlined in the colour.
				const points = paths.filter((e) => box(e).width > 4 && box(e).width < 12 && box(e).height < 12 &&
					(norm(e.getAttribute('fill')) === s0 || norm(e.getAttribute('stroke')) === s0));
				const out = ranges.map((r) => {
					const a = box(r), x = (a.left + a.right) / 2;
					const pt = points.find((q) => Math.abs((box(q).left + box(q).right) / 2 - x) < 2);
					return [x, a.top, a.bottom, pt ? (box(pt).top + box(pt).bottom) / 2 : -1];
				});
				const last = out.reduce((m, r) => (r[0] > m[0] ? r : m), [-1, 0, 0, 0]);
				svg.parentElement.dispatchEvent(new MouseEvent('mousemove', { clientX: last[0], clientY: (last[1] + last[2]) / 2, bubbles: true }));
				const texts = () => [...svg.querySelectorAll('text')].map((e) => e.textContent);
				const before = texts().length;
				await new Promise((resolve) => {
					const shown = () => texts().length > before;
					if (shown()) return resolve();
					const watch = new MutationObserver(() => { if (shown()) { watch.disconnect(); resolve(); } });
					watch.observe(svg, { subtree: true, childList: true, characterData: true });
				});
				return { Ranges: out, Tooltip: texts().filter((s) => s.includes('(')) };
			})()`, &got)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Ranges) != 2 {
				t.Fatalf("%d ranges drawn, want 2: %v", len(got.Ranges), got.Ranges)
			}
			for _, r := range got.Ranges {
				if r[3] <= r[1] || r[3] >= r[2] {
					t.Errorf("range at x %v from %v to %v does not pass through its point (at %v)", r[0], r[1], r[2], r[3])
				}
			}
			if len(got.Tooltip) != 1 || !strings.Contains(got.Tooltip[0], tc.tooltip) {
				t.Errorf("tooltip lines %q, want one with %q", got.Tooltip, tc.tooltip)
			}
			if dir := os.Getenv("MINHBACH_TEST_SHOTS"); dir != "" { // to look at, when asked
				if err := p.Screenshot(filepath.Join(dir, "live-trend-intervals-"+tc.scheme+".png")); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
