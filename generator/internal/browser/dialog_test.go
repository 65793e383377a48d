package browser

import "testing"

// TestDialogsAreRecordedAndDismissed checks that an alert is recorded with
// its message and dismissed, so that the page goes on loading: the script
// after the alert runs, and the visit does not hang.
func TestDialogsAreRecordedAndDismissed(t *testing.T) {
	b := Require(t)
	base := Serve(t, writeSite(t, map[string]string{
		"alert/index.html": `<!doctype html><title>alert</title><p id=after>before</p>
<script>alert("hello"); confirm("sure?"); document.getElementById("after").textContent = "after";</script>`,
		"quiet/index.html": `<!doctype html><title>quiet</title><p>nothing</p>`,
	}))
	p := visit(t, b, base+"alert/")
	got := p.Dialogs()
	if len(got) != 2 || got[0] != "alert: hello" || got[1] != "confirm: sure?" {
		t.Errorf("Dialogs() = %q, want [alert: hello confirm: sure?]", got)
	}
	if text := evalString(t, p, `document.getElementById("after").textContent`); text != "after" {
		t.Errorf("the script after the dialogs left %q, want \"after\"", text)
	}
	if got := visit(t, b, base+"quiet/").Dialogs(); len(got) != 0 {
		t.Errorf("Dialogs() of a page without dialogs = %q", got)
	}
}
