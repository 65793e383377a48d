package placeholder

import (
	"fmt"
	"strings"
	"testing"
)

func TestFill(t *testing.T) {
	fill := func(words []string) (string, error) {
		if words[0] != "value" {
			return "", fmt.Errorf("unknown placeholder %q", words[0])
		}
		return "<" + strings.Join(words[1:], "|") + ">", nil
	}
	got, err := Fill("c.md", "Tỷ lệ {{< value a b >}} và {{<value c>}}.\n", fill)
	if err != nil || got != "Tỷ lệ <a|b> và <c>.\n" {
		t.Errorf("Fill = %q, %v", got, err)
	}
	_, err = Fill("c.md", "ok\nGò Quao {{< nope x >}} {{< value y >}} {{< bad >}}\n", fill)
	want := "c.md:2:9: unknown placeholder \"nope\"\nc.md:2:40: unknown placeholder \"bad\""
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want\n%s", err, want)
	}
}
