package foreign

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// QuoteRunes is how many characters of a cell a message quotes.
const QuoteRunes = 80

// Quote quotes s for a message as %q does, but at most its first
// QuoteRunes characters, followed by "…" and its length when it is longer:
// a message names a cell, it does not copy it, so that a file of long bad
// cells cannot make the findings huge.
func Quote(s string) string {
	if len(s) <= QuoteRunes || utf8.RuneCountInString(s) <= QuoteRunes {
		return strconv.Quote(s)
	}
	cut, n := 0, 0
	for i := range s {
		if n == QuoteRunes {
			cut = i
			break
		}
		n++
	}
	return fmt.Sprintf("%s (%d characters)", strconv.Quote(s[:cut]+"…"), utf8.RuneCountInString(s))
}
