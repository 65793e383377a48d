package input

import "testing"

func TestReserved(t *testing.T) {
	for name, want := range map[string]bool{
		"con": true, "NUL": true, "aux": true, "prn": true, "com1": true, "lpt9": true, "com0": true,
		"con.csv": true, "console": false, "com10": false, "comx": false, "con-dao": false,
		"an-giang": false, "lpt": false, "": false,
	} {
		if got := Reserved(name); got != want {
			t.Errorf("Reserved(%q) = %v, want %v", name, got, want)
		}
	}
}
