package build

// Progress is told about the stages of a build as they run: "pages,
// charts" (the content files and their charts; the downloads are written
// at the same time), "hugo" and "publish". A *progress.Meter is one.
type Progress interface {
	// Begin says that a stage begins, whose items are called what; total is
	// how many there are, 0 when not known in advance.
	Begin(stage, what string, total int)
	// Add says that n more items of the running stage are done. The
	// languages of a site are written at the same time, so Add may be
	// called from several goroutines at once.
	Add(n int)
}

// silent is the Progress of a build nobody follows.
type silent struct{}

func (silent) Begin(string, string, int) {}
func (silent) Add(int)                   {}
