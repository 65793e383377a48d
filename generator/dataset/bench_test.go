package dataset

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"minhbach/generator/dataset/csvfile"
	"minhbach/generator/dataset/finding"
)

// benchData writes a data folder whose one export has rows canonical
// long-form rows: 1,000 units (a province and 999 communes), 10 count
// measures, and as many months from 2000-01 as it takes. Measure m1 is the
// numerator of a rate over m0, so the rate checks run too.
func benchData(b *testing.B, rows int) (dir, export string) {
	b.Helper()
	dir = b.TempDir()
	const units, measures = 1000, 10
	var us, cat []byte
	us = append(us, "code,name,type,parent\nu0000,Tỉnh,province,\n"...)
	for u := 1; u < units; u++ {
		us = fmt.Appendf(us, "u%04d,Xã %d,commune,u0000\n", u, u)
	}
	for m := range measures {
		cat = fmt.Appendf(cat, "[[measures]]\nid = \"m%d\"\nkind = \"count\"\nover_time = \"sum\"\nacross_units = \"sum\"\nname = { vi = \"m\", en = \"m\" }\n", m)
	}
	cat = append(cat, "[[indicators]]\nid = \"r\"\ntype = \"rate\"\nnumerator = \"m1\"\ndenominator = \"m0\"\ndirection = \"higher\"\nname = { vi = \"r\", en = \"r\" }\ndescription = { vi = \"r\", en = \"r\" }\n"...)
	write := func(name string, data []byte) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write(UnitsFile, us)
	write(CatalogueFile, cat)
	export = filepath.Join(dir, ExportsDir, "big.csv")
	write("exports/big.csv", nil)
	f, err := os.Create(export)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("period,unit,measure,value\n")
	n := 0
	for month := 0; n < rows; month++ {
		p := fmt.Sprintf("%d-%02d", 2000+month/12, month%12+1)
		for u := 0; u < units && n < rows; u++ {
			for m := 0; m < measures && n < rows; m++ {
				// Province totals are the sum of 999 communes' (1000+u%7) etc.
				v := 1000 + (u*7+m*13+month)%500
				if u == 0 {
					v = 0
					for c := 1; c < units; c++ {
						v += 1000 + (c*7+m*13+month)%500
					}
				}
				if m == 1 {
					v = v / 2
				}
				fmt.Fprintf(w, "%s,u%04d,m%d,%d\n", p, u, m, v)
				n++
			}
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return dir, export
}

// plainRead is the yardstick: encoding/csv and strconv over the same file,
// parsing every value and checking nothing else.
func plainRead(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return 0, err
	}
	rows := 0
	sum := 0.0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, err
		}
		v, err := strconv.ParseFloat(rec[3], 64)
		if err != nil {
			return 0, err
		}
		sum += v
		rows++
	}
	_ = sum
	return rows, nil
}

// peakHeap samples the heap in use while fn runs and returns its peak in MB.
func peakHeap(fn func()) float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := ms.HeapInuse
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return float64(peak) / (1 << 20)
}

// BenchmarkReadExport reads 1,000,000 canonical long-form rows. It reports
// rows per second for Load (every check, sorted observations) beside a plain
// encoding/csv + strconv loop over the same file, and the peak heap of each.
// The "obs-MB" metric is what the observations Load returns take; the rest
// of Load's peak is its working memory. "cpu-ms/op" is the process's CPU
// time per read, steadier than wall time on a shared machine (Load's GC
// runs on a second core).
//
//	go test ./generator/dataset -run '^$' -bench ReadExport -benchtime 3x
func BenchmarkReadExport(b *testing.B) {
	for _, rows := range []int{250_000, 1_000_000} {
		dir, export := benchData(b, rows)
		st, _ := os.Stat(export)
		b.Run(fmt.Sprintf("plain-%dk", rows/1000), func(b *testing.B) {
			read := func() {
				if n, err := plainRead(export); err != nil || n != rows {
					b.Fatalf("read %d rows, %v", n, err)
				}
			}
			b.StopTimer()
			peak := peakHeap(read)
			b.StartTimer()
			cpu := cpuTime()
			for b.Loop() {
				read()
			}
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
		})
		b.Run(fmt.Sprintf("load-%dk", rows/1000), func(b *testing.B) {
			var n int
			load := func() {
				d, err := Load(dir)
				if err != nil {
					b.Fatal(err)
				}
				n = len(d.Observations)
			}
			b.StopTimer()
			peak := peakHeap(load)
			b.StartTimer()
			cpu := cpuTime()
			for b.Loop() {
				load()
			}
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			if n != rows {
				b.Fatalf("got %d observations, want %d", n, rows)
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(float64(rows)*float64(sizeofObservation)/(1<<20), "obs-MB")
		})
	}
}

const sizeofObservation = 96

// gocsvRow is a long-form row as gocsv maps it.
type gocsvRow struct {
	Period  string `csv:"period"`
	Unit    string `csv:"unit"`
	Measure string `csv:"measure"`
	Value   string `csv:"value"`
}

// gocsvRead maps every row of path onto a struct with gocsv, in chunks, and
// parses its value: what reading exports through gocsv would cost before
// any check.
func gocsvRead(b *testing.B, path string) int {
	cf, done := csvfile.Open(path, csvfile.Options{MaxSize: DefaultMaxFileSize, MaxField: DefaultMaxField}, finding.NewCollector(0))
	defer done()
	rows := 0
	cf.Chunks(func(recs []csvfile.Record) {
		out, err := csvfile.DecodeChunk[gocsvRow](cf.Header, recs)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range out {
			if _, err := ParseNumber(r.Value, Count); err != nil {
				b.Fatal(err)
			}
			rows++
		}
	})
	return rows
}

// BenchmarkReadExportGocsv reads the 250,000 rows of BenchmarkReadExport
// through gocsv, for comparison (see csvfile.DecodeChunk).
func BenchmarkReadExportGocsv(b *testing.B) {
	const rows = 250_000
	_, export := benchData(b, rows)
	cpu := cpuTime()
	for b.Loop() {
		if n := gocsvRead(b, export); n != rows {
			b.Fatalf("read %d rows", n)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
