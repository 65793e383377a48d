package input

import "strings"

// Reserved says whether name, which becomes a folder or file name in the
// published site (units/<code>/, <code>.csv), is one that Windows file
// systems cannot hold whatever its extension: CON, PRN, AUX, NUL, COM0–COM9
// and LPT0–LPT9, in any case. A site built on Linux with such a unit could
// not be copied, checked out or served from Windows.
func Reserved(name string) bool {
	base, _, _ := strings.Cut(strings.ToLower(name), ".")
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) && base[3] >= '0' && base[3] <= '9'
}
