//go:build unix

package opendata

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"minhbach/generator/breakdown"
	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/sample"
)

// loadNational writes the national benchmark data (sample.DefaultNational,
// about 864,000 observations) and computes it.
func loadNational(b *testing.B) (*dataset.Dataset, *indicator.Result) {
	b.Helper()
	dir := b.TempDir()
	if err := sample.WriteNational(dir, sample.DefaultNational); err != nil {
		b.Fatal(err)
	}
	cat, err := os.ReadFile(filepath.Join("..", "..", "data", "catalogue.toml"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "catalogue.toml"), cat, 0o644); err != nil {
		b.Fatal(err)
	}
	ds, err := dataset.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		b.Fatal(err)
	}
	return ds, res
}

// cpuTime is the processor time of the process so far, in user space and
// in the kernel, every thread (the garbage collector's too).
func cpuTime(b *testing.B) (user, system time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// BenchmarkWriteOpenData writes the national open data as a first
// publication: every download, the change log and the data package. It
// reports processor time, files and megabytes per run besides wall time.
func BenchmarkWriteOpenData(b *testing.B) {
	ds, res := loadNational(b)
	out := filepath.Join(b.TempDir(), "public") // nothing published yet
	staging := b.TempDir()
	var user, system time.Duration
	var files, size int64
	for b.Loop() {
		u0, s0 := cpuTime(b)
		open, err := Write(context.Background(), ds, res, nil, out, staging)
		if err != nil {
			b.Fatal(err)
		}
		u1, s1 := cpuTime(b)
		user, system = user+u1-u0, system+s1-s0
		b.StopTimer()
		files, size = 0, 0
		for _, f := range open.Files {
			files++
			size += f.Bytes
		}
		if err := os.RemoveAll(staging); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(user.Milliseconds())/float64(b.N), "user-ms/op")
	b.ReportMetric(float64(system.Milliseconds())/float64(b.N), "sys-ms/op")
	b.ReportMetric(float64(files), "downloads")
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkChangeLog compares the national observations with a published
// copy: the same (a rebuild), and one without the last quarter (the export
// of a new quarter).
func BenchmarkChangeLog(b *testing.B) {
	ds, _ := loadNational(b)
	now, err := writeObservations(ds, filepath.Join(b.TempDir(), "observations.csv"))
	if err != nil {
		b.Fatal(err)
	}
	lastQuarter := []byte("\n" + now.periods[len(now.periods)-1] + ",")
	var older bytes.Buffer
	for line := range bytes.Lines(now.data) {
		if !bytes.HasPrefix(line, lastQuarter[1:]) {
			older.Write(line)
		}
	}
	for _, tc := range []struct {
		name      string
		published []byte
	}{
		{"rebuild", now.data},
		{"new-quarter", older.Bytes()},
	} {
		b.Run(tc.name, func(b *testing.B) {
			out := b.TempDir()
			if err := writeFile(filepath.Join(out, "data", "observations.csv"), tc.published); err != nil {
				b.Fatal(err)
			}
			if err := writeChangeLog([]Change{{Initial: true}}, out); err != nil {
				b.Fatal(err)
			}
			var log []Change
			for b.Loop() {
				if log, err = changeLog(ds, now, out); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(log[0].Added), "added")
		})
	}
}

// BenchmarkSampleDownloads writes the sample's open data (data/): a
// province with breakdowns by level and sector, and an annotated survey,
// which the national benchmark has neither of.
func BenchmarkSampleDownloads(b *testing.B) {
	ds, err := dataset.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		b.Fatal(err)
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		b.Fatal(err)
	}
	bd, err := breakdown.Compute(ds)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	staging := b.TempDir()
	var size int64
	for b.Loop() {
		open, err := Write(context.Background(), ds, res, bd, out, staging)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		size = 0
		for _, f := range open.Files {
			size += f.Bytes
		}
		if err := os.RemoveAll(staging); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}
